//! Setting: one line's pieces become positioned runs and decorations.

use super::pieces::{Align, Line, Piece, Prepared, Style, baseline, word_width};
use crate::fonts::{FaceId, Glyph};
use crate::layout::{Anchor, Item, Span, Tag, Target, TextRun};
use briefing_model::Pt;

impl Prepared {
    /// Positions one line's pieces, each drawn with the glyphs it was measured with.
    pub(super) fn set(
        &self,
        pieces: &[Piece],
        left: f32,
        width: f32,
        align: Align,
        last: bool,
    ) -> Line {
        // Trailing spaces are not drawn and do not count.
        let mut end = pieces.len();
        while end > 0 && matches!(pieces[end - 1], Piece::Space { .. }) {
            end -= 1;
        }
        let pieces = &pieces[..end];
        // Only a hyphen that ends the line is drawn.
        let natural: f32 = pieces
            .iter()
            .enumerate()
            .map(|(k, p)| match p {
                Piece::Word(w) => word_width(w),
                Piece::Space { width, .. } => *width,
                Piece::Hyphen { width, .. } if k + 1 == pieces.len() => *width,
                Piece::Hyphen { .. } | Piece::Break => 0.0,
            })
            .sum::<f32>();
        let gaps = pieces
            .iter()
            .filter(|p| matches!(p, Piece::Space { .. }))
            .count();
        let slack = (width - natural).max(0.0);
        let (mut x, extra) = match align {
            // Total fit may also shrink spaces a little (negative extra).
            Align::Justify if !last && gaps > 0 => (left, (width - natural) / gaps as f32),
            Align::Center => (left + slack / 2.0, 0.0),
            Align::Right => (left + slack, 0.0),
            _ => (left, 0.0),
        };
        let size = pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Word(w) => w.iter().map(|s| self.styles[s.style].size).reduce(f32::max),
                _ => None,
            })
            .fold(self.base_size, f32::max);
        let height = size * self.line_height;
        let base = baseline(size, self.line_height);
        let mut out = LineOut {
            runs: Vec::new(),
            backs: Vec::new(),
            decos: Vec::new(),
            link: None,
            base,
        };
        let count = pieces.len();
        for (k, p) in pieces.iter().enumerate() {
            match p {
                Piece::Word(segs) => {
                    for s in segs {
                        out.add(
                            &self.styles[s.style],
                            s.style,
                            s.face,
                            (&s.text, &s.glyphs),
                            x,
                            s.width,
                            extra,
                        );
                        x += s.width;
                    }
                }
                Piece::Space {
                    style,
                    face,
                    width,
                    glyphs,
                } => {
                    out.add(
                        &self.styles[*style],
                        *style,
                        *face,
                        (" ", glyphs),
                        x,
                        width + extra,
                        extra,
                    );
                    x += width + extra;
                }
                Piece::Hyphen {
                    style,
                    face,
                    width,
                    glyphs,
                } if k + 1 == count => {
                    let drawn = ("-", &glyphs[..]);
                    out.add(&self.styles[*style], *style, *face, drawn, x, *width, extra);
                    x += width;
                }
                Piece::Hyphen { .. } | Piece::Break => {}
            }
        }
        out.flush_link();
        let mut items = out.backs;
        items.extend(out.runs.into_iter().map(|(_, r)| Item::Text(r)));
        items.extend(out.decos);
        let hyphenated = matches!(pieces.last(), Some(Piece::Hyphen { .. }));
        let mut notes = Vec::new();
        for p in pieces {
            if let Piece::Word(segs) = p {
                for s in segs {
                    if let Some(n) = self.styles[s.style].note
                        && !notes.contains(&n)
                    {
                        notes.push(n);
                    }
                }
            }
        }
        Line {
            height,
            baseline: base,
            items,
            hyphenated,
            notes,
        }
    }
}

/// Items of one line under construction.
struct LineOut {
    /// Runs with the style index they were set in.
    runs: Vec<(usize, TextRun)>,
    backs: Vec<Item>,
    decos: Vec<Item>,
    /// The link being collected: target, its span, left, right, size.
    link: Option<(Target, Span, f32, f32, f32)>,
    base: f32,
}

impl LineOut {
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        style: &Style,
        index: usize,
        face: FaceId,
        (text, glyphs): (&str, &[Glyph]),
        x: f32,
        w: f32,
        extra: f32,
    ) {
        let y = -self.base + style.rise;
        match self.runs.last_mut() {
            Some((i, run)) if *i == index && run.face == face => {
                run.text.push_str(text);
                run.glyphs.extend_from_slice(glyphs);
            }
            _ => self.runs.push((
                index,
                TextRun {
                    x: Pt(x),
                    y: Pt(y),
                    face,
                    size: Pt(style.size),
                    color: style.color,
                    text: text.to_owned(),
                    glyphs: glyphs.to_vec(),
                    space_extra: Pt(extra),
                    tag: Tag::Open(style.span),
                },
            )),
        }
        if let Some(bg) = style.background.filter(|_| text != " ") {
            self.backs.push(Item::Fill {
                x: Pt(x - 1.0),
                y: Pt(y - style.size * 0.25),
                w: Pt(w + 2.0),
                h: Pt(style.size * 1.15),
                color: bg,
            });
        }
        if style.strike {
            let sy = y + style.size * 0.28;
            self.decos.push(Item::Line {
                x1: Pt(x),
                y1: Pt(sy),
                x2: Pt(x + w),
                y2: Pt(sy),
                width: Pt(style.size * 0.06),
                color: style.color,
            });
        }
        match (&mut self.link, &style.link) {
            (Some((url, span, _, right, size)), Some(u)) if url == u && *span == style.span => {
                *right = x + w;
                *size = size.max(style.size);
            }
            (_, new) => {
                self.flush_link();
                if let Some(u) = new {
                    self.link = Some((u.clone(), style.span, x, x + w, style.size));
                }
            }
        }
    }

    fn flush_link(&mut self) {
        if let Some((target, span, left, right, size)) = self.link.take() {
            let y = -self.base - size * 0.3;
            if let Target::Anchor(Anchor::Note(n)) = target {
                // A note's number links back to the line of its (first) mark.
                self.decos.push(Item::Anchor {
                    y: Pt(0.0),
                    anchor: Anchor::Mark(n),
                });
            }
            self.decos.push(Item::Link {
                x: Pt(left),
                y: Pt(y),
                w: Pt(right - left),
                h: Pt(size * 1.3),
                target,
                tag: Tag::Open(span),
            });
        }
    }
}
