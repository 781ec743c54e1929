//! `briefing`: the command-line tool.

mod args;
mod batch;
mod check;
mod format;
mod inputs;
mod manifest;
mod new;
mod print;
mod report;
mod shard;
mod themes;
mod watch;

use std::io::Write;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use args::{Cli, Command, DumpFormat, InputKind, SourceArgs};
use briefing_model::{Date, ParseOptions, SourceKind};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Render(args) if args.watch => watch::run(&args),
        Command::Render(args) => batch::run(&args),
        Command::Check(args) => check::run(&args),
        Command::New(args) => new_briefing(&args),
        Command::Parse(args) => parse(&args),
        Command::Themes => themes::list(),
        Command::Theme(args::ThemeCommand::Export { name, dir, force }) => {
            themes::export(&name, &dir, force)
        }
        Command::Completions { shell } => {
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "briefing",
                &mut std::io::stdout(),
            );
            Ok(true)
        }
        Command::Man => clap_mangen::Man::new(Cli::command())
            .render(&mut std::io::stdout())
            .map(|()| true)
            .map_err(Into::into),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// Parse options for one input, from the command line and the environment.
pub(crate) fn parse_options(
    path: &std::path::Path,
    source: &SourceArgs,
) -> Result<ParseOptions, String> {
    let kind = match source.from {
        Some(InputKind::Markdown) => SourceKind::Markdown,
        Some(InputKind::Plain) => SourceKind::Plain,
        Some(InputKind::Json) => SourceKind::Json,
        None => SourceKind::from_path(path).ok_or_else(|| {
            format!("{}: cannot tell the kind of source from its extension (use .md, .txt or .json, or pass --from)", path.display())
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
fn source_date_epoch() -> Result<Option<Date>, String> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) if !v.trim().is_empty() => v
            .trim()
            .parse::<i64>()
            .map(|s| Some(Date::from_unix(s)))
            .map_err(|_| {
                format!("SOURCE_DATE_EPOCH must be whole seconds since 1970, found {v:?}")
            }),
        _ => Ok(None),
    }
}

/// Reads a source file as UTF-8 text, refusing files over the size limit.
pub(crate) fn read_source(path: &std::path::Path, source: &SourceArgs) -> Result<String, String> {
    let limit = source.max_input_mib.saturating_mul(1024 * 1024);
    let size = std::fs::metadata(path)
        .map_err(|e| format!("error: {}: cannot read: {e}", path.display()))?
        .len();
    if size > limit {
        return Err(format!(
            "error: {}: the file is {:.1} MiB, over the limit of {} MiB\nhint: raise the limit with --max-input-mib",
            path.display(),
            size as f64 / 1048576.0,
            source.max_input_mib
        ));
    }
    let bytes =
        std::fs::read(path).map_err(|e| format!("error: {}: cannot read: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        let message = briefing_model::utf8_message(e.as_bytes(), e.utf8_error().valid_up_to());
        format!(
            "error: {}: {message}\nhint: save the file as UTF-8",
            path.display()
        )
    })
}

fn new_briefing(args: &args::NewArgs) -> anyhow::Result<bool> {
    // An authoring aid, not a render: today's date is what the author wants in the skeleton,
    // unless SOURCE_DATE_EPOCH pins it.
    let date = match source_date_epoch().map_err(anyhow::Error::msg)? {
        Some(d) => d,
        None => {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap_or_default();
            Date::from_unix(now.as_secs() as i64)
        }
    };
    match new::run(&args.name, args.theme.as_deref(), date) {
        Ok(path) => {
            eprintln!(
                "wrote {}; render it with: briefing render {}",
                path.display(),
                path.display()
            );
            Ok(true)
        }
        Err(e) => {
            eprintln!("error: {e}");
            Ok(false)
        }
    }
}

fn parse(args: &args::ParseArgs) -> anyhow::Result<bool> {
    let opts = parse_options(&args.input, &args.source).map_err(anyhow::Error::msg)?;
    let text = match read_source(&args.input, &args.source) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            return Ok(false);
        }
    };
    match briefing_model::parse(&text, &opts) {
        Ok(warned) => {
            let mut err = print::stderr();
            for w in &warned.warnings {
                print::diagnostic(&mut err, w)?;
            }
            let DumpFormat::Json = args.format;
            let mut out = std::io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &warned.value)?;
            writeln!(out)?;
            Ok(true)
        }
        Err(e) => {
            let mut err = print::stderr();
            for d in &e.diagnostics {
                print::diagnostic(&mut err, d)?;
            }
            Ok(false)
        }
    }
}
