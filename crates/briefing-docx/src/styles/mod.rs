//! The theme as Word styles: `word/styles.xml`, written whole.
//!
//! docx-rs writes a fixed `Normal` without `w:default`, puts style children out of schema
//! order and has no keep-with-next or shading on styles, so we write the part ourselves.
//! Ids and names are Word's built-in ones (`Heading1` / "heading 1"), so Word, LibreOffice,
//! pandoc and python-docx all recognise them.

use std::fmt::Write as _;

use briefing_model::{Pt, Theme, TitleBlock};

use crate::text::escape;

pub(crate) mod id;
mod ppr;
mod row;
mod rows;
mod rpr;

use ppr::{Border, LineRule, PPr, Tab};
use row::{Font, Frame, Gap, Indent, Ink, Kind, Line, Row, Size, Tabs};
use rows::ROWS;
use rpr::RPr;

/// Hanging indent of list items per nesting level, in twips.
pub(crate) const LIST_INDENT: i32 = 360;

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

    /// Line spacing in 240ths of a line, from the theme's multiple.
    fn line(&self) -> i32 {
        (self.theme.text.line_height * 240.0).round() as i32
    }

    fn defaults(&mut self, lang: &str) {
        let t = self.theme;
        let rpr = RPr {
            font: Some(&t.fonts.body.family),
            color: Some(t.colors.text.hex()),
            size: Some(t.sizes.body),
            ..RPr::default()
        };
        self.out.push_str("<w:docDefaults><w:rPrDefault>");
        let mut r = String::new();
        rpr.write(&mut r);
        let lang = escape(lang);
        // w:lang belongs at the end of rPr: insert it before the closing tag.
        let r = r.replace(
            "</w:rPr>",
            &format!(r#"<w:lang w:val="{lang}" w:eastAsia="{lang}" w:bidi="{lang}"/></w:rPr>"#),
        );
        self.out.push_str(&r);
        let _ = write!(
            self.out,
            r#"</w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="{}" w:line="{}" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>"#,
            t.text.paragraph_spacing.twips(),
            self.line()
        );
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
            }),
            contextual: row.contextual,
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
            Some(Frame::Quote) => p.borders = vec![edge("left", 18, 8, t.colors.rule.hex())],
            Some(Frame::Callout) => {
                p.borders = vec![edge("left", 24, 8, t.colors.accent.hex())];
                p.shade = Some(t.colors.callout_background.hex());
            }
            Some(Frame::Code) => p.shade = Some(t.colors.code_background.hex()),
            Some(Frame::Rule) => p.borders = vec![edge("bottom", 6, 1, t.colors.rule.hex())],
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
            Some(Indent::Quote) => Some((2 * LIST_INDENT, Some(2 * LIST_INDENT))),
            Some(Indent::Callout) => Some((LIST_INDENT, Some(LIST_INDENT))),
            Some(Indent::Code) => Some((115, Some(115))),
            Some(Indent::Toc(level)) => Some((i32::from(level - 1) * LIST_INDENT, None)),
        };
        p
    }

    /// A space above or below, in twips.
    fn gap(&self, gap: Gap) -> i32 {
        let t = self.theme;
        let para = t.text.paragraph_spacing.twips();
        match gap {
            Gap::Twips(n) => n,
            Gap::Paragraph => para,
            Gap::HalfParagraph => para / 2,
            Gap::TwoParagraphs => para * 2,
            Gap::MastheadTwoParagraphs if t.layout.title_block == TitleBlock::Masthead => para * 2,
            Gap::MastheadTwoParagraphs => 0,
            Gap::HeadingBefore(level) => {
                let size = t.sizes.heading(level);
                (size.0 * 20.0 * if level == 1 { 1.2 } else { 0.9 }).round() as i32
            }
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
        let _ = write!(
            self.out,
            concat!(
                r#"<w:style w:type="table" w:styleId="{id}"><w:name w:val="Briefing Table"/><w:basedOn w:val="TableNormal"/><w:qFormat/>"#,
                r#"<w:pPr><w:spacing w:after="0"/></w:pPr>"#,
                r#"<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="{rule}"/><w:left w:val="nil"/>"#,
                r#"<w:bottom w:val="single" w:sz="4" w:space="0" w:color="{rule}"/><w:right w:val="nil"/>"#,
                r#"<w:insideH w:val="single" w:sz="4" w:space="0" w:color="{rule}"/><w:insideV w:val="nil"/></w:tblBorders>"#,
                r#"<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>"#,
                r#"<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tblPr/><w:tcPr><w:tcBorders><w:bottom w:val="single" w:sz="8" w:space="0" w:color="{accent}"/></w:tcBorders><w:shd w:val="clear" w:color="auto" w:fill="{bg}"/></w:tcPr></w:tblStylePr>"#,
                r#"</w:style>"#
            ),
            id = id,
            rule = t.colors.rule.hex(),
            accent = t.colors.accent.hex(),
            bg = t.colors.callout_background.hex(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet() -> String {
        styles_xml(&briefing_model::builtin("briefing").unwrap(), "en-GB")
    }

    #[test]
    fn built_in_ids_and_names_are_present() {
        let x = sheet();
        for (id, name) in [
            ("Normal", "Normal"),
            ("Title", "Title"),
            ("Subtitle", "Subtitle"),
            ("Heading1", "heading 1"),
            ("Heading6", "heading 6"),
            ("Quote", "Quote"),
            ("IntenseQuote", "Intense Quote"),
            ("ListBullet", "List Bullet"),
            ("ListNumber", "List Number"),
            ("Caption", "caption"),
            ("FootnoteText", "footnote text"),
            ("FootnoteReference", "footnote reference"),
            ("EndnoteText", "endnote text"),
            ("EndnoteReference", "endnote reference"),
            ("Header", "header"),
            ("Footer", "footer"),
            ("Hyperlink", "Hyperlink"),
            ("TOC1", "toc 1"),
            ("TOC3", "toc 3"),
        ] {
            assert!(
                x.contains(&format!(r#"w:styleId="{id}"><w:name w:val="{name}"/>"#)),
                "{id}"
            );
        }
        assert_eq!(x.matches(r#"w:styleId="Normal""#).count(), 1);
    }

    #[test]
    fn theme_values_reach_the_styles() {
        let x = sheet();
        assert!(x.contains(r#"<w:lang w:val="en-GB""#));
        assert!(x.contains(r#"w:ascii="Noto Serif""#));
        assert!(x.contains(r#"w:ascii="JetBrains Mono""#));
        // 10.5 pt body = 21 half-points; the accent colour on headings.
        assert!(x.contains(r#"<w:sz w:val="21"/>"#));
        assert!(x.contains(r#"<w:color w:val="1F4E79"/>"#));
        assert!(x.contains(r#"<w:outlineLvl w:val="0"/>"#));
    }
}
