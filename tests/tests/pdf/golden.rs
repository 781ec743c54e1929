//! The layout seam as text: a golden dump of a small document, and no item left
//! without its element.

use briefing_model::{Block, BlockKind, Date, Document, ListItem, Meta, builtin};
use briefing_pdf::Options;
use briefing_tests::fixtures::{heading, para, sample, titled};

use super::{inputs, options};

#[test]
fn golden_layout_dump() {
    let theme = builtin("briefing").unwrap();
    let doc = Document {
        meta: Meta {
            date: Date::new(2025, 8, 15),
            ..titled("Golden")
        },
        blocks: vec![
            heading(1, "Heading"),
            para(
                "A short justified paragraph that runs over two lines of the text block so that the first is stretched to both margins.",
            ),
            Block::new(BlockKind::List {
                start: Some(1),
                items: vec![ListItem {
                    task: None,
                    blocks: vec![para("One item")],
                }],
            }),
        ],
        footnotes: Vec::new(),
    };
    let got = briefing_pdf::layout_dump(&doc, &theme, &Options::default()).unwrap();
    let path = briefing_tests::root().join("tests/tests/pdf/layout.txt");
    if std::env::var_os("BRIEFING_BLESS").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &got).unwrap();
    }
    let want =
        std::fs::read_to_string(&path).expect("golden file missing: run with BRIEFING_BLESS=1");
    assert_eq!(
        got, want,
        "layout changed; if intended, rerun with BRIEFING_BLESS=1"
    );
}

#[test]
fn layout_leaves_no_item_untagged() {
    let theme = builtin("briefing").unwrap();
    let mut docs: Vec<Document> = inputs().into_iter().map(|(_, d)| d).collect();
    docs.push(sample());
    for doc in docs {
        let dump = briefing_pdf::layout_dump(&doc, &theme, &options(None)).unwrap();
        let items = dump.lines().filter(|l| {
            ["  text ", "  image ", "  link "]
                .iter()
                .any(|kind| l.starts_with(kind))
        });
        let mut seen = 0;
        for line in items {
            // The tag follows the text's closing quote, or the last field.
            let tag = &line[line.rfind('"').unwrap_or(0)..];
            assert!(
                !tag.contains(" open "),
                "{}: untagged {line}",
                doc.meta.title
            );
            seen += 1;
        }
        assert!(seen > 10, "{}: {dump}", doc.meta.title);
    }
}
