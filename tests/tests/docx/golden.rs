//! Golden `word/document.xml` and `word/styles.xml`, pretty-printed, for one small briefing.
//! The files under `golden/` beside this module are compared exactly.
//!
//! `BRIEFING_BLESS=1 cargo test -p briefing-tests docx::golden` rewrites them; review the
//! diff before committing.

use std::path::PathBuf;

use briefing_docx::{Options, render};
use briefing_model::{Align, BlockKind, Document, Footnote, Inline, builtin};
use briefing_tests::docx::{part, unzip};
use briefing_tests::root;
use quick_xml::events::Event;
use quick_xml::{Reader, Writer};

use super::{at, item, meta, para, t};

fn small() -> Document {
    let mut m = meta("Small briefing");
    m.authors = vec!["Desk".into()];
    Document {
        meta: m,
        blocks: vec![
            at(
                2,
                BlockKind::Heading {
                    level: 1,
                    id: "summary".into(),
                    content: vec![t("Summary")],
                },
            ),
            at(
                3,
                BlockKind::Paragraph {
                    content: vec![
                        t("Talks "),
                        Inline::Strong(vec![t("resume")]),
                        t(" in "),
                        Inline::Link {
                            url: "https://example.com".into(),
                            content: vec![t("Moscow")],
                        },
                        Inline::FootnoteRef { number: 1 },
                        t("."),
                    ],
                },
            ),
            at(
                5,
                BlockKind::List {
                    start: Some(2),
                    items: vec![
                        item(None, vec![t("second")], vec![]),
                        item(None, vec![t("third")], vec![]),
                    ],
                },
            ),
            at(
                8,
                BlockKind::Table {
                    align: vec![Align::Left, Align::Center],
                    header: vec![vec![t("Who")], vec![t("When")]],
                    rows: vec![vec![vec![t("Envoys")], vec![t("Friday")]]],
                },
            ),
        ],
        footnotes: vec![Footnote {
            label: "n".into(),
            number: 1,
            blocks: vec![para(vec![t("Per officials.")])],
            line: 11,
        }],
    }
}

fn pretty(xml: &str) -> String {
    let mut r = Reader::from_str(xml);
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    loop {
        match r.read_event().unwrap() {
            Event::Eof => break,
            e => w.write_event(e).unwrap(),
        }
    }
    String::from_utf8(w.into_inner()).unwrap() + "\n"
}

/// The golden files and the part each one holds.
const GOLDEN: [(&str, &str); 2] = [
    ("small-document.xml", "word/document.xml"),
    ("small-styles.xml", "word/styles.xml"),
];

fn golden_dir() -> PathBuf {
    root().join("tests/tests/docx/golden")
}

/// Compares `part` of the small briefing with its golden file, or rewrites the file when
/// `BRIEFING_BLESS` is set.
fn check(file: &str, part_name: &str) {
    let theme = builtin("briefing").unwrap();
    let out = render(&small(), &theme, &Options::default()).unwrap();
    let got = pretty(&part(&unzip(&out.value), part_name));
    let path = golden_dir().join(file);
    if std::env::var_os("BRIEFING_BLESS").is_some() {
        std::fs::write(&path, &got).unwrap();
    }
    let want = std::fs::read_to_string(&path)
        .expect("golden file; run with BRIEFING_BLESS=1 to create it");
    assert!(
        got == want,
        "{part_name} changed; diff against {} or bless with BRIEFING_BLESS=1",
        path.display()
    );
}

#[test]
fn document_xml_matches_the_golden_file() {
    check(GOLDEN[0].0, GOLDEN[0].1);
}

#[test]
fn styles_xml_matches_the_golden_file() {
    check(GOLDEN[1].0, GOLDEN[1].1);
}

#[test]
fn no_stale_golden_files() {
    let mut found: Vec<String> = std::fs::read_dir(golden_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    found.sort();
    let mut want: Vec<String> = GOLDEN.iter().map(|(f, _)| f.to_string()).collect();
    want.sort();
    assert_eq!(found, want, "golden/ holds files no test compares");
}
