//! The page template: the theme's `page.html` with `{{name}}` placeholders.

use crate::error::Error;

/// Placeholders a template must contain, or the page would silently lose content.
const REQUIRED: &[&str] = &["header", "body", "footnotes", "footer"];

/// The values of a page's placeholders, all already escaped HTML (or CSS for `style`).
pub(crate) struct Fill<'a> {
    /// Each placeholder's name and value.
    pub(crate) values: &'a [(&'static str, &'a str)],
}

impl Fill<'_> {
    /// `template` with every `{{name}}` replaced, in one pass: a value that itself contains
    /// `{{…}}` (a heading about templates, say) is never expanded again.
    pub(crate) fn apply(&self, template: &str) -> Result<String, Error> {
        let size = template.len() + self.values.iter().map(|(_, v)| v.len()).sum::<usize>();
        let mut out = String::with_capacity(size);
        let mut rest = template;
        let mut seen = Vec::new();
        while let Some(open) = rest.find("{{") {
            out.push_str(&rest[..open]);
            let after = &rest[open + 2..];
            let Some(close) = after.find("}}") else {
                return Err(Error::Unclosed {
                    offset: template.len() - rest.len() + open,
                });
            };
            let name = after[..close].trim();
            let Some((key, value)) = self.values.iter().find(|(k, _)| *k == name) else {
                return Err(Error::UnknownPlaceholder {
                    name: name.to_owned(),
                    known: self
                        .values
                        .iter()
                        .map(|(k, _)| *k)
                        .collect::<Vec<_>>()
                        .join(", "),
                });
            };
            out.push_str(value);
            seen.push(*key);
            rest = &after[close + 2..];
        }
        out.push_str(rest);
        if let Some(name) = REQUIRED.iter().find(|r| !seen.contains(r)) {
            return Err(Error::MissingPlaceholder { name });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fill() -> Vec<(&'static str, &'static str)> {
        vec![
            ("header", "H"),
            ("body", "{{body}}"),
            ("footnotes", ""),
            ("footer", "F"),
        ]
    }

    #[test]
    fn replaces_once_and_never_reexpands() {
        let values = fill();
        let out = Fill { values: &values }
            .apply("<{{header}}|{{ body }}|{{footnotes}}{{footer}}>")
            .unwrap();
        assert_eq!(out, "<H|{{body}}|F>");
    }

    #[test]
    fn broken_templates_are_errors() {
        let values = fill();
        let f = Fill { values: &values };
        assert!(matches!(
            f.apply("{{header}}{{nope}}"),
            Err(Error::UnknownPlaceholder { .. })
        ));
        assert!(matches!(
            f.apply("{{header}}{{body}}{{footer}}"),
            Err(Error::MissingPlaceholder { name: "footnotes" })
        ));
        assert!(matches!(
            f.apply("{{header"),
            Err(Error::Unclosed { offset: 0 })
        ));
    }

    #[test]
    fn every_builtin_template_is_complete() {
        for theme in briefing_model::BUILTIN_THEMES {
            let page = &briefing_model::builtin(theme).unwrap().html.page;
            for name in REQUIRED {
                assert!(
                    page.contains(&format!("{{{{{name}}}}}")),
                    "{theme}: {name} missing"
                );
            }
        }
    }
}
