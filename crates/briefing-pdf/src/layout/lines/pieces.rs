//! What line breaking works on and makes: styles, shaped segments and pieces
//! (words, spaces, hyphenation points, breaks), prepared text, and set lines.

use std::rc::Rc;

use briefing_model::{Inline, Rgb};

use crate::fonts::{FaceId, Family, Features, FontSet, Shaped};
use crate::layout::{Item, LangSpan, Span, Target};

/// How a text's style is set where it starts; inlines change it as they nest.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Style {
    /// Font family.
    pub(crate) family: Family,
    /// Bold.
    pub(crate) bold: bool,
    /// Italic.
    pub(crate) italic: bool,
    /// Size in points.
    pub(crate) size: f32,
    /// Colour.
    pub(crate) color: Rgb,
    /// Raise above the baseline (superscripts).
    pub(crate) rise: f32,
    /// Struck through.
    pub(crate) strike: bool,
    /// Where the text links to.
    pub(crate) link: Option<Target>,
    /// Tint behind the text (inline code).
    pub(crate) background: Option<Rgb>,
    /// The footnote this text is the reference mark of.
    pub(crate) note: Option<u32>,
    /// The inline element the text is part of, for the structure tree.
    pub(crate) span: Span,
    /// The innermost language span the text is in, for the structure tree.
    pub(crate) lang: Option<Rc<LangSpan>>,
}

impl Style {
    /// Plain text of `family` at `size` in `color`.
    pub(crate) fn plain(family: Family, size: f32, color: Rgb) -> Style {
        Style {
            family,
            bold: false,
            italic: false,
            size,
            color,
            rise: 0.0,
            strike: false,
            link: None,
            background: None,
            note: None,
            span: Span::Plain,
            lang: None,
        }
    }

    /// The face this style asks for.
    pub(crate) fn face(&self) -> FaceId {
        FaceId::new(self.family, self.bold, self.italic)
    }

    /// What shaping applies: code has no kerning and no ligatures, in whatever
    /// face a character falls back to.
    pub(crate) fn features(&self) -> Features {
        match self.family {
            Family::Code => Features::Code,
            _ => Features::Text,
        }
    }
}

/// Colours and sizes that inline markup switches to.
#[derive(Debug, Clone)]
pub(crate) struct InlineTheme {
    /// Link colour.
    pub(crate) link: Rgb,
    /// Inline code size as a share of the surrounding size.
    pub(crate) code_ratio: f32,
    /// Tint behind inline code.
    pub(crate) code_background: Rgb,
    /// Line height as a multiple of the font size.
    pub(crate) line_height: f32,
    /// Hyphenation patterns to use, if the document's language has them.
    pub(crate) hyphenate: Option<hypher::Lang>,
}

/// Horizontal alignment of lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    /// Ragged right.
    Left,
    /// Centred.
    Center,
    /// Flush right.
    Right,
    /// Both edges flush, except the last line.
    Justify,
}

/// A piece of text in one style and face, never broken, with the glyphs it is
/// drawn with (shaped as one run) and their width.
#[derive(Debug, Clone)]
pub(super) struct Seg {
    pub(super) text: String,
    pub(super) style: usize,
    pub(super) face: FaceId,
    pub(super) width: f32,
    /// Shared with the shaping cache when the segment is a whole shaped word.
    pub(super) glyphs: Shaped,
}

/// What line breaking works on.
#[derive(Debug, Clone)]
pub(super) enum Piece {
    /// Unbreakable text; two words in a row may break between them without a space.
    Word(Vec<Seg>),
    /// A breakable space.
    Space {
        style: usize,
        face: FaceId,
        width: f32,
        glyphs: Shaped,
    },
    /// A place a word may be hyphenated: nothing unless the line breaks here.
    Hyphen {
        style: usize,
        face: FaceId,
        width: f32,
        glyphs: Shaped,
    },
    /// A forced line break.
    Break,
}

/// Inline content prepared for breaking at any width.
#[derive(Debug, Clone)]
pub(crate) struct Prepared {
    /// Every style the text is set in.
    pub(crate) styles: Vec<Style>,
    pub(super) pieces: Vec<Piece>,
    /// Characters no theme font has, in order of appearance.
    pub(crate) missing: Vec<char>,
    pub(super) line_height: f32,
    pub(super) base_size: f32,
    /// The source, kept when hyphenation was deferred: a paragraph that sets well
    /// without hyphens is not hyphenated (TeX's first pass), which also saves time.
    pub(super) deferred: Option<(Vec<Inline>, Style, InlineTheme)>,
}

/// One set line: its height and items, with y relative to the line's top (downward negative).
#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// Height of the line box.
    pub(crate) height: f32,
    /// Distance from the line's top to its baseline.
    pub(crate) baseline: f32,
    /// The runs and decorations.
    pub(crate) items: Vec<Item>,
    /// The line ends in a hyphen it added (a page must not end there).
    pub(crate) hyphenated: bool,
    /// Footnotes referenced on this line, in order.
    pub(crate) notes: Vec<u32>,
}

pub(super) fn word_width(segs: &[Seg]) -> f32 {
    segs.iter().map(|s| s.width).sum()
}

impl Seg {
    /// A segment of `text` shaped in `face` with the features of `styles[style]`.
    pub(super) fn shaped(
        text: String,
        style: usize,
        face: FaceId,
        styles: &[Style],
        fonts: &FontSet,
    ) -> Seg {
        let s = &styles[style];
        let glyphs = fonts.shape(face, &text, s.features());
        Seg::with_glyphs(text, style, face, glyphs, s.size)
    }

    /// A segment drawn with `glyphs` at `size` points.
    pub(super) fn with_glyphs(
        text: String,
        style: usize,
        face: FaceId,
        glyphs: Shaped,
        size: f32,
    ) -> Seg {
        let width = crate::fonts::advance(&glyphs) * size / 1000.0;
        Seg {
            text,
            style,
            face,
            width,
            glyphs,
        }
    }
}

/// The baseline's distance from the top of a line box.
pub(super) fn baseline(size: f32, line_height: f32) -> f32 {
    size * line_height / 2.0 + size * 0.32
}
