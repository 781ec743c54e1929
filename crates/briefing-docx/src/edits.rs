//! What docx-rs cannot write, recorded while converting and put in by the package's
//! structural pass. docx-rs 0.4.22 has no run language (`w:lang`) and no note mark
//! (`w:footnoteRef`), writes `w:dirty` on every field character and its field instructions
//! without `xml:space`, and gives every picture id 1 and no description.
//!
//! A run is found by its paragraph's `w14:paraId` (which we assign) and its position among the
//! `w:r` elements of that paragraph: docx-rs writes one for each `Run`, inside hyperlinks
//! too, and one for each page-number field. The package checks that every edited paragraph
//! has as many runs as were built and that every edit found its run, so a docx-rs release that
//! writes runs differently makes rendering fail instead of misplacing an edit.

use std::collections::HashMap;

/// Content docx-rs cannot put in a run, added after the run's own children.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RunContent {
    /// The mark that opens a note (`w:footnoteRef`, `w:endnoteRef`); Word fills in the number.
    NoteMark,
    /// A field's start, marked dirty so that Word updates the field when it opens the file.
    FieldBegin,
    /// A field's instruction, its spaces kept.
    FieldCode(&'static str),
    /// The end of a field's instruction and the start of its result.
    FieldSeparate,
    /// A field's end.
    FieldEnd,
}

/// What one run needs beyond what docx-rs wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct RunEdit {
    /// The language of the run's text: a number into [`Edits::langs`].
    pub(crate) lang: Option<usize>,
    /// Content to add.
    pub(crate) content: Option<RunContent>,
    /// The description (alt text) of the picture in the run.
    pub(crate) alt: Option<String>,
}

impl RunEdit {
    /// A run holding `content`.
    pub(crate) fn content(content: RunContent) -> Self {
        RunEdit {
            content: Some(content),
            ..RunEdit::default()
        }
    }
}

/// The edited runs of one paragraph.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ParagraphEdits {
    /// How many runs docx-rs writes in the paragraph, to check that positions still match.
    pub(crate) runs: usize,
    /// (position among the paragraph's runs, edit), in order of position.
    pub(crate) edits: Vec<(usize, RunEdit)>,
}

/// Every edit of a document.
#[derive(Debug, Default)]
pub(crate) struct Edits {
    /// Language tags, numbered in order of first use.
    pub(crate) langs: Vec<String>,
    /// Edited paragraphs by `w14:paraId`.
    pub(crate) paragraphs: HashMap<u32, ParagraphEdits>,
}
