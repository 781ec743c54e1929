//! Typeset: a document becomes pages of positioned items, with no PDF types.
//!
//! Coordinates are PDF points with the origin at the bottom-left of the page;
//! a text item's `y` is its baseline.

mod blocks;
mod compose;
mod flow;
mod furniture;
mod lines;
mod links;
mod notes;
mod pages;
mod structure;
mod title;
mod toc;

use briefing_model::{Assets, Diagnostic, Document, Pt, Rgb, Theme};

use crate::fonts::{FaceId, FontSet, Glyph};
use crate::images::Image;
pub(crate) use structure::{LangSpan, NodeId, Role, Span, SpanTree, Structure, Tag};

/// A typeset document: pages, bookmarks and the images they show. (Named apart from
/// the theme's `Layout` section.)
#[derive(Debug)]
pub(crate) struct Typeset {
    /// Page width in points.
    pub(crate) width: Pt,
    /// Page height in points.
    pub(crate) height: Pt,
    /// The pages in order.
    pub(crate) pages: Vec<Frame>,
    /// One bookmark per heading, in document order.
    pub(crate) outline: Vec<Bookmark>,
    /// Decoded images, indexed by `Item::Image::image`.
    pub(crate) images: Vec<Image>,
    /// The logical structure the items' tags point into.
    pub(crate) structure: Structure,
    /// Warnings met while laying out, in source order.
    pub(crate) warnings: Vec<Diagnostic>,
}

/// One page's content: its items in painting order. (Named apart from the theme's
/// `Page` section, which sizes it.)
#[derive(Debug, Default, Clone)]
pub(crate) struct Frame {
    /// What the page shows, back to front.
    pub(crate) items: Vec<Item>,
}

/// A heading's bookmark.
#[derive(Debug, Clone)]
pub(crate) struct Bookmark {
    /// Heading level, 1 to 6.
    pub(crate) level: u8,
    /// The heading's plain text.
    pub(crate) title: String,
    /// 0-based page index.
    pub(crate) page: usize,
    /// The top of the heading, in page coordinates.
    pub(crate) y: Pt,
}

/// A run of text in one face, size and colour.
#[derive(Debug, Clone)]
pub(crate) struct TextRun {
    /// Left edge.
    pub(crate) x: Pt,
    /// Baseline.
    pub(crate) y: Pt,
    /// The face.
    pub(crate) face: FaceId,
    /// Font size in points.
    pub(crate) size: Pt,
    /// Fill colour.
    pub(crate) color: Rgb,
    /// The characters, spaces included.
    pub(crate) text: String,
    /// The glyphs drawn for `text`, as measured; their `len`s cover `text`. Typeset
    /// shapes every run, so the writer only draws them.
    pub(crate) glyphs: Vec<Glyph>,
    /// Extra points added after each space (justification).
    pub(crate) space_extra: Pt,
    /// The structure element the text belongs to, or artifact.
    pub(crate) tag: Tag,
}

/// Something drawn on a page.
#[derive(Debug, Clone)]
pub(crate) enum Item {
    /// Text.
    Text(TextRun),
    /// A filled rectangle.
    Fill {
        /// Left.
        x: Pt,
        /// Bottom.
        y: Pt,
        /// Width.
        w: Pt,
        /// Height.
        h: Pt,
        /// Colour.
        color: Rgb,
    },
    /// A stroked straight line.
    Line {
        /// Start x.
        x1: Pt,
        /// Start y.
        y1: Pt,
        /// End x.
        x2: Pt,
        /// End y.
        y2: Pt,
        /// Stroke width.
        width: Pt,
        /// Colour.
        color: Rgb,
    },
    /// An image scaled into a box.
    Image {
        /// Left.
        x: Pt,
        /// Bottom.
        y: Pt,
        /// Width.
        w: Pt,
        /// Height.
        h: Pt,
        /// Index into `Typeset::images`.
        image: usize,
        /// The figure it shows, or artifact (a logo).
        tag: Tag,
    },
    /// A clickable area opening a URL or going to a place in the document.
    Link {
        /// Left.
        x: Pt,
        /// Bottom.
        y: Pt,
        /// Width.
        w: Pt,
        /// Height.
        h: Pt,
        /// Where it goes.
        target: Target,
        /// The link element it belongs to.
        tag: Tag,
    },
    /// A named place, not drawn: where internal links go, or where a number is filled
    /// in after pagination. [`layout`] resolves and removes every one.
    Anchor {
        /// The top of the place (a line's top), in page coordinates once placed.
        y: Pt,
        /// Which place.
        anchor: Anchor,
    },
}

/// Where a link goes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Target {
    /// A URL outside the document.
    Url(String),
    /// A place in the document: 0-based page index and the y to show at the window's top.
    Dest {
        /// 0-based page index.
        page: usize,
        /// Page coordinate.
        y: Pt,
    },
    /// A place known only after pagination; [`layout`] turns it into [`Target::Dest`]
    /// (or drops the link when the place was never set).
    Anchor(Anchor),
}

/// A place in the document that links and the contents refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Anchor {
    /// The heading that is block i of the document's own blocks.
    Heading(usize),
    /// The text of footnote n.
    Note(u32),
    /// The first reference mark of footnote n.
    Mark(u32),
    /// Where contents entry k's page number goes (its baseline).
    TocNumber(usize),
}

impl Item {
    /// Moves the item down by `dy` (y decreases) — used when placing units on a page.
    pub(crate) fn shifted(mut self, dx: f32, dy: f32) -> Item {
        let (dx, dy) = (Pt(dx), Pt(dy));
        match &mut self {
            Item::Text(t) => {
                t.x += dx;
                t.y -= dy;
            }
            Item::Fill { x, y, .. } | Item::Image { x, y, .. } | Item::Link { x, y, .. } => {
                *x += dx;
                *y -= dy;
            }
            Item::Line { x1, y1, x2, y2, .. } => {
                *x1 += dx;
                *x2 += dx;
                *y1 -= dy;
                *y2 -= dy;
            }
            Item::Anchor { y, .. } => *y -= dy,
        }
        self
    }

    /// The tag of an item that has one: text, images and links; fills and lines are
    /// always decoration.
    pub(crate) fn tag_mut(&mut self) -> Option<&mut Tag> {
        match self {
            Item::Text(t) => Some(&mut t.tag),
            Item::Image { tag, .. } | Item::Link { tag, .. } => Some(tag),
            Item::Fill { .. } | Item::Line { .. } | Item::Anchor { .. } => None,
        }
    }
}

/// Lays out a document on pages.
pub(crate) fn layout(doc: &Document, theme: &Theme, fonts: &FontSet, assets: &Assets) -> Typeset {
    let compose::Flowed {
        mut units,
        toc,
        notes,
        images,
        structure,
        mut warnings,
    } = flow::Flow::new(theme, fonts, assets).document(doc);
    let (mut paged, anchors) = match toc {
        None => {
            let paged = pages::paginate(theme, &units, &notes);
            let anchors = links::Anchors::collect(&paged.pages);
            (paged, anchors)
        }
        Some((at, mut toc)) => {
            // Room for one-digit page numbers first; more only if a number needs it.
            let (mut digits, mut len) = (1, 0);
            loop {
                let entries = toc.units(fonts, digits);
                let n = entries.len();
                units.splice(at..at + len, entries);
                len = n;
                let mut paged = pages::paginate(theme, &units, &notes);
                let anchors = links::Anchors::collect(&paged.pages);
                let needed = toc.digits_needed(&anchors);
                if needed <= digits {
                    toc.fill(&mut paged.pages, &anchors, fonts);
                    break (paged, anchors);
                }
                digits = needed;
            }
        }
    };
    links::resolve(&mut paged.pages, &anchors);
    let mut pages = paged.pages;
    furniture::decorate(&mut pages, doc, theme, fonts, &mut warnings);
    warnings.sort_by_key(|w| w.line.unwrap_or(0));
    Typeset {
        width: theme.page.size.width,
        height: theme.page.size.height,
        pages,
        outline: paged.outline,
        images,
        structure,
        warnings,
    }
}

/// A plain-text dump with one line per positioned item (text, images and links with
/// their tags), for golden tests.
pub(crate) fn dump(layout: &Typeset) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let _ = writeln!(out, "size {:.2} {:.2}", layout.width.0, layout.height.0);
    for b in &layout.outline {
        let _ = writeln!(
            out,
            "bookmark {} p{} {:.2} {:?}",
            b.level,
            b.page + 1,
            b.y.0,
            b.title
        );
    }
    for (i, page) in layout.pages.iter().enumerate() {
        let _ = writeln!(out, "page {}", i + 1);
        for item in &page.items {
            let _ = match item {
                Item::Text(t) => writeln!(
                    out,
                    "  text {:.2} {:.2} {} {:.1} {} +{:.2} {:?} {}",
                    t.x.0,
                    t.y.0,
                    t.face.name(),
                    t.size.0,
                    t.color,
                    t.space_extra.0,
                    t.text,
                    tag_name(&layout.structure, t.tag),
                ),
                Item::Fill { x, y, w, h, color } => {
                    let [x, y, w, h] = [x.0, y.0, w.0, h.0];
                    writeln!(out, "  fill {x:.2} {y:.2} {w:.2} {h:.2} {color}")
                }
                Item::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    width,
                    color,
                } => {
                    let [x1, y1, x2, y2, width] = [x1.0, y1.0, x2.0, y2.0, width.0];
                    writeln!(
                        out,
                        "  line {x1:.2} {y1:.2} {x2:.2} {y2:.2} {width:.2} {color}"
                    )
                }
                Item::Image {
                    x,
                    y,
                    w,
                    h,
                    image,
                    tag,
                } => {
                    let tag = tag_name(&layout.structure, *tag);
                    let [x, y, w, h] = [x.0, y.0, w.0, h.0];
                    writeln!(out, "  image {x:.2} {y:.2} {w:.2} {h:.2} #{image} {tag}")
                }
                Item::Link {
                    x,
                    y,
                    w,
                    h,
                    target,
                    tag,
                } => {
                    let tag = tag_name(&layout.structure, *tag);
                    let [x, y, w, h] = [x.0, y.0, w.0, h.0];
                    let to = match target {
                        Target::Url(url) => url.clone(),
                        Target::Dest { page, y } => format!("-> p{} {:.2}", page + 1, y.0),
                        Target::Anchor(a) => format!("-> {a:?}"),
                    };
                    writeln!(out, "  link {x:.2} {y:.2} {w:.2} {h:.2} {to} {tag}")
                }
                Item::Anchor { y, anchor } => writeln!(out, "  anchor {:.2} {anchor:?}", y.0),
            };
        }
    }
    out
}

/// A tag as the dump shows it: the element's role and index, `artifact`, or `open`
/// and the span for text not yet given an element.
fn tag_name(structure: &Structure, tag: Tag) -> String {
    match tag {
        Tag::Node(n) => format!("{}#{n}", structure.nodes[n].role.name()),
        Tag::Artifact => "artifact".into(),
        Tag::Open(span) => format!("open {span:?}"),
    }
}
