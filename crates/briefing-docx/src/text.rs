//! Text hygiene: characters XML 1.0 forbids, and escaping for the parts we write by hand.

use std::borrow::Cow;

/// Whether `c` may appear in an XML 1.0 document.
pub(crate) fn xml_allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `s` without the characters XML 1.0 forbids, and how many were removed.
///
/// docx-rs passes control characters through, which makes a file no consumer will open.
pub(crate) fn strip_illegal(s: &str) -> (Cow<'_, str>, usize) {
    if s.chars().all(xml_allowed) {
        return (Cow::Borrowed(s), 0);
    }
    let kept: String = s.chars().filter(|&c| xml_allowed(c)).collect();
    let removed = s.chars().count() - kept.chars().count();
    (Cow::Owned(kept), removed)
}

/// Escapes text for an XML attribute or element we build by hand.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if xml_allowed(c) => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_removed() {
        let (s, n) = strip_illegal("a\u{1}b\u{0}c\u{FFFE}\td");
        assert_eq!(s, "abc\td");
        assert_eq!(n, 3);
        assert!(matches!(strip_illegal("plain").0, Cow::Borrowed(_)));
    }

    #[test]
    fn escape_covers_markup() {
        assert_eq!(escape("a<b & \"c\"\u{7}"), "a&lt;b &amp; &quot;c&quot;");
    }
}
