//! The body: paragraphs and their styles, runs, lists, tables, the contents, and every word
//! of a real briefing.

use std::collections::BTreeSet;

use briefing_docx::{Options, render};
use briefing_model::{Assets, Block, BlockKind, Document, FootnotePlacement, Inline, builtin};
use briefing_tests::docx::{attrs, paragraphs, part, unzip, well_formed};
use briefing_tests::{parity, parse, root, source_words, words};

use super::{at, docx, kitchen_sink, meta, para, render_in, t, theme_with};

#[test]
fn every_part_is_well_formed_xml() {
    let (parts, _) = docx(&kitchen_sink());
    for (name, data) in &parts {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            well_formed(std::str::from_utf8(data).unwrap());
        }
    }
    assert!(parts.contains_key("[Content_Types].xml") && parts.contains_key("_rels/.rels"));
}

#[test]
fn paragraphs_name_their_styles_and_keep_the_words_in_order() {
    let (parts, _) = docx(&kitchen_sink());
    let paras = paragraphs(&part(&parts, "word/document.xml"));
    let expect = [
        ("Title", "Alaska Summit"),
        ("Subtitle", "What was agreed"),
        ("Byline", "Ann Lee, Bo Ng · Desk · 16 August 2025"),
        ("Abstract", "No deal yet."),
        ("Heading1", "Setting the stage"),
        (
            "Normal",
            "Plain italic and bold and gone with x < y see the report\nafter break",
        ),
        ("Heading2", "Points"),
        ("ListBullet", "first bullet"),
        ("ListNumber", "nested three"),
        ("ListNumber", "nested four"),
        ("ListBullet", "☑ done task"),
        ("ListBullet", "☐ open task"),
        ("ListNumber", "step one"),
        ("ListNumber", "step two"),
        ("Quote", "quoted words"),
        ("IntenseQuote", "Warning: mind the gap"),
        ("SourceCode", "fn main() {\n    println!(\"hi\");\n}"),
        ("TableHeading", "Leader"),
        ("TableHeading", "Hours"),
        ("TableText", "Trump"),
        ("TableText", "3"),
        ("TableText", "Putin"),
        ("TableText", "3"),
        ("Figure", "a missing map"),
        ("Caption", "The base"),
        ("Rule", ""),
        ("Normal", "the end"),
    ];
    let got: Vec<(&str, &str)> = paras
        .iter()
        .map(|(s, t)| (s.as_str(), t.as_str()))
        .collect();
    assert_eq!(got, expect);
}

#[test]
fn runs_carry_only_emphasis_and_character_styles() {
    let (parts, _) = docx(&kitchen_sink());
    let xml = part(&parts, "word/document.xml");
    for forbidden in ["<w:sz ", "<w:color ", "<w:rFonts "] {
        assert!(
            !xml.contains(forbidden),
            "direct formatting {forbidden} in document.xml"
        );
    }
    let styles: BTreeSet<String> = attrs(&xml, "w:rStyle", "w:val").into_iter().collect();
    let allowed: BTreeSet<String> = [
        "VerbatimChar",
        "Hyperlink",
        "FootnoteReference",
        "EndnoteReference",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    assert!(styles.is_subset(&allowed), "{styles:?}");
    assert!(xml.contains("<w:strike />") && xml.contains("<w:i />") && xml.contains("<w:b />"));
}

#[test]
fn styles_part_defines_word_built_ins_from_the_theme() {
    let (parts, _) = docx(&kitchen_sink());
    let xml = part(&parts, "word/styles.xml");
    let ids = attrs(&xml, "w:style", "w:styleId");
    for id in [
        "Normal",
        "Title",
        "Subtitle",
        "Heading1",
        "Heading2",
        "Heading3",
        "Heading4",
        "Heading5",
        "Heading6",
        "Quote",
        "IntenseQuote",
        "ListBullet",
        "ListNumber",
        "Caption",
        "FootnoteText",
        "FootnoteReference",
        "Hyperlink",
        "SourceCode",
        "VerbatimChar",
        "BriefingTable",
        "TOC1",
        "TOC2",
        "TOC3",
    ] {
        assert_eq!(ids.iter().filter(|i| *i == id).count(), 1, "style {id}");
    }
    // The document language from meta, in the defaults.
    assert_eq!(attrs(&xml, "w:lang", "w:val"), ["en-GB"]);
    // Every paragraph style the document uses is defined.
    let used: BTreeSet<String> = attrs(&part(&parts, "word/document.xml"), "w:pStyle", "w:val")
        .into_iter()
        .collect();
    for u in used {
        assert!(ids.contains(&u), "undefined style {u}");
    }
}

#[test]
fn lists_use_numbering_ids_from_two_and_restart_with_their_start() {
    let (parts, _) = docx(&kitchen_sink());
    let doc = part(&parts, "word/document.xml");
    let used: Vec<usize> = attrs(&doc, "w:numId", "w:val")
        .iter()
        .map(|v| v.parse().unwrap())
        .collect();
    assert!(used.iter().all(|&n| n >= 2), "{used:?}");
    let numbering = part(&parts, "word/numbering.xml");
    // Three lists (bullets, nested numbered from 3, numbered from 1): three w:num of our own.
    let nums: BTreeSet<usize> = used.iter().copied().collect();
    assert_eq!(nums.len(), 3);
    for n in &nums {
        assert!(
            numbering.contains(&format!(r#"<w:num w:numId="{n}">"#)),
            "num {n} defined"
        );
    }
    let starts = attrs(&numbering, "w:startOverride", "w:val");
    assert_eq!(starts, ["3", "1"]);
    // The nested list sits one level down.
    assert!(doc.contains(r#"<w:ilvl w:val="1" />"#));
}

#[test]
fn table_header_row_repeats_and_columns_keep_alignment() {
    let (parts, _) = docx(&kitchen_sink());
    let doc = part(&parts, "word/document.xml");
    assert_eq!(doc.matches("<w:tblHeader />").count(), 1);
    let tbl = &doc[doc.find("<w:tbl>").unwrap()..doc.find("</w:tbl>").unwrap() + 8];
    let first_row = &tbl[..tbl.find("</w:tr>").unwrap()];
    assert!(first_row.contains("<w:tblHeader />") && first_row.contains("Leader"));
    assert!(tbl.contains(r#"<w:tblStyle w:val="BriefingTable"/>"#));
    assert_eq!(
        attrs(tbl, "w:jc", "w:val")[..4],
        ["left", "right", "left", "right"]
    );
}

#[test]
fn control_characters_are_stripped_with_a_warning() {
    let doc = Document {
        meta: meta("Bad\u{7} title"),
        blocks: vec![at(
            4,
            BlockKind::Paragraph {
                content: vec![t("tab\tok, bell\u{7} and nul\u{0} gone")],
            },
        )],
        footnotes: vec![],
    };
    let (parts, warnings) = docx(&doc);
    let xml = part(&parts, "word/document.xml");
    well_formed(&xml);
    let paras = paragraphs(&xml);
    assert_eq!(paras[1].1, "tab\tok, bell and nul gone");
    assert!(
        warnings
            .iter()
            .any(|w| w.line == Some(4) && w.message.contains("control character")),
        "{warnings:?}"
    );
    well_formed(&part(&parts, "docProps/core.xml"));
}

#[test]
fn contents_are_filled_with_linked_headings_inside_a_toc_field() {
    let mut doc = kitchen_sink();
    doc.meta.toc = Some(true);
    let (parts, _) = docx(&doc);
    let xml = part(&parts, "word/document.xml");
    let paras = paragraphs(&xml);
    let toc: Vec<(&str, &str)> = paras
        .iter()
        .filter(|(s, _)| s.starts_with("TOC"))
        .map(|(s, t)| (s.as_str(), t.as_str()))
        .collect();
    assert_eq!(
        toc,
        [
            ("TOCHeading", "Contents"),
            ("TOC1", "Setting the stage"),
            ("TOC2", "Points")
        ]
    );
    assert!(
        xml.contains(r#"<w:instrText xml:space="preserve"> TOC \o "1-3" \h \z \u </w:instrText>"#)
    );
    assert_eq!(xml.matches("w:fldCharType=\"begin\"").count(), 1);
    assert_eq!(xml.matches("w:fldCharType=\"end\"").count(), 1);
    // Entries link to bookmarks that exist.
    let anchors = attrs(&xml, "w:hyperlink", "w:anchor");
    let marks = attrs(&xml, "w:bookmarkStart", "w:name");
    assert_eq!(anchors, ["setting_the_stage", "points"]);
    assert!(anchors.iter().all(|a| marks.contains(a)));
    assert!(part(&parts, "word/settings.xml").contains("<w:updateFields w:val=\"true\"/>"));
}

#[test]
fn every_inline_and_block_kind_renders_without_loss() {
    // Inline images, internal links and repeated footnote references.
    let blocks = vec![
        Block::new(BlockKind::Heading {
            level: 1,
            id: "1-intro".into(),
            content: vec![t("Intro")],
        }),
        para(vec![
            Inline::Link {
                url: "#1-intro".into(),
                content: vec![t("back to intro")],
            },
            Inline::Image {
                src: "gone.png".into(),
                alt: "inline alt".into(),
            },
            Inline::FootnoteRef { number: 1 },
            Inline::FootnoteRef { number: 1 },
        ]),
        Block::new(BlockKind::Table {
            align: vec![briefing_model::Align::None],
            header: vec![vec![t("H")]],
            rows: vec![vec![vec![t("cell"), Inline::FootnoteRef { number: 2 }]]],
        }),
    ];
    let doc = Document {
        meta: meta("Links"),
        blocks,
        footnotes: vec![
            briefing_model::Footnote {
                label: "a".into(),
                number: 1,
                blocks: vec![para(vec![t("note")])],
                line: 0,
            },
            briefing_model::Footnote {
                label: "b".into(),
                number: 2,
                blocks: vec![para(vec![t("cell note")])],
                line: 0,
            },
        ],
    };
    let parts = render_in(&doc, &theme_with(FootnotePlacement::Page)).0;
    let xml = part(&parts, "word/document.xml");
    assert_eq!(attrs(&xml, "w:hyperlink", "w:anchor"), ["h_1_intro"]);
    assert_eq!(attrs(&xml, "w:bookmarkStart", "w:name"), ["h_1_intro"]);
    assert_eq!(paragraphs(&xml)[2].1, "back to introinline alt1");
    assert_eq!(
        xml.matches("<w:footnoteReference").count(),
        2,
        "one per note, also in a table cell"
    );
    assert_eq!(
        attrs(&part(&parts, "word/footnotes.xml"), "w:footnote", "w:id"),
        ["-1", "0", "1", "2"]
    );
}

#[test]
fn the_sample_briefing_keeps_every_word_in_order() {
    let src = root().join("input/alaska-summit.txt");
    let options = Options {
        assets: Assets::in_folder(root().join("input")),
    };
    let out = render(&parse(&src), &builtin("briefing").unwrap(), &options).unwrap();
    let text: Vec<String> = paragraphs(&part(&unzip(&out.value), "word/document.xml"))
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    let parity = parity(&source_words(&src), &words(&text.join("\n")));
    assert_eq!(parity, 100.0, "share of the source's words in order");
}
