//! Tables across pages, read back from the PDF and from the laid-out pages: a row taller
//! than the text block is broken between its lines and loses nothing; rows that fit move
//! to the next page whole; the header comes back above every piece.

use briefing_model::{Align, Block, BlockKind, Document, Inline, Meta, Theme, builtin};

use crate::fonts::FontSet;
use crate::layout::{Item, Role, Tag, Typeset, layout};
use crate::{Options, render};

fn text(s: &str) -> Vec<Inline> {
    vec![Inline::Text(s.to_owned())]
}

/// `n` numbered words `q<i>z` from `from` on, which no other text of these documents holds.
fn numbered(from: usize, n: usize) -> String {
    (from..from + n)
        .map(|i| format!("q{i}z"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text of every page, in order, as lopdf extracts it.
fn page_texts(pdf: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    pages
        .iter()
        .map(|p| doc.extract_text(&[*p]).unwrap())
        .collect()
}

/// The numbers of the `q<i>z` words in `s`, in order.
fn numbers(s: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(at) = rest.find('q') {
        rest = &rest[at + 1..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && rest[digits..].starts_with('z') {
            out.push(rest[..digits].parse().unwrap());
            rest = &rest[digits + 1..];
        }
    }
    out
}

/// A document: a paragraph, a two-column table of `rows`, a closing paragraph.
fn table_doc(rows: Vec<[String; 2]>) -> Document {
    let table = BlockKind::Table {
        align: vec![Align::Left, Align::Left],
        header: vec![text("Alpha"), text("Beta")],
        rows: rows
            .into_iter()
            .map(|r| r.iter().map(|c| text(c)).collect())
            .collect(),
    };
    Document {
        meta: Meta {
            title: "Tables".into(),
            lang: "en".into(),
            ..Meta::default()
        },
        blocks: vec![
            Block::new(BlockKind::Paragraph {
                content: text("Before the table."),
            }),
            Block::new(table),
            Block::new(BlockKind::Paragraph {
                content: text("After the table."),
            }),
        ],
        footnotes: Vec::new(),
    }
}

/// A table whose first row holds 1500 words in its first cell.
fn tall_doc() -> Document {
    table_doc(vec![
        [numbered(0, 1500), "short".into()],
        ["nextleft".into(), "nextright".into()],
    ])
}

fn laid(doc: &Document, theme: &Theme) -> (Typeset, FontSet) {
    let fonts = FontSet::new(theme).unwrap();
    (layout(doc, theme, &fonts, &Default::default()), fonts)
}

#[test]
fn a_row_taller_than_the_page_keeps_every_word_in_order() {
    let theme = builtin("briefing").unwrap();
    let pdf = render(&tall_doc(), &theme, &Options::default())
        .unwrap()
        .value
        .bytes;
    let pages = page_texts(&pdf);
    let all = pages.concat();
    assert_eq!(numbers(&all), (0..1500).collect::<Vec<_>>());
    let spanned: Vec<&String> = pages.iter().filter(|p| !numbers(p).is_empty()).collect();
    assert!(spanned.len() >= 3, "{} pages hold the row", spanned.len());
    for p in &spanned {
        assert!(p.contains("Alpha") && p.contains("Beta"), "no header: {p}");
    }
    // The rest of the table and the document follow the tall row.
    let last = all.find("q1499z").unwrap();
    let next = all.find("nextleft").expect("the next row is there");
    let after = all
        .find("After the table.")
        .expect("the text after is there");
    assert!(last < next && next < after);
    assert!(
        pdf == render(&tall_doc(), &theme, &Options::default())
            .unwrap()
            .value
            .bytes
    );
}

#[test]
fn every_piece_stays_in_the_text_block_under_a_header_and_over_a_rule() {
    let theme = builtin("briefing").unwrap();
    let (laid, fonts) = laid(&tall_doc(), &theme);
    let top = theme.page.size.height.0 - theme.page.margin_top.0;
    let bottom = theme.page.margin_bottom.0;
    let (left, right) = (
        theme.page.margin_left.0,
        theme.page.margin_left.0 + theme.text_width().0,
    );
    let mut pieces = 0;
    for (p, page) in laid.pages.iter().enumerate() {
        let runs: Vec<_> = page
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text(t) => Some(t),
                _ => None,
            })
            .collect();
        for t in &runs {
            let header = t.text == "Alpha" || t.text == "Beta";
            if t.tag == Tag::Artifact && !header {
                continue; // running header and footer
            }
            let end = t.x.0 + fonts.width(t.face, &t.text, t.size.0);
            assert!(
                t.y.0 >= bottom && t.y.0 + t.size.0 * 0.8 <= top,
                "page {}: {t:?} leaves the text block vertically",
                p + 1
            );
            assert!(
                t.x.0 >= left - 0.01 && end <= right + 0.01,
                "{t:?} ends at {end}"
            );
        }
        let cell: Vec<_> = runs
            .iter()
            .filter(|t| !numbers(&t.text).is_empty())
            .collect();
        if cell.is_empty() {
            continue;
        }
        pieces += 1;
        // At least two lines of the tall cell on every page it spans.
        let mut baselines: Vec<f32> = cell.iter().map(|t| t.y.0).collect();
        baselines.dedup_by(|a, b| (*a - *b).abs() < 0.01);
        assert!(baselines.len() >= 2, "page {}: {baselines:?}", p + 1);
        // The header sits above the piece; a rule closes it below, inside the block.
        let highest = baselines.iter().copied().fold(f32::MIN, f32::max);
        let lowest = baselines.iter().copied().fold(f32::MAX, f32::min);
        let alpha = runs.iter().find(|t| t.text == "Alpha").expect("header");
        assert!(alpha.y.0 > highest, "page {}: header below the text", p + 1);
        let closed = page.items.iter().any(|i| {
            matches!(i, Item::Line { y1, y2, x1, x2, .. }
                if y1 == y2 && y1.0 < lowest && y1.0 > lowest - 12.0 && y1.0 >= bottom
                    && (x1.0 - left).abs() < 0.01 && (x2.0 - right).abs() < 0.01)
        });
        assert!(closed, "page {}: no rule under the piece", p + 1);
    }
    assert!(pieces >= 3);
}

#[test]
fn the_pieces_of_a_row_are_one_cell_and_repeated_headers_are_artifacts() {
    let theme = builtin("briefing").unwrap();
    let (laid, _) = laid(&tall_doc(), &theme);
    let mut cells = Vec::new();
    let mut headers = Vec::new();
    for page in &laid.pages {
        for i in &page.items {
            let Item::Text(t) = i else { continue };
            if !numbers(&t.text).is_empty() {
                cells.push(t.tag);
            } else if t.text == "Alpha" {
                headers.push(t.tag);
            }
        }
    }
    let Tag::Node(td) = cells[0] else {
        panic!("untagged cell text {:?}", cells[0])
    };
    assert_eq!(laid.structure.nodes[td].role, Role::TD);
    assert!(cells.iter().all(|t| *t == Tag::Node(td)), "{cells:?}");
    let tr = laid.structure.nodes[td].parent.unwrap();
    assert_eq!(laid.structure.nodes[tr].role, Role::TR);
    // The header is content once, on the first page, and an artifact where it repeats.
    assert!(headers.len() >= 3);
    let Tag::Node(th) = headers[0] else {
        panic!("first header {:?}", headers[0])
    };
    assert_eq!(laid.structure.nodes[th].role, Role::TH);
    assert!(headers[1..].iter().all(|t| *t == Tag::Artifact));
}

#[test]
fn rows_that_fit_a_page_move_to_the_next_page_whole() {
    let theme = builtin("briefing").unwrap();
    // Rows of about a fifth of a page each: some cannot fit in what a page has left.
    let rows: Vec<[String; 2]> = (0..8)
        .map(|r| [numbered(r * 1000, 120), format!("row{r}")])
        .collect();
    let pdf = render(&table_doc(rows), &theme, &Options::default())
        .unwrap()
        .value
        .bytes;
    let pages = page_texts(&pdf);
    assert!(pages.len() >= 2);
    let mut seen = Vec::new();
    for p in &pages {
        let found = numbers(p);
        seen.extend(found.iter().copied());
        let rows: Vec<usize> = found.iter().map(|n| n / 1000).collect();
        for r in rows.iter().copied() {
            let here = rows.iter().filter(|x| **x == r).count();
            assert_eq!(here, 120, "row {r} is split across pages");
        }
    }
    let expect: Vec<usize> = (0..8).flat_map(|r| r * 1000..r * 1000 + 120).collect();
    assert_eq!(seen, expect);
}
