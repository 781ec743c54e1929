//! Blocks: each kind of body block becomes units in the flow.

mod figure;
mod table;

use briefing_model::{Block, BlockKind, Inline, ListItem, Pt, Space, title_text};

use super::flow::{Ctx, Flow, Unit, band, decorate};
use super::lines::{self, Align, Style};
use super::{Anchor, Item, NodeId, Role};
use crate::fonts::Family;

/// Stroke width of the rule under a table's body row, also where pagination closes a
/// piece of a table at a page break.
pub(crate) const ROW_RULE: f32 = 0.5;

impl Flow<'_> {
    /// Lays out blocks in order, with spacing between them. The document's own blocks
    /// (see [`Flow::top_level`]) mark where each heading lands, for the contents.
    pub(crate) fn blocks(&mut self, blocks: &[Block], ctx: &Ctx) -> Vec<Unit> {
        let top = std::mem::replace(&mut self.top_level, false);
        let mut out: Vec<Unit> = Vec::new();
        let mut after = 0.0f32;
        for (i, b) in blocks.iter().enumerate() {
            let (before, space_after) = self.spacing(b, ctx);
            let mut units = self.block(b, ctx);
            if let Some(first) = units.first_mut() {
                first.gap += if i == 0 { 0.0 } else { before.max(after) };
                if top && matches!(b.kind, BlockKind::Heading { .. }) {
                    first.items.insert(
                        0,
                        Item::Anchor {
                            y: Pt(0.0),
                            anchor: Anchor::Heading(i),
                        },
                    );
                }
            }
            after = space_after;
            out.extend(units);
        }
        out
    }

    /// A space of the theme's `[spacing]` in points, for the body size.
    pub(crate) fn space(&self, space: Space) -> f32 {
        space.of(self.theme.sizes.body).0
    }

    /// Space before and after a block. Paragraph and figure spacing scale with the text
    /// they sit in (smaller in notes).
    fn spacing(&self, b: &Block, ctx: &Ctx) -> (f32, f32) {
        let t = self.theme;
        let scaled = |space: f32| space * ctx.style.size / t.sizes.body.0;
        match &b.kind {
            BlockKind::Heading { level, .. } => {
                let size = t.sizes.heading(*level);
                (
                    t.spacing.heading_before(*level, size).0,
                    t.spacing.heading_after(*level, size).0,
                )
            }
            BlockKind::Figure { .. } => (
                scaled(self.space(t.spacing.figure_before)),
                scaled(self.space(t.spacing.figure_after)),
            ),
            _ => (
                scaled(t.text.paragraph_spacing.0),
                scaled(t.text.paragraph_spacing.0),
            ),
        }
    }

    /// Lays out one block.
    fn block(&mut self, b: &Block, ctx: &Ctx) -> Vec<Unit> {
        match &b.kind {
            BlockKind::Heading { level, content, .. } => self.heading(*level, content, ctx, b.line),
            BlockKind::Paragraph { content } => self.paragraph(content, ctx, b.line),
            // Raw HTML is set as the text it is.
            BlockKind::Html { html } => self.paragraph(&[Inline::Text(html.clone())], ctx, b.line),
            BlockKind::List { start, items } => {
                self.begin(Role::L);
                let units = self.list(*start, items, ctx);
                self.end();
                units
            }
            BlockKind::Quote { blocks } => {
                let indent = self.space(self.theme.spacing.quote_indent);
                let inner = Ctx {
                    left: ctx.left + indent,
                    width: ctx.width - indent,
                    ..ctx.clone()
                };
                self.begin(Role::BlockQuote);
                let mut units = self.blocks(blocks, &inner);
                self.end();
                decorate(
                    &mut units,
                    band(ctx.left + 2.0, 2.5, self.theme.colors.rule),
                );
                units
            }
            BlockKind::Callout { kind, blocks } => {
                let [pad_v, pad_h] = self.theme.spacing.callout_padding.map(|s| self.space(s));
                let inner = Ctx {
                    left: ctx.left + pad_h,
                    width: ctx.width - 2.0 * pad_h,
                    ..ctx.clone()
                };
                let label = Style {
                    bold: true,
                    ..Style::plain(
                        Family::Heading,
                        ctx.style.size * 0.95,
                        self.theme.colors.accent,
                    )
                };
                let mut units = vec![Unit {
                    keep_with_next: true,
                    ..Unit::space(pad_v)
                }];
                self.begin(Role::Div);
                let node = self.leaf(Role::P, None);
                for l in self.text(
                    &[Inline::Text(kind.label().into())],
                    &label,
                    &inner,
                    Align::Left,
                    b.line,
                    node,
                ) {
                    units.push(Unit {
                        keep_with_next: true,
                        ..Unit::line(l)
                    });
                }
                let mut body = self.blocks(blocks, &inner);
                self.end();
                if let Some(first) = body.first_mut() {
                    first.gap = 2.0;
                }
                if let Some(last) = body.last_mut() {
                    last.keep_with_next = true;
                }
                units.extend(body);
                units.push(Unit::space(pad_v));
                decorate(
                    &mut units,
                    band(ctx.left, ctx.width, self.theme.colors.callout_background),
                );
                decorate(&mut units, band(ctx.left, 2.5, self.theme.colors.accent));
                units
            }
            BlockKind::Code { text, .. } => self.code(text, ctx, b.line),
            BlockKind::Table {
                align,
                header,
                rows,
            } => self.table(align, header, rows, ctx, b.line),
            BlockKind::Figure { src, alt, caption } => self.figure(src, alt, caption, ctx, b.line),
            BlockKind::Rule => {
                let gap = self.space(self.theme.spacing.rule_gap);
                let y = -gap;
                let color = self.theme.colors.rule;
                let line = Item::Line {
                    x1: Pt(ctx.left),
                    y1: Pt(y),
                    x2: Pt(ctx.left + ctx.width),
                    y2: Pt(y),
                    width: Pt(0.8),
                    color,
                };
                vec![Unit {
                    height: 2.0 * gap,
                    items: vec![line],
                    ..Unit::default()
                }]
            }
        }
    }

    /// A heading: kept with what follows, bookmarked.
    fn heading(&mut self, level: u8, content: &[Inline], ctx: &Ctx, line: u32) -> Vec<Unit> {
        let size = self.theme.sizes.heading(level).0;
        let style = Style {
            bold: true,
            italic: level >= 5,
            ..Style::plain(Family::Heading, size, self.theme.colors.accent)
        };
        let node = self.leaf(Role::H(level.clamp(1, 6)), None);
        let lines = self.text(content, &style, ctx, Align::Left, line, node);
        let mut units: Vec<Unit> = lines
            .into_iter()
            .map(|l| Unit {
                keep_with_next: true,
                ..Unit::line(l)
            })
            .collect();
        if let Some(first) = units.first_mut() {
            first.bookmark = Some((level.clamp(1, 6), title_text(content, false)));
        }
        units
    }

    /// A paragraph, justified if the theme says so, without orphan or widow lines.
    fn paragraph(&mut self, content: &[Inline], ctx: &Ctx, line: u32) -> Vec<Unit> {
        let align = if self.theme.text.justify {
            Align::Justify
        } else {
            Align::Left
        };
        let node = self.leaf(Role::P, None);
        let lines = self.text(content, &ctx.style, ctx, align, line, node);
        let n = lines.len();
        lines
            .into_iter()
            .enumerate()
            .map(|(i, l)| Unit {
                keep_with_next: l.hyphenated || (n >= 2 && (i == 0 || i + 2 == n)),
                ..Unit::line(l)
            })
            .collect()
    }

    /// A list; items hang from their markers.
    fn list(&mut self, start: Option<u64>, items: &[ListItem], ctx: &Ctx) -> Vec<Unit> {
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let (marker, family) = match (item.task, start) {
                (Some(true), _) => ("[x]".to_owned(), Family::Code),
                (Some(false), _) => ("[ ]".to_owned(), Family::Code),
                (None, Some(n)) => (format!("{}.", n + i as u64), ctx.style.family),
                (None, None) => (["•", "–", "▪"][ctx.depth % 3].to_owned(), ctx.style.family),
            };
            let line = item.blocks.first().map_or(0, |b| b.line);
            self.begin(Role::LI);
            let (mut units, _) = self.list_item(
                &item.blocks,
                &Ctx {
                    depth: ctx.depth + 1,
                    ..ctx.clone()
                },
                &marker,
                family,
                line,
                Some(Role::LBody),
            );
            self.end();
            if let (Some(first), true) = (units.first_mut(), i > 0) {
                first.gap += self.space(self.theme.spacing.list_spacing);
            }
            out.extend(units);
        }
        out
    }

    /// One list item or note: its blocks indented, the marker in the indent. The marker
    /// is a `Lbl` element, returned with the units; the blocks go inside a `body` element
    /// when one is given.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn list_item(
        &mut self,
        blocks: &[Block],
        ctx: &Ctx,
        marker: &str,
        family: Family,
        line: u32,
        body: Option<Role>,
    ) -> (Vec<Unit>, NodeId) {
        let label = self.leaf(Role::Lbl, None);
        let marker_style = Style {
            family,
            size: if family == Family::Code {
                ctx.style.size * 0.85
            } else {
                ctx.style.size
            },
            ..ctx.style.clone()
        };
        let marker_w = self
            .fonts
            .width(marker_style.face(), marker, marker_style.size);
        let indent = self
            .space(self.theme.spacing.list_indent)
            .max(marker_w + 6.0);
        let inner = Ctx {
            left: ctx.left + indent,
            width: ctx.width - indent,
            ..ctx.clone()
        };
        if let Some(role) = body {
            self.begin(role);
        }
        let mut units = self.blocks(blocks, &inner);
        if body.is_some() {
            self.end();
        }
        if units.is_empty() {
            units.push(Unit::space(ctx.style.size * self.theme.text.line_height));
        }
        let first = &mut units[0];
        let base = first.baseline.unwrap_or(ctx.style.size * 1.0);
        let p = lines::prepare(
            &[Inline::Text(marker.to_owned())],
            &marker_style,
            &self.inline_theme,
            self.fonts,
        );
        self.report_missing(&p.missing, line);
        let x = ctx.left + indent - marker_w - 5.0;
        // The marker goes first so that extracted text reads marker, then item.
        let mut marks = Vec::new();
        for l in p.lines(self.fonts, x, marker_w + 1.0, Align::Left) {
            for it in l.items {
                if let Item::Text(mut t) = it {
                    t.y = Pt(-base);
                    marks.push(Item::Text(t));
                }
            }
        }
        self.adopt(&mut marks, label);
        let at = first
            .items
            .iter()
            .position(|i| matches!(i, Item::Text(_)))
            .unwrap_or(first.items.len());
        first.items.splice(at..at, marks);
        (units, label)
    }

    /// A code block: mono, tinted, lines kept as written.
    fn code(&mut self, text: &str, ctx: &Ctx, line: u32) -> Vec<Unit> {
        let size = self.theme.sizes.code.0 * ctx.style.size / self.theme.sizes.body.0;
        let style = Style::plain(Family::Code, size, self.theme.colors.text);
        let lh = self.theme.text.code_line_height;
        let pad = self.space(self.theme.spacing.code_padding);
        let (lines, missing) = lines::code_lines(
            text,
            &style,
            lh,
            self.fonts,
            ctx.left + pad,
            ctx.width - 2.0 * pad,
        );
        self.report_missing(&missing, line);
        let node = self.leaf(Role::Code, None);
        let n = lines.len();
        let mut units = vec![Unit {
            keep_with_next: true,
            ..Unit::space(pad)
        }];
        units.extend(lines.into_iter().enumerate().map(|(i, l)| Unit {
            keep_with_next: n >= 2 && (i == 0 || i + 2 >= n),
            ..Unit::line(l)
        }));
        units.push(Unit::space(pad));
        self.adopt_units(&mut units, node);
        decorate(
            &mut units,
            band(ctx.left, ctx.width, self.theme.colors.code_background),
        );
        units
    }
}
