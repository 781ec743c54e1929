//! Plain text with no markup: infer the structure a reader sees.
//!
//! The rules, in the order they are tried on each line:
//! - a *heading* is a short line that does not end a sentence (a trailing closing quote or
//!   bracket is looked through; a question mark ends a heading only when the line is title-like)
//!   and is followed by more text;
//! - two or more consecutive `Label: sentence.` lines form a list whose items lead with a
//!   bold label; a single such line stays a paragraph;
//! - everything else is a paragraph. A paragraph may be hard-wrapped over several lines:
//!   a line joins the one before it when that one does not end a sentence;
//!   blank lines always separate blocks.
//!
//! The first line is the title when it is title-like (short, no sentence end) and more follows.

use crate::document::{Block, BlockKind, Inline, ListItem};

/// Longest line, in characters, that can still be a heading or title.
const MAX_HEADING_CHARS: usize = 110;
/// Most words a heading or title may have.
const MAX_HEADING_WORDS: usize = 16;
/// Most words a list label may have.
const MAX_LABEL_WORDS: usize = 7;

/// The blocks of a plain-text source, and the title when its first line is one.
pub(crate) struct Body {
    pub(crate) title: Option<String>,
    pub(crate) blocks: Vec<Block>,
}

/// One logical line: text and the 1-based line it starts on.
struct Line {
    text: String,
    line: u32,
}

pub(crate) fn parse(text: &str) -> Body {
    let lines = logical_lines(text);
    let mut title = None;
    let mut start = 0;
    if let Some(first) = lines.first()
        && lines.len() > 1
        && is_heading_like(&first.text)
        && title_case_share(&first.text) >= 0.5
    {
        title = Some(first.text.clone());
        start = 1;
    }
    let lines = &lines[start..];
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let l = &lines[i];
        // A run of labelled lines becomes a list.
        let run = lines[i..]
            .iter()
            .take_while(|l| label_split(&l.text).is_some())
            .count();
        if run >= 2 {
            let items = lines[i..i + run]
                .iter()
                .map(|l| {
                    let (label, rest) = label_split(&l.text).unwrap_or_default();
                    let content = vec![
                        Inline::Strong(vec![Inline::Text(format!("{label}:"))]),
                        Inline::Text(format!(" {rest}")),
                    ];
                    ListItem {
                        task: None,
                        blocks: vec![Block {
                            kind: BlockKind::Paragraph { content },
                            line: l.line,
                        }],
                    }
                })
                .collect();
            blocks.push(Block {
                kind: BlockKind::List { start: None, items },
                line: l.line,
            });
            i += run;
            continue;
        }
        let followed = i + 1 < lines.len();
        let kind = if followed && is_heading_like(&l.text) {
            BlockKind::Heading {
                level: 1,
                id: String::new(),
                content: vec![Inline::Text(l.text.clone())],
            }
        } else {
            BlockKind::Paragraph {
                content: vec![Inline::Text(l.text.clone())],
            }
        };
        blocks.push(Block { kind, line: l.line });
        i += 1;
    }
    Body { title, blocks }
}

/// Joins hard-wrapped lines into logical lines; blank lines separate.
fn logical_lines(text: &str) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let mut joinable = false;
    for (n, raw) in text.lines().enumerate() {
        let t = collapse_spaces(raw.trim());
        if t.is_empty() {
            joinable = false;
            continue;
        }
        match out.last_mut() {
            Some(prev) if joinable && continues(&prev.text, &t) => {
                prev.text.push(' ');
                prev.text.push_str(&t);
            }
            _ => out.push(Line {
                text: t,
                line: n as u32 + 1,
            }),
        }
        joinable = true;
    }
    out
}

fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether `next` continues the paragraph `prev` (a hard wrap) rather than starting a block.
fn continues(prev: &str, next: &str) -> bool {
    let long = prev.chars().count() >= 50;
    let starts_lower = next
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
    long && !ends_sentence(prev) && (starts_lower || !is_heading_like(prev))
}

/// The last character that matters for sentence ends, looking through closing quotes and brackets.
fn last_significant(s: &str) -> Option<char> {
    s.trim_end()
        .chars()
        .rev()
        .find(|c| !matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '*'))
}

fn ends_sentence(s: &str) -> bool {
    matches!(
        last_significant(s),
        Some('.' | '!' | '?' | ';' | ':' | ',' | '…')
    )
}

/// Short, not ending a sentence (except a title-like question), with a letter in it.
fn is_heading_like(s: &str) -> bool {
    let chars = s.chars().count();
    let words = s.split_whitespace().count();
    if chars > MAX_HEADING_CHARS || words > MAX_HEADING_WORDS || !s.chars().any(char::is_alphabetic)
    {
        return false;
    }
    match last_significant(s) {
        Some('?') => title_case_share(s) >= 0.5,
        Some('.' | '!' | ';' | ':' | ',' | '…') | None => false,
        Some(_) => s.chars().next().is_some_and(|c| !c.is_lowercase()),
    }
}

/// Share of the words of four or more letters that start with a capital.
fn title_case_share(s: &str) -> f32 {
    let words: Vec<&str> = s
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().count() >= 4)
        .collect();
    if words.is_empty() {
        return 1.0;
    }
    let capital = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    capital as f32 / words.len() as f32
}

/// `Label: sentence.` → `("Label", "sentence.")` when the label is short and the rest is a sentence.
fn label_split(s: &str) -> Option<(&str, &str)> {
    let (label, rest) = s.split_once(": ")?;
    let label = label.trim();
    let rest = rest.trim();
    let words = label.split_whitespace().count();
    let ok = (1..=MAX_LABEL_WORDS).contains(&words)
        && label.chars().next().is_some_and(char::is_uppercase)
        && !label.ends_with(['.', '!', '?'])
        && ends_sentence(rest)
        && rest.split_whitespace().count() >= 3;
    ok.then_some((label, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_end_without_a_full_stop() {
        assert!(is_heading_like(
            "A Historic Summit in Alaska: Setting the Stage for Talks"
        ));
        assert!(is_heading_like(
            "Trump’s Cautious Optimism: “No Deal Until There’s a Deal”"
        ));
        assert!(is_heading_like("What Comes Next for the Talks?"));
        assert!(!is_heading_like("He said it was “over.”"));
        assert!(!is_heading_like("Prices rose."));
        assert!(!is_heading_like("is this a heading?"));
    }

    #[test]
    fn labelled_lines_need_a_sentence() {
        assert_eq!(
            label_split("No Deal Yet: Trump emphasized that nothing was agreed."),
            Some(("No Deal Yet", "Trump emphasized that nothing was agreed."))
        );
        assert_eq!(
            label_split("Key Takeaways: What the Summit Means Going Forward"),
            None
        );
    }

    #[test]
    fn hard_wrapped_paragraphs_join() {
        let body = parse(
            "Markets Steady\n\nThe central bank held rates at four per cent on Thursday, saying\nthat inflation was easing but still above target.\n\nOutlook\n\nMore later.\n",
        );
        assert_eq!(body.title.as_deref(), Some("Markets Steady"));
        assert_eq!(body.blocks.len(), 3);
        let BlockKind::Paragraph { content } = &body.blocks[0].kind else {
            panic!()
        };
        assert!(matches!(&content[0], Inline::Text(t) if t.ends_with("above target.")));
        assert_eq!(body.blocks[0].line, 3);
        assert!(matches!(body.blocks[1].kind, BlockKind::Heading { .. }));
    }
}
