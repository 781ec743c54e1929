//! Diagnostics: warnings and errors that point at a file and line.

use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Information worth knowing, such as where an inferred title came from.
    Note,
    /// The document was produced, but something deserves a look.
    Warning,
    /// The document could not be produced.
    Error,
}

/// A message about the source, with where it applies and a hint for fixing it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Warning or error.
    pub severity: Severity,
    /// The source file, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<PathBuf>,
    /// 1-based line, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// 1-based column (in characters) on that line, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
    /// What is wrong.
    pub message: String,
    /// How to fix it, when we can tell.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A note at `line` (0 means unknown).
    pub fn note(line: u32, message: impl Into<String>) -> Self {
        Self::new(Severity::Note, line, message)
    }

    /// A warning at `line` (0 means unknown).
    pub fn warning(line: u32, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, line, message)
    }

    /// An error at `line` (0 means unknown).
    pub fn error(line: u32, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, line, message)
    }

    fn new(severity: Severity, line: u32, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            file: None,
            line: (line > 0).then_some(line),
            column: None,
            message: message.into(),
            hint: None,
        }
    }

    /// Adds a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Adds the column (1-based, 0 means unknown).
    pub fn at_column(mut self, column: u32) -> Self {
        self.column = (column > 0).then_some(column);
        self
    }

    /// Names the file the diagnostic is about.
    pub fn in_file(mut self, file: Option<PathBuf>) -> Self {
        if self.file.is_none() {
            self.file = file;
        }
        self
    }
}

impl Severity {
    /// The word diagnostics start with: `note`, `warning` or `error`.
    pub fn word(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl Diagnostic {
    /// Where it applies, as `file:line:column`, `file:line`, `file`, `line N` or nothing.
    pub fn location(&self) -> String {
        let mut s = String::new();
        match (&self.file, self.line) {
            (Some(file), _) => s.push_str(&file.display().to_string()),
            (None, Some(line)) => s.push_str(&format!("line {line}")),
            (None, None) => return s,
        }
        if let (Some(_), Some(line)) = (&self.file, self.line) {
            s.push_str(&format!(":{line}"));
            if let Some(col) = self.column {
                s.push_str(&format!(":{col}"));
            }
        }
        s
    }
}

/// Prints as `warning: input/x.md:12: message` with `hint: …` on the next line.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.severity.word())?;
        let location = self.location();
        if !location.is_empty() {
            write!(f, "{location}: ")?;
        }
        write!(f, "{}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\nhint: {hint}")?;
        }
        Ok(())
    }
}

/// A value together with the warnings found while producing it.
#[derive(Debug, Clone, PartialEq)]
pub struct Warned<T> {
    /// The value.
    pub value: T,
    /// Warnings, in source order.
    pub warnings: Vec<Diagnostic>,
}
