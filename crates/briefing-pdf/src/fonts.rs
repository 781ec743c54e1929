//! Font faces and text measurement: the one place widths come from.
//!
//! Layout breaks lines with shaped widths (kerning and ligatures, see [`shape`])
//! and the writer draws those very glyphs from the same font programs, so what is
//! measured is what is drawn. Nominal advances are truncated to 1/1000 em exactly
//! as the PDF `/W` array records them; the writer adds the difference to the
//! shaped advance as a `TJ` adjustment.

mod shape;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::tables::cmap::Cmap;
use allsorts::tables::{FontTableProvider, HeadTable, HheaTable, HmtxTable, MaxpTable};
use allsorts::tag;
use briefing_model::{Bytes, FontFile, Theme};

use crate::error::Error;
use shape::Shaper;
pub(crate) use shape::{Features, Glyph, Shaped, advance};

/// A font role of the theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Family {
    /// Running text.
    Body,
    /// Headings and the title block.
    Heading,
    /// Code.
    Code,
    /// Page furniture: running header, footer, page numbers, banners.
    Furniture,
}

/// One of the sixteen faces: a family in one of four styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct FaceId(u8);

impl FaceId {
    /// The face of `family` for a combination of bold and italic.
    pub(crate) fn new(family: Family, bold: bool, italic: bool) -> FaceId {
        let f = match family {
            Family::Body => 0,
            Family::Heading => 4,
            Family::Code => 8,
            Family::Furniture => 12,
        };
        FaceId(f + u8::from(bold) + 2 * u8::from(italic))
    }

    /// Index from 0 to 15, for tables of faces.
    pub(crate) fn index(self) -> usize {
        usize::from(self.0)
    }

    /// The family.
    pub(crate) fn family(self) -> Family {
        match self.0 / 4 {
            0 => Family::Body,
            1 => Family::Heading,
            2 => Family::Code,
            _ => Family::Furniture,
        }
    }

    /// Whether the face is bold.
    pub(crate) fn bold(self) -> bool {
        self.0 % 2 == 1
    }

    /// Whether the face is italic.
    pub(crate) fn italic(self) -> bool {
        self.0 % 4 >= 2
    }

    /// A short stable name for dumps, such as `body-bold`.
    pub(crate) fn name(self) -> &'static str {
        const NAMES: [&str; 16] = [
            "body",
            "body-bold",
            "body-italic",
            "body-bold-italic",
            "heading",
            "heading-bold",
            "heading-italic",
            "heading-bold-italic",
            "code",
            "code-bold",
            "code-italic",
            "code-bold-italic",
            "furniture",
            "furniture-bold",
            "furniture-italic",
            "furniture-bold-italic",
        ];
        NAMES[self.index()]
    }

    /// All sixteen faces, in index order.
    pub(crate) fn all() -> impl Iterator<Item = FaceId> {
        (0..16).map(FaceId)
    }
}

/// What we read from one font program: its cmap and advances.
#[derive(Debug)]
pub(crate) struct Metrics {
    /// Glyph id of each Basic Multilingual Plane character (0: none); a table,
    /// not a map, because every character of a document is looked up.
    bmp: Vec<u16>,
    /// Glyph ids of characters beyond the BMP.
    astral: HashMap<u32, u16>,
    /// Advance of each glyph in 1/1000 em, truncated as `/W` records it.
    advances: Vec<u16>,
    /// The font ready for shaping (`None`: the shaper cannot read it, so glyphs
    /// are the cmap's with nominal advances).
    shaper: Option<Shaper>,
    /// What the PDF font descriptor says about the font.
    pub(crate) descriptor: Descriptor,
}

/// The font-wide values a PDF font descriptor records, in font units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Descriptor {
    pub(crate) units_per_em: u16,
    /// `head`'s bounding box of all glyphs: x min, y min, x max, y max.
    pub(crate) bbox: [i16; 4],
    /// `hhea`'s ascender and descender.
    pub(crate) ascent: i16,
    pub(crate) descent: i16,
    /// `hhea`'s caret slope (rise, run): upright when run is 0.
    pub(crate) caret_slope: (i16, i16),
    /// `OS/2`'s weight class, 0 when the table is missing.
    pub(crate) weight: u16,
    /// Whether the outlines are CFF (an OpenType `OTTO` font) rather than TrueType.
    pub(crate) cff: bool,
}

impl Metrics {
    /// The glyph of `ch`, 0 when the font has none.
    fn gid(&self, ch: char) -> u16 {
        let cp = u32::from(ch);
        match self.bmp.get(cp as usize) {
            Some(g) => *g,
            None => self.astral.get(&cp).copied().unwrap_or(0),
        }
    }

    /// Parses the cmap and horizontal metrics of a TrueType or OpenType font.
    fn parse(data: &Bytes) -> Option<Metrics> {
        let bytes: &[u8] = data;
        let file = ReadScope::new(bytes).read::<FontData<'_>>().ok()?;
        let provider = file.table_provider(0).ok()?;
        let read = |t| provider.read_table_data(t).ok();
        let head_data = read(tag::HEAD)?;
        let head = ReadScope::new(&head_data).read::<HeadTable>().ok()?;
        let maxp_data = read(tag::MAXP)?;
        let maxp = ReadScope::new(&maxp_data).read::<MaxpTable>().ok()?;
        let hhea_data = read(tag::HHEA)?;
        let hhea = ReadScope::new(&hhea_data).read::<HheaTable>().ok()?;
        let cmap_data = read(tag::CMAP)?;
        let cmap_table = ReadScope::new(&cmap_data).read::<Cmap<'_>>().ok()?;
        let (_, subtable) = allsorts::font::read_cmap_subtable(&cmap_table).ok()??;
        let mut bmp = vec![0u16; 0x10000];
        let mut astral = HashMap::new();
        subtable
            .mappings_fn(|cp, gid| match bmp.get_mut(cp as usize) {
                Some(slot) => *slot = gid,
                None => {
                    astral.insert(cp, gid);
                }
            })
            .ok()?;
        let hmtx_data = read(tag::HMTX)?;
        let hmtx = ReadScope::new(&hmtx_data)
            .read_dep::<HmtxTable<'_>>((
                usize::from(maxp.num_glyphs),
                usize::from(hhea.num_h_metrics),
            ))
            .ok()?;
        let scale = 1000.0 / f32::from(head.units_per_em.max(1));
        let advances = (0..maxp.num_glyphs)
            .map(|gid| (f32::from(hmtx.horizontal_advance(gid).unwrap_or(0)) * scale) as u16)
            .collect();
        let weight = read(tag::OS_2)
            .and_then(|d| {
                ReadScope::new(&d)
                    .read_dep::<allsorts::tables::os2::Os2>(d.len())
                    .ok()
                    .map(|os2| os2.us_weight_class)
            })
            .unwrap_or(0);
        let descriptor = Descriptor {
            units_per_em: head.units_per_em,
            bbox: [head.x_min, head.y_min, head.x_max, head.y_max],
            ascent: hhea.ascender,
            descent: hhea.descender,
            caret_slope: (hhea.caret_slope_rise, hhea.caret_slope_run),
            weight,
            cff: bytes.starts_with(b"OTTO"),
        };
        Some(Metrics {
            bmp,
            astral,
            advances,
            shaper: Shaper::new(data, head.units_per_em),
            descriptor,
        })
    }
}

/// Parsed metrics are cached per font program for the life of the process: a
/// theme's fonts are shared [`Bytes`], and parsing them costs more than a render.
/// The cache holds a clone, so an address can never be reused by other bytes.
fn cached_metrics(data: &Bytes) -> Option<Arc<Metrics>> {
    type Cache = Mutex<Vec<(Bytes, Arc<Metrics>)>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let cache = CACHE.get_or_init(Mutex::default);
    if let Some((_, m)) = cache.lock().ok()?.iter().find(|(d, _)| d.same(data)) {
        return Some(m.clone());
    }
    let metrics = Arc::new(Metrics::parse(data)?);
    let mut guard = cache.lock().ok()?;
    // Themes loaded from disk in a long batch could grow this without bound.
    if guard.len() > 64 {
        guard.clear();
    }
    guard.push((data.clone(), metrics.clone()));
    Some(metrics)
}

/// The theme's sixteen faces with their metrics and font programs.
#[derive(Debug)]
pub(crate) struct FontSet {
    /// Metrics by `FaceId::index`.
    metrics: Vec<Arc<Metrics>>,
    /// Font files by `FaceId::index`.
    files: Vec<FontFile>,
    /// For each face, the first face with the same font program (itself if none),
    /// so a file shared by two roles is embedded once.
    canonical: Vec<FaceId>,
}

impl FontSet {
    /// Reads the metrics of every face of the theme.
    pub(crate) fn new(theme: &Theme) -> Result<FontSet, Error> {
        let mut metrics = Vec::with_capacity(16);
        let mut files = Vec::with_capacity(16);
        for face in FaceId::all() {
            let family = match face.family() {
                Family::Body => &theme.fonts.body,
                Family::Heading => &theme.fonts.heading,
                Family::Code => &theme.fonts.code,
                Family::Furniture => &theme.fonts.furniture,
            };
            let file = family.face(face.bold(), face.italic()).clone();
            let m = cached_metrics(&file.data).ok_or_else(|| Error::Font {
                path: file.path.clone(),
            })?;
            metrics.push(m);
            files.push(file);
        }
        let canonical = FaceId::all()
            .map(|face| {
                let data = &files[face.index()].data;
                FaceId::all()
                    .find(|f| {
                        let other = &files[f.index()].data;
                        other.same(data) || (other.len() == data.len() && other[..] == data[..])
                    })
                    .unwrap_or(face)
            })
            .collect();
        Ok(FontSet {
            metrics,
            files,
            canonical,
        })
    }

    /// The face that stands for `face` in the PDF: the first with the same font program.
    pub(crate) fn canonical(&self, face: FaceId) -> FaceId {
        self.canonical[face.index()]
    }

    /// The descriptor values of a face's font.
    pub(crate) fn descriptor(&self, face: FaceId) -> Descriptor {
        self.metrics[face.index()].descriptor
    }

    /// The font file of a face.
    pub(crate) fn file(&self, face: FaceId) -> &FontFile {
        &self.files[face.index()]
    }

    /// The glyph for `ch` in `face`, if the face has one.
    pub(crate) fn glyph(&self, face: FaceId, ch: char) -> Option<u16> {
        Some(self.metrics[face.index()].gid(ch)).filter(|g| *g != 0)
    }

    /// The face that draws `ch`: `face` itself, else the nearest face of the theme that
    /// has the character (same family first, then the same style in other families).
    pub(crate) fn resolve(&self, face: FaceId, ch: char) -> Option<FaceId> {
        if self.glyph(face, ch).is_some() {
            return Some(face);
        }
        let families = [
            face.family(),
            Family::Body,
            Family::Heading,
            Family::Code,
            Family::Furniture,
        ];
        let styles = [
            (face.bold(), face.italic()),
            (false, false),
            (true, false),
            (false, true),
            (true, true),
        ];
        families
            .iter()
            .flat_map(|f| styles.iter().map(move |(b, i)| FaceId::new(*f, *b, *i)))
            .find(|cand| self.glyph(*cand, ch).is_some())
    }

    /// The advance of `ch` in 1/1000 em (that of .notdef for a character the face lacks).
    pub(crate) fn advance(&self, face: FaceId, ch: char) -> u32 {
        let m = &self.metrics[face.index()];
        u32::from(m.advances.get(usize::from(m.gid(ch))).copied().unwrap_or(0))
    }

    /// The nominal advance of a glyph in 1/1000 em, as the PDF `/W` array records it.
    pub(crate) fn glyph_advance(&self, face: FaceId, gid: u16) -> u32 {
        let m = &self.metrics[face.index()];
        u32::from(m.advances.get(usize::from(gid)).copied().unwrap_or(0))
    }

    /// The glyphs of `text` set in `face`: shaped with `features`, or the cmap's
    /// glyphs at their nominal advances if the shaper cannot read the font.
    pub(crate) fn shape(&self, face: FaceId, text: &str, features: Features) -> Shaped {
        let m = &self.metrics[face.index()];
        if let Some(glyphs) = m.shaper.as_ref().and_then(|s| s.shape(text, features)) {
            return glyphs;
        }
        text.chars()
            .map(|c| {
                let gid = m.gid(c);
                Glyph {
                    gid,
                    advance: f32::from(m.advances.get(usize::from(gid)).copied().unwrap_or(0)),
                    dx: 0.0,
                    len: c.len_utf8() as u32,
                    nominal: gid != 0,
                }
            })
            .collect()
    }

    /// The glyphs of `text` set word by word as running text, each space shaped on its
    /// own: a run whose spaces may stretch (leaders, page numbers) is drawn from these.
    pub(crate) fn shape_words(&self, face: FaceId, text: &str) -> Vec<Glyph> {
        let mut glyphs = Vec::new();
        for (k, word) in text.split(' ').enumerate() {
            if k > 0 {
                glyphs.extend_from_slice(&self.shape(face, " ", Features::Text));
            }
            if !word.is_empty() {
                glyphs.extend_from_slice(&self.shape(face, word, Features::Text));
            }
        }
        glyphs
    }

    /// The width of `text` shaped as running text in `face` at `size` points.
    pub(crate) fn width(&self, face: FaceId, text: &str, size: f32) -> f32 {
        advance(&self.shape(face, text, Features::Text)) * size / 1000.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set() -> FontSet {
        FontSet::new(&briefing_model::builtin("briefing").unwrap()).unwrap()
    }

    #[test]
    fn faces_round_trip_their_style() {
        for face in FaceId::all() {
            assert_eq!(FaceId::new(face.family(), face.bold(), face.italic()), face);
        }
        assert_eq!(
            FaceId::new(Family::Heading, true, false).name(),
            "heading-bold"
        );
    }

    #[test]
    fn bold_is_wider_than_regular_and_mono_is_even() {
        let fonts = set();
        let body = FaceId::new(Family::Body, false, false);
        let bold = FaceId::new(Family::Body, true, false);
        assert!(fonts.width(bold, "Summit", 10.0) > fonts.width(body, "Summit", 10.0));
        let code = FaceId::new(Family::Code, false, false);
        assert_eq!(
            fonts.width(code, "iiii", 10.0),
            fonts.width(code, "MMMM", 10.0)
        );
    }

    #[test]
    fn missing_characters_fall_back_or_are_reported() {
        let fonts = set();
        let body = FaceId::new(Family::Body, false, false);
        assert_eq!(fonts.resolve(body, 'é'), Some(body));
        assert_eq!(fonts.resolve(body, '\u{E000}'), None);
    }
}
