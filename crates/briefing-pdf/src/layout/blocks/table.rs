//! Tables: columns sized to their content, a header row repeated on every page.

use std::rc::Rc;

use briefing_model::{Align as ColAlign, Inline};

use super::PAD;
use crate::fonts::Family;
use crate::layout::flow::{Ctx, Flow, Unit};
use crate::layout::lines::{self, Align, Style};
use crate::layout::{Item, Role};

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
                min[c] = min[c].max(lo + 2.0 * PAD);
                max[c] = max[c].max(hi + 2.0 * PAD);
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
        let set_row =
            |flow: &mut Self, row: &[Vec<Inline>], style: &Style, is_head: bool| -> Unit {
                let mut items = Vec::new();
                let mut notes = Vec::new();
                let mut height = 0.0f32;
                flow.begin(Role::TR);
                for c in 0..cols {
                    let node = flow.leaf(if is_head { Role::TH } else { Role::TD }, None);
                    let a = match align.get(c).copied().unwrap_or_default() {
                        ColAlign::Center => Align::Center,
                        ColAlign::Right => Align::Right,
                        _ => Align::Left,
                    };
                    let cctx = Ctx {
                        left: xs[c] + PAD,
                        width: widths[c] - 2.0 * PAD,
                        ..ctx.clone()
                    };
                    let mut y = -PAD * 0.7;
                    for l in flow.text(&cell(row, c), style, &cctx, a, line, node) {
                        notes.extend(l.notes);
                        items.extend(l.items.into_iter().map(|i| i.shifted(0.0, -y)));
                        y -= l.height;
                    }
                    height = height.max(-y + PAD * 0.7);
                }
                flow.end();
                let color = if is_head {
                    flow.theme.colors.text
                } else {
                    flow.theme.colors.rule
                };
                let width = if is_head { 0.9 } else { 0.5 };
                items.push(Item::Line {
                    x1: ctx.left,
                    y1: -height,
                    x2: ctx.left + total,
                    y2: -height,
                    width,
                    color,
                });
                if is_head {
                    items.insert(
                        0,
                        Item::Fill {
                            x: ctx.left,
                            y: -height,
                            w: total,
                            h: height,
                            color: flow.theme.colors.code_background,
                        },
                    );
                }
                Unit {
                    height,
                    items,
                    notes,
                    ..Unit::default()
                }
            };
        self.begin(Role::Table);
        self.begin(Role::THead);
        let mut head_unit = set_row(self, header, &head, true);
        self.end();
        head_unit.keep_with_next = true;
        let top = Item::Line {
            x1: ctx.left,
            y1: 0.0,
            x2: ctx.left + total,
            y2: 0.0,
            width: 0.9,
            color: self.theme.colors.text,
        };
        head_unit.items.push(top);
        let repeat = Rc::new(vec![head_unit.clone()]);
        let mut units = vec![head_unit];
        self.begin(Role::TBody);
        for row in rows {
            let mut u = set_row(self, row, &body, false);
            u.repeat = Some(repeat.clone());
            units.push(u);
        }
        self.end();
        self.end();
        units
    }
}
