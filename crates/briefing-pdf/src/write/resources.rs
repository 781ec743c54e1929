//! Resources: theme fonts subset to the glyphs drawn, and images as XObjects.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex, OnceLock};

use briefing_model::Bytes;
use printpdf::{DictItem, ExternalStream, ExternalXObject, XObject, XObjectId};
use subsetter::GlyphRemapper;

use super::file::deflate;
use crate::error::Error;
use crate::fonts::{Descriptor, FaceId, FontSet};
use crate::images::{Image, ImageData};

/// Our own font ids: six capital letters, which are also the subset tag. Fixed
/// ids keep output independent of printpdf's process-wide id counter.
pub(super) fn font_id(face: FaceId) -> String {
    format!("BRFNT{}", char::from(b'A' + face.index() as u8))
}

/// Our own image ids, for the same reason.
pub(super) fn image_id(index: usize) -> XObjectId {
    XObjectId(format!("Im{index}"))
}

/// A face subset for embedding.
#[derive(Debug, Clone)]
pub(crate) struct Subset {
    /// `TAG+PostScriptName`.
    pub(crate) name: String,
    /// The font program: only the kept glyphs, renumbered in subset order, and only
    /// the tables a PDF CID font needs (no cmap: the content addresses glyphs by id).
    pub(crate) program: Arc<[u8]>,
    /// The program Flate-compressed, if that makes it smaller.
    pub(crate) packed: Arc<Option<Vec<u8>>>,
    /// The full font's descriptor values (the subset keeps its metrics).
    pub(crate) descriptor: Descriptor,
}

/// Subsets a face to `glyphs` (ids in the full font, ligatures included) and names
/// it `TAG+PostScriptName`. Also returns the glyphs in subset order: a glyph's id in
/// the subset is its position in that list.
pub(super) fn subset_face(
    fonts: &FontSet,
    face: FaceId,
    glyphs: &BTreeSet<u16>,
) -> Result<(Subset, Vec<u16>), Error> {
    let file = fonts.file(face);
    // .notdef must stay glyph 0; the others follow in ascending order.
    let mut gids: Vec<u16> = vec![0];
    gids.extend(glyphs.iter().copied().filter(|g| *g != 0));
    let (program, packed) = match cached_subset(&file.data, &gids) {
        Some(hit) => hit,
        None => {
            let mut remapper = GlyphRemapper::new();
            for g in &gids {
                remapper.remap(*g);
            }
            let bytes = subsetter::subset(&file.data, 0, &remapper).map_err(|e| Error::Subset {
                path: file.path.clone(),
                message: e.to_string(),
            })?;
            let packed = Arc::new(deflate(&bytes)?);
            let program: Arc<[u8]> = bytes.into();
            store_subset(&file.data, gids.clone(), &program, &packed);
            (program, packed)
        }
    };
    let subset = Subset {
        name: format!("{}+{}", font_id(face), file.stem()),
        program,
        packed,
        descriptor: fonts.descriptor(face),
    };
    Ok((subset, gids))
}

/// A subset program and its compressed form.
type Programs = (Arc<[u8]>, Arc<Option<Vec<u8>>>);

/// Subsets already made in this process, by font program (its address; the entry
/// holds the `Arc`, so the address cannot be reused by other bytes) and glyph list.
/// Subsetting is a pure function of the two, so a hit gives the same bytes; it
/// saves subsetting and compressing again when the same document (or one with the
/// same glyphs) is rendered again, as in `watch` or a benchmark.
type SubsetCache = Mutex<HashMap<((usize, usize), Vec<u16>), (Bytes, Programs)>>;

/// The process-wide subset cache.
fn subset_cache() -> &'static SubsetCache {
    static CACHE: OnceLock<SubsetCache> = OnceLock::new();
    CACHE.get_or_init(Mutex::default)
}

/// Entries kept at most; a long batch of different documents starts over past it.
const SUBSET_CACHE_LIMIT: usize = 256;

/// The subset of `data` to `gids`, if made before.
fn cached_subset(data: &Bytes, gids: &[u16]) -> Option<Programs> {
    let cache = subset_cache().lock().ok()?;
    let key = (data.address(), gids.to_vec());
    cache.get(&key).map(|(_, programs)| programs.clone())
}

/// Remembers a subset.
fn store_subset(data: &Bytes, gids: Vec<u16>, program: &Arc<[u8]>, packed: &Arc<Option<Vec<u8>>>) {
    if let Ok(mut cache) = subset_cache().lock() {
        if cache.len() >= SUBSET_CACHE_LIMIT {
            cache.clear();
        }
        let key = (data.address(), gids);
        cache.insert(key, (data.clone(), (program.clone(), packed.clone())));
    }
}

/// An image as an XObject: JPEG bytes untouched, pixels Flate-compressed with an alpha mask.
pub(super) fn image_xobject(img: &Image) -> XObject {
    let mut dict = BTreeMap::new();
    let name = |s: &str| DictItem::Name(s.as_bytes().to_vec());
    dict.insert("Type".to_owned(), name("XObject"));
    dict.insert("Subtype".to_owned(), name("Image"));
    dict.insert("Width".to_owned(), DictItem::Int(i64::from(img.width)));
    dict.insert("Height".to_owned(), DictItem::Int(i64::from(img.height)));
    dict.insert("BitsPerComponent".to_owned(), DictItem::Int(8));
    let space = |n: u8| match n {
        1 => "DeviceGray",
        4 => "DeviceCMYK",
        _ => "DeviceRGB",
    };
    let (content, compress) = match &img.data {
        ImageData::Jpeg { bytes, components } => {
            dict.insert("ColorSpace".to_owned(), name(space(*components)));
            dict.insert("Filter".to_owned(), name("DCTDecode"));
            if *components == 4 {
                // Adobe writes CMYK JPEGs inverted.
                let decode = [1, 0, 1, 0, 1, 0, 1, 0].map(DictItem::Int).to_vec();
                dict.insert("Decode".to_owned(), DictItem::Array(decode));
            }
            (bytes.clone(), false)
        }
        ImageData::Pixels {
            channels,
            samples,
            alpha,
        } => {
            dict.insert("ColorSpace".to_owned(), name(space(*channels)));
            if let Some(a) = alpha {
                let mut mask = BTreeMap::new();
                mask.insert("Type".to_owned(), name("XObject"));
                mask.insert("Subtype".to_owned(), name("Image"));
                mask.insert("Width".to_owned(), DictItem::Int(i64::from(img.width)));
                mask.insert("Height".to_owned(), DictItem::Int(i64::from(img.height)));
                mask.insert("BitsPerComponent".to_owned(), DictItem::Int(8));
                mask.insert("ColorSpace".to_owned(), name("DeviceGray"));
                let stream = ExternalStream {
                    dict: mask,
                    content: a.clone(),
                    compress: true,
                };
                dict.insert("SMask".to_owned(), DictItem::Stream { stream });
            }
            (samples.clone(), true)
        }
    };
    XObject::External(ExternalXObject {
        stream: ExternalStream {
            dict,
            content,
            compress,
        },
        width: None,
        height: None,
        dpi: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::Family;

    /// Glyph count, and each glyph's advance and outline bytes, read back from a font program.
    fn glyphs_of(program: &[u8]) -> Vec<(u16, Vec<u8>)> {
        use allsorts::binary::read::ReadScope;
        use allsorts::font_data::FontData;
        use allsorts::tables::loca::LocaTable;
        use allsorts::tables::{FontTableProvider, HeadTable, HheaTable, HmtxTable, MaxpTable};
        use allsorts::tag;
        let file = ReadScope::new(program).read::<FontData<'_>>().unwrap();
        let p = file.table_provider(0).unwrap();
        let table = |t| p.read_table_data(t).unwrap().into_owned();
        let (head, maxp, hhea) = (table(tag::HEAD), table(tag::MAXP), table(tag::HHEA));
        let head = ReadScope::new(&head).read::<HeadTable>().unwrap();
        let maxp = ReadScope::new(&maxp).read::<MaxpTable>().unwrap();
        let hhea = ReadScope::new(&hhea).read::<HheaTable>().unwrap();
        let n = maxp.num_glyphs;
        let hmtx = table(tag::HMTX);
        let hmtx = ReadScope::new(&hmtx)
            .read_dep::<HmtxTable<'_>>((usize::from(n), usize::from(hhea.num_h_metrics)))
            .unwrap();
        let loca = table(tag::LOCA);
        let loca = ReadScope::new(&loca)
            .read_dep::<LocaTable<'_>>((n, head.index_to_loc_format))
            .unwrap();
        let offsets: Vec<usize> = loca.offsets.iter().map(|o| o as usize).collect();
        let glyf = table(tag::GLYF);
        (0..n)
            .map(|g| {
                let (a, b) = (offsets[usize::from(g)], offsets[usize::from(g) + 1]);
                (hmtx.horizontal_advance(g).unwrap(), glyf[a..b].to_vec())
            })
            .collect()
    }

    #[test]
    fn a_subset_keeps_exactly_its_glyphs_and_a_cached_one_is_the_same() {
        let theme = briefing_model::builtin("briefing").unwrap();
        let fonts = FontSet::new(&theme).unwrap();
        let face = FaceId::new(Family::Body, false, false);
        // Characters no other test draws in this face, so the first call subsets.
        let glyphs =
            |s: &str| -> BTreeSet<u16> { s.chars().filter_map(|c| fonts.glyph(face, c)).collect() };
        let (fresh, order) = subset_face(&fonts, face, &glyphs("ŊŋĦħ")).unwrap();
        let (cached, _) = subset_face(&fonts, face, &glyphs("ŊŋĦħ")).unwrap();
        assert_eq!(fresh.program, cached.program);
        assert_eq!(fresh.packed, cached.packed);
        assert_eq!(order.len(), 5, "{order:?}");
        // Glyph k of the subset is glyph order[k] of the full font: same advance, same outline.
        let full = glyphs_of(&fonts.file(face).data);
        let sub = glyphs_of(&fresh.program);
        assert_eq!(sub.len(), 5);
        for (k, g) in order.iter().enumerate() {
            assert_eq!(sub[k].0, full[usize::from(*g)].0, "advance of glyph {g}");
            assert!(!sub[k].1.is_empty(), "glyph {g} has an outline");
            assert_eq!(sub[k].1.len(), full[usize::from(*g)].1.len(), "glyph {g}");
        }
        let (smaller, _) = subset_face(&fonts, face, &glyphs("ŊŋĦ")).unwrap();
        assert_ne!(smaller.program, fresh.program);
        assert_eq!(glyphs_of(&smaller.program).len(), 4);
        assert_eq!(fresh.name, "BRFNTA+NotoSerif-Regular");
    }
}
