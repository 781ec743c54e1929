//! Renders a briefing to PDF: layout into plain pages, then `write` converts them to
//! bytes in one pass.

mod error;
mod fonts;
mod images;
mod layout;
mod render;
mod write;

pub use briefing_model::{PdfStandard, UnknownStandard};
pub use error::Error;
pub use render::{Options, Pdf, layout_dump, render};
