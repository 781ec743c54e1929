//! What the HTML renderer needs besides the document and theme.

use briefing_model::Assets;

/// Options for [`render`](crate::render).
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Where images may be read from: the source's folder and any allowed folders.
    pub assets: Assets,
}
