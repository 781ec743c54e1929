//! Every briefing in `input/`, in every format, read back from the bytes as a reader's software would.

use briefing_model::{BlockKind, Document, plain_text};
use briefing_tests::docx::{paragraphs, part, try_part, unzip};
use briefing_tests::{inputs, parity, parse, pdf_text, source_words, words};

fn render_pdf(doc: &Document, base: &std::path::Path) -> Vec<u8> {
    let opts = briefing_pdf::Options {
        assets: briefing_model::Assets::in_folder(base.to_owned()),
        ..Default::default()
    };
    briefing_pdf::render(doc, &theme(), &opts)
        .expect("PDF renders")
        .value
        .bytes
}

fn render_docx(doc: &Document, base: &std::path::Path) -> Vec<u8> {
    let opts = briefing_docx::Options {
        assets: briefing_model::Assets::in_folder(base.to_owned()),
    };
    briefing_docx::render(doc, &theme(), &opts)
        .expect("DOCX renders")
        .value
}

fn render_html(doc: &Document, base: &std::path::Path) -> Vec<u8> {
    let opts = briefing_html::Options {
        assets: briefing_model::Assets::in_folder(base.to_owned()),
        ..Default::default()
    };
    briefing_html::render(doc, &theme(), &opts)
        .expect("HTML renders")
        .value
}

fn theme() -> std::sync::Arc<briefing_model::Theme> {
    briefing_model::builtin("briefing").unwrap()
}

fn headings(doc: &Document) -> Vec<String> {
    doc.blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Heading { content, .. } => Some(plain_text(content)),
            _ => None,
        })
        .collect()
}

/// The outline titles of a PDF, depth first.
fn pdf_outline(bytes: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let catalog = doc.catalog().unwrap();
    let Ok(outlines) = catalog.get(b"Outlines").and_then(|o| o.as_reference()) else {
        return Vec::new();
    };
    let mut titles = Vec::new();
    let mut stack = vec![
        doc.get_dictionary(outlines)
            .unwrap()
            .get(b"First")
            .and_then(|o| o.as_reference())
            .ok(),
    ];
    while let Some(top) = stack.pop() {
        let Some(id) = top else { continue };
        let item = doc.get_dictionary(id).unwrap();
        let title = item.get(b"Title").unwrap().as_str().unwrap();
        titles.push(decode_pdf_string(title));
        stack.push(item.get(b"Next").and_then(|o| o.as_reference()).ok());
        stack.push(item.get(b"First").and_then(|o| o.as_reference()).ok());
    }
    titles
}

fn decode_pdf_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        bytes.iter().map(|&b| char::from(b)).collect()
    }
}

/// Part `name` of a DOCX as text.
fn docx_part(bytes: &[u8], name: &str) -> String {
    part(&unzip(bytes), name)
}

#[test]
fn pdf_carries_every_word_headings_and_outline() {
    for input in inputs() {
        let doc = parse(&input);
        let bytes = render_pdf(&doc, input.parent().unwrap());
        let (text, pages) = pdf_text(&bytes);
        let p = parity(&source_words(&input), &words(&text));
        assert!(p >= 99.0, "{}: PDF word parity {p:.1} %", input.display());
        assert!(pages >= 1);
        assert_eq!(
            pdf_outline(&bytes),
            headings(&doc),
            "{}: outline",
            input.display()
        );
        let lo = lopdf::Document::load_mem(&bytes).unwrap();
        let fonts = lo
            .objects
            .values()
            .filter(|o| o.as_dict().is_ok_and(|d| d.has(b"FontFile2")))
            .count();
        assert!(fonts >= 1, "{}: no embedded TrueType font", input.display());
    }
}

#[test]
fn docx_uses_word_styles_and_carries_every_word() {
    for input in inputs() {
        let doc = parse(&input);
        let bytes = render_docx(&doc, input.parent().unwrap());
        let parts = unzip(&bytes);
        let body = paragraphs(&part(&parts, "word/document.xml"));
        let notes = try_part(&parts, "word/footnotes.xml")
            .map(|x| paragraphs(&x))
            .unwrap_or_default();
        assert_eq!(
            notes.is_empty(),
            doc.footnotes.is_empty(),
            "{}: footnotes part",
            input.display()
        );
        let all: String = body
            .iter()
            .chain(&notes)
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let p = parity(&source_words(&input), &words(&all));
        assert!(p >= 99.0, "{}: DOCX word parity {p:.1} %", input.display());
        let heading_texts: Vec<String> = body
            .iter()
            .filter(|(s, _)| s.starts_with("Heading"))
            .map(|(_, t)| t.clone())
            .collect();
        assert_eq!(
            heading_texts,
            headings(&doc),
            "{}: Heading styles",
            input.display()
        );
        assert!(
            body.iter()
                .any(|(s, t)| s == "Title" && *t == doc.meta.title),
            "{}: Title",
            input.display()
        );
        let styles = part(&parts, "word/styles.xml");
        assert!(styles.contains("w:styleId=\"Heading1\""));
        let core = part(&parts, "docProps/core.xml");
        assert!(
            core.contains(&format!(
                "<dc:title>{}</dc:title>",
                xml_escape(&doc.meta.title)
            )),
            "{core}"
        );
    }
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[test]
fn html_is_a_standalone_page_with_every_word() {
    for input in inputs() {
        let doc = parse(&input);
        let bytes = render_html(&doc, input.parent().unwrap());
        let html = String::from_utf8(bytes).expect("UTF-8");
        let page = scraper::Html::parse_document(&html);
        let sel = |s: &str| scraper::Selector::parse(s).unwrap();
        let lang = page
            .select(&sel("html"))
            .next()
            .unwrap()
            .value()
            .attr("lang");
        assert_eq!(lang, Some(doc.meta.lang.as_str()));
        let title: String = page
            .select(&sel("head > title"))
            .next()
            .unwrap()
            .text()
            .collect();
        assert_eq!(title.trim(), doc.meta.title);
        assert_eq!(page.select(&sel("script")).count(), 0);
        let h: Vec<String> = page
            .select(&sel("article :is(h2, h3, h4, h5, h6):not(.footnotes *)"))
            .map(|e| e.text().collect::<String>().trim().to_owned())
            .collect();
        assert_eq!(h, headings(&doc), "{}: headings", input.display());
        let body: String = page
            .select(&sel("body"))
            .next()
            .unwrap()
            .text()
            .collect::<Vec<_>>()
            .join(" ");
        let p = parity(&source_words(&input), &words(&body));
        assert!(p >= 99.0, "{}: HTML word parity {p:.1} %", input.display());
        assert!(
            !html.contains("src=\"http"),
            "{}: external resource",
            input.display()
        );
    }
}

#[test]
fn every_format_renders_byte_identically_twice_and_across_threads() {
    for input in inputs() {
        let doc = parse(&input);
        let base = input.parent().unwrap().to_owned();
        let once = (
            render_pdf(&doc, &base),
            render_docx(&doc, &base),
            render_html(&doc, &base),
        );
        let threaded = std::thread::scope(|s| {
            let other = s.spawn(|| {
                (
                    render_pdf(&doc, &base),
                    render_docx(&doc, &base),
                    render_html(&doc, &base),
                )
            });
            let here = (
                render_pdf(&doc, &base),
                render_docx(&doc, &base),
                render_html(&doc, &base),
            );
            (here, other.join().unwrap())
        });
        for (i, (a, b)) in [(&once, &threaded.0), (&once, &threaded.1)]
            .into_iter()
            .enumerate()
        {
            assert!(a.0 == b.0, "{}: PDF differs ({i})", input.display());
            assert!(a.1 == b.1, "{}: DOCX differs ({i})", input.display());
            assert!(a.2 == b.2, "{}: HTML differs ({i})", input.display());
        }
    }
}

#[test]
fn the_contents_list_the_same_titles_in_every_format() {
    let src = "---\ntitle: Contents\ntoc: true\n---\n## Risks[^1]\n\nText.\n\n## *Outlook* and `code`\n\n\
               ### Detail\n\nMore.\n\n##### Too deep for the contents\n\nEnd.\n\n[^1]: A note.\n";
    let doc = briefing_model::parse(
        src,
        &briefing_model::ParseOptions::new(briefing_model::SourceKind::Markdown),
    )
    .unwrap()
    .value;
    let expected = ["Risks", "Outlook and code", "Detail"];
    let base = std::env::temp_dir();

    let html = String::from_utf8(render_html(&doc, &base)).unwrap();
    let page = scraper::Html::parse_document(&html);
    let sel = scraper::Selector::parse("nav.toc a").unwrap();
    let entries: Vec<String> = page
        .select(&sel)
        .map(|a| a.text().collect::<String>().trim().to_owned())
        .collect();
    assert_eq!(entries, expected, "HTML contents");

    let docx = render_docx(&doc, &base);
    let entries: Vec<String> = paragraphs(&docx_part(&docx, "word/document.xml"))
        .into_iter()
        .filter(|(style, _)| style.starts_with("TOC") && style != "TOCHeading")
        // Each entry ends with a tab and its page number.
        .map(|(_, text)| text.trim_end_matches(char::is_numeric).trim().to_owned())
        .collect();
    assert_eq!(entries, expected, "DOCX contents");

    // In the PDF each contents entry is a link whose description is the entry's title.
    let pdf = render_pdf(&doc, &base);
    let lo = lopdf::Document::load_mem(&pdf).unwrap();
    let mut entries: Vec<String> = Vec::new();
    for page in lo.get_pages().into_values() {
        for annot in lo.get_page_annotations(page).unwrap_or_default() {
            let dest = annot.get(b"Dest").is_ok();
            if let (true, Ok(contents)) = (dest, annot.get(b"Contents").and_then(|c| c.as_str())) {
                let title = decode_pdf_string(contents);
                if !title.starts_with("Go to note") && !title.starts_with("Back to") {
                    entries.push(title);
                }
            }
        }
    }
    entries.dedup();
    assert_eq!(entries, expected, "PDF contents");
    let outline = pdf_outline(&pdf);
    assert_eq!(outline[..3], expected, "PDF bookmarks");
}

#[test]
fn the_summary_is_in_every_format() {
    let src = "---\ntitle: Summary\nsummary: Storage is full, but the cushion is thin.\n---\nBody text.\n";
    let doc = briefing_model::parse(
        src,
        &briefing_model::ParseOptions::new(briefing_model::SourceKind::Markdown),
    )
    .unwrap()
    .value;
    let base = std::env::temp_dir();
    let summary = "Storage is full, but the cushion is thin.";
    let (pdf, _) = pdf_text(&render_pdf(&doc, &base));
    assert!(pdf.contains(summary), "PDF: {pdf}");
    let docx = paragraphs(&docx_part(&render_docx(&doc, &base), "word/document.xml"));
    assert!(docx.iter().any(|(_, t)| t == summary), "DOCX: {docx:?}");
    let html = String::from_utf8(render_html(&doc, &base)).unwrap();
    assert!(html.contains(summary), "HTML");
}

#[test]
fn parity_counts_words_in_order() {
    let src = words("There’s no deal until there’s a deal.");
    assert_eq!(src[0], "there's");
    assert_eq!(
        parity(&src, &words("there's no deal until there's a deal")),
        100.0
    );
    assert!(parity(&src, &words("deal a there's until deal no there's")) < 50.0);
    assert!(parity(&src, &words("")) == 0.0);
}
