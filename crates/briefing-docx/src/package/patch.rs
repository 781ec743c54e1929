//! Text surgery on the XML docx-rs writes: raw runs spliced in, run languages added,
//! schema order restored, Word's separator notes added.

use crate::convert::raw_marker;
use crate::notes::NoteKind;
use crate::text::escape;

/// The XML docx-rs wrote as text. It is always UTF-8; the standard check is much faster than
/// the lossy one, which is only the fallback.
pub(super) fn text(xml: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(xml) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => String::from_utf8_lossy(xml),
    }
}

/// Replaces each run text holding a raw marker with the recorded XML.
pub(super) fn splice_raw(xml: &[u8], raw: &[String]) -> String {
    let xml = text(xml);
    if raw.is_empty() {
        return xml.into_owned();
    }
    let open = "<w:t xml:space=\"preserve\">\u{1}";
    let mut out = String::with_capacity(xml.len() + 256);
    let mut rest: &str = &xml;
    while let Some(i) = rest.find(open) {
        out.push_str(&rest[..i]);
        let after = &rest[i + open.len()..];
        let digits = after.find('\u{1}').unwrap_or(0);
        let n: Option<usize> = after[..digits].parse().ok();
        let close = "\u{1}</w:t>";
        match n
            .and_then(|n| raw.get(n))
            .filter(|_| after[digits..].starts_with(close))
        {
            Some(r) => {
                out.push_str(r);
                rest = &after[digits + close.len()..];
            }
            None => {
                // Not ours (cannot happen: input text is cleaned of U+0001); drop the marker byte.
                out.push_str(&rest[i..i + open.len() - 1]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    debug_assert!(!out.contains(&raw_marker(0)[..1]) || raw.is_empty());
    out
}

/// Replaces each run's language marker (a text first in the run, see
/// `convert::lang_marker`) with `<w:lang>` at the end of the run's properties, where the
/// schema puts it. All three scripts get the tag, as the document default does, so Latin,
/// East Asian and complex-script text alike take the span's language.
pub(super) fn splice_langs(xml: String, langs: &[String]) -> String {
    if langs.is_empty() {
        return xml;
    }
    let open = "<w:t xml:space=\"preserve\">\u{2}";
    let close = "\u{2}</w:t>";
    let mut out = String::with_capacity(xml.len() + 256);
    let mut rest = xml.as_str();
    while let Some(i) = rest.find(open) {
        let (before, after) = (&rest[..i], &rest[i + open.len()..]);
        let digits = after.find(close).unwrap_or(0);
        let Some(lang) = after[..digits]
            .parse::<usize>()
            .ok()
            .and_then(|n| langs.get(n))
        else {
            // Not ours (cannot happen: input text is cleaned of U+0002); drop the marker byte.
            out.push_str(&rest[..i + open.len() - 1]);
            rest = after;
            continue;
        };
        let lang = escape(lang);
        let element = format!(r#"<w:lang w:val="{lang}" w:eastAsia="{lang}" w:bidi="{lang}"/>"#);
        // docx-rs writes the run's properties, empty or not, right before its first text.
        if let Some(b) = before.strip_suffix("</w:rPr>") {
            out.push_str(b);
            out.push_str(&element);
            out.push_str("</w:rPr>");
        } else {
            out.push_str(before.strip_suffix("<w:rPr />").unwrap_or(before));
            out.push_str("<w:rPr>");
            out.push_str(&element);
            out.push_str("</w:rPr>");
        }
        rest = &after[digits + close.len()..];
    }
    out.push_str(rest);
    out
}

/// Puts docx-rs's output into schema order where it is not: drops the empty `w:rPr` it puts
/// first in every `w:pPr` (the schema wants it last), moves `w:rStyle` to the front of a
/// run's `w:rPr` (docx-rs writes it after `w:b`/`w:i`), puts `w:ilvl` before `w:numId` in a
/// paragraph's numbering, and drops the `w:type` that docx-rs gives table grid columns, which
/// the schema does not have. The OOXML validator in CI reported the last two.
pub(super) fn tidy(xml: String) -> String {
    let xml = xml
        .replace("<w:pPr><w:rPr /></w:pPr>", "")
        .replace("<w:pPr><w:rPr />", "<w:pPr>");
    // Run style first.
    let xml = rewrite_bodies(xml, "<w:rPr>", "</w:rPr>", |body, out| {
        match body.find("<w:rStyle ") {
            Some(s) if s > 0 => {
                let e = s + body[s..].find("/>").map_or(0, |e| e + 2);
                out.push_str(&body[s..e]);
                out.push_str(&body[..s]);
                out.push_str(&body[e..]);
            }
            _ => out.push_str(body),
        }
    });
    // Level, then list.
    let xml = rewrite_bodies(xml, "<w:numPr>", "</w:numPr>", |body, out| {
        match body
            .find("<w:ilvl ")
            .filter(|_| body.starts_with("<w:numId "))
        {
            Some(l) => {
                out.push_str(&body[l..]);
                out.push_str(&body[..l]);
            }
            None => out.push_str(body),
        }
    });
    // A grid column has only a width.
    rewrite_bodies(xml, "<w:gridCol ", "/>", |attrs, out| {
        const TYPE: &str = " w:type=\"";
        match attrs.find(TYPE) {
            Some(t) => {
                let value = t + TYPE.len();
                let end = attrs[value..]
                    .find('"')
                    .map_or(attrs.len(), |e| value + e + 1);
                out.push_str(&attrs[..t]);
                out.push_str(&attrs[end..]);
            }
            None => out.push_str(attrs),
        }
    })
}

/// Copies `xml`, passing the body of every `open … close` element through `rewrite`
/// (which writes its version of the body into the output). Returns `xml` itself when
/// there is no such element.
fn rewrite_bodies(
    xml: String,
    open: &str,
    close: &str,
    mut rewrite: impl FnMut(&str, &mut String),
) -> String {
    if !xml.contains(open) {
        return xml;
    }
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml.as_str();
    while let Some(i) = rest.find(open) {
        let body_start = i + open.len();
        let Some(len) = rest[body_start..].find(close) else {
            break;
        };
        out.push_str(&rest[..body_start]);
        rewrite(&rest[body_start..body_start + len], &mut out);
        rest = &rest[body_start + len..];
    }
    out.push_str(rest);
    out
}

/// Replaces every `open … close` element with `with`.
pub(super) fn replace_elements(xml: &str, open: &str, close: &str, with: &str) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(i) = rest.find(open) {
        let Some(e) = rest[i..].find(close) else {
            break;
        };
        out.push_str(&rest[..i]);
        out.push_str(with);
        rest = &rest[i + e + close.len()..];
    }
    out.push_str(rest);
    out
}

/// The notes part of `kind` from docx-rs's footnotes: elements renamed for endnotes, and the
/// separator notes (ids -1 and 0, as Word writes them) before the first real note.
pub(super) fn finish_notes(xml: &str, kind: NoteKind) -> String {
    let xml = kind.rename(xml.to_owned());
    let el = kind.element();
    let ppr = r#"<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>"#;
    let separators = format!(
        concat!(
            r#"<w:{el} w:type="separator" w:id="-1"><w:p>{ppr}<w:r><w:separator/></w:r></w:p></w:{el}>"#,
            r#"<w:{el} w:type="continuationSeparator" w:id="0"><w:p>{ppr}<w:r><w:continuationSeparator/></w:r></w:p></w:{el}>"#
        ),
        el = el,
        ppr = ppr
    );
    match xml
        .find(&format!("<w:{el}s"))
        .and_then(|i| xml[i..].find('>').map(|e| i + e + 1))
    {
        Some(at) if !xml[..at].ends_with("/>") => {
            format!("{}{separators}{}", &xml[..at], &xml[at..])
        }
        _ => xml,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_markers_become_xml() {
        let xml = "<w:r><w:t xml:space=\"preserve\">\u{1}0\u{1}</w:t></w:r><w:t xml:space=\"preserve\">x</w:t>";
        let out = splice_raw(xml.as_bytes(), &["<w:footnoteRef/>".to_owned()]);
        assert_eq!(
            out,
            "<w:r><w:footnoteRef/></w:r><w:t xml:space=\"preserve\">x</w:t>"
        );
    }

    #[test]
    fn language_markers_become_run_languages() {
        let xml = concat!(
            "<w:r><w:rPr><w:b /></w:rPr><w:t xml:space=\"preserve\">\u{2}1\u{2}</w:t><w:t xml:space=\"preserve\">oui</w:t></w:r>",
            "<w:r><w:rPr /><w:t xml:space=\"preserve\">\u{2}0\u{2}</w:t><w:t xml:space=\"preserve\">ja</w:t></w:r>",
            "<w:r><w:t xml:space=\"preserve\">\u{2}0\u{2}</w:t><w:t xml:space=\"preserve\">nein</w:t></w:r>",
            "<w:r><w:rPr /><w:t xml:space=\"preserve\">en</w:t></w:r>",
        );
        let out = splice_langs(xml.to_owned(), &["de".to_owned(), "fr\"".to_owned()]);
        assert_eq!(
            out,
            concat!(
                r#"<w:r><w:rPr><w:b /><w:lang w:val="fr&quot;" w:eastAsia="fr&quot;" w:bidi="fr&quot;"/></w:rPr><w:t xml:space="preserve">oui</w:t></w:r>"#,
                r#"<w:r><w:rPr><w:lang w:val="de" w:eastAsia="de" w:bidi="de"/></w:rPr><w:t xml:space="preserve">ja</w:t></w:r>"#,
                r#"<w:r><w:rPr><w:lang w:val="de" w:eastAsia="de" w:bidi="de"/></w:rPr><w:t xml:space="preserve">nein</w:t></w:r>"#,
                r#"<w:r><w:rPr /><w:t xml:space="preserve">en</w:t></w:r>"#,
            )
        );
    }

    #[test]
    fn numbering_level_goes_before_the_list_and_grid_columns_lose_their_type() {
        let xml = r#"<w:pPr><w:numPr><w:numId w:val="3" /><w:ilvl w:val="1" /></w:numPr></w:pPr><w:tblGrid><w:gridCol w:w="2352" w:type="dxa" /><w:gridCol w:w="10" /></w:tblGrid><w:tcW w:w="5" w:type="dxa" />"#;
        assert_eq!(
            tidy(xml.to_owned()),
            r#"<w:pPr><w:numPr><w:ilvl w:val="1" /><w:numId w:val="3" /></w:numPr></w:pPr><w:tblGrid><w:gridCol w:w="2352" /><w:gridCol w:w="10" /></w:tblGrid><w:tcW w:w="5" w:type="dxa" />"#
        );
    }

    #[test]
    fn run_style_moves_first() {
        let x = tidy(r#"<w:pPr><w:rPr /><w:pStyle w:val="N" /></w:pPr><w:rPr><w:b /><w:rStyle w:val="Hyperlink" /></w:rPr>"#.into());
        assert_eq!(
            x,
            r#"<w:pPr><w:pStyle w:val="N" /></w:pPr><w:rPr><w:rStyle w:val="Hyperlink" /><w:b /></w:rPr>"#
        );
    }

    #[test]
    fn separators_go_first() {
        let xml = r#"<?xml?><w:footnotes a="b"><w:footnote w:id="1"/></w:footnotes>"#;
        let out = finish_notes(xml, NoteKind::Foot);
        assert!(out.contains(r#"a="b"><w:footnote w:type="separator""#));
        let out = finish_notes(xml, NoteKind::End);
        assert!(out.contains(r#"<w:endnotes a="b"><w:endnote w:type="separator" w:id="-1">"#));
        assert!(out.ends_with(r#"<w:endnote w:id="1"/></w:endnotes>"#));
    }
}
