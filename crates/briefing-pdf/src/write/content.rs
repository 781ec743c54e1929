//! Content streams written directly as bytes, and the embedded fonts they draw
//! with: our own writer is much cheaper than building printpdf operators and
//! having them formatted one by one, and it knows each glyph's subset id and text.

use super::resources::Subset;
use briefing_model::Rgb;
use lopdf::{Dictionary, Object, ObjectId, Stream};

/// A content stream being written: operands and operators, one operator a line.
#[derive(Debug, Default)]
pub(super) struct Content {
    pub(super) bytes: Vec<u8>,
}

const HEX: &[u8; 16] = b"0123456789abcdef";

impl Content {
    /// Raw bytes: operators, names, delimiters.
    pub(super) fn raw(&mut self, s: &[u8]) {
        self.bytes.extend_from_slice(s);
    }

    /// A number with at most `places` decimals (trailing zeros trimmed), then a space.
    pub(super) fn num(&mut self, v: f32, places: u32) {
        self.number(v, places);
        self.bytes.push(b' ');
    }

    /// A number with at most `places` decimals, trailing zeros trimmed: fixed
    /// point, so the same value always reads the same.
    pub(super) fn number(&mut self, v: f32, places: u32) {
        let scale = 10i64.pow(places);
        let scaled = if v.is_finite() {
            (f64::from(v) * scale as f64).round() as i64
        } else {
            0
        };
        if scaled < 0 {
            self.bytes.push(b'-');
        }
        let abs = scaled.unsigned_abs();
        let scale = scale as u64;
        self.integer(abs / scale);
        let mut frac = abs % scale;
        if frac != 0 {
            self.bytes.push(b'.');
            let mut digits = places;
            while frac.is_multiple_of(10) {
                frac /= 10;
                digits -= 1;
            }
            let start = self.bytes.len();
            for _ in 0..digits {
                self.bytes.push(b'0' + (frac % 10) as u8);
                frac /= 10;
            }
            self.bytes[start..].reverse();
        }
    }

    /// A non-negative integer.
    pub(super) fn integer(&mut self, mut n: u64) {
        let mut buf = [0u8; 20];
        let mut i = buf.len();
        loop {
            i -= 1;
            buf[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.bytes.extend_from_slice(&buf[i..]);
    }

    /// A two-byte code as four hex digits (inside a hex string).
    pub(super) fn code(&mut self, code: u16) {
        let [hi, lo] = code.to_be_bytes();
        self.bytes.extend_from_slice(&[
            HEX[usize::from(hi >> 4)],
            HEX[usize::from(hi & 15)],
            HEX[usize::from(lo >> 4)],
            HEX[usize::from(lo & 15)],
        ]);
    }

    /// A colour's three components, then `op` (`rg` fill, `RG` stroke).
    pub(super) fn color(&mut self, c: Rgb, op: &[u8]) {
        for v in c.unit() {
            self.num(v, 4);
        }
        self.raw(op);
    }
}

/// An embedded face as the writer uses it: its subset and the text of its glyphs.
#[derive(Debug)]
pub(super) struct FontUse {
    /// The resource name, which is also the subset tag.
    pub(super) name: String,
    /// The subset: its font name, program and descriptor values.
    pub(super) font: Subset,
    /// Glyphs of the full font in subset order: a glyph's subset id is its index.
    pub(super) gids: Vec<u16>,
    /// Subset id by full-font glyph id (0 for glyphs not in the subset).
    subset_id: Vec<u16>,
    /// The text each subset glyph stands for, and whether it is the glyph's own
    /// character (the cmap's), which wins over a shaped substitution's text.
    text: Vec<Option<(String, bool)>>,
}

impl FontUse {
    pub(super) fn new(name: String, font: Subset, gids: Vec<u16>) -> FontUse {
        let max = gids.iter().copied().max().unwrap_or(0);
        let mut subset_id = vec![0u16; usize::from(max) + 1];
        for (i, g) in gids.iter().enumerate() {
            subset_id[usize::from(*g)] = i as u16;
        }
        let text = vec![None; gids.len()];
        FontUse {
            name,
            font,
            gids,
            subset_id,
            text,
        }
    }

    /// The subset id of a full-font glyph, recording the text it stands for.
    pub(super) fn code(&mut self, gid: u16, text: &str, nominal: bool) -> u16 {
        let id = self.subset_id.get(usize::from(gid)).copied().unwrap_or(0);
        if !text.is_empty()
            && let Some(slot) = self.text.get_mut(usize::from(id))
        {
            match slot {
                None => *slot = Some((text.to_owned(), nominal)),
                Some((_, false)) if nominal => *slot = Some((text.to_owned(), true)),
                Some(_) => {}
            }
        }
        id
    }

    /// The font's objects added to `lo`; returns the Type0 font dictionary's id.
    /// `advance` gives a full-font glyph's advance in 1/1000 em, as layout measured it.
    pub(super) fn write(&self, lo: &mut lopdf::Document, advance: impl Fn(u16) -> u32) -> ObjectId {
        let name = || Object::Name(self.font.name.clone().into_bytes());
        let program = &self.font.program;
        let otto = self.font.descriptor.cff;
        let mut file_dict = Dictionary::new();
        if otto {
            file_dict.set("Subtype", Object::Name(b"OpenType".to_vec()));
        } else {
            file_dict.set("Length1", Object::Integer(program.len() as i64));
        }
        // Compressed with the subset and cached with it: `compress` leaves a stream
        // that has a filter alone.
        let file = match self.font.packed.as_ref() {
            Some(packed) => {
                file_dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
                Stream::new(file_dict, packed.clone())
            }
            None => Stream::new(file_dict, program.to_vec()),
        };
        let file = lo.add_object(Object::Stream(file));

        // The descriptor, as printpdf writes it from the same metrics.
        let m = &self.font.descriptor;
        let upm = m.units_per_em;
        let scale = if upm == 0 {
            1.0
        } else {
            1000.0 / f32::from(upm)
        };
        let scaled = |v: i16| (f32::from(v) * scale).round() as i64;
        let ascent = scaled(m.ascent);
        let descent = scaled(m.descent);
        let (rise, run) = m.caret_slope;
        let italic_angle = if rise == 0 {
            0
        } else {
            (-f32::from(run).atan2(f32::from(rise)).to_degrees()).round() as i64
        };
        // Non-symbolic, and italic when slanted (PDF 32000-1 Table 123).
        let flags = (1 << 5) | if italic_angle != 0 { 1 << 6 } else { 0 };
        // Estimated from the weight class, as producers conventionally do.
        let stem_v = if m.weight == 0 {
            80
        } else {
            50 + (f32::from(m.weight) / 65.0).powi(2).round() as i64
        };
        let mut desc = Dictionary::new();
        desc.set("Type", Object::Name(b"FontDescriptor".to_vec()));
        desc.set("FontName", name());
        desc.set("Flags", Object::Integer(flags));
        desc.set(
            "FontBBox",
            Object::Array(m.bbox.iter().map(|v| Object::Integer(scaled(*v))).collect()),
        );
        desc.set("ItalicAngle", Object::Integer(italic_angle));
        desc.set("Ascent", Object::Integer(ascent));
        desc.set("Descent", Object::Integer(descent));
        desc.set("CapHeight", Object::Integer(ascent));
        desc.set("StemV", Object::Integer(stem_v));
        desc.set(
            if otto { "FontFile3" } else { "FontFile2" },
            Object::Reference(file),
        );
        let desc = lo.add_object(Object::Dictionary(desc));

        let widths: Vec<Object> = self
            .gids
            .iter()
            .map(|g| Object::Integer(i64::from(advance(*g))))
            .collect();
        let mut system = Dictionary::new();
        system.set("Registry", Object::string_literal("Adobe"));
        system.set("Ordering", Object::string_literal("Identity"));
        system.set("Supplement", Object::Integer(0));
        let mut cid = Dictionary::new();
        cid.set("Type", Object::Name(b"Font".to_vec()));
        cid.set(
            "Subtype",
            Object::Name(
                if otto {
                    &b"CIDFontType0"[..]
                } else {
                    b"CIDFontType2"
                }
                .to_vec(),
            ),
        );
        cid.set("BaseFont", name());
        cid.set("CIDSystemInfo", Object::Dictionary(system));
        cid.set("FontDescriptor", Object::Reference(desc));
        cid.set("DW", Object::Integer(1000));
        cid.set(
            "W",
            Object::Array(vec![Object::Integer(0), Object::Array(widths)]),
        );
        if !otto {
            cid.set("CIDToGIDMap", Object::Name(b"Identity".to_vec()));
        }

        let cmap = lo.add_object(Object::Stream(Stream::new(
            Dictionary::new(),
            self.to_unicode(),
        )));
        let mut font = Dictionary::new();
        font.set("Type", Object::Name(b"Font".to_vec()));
        font.set("Subtype", Object::Name(b"Type0".to_vec()));
        font.set("BaseFont", name());
        font.set("Encoding", Object::Name(b"Identity-H".to_vec()));
        font.set(
            "DescendantFonts",
            Object::Array(vec![Object::Dictionary(cid)]),
        );
        font.set("ToUnicode", Object::Reference(cmap));
        lo.add_object(Object::Dictionary(font))
    }

    /// The ToUnicode CMap: every subset glyph drawn to the text it stands for
    /// (several letters for a ligature), in blocks of at most 100 as the format asks.
    fn to_unicode(&self) -> Vec<u8> {
        let mut c = Content::default();
        c.raw(b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n");
        c.raw(b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n");
        c.raw(b"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n");
        c.raw(b"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        let entries: Vec<(usize, &str)> = self
            .text
            .iter()
            .enumerate()
            .filter_map(|(i, t)| t.as_ref().map(|(s, _)| (i, s.as_str())))
            .collect();
        for block in entries.chunks(100) {
            c.integer(block.len() as u64);
            c.raw(b" beginbfchar\n");
            for (id, text) in block {
                c.raw(b"<");
                c.code(*id as u16);
                c.raw(b"> <");
                for u in text.encode_utf16() {
                    c.code(u);
                }
                c.raw(b">\n");
            }
            c.raw(b"endbfchar\n");
        }
        c.raw(b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        c.bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(v: f32, places: u32) -> String {
        let mut c = Content::default();
        c.number(v, places);
        String::from_utf8(c.bytes).unwrap()
    }

    #[test]
    fn numbers_are_fixed_point_with_trailing_zeros_trimmed() {
        assert_eq!(fmt(0.0, 4), "0");
        assert_eq!(fmt(-0.00001, 4), "0");
        assert_eq!(fmt(62.362206, 4), "62.3622");
        assert_eq!(fmt(10.5, 4), "10.5");
        assert_eq!(fmt(-87.19962, 3), "-87.2");
        assert_eq!(fmt(595.0, 4), "595");
        assert_eq!(fmt(0.05, 4), "0.05");
        assert_eq!(fmt(-0.5, 4), "-0.5");
        assert_eq!(fmt(1234567.0, 2), "1234567");
    }

    #[test]
    fn codes_are_four_hex_digits() {
        let mut c = Content::default();
        c.code(0x00af);
        c.code(0x1f02);
        assert_eq!(c.bytes, b"00af1f02");
    }
}
