//! Writing: laid-out pages become PDF bytes. The only module that names printpdf.
//!
//! printpdf serializes pages and fonts; a lopdf pass then fixes what it gets wrong
//! for us (see the research notes): nested outline, `/PageMode`, `/Lang`, Info,
//! version 1.7 and a `/ID` derived from the content, so output is reproducible.

mod finish;
mod resources;

use std::collections::{BTreeMap, BTreeSet};

use briefing_model::{Document, Rgb};
use printpdf::{
    Actions, BorderArray, Color, CurTransMat, FontId, Line, LinePoint, LinkAnnotation, Op,
    PaintMode, PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect,
    TextItem, TextMatrix, XObjectId, XObjectTransform,
};

use crate::error::Error;
use crate::fonts::{FaceId, FontSet};
use crate::layout::{Item, Layout, TextRun};
use finish::{compress, finish, set_id};
use resources::{image_xobject, subset_face};

/// Serializes a layout into a PDF file.
pub(crate) fn write(layout: &Layout, doc: &Document, fonts: &FontSet) -> Result<Vec<u8>, Error> {
    let mut pdf = PdfDocument::new(&doc.meta.title);
    let used = used_faces(layout);
    for (face, chars) in &used {
        let font = subset_face(fonts, *face, chars)?;
        pdf.resources
            .fonts
            .map
            .insert(font_id(*face), PdfFont::new(font));
    }
    for (i, img) in layout.images.iter().enumerate() {
        pdf.resources
            .xobjects
            .map
            .insert(image_id(i), image_xobject(img));
    }
    let pages = layout
        .pages
        .iter()
        .map(|p| page(layout, &p.items))
        .collect();
    let pdf = pdf.with_pages(pages);
    let opts = PdfSaveOptions {
        optimize: false,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = pdf.to_lopdf_document(&opts, &mut warnings);
    finish(&mut lo, doc, &layout.outline);
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

/// The characters each face draws.
fn used_faces(layout: &Layout) -> BTreeMap<FaceId, BTreeSet<char>> {
    let mut used: BTreeMap<FaceId, BTreeSet<char>> = BTreeMap::new();
    for page in &layout.pages {
        for item in &page.items {
            if let Item::Text(t) = item {
                used.entry(t.face).or_default().extend(t.text.chars());
            }
        }
    }
    used
}

/// printpdf's colour from ours.
fn color(c: Rgb) -> Color {
    let [r, g, b] = c.unit();
    Color::Rgb(printpdf::Rgb::new(r, g, b, None))
}

/// One page's operators.
fn page(layout: &Layout, items: &[Item]) -> PdfPage {
    let mut ops = Vec::new();
    let mut in_text = false;
    let mut font: Option<(FaceId, f32)> = None;
    let mut fill: Option<Rgb> = None;
    let mut line_y: Option<f32> = None;
    for item in items {
        if in_text && !matches!(item, Item::Text(_)) {
            ops.push(Op::EndTextSection);
            in_text = false;
            font = None;
        }
        match item {
            Item::Text(t) => {
                // One text object per baseline: extractors that ignore positions
                // (lopdf's among them) still see lines as separate.
                if in_text && line_y.is_some_and(|y: f32| (y - t.y).abs() > t.size * 0.5) {
                    ops.push(Op::EndTextSection);
                    in_text = false;
                    font = None;
                }
                line_y = Some(t.y);
                if !in_text {
                    ops.push(Op::StartTextSection);
                    in_text = true;
                }
                if font != Some((t.face, t.size)) {
                    ops.push(Op::SetFont {
                        font: PdfFontHandle::External(font_id(t.face)),
                        size: Pt(t.size),
                    });
                    font = Some((t.face, t.size));
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
                ops.push(Op::ShowText {
                    items: text_items(t),
                });
            }
            Item::Fill {
                x,
                y,
                w,
                h,
                color: c,
            } => {
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
            Item::Image { x, y, w, h, image } => {
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
            Item::Link { x, y, w, h, url } => {
                let rect = Rect::from_xywh(Pt(*x), Pt(*y), Pt(*w), Pt(*h));
                let border = Some(BorderArray::Solid([0.0, 0.0, 0.0]));
                ops.push(Op::LinkAnnotation {
                    link: LinkAnnotation::new(rect, Actions::uri(url.clone()), border, None, None),
                });
            }
        }
    }
    if in_text {
        ops.push(Op::EndTextSection);
    }
    let media = Rect::from_wh(Pt(layout.width), Pt(layout.height));
    PdfPage {
        media_box: media.clone(),
        trim_box: media.clone(),
        crop_box: media,
        ops,
    }
}

/// A run as TJ items: real space glyphs (so copied text keeps its spaces), each
/// followed by the justification offset — `Tw` does not apply to two-byte codes.
fn text_items(t: &TextRun) -> Vec<TextItem> {
    if t.space_extra.abs() < 0.001 {
        return vec![TextItem::Text(t.text.clone())];
    }
    let offset = -t.space_extra * 1000.0 / t.size;
    let mut items = Vec::new();
    let mut cur = String::new();
    for ch in t.text.chars() {
        cur.push(ch);
        if ch == ' ' {
            items.push(TextItem::Text(std::mem::take(&mut cur)));
            items.push(TextItem::Offset(offset));
        }
    }
    if !cur.is_empty() {
        items.push(TextItem::Text(cur));
    }
    items
}
