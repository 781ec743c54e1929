//! Reading a source: the one way `parse`, `check`, `render` and `watch` turn a path into text
//! and parse options. Every failure is a [`Diagnostic`]; those about the file name it.

use std::path::Path;

use briefing_model::{Date, Diagnostic, ParseOptions, SourceKind};

use crate::args::{InputKind, SourceArgs};

/// Parse options for one source, from the command line and the environment.
pub(crate) fn parse_options(path: &Path, source: &SourceArgs) -> Result<ParseOptions, Diagnostic> {
    let kind = match source.from {
        Some(InputKind::Markdown) => SourceKind::Markdown,
        Some(InputKind::Plain) => SourceKind::Plain,
        Some(InputKind::Json) => SourceKind::Json,
        None => SourceKind::from_path(path).ok_or_else(|| {
            error(
                path,
                "cannot tell the kind of source from its extension (use .md, .txt or .json, or pass --from)",
            )
        })?,
    };
    Ok(ParseOptions {
        kind,
        path: Some(path.to_owned()),
        title: source.title.clone(),
        default_date: source_date_epoch()?,
    })
}

/// The date from `SOURCE_DATE_EPOCH`, for sources that carry none; never the clock.
pub(crate) fn source_date_epoch() -> Result<Option<Date>, Diagnostic> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) if !v.trim().is_empty() => v
            .trim()
            .parse::<i64>()
            .map(|s| Some(Date::from_unix(s)))
            .map_err(|_| {
                Diagnostic::error(
                    0,
                    format!("SOURCE_DATE_EPOCH must be whole seconds since 1970, found {v:?}"),
                )
            }),
        _ => Ok(None),
    }
}

/// Reads a source file as UTF-8 text, refusing files over `--max-input-mib`.
pub(crate) fn read_source(path: &Path, source: &SourceArgs) -> Result<String, Diagnostic> {
    let cannot_read = |e: std::io::Error| error(path, format!("cannot read: {e}"));
    let limit = source.max_input_mib.saturating_mul(1024 * 1024);
    let size = std::fs::metadata(path).map_err(cannot_read)?.len();
    if size > limit {
        return Err(error(
            path,
            format!(
                "the file is {:.1} MiB, over the limit of {} MiB",
                size as f64 / 1048576.0,
                source.max_input_mib
            ),
        )
        .with_hint("raise the limit with --max-input-mib"));
    }
    let bytes = std::fs::read(path).map_err(cannot_read)?;
    String::from_utf8(bytes).map_err(|e| {
        let message = briefing_model::utf8_message(e.as_bytes(), e.utf8_error().valid_up_to());
        error(path, message).with_hint("save the file as UTF-8")
    })
}

/// An error about the file at `path` as a whole.
fn error(path: &Path, message: impl Into<String>) -> Diagnostic {
    Diagnostic::error(0, message).in_file(Some(path.to_owned()))
}
