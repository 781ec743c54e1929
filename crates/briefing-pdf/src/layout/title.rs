//! The title block: title, subtitle, byline and the theme's logo, stacked on the page
//! or carried by a full-width masthead band at the top of page 1.

use briefing_model::{Diagnostic, Document, Inline, Pt, Theme, TitleBlock};

use super::flow::{Ctx, Flow, Unit};
use super::furniture;
use super::lines::{Align, Line, Style};
use super::{Item, Role, Tag};
use crate::fonts::Family;
use crate::images;

/// Width of the logo: about 3 cm.
const LOGO_WIDTH: f32 = 85.0;
/// The logo's height at most, so a tall image does not push the title down the page.
const LOGO_MAX_HEIGHT: f32 = 60.0;
/// Space between the logo and the title.
const LOGO_GAP: f32 = 12.0;
/// Space inside the masthead band above and below its text.
const BAND_PAD: f32 = 16.0;

/// The logo's place in `images` and its drawn size.
struct Logo {
    /// Index into the flow's images.
    index: usize,
    /// Width in points.
    w: f32,
    /// Height in points.
    h: f32,
}

impl Flow<'_> {
    /// The title block in the theme's style, then a rule.
    pub(super) fn title_block(&mut self, doc: &Document, ctx: &Ctx) -> Vec<Unit> {
        let logo = self.logo();
        let mut units = match self.theme.layout.title_block {
            TitleBlock::Stacked => self.stacked(doc, ctx, logo),
            TitleBlock::Masthead => self.masthead(doc, ctx, logo),
        };
        units.extend(self.byline(doc, ctx));
        units.extend(self.summary(doc, ctx));
        let t = self.theme;
        let rule = Item::Line {
            x1: Pt(ctx.left),
            y1: Pt(-8.0),
            x2: Pt(ctx.left + ctx.width),
            y2: Pt(-8.0),
            width: Pt(0.8),
            color: t.colors.rule,
        };
        units.push(Unit {
            height: 14.0,
            items: vec![rule],
            keep_with_next: true,
            ..Unit::default()
        });
        units
    }

    /// Decodes the theme's logo into the images, warning (line 0) when it cannot be read.
    fn logo(&mut self) -> Option<Logo> {
        let file = self.theme.logo.as_ref()?;
        match images::decode(file.data.to_vec(), &file.path) {
            Ok(img) => {
                let (iw, ih) = (img.width as f32, img.height as f32);
                let mut w = LOGO_WIDTH;
                let mut h = w * ih / iw.max(1.0);
                if h > LOGO_MAX_HEIGHT {
                    w *= LOGO_MAX_HEIGHT / h;
                    h = LOGO_MAX_HEIGHT;
                }
                let index = self.images.len();
                self.images.push(img);
                Some(Logo { index, w, h })
            }
            Err(why) => {
                self.warnings.push(
                    Diagnostic::warning(
                        0,
                        format!(
                            "the theme's logo cannot be shown: {why}; the title block has no logo"
                        ),
                    )
                    .with_hint("give the theme a PNG or JPEG logo"),
                );
                None
            }
        }
    }

    /// The title's and subtitle's lines in `color`, set in `ctx`.
    fn title_lines(
        &mut self,
        doc: &Document,
        ctx: &Ctx,
        title_color: briefing_model::Rgb,
        sub_color: briefing_model::Rgb,
    ) -> (Vec<Line>, Vec<Line>) {
        let t = self.theme;
        let title = Style {
            bold: true,
            ..Style::plain(Family::Heading, t.sizes.title.0, title_color)
        };
        let node = self.leaf(Role::P, None);
        let title = self.text(
            &[Inline::Text(doc.meta.title.clone())],
            &title,
            ctx,
            Align::Left,
            0,
            node,
        );
        let sub = match &doc.meta.subtitle {
            Some(sub) => {
                let style = Style::plain(Family::Heading, t.sizes.subtitle.0, sub_color);
                let node = self.leaf(Role::P, None);
                self.text(
                    &[Inline::Text(sub.clone())],
                    &style,
                    ctx,
                    Align::Left,
                    0,
                    node,
                )
            }
            None => Vec::new(),
        };
        (title, sub)
    }

    /// Logo above, then title and subtitle in the heading colours, one unit per line.
    fn stacked(&mut self, doc: &Document, ctx: &Ctx, logo: Option<Logo>) -> Vec<Unit> {
        let t = self.theme;
        let mut units = Vec::new();
        if let Some(logo) = logo {
            units.push(Unit {
                height: logo.h + LOGO_GAP,
                items: vec![Item::Image {
                    x: Pt(ctx.left),
                    y: Pt(-logo.h),
                    w: Pt(logo.w),
                    h: Pt(logo.h),
                    image: logo.index,
                    tag: Tag::Artifact,
                }],
                keep_with_next: true,
                ..Unit::default()
            });
        }
        let (title, sub) = self.title_lines(doc, ctx, t.colors.accent, t.colors.muted);
        for l in title {
            units.push(Unit {
                keep_with_next: true,
                ..Unit::line(l)
            });
        }
        for (i, l) in sub.into_iter().enumerate() {
            units.push(Unit {
                gap: if i == 0 {
                    t.sizes.subtitle.0 * 0.3
                } else {
                    0.0
                },
                keep_with_next: true,
                ..Unit::line(l)
            });
        }
        units
    }

    /// One unit: a band across the whole page width from the page's top edge, in the banner
    /// colours, carrying title and subtitle (and the logo on the right). It reaches up into
    /// the top margin; a classification banner there keeps its strip at the band's top.
    fn masthead(&mut self, doc: &Document, ctx: &Ctx, logo: Option<Logo>) -> Vec<Unit> {
        let t = self.theme;
        let logo_room = logo.as_ref().map_or(0.0, |l| l.w + LOGO_GAP);
        let text_ctx = Ctx {
            width: (ctx.width - logo_room).max(ctx.width * 0.5),
            ..ctx.clone()
        };
        let (title, sub) =
            self.title_lines(doc, &text_ctx, t.colors.banner_text, t.colors.banner_text);
        // Distances down from the page's top edge.
        let strip = furniture::banner_height(doc, t);
        let top = strip + BAND_PAD;
        let mut d = top;
        let mut text = Vec::new();
        for l in title {
            text.extend(l.items.into_iter().map(|i| (d, i)));
            d += l.height;
        }
        for (i, l) in sub.into_iter().enumerate() {
            if i == 0 {
                d += t.sizes.subtitle.0 * 0.3;
            }
            text.extend(l.items.into_iter().map(|i| (d, i)));
            d += l.height;
        }
        let text_h = d - top;
        let inner = logo.as_ref().map_or(text_h, |l| text_h.max(l.h));
        // Text and logo centred on each other in the band.
        let text_shift = (inner - text_h) / 2.0;
        let bottom = top + inner + BAND_PAD;
        // Items are placed relative to the unit's top, which sits at the top margin.
        let margin = t.page.margin_top.0;
        let mut items = vec![Item::Fill {
            x: Pt(0.0),
            y: Pt(margin - bottom),
            w: Pt(t.page.size.width.0),
            h: Pt(bottom),
            color: t.colors.banner_background,
        }];
        if strip > 0.0 {
            // The classification strip shares the band's colours: a hairline sets it apart.
            let y = margin - strip;
            items.push(Item::Line {
                x1: Pt(ctx.left),
                y1: Pt(y),
                x2: Pt(ctx.left + ctx.width),
                y2: Pt(y),
                width: Pt(0.4),
                color: t.colors.banner_text,
            });
        }
        items.extend(
            text.into_iter()
                .map(|(d, i)| i.shifted(0.0, d + text_shift - margin)),
        );
        if let Some(logo) = logo {
            items.push(Item::Image {
                x: Pt(ctx.left + ctx.width - logo.w),
                y: Pt(margin - top - (inner + logo.h) / 2.0),
                w: Pt(logo.w),
                h: Pt(logo.h),
                image: logo.index,
                tag: Tag::Artifact,
            });
        }
        vec![Unit {
            height: (bottom - margin).max(0.0) + 4.0,
            items,
            keep_with_next: true,
            ..Unit::default()
        }]
    }

    /// Authors, organization and date in the muted colour, below the title.
    fn byline(&mut self, doc: &Document, ctx: &Ctx) -> Vec<Unit> {
        let t: &Theme = self.theme;
        let meta = &doc.meta;
        let mut byline = Vec::new();
        if !meta.authors.is_empty() {
            byline.push(meta.authors.join(", "));
        }
        if let Some(org) = &meta.organization {
            byline.push(org.clone());
        }
        if let Some(date) = meta.date {
            byline.push(date.long());
        }
        if byline.is_empty() {
            return Vec::new();
        }
        let style = Style::plain(Family::Heading, t.sizes.small.0 * 1.1, t.colors.muted);
        self.title_paragraph(byline.join("  ·  "), &style, 6.0, ctx)
    }

    /// The summary in italics below the byline, as the HTML and Word editions show it.
    fn summary(&mut self, doc: &Document, ctx: &Ctx) -> Vec<Unit> {
        let Some(summary) = doc.meta.summary.as_deref().filter(|s| !s.trim().is_empty()) else {
            return Vec::new();
        };
        let t: &Theme = self.theme;
        let style = Style {
            italic: true,
            ..Style::plain(Family::Body, t.sizes.body.0, t.colors.text)
        };
        let gap = t.text.paragraph_spacing.0.max(6.0);
        self.title_paragraph(summary.trim().to_owned(), &style, gap, ctx)
    }

    /// A paragraph of the title block: ragged lines tagged as one P, `gap` above, all kept
    /// with what follows.
    fn title_paragraph(&mut self, text: String, style: &Style, gap: f32, ctx: &Ctx) -> Vec<Unit> {
        let node = self.leaf(Role::P, None);
        let lines = self.text(&[Inline::Text(text)], style, ctx, Align::Left, 0, node);
        lines
            .into_iter()
            .enumerate()
            .map(|(i, l)| Unit {
                gap: if i == 0 { gap } else { 0.0 },
                keep_with_next: true,
                ..Unit::line(l)
            })
            .collect()
    }
}
