//! Writing: laid-out pages become PDF bytes, in one pass. The only module that
//! names printpdf.
//!
//! printpdf's one role is to turn the images into XObjects and start the lopdf
//! document they live in (`init_doc_and_resources`, its public first step of
//! serializing). Everything else is added to that document once, in order, and
//! never changed after: each page's content stream and the fonts it draws with
//! (`page`, `content`), written straight from the layout; the page tree and
//! catalog; Info (`info`); the nested outline (`outline`); the structure tree and
//! link annotations (`tagged`); XMP and the PDF/A output intent (`xmp`, `icc`).
//! Objects whose contents are known only later (the page tree, each page, the
//! font dictionary, the catalog) get their ids first and are written once filled.
//! `file` compresses and saves, with a `/ID` derived from the content.

mod content;
mod file;
mod icc;
mod info;
mod marks;
mod outline;
mod page;
mod resources;
mod tagged;
mod text;
mod xmp;

use std::collections::{BTreeMap, BTreeSet};

use briefing_model::PdfStandard;
use lopdf::{Dictionary, Object, ObjectId, Stream};
use printpdf::{PdfDocument, PdfSaveOptions};

use crate::error::Error;
use crate::fonts::{FaceId, FontSet};
use crate::layout::{Item, Typeset};
use content::FontUse;
use file::{compress, save, text};
pub(crate) use info::Metadata;
use info::write_info;
use outline::write_outline;
use resources::{font_id, image_id, image_xobject, subset_face};
use tagged::write_structure;
use xmp::{write_metadata, write_output_intent};

/// Serializes a layout into a PDF file.
pub(crate) fn write(
    layout: &Typeset,
    meta: &Metadata,
    fonts: &FontSet,
    standard: Option<PdfStandard>,
) -> Result<Vec<u8>, Error> {
    // Each embedded face with its subset; a glyph's id in the subset is its
    // position in the subset order.
    let mut subsets: BTreeMap<FaceId, FontUse> = BTreeMap::new();
    for (face, glyphs) in &used_faces(layout, fonts) {
        let (font, gids) = subset_face(fonts, *face, glyphs)?;
        subsets.insert(*face, FontUse::new(font_id(*face), font, gids));
    }
    let (mut lo, xobjects) = start(layout);
    let pages_id = lo.new_object_id();
    let font_dict = lo.new_object_id();
    let xobjects = lo.add_object(xobjects);
    // Empty, as nothing is drawn transparent or shaded yet; every page's resources
    // name them, so a page that needs one has a place for it.
    let extgstates = lo.add_object(Dictionary::new());
    let shadings = lo.add_object(Dictionary::new());
    let page_ids: Vec<ObjectId> = layout.pages.iter().map(|_| lo.new_object_id()).collect();
    let mut tags = Vec::with_capacity(layout.pages.len());
    let mut parts = Vec::with_capacity(layout.pages.len());
    for p in &layout.pages {
        let (content, page_tags) = page::page(layout, fonts, &mut subsets, &p.items);
        let mut resources = Dictionary::new();
        resources.set("Font", Object::Reference(font_dict));
        resources.set("XObject", Object::Reference(xobjects));
        resources.set("ExtGState", Object::Reference(extgstates));
        resources.set("Shading", Object::Reference(shadings));
        let resources = lo.add_object(resources);
        let content = lo.add_object(Stream::new(Dictionary::new(), content));
        parts.push((resources, content));
        tags.push(page_tags);
    }
    let catalog = lo.new_object_id();
    let mut font_names = Dictionary::new();
    for (face, font) in &subsets {
        let id = font.write(&mut lo, |gid| fonts.glyph_advance(*face, gid));
        font_names.set(font.name.clone(), Object::Reference(id));
    }
    lo.objects.insert(font_dict, Object::Dictionary(font_names));
    let info = write_info(&mut lo, meta);
    let outlines =
        (!layout.outline.is_empty()).then(|| write_outline(&mut lo, &layout.outline, &page_ids));
    let (struct_root, annots) = write_structure(&mut lo, &layout.structure, &tags, &page_ids);
    let metadata = write_metadata(&mut lo, meta, standard);
    let intent = standard
        .and_then(PdfStandard::pdfa_conformance)
        .map(|_| write_output_intent(&mut lo));
    let media = [0.0, 0.0, layout.width.0, layout.height.0];
    for (p, ((resources, content), annots)) in parts.into_iter().zip(annots).enumerate() {
        let page = page_dict(media, pages_id, resources, content, p, annots);
        lo.objects.insert(page_ids[p], Object::Dictionary(page));
    }
    let mut pages = Dictionary::new();
    pages.set("Type", Object::Name(b"Pages".to_vec()));
    pages.set("Count", Object::Integer(page_ids.len() as i64));
    let kids = page_ids.iter().map(|id| Object::Reference(*id)).collect();
    pages.set("Kids", Object::Array(kids));
    lo.objects.insert(pages_id, Object::Dictionary(pages));
    let parts = CatalogParts {
        pages: pages_id,
        outlines,
        struct_root,
        metadata,
        intent,
    };
    lo.objects.insert(
        catalog,
        Object::Dictionary(catalog_dict(&parts, &meta.lang)),
    );
    lo.trailer.set("Root", Object::Reference(catalog));
    lo.trailer.set("Info", Object::Reference(info));
    compress(&mut lo)?;
    save(&mut lo)
}

/// printpdf's part: the images as XObjects in a new lopdf document (version 1.7,
/// with a classic cross-reference table), and the XObject resource dictionary that
/// names them.
fn start(layout: &Typeset) -> (lopdf::Document, Dictionary) {
    let mut pdf = PdfDocument::new("");
    for (i, img) in layout.images.iter().enumerate() {
        pdf.resources
            .xobjects
            .map
            .insert(image_id(i), image_xobject(img));
    }
    let opts = PdfSaveOptions {
        optimize: false,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let (mut lo, xobjects) = printpdf::serialize::init_doc_and_resources(&pdf, &opts);
    lo.version = "1.7".into();
    (lo, xobjects)
}

/// A page: its boxes, resources, content, and what ties it to the structure tree.
fn page_dict(
    media: [f32; 4],
    parent: ObjectId,
    resources: ObjectId,
    content: ObjectId,
    index: usize,
    annots: Vec<Object>,
) -> Dictionary {
    let rect = || Object::Array(media.iter().map(|v| Object::Real(*v)).collect());
    let mut d = Dictionary::new();
    d.set("Type", Object::Name(b"Page".to_vec()));
    d.set("MediaBox", rect());
    d.set("TrimBox", rect());
    d.set("CropBox", rect());
    d.set("Parent", Object::Reference(parent));
    d.set("Resources", Object::Reference(resources));
    d.set("Contents", Object::Reference(content));
    let links = !annots.is_empty();
    if links {
        d.set("Annots", Object::Array(annots));
    }
    d.set("StructParents", Object::Integer(index as i64));
    if links {
        // Tab order follows the structure, as PDF/UA asks of pages with annotations.
        d.set("Tabs", Object::Name(b"S".to_vec()));
    }
    d
}

/// The objects the catalog points to.
struct CatalogParts {
    /// The page tree.
    pages: ObjectId,
    /// The outline, if the document has headings.
    outlines: Option<ObjectId>,
    /// The structure tree's root.
    struct_root: ObjectId,
    /// The XMP stream.
    metadata: ObjectId,
    /// The PDF/A output intent, if claimed.
    intent: Option<ObjectId>,
}

/// The catalog: a tagged document in `lang` that opens showing its outline, if any.
fn catalog_dict(parts: &CatalogParts, lang: &str) -> Dictionary {
    let mut cat = Dictionary::new();
    cat.set("Type", Object::Name(b"Catalog".to_vec()));
    cat.set("PageLayout", Object::Name(b"OneColumn".to_vec()));
    let mode: &[u8] = match parts.outlines {
        Some(_) => b"UseOutlines",
        None => b"UseNone",
    };
    cat.set("PageMode", Object::Name(mode.to_vec()));
    cat.set("Pages", Object::Reference(parts.pages));
    if let Some(id) = parts.outlines {
        cat.set("Outlines", Object::Reference(id));
    }
    cat.set("Lang", text(lang));
    cat.set("StructTreeRoot", Object::Reference(parts.struct_root));
    let mut mark = Dictionary::new();
    mark.set("Marked", Object::Boolean(true));
    cat.set("MarkInfo", Object::Dictionary(mark));
    let mut prefs = Dictionary::new();
    prefs.set("DisplayDocTitle", Object::Boolean(true));
    cat.set("ViewerPreferences", Object::Dictionary(prefs));
    cat.set("Metadata", Object::Reference(parts.metadata));
    if let Some(intent) = parts.intent {
        cat.set(
            "OutputIntents",
            Object::Array(vec![Object::Reference(intent)]),
        );
    }
    cat
}

/// The glyphs each embedded face draws (faces sharing a font program count as one).
fn used_faces(layout: &Typeset, fonts: &FontSet) -> BTreeMap<FaceId, BTreeSet<u16>> {
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
