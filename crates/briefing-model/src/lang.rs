//! Language tags: the shape of a BCP 47 tag, checked wherever a source names a language.

/// The longest tag accepted; real tags are far shorter (RFC 5646 suggests 35 for buffers).
pub const MAX_LANGUAGE_TAG: usize = 35;

/// Whether `tag` has the shape of a BCP 47 language tag such as `en`, `fr-CA`, `zh-Hant-TW`
/// or `gsw-u-sd-chzh`: subtags of 1 to 8 ASCII letters or digits joined by hyphens, the first
/// (the language) of 2 or 3, or 5 to 8, letters, and no more than [`MAX_LANGUAGE_TAG`] bytes.
///
/// Only the shape is checked, not whether the registry knows the subtags: a tag that is well
/// formed but unknown is passed on to readers as written.
///
/// ```
/// use briefing_model::is_language_tag;
/// assert!(is_language_tag("fr"));
/// assert!(is_language_tag("en-GB"));
/// assert!(!is_language_tag("french!"));
/// assert!(!is_language_tag("f"));
/// ```
pub fn is_language_tag(tag: &str) -> bool {
    if tag.is_empty() || tag.len() > MAX_LANGUAGE_TAG {
        return false;
    }
    let mut subtags = tag.split('-');
    let primary = subtags.next().unwrap_or_default();
    let primary_ok =
        matches!(primary.len(), 2 | 3 | 5..=8) && primary.bytes().all(|b| b.is_ascii_alphabetic());
    primary_ok
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_shapes() {
        for good in [
            "en",
            "fr",
            "fra",
            "en-GB",
            "zh-Hant-TW",
            "sr-Latn-RS",
            "es-419",
            "de-CH-1996",
            "gsw-u-sd-chzh",
        ] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in [
            "",
            "e",
            "engl",
            "123",
            "en-",
            "-en",
            "en--GB",
            "en_GB",
            "en GB",
            "fr\"",
            "en-abcdefghi",
            "français",
            "aaaaaaaaa",
        ] {
            assert!(!is_language_tag(bad), "{bad}");
        }
        let long = format!("en{}", "-abcdefgh".repeat(4));
        assert_eq!(long.len(), 38);
        assert!(!is_language_tag(&long));
    }
}
