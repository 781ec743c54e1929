//! HTML escaping: the one function every text and attribute value goes through.

/// Appends `text` to `out`, escaped so it is safe both as element text and inside a
/// double- or single-quoted attribute value.
pub(crate) fn escape_into(out: &mut String, text: &str) {
    // Copy unescaped runs in one go: most text has nothing to escape.
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[start..i]);
        out.push_str(rep);
        start = i + 1;
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
}
