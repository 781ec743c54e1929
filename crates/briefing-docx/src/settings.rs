//! `word/settings.xml`, written whole.

use crate::notes::NoteKind;
use crate::xml::Xml;

/// Namespace of WordprocessingML.
pub(crate) const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The settings of a document in `lang`: whether Word should refresh its fields (the table of
/// contents) on open, and how its notes, if any, are numbered.
pub(crate) fn settings_xml(lang: &str, has_toc: bool, notes: Option<NoteKind>) -> String {
    let mut x = Xml::part(1024);
    x.open("w:settings", &[("xmlns:w", W_NS)])
        .empty("w:zoom", &[("w:percent", "100")])
        .empty("w:defaultTabStop", &[("w:val", "720")])
        .empty("w:characterSpacingControl", &[("w:val", "doNotCompress")]);
    if has_toc {
        // Asks Word to refresh the contents (page numbers) when the file is opened.
        x.empty("w:updateFields", &[("w:val", "true")]);
    }
    if let Some(kind) = notes {
        let el = kind.element();
        let pr = format!("w:{el}Pr");
        x.open(&pr, &[]);
        if kind == NoteKind::End {
            // Word numbers endnotes i, ii, iii unless told otherwise; the body marks are 1, 2, 3.
            x.empty("w:pos", &[("w:val", "docEnd")])
                .empty("w:numFmt", &[("w:val", "decimal")]);
        }
        // The separator notes every notes part starts with.
        let note = format!("w:{el}");
        x.empty(&note, &[("w:id", "-1")])
            .empty(&note, &[("w:id", "0")])
            .close(&pr);
    }
    // Justified lines ending in a manual line break stay unstretched, as in Word's own defaults.
    x.open("w:compat", &[])
        .empty("w:doNotExpandShiftReturn", &[])
        .empty(
            "w:compatSetting",
            &[
                ("w:name", "compatibilityMode"),
                ("w:uri", "http://schemas.microsoft.com/office/word"),
                ("w:val", "15"),
            ],
        )
        .close("w:compat")
        .empty("w:themeFontLang", &[("w:val", lang)])
        .close("w:settings");
    x.into_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endnotes_are_numbered_decimal_at_the_end() {
        let x = settings_xml("en", false, Some(NoteKind::End));
        assert!(x.contains(r#"<w:endnotePr><w:pos w:val="docEnd"/><w:numFmt w:val="decimal"/><w:endnote w:id="-1"/><w:endnote w:id="0"/></w:endnotePr>"#));
        let x = settings_xml("en", true, Some(NoteKind::Foot));
        assert!(x.contains(r#"<w:updateFields w:val="true"/><w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>"#));
        assert!(!settings_xml("en", false, None).contains("notePr"));
    }
}
