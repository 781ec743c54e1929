//! Helpers shared by the integration tests: sample documents and a DOCX reader.

#![allow(dead_code, unreachable_pub)]

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use briefing_model::{
    Align, Block, BlockKind, CalloutKind, Date, Document, Footnote, Inline, ListItem, Meta,
};
use quick_xml::Reader;
use quick_xml::events::Event;

/// Text.
pub fn t(s: &str) -> Inline {
    Inline::Text(s.to_owned())
}

/// A block at `line`.
pub fn at(line: u32, kind: BlockKind) -> Block {
    Block { kind, line }
}

/// A paragraph block.
pub fn para(content: Vec<Inline>) -> Block {
    Block::new(BlockKind::Paragraph { content })
}

/// A list item holding one paragraph.
pub fn item(task: Option<bool>, content: Vec<Inline>, more: Vec<Block>) -> ListItem {
    let mut blocks = vec![para(content)];
    blocks.extend(more);
    ListItem { task, blocks }
}

/// Metadata with a title only.
pub fn meta(title: &str) -> Meta {
    Meta {
        title: title.to_owned(),
        lang: "en".to_owned(),
        ..Meta::default()
    }
}

/// A document with every block and inline kind.
pub fn kitchen_sink() -> Document {
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

/// The parts of a DOCX by name.
pub fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a ZIP");
    let mut parts = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        parts.insert(f.name().unwrap().into_owned(), data);
    }
    parts
}

/// A part as text.
pub fn part(parts: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(
        parts
            .get(name)
            .unwrap_or_else(|| panic!("no part {name}"))
            .clone(),
    )
    .unwrap()
}

/// Each body paragraph of document.xml: (style id, text), in order, including table cells.
pub fn paragraphs(xml: &str) -> Vec<(String, String)> {
    let mut r = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut style = String::new();
    let mut text = String::new();
    let mut in_t = false;
    let mut in_p = false;
    loop {
        match r.read_event().expect("well-formed XML") {
            Event::Start(e) if e.name().as_ref() == "w:p" => {
                in_p = true;
                style.clear();
                text.clear();
            }
            Event::End(e) if e.name().as_ref() == "w:p" => {
                in_p = false;
                out.push((style.clone(), text.clone()));
            }
            Event::Empty(e) if e.name().as_ref() == "w:pStyle" && in_p => {
                style = attr(&e, "w:val").unwrap_or_default();
            }
            Event::Empty(e) if e.name().as_ref() == "w:br" && in_p => text.push('\n'),
            Event::Start(e) if e.name().as_ref() == "w:t" => in_t = true,
            Event::End(e) if e.name().as_ref() == "w:t" => in_t = false,
            Event::Text(t) if in_t => text.push_str(&t.xml10_content()),
            Event::GeneralRef(g) if in_t => {
                let name = g.into_inner().into_owned();
                text.push_str(match name.as_str() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("entity {other}"),
                });
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// The value of attribute `name` on `e`.
pub fn attr(e: &quick_xml::events::BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .unwrap()
                .into_owned()
        })
}

/// Every value of attribute `name` on elements called `element`, in order.
pub fn attrs(xml: &str, element: &str, name: &str) -> Vec<String> {
    let mut r = Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match r.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == element => {
                out.extend(attr(&e, name))
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// Checks that a part is well-formed XML.
pub fn well_formed(xml: &str) {
    let mut r = Reader::from_str(xml);
    r.config_mut().check_end_names = true;
    loop {
        match r.read_event() {
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("malformed XML at {}: {e}", r.buffer_position()),
        }
    }
}
