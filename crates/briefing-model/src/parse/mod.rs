//! Parsing: source text in, [`Document`] out, with warnings.

mod finish;
mod front_matter;
mod language;
mod markdown;
mod plain;

pub use finish::title_from_stem;

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Warned};
use crate::document::{Date, Document, Meta};

/// The kinds of source the parser reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceKind {
    /// Markdown with optional YAML or TOML front matter.
    Markdown,
    /// Plain text with no markup; structure is inferred.
    Plain,
    /// The model itself as JSON.
    Json,
}

impl SourceKind {
    /// The kind a file extension implies: `.md`/`.markdown`, `.txt`/`.text`, `.json`.
    pub fn from_path(path: &Path) -> Option<SourceKind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(SourceKind::Markdown),
            "txt" | "text" => Some(SourceKind::Plain),
            "json" => Some(SourceKind::Json),
            _ => None,
        }
    }
}

/// What the parser needs besides the text.
#[derive(Debug, Clone)]
pub struct ParseOptions {
    /// The kind of source.
    pub kind: SourceKind,
    /// The file the text came from: named in diagnostics, and the title of last resort.
    pub path: Option<PathBuf>,
    /// A title given by the user (`--title`); it wins over any inferred title.
    pub title: Option<String>,
    /// The date to use when the source has none (from `SOURCE_DATE_EPOCH`).
    pub default_date: Option<Date>,
}

impl ParseOptions {
    /// Options for a source of `kind` with no file.
    pub fn new(kind: SourceKind) -> Self {
        ParseOptions {
            kind,
            path: None,
            title: None,
            default_date: None,
        }
    }
}

/// Why a source could not be parsed: one or more errors, each with its line.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}", .diagnostics.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n"))]
pub struct ParseError {
    /// The errors, in source order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses `text` into a document.
///
/// ```
/// use briefing_model::{parse, ParseOptions, SourceKind};
/// let src = "---\ntitle: Gas storage\n---\n## Outlook\n\nStorage is *full*.\n";
/// let doc = parse(src, &ParseOptions::new(SourceKind::Markdown)).unwrap().value;
/// assert_eq!(doc.meta.title, "Gas storage");
/// assert_eq!(doc.blocks.len(), 2);
/// ```
pub fn parse(text: &str, opts: &ParseOptions) -> Result<Warned<Document>, ParseError> {
    let in_file = |mut d: Diagnostic| {
        d = d.in_file(opts.path.clone());
        d
    };
    let fail = |ds: Vec<Diagnostic>| ParseError {
        diagnostics: ds.into_iter().map(in_file).collect(),
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(fail(vec![
            Diagnostic::error(0, "the source is empty: there is nothing to render")
                .with_hint("write a title and some text, or start from `briefing new NAME`"),
        ]));
    }
    if let Some(at) = text.find('\0') {
        let line = text[..at].matches('\n').count() as u32 + 1;
        return Err(fail(vec![Diagnostic::error(
            line,
            "the source contains a NUL byte: it looks like a binary file, not a briefing",
        )]));
    }
    let mut warnings = Vec::new();
    let cleaned = remove_controls(text, &mut warnings);
    let text = cleaned.as_ref();
    let mut doc = match opts.kind {
        SourceKind::Markdown => {
            let fm = front_matter::split(text).map_err(|d| fail(vec![d]))?;
            let mut meta = Meta {
                lang: "en".into(),
                ..Meta::default()
            };
            fm.apply(&mut meta, &mut warnings).map_err(fail)?;
            let body = markdown::parse(&fm.body, &mut warnings).map_err(|d| fail(vec![d]))?;
            if body.blocks.is_empty() {
                warnings.push(
                    Diagnostic::warning(0, "the briefing has front matter but no body text")
                        .with_hint("the outputs hold only the title block"),
                );
            }
            Document {
                meta,
                blocks: body.blocks,
                footnotes: body.footnotes,
            }
        }
        SourceKind::Plain => {
            let body = plain::parse(text);
            let mut meta = Meta {
                lang: "en".into(),
                ..Meta::default()
            };
            if let Some(title) = body.title {
                warnings.push(Diagnostic::note(
                    1,
                    format!("the title {title:?} comes from the first line"),
                ));
                meta.title = title;
            }
            Document {
                meta,
                blocks: body.blocks,
                footnotes: Vec::new(),
            }
        }
        SourceKind::Json => serde_json::from_str(text).map_err(|e| {
            let message = e.to_string();
            let message = message
                .split(" at line ")
                .next()
                .unwrap_or(&message)
                .to_owned();
            fail(vec![
                Diagnostic::error(
                    e.line() as u32,
                    format!("not a valid briefing in JSON: {message}"),
                )
                .with_hint("`briefing parse FILE --format json` shows the expected shape"),
            ])
        })?,
    };
    finish::finish(&mut doc, opts, &mut warnings);
    Ok(Warned {
        value: doc,
        warnings: warnings.into_iter().map(in_file).collect(),
    })
}

/// The message for a source that is not UTF-8: where the first bad byte is, by line and offset.
pub fn utf8_message(bytes: &[u8], valid_up_to: usize) -> String {
    let line = bytes[..valid_up_to].iter().filter(|&&b| b == b'\n').count() + 1;
    format!(
        "the file is not valid UTF-8: the first bad byte is on line {line}, at byte offset {valid_up_to}"
    )
}

/// Reads and parses a file, choosing the kind from its extension unless `kind` is given.
pub fn parse_file(path: &Path, kind: Option<SourceKind>) -> Result<Warned<Document>, ParseError> {
    let fail = |message: String, hint: &str| ParseError {
        diagnostics: vec![
            Diagnostic::error(0, message)
                .with_hint(hint)
                .in_file(Some(path.to_owned())),
        ],
    };
    let kind = match kind.or_else(|| SourceKind::from_path(path)) {
        Some(k) => k,
        None => {
            return Err(fail(
                "cannot tell what kind of source this is".into(),
                "name it .md, .markdown, .txt or .json",
            ));
        }
    };
    let bytes = std::fs::read(path)
        .map_err(|e| fail(format!("cannot read the file: {e}"), "check the path"))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        fail(
            utf8_message(e.as_bytes(), e.utf8_error().valid_up_to()),
            "save the file as UTF-8",
        )
    })?;
    let opts = ParseOptions {
        kind,
        path: Some(path.to_owned()),
        title: None,
        default_date: None,
    };
    parse(&text, &opts)
}

/// Control characters (C0 but tab and line ends, DEL, C1) show as nothing or as boxes, and XML
/// and HTML forbid most of them: they are removed, with one warning per line that had any.
/// Vertical tab and form feed become spaces so the words around them stay apart.
fn remove_controls<'a>(text: &'a str, warnings: &mut Vec<Diagnostic>) -> std::borrow::Cow<'a, str> {
    let is_control = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    if !text.contains(is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    /// Lines reported one by one; the rest are counted in a last warning.
    const REPORTED: usize = 20;
    let mut out = String::with_capacity(text.len());
    let mut lines_with = 0usize;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let found: Vec<char> = line.chars().filter(|&c| is_control(c)).collect();
        if found.is_empty() {
            out.push_str(line);
            continue;
        }
        out.extend(line.chars().filter_map(|c| match c {
            '\u{b}' | '\u{c}' => Some(' '),
            c if is_control(c) => None,
            c => Some(c),
        }));
        lines_with += 1;
        if lines_with <= REPORTED {
            let mut codes: Vec<String> = found
                .iter()
                .map(|c| format!("U+{:04X}", u32::from(*c)))
                .collect();
            codes.dedup();
            codes.truncate(4);
            warnings.push(Diagnostic::warning(
                n as u32 + 1,
                format!(
                    "removed {} control character(s) ({}) that no output can show",
                    found.len(),
                    codes.join(", ")
                ),
            ));
        }
    }
    if lines_with > REPORTED {
        warnings.push(Diagnostic::warning(
            0,
            format!(
                "removed control characters from {} more lines",
                lines_with - REPORTED
            ),
        ));
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{BlockKind, plain_text};

    #[test]
    fn control_characters_are_removed_with_a_warning_on_their_line() {
        let src = "# Title\n\nBell\u{7} here,\u{b}tab\u{c}feed, esc \u{1b}[1m and C1 \u{85}.\n";
        let out = parse(src, &ParseOptions::new(SourceKind::Markdown)).unwrap();
        let text = plain_text(match &out.value.blocks[0].kind {
            BlockKind::Paragraph { content } => content,
            other => panic!("{other:?}"),
        });
        assert_eq!(text, "Bell here, tab feed, esc [1m and C1 .");
        let w = &out.warnings[0];
        assert_eq!(w.line, Some(3));
        assert!(
            w.message
                .contains("removed 5 control character(s) (U+0007, U+000B, U+000C, U+001B)"),
            "{}",
            w.message
        );
        let many = "x\u{7}\n".repeat(30);
        let out = parse(&many, &ParseOptions::new(SourceKind::Plain)).unwrap();
        assert!(
            out.warnings
                .iter()
                .any(|w| w.message.contains("from 10 more lines"))
        );
    }

    #[test]
    fn json_round_trips_every_block_kind() {
        let src = "---\ntitle: T\ndate: 2025-01-02\n---\n## H\n\nP *e* **s** ~~x~~ `c` [l](https://x.org)[^1] <span lang=\"fr\">*oui* <span lang=\"la\">et</span></span>\n\n- [x] a\n  1. b\n\n> q\n\n> [!TIP]\n> t\n\n```\ncode\n```\n\n| a |\n|--:|\n| 1 |\n\n![alt](i.png)\n\n---\n\n[^1]: note\n";
        let md = parse(src, &ParseOptions::new(SourceKind::Markdown))
            .unwrap()
            .value;
        let json = serde_json::to_string(&md).unwrap();
        assert!(
            json.contains(r#"{"type":"lang","value":{"lang":"fr","content":[{"type":"emph""#),
            "{json}"
        );
        let back = parse(&json, &ParseOptions::new(SourceKind::Json))
            .unwrap()
            .value;
        assert_eq!(back, md);
    }

    #[test]
    fn empty_binary_and_body_less_sources() {
        let md = ParseOptions::new(SourceKind::Markdown);
        assert!(
            parse(" \n\n", &md)
                .unwrap_err()
                .to_string()
                .contains("the source is empty")
        );
        let e = parse("line one\nbad\0byte", &md).unwrap_err();
        assert_eq!(e.diagnostics[0].line, Some(2));
        let only = parse("---\ntitle: Only a title\n---\n", &md).unwrap();
        assert!(only.value.blocks.is_empty());
        assert!(
            only.warnings
                .iter()
                .any(|w| w.message.contains("no body text"))
        );
        assert_eq!(
            utf8_message(b"ok\nok\n\xff", 6),
            "the file is not valid UTF-8: the first bad byte is on line 3, at byte offset 6"
        );
    }

    #[test]
    fn bad_json_names_the_line() {
        let e = parse(
            "{\n\"meta\": {\"title\": 3}\n}",
            &ParseOptions::new(SourceKind::Json),
        )
        .unwrap_err();
        assert_eq!(e.diagnostics[0].line, Some(2));
        assert!(e.diagnostics[0].message.contains("not a valid briefing"));
    }
}
