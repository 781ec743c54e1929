//! `briefing render`: every input is one job on one rayon pool (see `job.rs`); panics are
//! caught as bugs, `--fail-fast` stops starting jobs, and once all are done the diagnostics
//! are printed in input order (workers never print), then the summary, manifest and report.

use std::io::{IsTerminal, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use anyhow::Context;
use briefing_model::{Diagnostic, Severity};

use crate::args::RenderArgs;
use crate::inputs::{self, Input};
use crate::job::Run;
use crate::manifest::{self, Entry, Manifest};
use crate::report::{DocumentReport, Report, Status, Summary};

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

    crate::output::remove_stale_temporaries(all.iter().map(|i| {
        args.out_dir
            .join(&i.rel)
            .parent()
            .map(Path::to_owned)
            .unwrap_or_default()
    }));

    let manifest_path = args.out_dir.join(manifest::file_name(args.shard));
    let manifest = if args.incremental {
        Manifest::load(&manifest_path)
    } else {
        Manifest::default()
    };
    let progress = progress_bar(all.len() as u64, args.quiet);
    let stop = AtomicBool::new(false);
    let run = Run {
        args,
        formats: &formats,
        themes: crate::themes::Themes::default(),
        manifest: &manifest,
        parallel,
    };

    // A panic is a bug, reported with the document's name; the default hook would print it
    // from a worker, out of order, so it is silenced for the batch and reported below.
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let work = || {
        run.map(&all, |input| {
            let d = document(&run, input, &stop);
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
        crate::output::write_atomic(path, &bytes)
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

/// Runs one document's job unless `stop` says the batch is stopping; a failure under
/// `--fail-fast` sets it.
fn document(run: &Run, input: &Input, stop: &AtomicBool) -> Done {
    let mut report = DocumentReport {
        input: input.path.clone(),
        status: Status::Ok,
        diagnostics: Vec::new(),
        outputs: Vec::new(),
    };
    if stop.load(Ordering::Relaxed) {
        report.status = Status::Skipped;
        return Done {
            report,
            manifest: None,
        };
    }
    let result = catch_unwind(AssertUnwindSafe(|| run.document(input, &mut report)));
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
    if report.status == Status::Failed && run.args.fail_fast {
        stop.store(true, Ordering::Relaxed);
    }
    Done { report, manifest }
}
