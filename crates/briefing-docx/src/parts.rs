//! What the converter hands the package: the parts as docx-rs wrote them, what docx-rs cannot
//! write into them, and the parts we write ourselves.

use crate::edits::Edits;
use crate::image::Picture;
use crate::notes::NoteKind;

/// Everything a `.docx` holds, before packaging.
pub(crate) struct Parts {
    /// `word/document.xml` as docx-rs wrote it.
    pub(crate) document: Vec<u8>,
    /// The notes as docx-rs wrote them (always as footnotes), when the document has notes.
    pub(crate) notes: Option<Vec<u8>>,
    /// Whether the notes are footnotes or endnotes.
    pub(crate) note_kind: NoteKind,
    /// `word/header1.xml` as docx-rs wrote it.
    pub(crate) header: Option<Vec<u8>>,
    /// `word/footer1.xml` as docx-rs wrote it.
    pub(crate) footer: Option<Vec<u8>>,
    /// What docx-rs could not write into those parts.
    pub(crate) edits: Edits,
    /// The `w:tblPr` every table gets in place of docx-rs's, which has black borders and
    /// its table style out of schema order.
    pub(crate) table_properties: Vec<u8>,
    /// The body's `w:sectPr` in place of docx-rs's, which puts the header references last.
    pub(crate) section: Vec<u8>,
    /// `word/styles.xml`.
    pub(crate) styles: String,
    /// `word/numbering.xml`, when there are lists.
    pub(crate) numbering: Option<String>,
    /// `word/settings.xml`.
    pub(crate) settings: String,
    /// `docProps/core.xml`.
    pub(crate) core: String,
    /// `docProps/custom.xml`, when there are custom properties.
    pub(crate) custom: Option<String>,
    /// Pictures, in the order their relationship ids were given.
    pub(crate) media: Vec<Media>,
    /// External links of the body.
    pub(crate) body_links: Vec<Link>,
    /// External links in notes.
    pub(crate) note_links: Vec<Link>,
}

/// An image to store under `word/media/`.
pub(crate) struct Media {
    /// Relationship id, also the media file's stem.
    pub(crate) rid: String,
    /// The picture.
    pub(crate) picture: Picture,
}

/// An external hyperlink's relationship.
pub(crate) struct Link {
    /// Relationship id.
    pub(crate) rid: String,
    /// The address.
    pub(crate) url: String,
}
