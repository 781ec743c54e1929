//! `briefing`: the command-line tool.

// The one place that prints: diagnostics in input order, once every worker is done.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod args;
mod batch;
mod check;
mod format;
mod hash;
mod inputs;
mod job;
mod key;
mod manifest;
mod new;
mod output;
mod print;
mod report;
mod shard;
mod source;
mod themes;
mod watch;

use std::io::Write;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use args::{Cli, Command, DumpFormat};
use briefing_model::Date;

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

fn new_briefing(args: &args::NewArgs) -> anyhow::Result<bool> {
    // An authoring aid, not a render: today's date is what the author wants in the skeleton,
    // unless SOURCE_DATE_EPOCH pins it.
    let date = match source::source_date_epoch() {
        Ok(Some(d)) => d,
        Err(e) => {
            print::diagnostic(&mut print::stderr(), &e)?;
            return Ok(false);
        }
        Ok(None) => {
            #[allow(clippy::disallowed_methods)] // a skeleton for its author, not a render
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
    let read = source::parse_options(&args.input, &args.source)
        .and_then(|opts| source::read_source(&args.input, &args.source).map(|text| (opts, text)));
    let (opts, text) = match read {
        Ok(read) => read,
        Err(e) => {
            print::diagnostic(&mut print::stderr(), &e)?;
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
