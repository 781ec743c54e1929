//! The briefing model: one typed [`Document`] parsed once from Markdown, plain text or JSON,
//! and the resolved [`Theme`] that every renderer reads.

mod date;
mod diag;
mod document;
mod parse;
mod theme;
mod units;

pub use date::DateError;
pub use diag::{Diagnostic, Severity, Warned};
pub use document::{
    Align, Block, BlockKind, CalloutKind, Date, Document, Footnote, Inline, ListItem, Meta,
    plain_text, push_plain_all,
};
pub use parse::{ParseError, ParseOptions, SourceKind, parse, parse_file};
pub use theme::{
    BUILTIN_THEMES, Colors, FontFamily, FontFile, Fonts, FootnotePlacement, Layout, Page,
    PaperSize, Placeholders, Sizes, TextStyle, Theme, ThemeError, builtin,
};
pub use units::{ColorError, LengthError, Pt, Rgb};
