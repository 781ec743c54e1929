//! Writing: laid-out pages become PDF bytes. The only module that names printpdf.
//!
//! printpdf serializes pages and fonts; a lopdf pass then fixes what it gets wrong
//! for us (see the research notes): nested outline, `/PageMode`, `/Lang`, Info,
//! version 1.7 and a `/ID` derived from the content, so output is reproducible.

mod finish;
mod icc;
mod resources;
mod tagged;
mod xmp;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use briefing_model::{Document, Rgb};
use printpdf::{
    Codepoint, Color, CurTransMat, DictItem, FontId, Line, LinePoint, Op, PaintMode, PdfDocument,
    PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect, TextItem, TextMatrix,
    XObjectId, XObjectTransform,
};

use crate::PdfStandard;
use crate::error::Error;
use crate::fonts::{FaceId, Features, FontSet, Glyph};
use crate::layout::{Item, Layout, NodeId, Structure, Tag, Target, TextRun};
use finish::{compress, finish, set_id};
use resources::{image_xobject, subset_face};

/// Serializes a layout into a PDF file.
pub(crate) fn write(
    layout: &Layout,
    doc: &Document,
    fonts: &FontSet,
    standard: Option<PdfStandard>,
) -> Result<Vec<u8>, Error> {
    let mut pdf = PdfDocument::new(&doc.meta.title);
    let used = used_faces(layout, fonts);
    // Each embedded face's glyphs in subset order: a glyph's id in the subset is
    // its position here.
    let mut subsets: BTreeMap<FaceId, Vec<u16>> = BTreeMap::new();
    for (face, glyphs) in &used {
        let (font, gids) = subset_face(fonts, *face, glyphs)?;
        pdf.resources
            .fonts
            .map
            .insert(font_id(*face), PdfFont::new(font));
        subsets.insert(*face, gids);
    }
    for (i, img) in layout.images.iter().enumerate() {
        pdf.resources
            .xobjects
            .map
            .insert(image_id(i), image_xobject(img));
    }
    let (pages, tags): (Vec<PdfPage>, Vec<PageTags>) = layout
        .pages
        .iter()
        .map(|p| page(layout, fonts, &subsets, &p.items))
        .unzip();
    let pdf = pdf.with_pages(pages);
    let opts = PdfSaveOptions {
        optimize: false,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = pdf.to_lopdf_document(&opts, &mut warnings);
    finish(&mut lo, doc, layout, &tags, standard);
    compress(&mut lo)?;
    let mut out = Vec::new();
    lo.save_to(&mut out)
        .map_err(|e| Error::Write(e.to_string()))?;
    set_id(&mut out);
    Ok(out)
}

/// Our own font ids: six capital letters, which printpdf also uses as the subset tag.
/// Fixed ids keep output independent of printpdf's process-wide id counter.
fn font_id(face: FaceId) -> FontId {
    FontId(format!("BRFNT{}", char::from(b'A' + face.index() as u8)))
}

/// Our own image ids, for the same reason.
fn image_id(index: usize) -> XObjectId {
    XObjectId(format!("Im{index}"))
}

/// The glyphs each embedded face draws (faces sharing a font program count as one).
fn used_faces(layout: &Layout, fonts: &FontSet) -> BTreeMap<FaceId, BTreeSet<u16>> {
    let mut used: BTreeMap<FaceId, BTreeSet<u16>> = BTreeMap::new();
    for page in &layout.pages {
        for item in &page.items {
            if let Item::Text(t) = item {
                used.entry(fonts.canonical(t.face))
                    .or_default()
                    .extend(run_glyphs(t, fonts).iter().map(|g| g.gid));
            }
        }
    }
    used
}

/// The glyphs of a run: as laid out, or shaped here word by word if the layout
/// left them out.
fn run_glyphs<'a>(t: &'a TextRun, fonts: &FontSet) -> Cow<'a, [Glyph]> {
    if !t.glyphs.is_empty() || t.text.is_empty() {
        return Cow::Borrowed(&t.glyphs);
    }
    let mut glyphs = Vec::new();
    for (k, word) in t.text.split(' ').enumerate() {
        if k > 0 {
            glyphs.extend_from_slice(&fonts.shape(t.face, " ", Features::Text));
        }
        if !word.is_empty() {
            glyphs.extend_from_slice(&fonts.shape(t.face, word, Features::Text));
        }
    }
    Cow::Owned(glyphs)
}

/// printpdf's colour from ours.
fn color(c: Rgb) -> Color {
    let [r, g, b] = c.unit();
    Color::Rgb(printpdf::Rgb::new(r, g, b, None))
}

/// What a page's content stream says about structure: the element of each marked-content
/// id (MCID), and the page's links, which become annotations in the post-processing.
#[derive(Debug, Default)]
pub(crate) struct PageTags {
    /// The element each MCID belongs to, indexed by MCID.
    pub(crate) mcids: Vec<NodeId>,
    /// The links: rectangle (x, y, w, h), target (a URL or a place, never an anchor)
    /// and the link element.
    pub(crate) links: Vec<([f32; 4], Target, NodeId)>,
}

/// The marked-content sequence a page is in while its operators are written. A
/// sequence opened inside a text object (`inner`) is closed before the object ends;
/// one opened outside may span several text objects, as the lines of a heading do,
/// so that an element drawn on consecutive lines has one MCID.
struct Marks<'a> {
    /// The open sequence's tag and whether it was opened inside a text object.
    open: Option<(Tag, bool)>,
    tags: PageTags,
    structure: &'a Structure,
}

/// A tag as written: content still untagged counts as the document's.
fn norm(tag: Tag) -> Tag {
    match tag {
        Tag::Open(_) => Tag::Node(0),
        t => t,
    }
}

impl Marks<'_> {
    fn close(&mut self, ops: &mut Vec<Op>) {
        if self.open.take().is_some() {
            ops.push(Op::EndMarkedContent);
        }
    }

    /// Closes the open sequence if it was opened inside the text object now ending.
    fn close_inner(&mut self, ops: &mut Vec<Op>) {
        if matches!(self.open, Some((_, true))) {
            self.close(ops);
        }
    }

    /// Makes `tag` the open sequence, opened inside a text object or not.
    fn enter(&mut self, ops: &mut Vec<Op>, tag: Tag, inner: bool) {
        let tag = norm(tag);
        if self.open == Some((tag, inner)) {
            return;
        }
        self.close(ops);
        match tag {
            Tag::Node(node) => {
                let mut map = BTreeMap::new();
                map.insert(
                    "MCID".to_owned(),
                    DictItem::Int(self.tags.mcids.len() as i64),
                );
                self.tags.mcids.push(node);
                ops.push(Op::BeginMarkedContentWithProperties {
                    tag: self.structure.nodes[node].role.name().to_owned(),
                    properties: DictItem::Dict { map },
                });
            }
            _ => ops.push(Op::BeginMarkedContent {
                tag: "Artifact".to_owned(),
            }),
        }
        self.open = Some((tag, inner));
    }
}

/// Whether `a` and `b` are on one baseline: such runs share a text object.
fn same_line(a: &TextRun, b: &TextRun) -> bool {
    (a.y - b.y).abs() <= b.size * 0.5
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

/// One page's operators, every one inside a marked-content sequence: an element's
/// content (with an MCID) or an artifact.
fn page(
    layout: &Layout,
    fonts: &FontSet,
    subsets: &BTreeMap<FaceId, Vec<u16>>,
    items: &[Item],
) -> (PdfPage, PageTags) {
    let mut ops = Vec::new();
    let mut marks = Marks {
        open: None,
        tags: PageTags::default(),
        structure: &layout.structure,
    };
    let mut in_text = false;
    let mut font: Option<(FaceId, f32)> = None;
    let mut fill: Option<Rgb> = None;
    let mut line: Option<&TextRun> = None;
    // The current text object is all one element's, marked from outside.
    let mut whole = false;
    for (i, item) in items.iter().enumerate() {
        if let Item::Link {
            x,
            y,
            w,
            h,
            target,
            tag,
        } = item
        {
            // Not drawn: an annotation, attached to its element afterwards. Layout has
            // resolved every anchor; one left over would go nowhere.
            let node = match tag {
                Tag::Node(n) => *n,
                _ => 0,
            };
            if !matches!(target, Target::Anchor(_)) {
                marks
                    .tags
                    .links
                    .push(([*x, *y, *w, *h], target.clone(), node));
            }
            continue;
        }
        if matches!(item, Item::Anchor { .. }) {
            continue;
        }
        if in_text && !matches!(item, Item::Text(_)) {
            marks.close_inner(&mut ops);
            ops.push(Op::EndTextSection);
            in_text = false;
            font = None;
        }
        match item {
            Item::Text(t) => {
                // One text object per baseline: extractors that ignore positions
                // (lopdf's among them) still see lines as separate.
                if in_text && line.is_some_and(|prev| !same_line(prev, t)) {
                    marks.close_inner(&mut ops);
                    ops.push(Op::EndTextSection);
                    in_text = false;
                    font = None;
                }
                line = Some(t);
                if !in_text {
                    match line_tag(&items[i..]) {
                        Some(tag) => marks.enter(&mut ops, tag, false),
                        None => marks.close(&mut ops),
                    }
                    whole = marks.open.is_some();
                    ops.push(Op::StartTextSection);
                    in_text = true;
                }
                if !whole {
                    marks.enter(&mut ops, t.tag, true);
                }
                let face = fonts.canonical(t.face);
                if font != Some((face, t.size)) {
                    ops.push(Op::SetFont {
                        font: PdfFontHandle::External(font_id(face)),
                        size: Pt(t.size),
                    });
                    font = Some((face, t.size));
                }
                if fill != Some(t.color) {
                    ops.push(Op::SetFillColor {
                        col: color(t.color),
                    });
                    fill = Some(t.color);
                }
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(Pt(t.x), Pt(t.y)),
                });
                let subset = subsets.get(&face).map_or(&[][..], Vec::as_slice);
                ops.push(Op::ShowText {
                    items: text_items(t, fonts, subset),
                });
            }
            Item::Fill {
                x,
                y,
                w,
                h,
                color: c,
            } => {
                marks.enter(&mut ops, Tag::Artifact, false);
                if fill != Some(*c) {
                    ops.push(Op::SetFillColor { col: color(*c) });
                    fill = Some(*c);
                }
                let mut rect = Rect::from_xywh(Pt(*x), Pt(*y), Pt(*w), Pt(*h));
                rect.mode = Some(PaintMode::Fill);
                ops.push(Op::DrawRectangle { rectangle: rect });
            }
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                color: c,
            } => {
                marks.enter(&mut ops, Tag::Artifact, false);
                ops.push(Op::SetOutlineColor { col: color(*c) });
                ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                let p = |x: f32, y: f32| LinePoint {
                    p: Point { x: Pt(x), y: Pt(y) },
                    bezier: false,
                };
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![p(*x1, *y1), p(*x2, *y2)],
                        is_closed: false,
                    },
                });
            }
            Item::Image {
                x,
                y,
                w,
                h,
                image,
                tag,
            } => {
                marks.enter(&mut ops, *tag, false);
                ops.push(Op::SaveGraphicsState);
                ops.push(Op::SetTransformationMatrix {
                    matrix: CurTransMat::Raw([*w, 0.0, 0.0, *h, *x, *y]),
                });
                ops.push(Op::UseXobject {
                    id: image_id(*image),
                    transform: XObjectTransform::default(),
                });
                ops.push(Op::RestoreGraphicsState);
            }
            Item::Link { .. } | Item::Anchor { .. } => {}
        }
    }
    if in_text {
        marks.close_inner(&mut ops);
        ops.push(Op::EndTextSection);
    }
    marks.close(&mut ops);
    let media = Rect::from_wh(Pt(layout.width), Pt(layout.height));
    let page = PdfPage {
        media_box: media.clone(),
        trim_box: media.clone(),
        crop_box: media,
        ops,
    };
    (page, marks.tags)
}

/// A run as TJ items. Glyphs that are their character's own (the cmap's) are
/// written as text, which keeps the content stream as compact as unshaped text;
/// the others (ligatures, substitutions) by subset id with the text they stand for,
/// which ToUnicode maps them back to, so a ligature copies as its letters. After a
/// glyph, a TJ adjustment turns the advance `/W` records into the shaped one
/// (kerning), plus the justification after a space (`Tw` does not apply to
/// two-byte codes); spaces stay real glyphs so copied text keeps them.
fn text_items(t: &TextRun, fonts: &FontSet, subset: &[u16]) -> Vec<TextItem> {
    let glyphs = run_glyphs(t, fonts);
    let face = fonts.canonical(t.face);
    let justify = t.space_extra * 1000.0 / t.size;
    let mut items = Vec::new();
    let mut text = String::new();
    let mut at = 0;
    let flush = |items: &mut Vec<TextItem>, text: &mut String| {
        if !text.is_empty() {
            items.push(TextItem::Text(std::mem::take(text)));
        }
    };
    for g in glyphs.iter() {
        let len = g.len as usize;
        let source = t.text.get(at..at + len).unwrap_or("");
        at += len;
        // A displaced glyph (a mark) moves the pen before it and back after it.
        if g.dx != 0.0 {
            flush(&mut items, &mut text);
            items.push(TextItem::Offset(-g.dx));
        }
        let mut offset = fonts.glyph_advance(face, g.gid) as f32 - g.advance + g.dx;
        if source == " " {
            offset -= justify;
        }
        if offset.abs() < 0.0005 {
            offset = 0.0;
        }
        if g.nominal {
            text.push_str(source);
            if offset != 0.0 {
                flush(&mut items, &mut text);
                items.push(TextItem::Offset(offset));
            }
        } else {
            flush(&mut items, &mut text);
            items.push(TextItem::GlyphIds(vec![Codepoint {
                gid: subset.binary_search(&g.gid).map_or(0, |i| i as u16),
                offset,
                cid: (!source.is_empty()).then(|| source.to_owned()),
            }]));
        }
    }
    flush(&mut items, &mut text);
    items
}
