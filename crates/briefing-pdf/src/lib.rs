//! Renders a briefing to PDF: layout into plain pages, then printpdf writes them.

mod error;
mod fonts;
mod images;
mod layout;
mod render;
mod write;

#[cfg(test)]
mod shaping_tests;
#[cfg(test)]
mod tagged_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod toc_tests;

pub use briefing_model::{PdfStandard, UnknownStandard};
pub use error::Error;
pub use render::{Options, Pdf, render};
