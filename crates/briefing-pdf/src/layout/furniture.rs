//! Page furniture: classification banners, running header and `Page N of M` footer.

use briefing_model::{Diagnostic, Document, Inline, Placeholders, Pt, Theme, TitleBlock};

use super::lines::{self, Align, InlineTheme, Style};
use super::{Frame, Item, Tag};
use crate::fonts::{Family, FontSet};

/// Height of the classification strip at the top and foot of every page; 0 without one.
pub(crate) fn banner_height(doc: &Document, theme: &Theme) -> f32 {
    if doc.meta.classification.is_some() || doc.meta.status.is_some() {
        theme.sizes.small.0 * 1.9
    } else {
        0.0
    }
}

/// Adds banners, header and footer to every page, now that the page count is known.
pub(crate) fn decorate(
    pages: &mut [Frame],
    doc: &Document,
    theme: &Theme,
    fonts: &FontSet,
    warnings: &mut Vec<Diagnostic>,
) {
    let meta = &doc.meta;
    let banner: Vec<&str> = [meta.classification.as_deref(), meta.status.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    let banner = banner.join("  ·  ");
    let date = meta.date.map(|d| d.long()).unwrap_or_default();
    let total = pages.len().to_string();
    let (w, h) = (theme.page.size.width.0, theme.page.size.height.0);
    let left = theme.page.margin_left.0;
    let width = theme.text_width().0;
    let it = InlineTheme {
        link: theme.colors.link,
        code_ratio: 1.0,
        code_background: theme.colors.code_background,
        line_height: 1.0,
        hyphenate: None,
    };
    let small = theme.sizes.small.0;
    let mut missing = Vec::new();
    let mut set =
        |text: &str, style: &Style, x: f32, width: f32, align: Align, baseline: f32| -> Vec<Item> {
            let p = lines::prepare(&[Inline::Text(text.to_owned())], style, &it, fonts);
            missing.extend(p.missing.iter().copied());
            let mut out = Vec::new();
            for (k, l) in p.lines(fonts, x, width, align).into_iter().enumerate() {
                let y = baseline - k as f32 * style.size * 1.2;
                out.extend(l.items.into_iter().map(|mut i| {
                    if let Some(tag) = i.tag_mut() {
                        *tag = Tag::Artifact;
                    }
                    i.shifted(0.0, -(y + l.baseline))
                }));
            }
            out
        };
    for (n, page) in pages.iter_mut().enumerate() {
        let number = (n + 1).to_string();
        let values = Placeholders {
            title: &meta.title,
            date: &date,
            classification: meta.classification.as_deref().unwrap_or(""),
            page: &number,
            pages: &total,
        };
        let mut items = Vec::new();
        let furniture = Style::plain(Family::Furniture, small, theme.colors.muted);
        let header = values.fill(&theme.layout.header);
        let band_h = banner_height(doc, theme);
        let header_base =
            h - theme.page.margin_top.0 * 0.5 - if banner.is_empty() { 0.0 } else { band_h * 0.4 };
        // A masthead fills page 1's top margin, so the running header starts on page 2.
        let masthead = n == 0 && theme.layout.title_block == TitleBlock::Masthead;
        if !masthead && !header.trim().is_empty() {
            items.extend(set(
                &header,
                &furniture,
                left,
                width,
                Align::Left,
                header_base,
            ));
            let ry = header_base - small * 0.6;
            items.push(Item::Line {
                x1: Pt(left),
                y1: Pt(ry),
                x2: Pt(left + width),
                y2: Pt(ry),
                width: Pt(0.5),
                color: theme.colors.rule,
            });
        }
        let footer = values.fill(&theme.layout.footer);
        if !footer.trim().is_empty() {
            let base = theme.page.margin_bottom.0 * 0.5
                + if banner.is_empty() { 0.0 } else { band_h * 0.4 };
            items.extend(set(&footer, &furniture, left, width, Align::Center, base));
        }
        if !banner.is_empty() {
            let style = Style {
                bold: true,
                ..Style::plain(Family::Furniture, small, theme.colors.banner_text)
            };
            for y in [h - band_h, 0.0] {
                items.push(Item::Fill {
                    x: Pt(0.0),
                    y: Pt(y),
                    w: Pt(w),
                    h: Pt(band_h),
                    color: theme.colors.banner_background,
                });
                items.extend(set(
                    &banner,
                    &style,
                    0.0,
                    w,
                    Align::Center,
                    y + band_h * 0.5 - small * 0.35,
                ));
            }
        }
        page.items.extend(items);
    }
    missing.sort_unstable();
    missing.dedup();
    for ch in missing {
        warnings.push(Diagnostic::warning(0, format!("character U+{:04X} ({ch}) in the page header or footer is in none of the theme's fonts", u32::from(ch))));
    }
}
