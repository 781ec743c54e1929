//! The theme as Word styles: `word/styles.xml`, written whole.
//!
//! docx-rs writes a fixed `Normal` without `w:default`, puts style children out of schema
//! order and has no keep-with-next or shading on styles, so we write the part ourselves.
//! Ids and names are Word's built-in ones (`Heading1` / "heading 1"), so Word, LibreOffice,
//! pandoc and python-docx all recognise them.

use std::fmt::Write as _;

use briefing_model::{Pt, Space, Theme, TitleBlock};

pub(crate) mod id;
mod ppr;
mod row;
mod rows;
mod rpr;

use ppr::{Border, LineRule, PPr, Tab};
use row::{Font, Frame, Gap, Indent, Ink, Kind, Line, Row, Size, Tabs};
use rows::ROWS;
use rpr::RPr;

/// How far each level of list nesting indents its items' text, in twips: the theme's list
/// indent. The marker hangs in it.
pub(crate) fn list_indent(theme: &Theme) -> i32 {
    theme.spacing.list_indent.of(theme.sizes.body).twips()
}

/// Builds `word/styles.xml` for `theme`, with `lang` as the document language.
pub(crate) fn styles_xml(theme: &Theme, lang: &str) -> String {
    let mut s = StyleSheet::new(theme);
    s.defaults(lang);
    s.all();
    s.out.push_str("</w:styles>");
    s.out
}

/// The writer of the style sheet, holding the theme its rows resolve against.
struct StyleSheet<'a> {
    theme: &'a Theme,
    out: String,
}

impl<'a> StyleSheet<'a> {
    fn new(theme: &'a Theme) -> Self {
        let mut out = String::with_capacity(16 * 1024);
        out.push_str(concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            "\n",
            r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#
        ));
        StyleSheet { theme, out }
    }

    /// A space of the theme's `[spacing]`, for the body size.
    fn space(&self, space: Space) -> Pt {
        space.of(self.theme.sizes.body)
    }

    /// Exact line spacing for text of `size`: the line height times the size, as the PDF
    /// sets every line, so that baselines are as far apart in Word as in the PDF. (Word's
    /// `auto` rule multiplies the font's own line height instead, over a third more for
    /// the Noto fonts.)
    fn leading(&self, size: Pt, line_height: f32) -> LineRule {
        LineRule::Exact(Pt(size.0 * line_height).twips())
    }

    fn defaults(&mut self, lang: &str) {
        let t = self.theme;
        let rpr = RPr {
            font: Some(&t.fonts.body.family),
            color: Some(t.colors.text.hex()),
            size: Some(t.sizes.body),
            lang: Some(lang),
            ..RPr::default()
        };
        self.out.push_str("<w:docDefaults><w:rPrDefault>");
        rpr.write(&mut self.out);
        // Paragraphs without a style are spaced as Normal ones.
        self.out.push_str("</w:rPrDefault><w:pPrDefault>");
        let normal = ROWS
            .iter()
            .find(|r| r.id == id::NORMAL)
            .expect("Normal is a row");
        PPr {
            jc: None,
            ..self.ppr(normal)
        }
        .write(&mut self.out);
        self.out.push_str("</w:pPrDefault></w:docDefaults>");
    }

    /// Writes every row of the table.
    fn all(&mut self) {
        for row in &ROWS {
            match row.kind {
                Kind::Table => self.table_style(row.id),
                Kind::Paragraph | Kind::Character => self.style(row),
            }
        }
    }

    /// Writes one paragraph or character style.
    fn style(&mut self, row: &Row) {
        let kind = match row.kind {
            Kind::Character => "character",
            _ => "paragraph",
        };
        let default = if row.based_on.is_none() {
            r#" w:default="1""#
        } else {
            ""
        };
        let _ = write!(
            self.out,
            r#"<w:style w:type="{kind}"{default} w:styleId="{}"><w:name w:val="{}"/>"#,
            row.id, row.name
        );
        if let Some(b) = row.based_on {
            let _ = write!(self.out, r#"<w:basedOn w:val="{b}"/>"#);
        }
        if let Some(n) = row.next {
            let _ = write!(self.out, r#"<w:next w:val="{n}"/>"#);
        }
        self.out.push_str("<w:qFormat/>");
        let ppr = self.ppr(row);
        ppr.write(&mut self.out);
        if row.rpr {
            self.rpr(row).write(&mut self.out);
        }
        self.out.push_str("</w:style>");
    }

    /// The row's paragraph properties, resolved against the theme.
    fn ppr(&self, row: &Row) -> PPr {
        let t = self.theme;
        let masthead = t.layout.title_block == TitleBlock::Masthead;
        let mut p = PPr {
            keep_next: row.keep_next,
            keep_lines: row.keep_lines,
            before: row.before.map(|g| self.gap(g)),
            after: row.after.map(|g| self.gap(g)),
            line: row.line.map(|l| match l {
                Line::Auto(n) => LineRule::Auto(n),
                Line::Leading => {
                    let size = row.size.map_or(t.sizes.body, |s| self.size(s));
                    self.leading(size, t.text.line_height)
                }
                Line::Code => self.leading(t.sizes.code, t.text.code_line_height),
                Line::RuleGap => LineRule::Exact(self.space(t.spacing.rule_gap).twips()),
            }),
            jc: match row.jc {
                Some("") => t.text.justify.then_some("both"),
                jc => jc,
            },
            outline: row.outline,
            ..PPr::default()
        };
        let edge = |edge, size, space, color: String| Border {
            edge,
            size,
            space,
            color,
        };
        // A padded box: its fill reaches `pad` beyond the text on each side, drawn by borders
        // in the fill's colour whose distance from the text is the padding (in whole points,
        // as Word has them) less the border's own width. The left one may be a visible bar.
        let padded = |fill: String, [pad_v, pad_h]: [Pt; 2], left: Border| {
            let space = |pad: Pt, eighths: u8| {
                (pad.0 - f32::from(eighths) / 8.0).round().clamp(0.0, 31.0) as i32
            };
            vec![
                edge("top", 4, space(pad_v, 4), fill.clone()),
                Border {
                    space: space(pad_h, left.size),
                    ..left
                },
                edge("bottom", 4, space(pad_v, 4), fill.clone()),
                edge("right", 4, space(pad_h, 4), fill),
            ]
        };
        match row.frame {
            Some(Frame::Band) if masthead => {
                // The borders' space is the band's padding; the indent keeps the band, border
                // and all, inside the text width.
                let bg = t.colors.banner_background.hex();
                p.borders = vec![
                    edge("top", 4, 14, bg.clone()),
                    edge("left", 4, 10, bg.clone()),
                    edge("bottom", 4, 12, bg.clone()),
                    edge("right", 4, 10, bg.clone()),
                ];
                p.shade = Some(bg);
            }
            Some(Frame::Band) => {}
            Some(Frame::Byline) => p.borders = vec![edge("bottom", 6, 6, t.colors.rule.hex())],
            Some(Frame::Quote) => {
                // The bar stands at the quote's edge, the text at the quote indent.
                let indent = self.space(t.spacing.quote_indent).0;
                let space = (indent - 18.0 / 8.0).round().clamp(0.0, 31.0) as i32;
                p.borders = vec![edge("left", 18, space, t.colors.rule.hex())];
            }
            Some(Frame::Callout) => {
                let fill = t.colors.callout_background.hex();
                let pad = t.spacing.callout_padding.map(|s| self.space(s));
                let bar = edge("left", 20, 0, t.colors.accent.hex());
                p.borders = padded(fill.clone(), pad, bar);
                p.shade = Some(fill);
            }
            Some(Frame::Code) => {
                let fill = t.colors.code_background.hex();
                let pad = self.space(t.spacing.code_padding);
                let left = edge("left", 4, 0, fill.clone());
                p.borders = padded(fill.clone(), [pad, pad], left);
                p.shade = Some(fill);
            }
            Some(Frame::Rule) => p.borders = vec![edge("bottom", 6, 0, t.colors.rule.hex())],
            Some(Frame::Banner) => p.shade = Some(t.colors.banner_background.hex()),
            None => {}
        }
        let width = t.text_width().twips();
        p.tabs = match row.tabs {
            Some(Tabs::Furniture) => vec![
                Tab {
                    align: "center",
                    dots: false,
                    pos: width / 2,
                },
                Tab {
                    align: "right",
                    dots: false,
                    pos: width,
                },
            ],
            Some(Tabs::Leader) => vec![Tab {
                align: "right",
                dots: true,
                pos: width,
            }],
            None => Vec::new(),
        };
        p.indent = match row.indent {
            Some(Indent::Band) if masthead => Some((220, Some(220))),
            Some(Indent::Band) | None => None,
            Some(Indent::Quote) => Some((self.space(t.spacing.quote_indent).twips(), None)),
            Some(Indent::Callout) => {
                let pad = self.space(t.spacing.callout_padding[1]).twips();
                Some((pad, Some(pad)))
            }
            Some(Indent::Code) => {
                let pad = self.space(t.spacing.code_padding).twips();
                Some((pad, Some(pad)))
            }
            Some(Indent::Toc(level)) => {
                let indent = self.space(t.spacing.toc_indent).twips();
                Some((i32::from(level - 1) * indent, None))
            }
        };
        p
    }

    /// A space above or below, in twips.
    fn gap(&self, gap: Gap) -> i32 {
        let t = self.theme;
        let s = &t.spacing;
        let para = t.text.paragraph_spacing.twips();
        match gap {
            Gap::Twips(n) => n,
            Gap::Paragraph => para,
            Gap::TwoParagraphs => para * 2,
            Gap::MastheadTwoParagraphs if t.layout.title_block == TitleBlock::Masthead => para * 2,
            Gap::MastheadTwoParagraphs => 0,
            Gap::HeadingBefore(level) => s.heading_before(level, t.sizes.heading(level)).twips(),
            Gap::HeadingAfter(level) => s.heading_after(level, t.sizes.heading(level)).twips(),
            Gap::ListSpacing => self.space(s.list_spacing).twips(),
            Gap::FigureBefore => self.space(s.figure_before).twips(),
            Gap::FigureAfter => self.space(s.figure_after).twips(),
            Gap::Caption => self.space(s.caption_gap).twips(),
            Gap::NoteSpacing => self.space(s.note_spacing).twips(),
            Gap::TocSpacing => self.space(s.toc_spacing).twips(),
            Gap::RuleAfter => self.space(s.rule_gap).twips() + para,
        }
    }

    /// The row's run properties, resolved against the theme.
    fn rpr(&self, row: &Row) -> RPr<'a> {
        let t = self.theme;
        let masthead = t.layout.title_block == TitleBlock::Masthead;
        let ink = |ink: Ink| {
            match ink {
                Ink::Text => t.colors.text,
                Ink::Muted => t.colors.muted,
                Ink::Accent => t.colors.accent,
                Ink::Link => t.colors.link,
                Ink::BannerText => t.colors.banner_text,
                Ink::Title if masthead => t.colors.banner_text,
                Ink::Title => t.colors.accent,
                Ink::Subtitle if masthead => t.colors.banner_text,
                Ink::Subtitle => t.colors.muted,
                Ink::CodeBackground => t.colors.code_background,
            }
            .hex()
        };
        RPr {
            font: row.font.map(|f| {
                match f {
                    Font::Body => &t.fonts.body,
                    Font::Heading => &t.fonts.heading,
                    Font::Code => &t.fonts.code,
                    Font::Furniture => &t.fonts.furniture,
                }
                .family
                .as_str()
            }),
            bold: row.bold,
            italic: row.italic,
            color: row.color.map(ink),
            size: row.size.map(|s| self.size(s)),
            underline: row.underline,
            shade: row.shade.map(ink),
            superscript: row.superscript,
            lang: None,
        }
    }

    /// A font size of the theme.
    fn size(&self, size: Size) -> Pt {
        let s = &self.theme.sizes;
        match size {
            Size::Body => s.body,
            Size::Small => s.small,
            Size::Code => s.code,
            Size::Title => s.title,
            Size::Subtitle => s.subtitle,
            Size::Heading(level) => s.heading(level),
        }
    }

    /// Writes a table style: Word's default one, or ours with rules between rows.
    fn table_style(&mut self, id: &str) {
        if id == id::TABLE_NORMAL {
            self.out.push_str(concat!(
                r#"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:unhideWhenUsed/>"#,
                r#"<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>"#,
                r#"<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#
            ));
            return;
        }
        let t = self.theme;
        let [pad_v, pad_h] = t.spacing.cell_padding.map(|s| self.space(s).twips());
        let _ = write!(
            self.out,
            concat!(
                r#"<w:style w:type="table" w:styleId="{id}"><w:name w:val="Briefing Table"/><w:basedOn w:val="TableNormal"/><w:qFormat/>"#,
                r#"<w:pPr><w:spacing w:after="0"/></w:pPr>"#,
                r#"<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="{rule}"/><w:left w:val="nil"/>"#,
                r#"<w:bottom w:val="single" w:sz="4" w:space="0" w:color="{rule}"/><w:right w:val="nil"/>"#,
                r#"<w:insideH w:val="single" w:sz="4" w:space="0" w:color="{rule}"/><w:insideV w:val="nil"/></w:tblBorders>"#,
                r#"<w:tblCellMar><w:top w:w="{pad_v}" w:type="dxa"/><w:left w:w="{pad_h}" w:type="dxa"/><w:bottom w:w="{pad_v}" w:type="dxa"/><w:right w:w="{pad_h}" w:type="dxa"/></w:tblCellMar></w:tblPr>"#,
                r#"<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tblPr/><w:tcPr><w:tcBorders><w:bottom w:val="single" w:sz="8" w:space="0" w:color="{accent}"/></w:tcBorders><w:shd w:val="clear" w:color="auto" w:fill="{bg}"/></w:tcPr></w:tblStylePr>"#,
                r#"</w:style>"#
            ),
            id = id,
            rule = t.colors.rule.hex(),
            accent = t.colors.accent.hex(),
            bg = t.colors.callout_background.hex(),
            pad_v = pad_v,
            pad_h = pad_h,
        );
    }
}

#[cfg(test)]
mod tests;
