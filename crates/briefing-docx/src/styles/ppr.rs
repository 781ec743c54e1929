//! Paragraph properties of a style, written in schema order.

use std::fmt::Write as _;

/// One edge of a paragraph border.
pub(super) struct Border {
    /// `top`, `left`, `bottom` or `right`.
    pub(super) edge: &'static str,
    /// Width in eighths of a point.
    pub(super) size: u8,
    /// Distance from the text in points (Word allows 0 to 31).
    pub(super) space: i32,
    /// Colour as RRGGBB.
    pub(super) color: String,
}

/// A tab stop.
pub(super) struct Tab {
    /// `left`, `center` or `right`.
    pub(super) align: &'static str,
    /// Dots before the stop.
    pub(super) dots: bool,
    /// Position in twips.
    pub(super) pos: i32,
}

/// How lines are spaced: `w:line` with its rule.
#[derive(Clone, Copy)]
pub(super) enum LineRule {
    /// A multiple of the font's own line height, in 240ths.
    Auto(i32),
    /// Exactly this many twips from baseline to baseline.
    Exact(i32),
}

/// Paragraph properties in schema order (ECMA-376 `CT_PPrBase`).
#[derive(Default)]
pub(super) struct PPr {
    /// Kept on the page of the next paragraph.
    pub(super) keep_next: bool,
    /// Never split across pages.
    pub(super) keep_lines: bool,
    /// Border edges, in the schema's order (top, left, bottom, right).
    pub(super) borders: Vec<Border>,
    /// Background fill as RRGGBB.
    pub(super) shade: Option<String>,
    /// Tab stops.
    pub(super) tabs: Vec<Tab>,
    /// Space above, in twips.
    pub(super) before: Option<i32>,
    /// Space below, in twips.
    pub(super) after: Option<i32>,
    /// Line spacing.
    pub(super) line: Option<LineRule>,
    /// Left and right indent, in twips (no right indent when `None`).
    pub(super) indent: Option<(i32, Option<i32>)>,
    /// Justification: `left`, `center`, `both`.
    pub(super) jc: Option<&'static str>,
    /// Outline level, 0-based.
    pub(super) outline: Option<u8>,
}

impl PPr {
    /// Appends `<w:pPr>…</w:pPr>`, or nothing when no property is set.
    pub(super) fn write(&self, out: &mut String) {
        let start = out.len();
        out.push_str("<w:pPr>");
        let empty = out.len();
        if self.keep_next {
            out.push_str("<w:keepNext/>");
        }
        if self.keep_lines {
            out.push_str("<w:keepLines/>");
        }
        if !self.borders.is_empty() {
            out.push_str("<w:pBdr>");
            for b in &self.borders {
                let _ = write!(
                    out,
                    r#"<w:{} w:val="single" w:sz="{}" w:space="{}" w:color="{}"/>"#,
                    b.edge, b.size, b.space, b.color
                );
            }
            out.push_str("</w:pBdr>");
        }
        if let Some(fill) = &self.shade {
            let _ = write!(
                out,
                r#"<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>"#
            );
        }
        if !self.tabs.is_empty() {
            out.push_str("<w:tabs>");
            for t in &self.tabs {
                let dots = if t.dots { r#" w:leader="dot""# } else { "" };
                let _ = write!(
                    out,
                    r#"<w:tab w:val="{}"{dots} w:pos="{}"/>"#,
                    t.align, t.pos
                );
            }
            out.push_str("</w:tabs>");
        }
        if self.before.is_some() || self.after.is_some() || self.line.is_some() {
            out.push_str("<w:spacing");
            if let Some(b) = self.before {
                let _ = write!(out, r#" w:before="{b}""#);
            }
            if let Some(a) = self.after {
                let _ = write!(out, r#" w:after="{a}""#);
            }
            match self.line {
                Some(LineRule::Auto(l)) => {
                    let _ = write!(out, r#" w:line="{l}" w:lineRule="auto""#);
                }
                Some(LineRule::Exact(l)) => {
                    let _ = write!(out, r#" w:line="{l}" w:lineRule="exact""#);
                }
                None => {}
            }
            out.push_str("/>");
        }
        if let Some((left, right)) = self.indent {
            let _ = write!(out, r#"<w:ind w:left="{left}""#);
            if let Some(r) = right {
                let _ = write!(out, r#" w:right="{r}""#);
            }
            out.push_str("/>");
        }
        if let Some(jc) = self.jc {
            let _ = write!(out, r#"<w:jc w:val="{jc}"/>"#);
        }
        if let Some(level) = self.outline {
            let _ = write!(out, r#"<w:outlineLvl w:val="{level}"/>"#);
        }
        if out.len() == empty {
            out.truncate(start);
        } else {
            out.push_str("</w:pPr>");
        }
    }
}
