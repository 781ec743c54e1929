//! Renders documents and reads the DOCX back the way a consumer would: ZIP + XML.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use briefing_docx::{Options, render};
use briefing_model::{Block, BlockKind, Document, FootnotePlacement, Inline, builtin};
use common::*;

fn docx(doc: &Document) -> (BTreeMap<String, Vec<u8>>, Vec<briefing_model::Diagnostic>) {
    let theme = builtin("briefing").unwrap();
    let out = render(doc, &theme, &Options::default()).unwrap();
    (unzip(&out.value), out.warnings)
}

/// Renders with the briefing theme, its notes placed as `notes` says.
fn docx_notes(doc: &Document, notes: FootnotePlacement) -> BTreeMap<String, Vec<u8>> {
    let mut theme = (*builtin("briefing").unwrap()).clone();
    theme.layout.word_notes = notes;
    unzip(&render(doc, &theme, &Options::default()).unwrap().value)
}

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
fn relationships_have_no_dangling_ids() {
    for (placement, notes) in [
        (FootnotePlacement::Page, "footnotes"),
        (FootnotePlacement::End, "endnotes"),
    ] {
        relationships_resolve(&docx_notes(&kitchen_sink(), placement), notes);
    }
}

/// Every relationship id a part uses exists, and so does every internal target; `notes` names
/// the notes part, whose link must resolve in its own relationships.
fn relationships_resolve(parts: &BTreeMap<String, Vec<u8>>, notes: &str) {
    let notes_part = format!("word/{notes}.xml");
    let notes_rels = format!("word/_rels/{notes}.xml.rels");
    for (name, rels) in [
        ("word/document.xml", "word/_rels/document.xml.rels"),
        (notes_part.as_str(), notes_rels.as_str()),
        ("word/header1.xml", "word/_rels/header1.xml.rels"),
        ("word/footer1.xml", "word/_rels/footer1.xml.rels"),
    ] {
        let xml = part(parts, name);
        let mut used = Vec::new();
        for el in ["w:hyperlink", "w:headerReference", "w:footerReference"] {
            used.extend(attrs(&xml, el, "r:id"));
        }
        used.extend(attrs(&xml, "a:blip", "r:embed"));
        let ids: BTreeSet<String> = match parts.get(rels) {
            Some(_) => attrs(&part(parts, rels), "Relationship", "Id")
                .into_iter()
                .collect(),
            None => BTreeSet::new(),
        };
        for id in used {
            assert!(ids.contains(&id), "{name} uses {id}, which {rels} lacks");
        }
    }
    // Targets of internal relationships exist in the package.
    let rels = part(parts, "word/_rels/document.xml.rels");
    for target in attrs(&rels, "Relationship", "Target")
        .into_iter()
        .filter(|t| !t.starts_with("http"))
    {
        assert!(
            parts.contains_key(&format!("word/{target}")),
            "missing part {target}"
        );
    }
    let note_link = attrs(&part(parts, &notes_part), "w:hyperlink", "r:id");
    assert_eq!(note_link.len(), 1, "the link inside the note");
    let note_rels = part(parts, &notes_rels);
    assert!(note_rels.contains(&format!(r#"Id="{}""#, note_link[0])));
    assert!(note_rels.contains("https://example.org/note"));
    assert!(rels.contains("https://example.com/a?b=1&amp;c=2"));
}

#[test]
fn core_and_custom_properties_come_from_meta() {
    let (parts, _) = docx(&kitchen_sink());
    let core = part(&parts, "docProps/core.xml");
    assert!(core.contains("<dc:title>Alaska Summit</dc:title>"));
    assert!(core.contains("<dc:creator>Ann Lee; Bo Ng</dc:creator>"));
    assert!(core.contains("<dc:subject>No deal yet.</dc:subject>"));
    assert!(core.contains("<cp:keywords>Russia, USA</cp:keywords>"));
    assert!(core.contains(">2025-08-16T00:00:00Z</dcterms:created>"));
    let custom = part(&parts, "docProps/custom.xml");
    assert!(custom.contains(r#"name="Classification"><vt:lpwstr>OFFICIAL-SENSITIVE</vt:lpwstr>"#));
    assert!(custom.contains(r#"name="Status"><vt:lpwstr>DRAFT</vt:lpwstr>"#));
    assert!(part(&parts, "[Content_Types].xml").contains("/docProps/custom.xml"));
}

#[test]
fn undated_documents_carry_no_clock_time() {
    let doc = Document {
        meta: meta("Undated"),
        blocks: vec![para(vec![t("x")])],
        footnotes: vec![],
    };
    let (parts, _) = docx(&doc);
    let core = part(&parts, "docProps/core.xml");
    assert!(!core.contains("dcterms:created") && !core.contains("dcterms:modified"));
    assert!(!parts.contains_key("docProps/custom.xml"));
    assert!(!parts.contains_key("word/footnotes.xml") && !parts.contains_key("word/numbering.xml"));
}

#[test]
fn footnotes_are_real_word_notes_with_marks() {
    let parts = docx_notes(&kitchen_sink(), FootnotePlacement::Page);
    let doc = part(&parts, "word/document.xml");
    assert!(doc.contains(
        r#"<w:rStyle w:val="FootnoteReference" /></w:rPr><w:footnoteReference w:id="1" />"#
    ));
    let notes = part(&parts, "word/footnotes.xml");
    let paras = paragraphs(&notes);
    assert_eq!(
        paras.last().unwrap(),
        &("FootnoteText".to_owned(), " Source: wire".to_owned())
    );
    assert!(notes.contains("<w:footnoteRef/>"));
    assert_eq!(attrs(&notes, "w:footnote", "w:id"), ["-1", "0", "1"]);
    assert!(part(&parts, "word/settings.xml").contains("<w:footnotePr>"));
}

#[test]
fn header_and_footer_show_marking_and_page_n_of_m() {
    let (parts, _) = docx(&kitchen_sink());
    let header = paragraphs(&part(&parts, "word/header1.xml"));
    assert_eq!(
        header[0],
        (
            "Classification".to_owned(),
            "OFFICIAL-SENSITIVE · DRAFT".to_owned()
        )
    );
    assert_eq!(header[1], ("Header".to_owned(), "Alaska Summit".to_owned()));
    let footer = part(&parts, "word/footer1.xml");
    let instr: Vec<&str> = footer
        .split("<w:instrText>")
        .skip(1)
        .map(|s| &s[..s.find('<').unwrap()])
        .collect();
    assert_eq!(instr, ["PAGE", "NUMPAGES"]);
    let f = paragraphs(&footer);
    assert_eq!(
        f[0].1, "Page 1 of 1",
        "field results between the fixed words"
    );
    assert_eq!(f[1].1, "OFFICIAL-SENSITIVE · DRAFT");
}

#[test]
fn page_size_and_margins_follow_the_theme() {
    let (parts, _) = docx(&kitchen_sink());
    let doc = part(&parts, "word/document.xml");
    // A4 and 22/24 mm margins in twips.
    assert!(
        doc.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#),
        "{}",
        &doc[doc.find("<w:sectPr").unwrap()..]
    );
    assert!(doc.contains(r#"w:top="1361" w:right="1247" w:bottom="1361" w:left="1247""#));
    // Header references come first in sectPr, as the schema wants.
    assert!(doc.contains(r#"<w:sectPr><w:headerReference"#));
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

fn figure_doc(src: &str) -> Document {
    Document {
        meta: meta("Pictures"),
        blocks: vec![at(
            9,
            BlockKind::Figure {
                src: src.into(),
                alt: "Map of Alaska".into(),
                caption: vec![t("Anchorage")],
            },
        )],
        footnotes: vec![],
    }
}

fn figure_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("briefing-docx-figures-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn render_in(
    doc: &Document,
    dir: PathBuf,
) -> (BTreeMap<String, Vec<u8>>, Vec<briefing_model::Diagnostic>) {
    let theme = builtin("briefing").unwrap();
    let out = render(
        doc,
        &theme,
        &Options {
            assets: briefing_model::Assets::in_folder(dir),
        },
    )
    .unwrap();
    (unzip(&out.value), out.warnings)
}

#[test]
fn jpeg_stays_jpeg_and_fits_the_text_width() {
    let dir = figure_dir();
    // A JPEG header claiming 4000×2000 pixels: far wider than the page.
    let jpeg = [
        0xFF, 0xD8, 0xFF, 0xC0, 0, 11, 8, 0x07, 0xD0, 0x0F, 0xA0, 3, 0, 0, 0, 0xFF, 0xD9,
    ];
    std::fs::write(dir.join("wide.jpg"), jpeg).unwrap();
    let (parts, warnings) = render_in(&figure_doc("wide.jpg"), dir);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(parts["word/media/rIdImg1.jpeg"], jpeg);
    assert!(
        part(&parts, "[Content_Types].xml")
            .contains(r#"<Default Extension="jpeg" ContentType="image/jpeg"/>"#)
    );
    let doc = part(&parts, "word/document.xml");
    assert_eq!(attrs(&doc, "wp:docPr", "descr"), ["Map of Alaska"]);
    let cx: f64 = attrs(&doc, "wp:extent", "cx")[0].parse().unwrap();
    let cy: f64 = attrs(&doc, "wp:extent", "cy")[0].parse().unwrap();
    let text_width_emu = (595.2756 - 2.0 * 62.3622) * 12700.0;
    assert!(
        (cx - text_width_emu).abs() < 12700.0,
        "{cx} vs {text_width_emu}"
    );
    assert!((cx / cy - 2.0).abs() < 0.01, "aspect kept");
    assert_eq!(paragraphs(&doc).last().unwrap().0, "Caption");
}

#[test]
fn small_png_keeps_its_size() {
    let dir = figure_dir();
    std::fs::write(dir.join("small.png"), png_bytes(96, 48)).unwrap();
    let (parts, _) = render_in(&figure_doc("small.png"), dir);
    assert!(parts.contains_key("word/media/rIdImg1.png"));
    let doc = part(&parts, "word/document.xml");
    // 96 px at 96 dpi is one inch.
    assert_eq!(attrs(&doc, "wp:extent", "cx"), ["914400"]);
    assert_eq!(attrs(&doc, "wp:extent", "cy"), ["457200"]);
}

#[test]
fn package_entries_keep_their_order_and_all_are_deflated() {
    let dir = figure_dir();
    std::fs::write(dir.join("order.png"), png_bytes(96, 48)).unwrap();
    let theme = builtin("briefing").unwrap();
    let bytes = render(
        &figure_doc("order.png"),
        &theme,
        &Options {
            assets: briefing_model::Assets::in_folder(dir),
        },
    )
    .unwrap()
    .value;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let mut names = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().into_owned();
        // Pictures too: a Stored entry with a data descriptor breaks streaming readers.
        assert_eq!(f.compression(), zip::CompressionMethod::Deflated, "{name}");
        assert_eq!(
            f.last_modified().map(|d| (
                d.year(),
                d.month(),
                d.day(),
                d.hour(),
                d.minute(),
                d.second()
            )),
            Some((1980, 1, 1, 0, 0, 0)),
            "{name}"
        );
        assert_eq!(f.unix_mode().map(|m| m & 0o777), Some(0o644), "{name}");
        // Reading to the end checks the CRC-32 and the size.
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut data).unwrap();
        assert_eq!(data.len() as u64, f.size(), "{name}");
        if name.ends_with(".xml") && data.len() > 1000 {
            assert!(f.compressed_size() * 2 < f.size(), "{name} is compressed");
        }
        names.push(name);
    }
    assert_eq!(
        names,
        [
            "[Content_Types].xml",
            "_rels/.rels",
            "docProps/core.xml",
            "docProps/app.xml",
            "word/document.xml",
            "word/_rels/document.xml.rels",
            "word/styles.xml",
            "word/settings.xml",
            "word/header1.xml",
            "word/footer1.xml",
            "word/media/rIdImg1.png",
        ]
    );
}

#[test]
fn missing_image_warns_and_shows_its_alt_text() {
    let (parts, warnings) = render_in(&figure_doc("nowhere.png"), figure_dir());
    assert!(
        warnings
            .iter()
            .any(|w| w.line == Some(9) && w.message.contains("nowhere.png")),
        "{warnings:?}"
    );
    let paras = paragraphs(&part(&parts, "word/document.xml"));
    assert_eq!(paras[1], ("Figure".to_owned(), "Map of Alaska".to_owned()));
    assert!(!parts.keys().any(|k| k.starts_with("word/media/")));
}

/// A PNG header with the given size (enough for the renderer, which does not decode pixels).
fn png_bytes(w: u32, h: u32) -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    b.extend(w.to_be_bytes());
    b.extend(h.to_be_bytes());
    b.extend([8, 2, 0, 0, 0, 0, 0, 0, 0]);
    b
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
    let parts = docx_notes(&doc, FootnotePlacement::Page);
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
fn same_input_gives_same_bytes_across_renders_and_threads() {
    let theme = builtin("briefing").unwrap();
    let doc = kitchen_sink();
    let first = render(&doc, &theme, &Options::default()).unwrap().value;
    // Render something else in between: no counter may leak into the next document.
    let _ = render(&figure_doc("x.png"), &theme, &Options::default()).unwrap();
    let second = render(&doc, &theme, &Options::default()).unwrap().value;
    assert!(first == second, "second render differs");
    // Several threads at once, each also rendering a different document first.
    let other = figure_doc("x.png");
    let threads: Vec<Vec<u8>> = std::thread::scope(|s| {
        let hs: Vec<_> = (0..4)
            .map(|i| {
                let (doc, other, theme) = (&doc, &other, &theme);
                s.spawn(move || {
                    for _ in 0..i {
                        render(other, theme, &Options::default()).unwrap();
                    }
                    render(doc, theme, &Options::default()).unwrap().value
                })
            })
            .collect();
        hs.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert!(threads.iter().all(|b| *b == first));
    // Fixed timestamps and Deflate in the ZIP.
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&first)).unwrap();
    for i in 0..zip.len() {
        let f = zip.by_index(i).unwrap();
        assert_eq!(
            f.last_modified().map(|d| (d.year(), d.month(), d.day())),
            Some((1980, 1, 1))
        );
        assert_eq!(f.compression(), zip::CompressionMethod::Deflated);
    }
}

#[test]
fn the_sample_briefing_keeps_every_word_in_order() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../input/alaska-summit.txt");
    let parsed = briefing_model::parse_file(&src, None).unwrap();
    let theme = builtin("briefing").unwrap();
    let out = render(
        &parsed.value,
        &theme,
        &Options {
            assets: briefing_model::Assets {
                base_dir: src.parent().map(Into::into),
                ..Default::default()
            },
        },
    )
    .unwrap();
    std::fs::write(std::env::temp_dir().join("alaska-summit.docx"), &out.value).unwrap();
    let parts = unzip(&out.value);
    let text: String = paragraphs(&part(&parts, "word/document.xml"))
        .into_iter()
        .map(|(_, t)| t + " ")
        .collect();
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let source = std::fs::read_to_string(&src).unwrap();
    let have = words(&text);
    let mut at = 0;
    for w in words(&source) {
        let found = have[at..].iter().position(|h| *h == w);
        assert!(found.is_some(), "word {w:?} missing after position {at}");
        at += found.unwrap() + 1;
    }
}
