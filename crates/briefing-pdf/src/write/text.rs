//! A text run's glyphs as a text-showing operator.

use super::content::{Content, FontUse};
use crate::fonts::FontSet;
use crate::layout::TextRun;

/// A run's glyphs as a `Tj` or `TJ`: two-byte subset ids, and after a glyph a TJ
/// adjustment that turns the advance `/W` records into the shaped one (kerning),
/// plus the justification after a space (`Tw` does not apply to two-byte codes).
/// Spaces stay real glyphs so copied text keeps them. Each glyph's text is
/// recorded for ToUnicode, so a ligature copies as its letters.
pub(super) fn show_text(out: &mut Content, t: &TextRun, fonts: &FontSet, used: &mut FontUse) {
    debug_assert!(
        t.glyphs.iter().map(|g| g.len as usize).sum::<usize>() == t.text.len(),
        "layout leaves every run shaped: {t:?}"
    );
    let face = fonts.canonical(t.face);
    let justify = t.space_extra.0 * 1000.0 / t.size.0;
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
    use crate::fonts::FaceId;
    use crate::fonts::{Family, Glyph};
    use crate::layout::Tag;
    use crate::write::resources::{font_id, subset_face};
    use briefing_model::{Pt, Rgb};

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
            x: Pt(0.0),
            y: Pt(0.0),
            face,
            size: Pt(10.0),
            color: Rgb { r: 0, g: 0, b: 0 },
            text: "a\u{301}a".into(),
            glyphs: vec![
                glyph(a, nominal - 20.0, 0.0, 1),
                glyph(acute, 0.0, -300.5, 2),
                glyph(a, nominal, 0.0, 1),
            ],
            space_extra: Pt(0.0),
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
