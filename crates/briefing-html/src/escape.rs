//! HTML escaping: the one function every text and attribute value goes through.

/// Appends `text` to `out`, escaped so it is safe both as element text and inside a
/// double- or single-quoted attribute value.
///
/// Control characters other than tab, line feed and carriage return (C0, DEL and C1) are
/// dropped: no HTML page may contain them, and a renderer must not either. The model warns
/// when it removes them from a source; documents built in code or read from JSON can still
/// carry them.
pub(crate) fn escape_into(out: &mut String, text: &str) {
    // Copy unescaped runs in one go: most text has nothing to escape.
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (rep, len) = match b {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            b'\'' => ("&#39;", 1),
            b'\t' | b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            0x00..=0x1F | 0x7F => ("", 1),
            // C1 controls, U+0080 to U+009F, are 0xC2 followed by 0x80 to 0x9F in UTF-8.
            0xC2 if matches!(bytes.get(i + 1), Some(0x80..=0x9F)) => ("", 2),
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&text[start..i]);
        out.push_str(rep);
        i += len;
        start = i;
    }
    out.push_str(&text[start..]);
}

/// `text` escaped as [`escape_into`] does, as a new string.
pub(crate) fn escape(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    escape_into(&mut s, text);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(escape("plain – text"), "plain – text");
    }

    #[test]
    fn control_characters_are_dropped_but_line_breaks_and_tabs_kept() {
        assert_eq!(
            escape("a\u{0}b\u{1b}[31mc\u{7f}d\u{85}e\u{9f}f\tg\nh\r\ni"),
            "ab[31mcdef\tg\nh\r\ni"
        );
        // Neighbours of the C1 range are ordinary letters and stay.
        assert_eq!(escape("\u{a0}é\u{7e}"), "\u{a0}é~");
        assert_eq!(escape("<\u{8}>"), "&lt;&gt;");
    }
}
