//! Why a PDF could not be produced.

/// Why rendering failed. Problems in the document itself are warnings, not errors.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A theme font could not be read as TrueType or OpenType.
    #[error("font {path:?} is not a TrueType or OpenType font this renderer can read")]
    Font {
        /// The font's path in the theme.
        path: String,
    },
    /// A font could not be subset for embedding.
    #[error("font {path:?} could not be subset for embedding: {message}")]
    Subset {
        /// The font's path in the theme.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// Writing the PDF failed.
    #[error("could not write the PDF: {0}")]
    Write(String),
}
