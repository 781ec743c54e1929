//! What the PDF says about the document besides its pages: the metadata value the
//! writer reads, and the Info dictionary made from it.

use briefing_model::Date;
use lopdf::{Dictionary, Object, ObjectId};

use super::file::text;

/// The Producer written in both Info and XMP.
pub(super) const PRODUCER: &str = "briefing (printpdf)";
/// The Creator (Info) and CreatorTool (XMP).
pub(super) const CREATOR: &str = "briefing";

/// The facts about a document that the writer records (Info, XMP, the catalog's
/// language): all it reads of the document besides the laid-out pages.
#[derive(Debug, Clone, Default)]
pub(crate) struct Metadata {
    /// The title.
    pub(crate) title: String,
    /// The document's language, a BCP 47 tag (may be empty).
    pub(crate) lang: String,
    /// The authors, in order.
    pub(crate) authors: Vec<String>,
    /// A one-line summary: Info's Subject, XMP's description.
    pub(crate) subject: Option<String>,
    /// Keywords, in order.
    pub(crate) keywords: Vec<String>,
    /// The briefing's date: creation and modification date alike.
    pub(crate) date: Option<Date>,
}

/// Adds the Info dictionary; returns its id for the trailer.
pub(super) fn write_info(lo: &mut lopdf::Document, meta: &Metadata) -> ObjectId {
    let mut info = Dictionary::new();
    info.set("Title", text(&meta.title));
    if !meta.authors.is_empty() {
        info.set("Author", text(&meta.authors.join(", ")));
    }
    if let Some(s) = &meta.subject {
        info.set("Subject", text(s));
    }
    if !meta.keywords.is_empty() {
        info.set("Keywords", text(&meta.keywords.join(", ")));
    }
    info.set("Creator", text(CREATOR));
    info.set("Producer", text(PRODUCER));
    if let Some(d) = meta.date {
        info.set("CreationDate", pdf_date(d));
        info.set("ModDate", pdf_date(d));
    }
    lo.add_object(Object::Dictionary(info))
}

/// A PDF date at midnight UTC.
fn pdf_date(d: Date) -> Object {
    Object::string_literal(format!("D:{:04}{:02}{:02}000000Z", d.year, d.month, d.day))
}
