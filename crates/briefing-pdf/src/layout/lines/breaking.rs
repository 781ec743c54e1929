//! Breaking: where lines end, greedily or by total fit (Knuth–Plass).

use super::pieces::{Piece, Seg, Style, word_width};
use crate::fonts::{FaceId, FontSet};

/// One line chosen by a breaker: pieces `start..end`, and whether it ends a paragraph
/// or a forced break (so it is not justified).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Break {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) last: bool,
}

/// The first piece at or after `i` that is not a space.
fn skip_spaces(pieces: &[Piece], mut i: usize) -> usize {
    while i < pieces.len() && matches!(pieces[i], Piece::Space { .. }) {
        i += 1;
    }
    i
}

/// Greedy breaking: each line takes as many words as fit.
pub(super) fn greedy(pieces: &[Piece], width: f32) -> Vec<Break> {
    let mut out = Vec::new();
    let mut start = skip_spaces(pieces, 0);
    while start < pieces.len() {
        let mut used = 0.0;
        let mut pending = 0.0;
        let mut end = start;
        let mut forced = None;
        for (i, p) in pieces.iter().enumerate().skip(start) {
            match p {
                Piece::Break => {
                    forced = Some(i);
                    break;
                }
                Piece::Space { width: w, .. } => pending += w,
                Piece::Hyphen { .. } => {}
                Piece::Word(segs) => {
                    let w = word_width(segs);
                    if end > start && used + pending + w > width + 0.01 {
                        break;
                    }
                    used += pending + w;
                    pending = 0.0;
                    end = i + 1;
                }
            }
        }
        match forced {
            Some(f) if end <= f => {
                out.push(Break {
                    start,
                    end: f,
                    last: true,
                });
                start = skip_spaces(pieces, f + 1);
            }
            _ => {
                let last = skip_spaces(pieces, end) >= pieces.len();
                out.push(Break { start, end, last });
                start = skip_spaces(pieces, end);
            }
        }
    }
    out
}

/// A feasible breakpoint in total-fit breaking.
#[derive(Debug, Clone, Copy)]
struct Node {
    /// Where the next line starts.
    next: usize,
    /// The line ending here.
    line: Break,
    demerits: f32,
    prev: Option<usize>,
    fitness: i32,
    hyphen: bool,
}

/// Total-fit (Knuth–Plass) breaking: chooses the breaks that minimise the
/// demerits of the whole paragraph, so spacing stays even from line to line.
/// `tolerance` bounds how far a line's spaces may stretch (as a ratio).
pub(super) fn total_fit(pieces: &[Piece], width: f32, tolerance: f32) -> Option<Vec<Break>> {
    let n = pieces.len();
    let (mut w, mut st, mut sh) = (
        vec![0.0f32; n + 1],
        vec![0.0f32; n + 1],
        vec![0.0f32; n + 1],
    );
    for (i, p) in pieces.iter().enumerate() {
        let (a, b, c) = match p {
            Piece::Word(s) => (word_width(s), 0.0, 0.0),
            Piece::Space { width, .. } => (*width, width * 0.6, width * 0.3),
            _ => (0.0, 0.0, 0.0),
        };
        w[i + 1] = w[i] + a;
        st[i + 1] = st[i] + b;
        sh[i + 1] = sh[i] + c;
    }
    let first = Break {
        start: 0,
        end: 0,
        last: false,
    };
    let mut nodes = vec![Node {
        next: skip_spaces(pieces, 0),
        line: first,
        demerits: 0.0,
        prev: None,
        fitness: 1,
        hyphen: false,
    }];
    let mut active = vec![0usize];
    for i in 0..=n {
        // (end of line, start of next, extra width, penalty, hyphenated, forced)
        let bp = if i == n {
            (n, n, 0.0, 0.0, false, true)
        } else {
            match &pieces[i] {
                Piece::Space { .. }
                    if i > 0 && !matches!(pieces[i - 1], Piece::Space { .. } | Piece::Break) =>
                {
                    (i, skip_spaces(pieces, i + 1), 0.0, 0.0, false, false)
                }
                Piece::Hyphen { width, .. } => (i + 1, i + 1, *width, 50.0, true, false),
                Piece::Word(_) if i > 0 && matches!(pieces[i - 1], Piece::Word(_)) => {
                    (i, i, 0.0, 0.0, false, false)
                }
                Piece::Break => (i, skip_spaces(pieces, i + 1), 0.0, 0.0, false, true),
                _ => continue,
            }
        };
        let (end, next, extra, penalty, hyphen, forced) = bp;
        let mut best: [Option<(f32, usize)>; 4] = [None; 4];
        let mut keep = Vec::with_capacity(active.len());
        for &a in &active {
            let node = nodes[a];
            if node.next > end {
                keep.push(a);
                continue;
            }
            let natural = w[end] - w[node.next] + extra;
            let (stretch, shrink) = (st[end] - st[node.next], sh[end] - sh[node.next]);
            let ratio = if natural <= width {
                if forced {
                    0.0
                } else if stretch > 0.0 {
                    (width - natural) / stretch
                } else {
                    f32::INFINITY
                }
            } else if shrink > 0.0 {
                (width - natural) / shrink
            } else {
                f32::NEG_INFINITY
            };
            if ratio >= -1.0 && !forced {
                keep.push(a);
            }
            // A line that cannot stretch (one word) is infeasible here; when nothing
            // else works the caller falls back to greedy breaking.
            if ratio >= -1.0 && ratio <= tolerance {
                let badness = 100.0 * ratio.abs().powi(3);
                let mut d = (10.0 + badness + penalty).powi(2);
                if hyphen && node.hyphen {
                    d += 3000.0;
                }
                let fitness = if ratio < -0.5 {
                    0
                } else if ratio <= 0.5 {
                    1
                } else if ratio <= 1.0 {
                    2
                } else {
                    3
                };
                if (fitness - node.fitness).abs() > 1 {
                    d += 100.0;
                }
                let total = node.demerits + d;
                let slot = &mut best[fitness as usize];
                if slot.is_none_or(|(t, _)| total < t) {
                    *slot = Some((total, a));
                }
            }
        }
        active = keep;
        for (fitness, b) in best.iter().enumerate() {
            if let Some((demerits, a)) = *b {
                let line = Break {
                    start: nodes[a].next,
                    end,
                    last: forced,
                };
                nodes.push(Node {
                    next,
                    line,
                    demerits,
                    prev: Some(a),
                    fitness: fitness as i32,
                    hyphen,
                });
                active.push(nodes.len() - 1);
            }
        }
        if active.is_empty() {
            return None;
        }
    }
    let mut at = active
        .iter()
        .copied()
        .filter(|a| nodes[*a].line.end == n && nodes[*a].prev.is_some())
        .min_by(|a, b| nodes[*a].demerits.total_cmp(&nodes[*b].demerits));
    let mut out = Vec::new();
    while let Some(a) = at {
        if nodes[a].prev.is_none() {
            break;
        }
        let l = nodes[a].line;
        if l.start < l.end || l.last {
            out.push(l);
        }
        at = nodes[a].prev;
    }
    out.reverse();
    // A paragraph made only of spaces gives an empty line; drop it.
    out.retain(|b| b.start < b.end);
    Some(out)
}

/// Splits words wider than the line into pieces that fit, preferring to break
/// after `/`, `-`, `.`, `?`, `&`, `=` or `_` (URLs), else between any two characters.
/// `None` when every word fits already.
pub(super) fn split_long_words(
    pieces: &[Piece],
    styles: &[Style],
    fonts: &FontSet,
    width: f32,
) -> Option<Vec<Piece>> {
    if !pieces
        .iter()
        .any(|p| matches!(p, Piece::Word(w) if word_width(w) > width))
    {
        return None;
    }
    let mut out = Vec::new();
    for p in pieces {
        let Piece::Word(segs) = p else {
            out.push(p.clone());
            continue;
        };
        if word_width(segs) <= width {
            out.push(p.clone());
            continue;
        }
        // Characters with their segment's style and face.
        let chars: Vec<(char, usize, FaceId, f32)> = segs
            .iter()
            .flat_map(|s| {
                let size = styles[s.style].size;
                s.text.chars().map(move |c| {
                    (
                        c,
                        s.style,
                        s.face,
                        fonts.advance(s.face, c) as f32 * size / 1000.0,
                    )
                })
            })
            .collect();
        let mut i = 0;
        while i < chars.len() {
            let mut used = 0.0;
            let mut j = i;
            let mut soft = None;
            while j < chars.len() && (j == i || used + chars[j].3 <= width) {
                used += chars[j].3;
                if matches!(chars[j].0, '/' | '-' | '.' | '?' | '&' | '=' | '_')
                    && j + 1 < chars.len()
                {
                    soft = Some(j + 1);
                }
                j += 1;
            }
            let end = if j < chars.len() {
                soft.filter(|s| *s > i + (j - i) / 3).unwrap_or(j)
            } else {
                j
            };
            // Runs of one style and face, each shaped as drawn.
            let mut runs: Vec<(String, usize, FaceId)> = Vec::new();
            for &(c, style, face, _) in &chars[i..end] {
                match runs.last_mut() {
                    Some((t, s, f)) if *s == style && *f == face => t.push(c),
                    _ => runs.push((c.to_string(), style, face)),
                }
            }
            let word: Vec<Seg> = runs
                .into_iter()
                .map(|(t, style, face)| Seg::shaped(t, style, face, styles, fonts))
                .collect();
            out.push(Piece::Word(word));
            i = end;
        }
    }
    Some(out)
}
