//! Where a PDF draws its text: each run with its page, position and size, as a reader's
//! software places it.

use std::collections::BTreeMap;

/// One run of text as the PDF positions it.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// 0-based page.
    pub page: usize,
    /// Left end of the run's baseline, in points from the page's left edge.
    pub x: f32,
    /// Height of the baseline, in points from the page's bottom edge.
    pub y: f32,
    /// Font size in points.
    pub size: f32,
    /// The text, decoded through the font's ToUnicode map.
    pub text: String,
}

/// Every run of text of the PDF that has any, in the order drawn.
pub fn pdf_runs(bytes: &[u8]) -> Vec<Run> {
    read(bytes).0
}

/// The runs of text of a PDF, and its page count. A run starts wherever text is positioned
/// anew (`BT`, `Tm`, `Td`, `TD`, `T*`), as viewers separate separately placed text. `Tm`
/// sets the position (briefing places all its text so) and `Td`/`TD` move it; `T*` starts a
/// run without following the leading. lopdf decodes each string through the font's
/// ToUnicode map.
pub(crate) fn read(bytes: &[u8]) -> (Vec<Run>, usize) {
    let doc = lopdf::Document::load_mem(bytes).expect("lopdf opens the PDF");
    let pages = doc.get_pages();
    let mut runs: Vec<Run> = Vec::new();
    for (page, id) in pages.values().enumerate() {
        let encodings: BTreeMap<Vec<u8>, lopdf::Encoding<'_>> = doc
            .get_page_fonts(*id)
            .expect("page fonts")
            .into_iter()
            .map(|(name, font)| (name, font.get_font_encoding(&doc).expect("font encoding")))
            .collect();
        let content = lopdf::content::Content::decode(&doc.get_page_content(*id))
            .expect("the page's content decodes");
        let (mut encoding, mut size, mut at) = (None, 0.0, (0.0, 0.0));
        let mut fresh = true;
        for op in &content.operations {
            let number = |i: usize| op.operands.get(i).and_then(|o| o.as_float().ok());
            match op.operator.as_str() {
                "Tf" => {
                    encoding = op
                        .operands
                        .first()
                        .and_then(|n| n.as_name().ok())
                        .and_then(|n| encodings.get(n));
                    size = number(1).unwrap_or(0.0);
                }
                "Tm" => {
                    at = (number(4).unwrap_or(0.0), number(5).unwrap_or(0.0));
                    fresh = true;
                }
                "Td" | "TD" => {
                    at = (
                        at.0 + number(0).unwrap_or(0.0),
                        at.1 + number(1).unwrap_or(0.0),
                    );
                    fresh = true;
                }
                "BT" | "T*" => fresh = true,
                "Tj" | "TJ" => {
                    let Some(enc) = encoding else { continue };
                    let items = match op.operands.first() {
                        Some(lopdf::Object::Array(items)) => items.clone(),
                        Some(other) => vec![other.clone()],
                        None => Vec::new(),
                    };
                    let mut text = String::new();
                    for item in items {
                        if let lopdf::Object::String(s, _) = item {
                            text.push_str(
                                &lopdf::Document::decode_text(enc, &s).expect("decodable text"),
                            );
                        }
                    }
                    match runs.last_mut() {
                        Some(last) if !fresh => last.text.push_str(&text),
                        _ if text.is_empty() => continue,
                        _ => runs.push(Run {
                            page,
                            x: at.0,
                            y: at.1,
                            size,
                            text,
                        }),
                    }
                    fresh = false;
                }
                _ => {}
            }
        }
    }
    (runs, pages.len())
}
