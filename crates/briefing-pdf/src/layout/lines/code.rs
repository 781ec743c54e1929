//! Code: preformatted lines, kept as written and wrapped between characters.

use super::pieces::{Line, Style, baseline};
use crate::fonts::{FaceId, FontSet};
use crate::layout::{Item, Tag, TextRun};
use briefing_model::Pt;

/// Sets preformatted text: every source line starts a new line, spaces are kept,
/// and a line too long for `width` wraps between characters. Returns the lines and
/// the characters no font has.
pub(crate) fn code_lines(
    text: &str,
    style: &Style,
    line_height: f32,
    fonts: &FontSet,
    x: f32,
    width: f32,
) -> (Vec<Line>, Vec<char>) {
    let mut lines = Vec::new();
    let mut missing = Vec::new();
    let size = style.size;
    let base = baseline(size, line_height);
    let wanted = style.face();
    for src in text.split('\n') {
        let src = src.replace('\t', "    ");
        // Runs of (face, text) per output line.
        let mut out: Vec<Vec<(FaceId, String)>> = vec![Vec::new()];
        let mut used = 0.0;
        for ch in src.chars() {
            let face = fonts.resolve(wanted, ch).unwrap_or_else(|| {
                if !missing.contains(&ch) {
                    missing.push(ch);
                }
                wanted
            });
            let w = fonts.advance(face, ch) as f32 * size / 1000.0;
            if used + w > width && used > 0.0 {
                out.push(Vec::new());
                used = 0.0;
            }
            let runs = out.last_mut().expect("a line");
            match runs.last_mut() {
                Some((f, t)) if *f == face => t.push(ch),
                _ => runs.push((face, ch.to_string())),
            }
            used += w;
        }
        for runs in out {
            let mut items = Vec::new();
            let mut rx = x;
            for (face, t) in runs {
                let glyphs = fonts.shape(face, &t, crate::fonts::Features::Code);
                let w = crate::fonts::advance(&glyphs) * size / 1000.0;
                if !t.trim().is_empty() {
                    let run = TextRun {
                        x: Pt(rx),
                        y: Pt(-base),
                        face,
                        size: Pt(size),
                        color: style.color,
                        text: t,
                        glyphs: glyphs.to_vec(),
                        space_extra: Pt(0.0),
                        tag: Tag::default(),
                    };
                    items.push(Item::Text(run));
                }
                rx += w;
            }
            lines.push(Line {
                height: size * line_height,
                baseline: base,
                items,
                hyphenated: false,
                notes: Vec::new(),
            });
        }
    }
    (lines, missing)
}
