//! The typed briefing: what every renderer reads.

use serde::{Deserialize, Serialize};

/// A parsed briefing: metadata, body blocks and footnotes.
///
/// Every renderer reads the same `Document`; none re-parses the source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Title, authors, date and the other front-matter fields.
    pub meta: Meta,
    /// The body, in reading order.
    #[serde(default)]
    pub blocks: Vec<Block>,
    /// Footnotes in order of first reference; `Inline::FootnoteRef::number` indexes them from 1.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footnotes: Vec<Footnote>,
}

/// Metadata about a briefing, from front matter or inferred from plain text.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// The title. Never empty after parsing.
    pub title: String,
    /// A line under the title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// Authors, in the order given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// The briefing's date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// The issuing organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    /// A one-paragraph summary (used for descriptions and the PDF subject).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Keywords.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// BCP 47 language tag such as `en` or `en-GB`.
    #[serde(default = "default_lang")]
    pub lang: String,
    /// Protective marking such as `OFFICIAL-SENSITIVE`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classification: Option<String>,
    /// Document status such as `DRAFT`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// The theme the briefing asks for, by name or folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    /// Whether a table of contents is wanted; `None` leaves it to the theme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub toc: Option<bool>,
}

impl Meta {
    /// The alt text of the theme's logo: the organization's name, else "Logo".
    pub fn logo_alt(&self) -> &str {
        self.organization
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .unwrap_or("Logo")
    }
}

fn default_lang() -> String {
    "en".to_owned()
}

/// A calendar date (no time of day: briefings are dated, not timestamped).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, such as 2025.
    pub year: i32,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, 1 to 31.
    pub day: u8,
}

/// One block of the body, with the 1-based source line it starts on.
// No `deny_unknown_fields` here: serde cannot combine it with the flattened `kind`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Block {
    /// What the block is.
    #[serde(flatten)]
    pub kind: BlockKind,
    /// 1-based line in the source where the block starts (0 when built in code).
    #[serde(default)]
    pub line: u32,
}

/// The kinds of body block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum BlockKind {
    /// A section heading.
    Heading {
        /// 1 to 6; the document title is not a heading.
        level: u8,
        /// A stable slug, unique in the document, for anchors and bookmarks.
        id: String,
        /// The heading text.
        content: Vec<Inline>,
    },
    /// A paragraph of running text.
    Paragraph {
        /// The paragraph text.
        content: Vec<Inline>,
    },
    /// A bullet, numbered or task list.
    List {
        /// `Some(n)` for a numbered list starting at `n`, `None` for bullets.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        start: Option<u64>,
        /// The items, each a sequence of blocks (nested lists live inside).
        items: Vec<ListItem>,
    },
    /// A block quotation.
    Quote {
        /// The quoted blocks.
        blocks: Vec<Block>,
    },
    /// A highlighted note (GFM alerts: note, tip, important, warning, caution).
    Callout {
        /// Which kind of callout.
        kind: CalloutKind,
        /// The callout's content.
        blocks: Vec<Block>,
    },
    /// Preformatted code or text.
    Code {
        /// The info string's language, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        lang: Option<String>,
        /// The text, lines separated by `\n`, no trailing newline.
        text: String,
    },
    /// A table with a header row.
    Table {
        /// Alignment of each column.
        align: Vec<Align>,
        /// The header row's cells.
        header: Vec<Vec<Inline>>,
        /// The body rows; each has as many cells as `align`.
        rows: Vec<Vec<Vec<Inline>>>,
    },
    /// An image standing alone as a figure.
    Figure {
        /// Where the image is: a path relative to the source file.
        src: String,
        /// Alternative text for readers who cannot see the image.
        alt: String,
        /// Caption shown under the image: the image's description (as pandoc does), or its
        /// title when the description is empty.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        caption: Vec<Inline>,
    },
    /// A thematic break.
    Rule,
    /// Raw HTML written in the source. Paged formats show it as the text it is; the HTML
    /// edition escapes it too unless asked to pass it through sanitized.
    Html {
        /// The markup, without its trailing newline.
        html: String,
    },
}

/// One item of a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListItem {
    /// `Some(checked)` for a task-list item, `None` otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<bool>,
    /// The item's content.
    pub blocks: Vec<Block>,
}

/// The GFM alert kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CalloutKind {
    /// `> [!NOTE]`
    Note,
    /// `> [!TIP]`
    Tip,
    /// `> [!IMPORTANT]`
    Important,
    /// `> [!WARNING]`
    Warning,
    /// `> [!CAUTION]`
    Caution,
}

impl CalloutKind {
    /// The label a reader sees, such as "Note".
    pub fn label(self) -> &'static str {
        match self {
            CalloutKind::Note => "Note",
            CalloutKind::Tip => "Tip",
            CalloutKind::Important => "Important",
            CalloutKind::Warning => "Warning",
            CalloutKind::Caution => "Caution",
        }
    }
}

/// Horizontal alignment of a table column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    /// No alignment given (renders as left).
    #[default]
    None,
    /// Left-aligned.
    Left,
    /// Centred.
    Center,
    /// Right-aligned.
    Right,
}

/// A footnote's body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Footnote {
    /// The label used in the source (`[^label]`).
    pub label: String,
    /// The number shown to readers, from 1 in order of first reference.
    pub number: u32,
    /// The note's content.
    pub blocks: Vec<Block>,
    /// 1-based source line of the definition.
    #[serde(default)]
    pub line: u32,
}

/// Inline content of a paragraph, heading, list item or cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Inline {
    /// Plain text. Spaces are significant; soft line breaks have become spaces.
    Text(String),
    /// Emphasis (italic).
    Emph(Vec<Inline>),
    /// Strong importance (bold).
    Strong(Vec<Inline>),
    /// Struck-through text.
    Strike(Vec<Inline>),
    /// Inline code.
    Code(String),
    /// A hyperlink.
    Link {
        /// The target URL.
        url: String,
        /// The link text.
        content: Vec<Inline>,
    },
    /// An image inside running text.
    Image {
        /// Where the image is.
        src: String,
        /// Alternative text.
        alt: String,
    },
    /// A reference to `Document::footnotes[number - 1]`.
    FootnoteRef {
        /// The number shown, from 1.
        number: u32,
    },
    /// A hard line break.
    LineBreak,
    /// Text in a language other than the document's (`meta.lang`), such as a quotation in
    /// French: from `<span lang="fr">…</span>` in Markdown. Readers see its content as any
    /// other; screen readers, spelling and hyphenation learn its language (HTML `lang`, Word
    /// `w:lang`, a PDF `Span` element with `/Lang`). Spans nest: the innermost language wins.
    Lang {
        /// The BCP 47 language tag, such as `fr` or `pt-BR` (checked by
        /// [`is_language_tag`](crate::is_language_tag) when parsed from Markdown).
        lang: String,
        /// The text in that language.
        content: Vec<Inline>,
    },
    /// Raw HTML inside running text (a tag such as `<sup>`); shown as text except in the
    /// HTML edition with raw HTML allowed.
    Html(String),
}

impl Inline {
    /// The inlines nested inside this one (emphasis, links, language spans), if any: walkers
    /// that look for something anywhere in the text recurse through this.
    pub fn children(&self) -> Option<&[Inline]> {
        match self {
            Inline::Emph(c)
            | Inline::Strong(c)
            | Inline::Strike(c)
            | Inline::Link { content: c, .. }
            | Inline::Lang { content: c, .. } => Some(c),
            Inline::Text(_)
            | Inline::Code(_)
            | Inline::Image { .. }
            | Inline::FootnoteRef { .. }
            | Inline::LineBreak
            | Inline::Html(_) => None,
        }
    }

    /// [`Inline::children`], mutable.
    pub fn children_mut(&mut self) -> Option<&mut Vec<Inline>> {
        match self {
            Inline::Emph(c)
            | Inline::Strong(c)
            | Inline::Strike(c)
            | Inline::Link { content: c, .. }
            | Inline::Lang { content: c, .. } => Some(c),
            Inline::Text(_)
            | Inline::Code(_)
            | Inline::Image { .. }
            | Inline::FootnoteRef { .. }
            | Inline::LineBreak
            | Inline::Html(_) => None,
        }
    }

    /// Appends the text a reader sees (no markup) to `out`.
    pub fn push_plain(&self, out: &mut String) {
        match self {
            Inline::Text(t) | Inline::Code(t) | Inline::Html(t) => out.push_str(t),
            Inline::Emph(c) | Inline::Strong(c) | Inline::Strike(c) => push_plain_all(c, out),
            Inline::Link { content, .. } | Inline::Lang { content, .. } => {
                push_plain_all(content, out)
            }
            Inline::Image { alt, .. } => out.push_str(alt),
            Inline::FootnoteRef { number } => out.push_str(&number.to_string()),
            Inline::LineBreak => out.push(' '),
        }
    }
}

/// Appends the plain text of every inline to `out`.
pub fn push_plain_all(inlines: &[Inline], out: &mut String) {
    for i in inlines {
        i.push_plain(out);
    }
}

/// The text a reader sees as a heading's title, for contents entries and bookmarks: the plain
/// text without footnote numbers, trimmed. With `html_is_markup` raw HTML is left out too (the
/// HTML edition passes it through as markup then, not text).
pub fn title_text(inlines: &[Inline], html_is_markup: bool) -> String {
    fn push(s: &mut String, inlines: &[Inline], html_is_markup: bool) {
        for i in inlines {
            match i {
                Inline::FootnoteRef { .. } => {}
                Inline::Html(_) if html_is_markup => {}
                Inline::Emph(c)
                | Inline::Strong(c)
                | Inline::Strike(c)
                | Inline::Link { content: c, .. }
                | Inline::Lang { content: c, .. } => push(s, c, html_is_markup),
                other => other.push_plain(s),
            }
        }
    }
    let mut s = String::new();
    push(&mut s, inlines, html_is_markup);
    s.trim().to_owned()
}

/// The plain text of a run of inlines, footnote numbers included.
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut s = String::new();
    push_plain_all(inlines, &mut s);
    s
}

impl Block {
    /// A block with no source line, for documents built in code.
    pub fn new(kind: BlockKind) -> Self {
        Block { kind, line: 0 }
    }
}
