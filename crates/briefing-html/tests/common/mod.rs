//! Helpers shared by the integration tests: documents built from JSON and pages read back.

#![allow(dead_code, unreachable_pub)]

use std::path::Path;

use briefing_html::{Options, render};
use briefing_model::{
    Align, Block, BlockKind, CalloutKind, Document, Footnote, Inline, ListItem, Meta, Theme, Warned,
};
use scraper::{Html, Selector};

/// The built-in theme.
pub fn theme() -> std::sync::Arc<Theme> {
    briefing_model::builtin("briefing").expect("built-in theme loads")
}

/// Renders with the built-in theme and default options.
pub fn render_default(doc: &Document) -> Warned<Vec<u8>> {
    render(doc, &theme(), &Options::default()).expect("renders")
}

/// Renders and parses the page.
pub fn page(doc: &Document) -> (String, Html) {
    page_with(doc, &Options::default())
}

/// Renders with `options` and parses the page.
pub fn page_with(doc: &Document, options: &Options) -> (String, Html) {
    let out = render(doc, &theme(), options).expect("renders");
    let text = String::from_utf8(out.value).expect("UTF-8");
    let html = Html::parse_document(&text);
    (text, html)
}

/// Every element matching `css`.
pub fn select<'a>(html: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let sel = Selector::parse(css).expect("valid selector");
    html.select(&sel).collect()
}

/// The text of the first element matching `css`, whitespace collapsed.
pub fn text_of(html: &Html, css: &str) -> String {
    let el = select(html, css)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no {css}"));
    collapse(&el.text().collect::<String>())
}

/// `s` with runs of whitespace made one space, trimmed.
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Plain text.
pub fn t(s: &str) -> Inline {
    Inline::Text(s.into())
}

/// A block at `line`.
pub fn at(line: u32, kind: BlockKind) -> Block {
    Block { kind, line }
}

/// A paragraph block.
pub fn para(line: u32, content: Vec<Inline>) -> Block {
    at(line, BlockKind::Paragraph { content })
}

/// A heading block.
pub fn heading(line: u32, level: u8, id: &str, text: &str) -> Block {
    at(
        line,
        BlockKind::Heading {
            level,
            id: id.into(),
            content: vec![t(text)],
        },
    )
}

/// A list item holding one paragraph (and maybe more blocks).
pub fn item(task: Option<bool>, text: &str, more: Vec<Block>) -> ListItem {
    let mut blocks = vec![para(0, vec![t(text)])];
    blocks.extend(more);
    ListItem { task, blocks }
}

/// A link inline.
pub fn link(url: &str, text: &str) -> Inline {
    Inline::Link {
        url: url.into(),
        content: vec![t(text)],
    }
}

/// A document with every block and inline kind, for structure tests.
///
/// Built in code: the model's JSON form cannot be read back yet (`Block` combines
/// `deny_unknown_fields` with `flatten`, which serde rejects).
pub fn kitchen_sink() -> Document {
    let note = |number: u32, text: &str| Footnote {
        label: format!("n{number}"),
        number,
        blocks: vec![para(0, vec![t(text)])],
        line: 49 + number,
    };
    Document {
        meta: Meta {
            title: "Arctic <Talks> & \"Beyond\"".into(),
            subtitle: Some("What the summit changed".into()),
            authors: vec!["Ada Lovelace".into(), "Grace O'Hopper".into()],
            organization: Some("Policy Unit".into()),
            date: "2025-08-15".parse().ok(),
            summary: Some("A short summary of the talks.".into()),
            lang: "en-GB".into(),
            classification: Some("OFFICIAL-SENSITIVE".into()),
            status: Some("DRAFT".into()),
            toc: Some(true),
            ..Meta::default()
        },
        blocks: vec![
            para(
                5,
                vec![
                    t("Alpha "),
                    Inline::Emph(vec![t("bravo")]),
                    t(" "),
                    Inline::Strong(vec![t("charlie")]),
                    t(" "),
                    Inline::Strike(vec![t("delta")]),
                    t(" "),
                    Inline::Code("echo <x>".into()),
                    t(" "),
                    link("https://example.org/a?b=1&c=2", "foxtrot"),
                    Inline::FootnoteRef { number: 1 },
                    Inline::LineBreak,
                    t("golf"),
                ],
            ),
            heading(7, 1, "background", "Background"),
            para(
                9,
                vec![
                    t("Hotel "),
                    link("javascript:alert(1)", "india"),
                    t(" juliet"),
                    Inline::FootnoteRef { number: 2 },
                    t(" again"),
                    Inline::FootnoteRef { number: 1 },
                ],
            ),
            heading(11, 2, "detail", "Detail"),
            at(
                13,
                BlockKind::List {
                    start: None,
                    items: vec![
                        item(None, "kilo", vec![]),
                        item(
                            None,
                            "lima",
                            vec![at(
                                15,
                                BlockKind::List {
                                    start: Some(3),
                                    items: vec![item(None, "mike", vec![])],
                                },
                            )],
                        ),
                    ],
                },
            ),
            at(
                17,
                BlockKind::List {
                    start: None,
                    items: vec![
                        item(Some(true), "november", vec![]),
                        item(Some(false), "oscar", vec![]),
                    ],
                },
            ),
            at(
                20,
                BlockKind::Quote {
                    blocks: vec![para(20, vec![t("papa")])],
                },
            ),
            at(
                22,
                BlockKind::Callout {
                    kind: CalloutKind::Warning,
                    blocks: vec![para(23, vec![t("quebec")])],
                },
            ),
            at(
                25,
                BlockKind::Code {
                    lang: Some("rust".into()),
                    text: "fn romeo() {}\n// </code></pre><script>".into(),
                },
            ),
            heading(30, 6, "deep", "Sierra"),
            at(
                32,
                BlockKind::Table {
                    align: vec![Align::Left, Align::Center, Align::Right],
                    header: vec![vec![t("Tango")], vec![t("Uniform")], vec![t("Victor")]],
                    rows: vec![
                        vec![vec![t("whiskey")], vec![t("xray")], vec![t("1.5")]],
                        vec![vec![t("yankee")]],
                    ],
                },
            ),
            at(
                36,
                BlockKind::Figure {
                    src: "missing/chart.png".into(),
                    alt: "Zulu chart".into(),
                    caption: vec![t("Figure caption")],
                },
            ),
            at(38, BlockKind::Rule),
            para(
                40,
                vec![
                    link(" data:text/html,<script>alert(1)</script>", "last"),
                    t(" "),
                    link("VBScript:msgbox", "word"),
                    Inline::Image {
                        src: "https://tracker.example/p.gif".into(),
                        alt: "pixel".into(),
                    },
                ],
            ),
        ],
        footnotes: vec![note(1, "First note."), note(2, "Second note.")],
    }
}

/// The sample briefing's text turned into a document the way the plain-text parser is
/// expected to: short lines without closing punctuation are headings, "Label: text" lines
/// after a line ending in a colon are a list, everything else is a paragraph.
pub fn alaska() -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../input/alaska-summit.txt");
    let text = std::fs::read_to_string(path).expect("sample briefing is there");
    let mut blocks: Vec<Block> = Vec::new();
    let mut items: Vec<ListItem> = Vec::new();
    let mut in_list = false;
    let mut heading_n = 0;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        let number = i as u32 + 1;
        if line.is_empty() {
            continue;
        }
        let label = line
            .split_once(": ")
            .filter(|(l, _)| l.split_whitespace().count() <= 5);
        if in_list {
            if let Some((l, rest)) = label {
                let content = vec![
                    Inline::Strong(vec![Inline::Text(format!("{l}:"))]),
                    Inline::Text(format!(" {rest}")),
                ];
                items.push(ListItem {
                    task: None,
                    blocks: vec![Block {
                        kind: BlockKind::Paragraph { content },
                        line: number,
                    }],
                });
                continue;
            }
            blocks.push(Block::new(BlockKind::List {
                start: None,
                items: std::mem::take(&mut items),
            }));
            in_list = false;
        }
        let is_heading = line.len() < 90 && !line.ends_with(['.', ':']);
        let kind = if is_heading {
            heading_n += 1;
            BlockKind::Heading {
                level: 1,
                id: format!("section-{heading_n}"),
                content: vec![Inline::Text(line.into())],
            }
        } else {
            in_list = line.ends_with(':');
            BlockKind::Paragraph {
                content: vec![Inline::Text(line.into())],
            }
        };
        blocks.push(Block { kind, line: number });
    }
    if !items.is_empty() {
        blocks.push(Block::new(BlockKind::List { start: None, items }));
    }
    Document {
        meta: Meta {
            title: "The Alaska Summit".into(),
            subtitle: Some("Trump and Putin meet in Anchorage".into()),
            authors: vec!["Briefing Desk".into()],
            organization: Some("Example Policy Unit".into()),
            date: "2025-08-16".parse().ok(),
            lang: "en".into(),
            classification: Some("OFFICIAL".into()),
            status: Some("DRAFT".into()),
            toc: Some(true),
            ..Meta::default()
        },
        blocks,
        footnotes: Vec::new(),
    }
}
