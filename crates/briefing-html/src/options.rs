//! What the HTML renderer needs besides the document and theme.

use std::path::PathBuf;

/// Options for [`render`](crate::render).
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The folder the source file is in; image `src` paths resolve against it
    /// (against the working directory when `None`).
    pub base_dir: Option<PathBuf>,
}
