//! The briefing model: one typed [`Document`] parsed once from Markdown, plain text or JSON,
//! and the resolved [`Theme`] that every renderer reads.

mod assets;
mod bytes;
mod date;
mod diag;
mod document;
mod lang;
mod parse;
mod standard;
mod theme;
mod units;
mod walk;

pub use assets::{
    Assets, Image, ImageError, ImageFormat, MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, check_image,
};
pub use bytes::Bytes;
pub use date::DateError;
pub use diag::{Diagnostic, Severity, Warned};
pub use document::{
    Align, Block, BlockKind, CalloutKind, Date, Document, Footnote, Inline, ListItem, Meta,
    plain_text, push_plain_all, title_text,
};
pub use lang::{MAX_LANGUAGE_TAG, is_language_tag};
pub use parse::{
    ParseError, ParseOptions, SourceKind, parse, parse_file, title_from_stem, utf8_message,
};
pub use standard::{PdfClaim, PdfStandard, UnknownStandard};
pub use theme::{
    BUILTIN_THEMES, Colors, ColorsSpec, FontFamily, FontFamilySpec, FontFile, Fonts, FontsSpec,
    FootnotePlacement, HtmlFiles, Layout, LayoutSpec, Page, PageSpec, PaperSize, Pdf, PdfSpec,
    Placeholders, Sizes, SizesSpec, Spacing, SpacingSpec, TextStyle, TextStyleSpec, Theme,
    ThemeError, ThemeFile, ThemeSpec, TitleBlock, builtin, builtin_files, is_theme_folder,
    load as load_theme, load_dir as load_theme_dir,
};
pub use units::{ColorError, LengthError, Pt, Rgb, Space, SpaceError};
pub use walk::{ImageRef, walk_blocks, walk_inlines};
