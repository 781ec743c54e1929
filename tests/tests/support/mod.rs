//! Shared by the robustness tests (property tests, CommonMark corpus, crashers): render a
//! document in each format and open the bytes again as a reader's software would.

use std::io::Read;
use std::sync::{Arc, OnceLock};

use briefing_model::{Document, Theme};

/// The three output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Pdf,
    Docx,
    Html,
}

/// The built-in `briefing` theme, loaded once per test binary.
fn theme() -> Arc<Theme> {
    static THEME: OnceLock<Arc<Theme>> = OnceLock::new();
    THEME
        .get_or_init(|| briefing_model::builtin("briefing").expect("the built-in theme loads"))
        .clone()
}

/// Renders `doc` in `format` with the default theme and default options.
pub(crate) fn render(format: Format, doc: &Document) -> Result<Vec<u8>, String> {
    let theme = theme();
    let bytes = match format {
        Format::Pdf => briefing_pdf::render(doc, &theme, &Default::default())
            .map(|w| w.value.bytes)
            .map_err(|e| e.to_string()),
        Format::Docx => briefing_docx::render(doc, &theme, &Default::default())
            .map(|w| w.value)
            .map_err(|e| e.to_string()),
        Format::Html => briefing_html::render(doc, &theme, &Default::default())
            .map(|w| w.value)
            .map_err(|e| e.to_string()),
    }?;
    Ok(bytes)
}

/// Opens `bytes` as a file of `format`; the error says what a reader would trip over.
pub(crate) fn reopen(format: Format, bytes: &[u8]) -> Result<(), String> {
    match format {
        Format::Pdf => reopen_pdf(bytes),
        Format::Docx => reopen_docx(bytes),
        Format::Html => reopen_html(bytes),
    }
}

/// lopdf loads the file, it has pages, and every page's text decodes through its fonts.
fn reopen_pdf(bytes: &[u8]) -> Result<(), String> {
    let doc = lopdf::Document::load_mem(bytes).map_err(|e| format!("lopdf cannot load: {e}"))?;
    if doc.get_pages().is_empty() {
        return Err("the PDF has no pages".into());
    }
    // Decoding every text run through the fonts' encodings panics on a broken font map.
    let (_, pages) = briefing_tests::pdf_text(bytes);
    if pages == 0 {
        return Err("no page text could be read".into());
    }
    Ok(())
}

/// The zip opens, `word/document.xml` is there, and every XML part parses to its end with
/// matching tags and only characters XML 1.0 allows (Word refuses a file with any other).
fn reopen_docx(bytes: &[u8]) -> Result<(), String> {
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| format!("not a zip: {e}"))?;
    if zip.by_name("word/document.xml").is_err() {
        return Err("no word/document.xml in the package".into());
    }
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).map_err(|e| format!("zip entry {i}: {e}"))?;
        let name = entry
            .name()
            .map_err(|e| format!("zip entry {i} has no readable name: {e}"))?
            .into_owned();
        if !(name.ends_with(".xml") || name.ends_with(".rels")) {
            continue;
        }
        let mut xml = String::new();
        entry
            .read_to_string(&mut xml)
            .map_err(|e| format!("{name}: not UTF-8 text: {e}"))?;
        check_xml(&xml).map_err(|e| format!("{name}: {e}"))?;
    }
    Ok(())
}

fn check_xml(xml: &str) -> Result<(), String> {
    if let Some(c) = xml.chars().find(|&c| !xml_char(c)) {
        return Err(format!("holds {c:?}, which XML 1.0 does not allow"));
    }
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => return Ok(()),
            Ok(quick_xml::events::Event::GeneralRef(r)) => match r.resolve_char_ref() {
                Ok(Some(c)) if !xml_char(c) => {
                    return Err(format!("refers to {c:?}, which XML 1.0 does not allow"));
                }
                Err(e) => return Err(format!("bad character reference &{};: {e}", &*r)),
                Ok(_) => {}
            },
            Ok(_) => {}
            Err(e) => {
                return Err(format!(
                    "malformed XML at byte {}: {e}",
                    reader.buffer_position()
                ));
            }
        }
    }
}

/// XML 1.0's `Char` production.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// An HTML5 parser reads the page into a document with a body and no `<script>` element.
fn reopen_html(bytes: &[u8]) -> Result<(), String> {
    let text = std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8: {e}"))?;
    let page = scraper::Html::parse_document(text);
    let select = |css: &str| scraper::Selector::parse(css).expect("a valid selector");
    if page.select(&select("body")).next().is_none() {
        return Err("no <body>".into());
    }
    if page.select(&select("script")).next().is_some() {
        return Err("the page has a <script> element".into());
    }
    Ok(())
}

/// The message of a caught panic.
pub(crate) fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic with no message".into())
}
