//! Reading a DOCX back as a consumer does: the ZIP's parts, and the paragraphs, styles and
//! attributes of their XML.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// The parts of a DOCX by name.
pub fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a ZIP");
    let mut parts = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).expect("a ZIP entry");
        let mut data = Vec::new();
        f.read_to_end(&mut data).expect("a readable entry");
        parts.insert(f.name().expect("a named entry").into_owned(), data);
    }
    parts
}

/// Part `name` as text.
pub fn part(parts: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    try_part(parts, name).unwrap_or_else(|| panic!("no part {name}"))
}

/// Part `name` as text, if the package has it.
pub fn try_part(parts: &BTreeMap<String, Vec<u8>>, name: &str) -> Option<String> {
    parts
        .get(name)
        .map(|data| String::from_utf8(data.clone()).expect("a UTF-8 part"))
}

/// Each paragraph of a part: (style id, text), in order, table cells included. A line break
/// reads as `\n`, a tab as `\t`.
pub fn paragraphs(xml: &str) -> Vec<(String, String)> {
    let mut r = Reader::from_str(xml);
    let mut out = Vec::new();
    let (mut style, mut text, mut in_t) = (String::new(), String::new(), false);
    loop {
        match r.read_event().expect("well-formed XML") {
            Event::Start(e) if e.name().as_ref() == "w:p" => {
                style.clear();
                text.clear();
            }
            Event::End(e) if e.name().as_ref() == "w:p" => {
                out.push((std::mem::take(&mut style), std::mem::take(&mut text)));
            }
            Event::Empty(e) if e.name().as_ref() == "w:pStyle" => {
                style = attr(&e, "w:val").unwrap_or_default();
            }
            Event::Empty(e) if e.name().as_ref() == "w:br" => text.push('\n'),
            Event::Empty(e) if e.name().as_ref() == "w:tab" => text.push('\t'),
            Event::Start(e) if e.name().as_ref() == "w:t" => in_t = true,
            Event::End(e) if e.name().as_ref() == "w:t" => in_t = false,
            Event::Text(t) if in_t => text.push_str(&t.xml10_content()),
            Event::GeneralRef(g) if in_t => {
                let name = g.into_inner().into_owned();
                text.push_str(match name.as_str() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("entity {other}"),
                });
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// The value of attribute `name` on `e`.
pub fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .expect("a well-formed value")
                .into_owned()
        })
}

/// Every value of attribute `name` on elements called `element`, in order.
pub fn attrs(xml: &str, element: &str, name: &str) -> Vec<String> {
    let mut r = Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match r.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == element => {
                out.extend(attr(&e, name))
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// Checks that a part is well-formed XML.
pub fn well_formed(xml: &str) {
    let mut r = Reader::from_str(xml);
    r.config_mut().check_end_names = true;
    loop {
        match r.read_event() {
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("malformed XML at {}: {e}", r.buffer_position()),
        }
    }
}
