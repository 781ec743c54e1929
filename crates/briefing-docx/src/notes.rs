//! Footnotes or endnotes: the theme's note placement picks the kind of Word note, and with it
//! the part, the element names, the styles and the settings every other module uses.
//!
//! docx-rs only knows footnotes, so notes are always built as docx-rs footnotes; for endnotes
//! the package post-pass renames the elements (see [`NoteKind::rename`]).

use briefing_model::FootnotePlacement;

use crate::styles::id;

/// Which kind of Word note the briefing's notes become.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NoteKind {
    /// `w:footnote` in `word/footnotes.xml`, at the foot of the citing page.
    Foot,
    /// `w:endnote` in `word/endnotes.xml`, together at the end of the document.
    End,
}

impl NoteKind {
    /// The kind a theme's placement asks for.
    pub(crate) fn from_placement(p: FootnotePlacement) -> Self {
        match p {
            FootnotePlacement::Page => NoteKind::Foot,
            FootnotePlacement::End => NoteKind::End,
        }
    }

    /// The element name of one note: `footnote` or `endnote`.
    pub(crate) fn element(self) -> &'static str {
        match self {
            NoteKind::Foot => "footnote",
            NoteKind::End => "endnote",
        }
    }

    /// The part's file name inside `word/`, which is also its relationship type plus `.xml`.
    pub(crate) fn part(self) -> &'static str {
        match self {
            NoteKind::Foot => "footnotes.xml",
            NoteKind::End => "endnotes.xml",
        }
    }

    /// The paragraph style of note bodies.
    pub(crate) fn text_style(self) -> &'static str {
        match self {
            NoteKind::Foot => id::FOOTNOTE_TEXT,
            NoteKind::End => id::ENDNOTE_TEXT,
        }
    }

    /// The character style of note marks, in the body and in front of each note.
    pub(crate) fn ref_style(self) -> &'static str {
        match self {
            NoteKind::Foot => id::FOOTNOTE_REF,
            NoteKind::End => id::ENDNOTE_REF,
        }
    }

    /// The mark that opens a note's first paragraph; Word fills in the number.
    pub(crate) fn mark(self) -> &'static str {
        match self {
            NoteKind::Foot => "<w:footnoteRef/>",
            NoteKind::End => "<w:endnoteRef/>",
        }
    }

    /// The settings element numbering the notes and naming the separator notes.
    pub(crate) fn settings(self) -> &'static str {
        match self {
            NoteKind::Foot => {
                r#"<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>"#
            }
            // Word numbers endnotes i, ii, iii unless told otherwise; the body marks are 1, 2, 3.
            NoteKind::End => concat!(
                r#"<w:endnotePr><w:pos w:val="docEnd"/><w:numFmt w:val="decimal"/>"#,
                r#"<w:endnote w:id="-1"/><w:endnote w:id="0"/></w:endnotePr>"#
            ),
        }
    }

    /// `xml` (a part docx-rs wrote with footnotes) with every footnote element renamed to
    /// this kind. Text cannot collide: docx-rs escapes `<` in text, and marks in the body or
    /// before notes were written by us.
    pub(crate) fn rename(self, xml: String) -> String {
        match self {
            NoteKind::Foot => xml,
            NoteKind::End => xml
                .replace("<w:footnotes ", "<w:endnotes ")
                .replace("</w:footnotes>", "</w:endnotes>")
                .replace("<w:footnote ", "<w:endnote ")
                .replace("</w:footnote>", "</w:endnote>")
                .replace("<w:footnoteReference ", "<w:endnoteReference "),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endnotes_rename_parts_and_references_but_not_text() {
        let xml = r#"<w:footnotes a="1"><w:footnote w:id="1"><w:p><w:r><w:t>&lt;w:footnote </w:t></w:r></w:p></w:footnote></w:footnotes>"#;
        let out = NoteKind::End.rename(xml.to_owned());
        assert_eq!(
            out,
            r#"<w:endnotes a="1"><w:endnote w:id="1"><w:p><w:r><w:t>&lt;w:footnote </w:t></w:r></w:p></w:endnote></w:endnotes>"#
        );
        let body = r#"<w:r><w:footnoteReference w:id="3" /></w:r>"#;
        assert_eq!(
            NoteKind::End.rename(body.to_owned()),
            r#"<w:r><w:endnoteReference w:id="3" /></w:r>"#
        );
        assert_eq!(NoteKind::Foot.rename(body.to_owned()), body);
    }
}
