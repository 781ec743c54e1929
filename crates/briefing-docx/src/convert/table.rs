//! Tables: a header row that repeats on each page, per-column alignment, the theme's table style.

use briefing_model::{Align, Inline};
use docx_rs::{AlignmentType, Table, TableCell, TableRow, WidthType};

use super::converter::Converter;
use super::inline::Fmt;
use crate::styles::id;
use crate::xml::Xml;

/// The `w:tblPr` every table gets in the package, in place of docx-rs's (which has black
/// borders and puts `tblStyle` out of schema order, which would override the style).
pub(super) fn table_properties(width_twips: i32) -> Vec<u8> {
    let mut x = Xml::with_capacity(320);
    x.open("w:tblPr", &[])
        .empty("w:tblStyle", &[("w:val", id::TABLE)])
        .empty(
            "w:tblW",
            &[("w:w", &width_twips.to_string()), ("w:type", "dxa")],
        )
        .empty("w:tblLayout", &[("w:type", "fixed")])
        .empty(
            "w:tblLook",
            &[
                ("w:val", "0420"),
                ("w:firstRow", "1"),
                ("w:lastRow", "0"),
                ("w:firstColumn", "0"),
                ("w:lastColumn", "0"),
                ("w:noHBand", "0"),
                ("w:noVBand", "1"),
            ],
        )
        .close("w:tblPr");
    x.into_bytes()
}

impl Converter<'_> {
    /// Converts a table; the header row is marked with `cantSplit`, which the package
    /// follows with `tblHeader` (docx-rs has no repeat-header-row setting).
    pub(super) fn table(
        &mut self,
        align: &[Align],
        header: &[Vec<Inline>],
        rows: &[Vec<Vec<Inline>>],
        line: u32,
    ) -> Table {
        let cols = align
            .len()
            .max(header.len())
            .max(rows.iter().map(Vec::len).max().unwrap_or(0))
            .max(1);
        let width = self.theme.text_width().twips().max(1) as usize;
        let col = width / cols;
        let mut out_rows = Vec::with_capacity(rows.len() + 1);
        let head = self.row(header, align, cols, col, id::TABLE_HEADING, line);
        out_rows.push(TableRow::new(head).cant_split());
        for r in rows {
            let cells = self.row(r, align, cols, col, id::TABLE_TEXT, line);
            out_rows.push(TableRow::new(cells));
        }
        Table::new(out_rows)
            .set_grid(vec![col; cols])
            .width(col * cols, WidthType::Dxa)
            .style(id::TABLE)
    }

    fn row(
        &mut self,
        cells: &[Vec<Inline>],
        align: &[Align],
        cols: usize,
        col: usize,
        style: &str,
        line: u32,
    ) -> Vec<TableCell> {
        (0..cols)
            .map(|i| {
                let content = cells.get(i).map(Vec::as_slice).unwrap_or(&[]);
                let pieces = self.inlines(content, Fmt::default(), line);
                let align = match align.get(i).copied().unwrap_or_default() {
                    Align::Center => AlignmentType::Center,
                    Align::Right => AlignmentType::Right,
                    Align::Left | Align::None => AlignmentType::Left,
                };
                let p = self.para(style).align(align).pieces(pieces);
                TableCell::new()
                    .width(col, WidthType::Dxa)
                    .add_paragraph(self.seal(p))
            })
            .collect()
    }
}
