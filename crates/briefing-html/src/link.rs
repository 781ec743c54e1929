//! Link targets: which are safe to put in an `href`.

/// Schemes a link may use. Anything else (`javascript:`, `vbscript:`, `data:`, `file:`…) is
/// dropped: an allow-list cannot be bypassed by a scheme we forgot to forbid.
const ALLOWED: &[&str] = &["http", "https", "mailto", "tel", "ftp"];

/// The scheme of `url` as a browser reads it, lower-cased; `None` for relative URLs.
///
/// Browsers strip leading spaces and control characters and ignore tabs and newlines
/// anywhere in a URL, so `" java\tscript:"` is a `javascript:` URL and must be read as one.
pub(crate) fn scheme(url: &str) -> Option<String> {
    let cleaned: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let colon = cleaned.find(':')?;
    let name = &cleaned[..colon];
    let mut chars = name.chars();
    let first = chars.next()?;
    let valid = first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    // A colon after a path or query character is not a scheme separator ("a/b:c", "?x=1:2").
    valid.then(|| name.to_ascii_lowercase())
}

/// Whether `url` may be used as a link target.
pub(crate) fn is_safe(url: &str) -> bool {
    match scheme(url) {
        None => !url.trim().is_empty(),
        Some(s) => ALLOWED.contains(&s.as_str()),
    }
}

/// Whether `url` leaves the page (so print shows it after the link text).
pub(crate) fn is_external(url: &str) -> bool {
    scheme(url).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_and_data_urls_are_unsafe_however_written() {
        for url in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " \u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "jav\nascript:x",
            "vbscript:msgbox",
            "data:text/html;base64,PHNjcmlwdD4=",
            "file:///etc/passwd",
            "",
        ] {
            assert!(!is_safe(url), "{url:?} passed");
        }
    }

    #[test]
    fn ordinary_urls_are_safe() {
        for url in [
            "https://example.org/a?b=c:d",
            "mailto:a@b.c",
            "#section",
            "notes/a:b.html",
            "../x",
        ] {
            assert!(is_safe(url), "{url:?} refused");
        }
        assert!(is_external("https://example.org"));
        assert!(!is_external("#fn:1"));
    }
}
