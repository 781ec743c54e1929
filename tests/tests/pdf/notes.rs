//! Footnotes at the foot of the citing page, and uncited ones at the end.

use briefing_model::{Block, BlockKind, Document, Footnote, Inline, builtin};
use briefing_pdf::{Options, render};
use briefing_tests::fixtures::{para, titled};
use briefing_tests::pdf::page_texts;

#[test]
fn footnotes_sit_at_the_foot_of_the_citing_page_and_uncited_ones_at_the_end() {
    let mut theme = (*builtin("briefing").unwrap()).clone();
    theme.layout.footnotes = briefing_model::FootnotePlacement::Page;
    let filler = "Filler words keep the reader busy while the page fills up with text. ".repeat(12);
    let cite = |n: u32| {
        Block::new(BlockKind::Paragraph {
            content: vec![
                Inline::Text("A claim".into()),
                Inline::FootnoteRef { number: n },
            ],
        })
    };
    let note = |n: u32, s: &str| Footnote {
        label: n.to_string(),
        number: n,
        blocks: vec![para(s)],
        line: 0,
    };
    let mut blocks = vec![cite(1)];
    blocks.extend((0..8).map(|_| para(&filler)));
    blocks.push(cite(2));
    let doc = Document {
        meta: titled("Citations"),
        blocks,
        footnotes: vec![
            note(1, "Firstnote text"),
            note(2, "Secondnote text"),
            note(3, "Orphannote text"),
        ],
    };
    let pdf = render(&doc, &theme, &Options::default()).unwrap();
    let pages = page_texts(&pdf.value.bytes);
    assert!(pages.len() >= 2);
    let find = |w: &str| {
        pages
            .iter()
            .position(|p| p.contains(w))
            .unwrap_or(usize::MAX)
    };
    assert_eq!(find("Firstnote"), 0);
    assert_eq!(find("Secondnote"), pages.len() - 1);
    assert_eq!(find("Orphannote"), pages.len() - 1);

    // With end-notes, every note follows the body on the last page.
    theme.layout.footnotes = briefing_model::FootnotePlacement::End;
    let pages = page_texts(
        &render(&doc, &theme, &Options::default())
            .unwrap()
            .value
            .bytes,
    );
    let last = pages.last().unwrap();
    assert!(
        ["Firstnote", "Secondnote", "Orphannote"]
            .iter()
            .all(|w| last.contains(w))
    );
    assert!(!pages[0].contains("Firstnote"));
    assert!(pages[pages.len() - 1].contains("Notes"));
    assert!(!pages[0].contains("Secondnote"));
}
