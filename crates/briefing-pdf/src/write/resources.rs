//! Resources: theme fonts subset to the glyphs drawn, and images as XObjects.

use std::collections::{BTreeMap, BTreeSet};

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{CmapTarget, SubsetProfile, subset};
use printpdf::{DictItem, ExternalStream, ExternalXObject, ParsedFont, XObject};

use super::font_id;
use crate::error::Error;
use crate::fonts::{FaceId, FontSet};
use crate::images::{Image, ImageData};

/// Subsets a face to the glyphs of `chars` and names it `TAG+PostScriptName`.
pub(super) fn subset_face(
    fonts: &FontSet,
    face: FaceId,
    chars: &BTreeSet<char>,
) -> Result<ParsedFont, Error> {
    let file = fonts.file(face);
    let err = |message: String| Error::Subset {
        path: file.path.clone(),
        message,
    };
    // .notdef must stay glyph 0.
    let mut gids: Vec<u16> = vec![0];
    let set: BTreeSet<u16> = chars.iter().filter_map(|c| fonts.glyph(face, *c)).collect();
    gids.extend(set);
    let data = ReadScope::new(&file.data)
        .read::<FontData<'_>>()
        .map_err(|e| err(e.to_string()))?;
    let provider = data.table_provider(0).map_err(|e| err(e.to_string()))?;
    let bytes = subset(&provider, &gids, &SubsetProfile::Pdf, CmapTarget::Unicode)
        .map_err(|e| err(e.to_string()))?;
    let mut font = ParsedFont::from_bytes(&bytes, 0, &mut Vec::new())
        .ok_or_else(|| err("subset unreadable".into()))?;
    font.font_name = Some(format!("{}+{}", font_id(face).0, file.stem()));
    Ok(font)
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
