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

    /// Renders `doc` in this format, reading its images through `assets`.
    pub(crate) fn render(
        self,
        doc: &Document,
        theme: &Theme,
        assets: &Assets,
    ) -> anyhow::Result<Warned<Vec<u8>>> {
        let assets = assets.clone();
        match self {
            Format::Pdf => {
                let options = briefing_pdf::Options {
                    assets,
                    ..Default::default()
                };
                briefing_pdf::render(doc, theme, &options).context("rendering PDF")
            }
            Format::Docx => {
                let options = briefing_docx::Options { assets };
                briefing_docx::render(doc, theme, &options).context("rendering DOCX")
            }
            Format::Html => {
                let options = briefing_html::Options {
                    assets,
                    ..Default::default()
                };
                briefing_html::render(doc, theme, &options).context("rendering HTML")
            }
        }
    }

    /// Pages in a rendered file, where the format has pages.
    pub(crate) fn page_count(self, bytes: &[u8]) -> Option<usize> {
        match self {
            Format::Pdf => Some(pdf_page_count(bytes)),
            Format::Docx | Format::Html => None,
        }
    }
}

/// Counts `/Type /Page` dictionaries (not `/Pages`): our PDFs keep page objects uncompressed.
fn pdf_page_count(bytes: &[u8]) -> usize {
    let mut count = 0;
    for (i, w) in bytes.windows(5).enumerate() {
        if w == b"/Type" {
            let rest = &bytes[i + 5..];
            let rest = &rest[rest.iter().take_while(|b| b.is_ascii_whitespace()).count()..];
            if rest.starts_with(b"/Page")
                && !rest[5..].first().is_some_and(u8::is_ascii_alphanumeric)
            {
                count += 1;
            }
        }
    }
    count
}
