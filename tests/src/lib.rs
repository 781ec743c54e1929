//! Helpers for the end-to-end tests: the repository's paths, parsing inputs and the sample,
//! documents built in code (`build`), word parity, and readers of the produced bytes: the
//! PDF's text and where it stands, DOCX parts (`docx`) and HTML pages (`html`).

pub mod fixtures;
pub mod pdf;

use std::path::{Path, PathBuf};

use briefing_model::{Date, Document, ParseOptions, SourceKind};

pub mod build;
pub mod docx;
pub mod html;
mod positions;

pub use positions::{Run, pdf_runs};

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ sits in the workspace")
        .to_owned()
}

/// Every briefing in `input/`, sorted.
pub fn inputs() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("input"))
        .expect("input/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| SourceKind::from_path(p).is_some())
        .collect();
    files.sort();
    files
}

/// Parses a file as the CLI does, with a fixed date for sources that carry none.
pub fn parse(path: &Path) -> Document {
    let text = std::fs::read_to_string(path).expect("readable source");
    let kind = SourceKind::from_path(path).expect("known extension");
    let opts = ParseOptions {
        kind,
        path: Some(path.to_owned()),
        title: None,
        default_date: Some(Date::from_unix(1_755_302_400)),
    };
    briefing_model::parse(&text, &opts)
        .expect("input parses")
        .value
}

/// The sample briefing, `input/alaska-summit.txt`, parsed as the CLI parses it.
pub fn sample() -> Document {
    parse(&root().join("input/alaska-summit.txt"))
}

/// The words a reader compares: lower case, apostrophes folded, split as `inspect` splits them;
/// a word hyphenated across a line end is joined again.
pub fn words(text: &str) -> Vec<String> {
    let text = join_hyphenated(text);
    let mut out = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let apostrophe = matches!(c, '\'' | '’')
            && !cur.is_empty()
            && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
        if c.is_alphanumeric() {
            cur.extend(c.to_lowercase());
        } else if apostrophe {
            cur.push('\'');
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn join_hyphenated(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut lines = text.split('\n').peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_end();
        let next_starts_word = lines
            .peek()
            .is_some_and(|n| n.trim_start().starts_with(char::is_alphanumeric));
        match trimmed.strip_suffix(['-', '\u{ad}']) {
            Some(head) if next_starts_word && head.ends_with(char::is_alphanumeric) => {
                out.push_str(head)
            }
            _ => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

/// The source's words, with Markdown syntax and front matter removed.
pub fn source_words(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).expect("readable source");
    let body = ["---", "+++"]
        .iter()
        .find_map(|fence| {
            let rest = text.strip_prefix(fence)?.strip_prefix('\n')?;
            let end = rest.find(&format!("\n{fence}\n"))?;
            Some(rest[end + fence.len() + 2..].to_owned())
        })
        .unwrap_or(text);
    // Link and image targets are not words a reader sees.
    let mut cleaned = String::with_capacity(body.len());
    let mut rest = body.as_str();
    while let Some(i) = rest.find("](") {
        cleaned.push_str(&rest[..i]);
        match rest[i..].find(')') {
            Some(j) => rest = &rest[i + j + 1..],
            None => {
                rest = &rest[i..];
                break;
            }
        }
    }
    cleaned.push_str(rest);
    // Code fences with their info strings, task-list boxes and emphasis markers are syntax,
    // not words a reader sees.
    let cleaned: String = cleaned
        .lines()
        .map(|l| {
            if l.trim_start().starts_with("```") || l.trim_start().starts_with("~~~") {
                ""
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let cleaned = cleaned
        .replace("[x]", " ")
        .replace("[X]", " ")
        .replace("[ ]", " ");
    let cleaned: String = cleaned
        .chars()
        .filter(|c| !matches!(c, '*' | '_' | '`' | '~'))
        .collect();
    words(&cleaned)
}

/// The share (0 to 100) of `source` words found in `out` in the same order (longest common subsequence).
pub fn parity(source: &[String], out: &[String]) -> f64 {
    if source.is_empty() {
        return 100.0;
    }
    let mut prev = vec![0u32; out.len() + 1];
    let mut cur = vec![0u32; out.len() + 1];
    for s in source {
        for (j, o) in out.iter().enumerate() {
            cur[j + 1] = if s == o {
                prev[j] + 1
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    100.0 * f64::from(prev[out.len()]) / source.len() as f64
}

/// The text of a PDF as a reader's copy-and-paste gets it, and its page count: each run of
/// text on a line of its own, as viewers separate separately placed runs.
pub fn pdf_text(bytes: &[u8]) -> (String, usize) {
    let (runs, pages) = positions::read(bytes);
    let mut text = String::new();
    for run in runs {
        text.push('\n');
        text.push_str(&run.text);
    }
    (text, pages)
}
