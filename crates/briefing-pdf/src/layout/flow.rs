//! The flow: the document becomes a column of units, each a slice that pagination
//! may put on a new page, with the rules that keep some of them together.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use briefing_model::{Assets, Diagnostic, Inline, Pt, Rgb, Theme};

use super::lines::{self, Align, InlineTheme, Line, Style};
use super::{Item, NodeId, Role, Span, SpanTree, Structure, Tag, Target};
use crate::fonts::{Family, FontSet};
use crate::images::Image;

/// A vertical slice of content that is never split across pages.
#[derive(Debug, Clone, Default)]
pub(crate) struct Unit {
    /// Space above, dropped at the top of a page.
    pub(crate) gap: f32,
    /// Height of the content.
    pub(crate) height: f32,
    /// Items with y relative to the unit's top (down is negative).
    pub(crate) items: Vec<Item>,
    /// Items drawn in the gap (backgrounds and bars of enclosing boxes).
    pub(crate) gap_items: Vec<Item>,
    /// Pagination may not break between this unit and the next.
    pub(crate) keep_with_next: bool,
    /// The first baseline's distance from the top, for list markers.
    pub(crate) baseline: Option<f32>,
    /// A heading's level and text, for the outline.
    pub(crate) bookmark: Option<(u8, String)>,
    /// Units to repeat above this one when it starts a page (a table's header row).
    pub(crate) repeat: Option<Rc<Vec<Unit>>>,
    /// Footnotes referenced in this unit: their text goes at the foot of its page.
    pub(crate) notes: Vec<u32>,
}

impl Unit {
    /// A unit holding one set line.
    pub(crate) fn line(line: Line) -> Unit {
        Unit {
            height: line.height,
            baseline: Some(line.baseline),
            items: line.items,
            notes: line.notes,
            ..Unit::default()
        }
    }

    /// Empty space of `height` (padding inside boxes).
    pub(crate) fn space(height: f32) -> Unit {
        Unit {
            height,
            ..Unit::default()
        }
    }
}

/// Where blocks are set: the column and the text style they start from.
#[derive(Debug, Clone)]
pub(crate) struct Ctx {
    /// Left edge of the column.
    pub(crate) left: f32,
    /// Width of the column.
    pub(crate) width: f32,
    /// Base text style.
    pub(crate) style: Style,
    /// List nesting depth, for bullet shapes.
    pub(crate) depth: usize,
}

/// The state of the flow while blocks are laid out.
pub(crate) struct Flow<'a> {
    pub(crate) theme: &'a Theme,
    pub(crate) fonts: &'a FontSet,
    pub(crate) assets: &'a Assets,
    pub(crate) inline_theme: InlineTheme,
    pub(crate) images: Vec<Image>,
    pub(crate) warnings: Vec<Diagnostic>,
    /// The elements made so far.
    pub(crate) structure: Structure,
    /// The open container elements, the root first.
    stack: Vec<NodeId>,
    /// The inline elements (links, code, note marks) made for each block's spans.
    spans: BTreeMap<(NodeId, Span), NodeId>,
    /// Set while the next [`Flow::blocks`] call lays out the document's own blocks (not
    /// those inside a quote, list or note): their headings are the contents' entries.
    pub(crate) top_level: bool,
}

impl<'a> Flow<'a> {
    /// A flow for one document.
    pub(crate) fn new(theme: &'a Theme, fonts: &'a FontSet, assets: &'a Assets) -> Flow<'a> {
        let inline_theme = InlineTheme {
            link: theme.colors.link,
            code_ratio: theme.sizes.code.0 / theme.sizes.body.0,
            code_background: theme.colors.code_background,
            line_height: theme.text.line_height,
            hyphenate: None,
        };
        Flow {
            theme,
            fonts,
            assets,
            inline_theme,
            images: Vec::new(),
            warnings: Vec::new(),
            structure: Structure::default(),
            stack: vec![0],
            spans: BTreeMap::new(),
            top_level: false,
        }
    }

    /// Adds an element to the open container without opening it.
    pub(crate) fn leaf(&mut self, role: Role, alt: Option<String>) -> NodeId {
        let parent = *self.stack.last().expect("the root stays open");
        self.structure.add(role, parent, alt)
    }

    /// Adds an element and opens it: elements added until [`Flow::end`] go inside it.
    pub(crate) fn begin(&mut self, role: Role) -> NodeId {
        let id = self.leaf(role, None);
        self.stack.push(id);
        id
    }

    /// Closes the innermost open element.
    pub(crate) fn end(&mut self) {
        if self.stack.len() > 1 {
            self.stack.pop();
        }
    }

    /// Gives every untagged item to `node`, and the text of its links, code spans and
    /// note marks to child elements of `node` (one per span). A note mark is a
    /// `Reference` holding the `Link` that goes to the note.
    pub(crate) fn adopt(&mut self, items: &mut [Item], node: NodeId) {
        self.adopt_spans(items, node, &SpanTree::default());
    }

    /// [`Flow::adopt`] for text whose spans nest as `tree` says: the text of a language
    /// span goes to a `Span` element with the language, inside the element of the span it
    /// sits in; links, code and note marks inside it become its children.
    pub(crate) fn adopt_spans(&mut self, items: &mut [Item], node: NodeId, tree: &SpanTree) {
        for item in items {
            let url = match item {
                Item::Link {
                    target: Target::Url(url),
                    ..
                } => Some(url.clone()),
                _ => None,
            };
            let is_link = matches!(item, Item::Link { .. });
            let Some(tag) = item.tag_mut() else { continue };
            let Tag::Open(mut span) = *tag else { continue };
            if is_link {
                // A link's clickable area belongs to the link, also where its text is in
                // a language span inside the link.
                while let Span::Lang(_) = span {
                    span = tree.parent(span);
                }
            }
            let owner = self.span_element(node, span, tree);
            if let Some(url) = url {
                self.structure.nodes[owner].alt.get_or_insert(url);
            }
            *tag = Tag::Node(owner);
        }
    }

    /// The element of `span` in the text of `node`, made (with the elements it sits in)
    /// the first time.
    fn span_element(&mut self, node: NodeId, span: Span, tree: &SpanTree) -> NodeId {
        if span == Span::Plain {
            return node;
        }
        if let Some(&e) = self.spans.get(&(node, span)) {
            return e;
        }
        // Spans nest a few deep at most: the model bounds open spans per container.
        let parent = self.span_element(node, tree.parent(span), tree);
        let e = match span {
            Span::Note(n) => {
                let mark = self.structure.add(Role::Reference, parent, None);
                let alt = format!("Go to note {n}");
                self.structure.add(Role::Link, mark, Some(alt))
            }
            Span::Code(_) => self.structure.add(Role::Code, parent, None),
            Span::Lang(_) => {
                let e = self.structure.add(Role::Span, parent, None);
                self.structure.nodes[e].lang =
                    tree.lang(span).filter(|l| !l.is_empty()).map(str::to_owned);
                e
            }
            Span::Link(_) | Span::Plain => self.structure.add(Role::Link, parent, None),
        };
        self.spans.insert((node, span), e);
        e
    }

    /// [`Flow::adopt`] over the items of units.
    pub(crate) fn adopt_units(&mut self, units: &mut [Unit], node: NodeId) {
        for u in units {
            self.adopt(&mut u.items, node);
        }
    }

    /// The column of the page body.
    pub(crate) fn body_ctx(&self) -> Ctx {
        Ctx {
            left: self.theme.page.margin_left.0,
            width: self.theme.text_width().0,
            style: Style::plain(
                Family::Body,
                self.theme.sizes.body.0,
                self.theme.colors.text,
            ),
            depth: 0,
        }
    }

    /// Sets inline text as the content of element `node`, reporting characters no
    /// font has against `line`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn text(
        &mut self,
        inlines: &[Inline],
        style: &Style,
        ctx: &Ctx,
        align: Align,
        line: u32,
        node: NodeId,
    ) -> Vec<Line> {
        let p = lines::prepare(inlines, style, &self.inline_theme, self.fonts);
        self.report_missing(&p.missing, line);
        let mut lines = p.lines(self.fonts, ctx.left, ctx.width, align);
        let tree = SpanTree::new(p.styles.iter().map(|s| (s.span, s.lang.as_ref())));
        for l in &mut lines {
            self.adopt_spans(&mut l.items, node, &tree);
        }
        lines
    }

    /// Warns once per character that no theme font can draw.
    pub(crate) fn report_missing(&mut self, missing: &[char], line: u32) {
        for ch in missing {
            self.warnings.push(Diagnostic::warning(
                line,
                format!(
                    "character U+{:04X} ({ch}) is in none of the theme's fonts; the PDF shows a blank box there",
                    u32::from(*ch)
                ),
            ).with_hint("use a theme whose fonts cover this script, or replace the character"));
        }
    }
    /// The footnotes whose marks have been set so far, in the text and in notes.
    pub(crate) fn cited_notes(&self) -> BTreeSet<u32> {
        self.spans
            .keys()
            .filter_map(|(_, s)| match s {
                Span::Note(n) => Some(*n),
                _ => None,
            })
            .collect()
    }
}

/// Adds a background or bar to every unit and to the gaps between them.
pub(crate) fn decorate(units: &mut [Unit], slice: impl Fn(f32) -> Vec<Item>) {
    for u in units {
        let mut items = slice(u.height);
        items.append(&mut u.items);
        u.items = items;
        if u.gap > 0.0 {
            let mut gap_items = slice(u.gap);
            gap_items.append(&mut u.gap_items);
            u.gap_items = gap_items;
        }
    }
}

/// A filled box covering `height` from the top of a slice.
pub(crate) fn band(x: f32, w: f32, color: Rgb) -> impl Fn(f32) -> Vec<Item> {
    move |h| {
        vec![Item::Fill {
            x: Pt(x),
            y: Pt(-h),
            w: Pt(w),
            h: Pt(h),
            color,
        }]
    }
}
