//! Style ids: Word's built-in ones where Word has one, so every consumer recognises them.

/// Running text.
pub(crate) const NORMAL: &str = "Normal";
/// The character style runs have by default.
pub(crate) const DEFAULT_PARAGRAPH_FONT: &str = "DefaultParagraphFont";
/// The table style tables have by default.
pub(crate) const TABLE_NORMAL: &str = "TableNormal";
/// The paragraph holding the theme's logo, above the title.
pub(crate) const LOGO: &str = "Logo";
/// The document title.
pub(crate) const TITLE: &str = "Title";
/// The line under the title.
pub(crate) const SUBTITLE: &str = "Subtitle";
/// Authors, organization and date.
pub(crate) const BYLINE: &str = "Byline";
/// The summary under the byline.
pub(crate) const ABSTRACT: &str = "Abstract";
/// Block quotations.
pub(crate) const QUOTE: &str = "Quote";
/// Callouts.
pub(crate) const INTENSE_QUOTE: &str = "IntenseQuote";
/// Bulleted list items.
pub(crate) const LIST_BULLET: &str = "ListBullet";
/// Numbered list items.
pub(crate) const LIST_NUMBER: &str = "ListNumber";
/// Later paragraphs of a list item.
pub(crate) const LIST_CONTINUE: &str = "ListContinue";
/// Figure captions.
pub(crate) const CAPTION: &str = "Caption";
/// The paragraph holding an image.
pub(crate) const FIGURE: &str = "Figure";
/// Footnote bodies.
pub(crate) const FOOTNOTE_TEXT: &str = "FootnoteText";
/// Endnote bodies.
pub(crate) const ENDNOTE_TEXT: &str = "EndnoteText";
/// Code blocks.
pub(crate) const CODE: &str = "SourceCode";
/// Header cells.
pub(crate) const TABLE_HEADING: &str = "TableHeading";
/// Body cells.
pub(crate) const TABLE_TEXT: &str = "TableText";
/// Thematic breaks.
pub(crate) const RULE: &str = "Rule";
/// Running header.
pub(crate) const HEADER: &str = "Header";
/// Running footer.
pub(crate) const FOOTER: &str = "Footer";
/// The protective-marking banner in header and footer.
pub(crate) const CLASSIFICATION: &str = "Classification";
/// The "Contents" heading.
pub(crate) const TOC_HEADING: &str = "TOCHeading";
/// The table style.
pub(crate) const TABLE: &str = "BriefingTable";
/// Character style of inline code.
pub(crate) const CODE_CHAR: &str = "VerbatimChar";
/// Character style of links.
pub(crate) const HYPERLINK: &str = "Hyperlink";
/// Character style of footnote marks.
pub(crate) const FOOTNOTE_REF: &str = "FootnoteReference";
/// Character style of endnote marks.
pub(crate) const ENDNOTE_REF: &str = "EndnoteReference";

/// `Heading1` … `Heading6`.
pub(crate) fn heading(level: u8) -> String {
    format!("Heading{}", level.clamp(1, 6))
}

/// `TOC1` … `TOC3`.
pub(crate) fn toc(level: u8) -> String {
    format!("TOC{}", level.clamp(1, 3))
}
