//! Post-processing in lopdf: what printpdf cannot write (outline, catalog, Info,
//! structure tree, XMP, output intent, version), fast compression, and the
//! content-derived `/ID`.

use std::cell::RefCell;

use briefing_model::{Date, Document};
use libdeflater::{CompressionLvl, Compressor};
use lopdf::{Dictionary, Object, ObjectId, StringFormat};

use super::PageTags;
use super::tagged::write_structure;
use super::xmp::{CREATOR, PRODUCER, write_metadata, write_output_intent};
use crate::PdfStandard;
use crate::error::Error;
use crate::layout::{Bookmark, Layout};

/// The placeholder `/ID` written first and replaced by the content hash.
const ID_PLACEHOLDER: [u8; 16] = [0; 16];

/// The post-processing printpdf cannot do: outline, catalog entries, structure
/// tree, metadata, Info, version.
pub(super) fn finish(
    lo: &mut lopdf::Document,
    doc: &Document,
    layout: &Layout,
    tags: &[PageTags],
    standard: Option<PdfStandard>,
) {
    let meta = &doc.meta;
    let mut info = Dictionary::new();
    info.set("Title", text(&meta.title));
    if !meta.authors.is_empty() {
        info.set("Author", text(&meta.authors.join(", ")));
    }
    if let Some(s) = &meta.summary {
        info.set("Subject", text(s));
    }
    if !meta.keywords.is_empty() {
        info.set("Keywords", text(&meta.keywords.join(", ")));
    }
    info.set("Creator", text(CREATOR));
    info.set("Producer", text(PRODUCER));
    if let Some(d) = meta.date {
        info.set("CreationDate", pdf_date(d));
        info.set("ModDate", pdf_date(d));
    }
    let info_id = lo.add_object(Object::Dictionary(info));
    lo.trailer.set("Info", Object::Reference(info_id));
    if let Some(cat) = catalog(lo) {
        cat.remove(b"Outlines");
        cat.remove(b"OutputIntents");
    }
    // printpdf's own Info (with the bogus /GTS_PDFXVersion) and any bookmarks are now
    // unreferenced. Pruning before our objects are added keeps the walk short and
    // leaves them numbered in order, with nothing to renumber.
    lo.prune_objects();
    lo.renumber_objects();
    let page_ids: Vec<ObjectId> = lo.get_pages().values().copied().collect();
    let outline = &layout.outline;
    let outlines = if outline.is_empty() {
        None
    } else {
        Some(write_outline(lo, outline, &page_ids))
    };
    let struct_root = write_structure(lo, &layout.structure, tags, &page_ids);
    let metadata = write_metadata(lo, doc, standard);
    let intent = standard
        .and_then(PdfStandard::pdfa_conformance)
        .map(|_| write_output_intent(lo));
    if let Some(cat) = catalog(lo) {
        match outlines {
            Some(id) => {
                cat.set("Outlines", Object::Reference(id));
                cat.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
            }
            None => {
                cat.set("PageMode", Object::Name(b"UseNone".to_vec()));
            }
        }
        cat.set("Lang", text(&doc.meta.lang));
        cat.set("StructTreeRoot", Object::Reference(struct_root));
        let mut mark = Dictionary::new();
        mark.set("Marked", Object::Boolean(true));
        cat.set("MarkInfo", Object::Dictionary(mark));
        let mut prefs = Dictionary::new();
        prefs.set("DisplayDocTitle", Object::Boolean(true));
        cat.set("ViewerPreferences", Object::Dictionary(prefs));
        cat.set("Metadata", Object::Reference(metadata));
        if let Some(intent) = intent {
            cat.set(
                "OutputIntents",
                Object::Array(vec![Object::Reference(intent)]),
            );
        }
    }
    lo.trailer.set(
        "ID",
        Object::Array(vec![id_string(ID_PLACEHOLDER), id_string(ID_PLACEHOLDER)]),
    );
    lo.version = "1.7".into();
}

/// The document catalog, to edit.
fn catalog(lo: &mut lopdf::Document) -> Option<&mut Dictionary> {
    let root = lo
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .ok()?;
    lo.get_object_mut(root).and_then(Object::as_dict_mut).ok()
}

/// Flate-compresses every stream that has no filter yet, at a fast level: level 9
/// (what lopdf's `compress` uses) took most of the render time for a few percent.
pub(super) fn compress(lo: &mut lopdf::Document) -> Result<(), Error> {
    for obj in lo.objects.values_mut() {
        if let Object::Stream(s) = obj
            && s.allows_compression
            && s.dict.get(b"Filter").is_err()
            && let Some(packed) = deflate(&s.content)?
        {
            s.dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
            s.set_content(packed);
        }
    }
    Ok(())
}

/// The Flate level used for streams.
const LEVEL: i32 = 1;

thread_local! {
    /// One compressor serves every stream made on a thread. libdeflate compresses a
    /// whole buffer with no streaming state: against zlib-rs at level 1, reset between
    /// streams, it does a typical briefing's streams in 37 % fewer instructions and
    /// writes them 21 % smaller; zlib's per-stream reset alone cost more than a small
    /// ToUnicode map's deflate.
    static DEFLATE: RefCell<(Compressor, Vec<u8>)> = RefCell::new((
        Compressor::new(CompressionLvl::new(LEVEL).unwrap_or_default()),
        Vec::new(),
    ));
}

/// `data` Flate-compressed (zlib format), or `None` if that does not make it worth a filter.
pub(super) fn deflate(data: &[u8]) -> Result<Option<Vec<u8>>, Error> {
    DEFLATE.with_borrow_mut(|(deflate, buf)| {
        buf.resize(deflate.zlib_compress_bound(data.len()), 0);
        let n = deflate
            .zlib_compress(data, buf)
            .map_err(|e| Error::Write(format!("compressing a stream: {e:?}")))?;
        Ok((n + 20 < data.len()).then(|| buf[..n].to_vec()))
    })
}

/// A text string: ASCII as a literal, anything else as UTF-16BE with a BOM.
pub(super) fn text(s: &str) -> Object {
    if s.is_ascii() {
        return Object::String(s.as_bytes().to_vec(), StringFormat::Literal);
    }
    let mut b = vec![0xFE, 0xFF];
    for u in s.encode_utf16() {
        b.extend_from_slice(&u.to_be_bytes());
    }
    Object::String(b, StringFormat::Hexadecimal)
}

/// A PDF date at midnight UTC.
fn pdf_date(d: Date) -> Object {
    Object::string_literal(format!("D:{:04}{:02}{:02}000000Z", d.year, d.month, d.day))
}

fn id_string(bytes: [u8; 16]) -> Object {
    Object::String(bytes.to_vec(), StringFormat::Hexadecimal)
}

/// Builds the nested outline; returns the `/Outlines` dictionary's id.
fn write_outline(lo: &mut lopdf::Document, outline: &[Bookmark], pages: &[ObjectId]) -> ObjectId {
    /// A bookmark with its children.
    struct Node<'a> {
        mark: &'a Bookmark,
        children: Vec<Node<'a>>,
    }
    fn insert<'a>(nodes: &mut Vec<Node<'a>>, mark: &'a Bookmark) {
        match nodes.last_mut() {
            Some(last) if last.mark.level < mark.level => insert(&mut last.children, mark),
            _ => nodes.push(Node {
                mark,
                children: Vec::new(),
            }),
        }
    }
    fn add(
        lo: &mut lopdf::Document,
        parent: ObjectId,
        nodes: &[Node<'_>],
        pages: &[ObjectId],
    ) -> (ObjectId, ObjectId, i64) {
        let ids: Vec<ObjectId> = nodes.iter().map(|_| lo.new_object_id()).collect();
        let mut count = 0;
        for (i, n) in nodes.iter().enumerate() {
            let mut d = Dictionary::new();
            d.set("Title", text(&n.mark.title));
            d.set("Parent", Object::Reference(parent));
            let page = pages[n.mark.page.min(pages.len() - 1)];
            let dest = vec![
                Object::Reference(page),
                "XYZ".into(),
                Object::Null,
                Object::Real(n.mark.y),
                Object::Null,
            ];
            d.set("Dest", Object::Array(dest));
            if i > 0 {
                d.set("Prev", Object::Reference(ids[i - 1]));
            }
            if i + 1 < ids.len() {
                d.set("Next", Object::Reference(ids[i + 1]));
            }
            count += 1;
            if !n.children.is_empty() {
                let (first, last, c) = add(lo, ids[i], &n.children, pages);
                d.set("First", Object::Reference(first));
                d.set("Last", Object::Reference(last));
                d.set("Count", Object::Integer(c));
                count += c;
            }
            lo.objects.insert(ids[i], Object::Dictionary(d));
        }
        (ids[0], ids[ids.len() - 1], count)
    }
    let mut roots = Vec::new();
    for mark in outline {
        insert(&mut roots, mark);
    }
    let id = lo.new_object_id();
    let (first, last, count) = add(lo, id, &roots, pages);
    let mut d = Dictionary::new();
    d.set("Type", Object::Name(b"Outlines".to_vec()));
    d.set("First", Object::Reference(first));
    d.set("Last", Object::Reference(last));
    d.set("Count", Object::Integer(count));
    lo.objects.insert(id, Object::Dictionary(d));
    id
}

/// Replaces the placeholder `/ID` with a hash of the whole file, so the same
/// content always gets the same id and different content a different one.
pub(super) fn set_id(out: &mut [u8]) {
    use memchr::memmem;
    let hash = fingerprint(out);
    let mut needle = [0u8; 34];
    let mut replacement = [0u8; 34];
    hex_id(&ID_PLACEHOLDER, &mut needle);
    hex_id(&hash, &mut replacement);
    // The `/ID` is in the trailer, at the end of the file: search only there.
    let from = memmem::rfind(out, b"trailer").unwrap_or(0);
    let tail = &mut out[from..];
    let hits: Vec<usize> = memmem::find_iter(tail, &needle).collect();
    for at in hits {
        tail[at..at + needle.len()].copy_from_slice(&replacement);
    }
}

/// `bytes` as a PDF hex string, `<` and `>` included, in capitals.
fn hex_id(bytes: &[u8; 16], out: &mut [u8; 34]) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out[0] = b'<';
    for (i, b) in bytes.iter().enumerate() {
        out[1 + 2 * i] = HEX[usize::from(b >> 4)];
        out[2 + 2 * i] = HEX[usize::from(b & 15)];
    }
    out[33] = b'>';
}

/// A 128-bit fingerprint of the bytes (two FNV-style lanes over 8-byte words):
/// not cryptographic, only stable and sensitive to any change.
fn fingerprint(data: &[u8]) -> [u8; 16] {
    let mut a: u64 = 0xcbf2_9ce4_8422_2325;
    let mut b: u64 = 0x6c62_272e_07bb_0142;
    let mut words = data.chunks_exact(8);
    for w in &mut words {
        let v = u64::from_le_bytes(w.try_into().expect("8 bytes"));
        a = (a ^ v).wrapping_mul(0x0000_0100_0000_01b3);
        b = (b ^ v.rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
    for &byte in words.remainder() {
        a = (a ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
        b = (b ^ u64::from(byte)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
    a ^= data.len() as u64;
    let mut out = [0u8; 16];
    out[..8].copy_from_slice(&a.to_be_bytes());
    out[8..].copy_from_slice(&b.to_be_bytes());
    out
}
