//! What the HTML renderer needs besides the document and theme.

use briefing_model::Assets;

/// Options for [`render`](crate::render) and [`render_page`](crate::render_page).
///
/// Build with `..Options::default()` so new options do not break callers.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Where images may be read from: the source's folder and any allowed folders.
    pub assets: Assets,
    /// Pass raw HTML from the source (`BlockKind::Html`, `Inline::Html`) through, sanitized
    /// to a conservative set of elements and attributes, instead of showing it as text
    /// (`--allow-raw-html`). Off by default.
    pub allow_raw_html: bool,
    /// Write images as files beside the page instead of embedding them (`--html-assets`):
    /// the relative URL path from the page to the folder the files go in, with `/` between
    /// folder names, such as `"report_files"` or `"../assets"`. Give the plain path, not an
    /// encoded URL: characters a URL path cannot hold (space, `#`, `?`, `%`, `:`, quotes…)
    /// are percent-encoded, and empty segments are dropped so the prefix stays relative.
    ///
    /// Only [`render_page`](crate::render_page) reads it (the files come back in its
    /// [`Page`](crate::Page)); [`render`](crate::render) always embeds.
    pub image_folder: Option<String>,
}
