//! The package around the body: relationships, properties, notes, header and footer, the
//! page, the ZIP's entries, and the same bytes every time.

use std::collections::{BTreeMap, BTreeSet};

use briefing_docx::{Options, render};
use briefing_model::{Document, FootnotePlacement, builtin};
use briefing_tests::docx::{attrs, paragraphs, part};

use super::pictures::{figure_dir, figure_doc, png_bytes};
use super::{docx, kitchen_sink, meta, para, render_in, t, theme_with};

#[test]
fn relationships_have_no_dangling_ids() {
    for (placement, notes) in [
        (FootnotePlacement::Page, "footnotes"),
        (FootnotePlacement::End, "endnotes"),
    ] {
        relationships_resolve(&render_in(&kitchen_sink(), &theme_with(placement)).0, notes);
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
    let parts = render_in(&kitchen_sink(), &theme_with(FootnotePlacement::Page)).0;
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
