//! The entry point: font metrics, layout, writing.

use briefing_model::{Assets, Document, PdfStandard, Theme, Warned};

use crate::error::Error;
use crate::fonts::FontSet;
use crate::{layout, write};

/// How to render.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Where images may be read from: the source's folder and any allowed folders.
    pub assets: Assets,
    /// The standard to meet and claim (PDF/A-2, PDF/UA-1); `None` takes the theme's
    /// (`theme.pdf.standard`), which may be none: then the PDF is tagged but claims nothing.
    pub standard: Option<PdfStandard>,
}

/// A rendered PDF file.
#[derive(Debug, Clone)]
pub struct Pdf {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// How many pages it has.
    pub pages: usize,
}

/// Renders `doc` with `theme` to a PDF file and its page count, with warnings about
/// anything that could not be shown as written (missing images, missing glyphs).
///
/// ```
/// use briefing_model::{parse, ParseOptions, SourceKind};
/// let src = "---\ntitle: Gas storage\n---\n## Outlook\n\nStorage is *full*.\n";
/// let doc = parse(src, &ParseOptions::new(SourceKind::Markdown)).unwrap().value;
/// let theme = briefing_model::builtin("briefing").unwrap();
/// let out = briefing_pdf::render(&doc, &theme, &briefing_pdf::Options::default()).unwrap();
/// assert!(out.value.bytes.starts_with(b"%PDF-"));
/// assert_eq!(out.value.pages, 1);
/// assert!(out.warnings.is_empty());
/// ```
pub fn render(doc: &Document, theme: &Theme, options: &Options) -> Result<Warned<Pdf>, Error> {
    let fonts = FontSet::new(theme)?;
    let laid = layout::layout(doc, theme, &fonts, &options.assets);
    let standard = options.standard.or(theme.pdf.standard.0);
    let bytes = write::write(&laid, &metadata(doc), &fonts, standard)?;
    Ok(Warned {
        value: Pdf {
            bytes,
            pages: laid.pages.len(),
        },
        warnings: laid.warnings,
    })
}

/// What the writer records about `doc` besides its pages.
fn metadata(doc: &Document) -> write::Metadata {
    let meta = &doc.meta;
    write::Metadata {
        title: meta.title.clone(),
        lang: meta.lang.clone(),
        authors: meta.authors.clone(),
        subject: meta.summary.clone(),
        keywords: meta.keywords.clone(),
        date: meta.date,
    }
}

/// The layout of `doc` as plain text, one line per positioned item: what the golden
/// layout test compares. Not part of the stable API.
#[doc(hidden)]
pub fn layout_dump(doc: &Document, theme: &Theme, options: &Options) -> Result<String, Error> {
    let fonts = FontSet::new(theme)?;
    Ok(layout::dump(&layout::layout(
        doc,
        theme,
        &fonts,
        &options.assets,
    )))
}
