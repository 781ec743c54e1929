//! What the HTML renderer needs besides the document and theme.

use std::path::PathBuf;

/// Options for [`render`](crate::render).
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The folder the source file is in; image `src` paths resolve against it
    /// (against the working directory when `None`).
    pub base_dir: Option<PathBuf>,
    /// A page template replacing the built-in `page.html` (a theme folder's own copy).
    pub template: Option<String>,
    /// A stylesheet replacing the built-in `style.css` (a theme folder's own copy).
    pub stylesheet: Option<String>,
}
