//! One job: a document and its formats. Read and parse the source once, choose its theme,
//! render each format from that one model (in parallel when the run is), write each file
//! through a temporary, and say what the `--incremental` manifest should record.

use std::path::Path;
use std::time::Instant;

use briefing_model::{Diagnostic, Document, Severity, Theme};
use rayon::prelude::*;

use crate::args::RenderArgs;
use crate::format::{Format, RenderOptions, Rendered};
use crate::inputs::Input;
use crate::key::OutputOptions;
use crate::manifest::{Entry, Manifest};
use crate::output::{relative_url, write_atomic, write_beside};
use crate::report::{DocumentReport, OutputReport, Status};
use crate::themes::Themes;

/// What every job of one run shares.
pub(crate) struct Run<'a> {
    /// The command line.
    pub(crate) args: &'a RenderArgs,
    /// The formats to write, sorted, each once.
    pub(crate) formats: &'a [Format],
    /// Themes, each loaded once for the run.
    pub(crate) themes: Themes,
    /// The last `--incremental` run's record (empty without the flag).
    pub(crate) manifest: &'a Manifest,
    /// Whether jobs run on the pool; otherwise they run one by one on this thread.
    pub(crate) parallel: bool,
}

impl Run<'_> {
    /// Maps `f` over `items`, on the pool when the run is parallel.
    pub(crate) fn map<T: Sync, R: Send>(
        &self,
        items: &[T],
        f: impl Fn(&T) -> R + Sync + Send,
    ) -> Vec<R> {
        match self.parallel {
            true => items.par_iter().map(f).collect(),
            false => items.iter().map(f).collect(),
        }
    }

    /// Reads, parses, renders and writes one document, filling in `report`. `Err` is an
    /// error about the document as a whole; `Ok` carries the manifest's record of it when
    /// `--incremental` asks for one and every format was written.
    pub(crate) fn document(
        &self,
        input: &Input,
        report: &mut DocumentReport,
    ) -> Result<Option<(String, Entry)>, Diagnostic> {
        let args = self.args;
        let opts = crate::source::parse_options(&input.path, &args.source)?;
        let text = crate::source::read_source(&input.path, &args.source)?;
        let rel = input.rel.to_string_lossy().replace('\\', "/");
        // The manifest's key and entry are only kept with --incremental.
        let key = args
            .incremental
            .then(|| OutputOptions::new(args, self.formats, &opts).key(&text));
        if let Some(key) = &key
            && self
                .manifest
                .is_current(&rel, key, &args.out_dir, |dir| self.themes.fingerprint(dir))
        {
            report.status = Status::Unchanged;
            return Ok(None);
        }

        let warned = briefing_model::parse(&text, &opts).map_err(|e| {
            let mut ds = e.diagnostics.into_iter();
            let first = ds
                .next()
                .unwrap_or_else(|| Diagnostic::error(0, "the source could not be parsed"));
            report.diagnostics.extend(ds);
            first
        })?;
        report.diagnostics.extend(warned.warnings);
        let doc = warned.value;
        if args.deny_warnings
            && report
                .diagnostics
                .iter()
                .any(|d| d.severity == Severity::Warning)
        {
            return Err(Diagnostic::error(
                0,
                "warnings are denied (--deny-warnings)",
            ));
        }

        let base_dir = input.path.parent().unwrap_or(Path::new(".")).to_owned();
        let (theme, theme_source) = self.themes.for_document(
            args.theme.as_deref(),
            doc.meta.theme.as_deref(),
            &base_dir,
        )?;
        let target = args.out_dir.join(&input.rel);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| {
                Diagnostic::error(0, format!("cannot create {}: {e}", parent.display()))
            })?;
        }
        let options = RenderOptions {
            assets: args.source.assets(input),
            pdf_standard: args.pdf_standard,
            allow_raw_html: args.allow_raw_html,
            html_assets: args.html_assets.clone(),
            image_folder: args
                .html_assets
                .as_deref()
                .map(|dir| relative_url(target.parent().unwrap_or(Path::new("")), dir)),
        };
        let out = Output {
            doc: &doc,
            theme: &theme,
            options: &options,
            input: &input.path,
            args,
        };
        let outputs: Vec<OutputReport> = self.map(self.formats, |&format| {
            out.write(format, &target.with_extension(format.extension()))
        });
        if outputs.iter().any(|o| o.status == Status::Failed) {
            report.status = Status::Failed;
        }
        report.outputs = outputs;
        let Some(key) = key.filter(|_| report.status == Status::Ok) else {
            return Ok(None);
        };
        let assets = doc
            .referenced_files()
            .into_iter()
            .map(|src| {
                let path = base_dir.join(src);
                let hash = crate::hash::file(&path);
                (path, hash)
            })
            .collect();
        let outputs = self
            .formats
            .iter()
            .map(|f| input.rel.with_extension(f.extension()))
            .collect();
        Ok(Some((
            rel,
            Entry {
                key,
                assets,
                outputs,
                theme: theme_source,
            },
        )))
    }
}

/// One document ready to render, in any format.
struct Output<'a> {
    doc: &'a Document,
    theme: &'a Theme,
    options: &'a RenderOptions,
    /// The source, named in diagnostics.
    input: &'a Path,
    args: &'a RenderArgs,
}

impl Output<'_> {
    /// Renders `format` into memory, then writes it to `out` (unless warnings are denied and
    /// there are some).
    fn write(&self, format: Format, out: &Path) -> OutputReport {
        let started = Instant::now();
        let mut report = OutputReport {
            format: format.extension(),
            status: Status::Failed,
            path: out.to_owned(),
            bytes: None,
            sha256: None,
            pages: None,
            milliseconds: 0.0,
            diagnostics: Vec::new(),
        };
        let file = Some(self.input.to_owned());
        match format.render(self.doc, self.theme, self.options) {
            Ok(warned) => {
                report.diagnostics = warned
                    .warnings
                    .into_iter()
                    .map(|w| w.in_file(file.clone()))
                    .collect();
                let denied = self.args.deny_warnings
                    && report
                        .diagnostics
                        .iter()
                        .any(|d| d.severity == Severity::Warning);
                if denied {
                    report.diagnostics.push(
                        Diagnostic::error(
                            0,
                            format!("{} not written: warnings are denied", format.extension()),
                        )
                        .in_file(file),
                    );
                } else {
                    let Rendered {
                        bytes,
                        files,
                        pages,
                    } = warned.value;
                    let written = write_beside(self.options.html_assets.as_deref(), &files)
                        .and_then(|()| write_atomic(out, &bytes));
                    match written {
                        Ok(()) => {
                            report.status = Status::Ok;
                            report.bytes = Some(bytes.len());
                            // Only the JSON report shows these; hashing costs a tenth of a small render.
                            if self.args.report.is_some() {
                                report.sha256 = Some(crate::hash::bytes(&bytes));
                                report.pages = pages;
                            }
                        }
                        Err(e) => report.diagnostics.push(
                            Diagnostic::error(0, format!("cannot write {}: {e}", out.display()))
                                .in_file(file),
                        ),
                    }
                }
            }
            Err(e) => report
                .diagnostics
                .push(Diagnostic::error(0, format!("{e:#}")).in_file(file)),
        }
        report.milliseconds = (started.elapsed().as_secs_f64() * 1000.0 * 100.0).round() / 100.0;
        report
    }
}
