//! Documents built in code: small builders, and the document with every kind of block
//! and inline that read-back tests share.

use briefing_model::{
    Align, Block, BlockKind, CalloutKind, Document, Footnote, Inline, ListItem, Meta,
};

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

/// A document with every block and inline kind, and every way text can try to escape
/// its place (markup in the title, script links, a remote image).
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
