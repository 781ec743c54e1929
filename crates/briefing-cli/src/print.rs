//! Printing diagnostics to the terminal: coloured when stderr is a terminal, plain otherwise,
//! and plain whenever `NO_COLOR` is set (anstream decides).

use std::io::Write;

use anstyle::{AnsiColor, Style};
use briefing_model::{Diagnostic, Severity};

/// Prints one diagnostic as `severity: file:line:col: message` and `hint: …` below it.
pub(crate) fn diagnostic(out: &mut impl Write, d: &Diagnostic) -> std::io::Result<()> {
    let color = match d.severity {
        Severity::Note => AnsiColor::Green,
        Severity::Warning => AnsiColor::Yellow,
        Severity::Error => AnsiColor::Red,
    };
    let word = Style::new().bold().fg_color(Some(color.into()));
    let bold = Style::new().bold();
    write!(out, "{word}{}{word:#}: ", d.severity.word())?;
    let location = d.location();
    if !location.is_empty() {
        write!(out, "{bold}{location}{bold:#}: ")?;
    }
    writeln!(out, "{}", d.message)?;
    if let Some(hint) = &d.hint {
        let cyan = Style::new().bold().fg_color(Some(AnsiColor::Cyan.into()));
        writeln!(out, "{cyan}hint{cyan:#}: {hint}")?;
    }
    Ok(())
}

/// A stderr that keeps colour only where the terminal and `NO_COLOR` allow it.
pub(crate) fn stderr() -> anstream::Stderr {
    anstream::stderr()
}

/// What a finding is about, so that three renderers' words for one missing image count once.
pub(crate) fn finding_key(message: &str) -> String {
    match message.find("image \"") {
        Some(at) => {
            let rest = &message[at + 7..];
            format!("image {}", &rest[..rest.find('"').unwrap_or(rest.len())])
        }
        None => message.to_owned(),
    }
}
