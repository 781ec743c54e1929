//! The command line, as clap reads it.

use std::path::{Path, PathBuf};

use briefing_model::Assets;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::format::Format;
use crate::inputs::Input;

/// Publish a briefing as PDF, Word and HTML at once, from Markdown or plain text.
#[derive(Debug, Parser)]
#[command(name = "briefing", version, about, long_about = None, after_help = EXAMPLES)]
pub(crate) struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub(crate) command: Command,
}

const EXAMPLES: &str = "\
Examples:
  briefing render input/alaska-summit.md            writes out/alaska-summit.{pdf,docx,html}
  briefing render notes.txt --title \"Weekly brief\"  plain text, with a title of your choosing
  briefing render a.md b.md -o dist --format pdf,html
  briefing parse input/alaska-summit.txt --format json
  briefing check drafts/ --deny-warnings
  briefing render draft.md --watch";

/// The subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Render briefings to PDF, DOCX and HTML.
    ///
    /// Each input is parsed once; its formats render in parallel from that one model, and
    /// many inputs render on every core. Files are written to OUT_DIR as NAME.pdf,
    /// NAME.docx and NAME.html, each through a temporary file renamed into place, so a
    /// file is either complete or absent. One bad document never stops the others.
    ///
    /// Exit status: 0 when every document rendered, 1 when any failed, 2 for a usage error.
    #[command(
        after_help = "Examples:\n  briefing render input/alaska-summit.md\n  briefing render input/*.md -o dist --format pdf,docx\n  briefing render briefs/ -o site --incremental --report report.json\n  briefing render briefs/ --shard \"$JOB_COMPLETION_INDEX/8\""
    )]
    Render(RenderArgs),
    /// Check briefings without writing anything: parse, theme, glyphs, images, links, front matter.
    ///
    /// Prints each finding as `warning:` or `error:` with file:line and a hint.
    /// Exit status: 0 when there are no errors (and no warnings with --deny-warnings), else 1.
    #[command(
        after_help = "Examples:\n  briefing check input/\n  briefing check draft.md --format json --deny-warnings"
    )]
    Check(CheckArgs),
    /// Start a new Markdown briefing with complete front matter and a skeleton.
    #[command(
        after_help = "Examples:\n  briefing new weekly-brief\n  briefing new desks/europe/gas-outlook --theme briefing"
    )]
    New(NewArgs),
    /// Print the model a source parses into (what every renderer reads).
    #[command(
        after_help = "Examples:\n  briefing parse input/alaska-summit.txt > model.json\n  briefing render model.json"
    )]
    Parse(ParseArgs),
    /// List the built-in themes.
    #[command(
        after_help = "Examples:\n  briefing themes\n  briefing render brief.md --theme newsroom"
    )]
    Themes,
    /// Work with themes: write a built-in one out to edit.
    #[command(subcommand)]
    Theme(ThemeCommand),
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  briefing completions bash > ~/.local/share/bash-completion/completions/briefing\n  briefing completions zsh > ~/.zfunc/_briefing\n  briefing completions fish > ~/.config/fish/completions/briefing.fish"
    )]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), for `man -l -` or a man folder.
    #[command(
        after_help = "Examples:\n  briefing man | man -l -\n  briefing man > /usr/local/share/man/man1/briefing.1"
    )]
    Man,
}

/// `briefing theme …`
#[derive(Debug, Subcommand)]
pub(crate) enum ThemeCommand {
    /// Write a built-in theme's files (theme.toml, page.html, style.css, fonts) to a folder.
    ///
    /// Edit the copy, or delete what you do not change: a theme folder overrides its base
    /// (`extends = "NAME"` in theme.toml) key by key and file by file.
    #[command(
        after_help = "Examples:\n  briefing theme export newsroom themes/agency\n  briefing render brief.md --theme themes/agency"
    )]
    Export {
        /// The built-in theme.
        #[arg(value_name = "NAME")]
        name: String,
        /// The folder to write (created if missing).
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// Overwrite files that exist.
        #[arg(long)]
        force: bool,
    },
}

/// `briefing check`
#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// Source files, folders or glob patterns, as for `render`.
    #[arg(required = true, value_name = "INPUT")]
    pub(crate) inputs: Vec<PathBuf>,
    /// How to print findings: for people, or as JSON for editors and CI.
    #[arg(long, value_enum, default_value = "human")]
    pub(crate) format: CheckFormat,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    pub(crate) deny_warnings: bool,
    /// Theme to check against: a built-in name or a folder (default: the briefing's own, else
    /// the default theme).
    #[arg(long, value_name = "NAME|DIR")]
    pub(crate) theme: Option<String>,
    #[command(flatten)]
    pub(crate) source: SourceArgs,
}

/// How `briefing check` prints.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum CheckFormat {
    /// `warning: file:line: message` lines with hints.
    Human,
    /// A JSON array of findings with severity, file, line, column, message and hint.
    Json,
}

/// `briefing new`
#[derive(Debug, Args)]
pub(crate) struct NewArgs {
    /// The new file's name (`.md` is added when missing).
    #[arg(value_name = "NAME")]
    pub(crate) name: PathBuf,
    /// The theme to name in the front matter.
    #[arg(long, value_name = "NAME")]
    pub(crate) theme: Option<String>,
}

/// Options shared by everything that reads a source.
#[derive(Debug, Args)]
pub(crate) struct SourceArgs {
    /// Title to use instead of the one in (or inferred from) the source.
    #[arg(long, value_name = "TEXT")]
    pub(crate) title: Option<String>,
    /// How to read the inputs; by default from the extension (.md, .markdown, .txt, .json).
    #[arg(long, value_enum, value_name = "KIND")]
    pub(crate) from: Option<InputKind>,
    /// Largest source accepted, in MiB: a briefing is a few pages, and a far larger file is
    /// more likely a mistake than a report.
    #[arg(long, value_name = "MIB", default_value_t = 16)]
    pub(crate) max_input_mib: u64,
    /// A folder whose files a briefing may use as images, besides its own folder's tree
    /// (for a briefing found in a folder given as input, that folder's tree). Repeat for more. Paths leading anywhere else (`../../etc/passwd`, other absolute
    /// paths) are refused with a warning; remote images are never fetched.
    #[arg(long = "allow-path", value_name = "DIR")]
    pub(crate) allow_path: Vec<PathBuf>,
}

impl SourceArgs {
    /// Where the images of `input` may come from: its folder's tree, the tree of the folder it
    /// was found in, and the `--allow-path` folders.
    pub(crate) fn assets(&self, input: &Input) -> Assets {
        let mut allow = self.allow_path.clone();
        allow.push(input.root().to_owned());
        Assets {
            base_dir: Some(input.path.parent().unwrap_or(Path::new("")).to_owned()),
            allow,
        }
    }
}

/// `briefing render`
#[derive(Debug, Args)]
pub(crate) struct RenderArgs {
    /// Source files, folders (searched recursively for .md, .markdown, .txt and .json; the
    /// output folder mirrors their tree) or glob patterns such as 'briefs/**/*.md'.
    #[arg(required = true, value_name = "INPUT")]
    pub(crate) inputs: Vec<PathBuf>,
    /// Folder to write into (created if missing).
    #[arg(short, long = "out-dir", value_name = "DIR", default_value = "out")]
    pub(crate) out_dir: PathBuf,
    /// Formats to write, comma-separated.
    #[arg(
        short,
        long,
        value_enum,
        value_delimiter = ',',
        default_value = "pdf,docx,html"
    )]
    pub(crate) format: Vec<Format>,
    /// Theme: a built-in theme's name (see `briefing themes`) or a theme folder. By default,
    /// the briefing's own `theme:`, else `briefing`.
    #[arg(long, value_name = "NAME|DIR")]
    pub(crate) theme: Option<String>,
    #[command(flatten)]
    pub(crate) source: SourceArgs,
    /// PDF standard to meet and claim: a-2b, a-2a, ua-1, a-2a,ua-1 (archival PDF/A-2 and
    /// accessible PDF/UA-1 together), or none. By default the theme's: `accessible` claims
    /// a-2a,ua-1, the others none. Every PDF is tagged for screen readers whatever this says.
    #[arg(long, value_name = "STD")]
    pub(crate) pdf_standard: Option<briefing_model::PdfClaim>,
    /// Pass raw HTML written in Markdown through to the HTML edition, sanitized: no scripts,
    /// styles, frames or event handlers, links only to http, https, mailto or relative
    /// targets. By default raw HTML is shown as text in every format.
    #[arg(long)]
    pub(crate) allow_raw_html: bool,
    /// Write the HTML edition's images as files into DIR, linked from each page by a
    /// relative path, instead of embedding them. Files are named by a hash of their content,
    /// so briefings that share an image share one file.
    #[arg(long, value_name = "DIR")]
    pub(crate) html_assets: Option<PathBuf>,
    /// Worker threads (default: one per core).
    #[arg(short, long, value_name = "N")]
    pub(crate) jobs: Option<usize>,
    /// Stop starting new documents after the first failure.
    #[arg(long)]
    pub(crate) fail_fast: bool,
    /// Treat warnings as errors: a document with warnings fails and is not written.
    #[arg(long)]
    pub(crate) deny_warnings: bool,
    /// Write a JSON report: per document and format, status, path, bytes, SHA-256, pages,
    /// milliseconds, warnings and errors.
    #[arg(long, value_name = "FILE.json")]
    pub(crate) report: Option<PathBuf>,
    /// Skip documents whose source, options and tool version are unchanged since the last
    /// run (a manifest of hashes is kept in the output folder).
    #[arg(long)]
    pub(crate) incremental: bool,
    /// Render only shard K of N (K from 0): a stable share of the inputs, by output path, so
    /// N machines can split one batch (for example K=$JOB_COMPLETION_INDEX on Kubernetes).
    #[arg(long, value_name = "K/N")]
    pub(crate) shard: Option<crate::shard::Shard>,
    /// No progress bar, only the summary line and diagnostics.
    #[arg(short, long)]
    pub(crate) quiet: bool,
    /// After rendering, keep watching the inputs and render again what changes.
    #[arg(short, long)]
    pub(crate) watch: bool,
}

/// `briefing parse`
#[derive(Debug, Args)]
pub(crate) struct ParseArgs {
    /// The source file.
    #[arg(value_name = "FILE")]
    pub(crate) input: PathBuf,
    /// How to print the model.
    #[arg(long, value_enum, default_value = "json")]
    pub(crate) format: DumpFormat,
    #[command(flatten)]
    pub(crate) source: SourceArgs,
}

/// What `--from` accepts.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum InputKind {
    /// Markdown with optional front matter.
    Markdown,
    /// Plain text; structure is inferred.
    Plain,
    /// The model as JSON.
    Json,
}

/// How `briefing parse` prints.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum DumpFormat {
    /// The model as pretty JSON (the same shape `.json` inputs use).
    Json,
}
