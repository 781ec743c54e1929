//! Tables: a header row that repeats on each page, per-column alignment, the theme's table style.

use briefing_model::{Align, Inline};
use docx_rs::{AlignmentType, Table, TableCell, TableRow, WidthType};

use super::Converter;
use super::inline::{Fmt, fill};
use crate::styles::id;

/// The `w:tblPr` every table gets in the post-pass (docx-rs writes black borders and puts
/// `tblStyle` out of schema order, which would override the style).
pub(crate) fn table_properties(width_twips: i32) -> String {
    format!(
        concat!(
            r#"<w:tblPr><w:tblStyle w:val="{}"/><w:tblW w:w="{}" w:type="dxa"/><w:tblLayout w:type="fixed"/>"#,
            r#"<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>"#
        ),
        id::TABLE,
        width_twips
    )
}

impl Converter<'_> {
    /// Converts a table; the header row is marked with `cantSplit`, which the post-pass
    /// follows with `tblHeader` (docx-rs has no repeat-header-row setting).
    pub(crate) fn table(
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
                let mut p = self.para(style);
                p = match align.get(i).copied().unwrap_or_default() {
                    Align::Center => p.align(AlignmentType::Center),
                    Align::Right => p.align(AlignmentType::Right),
                    Align::Left | Align::None => p.align(AlignmentType::Left),
                };
                TableCell::new()
                    .width(col, WidthType::Dxa)
                    .add_paragraph(fill(p, pieces))
            })
            .collect()
    }
}
