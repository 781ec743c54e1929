//! What a reader gets back: every word in order, links that work, an outline that nests.

use briefing_model::{BlockKind, builtin};
use briefing_pdf::{Options, render};
use briefing_tests::fixtures::{every_block_kind, sample};
use briefing_tests::pdf::{numbers, page_texts};
use lopdf::Object;

use super::{in_order, keep, words};

#[test]
fn every_word_of_the_sample_comes_back_in_order() {
    let theme = builtin("briefing").unwrap();
    let doc = sample();
    let pdf = render(&doc, &theme, &Options::default()).unwrap();
    keep("alaska", &pdf.value.bytes);
    assert!(pdf.warnings.is_empty(), "{:?}", pdf.warnings);
    let pages = page_texts(&pdf.value.bytes);
    assert!(pages.len() > 1);
    let all: Vec<String> = pages.iter().flat_map(|p| words(p)).collect();
    let mut source = Vec::new();
    for b in &doc.blocks {
        match &b.kind {
            BlockKind::Heading { content, .. } | BlockKind::Paragraph { content } => {
                source.extend(words(&briefing_model::plain_text(content)))
            }
            BlockKind::List { items, .. } => {
                for i in items {
                    if let BlockKind::Paragraph { content } = &i.blocks[0].kind {
                        source.extend(words(&briefing_model::plain_text(content)));
                    }
                }
            }
            _ => {}
        }
    }
    in_order(&all, &source).unwrap();
    // Justified lines keep real spaces: the words come back separated.
    let joined = all.join(" ");
    assert!(
        joined.contains("The summit, held at Joint Base Elmendorf-Richardson in Anchorage"),
        "{joined}"
    );
    assert!(pages[0].contains("OFFICIAL") && pages[1].contains("Page 2 of"));
}

#[test]
fn every_block_kind_renders_its_words() {
    let theme = builtin("briefing").unwrap();
    let pdf = render(&every_block_kind(), &theme, &Options::default()).unwrap();
    keep("everything", &pdf.value.bytes);
    let all: Vec<String> = page_texts(&pdf.value.bytes)
        .iter()
        .flat_map(|p| words(p))
        .collect();
    let expect = "Everything Briefing Overview Plain emphasis and strength and struck with inline_code() and a linked \
                  after the break Lists First bullet Outer item Inner three Inner four Done task Open task Quotes Quoted \
                  Careful callout codeblock Country Share Alaska 12 Yukon 7 Chart of exports Figure caption here Markets footnote";
    in_order(&all, &words(expect)).unwrap();
    for marker in ["3.", "4.", "[x]", "•", "Warning"] {
        assert!(all.iter().any(|w| w.contains(marker)), "{marker} missing");
    }
    // The missing figure is reported with a hint, not silently dropped.
    assert!(
        pdf.warnings
            .iter()
            .any(|w| w.message.contains("missing-chart.png"))
    );
}

#[test]
fn links_are_clickable_without_a_border() {
    let theme = builtin("briefing").unwrap();
    let pdf = render(&every_block_kind(), &theme, &Options::default()).unwrap();
    let doc = lopdf::Document::load_mem(&pdf.value.bytes).unwrap();
    let mut annots = Vec::new();
    for page in doc.get_pages().values() {
        let page = doc.get_dictionary(*page).unwrap();
        for a in page.get(b"Annots").unwrap().as_array().unwrap() {
            let d = match a {
                Object::Reference(r) => doc.get_dictionary(*r).unwrap(),
                other => other.as_dict().unwrap(),
            };
            assert_eq!(d.get(b"Subtype").unwrap().as_name().unwrap(), b"Link");
            annots.push(d);
        }
    }
    // The URL, and the footnote mark's link to its note and the note's link back.
    assert_eq!(annots.len(), 3);
    let external: Vec<_> = annots.iter().filter(|a| a.get(b"A").is_ok()).collect();
    assert_eq!(external.len(), 1);
    assert!(
        annots
            .iter()
            .filter(|a| a.get(b"A").is_err())
            .all(|a| a.get(b"Dest").is_ok())
    );
    let a = *external[0];
    let action = match a.get(b"A").unwrap() {
        Object::Reference(r) => doc.get_dictionary(*r).unwrap(),
        Object::Dictionary(d) => d,
        _ => panic!("no action"),
    };
    assert_eq!(
        action.get(b"URI").unwrap().as_str().unwrap(),
        b"https://example.org/report"
    );
    assert_eq!(numbers(a, b"Border"), [0.0, 0.0, 0.0]);
}

#[test]
fn outline_matches_the_headings_and_nests() {
    let theme = builtin("briefing").unwrap();
    let pdf = render(&every_block_kind(), &theme, &Options::default()).unwrap();
    let doc = lopdf::Document::load_mem(&pdf.value.bytes).unwrap();
    let cat = doc.catalog().unwrap();
    assert_eq!(
        cat.get(b"PageMode").unwrap().as_name().unwrap(),
        b"UseOutlines"
    );
    assert_eq!(cat.get(b"Lang").unwrap().as_str().unwrap(), b"en-GB");
    let outlines = doc
        .get_dictionary(cat.get(b"Outlines").unwrap().as_reference().unwrap())
        .unwrap();
    let title = |d: &lopdf::Dictionary| {
        String::from_utf8_lossy(d.get(b"Title").unwrap().as_str().unwrap()).into_owned()
    };
    let first = doc
        .get_dictionary(outlines.get(b"First").unwrap().as_reference().unwrap())
        .unwrap();
    assert_eq!(title(first), "Overview");
    assert!(
        first.get(b"Next").is_err(),
        "level 2 and 3 nest under the level 1 heading"
    );
    let child = doc
        .get_dictionary(first.get(b"First").unwrap().as_reference().unwrap())
        .unwrap();
    assert_eq!(title(child), "Lists");
    let grandchild = doc
        .get_dictionary(child.get(b"First").unwrap().as_reference().unwrap())
        .unwrap();
    assert_eq!(title(grandchild), "Quotes");
    assert_eq!(outlines.get(b"Count").unwrap().as_i64().unwrap(), 3);
}
