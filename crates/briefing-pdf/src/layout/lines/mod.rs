//! Lines: inline content becomes words and spaces, then lines of positioned runs.

mod breaking;
mod code;
mod pieces;
mod set;
mod words;

use briefing_model::Inline;

use crate::fonts::FontSet;
use breaking::{Break, greedy, split_long_words, total_fit};
pub(crate) use code::code_lines;
pub(crate) use pieces::{Align, InlineTheme, Line, Prepared, Style};
use pieces::{Piece, baseline, word_width};
use words::build;

/// Turns inlines into pieces, resolving a face for every character.
pub(crate) fn prepare(
    inlines: &[Inline],
    base: &Style,
    theme: &InlineTheme,
    fonts: &FontSet,
) -> Prepared {
    if theme.hyphenate.is_none() {
        return build(inlines, base, theme, fonts);
    }
    let plain = InlineTheme {
        hyphenate: None,
        ..theme.clone()
    };
    let mut p = build(inlines, base, &plain, fonts);
    p.deferred = Some((inlines.to_vec(), base.clone(), theme.clone()));
    p
}

impl Prepared {
    /// The widest word and the width of everything on one line.
    pub(crate) fn widths(&self) -> (f32, f32) {
        let (mut min, mut line, mut max) = (0.0f32, 0.0f32, 0.0f32);
        for p in &self.pieces {
            match p {
                Piece::Word(w) => {
                    min = min.max(word_width(w));
                    line += word_width(w);
                }
                Piece::Space { width, .. } => line += width,
                Piece::Hyphen { .. } => {}
                Piece::Break => {
                    max = max.max(line);
                    line = 0.0;
                }
            }
        }
        (min, max.max(line))
    }

    /// Breaks into lines no wider than `width`, starting at `x`. Justified text
    /// uses total-fit breaking; other text breaks greedily.
    pub(crate) fn lines(&self, fonts: &FontSet, x: f32, width: f32, align: Align) -> Vec<Line> {
        let pieces = split_long_words(&self.pieces, &self.styles, fonts, width);
        let pieces = pieces.as_deref().unwrap_or(&self.pieces);
        if let (Align::Justify, Some((inlines, base, theme))) = (align, &self.deferred) {
            if let Some(breaks) = total_fit(pieces, width, 1.0) {
                return self.emit(pieces, &breaks, x, width, align);
            }
            return build(inlines, base, theme, fonts).lines(fonts, x, width, align);
        }
        let breaks = match align {
            Align::Justify => total_fit(pieces, width, 2.5)
                .or_else(|| total_fit(pieces, width, 20.0))
                .unwrap_or_else(|| greedy(pieces, width)),
            _ => greedy(pieces, width),
        };
        self.emit(pieces, &breaks, x, width, align)
    }

    /// Sets the chosen lines.
    fn emit(
        &self,
        pieces: &[Piece],
        breaks: &[Break],
        x: f32,
        width: f32,
        align: Align,
    ) -> Vec<Line> {
        let mut lines: Vec<Line> = breaks
            .iter()
            .map(|b| self.set(&pieces[b.start..b.end], x, width, align, b.last))
            .collect();
        if lines.is_empty() {
            let size = self.base_size;
            lines.push(Line {
                height: size * self.line_height,
                baseline: baseline(size, self.line_height),
                items: Vec::new(),
                hyphenated: false,
                notes: Vec::new(),
            });
        }
        lines
    }
}

#[cfg(test)]
mod tests;
