//! Writing: laid-out pages become PDF bytes. The only module that names printpdf.
//!
//! printpdf assembles the document (pages and their boxes, image XObjects,
//! resources); each page's content stream and the embedded fonts it draws with
//! are ours (see `content`), written straight from the layout. A lopdf pass then
//! fixes what printpdf gets wrong for us (see the research notes): nested
//! outline, `/PageMode`, `/Lang`, Info, version 1.7 and a `/ID` derived from the
//! content, so output is reproducible.

mod content;
mod finish;
mod icc;
mod resources;
mod tagged;
mod xmp;

use std::collections::{BTreeMap, BTreeSet};

use briefing_model::{Document, Rgb};
use printpdf::{PdfDocument, PdfPage, PdfSaveOptions, Pt, Rect, XObjectId};

use crate::PdfStandard;
use crate::error::Error;
use crate::fonts::{FaceId, FontSet};
use crate::layout::{Item, Layout, NodeId, Structure, Tag, Target, TextRun};
use content::{Content, FontUse};
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
    // Each embedded face with its subset; a glyph's id in the subset is its
    // position in the subset order.
    let mut subsets: BTreeMap<FaceId, FontUse> = BTreeMap::new();
    for (face, glyphs) in &used {
        let (font, gids) = subset_face(fonts, *face, glyphs)?;
        subsets.insert(*face, FontUse::new(font_id(*face), font, gids));
    }
    for (i, img) in layout.images.iter().enumerate() {
        pdf.resources
            .xobjects
            .map
            .insert(image_id(i), image_xobject(img));
    }
    // printpdf assembles the document around empty pages; their content streams,
    // written here, and the fonts they use go in afterwards.
    let media = Rect::from_wh(Pt(layout.width), Pt(layout.height));
    let mut contents = Vec::with_capacity(layout.pages.len());
    let mut tags = Vec::with_capacity(layout.pages.len());
    let mut pages = Vec::with_capacity(layout.pages.len());
    for p in &layout.pages {
        let (content, page_tags) = page(layout, fonts, &mut subsets, &p.items);
        contents.push(content);
        tags.push(page_tags);
        pages.push(PdfPage {
            media_box: media.clone(),
            trim_box: media.clone(),
            crop_box: media.clone(),
            ops: Vec::new(),
        });
    }
    let pdf = pdf.with_pages(pages);
    let opts = PdfSaveOptions {
        optimize: false,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = pdf.to_lopdf_document(&opts, &mut warnings);
    install(&mut lo, contents, &subsets, fonts)?;
    finish(&mut lo, doc, layout, &tags, standard);
    compress(&mut lo)?;
    let mut out = Vec::new();
    lo.save_to(&mut out)
        .map_err(|e| Error::Write(e.to_string()))?;
    set_id(&mut out);
    Ok(out)
}

/// Puts our content streams into printpdf's pages, in order, and our fonts into
/// the font dictionary every page's resources share.
fn install(
    lo: &mut lopdf::Document,
    contents: Vec<Vec<u8>>,
    subsets: &BTreeMap<FaceId, FontUse>,
    fonts: &FontSet,
) -> Result<(), Error> {
    let missing = |what: &str| Error::Write(format!("printpdf wrote no {what}"));
    let page_ids: Vec<lopdf::ObjectId> = lo.get_pages().values().copied().collect();
    if page_ids.len() != contents.len() {
        return Err(missing("page for every page"));
    }
    let mut font_dict = None;
    for (id, bytes) in page_ids.iter().zip(contents) {
        let page = lo
            .get_object(*id)
            .and_then(lopdf::Object::as_dict)
            .map_err(|_| missing("page"))?;
        let stream = page
            .get(b"Contents")
            .and_then(lopdf::Object::as_reference)
            .map_err(|_| missing("contents"))?;
        let resources = page
            .get(b"Resources")
            .and_then(lopdf::Object::as_reference)
            .map_err(|_| missing("resources"))?;
        if font_dict.is_none() {
            font_dict = lo
                .get_object(resources)
                .and_then(lopdf::Object::as_dict)
                .and_then(|r| r.get(b"Font"))
                .and_then(lopdf::Object::as_reference)
                .ok();
        }
        lo.get_object_mut(stream)
            .and_then(lopdf::Object::as_stream_mut)
            .map_err(|_| missing("content stream"))?
            .set_content(bytes);
    }
    // A page without a font dictionary to fill would lose its text silently.
    let Some(font_dict) = font_dict else {
        return match subsets.is_empty() {
            true => Ok(()),
            false => Err(missing("font dictionary")),
        };
    };
    let mut entries = Vec::with_capacity(subsets.len());
    for (face, font) in subsets {
        let id = font.write(lo, |gid| fonts.glyph_advance(*face, gid));
        entries.push((font.name.clone(), id));
    }
    let dict = lo
        .get_object_mut(font_dict)
        .and_then(lopdf::Object::as_dict_mut)
        .map_err(|_| missing("font dictionary"))?;
    for (name, id) in entries {
        dict.set(name, lopdf::Object::Reference(id));
    }
    Ok(())
}

/// Our own font ids: six capital letters, which printpdf also uses as the subset tag.
/// Fixed ids keep output independent of printpdf's process-wide id counter.
fn font_id(face: FaceId) -> String {
    format!("BRFNT{}", char::from(b'A' + face.index() as u8))
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
                    .extend(t.glyphs.iter().map(|g| g.gid));
            }
        }
    }
    used
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
    fn close(&mut self, out: &mut Content) {
        if self.open.take().is_some() {
            out.raw(b"EMC\n");
        }
    }

    /// Closes the open sequence if it was opened inside the text object now ending.
    fn close_inner(&mut self, out: &mut Content) {
        if matches!(self.open, Some((_, true))) {
            self.close(out);
        }
    }

    /// Makes `tag` the open sequence, opened inside a text object or not.
    fn enter(&mut self, out: &mut Content, tag: Tag, inner: bool) {
        let tag = norm(tag);
        if self.open == Some((tag, inner)) {
            return;
        }
        self.close(out);
        match tag {
            Tag::Node(node) => {
                out.raw(b"/");
                out.raw(self.structure.nodes[node].role.name().as_bytes());
                out.raw(b" <</MCID ");
                out.integer(self.tags.mcids.len() as u64);
                out.raw(b">> BDC\n");
                self.tags.mcids.push(node);
            }
            _ => out.raw(b"/Artifact BMC\n"),
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

/// One page's content stream, every operator inside a marked-content sequence: an
/// element's content (with an MCID) or an artifact.
fn page(
    layout: &Layout,
    fonts: &FontSet,
    subsets: &mut BTreeMap<FaceId, FontUse>,
    items: &[Item],
) -> (Vec<u8>, PageTags) {
    let mut out = Content::default();
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
            marks.close_inner(&mut out);
            out.raw(b"ET\n");
            in_text = false;
            font = None;
        }
        match item {
            Item::Text(t) => {
                // One text object per baseline: extractors that ignore positions
                // (lopdf's among them) still see lines as separate.
                if in_text && line.is_some_and(|prev| !same_line(prev, t)) {
                    marks.close_inner(&mut out);
                    out.raw(b"ET\n");
                    in_text = false;
                    font = None;
                }
                line = Some(t);
                if !in_text {
                    match line_tag(&items[i..]) {
                        Some(tag) => marks.enter(&mut out, tag, false),
                        None => marks.close(&mut out),
                    }
                    whole = marks.open.is_some();
                    out.raw(b"BT\n");
                    in_text = true;
                }
                if !whole {
                    marks.enter(&mut out, t.tag, true);
                }
                let face = fonts.canonical(t.face);
                let Some(used) = subsets.get_mut(&face) else {
                    continue;
                };
                if font != Some((face, t.size)) {
                    out.raw(b"/");
                    out.raw(used.name.as_bytes());
                    out.raw(b" ");
                    out.num(t.size, 4);
                    out.raw(b"Tf\n");
                    font = Some((face, t.size));
                }
                if fill != Some(t.color) {
                    out.color(t.color, b"rg\n");
                    fill = Some(t.color);
                }
                out.raw(b"1 0 0 1 ");
                out.num(t.x, 4);
                out.num(t.y, 4);
                out.raw(b"Tm\n");
                show_text(&mut out, t, fonts, used);
            }
            Item::Fill {
                x,
                y,
                w,
                h,
                color: c,
            } => {
                marks.enter(&mut out, Tag::Artifact, false);
                if fill != Some(*c) {
                    out.color(*c, b"rg\n");
                    fill = Some(*c);
                }
                for v in [*x, *y, *w, *h] {
                    out.num(v, 4);
                }
                out.raw(b"re\nf\n");
            }
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                color: c,
            } => {
                marks.enter(&mut out, Tag::Artifact, false);
                out.color(*c, b"RG\n");
                out.num(*width, 4);
                out.raw(b"w\n");
                out.num(*x1, 4);
                out.num(*y1, 4);
                out.raw(b"m\n");
                out.num(*x2, 4);
                out.num(*y2, 4);
                out.raw(b"l\nS\n");
            }
            Item::Image {
                x,
                y,
                w,
                h,
                image,
                tag,
            } => {
                marks.enter(&mut out, *tag, false);
                out.raw(b"q\n");
                for v in [*w, 0.0, 0.0, *h, *x, *y] {
                    out.num(v, 4);
                }
                out.raw(b"cm\n/");
                out.raw(image_id(*image).0.as_bytes());
                out.raw(b" Do\nQ\n");
            }
            Item::Link { .. } | Item::Anchor { .. } => {}
        }
    }
    if in_text {
        marks.close_inner(&mut out);
        out.raw(b"ET\n");
    }
    marks.close(&mut out);
    (out.bytes, marks.tags)
}

/// A run's glyphs as a `Tj` or `TJ`: two-byte subset ids, and after a glyph a TJ
/// adjustment that turns the advance `/W` records into the shaped one (kerning),
/// plus the justification after a space (`Tw` does not apply to two-byte codes).
/// Spaces stay real glyphs so copied text keeps them. Each glyph's text is
/// recorded for ToUnicode, so a ligature copies as its letters.
fn show_text(out: &mut Content, t: &TextRun, fonts: &FontSet, used: &mut FontUse) {
    debug_assert!(
        t.glyphs.iter().map(|g| g.len as usize).sum::<usize>() == t.text.len(),
        "layout leaves every run shaped: {t:?}"
    );
    let face = fonts.canonical(t.face);
    let justify = t.space_extra * 1000.0 / t.size;
    let start = out.bytes.len();
    out.raw(b"[");
    let mut in_string = false;
    let mut adjusted = false;
    // The last thing written is a number: another needs a space before it.
    let mut number = false;
    let mut at = 0;
    for g in &t.glyphs {
        let len = g.len as usize;
        let source = t.text.get(at..at + len).unwrap_or("");
        at += len;
        // A displaced glyph (a mark) moves the pen before it and back after it.
        if g.dx != 0.0 {
            if in_string {
                out.raw(b">");
                in_string = false;
            } else if number {
                out.raw(b" ");
            }
            out.number(-g.dx, 3);
            adjusted = true;
        }
        let mut offset = fonts.glyph_advance(face, g.gid) as f32 - g.advance + g.dx;
        if source == " " {
            offset -= justify;
        }
        if offset.abs() < 0.0005 {
            offset = 0.0;
        }
        let code = used.code(g.gid, source, g.nominal);
        if !in_string {
            out.raw(b"<");
            in_string = true;
        }
        out.code(code);
        number = false;
        if offset != 0.0 {
            out.raw(b">");
            in_string = false;
            out.number(offset, 3);
            adjusted = true;
            number = true;
        }
    }
    if in_string {
        out.raw(b">");
    }
    if adjusted {
        out.raw(b"] TJ\n");
    } else {
        // One string: the shorter `Tj`.
        out.bytes.remove(start);
        if out.bytes.len() == start {
            out.raw(b"<>");
        }
        out.raw(b" Tj\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::{Family, Glyph};
    use resources::subset_face;

    #[test]
    fn adjustments_in_a_row_stay_separate_numbers() {
        let theme = briefing_model::builtin("briefing").unwrap();
        let fonts = FontSet::new(&theme).unwrap();
        let face = FaceId::new(Family::Body, false, false);
        let a = fonts.glyph(face, 'a').unwrap();
        let acute = fonts.glyph(face, '\u{301}').unwrap();
        let glyph = |gid, advance, dx, len| Glyph {
            gid,
            advance,
            dx,
            len,
            nominal: true,
        };
        let nominal = fonts.glyph_advance(face, a) as f32;
        // A kerned "a", then a mark displaced to the left, then "a".
        let run = TextRun {
            x: 0.0,
            y: 0.0,
            face,
            size: 10.0,
            color: Rgb { r: 0, g: 0, b: 0 },
            text: "a\u{301}a".into(),
            glyphs: vec![
                glyph(a, nominal - 20.0, 0.0, 1),
                glyph(acute, 0.0, -300.5, 2),
                glyph(a, nominal, 0.0, 1),
            ],
            space_extra: 0.0,
            tag: Tag::Artifact,
        };
        let (font, gids) = subset_face(&fonts, face, &[a, acute].into()).unwrap();
        let mut used = FontUse::new(font_id(face), font, gids);
        let mut out = Content::default();
        show_text(&mut out, &run, &fonts, &mut used);
        let ops = lopdf::content::Content::decode(&out.bytes)
            .unwrap()
            .operations;
        assert_eq!(ops.len(), 1);
        assert_eq!(ops[0].operator, "TJ");
        let items = ops[0].operands[0].as_array().unwrap();
        let numbers: Vec<f32> = items.iter().filter_map(|o| o.as_float().ok()).collect();
        assert_eq!(numbers.len(), 3, "{}", String::from_utf8_lossy(&out.bytes));
        assert_eq!(numbers[0], 20.0);
        assert_eq!(numbers[1], 300.5);
    }
}
