//! Run properties of a style, written in schema order.

use std::fmt::Write as _;

use briefing_model::Pt;

use crate::text::escape;

/// Run properties in schema order.
#[derive(Default)]
pub(super) struct RPr<'a> {
    /// Font family.
    pub(super) font: Option<&'a str>,
    /// Bold.
    pub(super) bold: bool,
    /// Italic.
    pub(super) italic: bool,
    /// Colour as RRGGBB.
    pub(super) color: Option<String>,
    /// Font size.
    pub(super) size: Option<Pt>,
    /// Single underline.
    pub(super) underline: bool,
    /// Background fill as RRGGBB.
    pub(super) shade: Option<String>,
    /// Raised and smaller.
    pub(super) superscript: bool,
    /// Language of Latin, East Asian and complex-script text alike (last, as the schema
    /// orders it).
    pub(super) lang: Option<&'a str>,
}

impl RPr<'_> {
    /// Appends `<w:rPr>…</w:rPr>`.
    pub(super) fn write(&self, out: &mut String) {
        out.push_str("<w:rPr>");
        if let Some(f) = self.font {
            let f = escape(f);
            let _ = write!(
                out,
                r#"<w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:eastAsia="{f}" w:cs="{f}"/>"#
            );
        }
        if self.bold {
            out.push_str("<w:b/><w:bCs/>");
        }
        if self.italic {
            out.push_str("<w:i/><w:iCs/>");
        }
        if let Some(c) = &self.color {
            let _ = write!(out, r#"<w:color w:val="{c}"/>"#);
        }
        if let Some(sz) = self.size {
            let hp = sz.half_points();
            let _ = write!(out, r#"<w:sz w:val="{hp}"/><w:szCs w:val="{hp}"/>"#);
        }
        if self.underline {
            out.push_str(r#"<w:u w:val="single"/>"#);
        }
        if let Some(fill) = &self.shade {
            let _ = write!(
                out,
                r#"<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>"#
            );
        }
        if self.superscript {
            out.push_str(r#"<w:vertAlign w:val="superscript"/>"#);
        }
        if let Some(lang) = self.lang {
            let lang = escape(lang);
            let _ = write!(
                out,
                r#"<w:lang w:val="{lang}" w:eastAsia="{lang}" w:bidi="{lang}"/>"#
            );
        }
        out.push_str("</w:rPr>");
    }
}
