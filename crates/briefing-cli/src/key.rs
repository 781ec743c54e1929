//! The `--incremental` key: everything that decides a document's output bytes, gathered in one
//! hashable value. It is built by destructuring every option, so a new option does not compile
//! until someone decides whether it changes what is written.

use std::path::{Path, PathBuf};

use briefing_model::{Date, ParseOptions, PdfClaim, SourceKind};

use crate::args::{RenderArgs, SourceArgs};
use crate::format::Format;

/// What, besides the source's text, decides a document's outputs.
#[derive(Debug, Hash)]
pub(crate) struct OutputOptions<'a> {
    /// The tool's version: another version may write other bytes.
    version: &'static str,
    /// The formats written, sorted, each once.
    formats: &'a [Format],
    /// `--theme` as given; a theme folder's files are fingerprinted apart, in the manifest.
    theme: Option<&'a str>,
    /// The source file: its folder is where images resolve, its name the title of last resort.
    path: Option<&'a Path>,
    /// How the source is read.
    kind: SourceKind,
    /// `--title`.
    title: Option<&'a str>,
    /// The date from `SOURCE_DATE_EPOCH`, for sources without one.
    default_date: Option<Date>,
    /// `--allow-path`: which images may be shown.
    allow_path: &'a [PathBuf],
    /// `--pdf-standard`.
    pdf_standard: Option<PdfClaim>,
    /// `--allow-raw-html`.
    allow_raw_html: bool,
    /// `--html-assets`: where the page's images go and how it links to them.
    html_assets: Option<&'a Path>,
}

impl<'a> OutputOptions<'a> {
    /// The options of one document of a `render` run: `formats` is `args.format` sorted and
    /// without repeats, `parse` the document's parse options.
    pub(crate) fn new(
        args: &'a RenderArgs,
        formats: &'a [Format],
        parse: &'a ParseOptions,
    ) -> Self {
        let RenderArgs {
            // Each document's own path and text are part of the key.
            inputs: _,
            // The manifest lives in the output folder: another folder has another manifest.
            out_dir: _,
            // Read through `formats`, the same set in a fixed order.
            format: _,
            theme,
            // `--title` and `--from` are read through `parse`, which resolves them.
            source:
                SourceArgs {
                    title: _,
                    from: _,
                    // Decides whether a source is read at all, not what is written from it.
                    max_input_mib: _,
                    allow_path,
                },
            pdf_standard,
            allow_raw_html,
            html_assets,
            // Any number of threads writes the same bytes.
            jobs: _,
            // Decide which documents are tried and whether the run fails, not the bytes of an
            // output written: an output written once is the one they would write again.
            fail_fast: _,
            deny_warnings: _,
            report: _,
            incremental: _,
            // Each shard keeps its own manifest.
            shard: _,
            quiet: _,
            watch: _,
        } = args;
        let ParseOptions {
            kind,
            path,
            title,
            default_date,
        } = parse;
        OutputOptions {
            version: env!("CARGO_PKG_VERSION"),
            formats,
            theme: theme.as_deref(),
            path: path.as_deref(),
            kind: *kind,
            title: title.as_deref(),
            default_date: *default_date,
            allow_path,
            pdf_standard: *pdf_standard,
            allow_raw_html: *allow_raw_html,
            html_assets: html_assets.as_deref(),
        }
    }

    /// The key of a document with these options and source text `text`.
    pub(crate) fn key(&self, text: &str) -> String {
        crate::hash::value(&(self, text))
    }
}
