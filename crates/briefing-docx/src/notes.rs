//! Footnotes or endnotes: the theme's note placement picks the kind of Word note, and with it
//! the part, the element names, the styles and the settings every other module uses.
//!
//! docx-rs only knows footnotes, so notes are always built as docx-rs footnotes; for endnotes
//! the package renames the elements.

use briefing_model::FootnotePlacement;

use crate::styles::id;

/// Which kind of Word note the briefing's notes become.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NoteKind {
    /// `w:footnote` in `word/footnotes.xml`, at the foot of the citing page.
    Foot,
    /// `w:endnote` in `word/endnotes.xml`, together at the end of the document.
    End,
}

impl NoteKind {
    /// The kind a theme's placement asks for.
    pub(crate) fn from_placement(p: FootnotePlacement) -> Self {
        match p {
            FootnotePlacement::Page => NoteKind::Foot,
            FootnotePlacement::End => NoteKind::End,
        }
    }

    /// The element name of one note, without its prefix: `footnote` or `endnote`; the part,
    /// the reference, the mark and the settings are named after it.
    pub(crate) fn element(self) -> &'static str {
        match self {
            NoteKind::Foot => "footnote",
            NoteKind::End => "endnote",
        }
    }

    /// The part's file name inside `word/`, which is also its relationship type plus `.xml`.
    pub(crate) fn part(self) -> &'static str {
        match self {
            NoteKind::Foot => "footnotes.xml",
            NoteKind::End => "endnotes.xml",
        }
    }

    /// The part's name in the package.
    pub(crate) fn path(self) -> &'static str {
        match self {
            NoteKind::Foot => "word/footnotes.xml",
            NoteKind::End => "word/endnotes.xml",
        }
    }

    /// The paragraph style of note bodies.
    pub(crate) fn text_style(self) -> &'static str {
        match self {
            NoteKind::Foot => id::FOOTNOTE_TEXT,
            NoteKind::End => id::ENDNOTE_TEXT,
        }
    }

    /// The character style of note marks, in the body and in front of each note.
    pub(crate) fn ref_style(self) -> &'static str {
        match self {
            NoteKind::Foot => id::FOOTNOTE_REF,
            NoteKind::End => id::ENDNOTE_REF,
        }
    }
}
