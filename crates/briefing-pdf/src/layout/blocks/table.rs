//! Tables: columns sized to their content, a header row repeated on every page. A row
//! taller than the text block is set as one unit per line band, so that pagination can
//! break it between lines; each piece sits under the repeated header.

use std::rc::Rc;

use briefing_model::{Align as ColAlign, Inline, Pt};

use super::ROW_RULE;
use crate::fonts::Family;
use crate::layout::flow::{Ctx, Flow, Unit};
use crate::layout::lines::{self, Align, Line, Style};
use crate::layout::{Item, Role};

/// The columns of one table: where each starts, how wide it is, how it aligns.
struct Columns<'a> {
    /// Inner padding of a cell: above and below, left and right.
    pad: [f32; 2],
    /// Left edge of each column, then the table's right edge.
    xs: Vec<f32>,
    /// Width of each column.
    widths: Vec<f32>,
    /// Alignment of each column as the source gives it.
    align: &'a [ColAlign],
    /// The table's context (left edge, width, base style).
    ctx: &'a Ctx,
}

/// A row whose cells are set: each cell's lines, items relative to the line's top.
struct SetRow {
    cells: Vec<Vec<Line>>,
    head: bool,
    /// The cells' padding above and below.
    pad: f32,
}

impl Columns<'_> {
    fn left(&self) -> f32 {
        self.ctx.left
    }

    fn total(&self) -> f32 {
        self.ctx.width
    }

    /// The rule under a row (or under a piece of one).
    fn rule(&self, y: f32, head: bool, flow: &Flow<'_>) -> Item {
        Item::Line {
            x1: Pt(self.left()),
            y1: Pt(y),
            x2: Pt(self.left() + self.total()),
            y2: Pt(y),
            width: Pt(if head { 0.9 } else { ROW_RULE }),
            color: if head {
                flow.theme.colors.text
            } else {
                flow.theme.colors.rule
            },
        }
    }

    /// Sets the cells of one row as a `TR` of `TH` or `TD` elements.
    fn set(
        &self,
        flow: &mut Flow<'_>,
        row: &[Vec<Inline>],
        style: &Style,
        head: bool,
        line: u32,
    ) -> SetRow {
        let empty = Vec::new();
        flow.begin(Role::TR);
        let cells = (0..self.widths.len())
            .map(|c| {
                let node = flow.leaf(if head { Role::TH } else { Role::TD }, None);
                let a = match self.align.get(c).copied().unwrap_or_default() {
                    ColAlign::Center => Align::Center,
                    ColAlign::Right => Align::Right,
                    _ => Align::Left,
                };
                let cctx = Ctx {
                    left: self.xs[c] + self.pad[1],
                    width: self.widths[c] - 2.0 * self.pad[1],
                    ..self.ctx.clone()
                };
                flow.text(row.get(c).unwrap_or(&empty), style, &cctx, a, line, node)
            })
            .collect();
        flow.end();
        SetRow {
            cells,
            head,
            pad: self.pad[0],
        }
    }
}

impl SetRow {
    /// The row's height when set in one piece.
    fn height(&self) -> f32 {
        self.cells
            .iter()
            .map(|c| c.iter().map(|l| l.height).sum::<f32>())
            .fold(0.0, f32::max)
            + 2.0 * self.pad
    }

    /// The row as one unit that pagination never splits.
    fn whole(self, cols: &Columns<'_>, flow: &Flow<'_>) -> Unit {
        let mut items = Vec::new();
        let mut notes = Vec::new();
        let height = self.height();
        for cell in self.cells {
            let mut y = self.pad;
            for l in cell {
                notes.extend(l.notes);
                items.extend(l.items.into_iter().map(|i| i.shifted(0.0, y)));
                y += l.height;
            }
        }
        items.push(cols.rule(-height, self.head, flow));
        if self.head {
            items.insert(0, head_fill(cols, height, flow));
        }
        Unit {
            height,
            items,
            notes,
            ..Unit::default()
        }
    }

    /// The row as one unit per band of lines: band k holds line k of every cell, as tall
    /// as the tallest of them. Pagination may break between bands, except after the first
    /// and before the last (at least two lines each side) and after a hyphenated line.
    fn bands(self, cols: &Columns<'_>, flow: &Flow<'_>) -> Vec<Unit> {
        let n = self.cells.iter().map(Vec::len).max().unwrap_or(0);
        let mut cells: Vec<_> = self.cells.into_iter().map(Vec::into_iter).collect();
        let mut units = Vec::with_capacity(n);
        for k in 0..n {
            let top = if k == 0 { self.pad } else { 0.0 };
            let bottom = if k + 1 == n { self.pad } else { 0.0 };
            let mut items = Vec::new();
            let mut notes = Vec::new();
            let mut tallest = 0.0f32;
            let mut hyphenated = false;
            for l in cells.iter_mut().filter_map(Iterator::next) {
                tallest = tallest.max(l.height);
                hyphenated |= l.hyphenated;
                notes.extend(l.notes);
                items.extend(l.items.into_iter().map(|i| i.shifted(0.0, top)));
            }
            let height = top + tallest + bottom;
            if self.head {
                items.insert(0, head_fill(cols, height, flow));
            }
            if k + 1 == n {
                items.push(cols.rule(-height, self.head, flow));
            }
            units.push(Unit {
                height,
                items,
                notes,
                keep_with_next: hyphenated || (n >= 2 && (k == 0 || k + 2 == n)),
                ..Unit::default()
            });
        }
        units
    }
}

/// The header row's tinted background, `height` tall.
fn head_fill(cols: &Columns<'_>, height: f32, flow: &Flow<'_>) -> Item {
    Item::Fill {
        x: Pt(cols.left()),
        y: Pt(-height),
        w: Pt(cols.total()),
        h: Pt(height),
        color: flow.theme.colors.code_background,
    }
}

impl Flow<'_> {
    /// A table: columns sized to their content, header repeated on each page.
    pub(super) fn table(
        &mut self,
        align: &[ColAlign],
        header: &[Vec<Inline>],
        rows: &[Vec<Vec<Inline>>],
        ctx: &Ctx,
        line: u32,
    ) -> Vec<Unit> {
        let cols = align
            .len()
            .max(header.len())
            .max(rows.iter().map(Vec::len).max().unwrap_or(0));
        if cols == 0 {
            return Vec::new();
        }
        let size = ctx.style.size * 0.92;
        let body = Style {
            size,
            ..ctx.style.clone()
        };
        let head = Style {
            bold: true,
            ..Style::plain(Family::Heading, size, self.theme.colors.text)
        };
        let pad = self.theme.spacing.cell_padding.map(|s| self.space(s));
        let empty = Vec::new();
        let cell =
            |row: &[Vec<Inline>], c: usize| -> Vec<Inline> { row.get(c).unwrap_or(&empty).clone() };
        // Column widths: each column's widest word at least, shared out by natural width.
        let mut min = vec![0.0f32; cols];
        let mut max = vec![0.0f32; cols];
        let all_rows =
            std::iter::once((header, &head)).chain(rows.iter().map(|r| (r.as_slice(), &body)));
        for (row, style) in all_rows {
            for c in 0..cols {
                let p = lines::prepare(&cell(row, c), style, &self.inline_theme, self.fonts);
                let (lo, hi) = p.widths();
                min[c] = min[c].max(lo + 2.0 * pad[1]);
                max[c] = max[c].max(hi + 2.0 * pad[1]);
            }
        }
        let total = ctx.width;
        let sum_max: f32 = max.iter().sum();
        let sum_min: f32 = min.iter().sum();
        let widths: Vec<f32> = if sum_max <= total {
            max.iter()
                .map(|m| m + (total - sum_max) * m / sum_max.max(1.0))
                .collect()
        } else if sum_min < total {
            let ratio = (total - sum_min) / (sum_max - sum_min).max(1.0);
            min.iter()
                .zip(&max)
                .map(|(lo, hi)| lo + (hi - lo) * ratio)
                .collect()
        } else {
            vec![total / cols as f32; cols]
        };
        let mut xs = vec![ctx.left];
        for w in &widths {
            xs.push(xs.last().copied().unwrap_or(0.0) + w);
        }
        let columns = Columns {
            pad,
            xs,
            widths,
            align,
            ctx,
        };
        let page = &self.theme.page;
        let block = page.size.height.0 - page.margin_top.0 - page.margin_bottom.0;

        self.begin(Role::Table);
        self.begin(Role::THead);
        let head_row = columns.set(self, header, &head, true, line);
        self.end();
        // A header taller than half the text block is set once, not above every piece.
        let head_h = head_row.height();
        let repeated = head_h <= block * 0.5;
        let mut head_units = if head_h > block {
            head_row.bands(&columns, self)
        } else {
            vec![head_row.whole(&columns, self)]
        };
        let top = Item::Line {
            x1: Pt(ctx.left),
            y1: Pt(0.0),
            x2: Pt(ctx.left + total),
            y2: Pt(0.0),
            width: Pt(0.9),
            color: self.theme.colors.text,
        };
        head_units[0].items.push(top);
        if let Some(last) = head_units.last_mut() {
            last.keep_with_next = true;
        }
        let repeat = repeated.then(|| Rc::new(head_units.clone()));
        let room = block - if repeated { head_h } else { 0.0 };
        let mut units = head_units;
        self.begin(Role::TBody);
        for row in rows {
            let set = columns.set(self, row, &body, false, line);
            let mut pieces = if set.height() > room {
                set.bands(&columns, self)
            } else {
                vec![set.whole(&columns, self)]
            };
            for u in &mut pieces {
                u.repeat.clone_from(&repeat);
            }
            units.extend(pieces);
        }
        self.end();
        self.end();
        units
    }
}

#[cfg(test)]
mod tests;
