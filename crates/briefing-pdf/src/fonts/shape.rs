//! Shaping: a run of text in one face becomes glyphs with kerned advances and
//! ligatures, through harfrust (HarfBuzz's Rust port).
//!
//! Results are cached per font program, feature set and text: words repeat a lot,
//! and shaping is a pure function of the three, so a hit gives the same glyphs.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};

use briefing_model::Bytes;
use harfrust::{Buffer, Direction, Feature, ShapeOptions, ShapePlan, ShaperFont, Tag};

/// Which OpenType features shaping applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Features {
    /// Running text: kerning and standard ligatures (`liga`); no contextual or
    /// discretionary ones.
    Text,
    /// Code: no kerning and no ligatures at all, so monospace stays monospaced.
    Code,
}

impl Features {
    fn index(self) -> usize {
        match self {
            Features::Text => 0,
            Features::Code => 1,
        }
    }

    /// The user features handed to the shaper (on top of the required ones:
    /// `ccmp`, `locl`, `rlig`, mark positioning).
    fn list(self) -> Vec<Feature> {
        let set = |tag: &[u8; 4], on: bool| Feature::new(Tag::new(tag), u32::from(on), ..);
        let text = self == Features::Text;
        vec![
            set(b"kern", text),
            set(b"liga", text),
            set(b"clig", false),
            set(b"calt", false),
            set(b"dlig", false),
            set(b"hlig", false),
        ]
    }
}

/// One shaped glyph.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Glyph {
    /// Glyph id in the full font program.
    pub(crate) gid: u16,
    /// Advance in 1/1000 em as shaped, kerning included.
    pub(crate) advance: f32,
    /// Horizontal displacement from the pen in 1/1000 em (mark positioning).
    pub(crate) dx: f32,
    /// Bytes of the source text this glyph stands for, from where the previous
    /// glyph's text ended: two or more for a ligature, 0 for a further glyph of
    /// the same cluster.
    pub(crate) len: u32,
    /// The glyph is what the cmap maps its one character to, so it can be written
    /// as that character.
    pub(crate) nominal: bool,
}

/// Shaped text: its glyphs, in order.
pub(crate) type Shaped = Arc<[Glyph]>;

/// The total advance of glyphs in 1/1000 em.
pub(crate) fn advance(glyphs: &[Glyph]) -> f32 {
    glyphs.iter().map(|g| g.advance).sum()
}

/// Words cached per font program and feature set at most; past it the cache
/// starts over (a long batch of very different documents).
const WORD_LIMIT: usize = 50_000;

/// A shaping plan with the script and features it was made for.
type Plan = (Option<harfrust::Script>, Features, Arc<ShapePlan>);

/// A font program ready for shaping, with its plans and the words shaped so far.
pub(super) struct Shaper {
    font: harfrust::Font,
    /// Scale from font units to 1/1000 em.
    scale: f32,
    /// Plans by script and feature set; a handful per document.
    plans: Mutex<Vec<Plan>>,
    /// Shaped words by feature set; read far more often than written, also by
    /// documents rendered in parallel.
    words: [RwLock<HashMap<Box<str>, Shaped>>; 2],
}

impl std::fmt::Debug for Shaper {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shaper")
            .field("scale", &self.scale)
            .finish()
    }
}

impl Shaper {
    /// Prepares `data` (the whole font file, face 0) for shaping.
    pub(super) fn new(data: &Bytes, units_per_em: u16) -> Option<Shaper> {
        let blob: Arc<dyn AsRef<[u8]> + Send + Sync> = Arc::new(data.clone());
        let font = harfrust::Font::new(blob, 0)?;
        Some(Shaper {
            font,
            scale: 1000.0 / f32::from(units_per_em.max(1)),
            plans: Mutex::default(),
            words: Default::default(),
        })
    }

    /// The glyphs of `text`, from the cache or shaped now.
    pub(super) fn shape(&self, text: &str, features: Features) -> Option<Shaped> {
        let words = &self.words[features.index()];
        if let Some(hit) = words.read().ok()?.get(text) {
            return Some(hit.clone());
        }
        let shaped: Shaped = self.shape_uncached(text, features)?.into();
        let mut cache = words.write().ok()?;
        if cache.len() >= WORD_LIMIT {
            cache.clear();
        }
        cache.insert(text.into(), shaped.clone());
        Some(shaped)
    }

    fn plan(&self, script: Option<harfrust::Script>, features: Features) -> Option<Arc<ShapePlan>> {
        let mut plans = self.plans.lock().ok()?;
        if let Some((_, _, p)) = plans
            .iter()
            .find(|(s, f, _)| *s == script && *f == features)
        {
            return Some(p.clone());
        }
        let plan = Arc::new(ShapePlan::new(
            &self.font,
            Direction::LeftToRight,
            script,
            None,
            &features.list(),
        ));
        plans.push((script, features, plan.clone()));
        Some(plan)
    }

    fn shape_uncached(&self, text: &str, features: Features) -> Option<Vec<Glyph>> {
        let mut buffer = Buffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        // No bidirectional layout: every run is set left to right.
        buffer.set_direction(Direction::LeftToRight);
        let plan = self.plan(buffer.script(), features)?;
        let font = ShaperFont::new(&self.font);
        let feats = features.list();
        let options = ShapeOptions::new().plan(Some(&plan)).features(&feats);
        harfrust::shape(&font, &mut buffer, options).ok()?;
        let infos = buffer.glyph_infos();
        let positions = buffer.glyph_positions();
        // Clusters are byte offsets into `text`; left to right they never decrease.
        if infos.windows(2).any(|w| w[1].cluster < w[0].cluster) {
            return None;
        }
        let mut glyphs = Vec::with_capacity(infos.len());
        for (i, (info, pos)) in infos.iter().zip(positions).enumerate() {
            let start = info.cluster as usize;
            let first = i == 0 || infos[i - 1].cluster != info.cluster;
            let end = infos[i + 1..]
                .iter()
                .map(|n| n.cluster as usize)
                .find(|c| *c != start)
                .unwrap_or(text.len());
            let gid = u16::try_from(info.glyph_id).unwrap_or(0);
            let source = if first { &text[start..end] } else { "" };
            let mut chars = source.chars();
            let nominal = match (chars.next(), chars.next()) {
                (Some(c), None) => font
                    .nominal_glyph(u32::from(c))
                    .is_some_and(|g| g.to_u32() == u32::from(gid) && gid != 0),
                _ => false,
            };
            glyphs.push(Glyph {
                gid,
                advance: pos.x_advance as f32 * self.scale,
                dx: pos.x_offset as f32 * self.scale,
                len: source.len() as u32,
                nominal,
            });
        }
        // The first glyph must start the text, so every byte is covered once.
        if infos.first().is_some_and(|i| i.cluster != 0) {
            return None;
        }
        Some(glyphs)
    }
}
