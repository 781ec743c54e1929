//! The plain-text heuristics, checked against briefings written in the seed's style.

use std::fs;
use std::path::{Path, PathBuf};

use briefing_model::{BlockKind, Document, Inline, ParseOptions, SourceKind, parse, plain_text};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_owned()
}

fn parse_plain(path: &Path) -> Document {
    let text = fs::read_to_string(path).unwrap();
    let opts = ParseOptions {
        path: Some(path.to_owned()),
        ..ParseOptions::new(SourceKind::Plain)
    };
    parse(&text, &opts).unwrap().value
}

/// One line per block, as `expected-structure.txt` writes it.
fn structure(doc: &Document, title_inferred: bool) -> Vec<String> {
    let mut out = vec![format!(
        "title: {}",
        if title_inferred {
            doc.meta.title.as_str()
        } else {
            "NONE"
        }
    )];
    for b in &doc.blocks {
        out.push(match &b.kind {
            BlockKind::Heading { content, .. } => format!("heading: {}", plain_text(content)),
            BlockKind::Paragraph { content } => {
                let text = plain_text(content);
                format!(
                    "paragraph: {}",
                    text.split_whitespace()
                        .take(5)
                        .collect::<Vec<_>>()
                        .join(" ")
                )
            }
            BlockKind::List { items, .. } => format!("list: {} items", items.len()),
            other => format!("unexpected: {other:?}"),
        });
    }
    out
}

#[test]
fn plain_cases_match_their_expected_structure() {
    let cases = root().join("tests/cases");
    let mut checked = 0;
    for entry in fs::read_dir(&cases).unwrap() {
        let dir = entry.unwrap().path();
        let expected = dir.join("expected-structure.txt");
        if !expected.exists() {
            continue;
        }
        let input = dir.join("input.txt");
        let text = fs::read_to_string(&input).unwrap();
        let opts = ParseOptions {
            path: Some(input.clone()),
            ..ParseOptions::new(SourceKind::Plain)
        };
        let parsed = parse(&text, &opts).unwrap();
        let inferred = parsed
            .warnings
            .iter()
            .any(|w| w.message.contains("comes from the first line"));
        let got = structure(&parsed.value, inferred);
        let want: Vec<String> = fs::read_to_string(&expected)
            .unwrap()
            .lines()
            .map(str::to_owned)
            .collect();
        assert_eq!(got, want, "structure of {}", input.display());
        checked += 1;
    }
    assert!(checked >= 3, "only {checked} plain-text cases found");
}

#[test]
fn the_seed_has_six_sections_and_five_takeaways() {
    let doc = parse_plain(&root().join("input/alaska-summit.txt"));
    let headings: Vec<String> = doc
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Heading { content, level, .. } => {
                assert_eq!(*level, 1);
                Some(plain_text(content))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        headings,
        [
            "A Historic Summit in Alaska: Setting the Stage for Talks",
            "Trump’s Cautious Optimism: “No Deal Until There’s a Deal”",
            "Putin’s Stance: Ukraine as a “Tragedy” and Security Concern",
            "Symbolism, Gestures, and the Politics of Diplomacy",
            "Key Takeaways: What the Alaska Summit Means Going Forward",
            "A Step Toward Dialogue, But the Road Remains Long",
        ]
    );
    let lists: Vec<_> = doc
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::List { items, start } => Some((items, start)),
            _ => None,
        })
        .collect();
    assert_eq!(lists.len(), 1);
    let (items, start) = lists[0];
    assert_eq!(*start, None);
    assert_eq!(items.len(), 5);
    let BlockKind::Paragraph { content } = &items[0].blocks[0].kind else {
        panic!()
    };
    assert_eq!(
        content[0],
        Inline::Strong(vec![Inline::Text("No Deal Yet:".into())])
    );
    let paragraphs = doc
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Paragraph { .. }))
        .count();
    assert_eq!(paragraphs, 18);
    // No title line in the seed: the file name gives it.
    assert_eq!(doc.meta.title, "Alaska Summit");
    assert_eq!(doc.blocks[0].line, 1);
}

#[test]
fn markdown_edition_carries_the_same_structure() {
    let path = root().join("input/alaska-summit.md");
    let doc = briefing_model::parse_file(&path, None).unwrap().value;
    let plain = parse_plain(&root().join("input/alaska-summit.txt"));
    let kinds = |d: &Document| {
        d.blocks
            .iter()
            .map(|b| std::mem::discriminant(&b.kind))
            .collect::<Vec<_>>()
    };
    assert_eq!(kinds(&doc), kinds(&plain));
    assert_eq!(doc.meta.lang, "en");
    assert!(!doc.meta.authors.is_empty());
}
