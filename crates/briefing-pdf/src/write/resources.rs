//! Resources: theme fonts subset to the glyphs drawn, and images as XObjects.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex, OnceLock};

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{CmapTarget, SubsetProfile, subset};
use briefing_model::Bytes;
use printpdf::{DictItem, ExternalStream, ExternalXObject, ParsedFont, XObject};

use super::finish::deflate;
use super::font_id;
use crate::error::Error;
use crate::fonts::{FaceId, FontSet};
use crate::images::{Image, ImageData};

/// A subset font program, Flate-compressed once (`None`: stored as it is).
pub(super) type Packed = Arc<Option<Vec<u8>>>;

/// Subsets a face to `glyphs` (ids in the full font, ligatures included) and names
/// it `TAG+PostScriptName`. Also returns the glyphs in subset order (a glyph's id
/// in the subset is its position in that list) and the program compressed.
pub(super) fn subset_face(
    fonts: &FontSet,
    face: FaceId,
    glyphs: &BTreeSet<u16>,
) -> Result<(ParsedFont, Vec<u16>, Packed), Error> {
    let file = fonts.file(face);
    let err = |message: String| Error::Subset {
        path: file.path.clone(),
        message,
    };
    // .notdef must stay glyph 0.
    let mut gids: Vec<u16> = vec![0];
    gids.extend(glyphs.iter().copied().filter(|g| *g != 0));
    let (mut font, packed) = match cached_subset(&file.data, &gids) {
        Some(hit) => hit,
        None => {
            let data = ReadScope::new(&file.data)
                .read::<FontData<'_>>()
                .map_err(|e| err(e.to_string()))?;
            let provider = data.table_provider(0).map_err(|e| err(e.to_string()))?;
            let bytes = subset(&provider, &gids, &SubsetProfile::Pdf, CmapTarget::Unicode)
                .map_err(|e| err(e.to_string()))?;
            let font = ParsedFont::from_bytes(&bytes, 0, &mut Vec::new())
                .ok_or_else(|| err("subset unreadable".into()))?;
            let packed = Arc::new(deflate(&bytes)?);
            store_subset(&file.data, gids.clone(), &font, &packed);
            (font, packed)
        }
    };
    font.font_name = Some(format!("{}+{}", font_id(face), file.stem()));
    Ok((font, gids, packed))
}

/// Subsets already made in this process, by font program (its address; the entry
/// holds the `Arc`, so the address cannot be reused by other bytes) and glyph list.
/// Subsetting is a pure function of the two, so a hit gives the same bytes; it
/// saves the subsetter's walk over every glyph of the font, and compressing the
/// result, when the same document (or one with the same glyphs) is rendered
/// again, as in `watch` or a benchmark.
type SubsetCache = Mutex<HashMap<((usize, usize), Vec<u16>), (Bytes, ParsedFont, Packed)>>;

/// The process-wide subset cache.
fn subset_cache() -> &'static SubsetCache {
    static CACHE: OnceLock<SubsetCache> = OnceLock::new();
    CACHE.get_or_init(Mutex::default)
}

/// Entries kept at most; a long batch of different documents starts over past it.
const SUBSET_CACHE_LIMIT: usize = 256;

/// A copy of the subset of `data` to `gids`, if made before.
fn cached_subset(data: &Bytes, gids: &[u16]) -> Option<(ParsedFont, Packed)> {
    let cache = subset_cache().lock().ok()?;
    let key = (data.address(), gids.to_vec());
    cache
        .get(&key)
        .map(|(_, font, packed)| (font.clone(), packed.clone()))
}

/// Remembers a subset.
fn store_subset(data: &Bytes, gids: Vec<u16>, font: &ParsedFont, packed: &Packed) {
    if let Ok(mut cache) = subset_cache().lock() {
        if cache.len() >= SUBSET_CACHE_LIMIT {
            cache.clear();
        }
        let key = (data.address(), gids);
        cache.insert(key, (data.clone(), font.clone(), packed.clone()));
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

    #[test]
    fn a_cached_subset_is_the_subset_made_fresh() {
        let theme = briefing_model::builtin("briefing").unwrap();
        let fonts = FontSet::new(&theme).unwrap();
        let face = FaceId::new(Family::Body, false, false);
        // Characters no other test draws in this face, so the first call subsets.
        let glyphs =
            |s: &str| -> BTreeSet<u16> { s.chars().filter_map(|c| fonts.glyph(face, c)).collect() };
        let (fresh, order, packed) = subset_face(&fonts, face, &glyphs("ŊŋĦħ")).unwrap();
        let (cached, _, cached_packed) = subset_face(&fonts, face, &glyphs("ŊŋĦħ")).unwrap();
        assert_eq!(fresh, cached);
        assert_eq!(packed, cached_packed);
        assert_eq!(order.len(), 5, "{order:?}");
        // The subset's glyph for a character is the full font's at its place in the order.
        let full = fonts.glyph(face, 'Ŋ').unwrap();
        let at = order.iter().position(|g| *g == full).unwrap() as u16;
        assert_eq!(fresh.lookup_glyph_index(u32::from('Ŋ')), Some(at));
        let (smaller, _, _) = subset_face(&fonts, face, &glyphs("ŊŋĦ")).unwrap();
        assert_ne!(smaller.original_bytes, fresh.original_bytes);
        assert!(smaller.lookup_glyph_index(u32::from('ħ')).is_none());
    }
}
