//! One page's content stream: the items in painting order, one function per kind of
//! item, each drawn inside a marked-content sequence (an element's content with an
//! MCID, or an artifact).

use std::collections::BTreeMap;

use briefing_model::{Pt, Rgb};

use super::content::{Content, FontUse};
use super::marks::{Marks, PageTags, norm};
use super::resources::image_id;
use super::text::show_text;
use crate::fonts::{FaceId, FontSet};
use crate::layout::{Item, Tag, Target, TextRun, Typeset};

/// One page's content stream and what it says about structure.
pub(super) fn page(
    layout: &Typeset,
    fonts: &FontSet,
    subsets: &mut BTreeMap<FaceId, FontUse>,
    items: &[Item],
) -> (Vec<u8>, PageTags) {
    let mut page = PageWriter {
        out: Content::default(),
        marks: Marks::new(&layout.structure),
        fonts,
        subsets,
        text: None,
        fill: None,
    };
    for (i, item) in items.iter().enumerate() {
        match item {
            Item::Text(t) => page.text(t, &items[i..]),
            Item::Fill { x, y, w, h, color } => page.fill([x.0, y.0, w.0, h.0], *color),
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                color,
            } => page.line([x1.0, y1.0, x2.0, y2.0], width.0, *color),
            Item::Image {
                x,
                y,
                w,
                h,
                image,
                tag,
            } => page.image([x.0, y.0, w.0, h.0], *image, *tag),
            Item::Link {
                x,
                y,
                w,
                h,
                target,
                tag,
            } => page.link([x.0, y.0, w.0, h.0], target, *tag),
            // Resolved by layout: nothing to draw.
            Item::Anchor { .. } => {}
        }
    }
    page.finish()
}

/// The text object being written: the run last drawn in it (which fixes its
/// baseline), whether it is all one element's and so marked from outside, and the
/// font and size set in it.
struct TextObject<'a> {
    /// The run last drawn, on the object's baseline.
    line: &'a TextRun,
    /// The object is marked as a whole, from outside.
    whole: bool,
    /// The font and size set, if any.
    font: Option<(FaceId, Pt)>,
}

/// A page's content stream as it is written, with the graphics state it has set.
struct PageWriter<'a, 's> {
    /// The stream so far.
    out: Content,
    /// The marked-content sequence open, and what has been marked.
    marks: Marks<'a>,
    /// The fonts, for the faces' canonical programs.
    fonts: &'a FontSet,
    /// Each embedded face, recording the text of the glyphs drawn.
    subsets: &'s mut BTreeMap<FaceId, FontUse>,
    /// The open text object, if any.
    text: Option<TextObject<'a>>,
    /// The fill colour set, if any (it outlasts text objects).
    fill: Option<Rgb>,
}

impl<'a> PageWriter<'a, '_> {
    /// Ends the open text object, with a sequence opened inside it.
    fn end_text(&mut self) {
        if self.text.take().is_some() {
            self.marks.close_inner(&mut self.out);
            self.out.raw(b"ET\n");
        }
    }

    /// Sets the fill colour unless it is set already.
    fn set_fill(&mut self, color: Rgb) {
        if self.fill != Some(color) {
            self.out.color(color, b"rg\n");
            self.fill = Some(color);
        }
    }

    /// A run of text. Runs on one baseline share a text object: extractors that ignore
    /// positions (lopdf's among them) still see lines as separate. A text object that
    /// is all one element's is marked once, from outside, so an element drawn on
    /// consecutive lines keeps one MCID; otherwise each run is marked inside it.
    fn text(&mut self, t: &'a TextRun, rest: &[Item]) {
        if self.text.as_ref().is_some_and(|o| !same_line(o.line, t)) {
            self.end_text();
        }
        let whole = match &mut self.text {
            Some(open) => {
                open.line = t;
                open.whole
            }
            None => {
                match line_tag(rest) {
                    Some(tag) => self.marks.enter(&mut self.out, tag, false),
                    None => self.marks.close(&mut self.out),
                }
                let whole = self.marks.open.is_some();
                self.out.raw(b"BT\n");
                self.text = Some(TextObject {
                    line: t,
                    whole,
                    font: None,
                });
                whole
            }
        };
        if !whole {
            self.marks.enter(&mut self.out, t.tag, true);
        }
        let face = self.fonts.canonical(t.face);
        let Some(used) = self.subsets.get_mut(&face) else {
            return;
        };
        let out = &mut self.out;
        if let Some(open) = &mut self.text
            && open.font != Some((face, t.size))
        {
            out.raw(b"/");
            out.raw(used.name.as_bytes());
            out.raw(b" ");
            out.num(t.size.0, 4);
            out.raw(b"Tf\n");
            open.font = Some((face, t.size));
        }
        if self.fill != Some(t.color) {
            out.color(t.color, b"rg\n");
            self.fill = Some(t.color);
        }
        out.raw(b"1 0 0 1 ");
        out.num(t.x.0, 4);
        out.num(t.y.0, 4);
        out.raw(b"Tm\n");
        show_text(out, t, self.fonts, used);
    }

    /// A filled rectangle (x, y, w, h): decoration, so an artifact.
    fn fill(&mut self, rect: [f32; 4], color: Rgb) {
        self.end_text();
        self.marks.enter(&mut self.out, Tag::Artifact, false);
        self.set_fill(color);
        for v in rect {
            self.out.num(v, 4);
        }
        self.out.raw(b"re\nf\n");
    }

    /// A stroked line from (x1, y1) to (x2, y2): decoration, so an artifact.
    fn line(&mut self, [x1, y1, x2, y2]: [f32; 4], width: f32, color: Rgb) {
        self.end_text();
        self.marks.enter(&mut self.out, Tag::Artifact, false);
        let out = &mut self.out;
        out.color(color, b"RG\n");
        out.num(width, 4);
        out.raw(b"w\n");
        out.num(x1, 4);
        out.num(y1, 4);
        out.raw(b"m\n");
        out.num(x2, 4);
        out.num(y2, 4);
        out.raw(b"l\nS\n");
    }

    /// An image scaled into its box (x, y, w, h), in its figure or as an artifact.
    fn image(&mut self, [x, y, w, h]: [f32; 4], image: usize, tag: Tag) {
        self.end_text();
        self.marks.enter(&mut self.out, tag, false);
        let out = &mut self.out;
        out.raw(b"q\n");
        for v in [w, 0.0, 0.0, h, x, y] {
            out.num(v, 4);
        }
        out.raw(b"cm\n/");
        out.raw(image_id(image).0.as_bytes());
        out.raw(b" Do\nQ\n");
    }

    /// A link: not drawn but an annotation, attached to its element when the structure
    /// tree is written. Typeset has resolved every anchor; one left over would go nowhere.
    fn link(&mut self, rect: [f32; 4], target: &Target, tag: Tag) {
        let node = match tag {
            Tag::Node(n) => n,
            _ => 0,
        };
        if !matches!(target, Target::Anchor(_)) {
            self.marks.tags.links.push((rect, target.clone(), node));
        }
    }

    /// Closes what is open and returns the stream with its structure.
    fn finish(mut self) -> (Vec<u8>, PageTags) {
        self.end_text();
        self.marks.close(&mut self.out);
        (self.out.bytes, self.marks.tags)
    }
}

/// Whether `a` and `b` are on one baseline: such runs share a text object.
fn same_line(a: &TextRun, b: &TextRun) -> bool {
    (a.y - b.y).0.abs() <= b.size.0 * 0.5
}

/// The tag of every run of the text object that starts with `items[0]`, if they share one.
fn line_tag(items: &[Item]) -> Option<Tag> {
    let Some(Item::Text(first)) = items.first() else {
        return None;
    };
    let tag = norm(first.tag);
    let mut prev = first;
    for item in &items[1..] {
        match item {
            Item::Link { .. } => {}
            Item::Text(t) if same_line(prev, t) => {
                if norm(t.tag) != tag {
                    return None;
                }
                prev = t;
            }
            _ => break,
        }
    }
    Some(tag)
}
