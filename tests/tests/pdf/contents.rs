//! The table of contents and internal links, read back from the PDF bytes with lopdf:
//! the contents' entries, their page numbers and destinations against the outline, and
//! the links between footnote marks and notes.

use briefing_model::{
    Block, BlockKind, Document, Footnote, FootnotePlacement, Inline, Meta, Theme, builtin,
};
use briefing_pdf::{Options, PdfStandard, render};
use briefing_tests::fixtures::{heading, para, text};
use briefing_tests::pdf::{Pdf, numbers};
use lopdf::Dictionary;

const FILLER: &str = "Filler words keep the reader busy while the page fills up with text. ";

/// Headings of levels 1 to 4 (the fourth not listed), one nested in a quote (not
/// listed: only top-level headings are), with `paras` paragraphs of filler after each.
fn sectioned(toc: Option<bool>, paras: usize) -> Document {
    let filler = FILLER.repeat(6);
    let mut blocks = Vec::new();
    let mut add = |b: Block| {
        blocks.push(b);
        for _ in 0..paras {
            blocks.push(para(&filler));
        }
    };
    add(heading(1, "Overview"));
    add(heading(2, "Supply"));
    add(heading(3, "Pipelines"));
    add(heading(4, "Compressor stations"));
    add(heading(2, "Demand"));
    add(Block::new(BlockKind::Quote {
        blocks: vec![heading(2, "Quoted heading")],
    }));
    add(heading(1, "Outlook"));
    Document {
        meta: Meta {
            title: "Contents test".into(),
            lang: "en".into(),
            toc,
            ..Meta::default()
        },
        blocks,
        footnotes: Vec::new(),
    }
}

fn pdf_of(doc: &Document, theme: &Theme) -> Pdf {
    let out = render(doc, theme, &Options::default()).unwrap();
    if let Some(dir) = std::env::var_os("BRIEFING_PDF_OUT") {
        let name = format!("toc-{}.pdf", doc.meta.title.replace(' ', "-"));
        std::fs::write(std::path::PathBuf::from(dir).join(name), &out.value.bytes).unwrap();
    }
    Pdf::new(&out.value.bytes)
}

/// The contents' links (those going to a heading, not a note) in order.
fn toc_links(pdf: &Pdf) -> Vec<(usize, String, (usize, f32))> {
    let mut out: Vec<(usize, String, (usize, f32))> = Vec::new();
    for (p, contents, d) in pdf.links() {
        if contents.starts_with("Go to note") || contents.starts_with("Back to text") {
            continue;
        }
        // A wrapped entry has one annotation per line.
        if out.last().is_some_and(|l| l.1 == contents) {
            continue;
        }
        out.push((p, contents, pdf.dest(d)));
    }
    out
}

/// The page number printed after each entry: the digits that follow the entry's text
/// and its leader dots in the text of the contents' pages (whitespace removed, since
/// lopdf's extractor may drop or add it).
fn printed_numbers(pdf: &Pdf, titles: &[String], pages: usize) -> Vec<usize> {
    let all: String = (0..pages)
        .map(|p| pdf.page_text(p))
        .collect::<String>()
        .split_whitespace()
        .collect();
    let mut at = all.find("Contents").expect("a Contents heading");
    titles
        .iter()
        .map(|t| {
            let t: String = t.split_whitespace().collect();
            at += all[at..]
                .find(&t)
                .unwrap_or_else(|| panic!("{t} not listed"))
                + t.len();
            let rest = all[at..].trim_start_matches('.');
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            at += all[at..].len() - rest.len() + digits.len();
            digits
                .parse()
                .unwrap_or_else(|_| panic!("no number after {t}"))
        })
        .collect()
}

#[test]
fn contents_appear_only_when_asked_and_only_with_headings() {
    let mut theme = (*builtin("briefing").unwrap()).clone();
    let has =
        |pdf: &Pdf| pdf.page_text(0).contains("Contents") && pdf.roles().contains(&"TOC".into());
    assert!(!theme.layout.toc);
    assert!(!has(&pdf_of(&sectioned(None, 0), &theme)));
    assert!(has(&pdf_of(&sectioned(Some(true), 0), &theme)));
    theme.layout.toc = true;
    assert!(has(&pdf_of(&sectioned(None, 0), &theme)));
    // The front matter wins over the theme.
    assert!(!has(&pdf_of(&sectioned(Some(false), 0), &theme)));
    let mut bare = sectioned(Some(true), 0);
    bare.blocks
        .retain(|b| !matches!(b.kind, BlockKind::Heading { .. }));
    let pdf = pdf_of(&bare, &theme);
    assert!(!has(&pdf) && toc_links(&pdf).is_empty());
}

fn check_against_outline(pdf: &Pdf, doc: &Document) -> Vec<usize> {
    let want: Vec<String> = doc
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Heading { level, content, .. } if *level <= 3 => {
                Some(briefing_model::plain_text(content))
            }
            _ => None,
        })
        .collect();
    let links = toc_links(pdf);
    let titles: Vec<String> = links.iter().map(|l| l.1.clone()).collect();
    assert_eq!(titles, want);
    let outline = pdf.outline();
    let toc_pages = links.last().unwrap().0 + 1;
    let numbers = printed_numbers(pdf, &titles, toc_pages);
    for ((_, title, dest), number) in links.iter().zip(&numbers) {
        let mark = outline.iter().find(|o| &o.0 == title).unwrap();
        assert_eq!(*dest, (mark.1, mark.2), "{title}: link and bookmark differ");
        assert_eq!(*number, mark.1 + 1, "{title}: printed page is not its page");
    }
    links.iter().map(|l| l.0).collect()
}

#[test]
fn entries_are_the_headings_with_their_pages_and_links() {
    let theme = builtin("briefing").unwrap();
    let doc = sectioned(Some(true), 3);
    let pdf = pdf_of(&doc, &theme);
    assert!(pdf.pages.len() >= 3);
    let at = check_against_outline(&pdf, &doc);
    assert!(at.iter().all(|p| *p == 0));
    // Not every heading is on page 1: the numbers are really looked up.
    assert!(pdf.outline().iter().any(|o| o.1 > 0));
    // The outline is unchanged: "Contents" is not a bookmark.
    assert!(pdf.outline().iter().all(|o| o.0 != "Contents"));
    // The same input gives the same bytes.
    let once = render(&doc, &theme, &Options::default())
        .unwrap()
        .value
        .bytes;
    let twice = render(&doc, &theme, &Options::default())
        .unwrap()
        .value
        .bytes;
    assert!(once == twice);
}

#[test]
fn a_contents_spanning_two_pages_and_two_digit_numbers() {
    let theme = builtin("briefing").unwrap();
    let long = "A heading long enough that its contents entry must wrap onto a second line before its page number";
    let mut doc = sectioned(Some(true), 0);
    doc.blocks.clear();
    for i in 0..60 {
        let title = if i % 7 == 3 {
            format!("{long} {i}")
        } else {
            format!("Section {i}")
        };
        doc.blocks.push(heading(1 + (i % 3) as u8, &title));
        doc.blocks.push(para(&FILLER.repeat(4)));
    }
    let pdf = pdf_of(&doc, &theme);
    let at = check_against_outline(&pdf, &doc);
    assert_eq!(at.first(), Some(&0));
    assert_eq!(at.last(), Some(&1), "the contents go on to page 2");
    assert!(
        pdf.outline().iter().any(|o| o.1 + 1 >= 10),
        "two-digit pages"
    );
}

fn cite(n: u32) -> Block {
    Block::new(BlockKind::Paragraph {
        content: vec![
            Inline::Text("A claim".into()),
            Inline::FootnoteRef { number: n },
        ],
    })
}

#[test]
fn note_marks_link_to_their_notes_and_back_for_both_placements() {
    let filler = FILLER.repeat(12);
    let mut blocks = vec![cite(1)];
    blocks.extend((0..8).map(|_| para(&filler)));
    blocks.push(cite(2));
    let note = |n: u32, s: &str| Footnote {
        label: n.to_string(),
        number: n,
        blocks: vec![para(s)],
        line: 0,
    };
    let doc = Document {
        meta: Meta {
            title: "Citations".into(),
            lang: "en".into(),
            ..Meta::default()
        },
        blocks,
        footnotes: vec![note(1, "Firstnote text"), note(2, "Secondnote text")],
    };
    for placement in [FootnotePlacement::Page, FootnotePlacement::End] {
        let mut theme = (*builtin("briefing").unwrap()).clone();
        theme.layout.footnotes = placement;
        let pdf = pdf_of(&doc, &theme);
        let links = pdf.links();
        let page_of = |w: &str| {
            (0..pdf.pages.len())
                .find(|p| pdf.page_text(*p).contains(w))
                .unwrap()
        };
        for (n, word) in [(1, "Firstnote"), (2, "Secondnote")] {
            let to = links
                .iter()
                .find(|l| l.1 == format!("Go to note {n}"))
                .unwrap_or_else(|| panic!("no link to note {n}"));
            let back = links
                .iter()
                .find(|l| l.1 == format!("Back to text of note {n}"))
                .unwrap_or_else(|| panic!("no link back from note {n}"));
            assert_eq!(pdf.dest(to.2).0, page_of(word), "{placement:?}: mark {n}");
            assert_eq!(back.0, page_of(word), "{placement:?}: note {n}");
            assert_eq!(pdf.dest(back.2).0, to.0, "{placement:?}: back from {n}");
            // The back link goes up to the mark's line, the mark's link to the note.
            let (mark_rect, back_rect) = (rect(to.2), rect(back.2));
            assert!(pdf.dest(back.2).1 >= mark_rect[3] - 0.5);
            assert!(pdf.dest(to.2).1 >= back_rect[3] - 0.5);
        }
        let last = pdf.pages.len() - 1;
        match placement {
            FootnotePlacement::Page => assert_eq!(page_of("Firstnote"), 0),
            FootnotePlacement::End => assert_eq!(page_of("Firstnote"), last),
        }
        assert!(
            links
                .iter()
                .all(|l| l.2.get(b"Dest").is_ok() && l.2.get(b"A").is_err())
        );
    }
}

fn rect(d: &Dictionary) -> [f32; 4] {
    let r = numbers(d, b"Rect");
    [r[0], r[1], r[2], r[3]]
}

#[test]
fn contents_are_tagged_toc_and_toci_with_links_and_leaders_as_artifacts() {
    let theme = builtin("briefing").unwrap();
    let doc = sectioned(Some(true), 0);
    let out = render(
        &doc,
        &theme,
        &Options {
            standard: Some(PdfStandard::Ua1),
            ..Options::default()
        },
    )
    .unwrap();
    let pdf = Pdf::new(&out.value.bytes);
    let roles = pdf.roles();
    let toc = roles.iter().position(|r| r == "TOC").unwrap();
    // "Contents" is a heading just before the list.
    assert_eq!(roles[toc - 1], "H1");
    assert_eq!(roles.iter().filter(|r| *r == "TOCI").count(), 5);
    // Overview holds a nested list: Supply, then Pipelines nested again.
    let tail: Vec<&str> = roles[toc..].iter().map(String::as_str).collect();
    assert!(
        tail.starts_with(&[
            "TOC",
            "TOCI",
            "Reference",
            "Link",
            "TOC",
            "TOCI",
            "Reference",
            "Link",
            "TOC",
            "TOCI"
        ]),
        "{tail:?}"
    );
    // The leaders are artifacts; entry texts and numbers belong to their links.
    let dump = briefing_pdf::layout_dump(&doc, &theme, &Options::default()).unwrap();
    let page1 = dump.split("\npage 2\n").next().unwrap();
    let mut leaders = 0;
    for line in page1.lines().filter(|l| l.starts_with("  text ")) {
        let (text, tag) = dumped_text(line);
        if text.chars().all(|c| c == '.' || c == ' ') {
            assert_eq!(tag, "artifact", "{line}");
            leaders += 1;
        } else if text.chars().all(|c| c.is_ascii_digit()) {
            assert!(tag.starts_with("Link#"), "page number {line}");
        }
    }
    assert_eq!(leaders, 5);
}

/// A text line of the layout dump: its quoted text and its tag (the last word).
fn dumped_text(line: &str) -> (String, &str) {
    let start = line.find('"').unwrap();
    let end = line.rfind('"').unwrap();
    let text = line[start + 1..end].replace("\\\"", "\"");
    (text, line[end + 1..].trim())
}

#[test]
fn entries_find_their_own_heading_even_when_ids_repeat() {
    // A document built in code need not give its headings unique ids.
    let theme = builtin("briefing").unwrap();
    let mut doc = sectioned(Some(true), 0);
    doc.blocks.clear();
    for title in ["First part", "Second part", "Third part"] {
        doc.blocks.push(Block::new(BlockKind::Heading {
            level: 1,
            id: String::new(),
            content: text(title),
        }));
        doc.blocks.extend((0..6).map(|_| para(&FILLER.repeat(8))));
    }
    let pdf = pdf_of(&doc, &theme);
    let pages = check_against_outline(&pdf, &doc);
    assert_eq!(pages.len(), 3);
    let dests: Vec<usize> = toc_links(&pdf).iter().map(|l| l.2.0).collect();
    assert!(dests.windows(2).all(|w| w[0] < w[1]), "{dests:?}");
}
