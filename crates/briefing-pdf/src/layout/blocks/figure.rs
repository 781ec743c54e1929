//! Figures: an image scaled to the column, or a placeholder box with its alt text.

use briefing_model::{Diagnostic, Inline, Pt};

use crate::images;
use crate::layout::flow::{Ctx, Flow, Unit};
use crate::layout::lines::{Align, Style};
use crate::layout::{Item, Role, Tag};

impl Flow<'_> {
    /// A figure scaled to the column, or a placeholder box when the image cannot be read.
    pub(super) fn figure(
        &mut self,
        src: &str,
        alt: &str,
        caption: &[Inline],
        ctx: &Ctx,
        line: u32,
    ) -> Vec<Unit> {
        let max_h = (self.theme.page.size.height.0
            - self.theme.page.margin_top.0
            - self.theme.page.margin_bottom.0)
            * 0.6;
        let mut units = Vec::new();
        let figure = self.leaf(Role::Figure, Some(alt.trim().to_owned()));
        match images::load(self.assets, src) {
            Ok(img) => {
                let (iw, ih) = (img.width as f32, img.height as f32);
                let mut w = ctx.width;
                let mut h = w * ih / iw.max(1.0);
                if h > max_h {
                    w *= max_h / h;
                    h = max_h;
                }
                let x = ctx.left + (ctx.width - w) / 2.0;
                let index = self.images.len();
                self.images.push(img);
                units.push(Unit {
                    height: h,
                    items: vec![Item::Image {
                        x: Pt(x),
                        y: Pt(-h),
                        w: Pt(w),
                        h: Pt(h),
                        image: index,
                        tag: Tag::Node(figure),
                    }],
                    ..Unit::default()
                });
            }
            Err(why) => {
                self.warnings.push(
                    Diagnostic::warning(line, format!("{why}; a placeholder box stands in"))
                        .with_hint("image paths are relative to the source file"),
                );
                let h = 60.0;
                let (x0, x1) = (ctx.left, ctx.left + ctx.width);
                let c = self.theme.colors.rule;
                let mut items = vec![Item::Fill {
                    x: Pt(x0),
                    y: Pt(-h),
                    w: Pt(ctx.width),
                    h: Pt(h),
                    color: self.theme.colors.code_background,
                }];
                for (a, b, cc, d) in [
                    (x0, 0.0, x1, 0.0),
                    (x0, -h, x1, -h),
                    (x0, 0.0, x0, -h),
                    (x1, 0.0, x1, -h),
                ] {
                    items.push(Item::Line {
                        x1: Pt(a),
                        y1: Pt(b),
                        x2: Pt(cc),
                        y2: Pt(d),
                        width: Pt(0.8),
                        color: c,
                    });
                }
                let style = Style {
                    italic: true,
                    color: self.theme.colors.muted,
                    ..ctx.style.clone()
                };
                let pad = self.space(self.theme.spacing.code_padding);
                let inner = Ctx {
                    left: x0 + pad,
                    width: ctx.width - 2.0 * pad,
                    ..ctx.clone()
                };
                let label = if alt.is_empty() {
                    format!("[image: {src}]")
                } else {
                    format!("[image: {alt}]")
                };
                let ls = self.text(
                    &[Inline::Text(label)],
                    &style,
                    &inner,
                    Align::Center,
                    line,
                    figure,
                );
                let text_h: f32 = ls.iter().map(|l| l.height).sum();
                let mut y = -(h - text_h).max(0.0) / 2.0;
                for l in ls {
                    items.extend(l.items.into_iter().map(|i| i.shifted(0.0, -y)));
                    y -= l.height;
                }
                units.push(Unit {
                    height: h.max(-y),
                    items,
                    ..Unit::default()
                });
            }
        }
        if !caption.is_empty() {
            units[0].keep_with_next = true;
            let caption_gap = self.space(self.theme.spacing.caption_gap);
            let style = Style {
                italic: true,
                size: self.theme.sizes.small.0,
                color: self.theme.colors.muted,
                ..ctx.style.clone()
            };
            let node = self.leaf(Role::Caption, None);
            for (i, l) in self
                .text(caption, &style, ctx, Align::Center, line, node)
                .into_iter()
                .enumerate()
            {
                units.push(Unit {
                    gap: if i == 0 { caption_gap } else { 0.0 },
                    keep_with_next: true,
                    ..Unit::line(l)
                });
            }
            if let Some(last) = units.last_mut() {
                last.keep_with_next = false;
            }
        }
        units
    }
}
