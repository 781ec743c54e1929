//! Property tests: Markdown briefings assembled from random pieces (every block kind the
//! model knows, nested, with hostile Unicode) parse, render in all three formats, and the
//! files open again. Also the regression test over `tests/corpus/crashers/`.
//!
//! 64 cases by default so a debug run stays short; `PROPTEST_CASES=1000` runs more.

use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::support::{Format, panic_message, render, reopen};
use briefing_model::{ParseOptions, SourceKind};
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};

/// Characters that break naive text handling: combining marks, right-to-left and
/// bidirectional controls, CJK, emoji sequences, C0/C1 controls, odd spaces and separators.
const HOSTILE: &[&str] = &[
    "e\u{301}",
    "a\u{300}\u{316}\u{35c}",
    "\u{336}",
    "שלום",
    "مرحبا",
    "\u{202e}gnp.exe",
    "\u{200f}",
    "\u{2066}x\u{2069}",
    "中文",
    "日本語の",
    "한국어",
    "👩🏽\u{200d}🚀",
    "🇺🇳",
    "❤\u{fe0f}",
    "𝔘𝔫𝔦",
    "\u{1}",
    "\u{7}",
    "\u{8}",
    "\u{b}",
    "\u{c}",
    "\u{1b}[31m",
    "\u{7f}",
    "\u{85}",
    "\u{9c}",
    "\u{a0}",
    "\u{ad}",
    "\u{200b}",
    "\u{2028}",
    "\u{2029}",
    "\u{feff}",
    "\u{fffd}",
    "\u{fffe}",
    "\u{e000}",
    "\u{10ffff}",
    "\t",
    "&amp;",
    "&#0;",
    "<b>",
    "</w:t>",
    "]]>",
    "%PDF",
    ")\\(",
    "\\",
];

/// Plain words, so most text reads as text.
const WORDS: &[&str] = &[
    "gas",
    "storage",
    "is",
    "full",
    "Brussels",
    "agreed",
    "tariffs",
    "on",
    "Tuesday",
    "2.5%",
    "Q3",
    "supercalifragilisticexpialidocious",
    "https://example.org/a_b",
];

/// One run of text on one line: words, hostile pieces and arbitrary characters (no NUL,
/// no line ends: those belong to the block structure).
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(WORDS).prop_map(str::to_owned),
        2 => prop::sample::select(HOSTILE).prop_map(str::to_owned),
        1 => any::<char>()
            .prop_filter("no NUL or line end", |c| !matches!(c, '\0' | '\n' | '\r'))
            .prop_map(String::from),
    ];
    prop::collection::vec(piece, 1..8).prop_map(|p| p.join(" "))
}

/// Inline Markdown: text with emphasis, strong, strike, code, links, images and footnote
/// references (to notes 1-3, which the document always defines).
fn inline() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        6 => text(),
        1 => text().prop_map(|t| format!("`{}`", t.replace('`', "'"))),
        1 => (1..=3u8).prop_map(|n| format!("[^{n}]")),
        1 => Just("\\\n".to_owned()),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            inner.clone().prop_map(|t| format!("*{t}*")),
            inner.clone().prop_map(|t| format!("**{t}**")),
            inner.clone().prop_map(|t| format!("~~{t}~~")),
            (inner.clone(), text())
                .prop_map(|(t, u)| format!("[{t}](https://example.org/{})", url(&u))),
            text().prop_map(|t| format!("![{t}](missing.png)")),
            prop::collection::vec(inner, 2..4).prop_map(|v| v.join(" ")),
        ]
    })
}

/// `text` made safe for a URL path.
fn url(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .take(20)
        .collect()
}

#[derive(Debug, Clone, Copy)]
enum ListKind {
    Bullet,
    Numbered,
    Task,
}

/// A list of 1-4 items; an item may hold a nested list (the inner strategy).
fn list(nested: BoxedStrategy<String>) -> impl Strategy<Value = String> {
    let kind = prop_oneof![
        Just(ListKind::Bullet),
        Just(ListKind::Numbered),
        Just(ListKind::Task)
    ];
    let item = (inline(), prop::option::weighted(0.3, nested), any::<bool>());
    (kind, prop::collection::vec(item, 1..5)).prop_map(|(kind, items)| {
        let mut out = String::new();
        for (i, (content, child, checked)) in items.into_iter().enumerate() {
            let marker = match kind {
                ListKind::Bullet => "- ".to_owned(),
                ListKind::Numbered => format!("{}. ", i + 1),
                ListKind::Task if checked => "- [x] ".to_owned(),
                ListKind::Task => "- [ ] ".to_owned(),
            };
            // Nested blocks line up with the item's content, which a task box is part of.
            let width = match kind {
                ListKind::Task => 2,
                _ => marker.len(),
            };
            out.push_str(&marker);
            out.push_str(&content.replace('\n', " "));
            out.push('\n');
            if let Some(child) = child {
                let indent = " ".repeat(width);
                for line in child.lines() {
                    out.push_str(&indent);
                    out.push_str(line);
                    out.push('\n');
                }
            }
        }
        out
    })
}

/// A GFM table: 1-12 columns with random alignments, 0-4 body rows.
fn table() -> impl Strategy<Value = String> {
    (1..=12usize)
        .prop_flat_map(|cols| {
            let align = prop::sample::select(&[":--", ":-:", "--:", "---"][..]);
            let cell = prop_oneof![4 => inline(), 1 => Just(String::new())];
            let row = prop::collection::vec(cell, cols);
            (
                prop::collection::vec(align, cols),
                prop::collection::vec(row, 1..6),
            )
        })
        .prop_map(|(aligns, rows)| {
            let line = |cells: &[String]| {
                let cells: Vec<String> = cells
                    .iter()
                    .map(|c| c.replace('\n', " ").replace('|', "\\|"))
                    .collect();
                format!("| {} |\n", cells.join(" | "))
            };
            let mut out = line(&rows[0]);
            out.push_str(&format!("|{}|\n", aligns.join("|")));
            for row in &rows[1..] {
                out.push_str(&line(row));
            }
            out
        })
}

/// One leaf block (no nesting).
fn leaf_block() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => (1..=6usize, inline()).prop_map(|(level, t)| format!("{} {}\n", "#".repeat(level), t.replace('\n', " "))),
        5 => inline().prop_map(|t| format!("{t}\n")),
        1 => (prop::sample::select(&["", "rust", "json", "text", "日本"][..]),
              prop::collection::vec(text(), 0..5))
            .prop_map(|(lang, lines)| format!("```{lang}\n{}\n```\n", lines.join("\n").replace("```", "'''"))),
        1 => table(),
        // `***`, not `---`: a leading `---` line opens front matter in a briefing.
        1 => prop::sample::select(&["***\n", "___\n", "* * *\n"][..]).prop_map(str::to_owned),
        1 => text().prop_map(|t| format!("<div>{t}</div>\n")),
    ]
}

/// A block, with quotes, alerts and lists nesting other blocks up to three levels deep.
fn block() -> impl Strategy<Value = String> {
    leaf_block().prop_recursive(3, 16, 3, |inner| {
        let nested = inner.clone().boxed();
        prop_oneof![
            2 => list(nested),
            1 => prop::collection::vec(inner.clone(), 1..3)
                .prop_map(|blocks| quote(&blocks.join("\n"))),
            1 => (prop::sample::select(&["NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION"][..]),
                  prop::collection::vec(inner, 1..3))
                .prop_map(|(kind, blocks)| quote(&format!("[!{kind}]\n{}", blocks.join("\n")))),
        ]
    })
}

/// `body` as a block quote.
fn quote(body: &str) -> String {
    body.lines().map(|l| format!("> {l}\n")).collect()
}

/// A whole briefing: optional front matter, blocks, and the three footnotes.
fn briefing() -> impl Strategy<Value = String> {
    (
        prop::option::of(prop::sample::select(WORDS)),
        prop::collection::vec(prop_oneof![3 => leaf_block(), 2 => block()], 1..10),
        prop::collection::vec(inline(), 3),
    )
        .prop_map(|(title, blocks, notes)| {
            let mut out = String::new();
            if let Some(title) = title {
                out.push_str(&format!("---\ntitle: \"{title}\"\ndate: 2025-08-16\n---\n"));
            }
            out.push_str(&blocks.join("\n"));
            for (i, note) in notes.iter().enumerate() {
                out.push_str(&format!("\n[^{}]: {}\n", i + 1, note.replace('\n', " ")));
            }
            out
        })
}

/// `PROPTEST_CASES` if set, else 64.
fn config() -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64);
    Config {
        cases,
        // Failing cases are kept next to this file, in `properties.proptest-regressions`.
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..Config::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn random_briefings_render_in_every_format_and_open_again(source in briefing()) {
        let doc = briefing_model::parse(&source, &ParseOptions::new(SourceKind::Markdown))
            .map_err(|e| TestCaseError::fail(format!("does not parse: {e}")))?
            .value;
        // A lone first heading becomes the title; otherwise some block must survive.
        prop_assert!(!doc.blocks.is_empty() || !doc.meta.title.is_empty(), "everything was lost");
        for format in [Format::Pdf, Format::Docx, Format::Html] {
            let bytes = render(format, &doc)
                .map_err(|e| TestCaseError::fail(format!("{format:?} does not render: {e}")))?;
            reopen(format, &bytes)
                .map_err(|e| TestCaseError::fail(format!("{format:?} does not open again: {e}")))?;
        }
    }
}

/// Every minimized fuzzing crasher in `tests/corpus/crashers/*.md`, in every format: it must
/// parse (or be refused with an error) and render without a panic, and the output must open.
/// (The folder holds only its README until fuzzing finds a crash.)
#[test]
fn fuzzing_crashers_render_in_every_format() {
    let dir = briefing_tests::root().join("tests/corpus/crashers");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/corpus/crashers/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .filter(|p| !p.ends_with("README.md"))
        .collect();
    files.sort();
    let mut failures = Vec::new();
    for file in &files {
        let bytes = std::fs::read(file).expect("readable crasher");
        let source = String::from_utf8_lossy(&bytes);
        let name = file.file_name().unwrap_or_default().to_string_lossy();
        for format in [Format::Pdf, Format::Docx, Format::Html] {
            let outcome = catch_unwind(AssertUnwindSafe(|| {
                let Ok(doc) =
                    briefing_model::parse(&source, &ParseOptions::new(SourceKind::Markdown))
                else {
                    return Ok(());
                };
                let bytes = render(format, &doc.value)?;
                reopen(format, &bytes)
            }));
            match outcome {
                Ok(Ok(())) => {}
                Ok(Err(e)) => failures.push(format!("{name} in {format:?}: {e}")),
                Err(p) => failures.push(format!(
                    "{name} in {format:?}: panics: {}",
                    panic_message(p.as_ref())
                )),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
