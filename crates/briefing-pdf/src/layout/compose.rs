//! The whole document through the flow: title block, contents, body and notes, in
//! that order, ready for pagination. Apart from the flow, as the contents and notes
//! are set by the flow themselves.

use briefing_model::{Diagnostic, Document};

use super::flow::{Flow, Unit};
use super::notes::Notes;
use super::structure::{Structure, images_without_alt};
use super::toc::Toc;
use crate::images::Image;

/// What the flow made of a document, ready for pagination.
pub(crate) struct Flowed {
    /// The title block and the body, without the contents.
    pub(crate) units: Vec<Unit>,
    /// The contents, if asked for, and the index in `units` where it goes.
    pub(crate) toc: Option<(usize, Toc)>,
    /// The footnotes.
    pub(crate) notes: Notes,
    /// Decoded images.
    pub(crate) images: Vec<Image>,
    /// The elements.
    pub(crate) structure: Structure,
    /// Warnings, in the order met.
    pub(crate) warnings: Vec<Diagnostic>,
}

impl Flow<'_> {
    /// Lays out the whole document: title block, contents, body, notes.
    pub(crate) fn document(mut self, doc: &Document) -> Flowed {
        let ctx = self.body_ctx();
        self.inline_theme.hyphenate = hyphenation_language(&doc.meta.lang);
        let mut no_alt = Vec::new();
        images_without_alt(&doc.blocks, &mut no_alt);
        for note in &doc.footnotes {
            images_without_alt(&note.blocks, &mut no_alt);
        }
        for (line, src) in no_alt {
            self.warnings.push(
                Diagnostic::warning(
                    line,
                    format!("image {src:?} has no alternative text; readers who cannot see it learn nothing from it"),
                )
                .with_hint("describe the image between the brackets: ![what it shows](path)"),
            );
        }
        let mut units = self.title_block(doc, &ctx);
        let toc = self.toc(doc, &ctx).map(|toc| (units.len(), toc));
        self.top_level = true;
        let mut body = self.blocks(&doc.blocks, &ctx);
        if let (Some(_), Some(first)) = (&toc, body.first_mut()) {
            // The body starts after the contents as after a level-1 heading's space.
            let t = self.theme;
            first.gap += t.spacing.heading_before(1, t.sizes.heading(1)).0;
        }
        units.extend(body);
        let notes = self.notes(doc, &ctx);
        Flowed {
            units,
            toc,
            notes,
            images: self.images,
            structure: self.structure,
            warnings: self.warnings,
        }
    }
}

/// Hyphenation patterns for a BCP 47 tag such as `en-GB` (by its language subtag).
fn hyphenation_language(tag: &str) -> Option<hypher::Lang> {
    let b = tag.as_bytes();
    if b.len() < 2 || (b.len() > 2 && b[2] != b'-' && b[2] != b'_') {
        return None;
    }
    hypher::Lang::from_iso([b[0].to_ascii_lowercase(), b[1].to_ascii_lowercase()])
}
