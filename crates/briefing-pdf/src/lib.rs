//! Renders a briefing to PDF: layout into plain pages, then printpdf writes them.

mod error;
mod fonts;
mod images;
mod layout;
mod render;
mod standard;
mod write;

#[cfg(test)]
mod shaping_tests;
#[cfg(test)]
mod tagged_tests;
#[cfg(test)]
mod tests;

pub use error::Error;
pub use render::{Options, render};
pub use standard::{PdfStandard, UnknownStandard};
