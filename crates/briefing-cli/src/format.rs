//! The output formats, and the one place that dispatches to each renderer.

use anyhow::Context;
use briefing_model::{Assets, Document, Theme, Warned};

/// An output format. Adding one is a compile error at every `match` until handled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, clap::ValueEnum)]
pub(crate) enum Format {
    /// PDF, typeset for print.
    Pdf,
    /// Word document (Office Open XML).
    Docx,
    /// One standalone HTML page.
    Html,
}

impl Format {
    /// Every format, in the order outputs are reported.
    pub(crate) const ALL: [Format; 3] = [Format::Pdf, Format::Docx, Format::Html];

    /// The file extension, without the dot.
    pub(crate) fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Html => "html",
        }
    }

    /// Renders `doc` in this format: the file's bytes, and for HTML with `--html-assets` the
    /// image files that go beside it.
    pub(crate) fn render(
        self,
        doc: &Document,
        theme: &Theme,
        options: &RenderOptions,
    ) -> anyhow::Result<Warned<Rendered>> {
        let assets = options.assets.clone();
        let only = |w: Warned<Vec<u8>>| Warned {
            value: Rendered {
                bytes: w.value,
                files: Vec::new(),
                pages: None,
            },
            warnings: w.warnings,
        };
        match self {
            Format::Pdf => {
                let (standard, theme) = match options.pdf_standard {
                    // `--pdf-standard none` drops the theme's claim.
                    Some(briefing_model::PdfClaim(None)) if theme.pdf.standard.0.is_some() => {
                        let mut plain = theme.clone();
                        plain.pdf.standard.0 = None;
                        (None, std::borrow::Cow::Owned(plain))
                    }
                    claim => (claim.and_then(|c| c.0), std::borrow::Cow::Borrowed(theme)),
                };
                let options = briefing_pdf::Options { assets, standard };
                let pdf = briefing_pdf::render(doc, &theme, &options).context("rendering PDF")?;
                Ok(Warned {
                    value: Rendered {
                        bytes: pdf.value.bytes,
                        files: Vec::new(),
                        pages: Some(pdf.value.pages),
                    },
                    warnings: pdf.warnings,
                })
            }
            Format::Docx => {
                let options = briefing_docx::Options { assets };
                briefing_docx::render(doc, theme, &options)
                    .map(only)
                    .context("rendering DOCX")
            }
            Format::Html => {
                let options = briefing_html::Options {
                    assets,
                    allow_raw_html: options.allow_raw_html,
                    image_folder: options.image_folder.clone(),
                };
                let page =
                    briefing_html::render_page(doc, theme, &options).context("rendering HTML")?;
                Ok(Warned {
                    value: Rendered {
                        bytes: page.value.html,
                        files: page.value.files,
                        pages: None,
                    },
                    warnings: page.warnings,
                })
            }
        }
    }
}

/// What every format's renderer may need besides the document and theme.
#[derive(Debug, Clone, Default)]
pub(crate) struct RenderOptions {
    /// Where images may be read from.
    pub(crate) assets: Assets,
    /// `--pdf-standard`; `None` leaves the theme's.
    pub(crate) pdf_standard: Option<briefing_model::PdfClaim>,
    /// `--allow-raw-html`.
    pub(crate) allow_raw_html: bool,
    /// `--html-assets`: the folder the HTML's image files are written to…
    pub(crate) html_assets: Option<std::path::PathBuf>,
    /// …and the relative URL path from the page to it.
    pub(crate) image_folder: Option<String>,
}

/// A rendered file and the files that go beside it (HTML images with `--html-assets`).
#[derive(Debug)]
pub(crate) struct Rendered {
    /// The file's bytes.
    pub(crate) bytes: Vec<u8>,
    /// (name, bytes) of the files to write into the image folder.
    pub(crate) files: Vec<(String, Vec<u8>)>,
    /// Pages in the file, where the format has pages.
    pub(crate) pages: Option<usize>,
}
