//! Why a page could not be rendered.

/// Why a page could not be rendered.
///
/// Problems with the document itself (a missing image, an unsafe link) are warnings, not
/// errors: the page is still produced. Errors come from a broken page template.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// The template names a placeholder the renderer does not know.
    #[error("page template: unknown placeholder {{{{{name}}}}}; known placeholders are: {known}")]
    UnknownPlaceholder {
        /// The placeholder's name as written.
        name: String,
        /// The names there are.
        known: String,
    },
    /// The template leaves out a placeholder without which content would be lost.
    #[error("page template: placeholder {{{{{name}}}}} is missing, so the page would lose content")]
    MissingPlaceholder {
        /// The required placeholder's name.
        name: &'static str,
    },
    /// A `{{` in the template is never closed.
    #[error("page template: a `{{{{` at byte {offset} is never closed with `}}}}`")]
    Unclosed {
        /// Byte offset of the `{{` in the template.
        offset: usize,
    },
}
