//! Documents built in code that several tests share: the sample briefing with full
//! metadata, and a document with every kind of block and inline.

use briefing_model::{Block, BlockKind, Date, Document, Footnote, Inline, ListItem, Meta};

/// One run of plain text.
pub fn text(s: &str) -> Vec<Inline> {
    vec![Inline::Text(s.to_owned())]
}

/// A paragraph of plain text.
pub fn para(s: &str) -> Block {
    Block::new(BlockKind::Paragraph { content: text(s) })
}

/// A heading whose id is its text in lower case with dashes.
pub fn heading(level: u8, s: &str) -> Block {
    Block::new(BlockKind::Heading {
        level,
        id: s.to_lowercase().replace(' ', "-"),
        content: text(s),
    })
}

/// Metadata with just a title, in British English.
pub fn titled(title: &str) -> Meta {
    Meta {
        title: title.into(),
        lang: "en-GB".into(),
        ..Meta::default()
    }
}

/// The sample briefing (`input/alaska-summit.txt`) split by hand, with full metadata
/// (authors, summary, keywords, classification): short lines without final
/// punctuation are headings, `Label: text` lines after a line ending in a colon are
/// list items.
pub fn sample() -> Document {
    let path = crate::root().join("input/alaska-summit.txt");
    let src = std::fs::read_to_string(path).unwrap();
    let mut blocks = Vec::new();
    let mut list: Vec<ListItem> = Vec::new();
    let mut in_list = false;
    for (i, line) in src.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let n = i as u32 + 1;
        let is_item = in_list && line.find(": ").is_some_and(|p| p < 40);
        if !is_item && !list.is_empty() {
            blocks.push(Block::new(BlockKind::List {
                start: None,
                items: std::mem::take(&mut list),
            }));
        }
        if is_item {
            let (label, rest) = line.split_once(": ").unwrap();
            let content = vec![
                Inline::Strong(text(&format!("{label}:"))),
                Inline::Text(format!(" {rest}")),
            ];
            list.push(ListItem {
                task: None,
                blocks: vec![Block {
                    kind: BlockKind::Paragraph { content },
                    line: n,
                }],
            });
            continue;
        }
        in_list = line.ends_with(':');
        let ends = line.ends_with(['.', ':', '"', '”', '?', '!']);
        let kind = if line.len() < 90 && !ends {
            BlockKind::Heading {
                level: 2,
                id: format!("h{n}"),
                content: text(line),
            }
        } else {
            BlockKind::Paragraph {
                content: text(line),
            }
        };
        blocks.push(Block { kind, line: n });
    }
    Document {
        meta: Meta {
            title: "Trump and Putin meet in Alaska".into(),
            subtitle: Some("No deal until there is a deal".into()),
            authors: vec!["Briefing Desk".into()],
            organization: Some("Example Institute".into()),
            date: Date::new(2025, 8, 16),
            summary: Some("The Alaska summit and what it means".into()),
            keywords: vec!["Russia".into(), "Ukraine".into()],
            lang: "en-GB".into(),
            classification: Some("OFFICIAL".into()),
            ..Meta::default()
        },
        blocks,
        footnotes: Vec::new(),
    }
}

/// A document with every kind of block and inline (its figure's image is missing).
pub fn every_block_kind() -> Document {
    let long = "Markets opened higher as negotiators met in Anchorage for talks that lasted nearly three hours. ";
    let item = |s: &str| ListItem {
        task: None,
        blocks: vec![para(s)],
    };
    let nested = ListItem {
        task: None,
        blocks: vec![
            para("Outer item"),
            Block::new(BlockKind::List {
                start: Some(3),
                items: vec![item("Inner three"), item("Inner four")],
            }),
        ],
    };
    Document {
        meta: Meta {
            subtitle: Some("A test of every block".into()),
            ..titled("Everything Briefing")
        },
        blocks: vec![
            heading(1, "Overview"),
            Block::new(BlockKind::Paragraph {
                content: vec![
                    Inline::Text("Plain ".into()),
                    Inline::Emph(text("emphasis")),
                    Inline::Text(" and ".into()),
                    Inline::Strong(text("strength")),
                    Inline::Text(" and ".into()),
                    Inline::Strike(text("struck")),
                    Inline::Text(" with ".into()),
                    Inline::Code("inline_code()".into()),
                    Inline::Text(" and a ".into()),
                    Inline::Link {
                        url: "https://example.org/report".into(),
                        content: text("linked report"),
                    },
                    Inline::FootnoteRef { number: 1 },
                    Inline::LineBreak,
                    Inline::Text("after the break ".into()),
                    Inline::Image {
                        src: "x.png".into(),
                        alt: "inline picture".into(),
                    },
                ],
            }),
            heading(2, "Lists"),
            Block::new(BlockKind::List {
                start: None,
                items: vec![item("First bullet"), nested],
            }),
            Block::new(BlockKind::List {
                start: None,
                items: vec![
                    ListItem {
                        task: Some(true),
                        blocks: vec![para("Done task")],
                    },
                    ListItem {
                        task: Some(false),
                        blocks: vec![para("Open task")],
                    },
                ],
            }),
            heading(3, "Quotes"),
            Block::new(BlockKind::Quote {
                blocks: vec![para("Quoted words of wisdom")],
            }),
            Block::new(BlockKind::Callout {
                kind: briefing_model::CalloutKind::Warning,
                blocks: vec![para("Careful callout body")],
            }),
            Block::new(BlockKind::Code {
                lang: Some("rust".into()),
                text: "fn main() {\n    println!(\"codeblock\");\n}".into(),
            }),
            Block::new(BlockKind::Table {
                align: vec![briefing_model::Align::Left, briefing_model::Align::Right],
                header: vec![text("Country"), text("Share")],
                rows: vec![
                    vec![text("Alaska"), text("12")],
                    vec![text("Yukon"), text("7")],
                ],
            }),
            Block::new(BlockKind::Figure {
                src: "missing-chart.png".into(),
                alt: "Chart of exports".into(),
                caption: text("Figure caption here"),
            }),
            Block::new(BlockKind::Rule),
            para(&long.repeat(3)),
        ],
        footnotes: vec![Footnote {
            label: "a".into(),
            number: 1,
            blocks: vec![para("The footnote text")],
            line: 0,
        }],
    }
}
