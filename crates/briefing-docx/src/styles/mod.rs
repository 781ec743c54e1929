//! The theme as Word styles: `word/styles.xml`, written whole.
//!
//! docx-rs writes a fixed `Normal` without `w:default`, puts style children out of schema
//! order and has no keep-with-next or shading on styles, so we write the part ourselves.
//! Ids and names are Word's built-in ones (`Heading1` / "heading 1"), so Word, LibreOffice,
//! pandoc and python-docx all recognise them.

use std::fmt::Write as _;

use briefing_model::{Theme, TitleBlock};

use crate::text::escape;

pub(crate) mod id;
mod rpr;

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

/// The writer of the style sheet, holding the theme's derived values.
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

    /// Writes one style. `ppr` is the inside of `w:pPr` (already in schema order).
    #[allow(clippy::too_many_arguments)]
    fn style(
        &mut self,
        kind: &str,
        id: &str,
        name: &str,
        based_on: Option<&str>,
        next: Option<&str>,
        ppr: &str,
        rpr: Option<RPr<'_>>,
    ) {
        let default = if id == "Normal" || id == "DefaultParagraphFont" || id == "TableNormal" {
            r#" w:default="1""#
        } else {
            ""
        };
        let _ = write!(
            self.out,
            r#"<w:style w:type="{kind}"{default} w:styleId="{id}"><w:name w:val="{name}"/>"#
        );
        if let Some(b) = based_on {
            let _ = write!(self.out, r#"<w:basedOn w:val="{b}"/>"#);
        }
        if let Some(n) = next {
            let _ = write!(self.out, r#"<w:next w:val="{n}"/>"#);
        }
        self.out.push_str("<w:qFormat/>");
        if !ppr.is_empty() {
            let _ = write!(self.out, "<w:pPr>{ppr}</w:pPr>");
        }
        if let Some(r) = rpr {
            r.write(&mut self.out);
        }
        self.out.push_str("</w:style>");
    }

    fn para(&mut self, id: &str, name: &str, ppr: &str, rpr: RPr<'_>) {
        self.style(
            "paragraph",
            id,
            name,
            Some("Normal"),
            Some("Normal"),
            ppr,
            Some(rpr),
        );
    }

    /// Logo, Title and Subtitle. In a masthead they share one band: the same shading and
    /// borders in the banner colour on each, which Word and LibreOffice draw as one box.
    fn title_block(&mut self, after: i32) {
        let t = self.theme;
        let heading_font = t.fonts.heading.family.as_str();
        let (band, ind, title_colour, subtitle_colour) = match t.layout.title_block {
            TitleBlock::Stacked => (
                String::new(),
                "",
                t.colors.accent.hex(),
                t.colors.muted.hex(),
            ),
            TitleBlock::Masthead => {
                let bg = t.colors.banner_background.hex();
                // The borders' space is the band's padding; the indent keeps the band, border
                // and all, inside the text width.
                let side = |edge: &str, space: u8| {
                    format!(
                        r#"<w:{edge} w:val="single" w:sz="4" w:space="{space}" w:color="{bg}"/>"#
                    )
                };
                let band = format!(
                    r#"<w:pBdr>{}{}{}{}</w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="{bg}"/>"#,
                    side("top", 14),
                    side("left", 10),
                    side("bottom", 12),
                    side("right", 10)
                );
                let text = t.colors.banner_text.hex();
                (
                    band,
                    r#"<w:ind w:left="220" w:right="220"/>"#,
                    text.clone(),
                    text,
                )
            }
        };
        self.para(
            id::LOGO,
            "Logo",
            &format!(r#"<w:keepNext/>{band}<w:spacing w:before="0" w:after="{after}" w:line="240" w:lineRule="auto"/>{ind}<w:jc w:val="left"/>"#),
            RPr::default(),
        );
        self.para(
            id::TITLE,
            "Title",
            &format!(r#"<w:keepNext/>{band}<w:spacing w:before="0" w:after="{after}" w:line="240" w:lineRule="auto"/>{ind}<w:jc w:val="left"/>"#),
            RPr { font: Some(heading_font), bold: true, color: Some(title_colour), size: Some(t.sizes.title), ..RPr::default() },
        );
        self.para(
            id::SUBTITLE,
            "Subtitle",
            &format!(
                r#"<w:keepNext/>{band}<w:spacing w:after="{after}"/>{ind}<w:jc w:val="left"/>"#
            ),
            RPr {
                font: Some(heading_font),
                color: Some(subtitle_colour),
                size: Some(t.sizes.subtitle),
                ..RPr::default()
            },
        );
    }

    fn all(&mut self) {
        let t = self.theme;
        let heading_font = t.fonts.heading.family.as_str();
        let code_font = t.fonts.code.family.as_str();
        let accent = t.colors.accent.hex();
        let muted = t.colors.muted.hex();
        let rule = t.colors.rule.hex();
        let after = t.text.paragraph_spacing.twips();
        let jc = if t.text.justify {
            r#"<w:jc w:val="both"/>"#
        } else {
            ""
        };

        self.style(
            "paragraph",
            "Normal",
            "Normal",
            None,
            None,
            jc,
            Some(RPr {
                font: Some(&t.fonts.body.family),
                color: Some(t.colors.text.hex()),
                size: Some(t.sizes.body),
                ..RPr::default()
            }),
        );
        self.style(
            "character",
            "DefaultParagraphFont",
            "Default Paragraph Font",
            None,
            None,
            "",
            None,
        );
        self.out.push_str(concat!(
            r#"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:unhideWhenUsed/>"#,
            r#"<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>"#,
            r#"<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#
        ));

        self.title_block(after);
        self.para(
            id::BYLINE,
            "Byline",
            &format!(
                r#"<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="6" w:color="{rule}"/></w:pBdr><w:spacing w:before="{}" w:after="{}"/><w:jc w:val="left"/>"#,
                if t.layout.title_block == TitleBlock::Masthead { after * 2 } else { 0 },
                after * 2
            ),
            RPr { font: Some(heading_font), color: Some(muted.clone()), size: Some(t.sizes.small), ..RPr::default() },
        );
        self.para(
            id::ABSTRACT,
            "Abstract",
            "",
            RPr {
                italic: true,
                ..RPr::default()
            },
        );

        for level in 1..=6u8 {
            let size = t.sizes.heading(level);
            let before = (size.0 * 20.0 * if level == 1 { 1.2 } else { 0.9 }).round() as i32;
            let ppr = format!(
                r#"<w:keepNext/><w:keepLines/><w:spacing w:before="{before}" w:after="{}" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/><w:outlineLvl w:val="{}"/>"#,
                after / 2,
                level - 1
            );
            let rpr = RPr {
                font: Some(heading_font),
                bold: true,
                italic: level >= 5,
                color: Some(accent.clone()),
                size: Some(size),
                ..RPr::default()
            };
            self.para(&id::heading(level), &format!("heading {level}"), &ppr, rpr);
        }

        let quote_ind = 2 * LIST_INDENT;
        self.para(
            id::QUOTE,
            "Quote",
            &format!(
                r#"<w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="{rule}"/></w:pBdr><w:ind w:left="{quote_ind}" w:right="{quote_ind}"/>"#
            ),
            RPr { italic: true, color: Some(muted.clone()), ..RPr::default() },
        );
        let bg = t.colors.callout_background.hex();
        self.para(
            id::INTENSE_QUOTE,
            "Intense Quote",
            &format!(
                r#"<w:pBdr><w:left w:val="single" w:sz="24" w:space="8" w:color="{accent}"/></w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="{bg}"/><w:ind w:left="{}" w:right="{}"/>"#,
                LIST_INDENT, LIST_INDENT
            ),
            RPr::default(),
        );

        let list_ppr = format!(
            r#"<w:spacing w:after="{}"/><w:contextualSpacing/>"#,
            after / 2
        );
        self.para(id::LIST_BULLET, "List Bullet", &list_ppr, RPr::default());
        self.para(id::LIST_NUMBER, "List Number", &list_ppr, RPr::default());
        self.para(
            id::LIST_CONTINUE,
            "List Continue",
            &format!(r#"<w:spacing w:after="{}"/>"#, after / 2),
            RPr::default(),
        );

        self.para(
            id::FIGURE,
            "Figure",
            r#"<w:keepNext/><w:spacing w:before="120"/><w:jc w:val="center"/>"#,
            RPr::default(),
        );
        self.para(
            id::CAPTION,
            "caption",
            r#"<w:jc w:val="center"/>"#,
            RPr {
                italic: true,
                color: Some(muted.clone()),
                size: Some(t.sizes.small),
                ..RPr::default()
            },
        );
        // Footnotes and endnotes look alike; the theme's placement picks which one is used.
        for (note_id, name) in [
            (id::FOOTNOTE_TEXT, "footnote text"),
            (id::ENDNOTE_TEXT, "endnote text"),
        ] {
            self.para(
                note_id,
                name,
                r#"<w:spacing w:after="40" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/>"#,
                RPr {
                    size: Some(t.sizes.small),
                    ..RPr::default()
                },
            );
        }
        let code_bg = t.colors.code_background.hex();
        self.para(
            id::CODE,
            "Source Code",
            &format!(
                r#"<w:shd w:val="clear" w:color="auto" w:fill="{code_bg}"/><w:spacing w:after="{after}" w:line="240" w:lineRule="auto"/><w:ind w:left="115" w:right="115"/><w:jc w:val="left"/>"#
            ),
            RPr { font: Some(code_font), size: Some(t.sizes.code), ..RPr::default() },
        );
        let cell_ppr = r#"<w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/>"#;
        self.para(
            id::TABLE_HEADING,
            "Table Heading",
            &format!("<w:keepNext/>{cell_ppr}"),
            RPr {
                font: Some(heading_font),
                bold: true,
                size: Some(t.sizes.small),
                ..RPr::default()
            },
        );
        self.para(
            id::TABLE_TEXT,
            "Table Text",
            cell_ppr,
            RPr {
                size: Some(t.sizes.small),
                ..RPr::default()
            },
        );
        self.para(
            id::RULE,
            "Horizontal Rule",
            &format!(r#"<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="{rule}"/></w:pBdr><w:spacing w:before="120" w:after="240"/>"#),
            RPr::default(),
        );
        // Header, footer and banner: the furniture family, small and muted, so running lines
        // stay apart from the text whatever fonts the body and headings use.
        let furniture_font = t.fonts.furniture.family.as_str();
        let furniture = || RPr {
            font: Some(furniture_font),
            color: Some(muted.clone()),
            size: Some(t.sizes.small),
            ..RPr::default()
        };
        let tabs = |w: i32| {
            format!(
                r#"<w:tabs><w:tab w:val="center" w:pos="{}"/><w:tab w:val="right" w:pos="{w}"/></w:tabs><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/>"#,
                w / 2
            )
        };
        let width = t.text_width().twips();
        self.para(id::HEADER, "header", &tabs(width), furniture());
        self.para(id::FOOTER, "footer", &tabs(width), furniture());
        let banner_bg = t.colors.banner_background.hex();
        self.para(
            id::CLASSIFICATION,
            "Classification",
            &format!(r#"<w:shd w:val="clear" w:color="auto" w:fill="{banner_bg}"/><w:spacing w:before="0" w:after="60" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/>"#),
            RPr { font: Some(furniture_font), bold: true, color: Some(t.colors.banner_text.hex()), size: Some(t.sizes.small), ..RPr::default() },
        );
        self.para(
            id::TOC_HEADING,
            "TOC Heading",
            r#"<w:keepNext/><w:spacing w:before="240" w:after="120"/><w:jc w:val="left"/>"#,
            RPr {
                font: Some(heading_font),
                bold: true,
                color: Some(accent.clone()),
                size: Some(t.sizes.heading(1)),
                ..RPr::default()
            },
        );
        for level in 1..=3u8 {
            let ppr = format!(
                r#"<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{width}"/></w:tabs><w:spacing w:after="60"/><w:ind w:left="{}"/><w:jc w:val="left"/>"#,
                i32::from(level - 1) * LIST_INDENT
            );
            self.para(
                &id::toc(level),
                &format!("toc {level}"),
                &ppr,
                RPr::default(),
            );
        }

        // Character styles: the only formatting runs carry besides emphasis.
        self.style(
            "character",
            id::CODE_CHAR,
            "Verbatim Char",
            Some("DefaultParagraphFont"),
            None,
            "",
            Some(RPr {
                font: Some(code_font),
                size: Some(t.sizes.code),
                shade: Some(code_bg),
                ..RPr::default()
            }),
        );
        self.style(
            "character",
            id::HYPERLINK,
            "Hyperlink",
            Some("DefaultParagraphFont"),
            None,
            "",
            Some(RPr {
                color: Some(t.colors.link.hex()),
                underline: true,
                ..RPr::default()
            }),
        );
        for (ref_id, name) in [
            (id::FOOTNOTE_REF, "footnote reference"),
            (id::ENDNOTE_REF, "endnote reference"),
        ] {
            self.style(
                "character",
                ref_id,
                name,
                Some("DefaultParagraphFont"),
                None,
                "",
                Some(RPr {
                    superscript: true,
                    ..RPr::default()
                }),
            );
        }

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
            id = id::TABLE,
            rule = rule,
            accent = accent,
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
