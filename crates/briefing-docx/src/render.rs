//! The entry point: a document and a theme in, the bytes of a `.docx` out.

use briefing_model::{Assets, Document, Theme, Warned};

use crate::error::Error;

/// How to render.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Where images may be read from: the source's folder and any allowed folders.
    pub assets: Assets,
}

/// Renders `doc` with `theme` into the bytes of a `.docx` file, with warnings about content
/// that had to be changed (missing images, characters XML forbids).
///
/// The same input gives the same bytes, whatever else the process renders and on any thread.
///
/// ```
/// use briefing_model::{parse, ParseOptions, SourceKind};
/// let src = "---\ntitle: Gas storage\n---\n## Outlook\n\nStorage is *full*.\n";
/// let doc = parse(src, &ParseOptions::new(SourceKind::Markdown)).unwrap().value;
/// let theme = briefing_model::builtin("briefing").unwrap();
/// let out = briefing_docx::render(&doc, &theme, &briefing_docx::Options::default()).unwrap();
/// assert!(out.value.starts_with(b"PK"));
/// assert!(out.warnings.is_empty());
/// ```
pub fn render(doc: &Document, theme: &Theme, options: &Options) -> Result<Warned<Vec<u8>>, Error> {
    let parts = crate::convert::convert(doc, theme, &options.assets);
    Ok(Warned {
        value: crate::package::write(&parts.value)?,
        warnings: parts.warnings,
    })
}
