//! `--report FILE.json`: what happened to every document and format.

use std::path::PathBuf;

use briefing_model::Diagnostic;
use serde::Serialize;

/// The whole report.
#[derive(Debug, Serialize)]
pub(crate) struct Report {
    /// `briefing` and its version.
    pub(crate) tool: String,
    /// Counts and time.
    pub(crate) summary: Summary,
    /// One entry per input, in input order.
    pub(crate) documents: Vec<DocumentReport>,
}

/// Totals.
#[derive(Debug, Default, Serialize)]
pub(crate) struct Summary {
    /// Inputs considered.
    pub(crate) documents: usize,
    /// Files written.
    pub(crate) files: usize,
    /// Documents that failed.
    pub(crate) failed: usize,
    /// Documents skipped as unchanged (`--incremental`) or not reached (`--fail-fast`).
    pub(crate) skipped: usize,
    /// Wall time of the whole run.
    pub(crate) milliseconds: u128,
}

/// How a document or one of its outputs ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Status {
    /// Rendered and written.
    Ok,
    /// Not rendered: an error (or a warning under `--deny-warnings`).
    Failed,
    /// Unchanged since the last `--incremental` run.
    Unchanged,
    /// Not reached because `--fail-fast` stopped the batch.
    Skipped,
}

/// One input.
#[derive(Debug, Serialize)]
pub(crate) struct DocumentReport {
    /// The source file.
    pub(crate) input: PathBuf,
    /// Overall status.
    pub(crate) status: Status,
    /// Diagnostics from reading and parsing the source.
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// One entry per format.
    pub(crate) outputs: Vec<OutputReport>,
}

/// One output file.
#[derive(Debug, Serialize)]
pub(crate) struct OutputReport {
    /// `pdf`, `docx` or `html`.
    pub(crate) format: &'static str,
    /// How it ended.
    pub(crate) status: Status,
    /// Where it was (or would have been) written.
    pub(crate) path: PathBuf,
    /// Size in bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) bytes: Option<usize>,
    /// SHA-256 of the file, lower-case hex.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) sha256: Option<String>,
    /// Page count (PDF).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) pages: Option<usize>,
    /// Time to render and write.
    pub(crate) milliseconds: f64,
    /// Warnings and errors of this format's renderer.
    pub(crate) diagnostics: Vec<Diagnostic>,
}
