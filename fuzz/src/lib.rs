//! What every fuzz target shares: turning raw bytes into source text and documents.

use briefing_model::{Document, ParseOptions, SourceKind, Theme};
use std::sync::{Arc, OnceLock};

/// Inputs longer than this are skipped, so that one execution stays fast.
pub const MAX_INPUT: usize = 64 * 1024;

/// The bytes as text: invalid UTF-8 is replaced, as a lenient reader would.
/// `None` when the input is too long to be worth an execution.
pub fn text(data: &[u8]) -> Option<String> {
    (data.len() <= MAX_INPUT).then(|| String::from_utf8_lossy(data).into_owned())
}

/// Parses `text` as `kind`; a parse error is a normal outcome, a panic is a bug.
pub fn parse(text: &str, kind: SourceKind) -> Option<Document> {
    briefing_model::parse(text, &ParseOptions::new(kind))
        .ok()
        .map(|w| w.value)
}

/// The documents a render target feeds its renderer: the text as Markdown, and when it
/// looks like JSON, also the model read from it (so renderers see shapes Markdown never makes).
pub fn documents(data: &[u8]) -> Vec<Document> {
    let Some(text) = text(data) else {
        return Vec::new();
    };
    let mut docs: Vec<Document> = parse(&text, SourceKind::Markdown).into_iter().collect();
    if text.trim_start().starts_with('{') {
        docs.extend(parse(&text, SourceKind::Json));
    }
    docs
}

/// The built-in `briefing` theme, loaded once per process.
pub fn theme() -> Arc<Theme> {
    static THEME: OnceLock<Arc<Theme>> = OnceLock::new();
    THEME
        .get_or_init(|| briefing_model::builtin("briefing").expect("the built-in theme loads"))
        .clone()
}
