//! What a row of the style table holds: for each property of a Word style, where its
//! value comes from in the theme.

/// What a style applies to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Paragraphs.
    Paragraph,
    /// Runs.
    Character,
    /// Tables (their properties are written whole by the style sheet).
    Table,
}

/// One of the theme's font families.
#[derive(Clone, Copy)]
pub(super) enum Font {
    /// Running text's.
    Body,
    /// Headings'.
    Heading,
    /// Code's.
    Code,
    /// Page furniture's.
    Furniture,
}

/// One of the theme's font sizes.
#[derive(Clone, Copy)]
pub(super) enum Size {
    /// Running text.
    Body,
    /// Notes, captions, furniture.
    Small,
    /// Code.
    Code,
    /// The title.
    Title,
    /// The subtitle.
    Subtitle,
    /// A heading of this level.
    Heading(u8),
}

/// One of the theme's colours, or the title block's, which depend on its look.
#[derive(Clone, Copy)]
pub(super) enum Ink {
    /// Running text.
    Text,
    /// Secondary text.
    Muted,
    /// Headings and accents.
    Accent,
    /// Links.
    Link,
    /// The classification banner's text.
    BannerText,
    /// The title: accent when stacked, banner text in a masthead.
    Title,
    /// The subtitle: muted when stacked, banner text in a masthead.
    Subtitle,
    /// Behind code.
    CodeBackground,
}

/// Space above or below a paragraph.
#[derive(Clone, Copy)]
pub(super) enum Gap {
    /// A fixed number of twips (page furniture and the title block).
    Twips(i32),
    /// The theme's paragraph spacing.
    Paragraph,
    /// Twice the paragraph spacing.
    TwoParagraphs,
    /// Twice the paragraph spacing in a masthead, none when stacked.
    MastheadTwoParagraphs,
    /// Above a heading of this level.
    HeadingBefore(u8),
    /// Below a heading of this level.
    HeadingAfter(u8),
    /// Between list items.
    ListSpacing,
    /// Above a figure.
    FigureBefore,
    /// Below a figure and its caption.
    FigureAfter,
    /// Between a figure and its caption.
    Caption,
    /// Between two notes.
    NoteSpacing,
    /// Above a top-level contents entry.
    TocSpacing,
    /// Below a horizontal rule: the rule's gap, then paragraph spacing.
    RuleAfter,
}

/// Line spacing.
#[derive(Clone, Copy)]
pub(super) enum Line {
    /// A multiple of the font's own line height, in 240ths: for pictures and furniture,
    /// which must never be clipped.
    Auto(i32),
    /// Exactly the theme's line height times the style's size, as the PDF sets lines.
    Leading,
    /// Exactly the theme's code line height times the code size.
    Code,
    /// Exactly the rule's gap: the empty line above a horizontal rule.
    RuleGap,
}

/// Left and right indent.
#[derive(Clone, Copy)]
pub(super) enum Indent {
    /// The masthead band's inset (none when stacked).
    Band,
    /// A block quote's: the theme's quote indent.
    Quote,
    /// A callout's: its padding on both sides.
    Callout,
    /// A code block's: its padding on both sides.
    Code,
    /// A contents entry of this level: the contents indent per level below the first.
    Toc(u8),
}

/// Borders and shading.
#[derive(Clone, Copy)]
pub(super) enum Frame {
    /// The masthead band around the title block (nothing when stacked).
    Band,
    /// The rule under the byline.
    Byline,
    /// A block quote's bar.
    Quote,
    /// A callout's bar and its padded background.
    Callout,
    /// A code block's padded background.
    Code,
    /// A horizontal rule.
    Rule,
    /// The classification banner's background.
    Banner,
}

/// Tab stops.
#[derive(Clone, Copy)]
pub(super) enum Tabs {
    /// Centre and right, for the running header and footer.
    Furniture,
    /// Right, with dot leaders, for contents entries.
    Leader,
}

/// One style.
#[derive(Clone, Copy)]
pub(super) struct Row {
    /// Paragraph, character or table style.
    pub(super) kind: Kind,
    /// Word's style id.
    pub(super) id: &'static str,
    /// Word's (built-in) name.
    pub(super) name: &'static str,
    /// The style it inherits from.
    pub(super) based_on: Option<&'static str>,
    /// The style of the paragraph Word starts after this one.
    pub(super) next: Option<&'static str>,
    /// Kept with the next paragraph.
    pub(super) keep_next: bool,
    /// Never split across pages.
    pub(super) keep_lines: bool,
    /// Borders and shading.
    pub(super) frame: Option<Frame>,
    /// Tab stops.
    pub(super) tabs: Option<Tabs>,
    /// Space above.
    pub(super) before: Option<Gap>,
    /// Space below.
    pub(super) after: Option<Gap>,
    /// Line spacing.
    pub(super) line: Option<Line>,
    /// Left and right indent.
    pub(super) indent: Option<Indent>,
    /// Justification; `Some("")` for the theme's (justified or ragged).
    pub(super) jc: Option<&'static str>,
    /// Outline level, 0-based.
    pub(super) outline: Option<u8>,
    /// Whether the style has run properties at all.
    pub(super) rpr: bool,
    /// Font family.
    pub(super) font: Option<Font>,
    /// Font size.
    pub(super) size: Option<Size>,
    /// Bold.
    pub(super) bold: bool,
    /// Italic.
    pub(super) italic: bool,
    /// Text colour.
    pub(super) color: Option<Ink>,
    /// Single underline.
    pub(super) underline: bool,
    /// Raised and smaller.
    pub(super) superscript: bool,
    /// Background of the runs.
    pub(super) shade: Option<Ink>,
}
