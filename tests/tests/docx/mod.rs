//! The Word renderer read back from its bytes, as a consumer reads a DOCX: the ZIP's parts
//! and their XML. The documents here are built in code, so each test says exactly what it
//! puts in.

mod body;
mod golden;
mod lang;
mod notes;
mod package;
mod pictures;
mod themes;

use std::collections::BTreeMap;

use briefing_docx::{Options, render};
use briefing_model::{
    Align, Block, BlockKind, CalloutKind, Date, Diagnostic, Document, Footnote, FootnotePlacement,
    Inline, ListItem, Meta, Theme, builtin,
};
use briefing_tests::docx::unzip;

/// The built-in `briefing` theme, its notes placed as `notes` says.
fn theme_with(notes: FootnotePlacement) -> Theme {
    let mut theme = (*builtin("briefing").unwrap()).clone();
    theme.layout.word_notes = notes;
    theme
}

/// The parts and warnings of `doc` rendered with `theme`.
fn render_in(doc: &Document, theme: &Theme) -> (BTreeMap<String, Vec<u8>>, Vec<Diagnostic>) {
    let out = render(doc, theme, &Options::default()).unwrap();
    (unzip(&out.value), out.warnings)
}

/// The parts and warnings of `doc` rendered with the built-in `briefing` theme.
fn docx(doc: &Document) -> (BTreeMap<String, Vec<u8>>, Vec<Diagnostic>) {
    render_in(doc, &builtin("briefing").unwrap())
}

/// Text.
fn t(s: &str) -> Inline {
    Inline::Text(s.to_owned())
}

/// A block at `line`.
fn at(line: u32, kind: BlockKind) -> Block {
    Block { kind, line }
}

/// A paragraph block.
fn para(content: Vec<Inline>) -> Block {
    Block::new(BlockKind::Paragraph { content })
}

/// A list item holding one paragraph.
fn item(task: Option<bool>, content: Vec<Inline>, more: Vec<Block>) -> ListItem {
    let mut blocks = vec![para(content)];
    blocks.extend(more);
    ListItem { task, blocks }
}

/// Metadata with a title only.
fn meta(title: &str) -> Meta {
    Meta {
        title: title.to_owned(),
        lang: "en".to_owned(),
        ..Meta::default()
    }
}

/// A document with every block and inline kind.
fn kitchen_sink() -> Document {
    let meta = Meta {
        title: "Alaska Summit".into(),
        subtitle: Some("What was agreed".into()),
        authors: vec!["Ann Lee".into(), "Bo Ng".into()],
        date: Date::new(2025, 8, 16),
        organization: Some("Desk".into()),
        summary: Some("No deal yet.".into()),
        keywords: vec!["Russia".into(), "USA".into()],
        lang: "en-GB".into(),
        classification: Some("OFFICIAL-SENSITIVE".into()),
        status: Some("DRAFT".into()),
        theme: None,
        toc: None,
    };
    let blocks = vec![
        at(
            3,
            BlockKind::Heading {
                level: 1,
                id: "setting-the-stage".into(),
                content: vec![t("Setting the stage")],
            },
        ),
        at(
            5,
            BlockKind::Paragraph {
                content: vec![
                    t("Plain "),
                    Inline::Emph(vec![t("italic")]),
                    t(" and "),
                    Inline::Strong(vec![t("bold")]),
                    t(" and "),
                    Inline::Strike(vec![t("gone")]),
                    t(" with "),
                    Inline::Code("x < y".into()),
                    t(" see "),
                    Inline::Link {
                        url: "https://example.com/a?b=1&c=2".into(),
                        content: vec![t("the report")],
                    },
                    Inline::FootnoteRef { number: 1 },
                    Inline::LineBreak,
                    t("after break"),
                ],
            },
        ),
        at(
            7,
            BlockKind::Heading {
                level: 2,
                id: "points".into(),
                content: vec![t("Points")],
            },
        ),
        at(
            8,
            BlockKind::List {
                start: None,
                items: vec![
                    item(
                        None,
                        vec![t("first bullet")],
                        vec![Block::new(BlockKind::List {
                            start: Some(3),
                            items: vec![
                                item(None, vec![t("nested three")], vec![]),
                                item(None, vec![t("nested four")], vec![]),
                            ],
                        })],
                    ),
                    item(Some(true), vec![t("done task")], vec![]),
                    item(Some(false), vec![t("open task")], vec![]),
                ],
            },
        ),
        at(
            12,
            BlockKind::List {
                start: Some(1),
                items: vec![
                    item(None, vec![t("step one")], vec![]),
                    item(None, vec![t("step two")], vec![]),
                ],
            },
        ),
        at(
            15,
            BlockKind::Quote {
                blocks: vec![para(vec![t("quoted words")])],
            },
        ),
        at(
            17,
            BlockKind::Callout {
                kind: CalloutKind::Warning,
                blocks: vec![para(vec![t("mind the gap")])],
            },
        ),
        at(
            19,
            BlockKind::Code {
                lang: Some("rust".into()),
                text: "fn main() {\n    println!(\"hi\");\n}".into(),
            },
        ),
        at(
            24,
            BlockKind::Table {
                align: vec![Align::Left, Align::Right],
                header: vec![vec![t("Leader")], vec![t("Hours")]],
                rows: vec![
                    vec![vec![t("Trump")], vec![t("3")]],
                    vec![vec![t("Putin")], vec![t("3")]],
                ],
            },
        ),
        at(
            28,
            BlockKind::Figure {
                src: "missing.png".into(),
                alt: "a missing map".into(),
                caption: vec![t("The base")],
            },
        ),
        at(30, BlockKind::Rule),
        at(
            31,
            BlockKind::Paragraph {
                content: vec![t("the end")],
            },
        ),
    ];
    let footnotes = vec![Footnote {
        label: "src".into(),
        number: 1,
        line: 33,
        blocks: vec![para(vec![
            t("Source: "),
            Inline::Link {
                url: "https://example.org/note".into(),
                content: vec![t("wire")],
            },
        ])],
    }];
    Document {
        meta,
        blocks,
        footnotes,
    }
}
