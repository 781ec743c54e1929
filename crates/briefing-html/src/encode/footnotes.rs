//! The notes section: each note linked back to every reference to it.

use std::fmt::Write as _;

use briefing_model::BlockKind;

use super::Encoder;
use crate::escape::escape_into;

/// The id of note `index` (0-based). The colon keeps it apart from heading slugs.
pub(crate) fn note_id(index: usize) -> String {
    format!("fn:{}", index + 1)
}

/// The id of the `nth` (1-based) reference to note `index`.
pub(crate) fn ref_id(index: usize, nth: u32) -> String {
    if nth <= 1 {
        format!("fnref:{}", index + 1)
    } else {
        format!("fnref:{}:{nth}", index + 1)
    }
}

/// The id of the notes section's heading.
pub(crate) const NOTES_HEADING_ID: &str = "briefing:notes";

impl Encoder<'_> {
    /// Writes the notes section (nothing when the document has no footnotes). Call after
    /// the body, so every reference has been counted.
    pub(crate) fn footnotes(&mut self, out: &mut String) {
        let doc = self.doc;
        if doc.footnotes.is_empty() {
            return;
        }
        // Encode every note first: a note may refer to another, and the back links need
        // the final count of references.
        let mut bodies = Vec::with_capacity(doc.footnotes.len());
        for note in &doc.footnotes {
            self.line = note.line;
            let mut body = String::new();
            let (last, init) = match note.blocks.split_last() {
                Some((last, init)) => (Some(last), init),
                None => (None, &[][..]),
            };
            self.blocks(&mut body, init);
            // The back links go at the end of the last paragraph, where readers expect them.
            let tail = match last.map(|b| &b.kind) {
                Some(BlockKind::Paragraph { content }) => {
                    if let Some(b) = last.filter(|b| b.line > 0) {
                        self.line = b.line;
                    }
                    body.push_str("<p>");
                    self.inlines(&mut body, content);
                    Some("</p>\n")
                }
                Some(_) => {
                    self.blocks(&mut body, std::slice::from_ref(last.expect("matched Some")));
                    None
                }
                None => None,
            };
            bodies.push((body, tail));
        }
        self.line = 0;
        let _ = writeln!(
            out,
            "<section class=\"footnotes\" aria-labelledby=\"{NOTES_HEADING_ID}\">\n<h2 id=\"{NOTES_HEADING_ID}\">Notes</h2>\n<ol>"
        );
        for (index, (note, (body, tail))) in doc.footnotes.iter().zip(bodies).enumerate() {
            let _ = write!(
                out,
                "<li id=\"{}\" value=\"{}\">",
                note_id(index),
                note.number
            );
            out.push_str(&body);
            let refs = self.ref_counts[index];
            let mut back = String::new();
            for nth in 1..=refs {
                let _ = write!(
                    back,
                    " <a href=\"#{}\" class=\"fnback\" role=\"doc-backlink\" aria-label=\"",
                    ref_id(index, nth)
                );
                let label = if refs > 1 {
                    format!("Back to reference {nth} to note {}", note.number)
                } else {
                    format!("Back to the reference to note {}", note.number)
                };
                escape_into(&mut back, &label);
                back.push_str("\">↩");
                if refs > 1 {
                    let _ = write!(back, "<sup>{nth}</sup>");
                }
                back.push_str("</a>");
            }
            match tail {
                Some(close) => {
                    out.push_str(&back);
                    out.push_str(close);
                }
                None if !back.is_empty() => {
                    out.push_str("<p>");
                    out.push_str(back.trim_start());
                    out.push_str("</p>\n");
                }
                None => {}
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n</section>\n");
    }
}
