//! Why a DOCX could not be produced.

/// Why a DOCX could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Writing the ZIP container failed.
    #[error("could not write the DOCX package: {0}")]
    Zip(#[from] std::io::Error),
    /// A part docx-rs wrote could not be finished: docx-rs wrote something other than what
    /// was built (a bug to report, with the document).
    #[error("could not finish {part} as docx-rs wrote it: {reason}")]
    Part {
        /// The part's name in the package.
        part: &'static str,
        /// What went wrong.
        reason: String,
    },
}
