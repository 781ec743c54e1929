//! Logical structure: what each drawn item is, for a tagged PDF. Plain data; the
//! writer turns it into a structure tree and marked content.
//!
//! The flow creates one [`Node`] per element in document order and tags each text
//! run, image and link with the element it belongs to, or as an artifact (page
//! furniture, rules, backgrounds, repeated table headers).

use std::collections::BTreeMap;
use std::rc::Rc;

use briefing_model::{Block, BlockKind, Inline, ListItem};

/// Index of a node in [`Structure::nodes`].
pub(crate) type NodeId = usize;

/// A standard structure type of PDF 1.7 (ISO 32000-1, 14.8.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// The whole document; the root.
    Document,
    /// A heading of level 1 to 6.
    H(u8),
    /// A paragraph (also the title, subtitle and byline).
    P,
    /// A list.
    L,
    /// A list item.
    LI,
    /// A list item's marker.
    Lbl,
    /// A list item's content.
    LBody,
    /// A block quotation.
    BlockQuote,
    /// A grouping element (a callout box).
    Div,
    /// A table.
    Table,
    /// A table's header rows.
    THead,
    /// A table's body rows.
    TBody,
    /// A table row.
    TR,
    /// A header cell; its scope is its column.
    TH,
    /// A data cell.
    TD,
    /// An image, with alternative text.
    Figure,
    /// A figure's caption.
    Caption,
    /// A hyperlink: its text and its annotation.
    Link,
    /// A footnote.
    Note,
    /// A footnote's reference mark.
    Reference,
    /// Computer code, a block or inline.
    Code,
    /// Text in another language than its surroundings, with `/Lang`.
    Span,
    /// A table of contents.
    Toc,
    /// One entry of a table of contents.
    Toci,
}

impl Role {
    /// The structure type's name as PDF writes it.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Role::Document => "Document",
            Role::H(level) => {
                ["H1", "H2", "H3", "H4", "H5", "H6"][usize::from(level.clamp(1, 6) - 1)]
            }
            Role::P => "P",
            Role::L => "L",
            Role::LI => "LI",
            Role::Lbl => "Lbl",
            Role::LBody => "LBody",
            Role::BlockQuote => "BlockQuote",
            Role::Div => "Div",
            Role::Table => "Table",
            Role::THead => "THead",
            Role::TBody => "TBody",
            Role::TR => "TR",
            Role::TH => "TH",
            Role::TD => "TD",
            Role::Figure => "Figure",
            Role::Caption => "Caption",
            Role::Link => "Link",
            Role::Note => "Note",
            Role::Reference => "Reference",
            Role::Code => "Code",
            Role::Span => "Span",
            Role::Toc => "TOC",
            Role::Toci => "TOCI",
        }
    }
}

/// One structure element.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    /// Its type.
    pub(crate) role: Role,
    /// The enclosing element; `None` only for the root.
    pub(crate) parent: Option<NodeId>,
    /// Alternative text (figures), what a link does (its URL, or where it goes) or the
    /// unique id (notes).
    pub(crate) alt: Option<String>,
    /// The language of the element's text when it differs from its surroundings' (`/Lang`).
    pub(crate) lang: Option<String>,
}

/// The document's elements, the root first, then in document order.
#[derive(Debug, Clone)]
pub(crate) struct Structure {
    /// The elements; a parent always comes before its children.
    pub(crate) nodes: Vec<Node>,
}

impl Default for Structure {
    fn default() -> Self {
        Structure {
            nodes: vec![Node {
                role: Role::Document,
                parent: None,
                alt: None,
                lang: None,
            }],
        }
    }
}

impl Structure {
    /// Adds an element under `parent`.
    pub(crate) fn add(&mut self, role: Role, parent: NodeId, alt: Option<String>) -> NodeId {
        self.nodes.push(Node {
            role,
            parent: Some(parent),
            alt,
            lang: None,
        });
        self.nodes.len() - 1
    }
}

/// Where an inline piece of text sits inside its block, before the flow knows the block's element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Span {
    /// Running text of the block itself.
    Plain,
    /// The text of the n-th link of the block's inlines (and its clickable area).
    Link(u32),
    /// The n-th inline code span.
    Code(u32),
    /// The reference mark of footnote n.
    Note(u32),
    /// Text directly inside the n-th language span (described by a [`LangSpan`]).
    Lang(u32),
}

/// A language span of a block's inlines, as the text inside it carries it in its style.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LangSpan {
    /// Its number among the block's spans: its text is tagged [`Span::Lang`] of it.
    pub(crate) number: u32,
    /// The language tag.
    pub(crate) lang: String,
    /// The span its text would have had without it (a link it sits in, or plain text).
    pub(crate) parent: Span,
    /// The language span it sits in, if any.
    pub(crate) outer: Option<Rc<LangSpan>>,
}

impl LangSpan {
    /// Language span `number` of language `lang`, opened inside text of span `parent` and
    /// language span `outer`.
    pub(crate) fn open(
        number: u32,
        lang: &str,
        parent: Span,
        outer: Option<Rc<LangSpan>>,
    ) -> Rc<LangSpan> {
        Rc::new(LangSpan {
            number,
            lang: lang.trim().to_owned(),
            parent,
            outer,
        })
    }
}

/// How the spans of one block's text nest: each span's enclosing span and, for language
/// spans, the language. Read from the styles its text was set in.
#[derive(Debug, Default)]
pub(crate) struct SpanTree {
    /// Span → (enclosing span, language of a language span).
    spans: BTreeMap<Span, (Span, Option<String>)>,
}

impl SpanTree {
    /// The tree of the spans that text in `styles` belongs to: a style's span and the
    /// innermost language span it is in.
    pub(crate) fn new<'a>(
        styles: impl IntoIterator<Item = (Span, Option<&'a Rc<LangSpan>>)>,
    ) -> Self {
        let mut tree = SpanTree::default();
        for (span, lang) in styles {
            if !matches!(span, Span::Plain | Span::Lang(_)) {
                // A link, code span or note mark sits in the language span it started in.
                let parent = lang.map_or(Span::Plain, |l| Span::Lang(l.number));
                tree.spans.entry(span).or_insert((parent, None));
            }
            let mut next = lang;
            while let Some(l) = next {
                tree.spans
                    .entry(Span::Lang(l.number))
                    .or_insert_with(|| (l.parent, Some(l.lang.clone())));
                if !matches!(l.parent, Span::Plain | Span::Lang(_)) {
                    // A link holding only a language span has no text of its own to say
                    // where it sits.
                    let around = l
                        .outer
                        .as_ref()
                        .map_or(Span::Plain, |o| Span::Lang(o.number));
                    tree.spans.entry(l.parent).or_insert((around, None));
                }
                next = l.outer.as_ref();
            }
        }
        tree
    }

    /// The span `span` sits in (plain text for one the tree does not know).
    pub(crate) fn parent(&self, span: Span) -> Span {
        self.spans.get(&span).map_or(Span::Plain, |(p, _)| *p)
    }

    /// The language of language span `span`.
    pub(crate) fn lang(&self, span: Span) -> Option<&str> {
        self.spans.get(&span).and_then(|(_, l)| l.as_deref())
    }
}

/// What a drawn item belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tag {
    /// Set by line setting; the flow replaces it with the element of the block.
    Open(Span),
    /// Not content: furniture, decoration, a repeated header.
    Artifact,
    /// Content of this element.
    Node(NodeId),
}

impl Default for Tag {
    fn default() -> Self {
        Tag::Open(Span::Plain)
    }
}

/// Source lines of images with no alternative text, block figures and inline images alike.
pub(crate) fn images_without_alt(blocks: &[Block], out: &mut Vec<(u32, String)>) {
    fn inlines(list: &[Inline], line: u32, out: &mut Vec<(u32, String)>) {
        for i in list {
            match i {
                Inline::Image { src, alt } if alt.trim().is_empty() => {
                    out.push((line, src.clone()))
                }
                Inline::Emph(c) | Inline::Strong(c) | Inline::Strike(c) => inlines(c, line, out),
                Inline::Link { content, .. } | Inline::Lang { content, .. } => {
                    inlines(content, line, out)
                }
                _ => {}
            }
        }
    }
    fn items(list: &[ListItem], out: &mut Vec<(u32, String)>) {
        for item in list {
            images_without_alt(&item.blocks, out);
        }
    }
    for b in blocks {
        match &b.kind {
            BlockKind::Figure { src, alt, caption } => {
                if alt.trim().is_empty() {
                    out.push((b.line, src.clone()));
                }
                inlines(caption, b.line, out);
            }
            BlockKind::Heading { content, .. } | BlockKind::Paragraph { content } => {
                inlines(content, b.line, out);
            }
            BlockKind::List { items: list, .. } => items(list, out),
            BlockKind::Quote { blocks } | BlockKind::Callout { blocks, .. } => {
                images_without_alt(blocks, out);
            }
            BlockKind::Table { header, rows, .. } => {
                for cell in header.iter().chain(rows.iter().flatten()) {
                    inlines(cell, b.line, out);
                }
            }
            BlockKind::Html { .. } | BlockKind::Code { .. } | BlockKind::Rule => {}
        }
    }
}
