//! `briefing render`: every input parsed once, its formats rendered in parallel on one rayon
//! pool, each file written as soon as it is rendered, through a temporary file renamed into place.

use std::io::{IsTerminal, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Instant;

use anyhow::Context;
use briefing_model::{BlockKind, Diagnostic, Document, Inline, Severity};
use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::args::RenderArgs;
use crate::format::{Format, RenderOptions, Rendered};
use crate::inputs::{self, Input};
use crate::manifest::{self, Entry, Manifest};
use crate::report::{DocumentReport, OutputReport, Report, Status, Summary};

/// Runs `briefing render`; returns whether every document rendered.
pub(crate) fn run(args: &RenderArgs) -> anyhow::Result<bool> {
    let started = Instant::now();
    let all = inputs::expand(&args.inputs, &args.out_dir).map_err(anyhow::Error::msg)?;
    render_all(args, all, started)
}

/// Renders already expanded inputs (the watcher calls this with the ones that changed).
pub(crate) fn render_all(
    args: &RenderArgs,
    mut all: Vec<Input>,
    started: Instant,
) -> anyhow::Result<bool> {
    let mut formats = args.format.clone();
    formats.sort();
    formats.dedup();
    if let Some(report) = &args.report {
        let report = report.canonicalize().unwrap_or_else(|_| report.clone());
        if all
            .iter()
            .any(|i| i.path.canonicalize().ok().as_ref() == Some(&report))
        {
            anyhow::bail!("--report {} would overwrite an input", report.display());
        }
    }
    if let Some(shard) = args.shard {
        all.retain(|i| shard.owns(&i.rel));
    }
    // One job (or --jobs 1) runs on this thread: starting a pool costs more than a small render.
    let parallel = all.len() * formats.len() > 1 && args.jobs != Some(1);
    let pool = match parallel {
        true => Some(
            rayon::ThreadPoolBuilder::new()
                .num_threads(args.jobs.unwrap_or(0))
                .build()
                .context("starting the worker threads")?,
        ),
        false => None,
    };
    std::fs::create_dir_all(&args.out_dir)
        .with_context(|| format!("creating the output folder {}", args.out_dir.display()))?;

    remove_stale_temporaries(&args.out_dir, &all);

    let manifest_path = args.out_dir.join(manifest::file_name(args.shard));
    let manifest = if args.incremental {
        Manifest::load(&manifest_path)
    } else {
        Manifest::default()
    };
    let progress = progress_bar(all.len() as u64, args.quiet);
    let stop = AtomicBool::new(false);
    let cx = Batch {
        args,
        themes: crate::themes::Themes::default(),
        formats: &formats,
        manifest: &manifest,
        stop: &stop,
        parallel,
    };

    // A panic is a bug, reported with the document's name; the default hook would print it
    // from a worker, out of order, so it is silenced for the batch and reported below.
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let work = || {
        cx.map(&all, |input| {
            let d = cx.document(input);
            progress.inc(1);
            d
        })
    };
    let done: Vec<Done> = match &pool {
        Some(pool) => pool.install(work),
        None => work(),
    };
    std::panic::set_hook(previous_hook);
    progress.finish_and_clear();

    let mut manifest = manifest;
    let mut summary = Summary {
        documents: done.len(),
        ..Summary::default()
    };
    let mut stderr = crate::print::stderr();
    for d in &done {
        // Each format reports what it could not show; one finding is printed once.
        let mut seen = std::collections::HashSet::new();
        for diag in d
            .report
            .diagnostics
            .iter()
            .chain(d.report.outputs.iter().flat_map(|o| &o.diagnostics))
        {
            if diag.severity != Severity::Note
                && seen.insert((diag.line, crate::print::finding_key(&diag.message)))
            {
                crate::print::diagnostic(&mut stderr, diag)?;
            }
        }
        summary.files += d
            .report
            .outputs
            .iter()
            .filter(|o| o.status == Status::Ok)
            .count();
        match d.report.status {
            Status::Failed => summary.failed += 1,
            Status::Skipped | Status::Unchanged => summary.skipped += 1,
            Status::Ok => {}
        }
        if let Some((rel, entry)) = &d.manifest {
            manifest.record(rel.clone(), entry.clone());
        }
    }
    summary.milliseconds = started.elapsed().as_millis();
    if args.incremental {
        manifest
            .save(&manifest_path)
            .with_context(|| format!("writing {}", manifest_path.display()))?;
    }
    writeln!(
        stderr,
        "{} document{}, {} file{} written, {} unchanged or skipped, {} failed, in {} ms",
        summary.documents,
        plural(summary.documents),
        summary.files,
        plural(summary.files),
        summary.skipped,
        summary.failed,
        summary.milliseconds
    )?;
    let ok = summary.failed == 0;
    if let Some(path) = &args.report {
        let report = Report {
            tool: format!("briefing {}", env!("CARGO_PKG_VERSION")),
            summary,
            documents: done.into_iter().map(|d| d.report).collect(),
        };
        let bytes = serde_json::to_vec_pretty(&report)?;
        write_atomic(path, &bytes)
            .with_context(|| format!("writing the report {}", path.display()))?;
    }
    Ok(ok)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn progress_bar(len: u64, quiet: bool) -> indicatif::ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{bar:40} {pos}/{len} documents, {per_sec}, {eta} left",
    ) {
        bar.set_style(style);
    }
    bar
}

/// What one document left: its report and, when rendered, its manifest entry.
struct Done {
    report: DocumentReport,
    manifest: Option<(String, Entry)>,
}

/// What every document's work shares.
struct Batch<'a> {
    args: &'a RenderArgs,
    themes: crate::themes::Themes,
    formats: &'a [Format],
    manifest: &'a Manifest,
    stop: &'a AtomicBool,
    /// Whether jobs run on the pool; otherwise they run one by one on this thread.
    parallel: bool,
}

impl Batch<'_> {
    /// Maps `f` over `items`, on the pool when the batch is parallel.
    fn map<T: Sync, R: Send>(&self, items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
        match self.parallel {
            true => items.par_iter().map(f).collect(),
            false => items.iter().map(f).collect(),
        }
    }

    fn document(&self, input: &Input) -> Done {
        let mut report = DocumentReport {
            input: input.path.clone(),
            status: Status::Ok,
            diagnostics: Vec::new(),
            outputs: Vec::new(),
        };
        if self.stop.load(Ordering::Relaxed) {
            report.status = Status::Skipped;
            return Done {
                report,
                manifest: None,
            };
        }
        let result = catch_unwind(AssertUnwindSafe(|| {
            self.render_document(input, &mut report)
        }));
        let manifest = match result {
            Ok(Ok(entry)) => entry,
            Ok(Err(diag)) => {
                report
                    .diagnostics
                    .push(diag.in_file(Some(input.path.clone())));
                report.status = Status::Failed;
                None
            }
            Err(panic) => {
                let what = panic
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_owned())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown cause".into());
                report.diagnostics.push(
                    Diagnostic::error(
                        0,
                        format!("bug: briefing crashed on this document ({what})"),
                    )
                    .with_hint("please report it with the document attached")
                    .in_file(Some(input.path.clone())),
                );
                report.status = Status::Failed;
                None
            }
        };
        if report.status == Status::Failed && self.args.fail_fast {
            self.stop.store(true, Ordering::Relaxed);
        }
        Done { report, manifest }
    }

    /// Parses, renders and writes one document. `Err` is a document-level error.
    fn render_document(
        &self,
        input: &Input,
        report: &mut DocumentReport,
    ) -> Result<Option<(String, Entry)>, Diagnostic> {
        let args = self.args;
        let limit = args.source.max_input_mib.saturating_mul(1024 * 1024);
        let size = std::fs::metadata(&input.path).map(|m| m.len()).unwrap_or(0);
        if size > limit {
            return Err(Diagnostic::error(
                0,
                format!(
                    "the file is {:.1} MiB, over the limit of {} MiB",
                    size as f64 / 1048576.0,
                    args.source.max_input_mib
                ),
            )
            .with_hint("raise the limit with --max-input-mib"));
        }
        let bytes = std::fs::read(&input.path)
            .map_err(|e| Diagnostic::error(0, format!("cannot read: {e}")))?;
        let rel = input.rel.to_string_lossy().replace('\\', "/");
        let opts =
            crate::parse_options(&input.path, &args.source).map_err(|e| Diagnostic::error(0, e))?;
        let format_names: Vec<&str> = self.formats.iter().map(|f| f.extension()).collect();
        // The manifest's key and entry are only kept with --incremental.
        let key = args.incremental.then(|| {
            manifest::key(&[
                env!("CARGO_PKG_VERSION").as_bytes(),
                format_names.join(",").as_bytes(),
                args.theme.as_deref().unwrap_or("").as_bytes(),
                args.source.title.as_deref().unwrap_or("").as_bytes(),
                format!(
                    "{:?}|{:?}|{:?}|{:?}|{}|{:?}",
                    opts.kind,
                    opts.default_date,
                    args.source.allow_path,
                    args.pdf_standard,
                    args.allow_raw_html,
                    args.html_assets
                )
                .as_bytes(),
                &bytes,
            ])
        });
        if let Some(key) = &key
            && self
                .manifest
                .is_current(&rel, key, &args.out_dir, |dir| self.themes.fingerprint(dir))
        {
            report.status = Status::Unchanged;
            return Ok(None);
        }

        let text = String::from_utf8(bytes).map_err(|e| {
            let message = briefing_model::utf8_message(e.as_bytes(), e.utf8_error().valid_up_to());
            Diagnostic::error(0, message).with_hint("save the file as UTF-8")
        })?;
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
        let outputs: Vec<OutputReport> = self.map(self.formats, |&format| {
            let out = target.with_extension(format.extension());
            render_output(&doc, &theme, format, &options, &out, args, &input.path)
        });
        if outputs.iter().any(|o| o.status == Status::Failed) {
            report.status = Status::Failed;
        }
        report.outputs = outputs;
        let Some(key) = key.filter(|_| report.status == Status::Ok) else {
            return Ok(None);
        };
        let assets = referenced_files(&doc)
            .into_iter()
            .map(|src| base_dir.join(src))
            .filter_map(|p| manifest::hash_file(&p).map(|h| (p, h)))
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

/// Renders one format into memory, then writes it (unless warnings are denied and there are some).
fn render_output(
    doc: &Document,
    theme: &briefing_model::Theme,
    format: Format,
    options: &RenderOptions,
    out: &Path,
    args: &RenderArgs,
    input: &Path,
) -> OutputReport {
    let deny_warnings = args.deny_warnings;
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
    let file = Some(input.to_owned());
    match format.render(doc, theme, options) {
        Ok(warned) => {
            report.diagnostics = warned
                .warnings
                .into_iter()
                .map(|w| w.in_file(file.clone()))
                .collect();
            let denied = deny_warnings
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
                let written = write_beside(options.html_assets.as_deref(), &files)
                    .and_then(|()| write_atomic(out, &bytes));
                match written {
                    Ok(()) => {
                        report.status = Status::Ok;
                        report.bytes = Some(bytes.len());
                        // Only the JSON report shows these; hashing costs a tenth of a small render.
                        if args.report.is_some() {
                            report.sha256 = Some(manifest::hex(&Sha256::digest(&bytes)));
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

/// Image paths a document refers to, so `--incremental` notices when one changes.
fn referenced_files(doc: &Document) -> Vec<String> {
    fn inlines(list: &[Inline], out: &mut Vec<String>) {
        for i in list {
            match i {
                Inline::Image { src, .. } => out.push(src.clone()),
                other => inlines(other.children().unwrap_or_default(), out),
            }
        }
    }
    fn blocks(list: &[briefing_model::Block], out: &mut Vec<String>) {
        for b in list {
            match &b.kind {
                BlockKind::Figure { src, .. } => out.push(src.clone()),
                BlockKind::Heading { content, .. } | BlockKind::Paragraph { content } => {
                    inlines(content, out)
                }
                BlockKind::List { items, .. } => items.iter().for_each(|i| blocks(&i.blocks, out)),
                BlockKind::Quote { blocks: b } | BlockKind::Callout { blocks: b, .. } => {
                    blocks(b, out)
                }
                BlockKind::Table { header, rows, .. } => header
                    .iter()
                    .chain(rows.iter().flatten())
                    .for_each(|c| inlines(c, out)),
                BlockKind::Code { .. } | BlockKind::Rule | BlockKind::Html { .. } => {}
            }
        }
    }
    let mut out = Vec::new();
    blocks(&doc.blocks, &mut out);
    doc.footnotes
        .iter()
        .for_each(|f| blocks(&f.blocks, &mut out));
    out.retain(|s| !s.contains("://"));
    out.sort();
    out.dedup();
    out
}

/// Removes temporary files that an interrupted run (Ctrl-C, `kill -9`) left in the folders this
/// run writes to. Only files of processes that are no longer running are touched, so another
/// run writing into the same folder keeps its own.
fn remove_stale_temporaries(out_dir: &Path, inputs: &[Input]) {
    let mut dirs: Vec<PathBuf> = inputs
        .iter()
        .map(|i| {
            out_dir
                .join(&i.rel)
                .parent()
                .map(Path::to_owned)
                .unwrap_or_default()
        })
        .collect();
    dirs.sort();
    dirs.dedup();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(pid) = name.to_str().and_then(temporary_pid) else {
                continue;
            };
            let alive = Path::new("/proc").is_dir() && Path::new(&format!("/proc/{pid}")).exists();
            if !alive && Path::new("/proc").is_dir() {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

/// The process id in a temporary file's name (`.NAME.PID.tmp`), if it is one of ours.
fn temporary_pid(name: &str) -> Option<u32> {
    let stem = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (_, pid) = stem.rsplit_once('.')?;
    pid.parse().ok()
}

/// Writes through a temporary file in the same folder, renamed into place: readers (and a run
/// interrupted by Ctrl-C or `kill -9`) only ever see a complete file or none.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    // Unique per write: two workers may write the same shared image file at once.
    static WRITES: AtomicU64 = AtomicU64::new(0);
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("out");
    let tmp: PathBuf = path.with_file_name(format!(
        ".{name}.{}.{}.tmp",
        std::process::id(),
        WRITES.fetch_add(1, Ordering::Relaxed)
    ));
    let result = std::fs::File::create(&tmp).and_then(|mut f| f.write_all(bytes));
    match result.and_then(|()| std::fs::rename(&tmp, path)) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// Writes the files that go beside a page (`--html-assets`) into `dir`. Their names are
/// content hashes, so a file already there has the same bytes and is left alone.
fn write_beside(dir: Option<&Path>, files: &[(String, Vec<u8>)]) -> std::io::Result<()> {
    let Some(dir) = dir else { return Ok(()) };
    if files.is_empty() {
        return Ok(());
    }
    std::fs::create_dir_all(dir)?;
    for (name, bytes) in files {
        let path = dir.join(name);
        if !path.exists() {
            write_atomic(&path, bytes)?;
        }
    }
    Ok(())
}

/// The relative URL path from folder `from` to folder `to` (`../assets`), as a page in `from`
/// links to files in `to`. Both are taken from the working folder when relative.
fn relative_url(from: &Path, to: &Path) -> String {
    let absolute = |p: &Path| {
        let p = std::path::absolute(p).unwrap_or_else(|_| p.to_owned());
        // Normalise `.` and `..` without touching the file system (the folders may not exist yet).
        let mut out: Vec<String> = Vec::new();
        for c in p.components() {
            match c {
                std::path::Component::CurDir => {}
                std::path::Component::ParentDir => {
                    out.pop();
                }
                c => out.push(c.as_os_str().to_string_lossy().into_owned()),
            }
        }
        out
    };
    let (from, to) = (absolute(from), absolute(to));
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_owned(); from.len() - common];
    parts.extend(to[common..].iter().cloned());
    if parts.is_empty() {
        ".".to_owned()
    } else {
        parts.join("/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_urls_climb_out_and_down() {
        let base = std::env::temp_dir();
        assert_eq!(
            relative_url(&base.join("out/a/b"), &base.join("out/assets")),
            "../../assets"
        );
        assert_eq!(
            relative_url(&base.join("out"), &base.join("out/img")),
            "img"
        );
        assert_eq!(relative_url(&base.join("out"), &base.join("out")), ".");
        assert_eq!(
            relative_url(&base.join("out/./x/.."), &base.join("y")),
            "../y"
        );
    }
}
