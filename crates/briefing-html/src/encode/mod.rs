//! Encoding: document blocks and inlines to escaped HTML.
//!
//! Every word of the document comes out in order: there is no block or inline kind that
//! renders to nothing. Text and attribute values all pass through [`escape_into`]; raw HTML
//! from the source is escaped too, or, when allowed, cleaned by [`raw`](crate::raw).

mod footnotes;
mod inline;

use std::fmt::Write as _;

use briefing_model::{Align, Assets, Block, BlockKind, Diagnostic, Document, Inline, ListItem};

use crate::escape::escape_into;
use crate::image::Images;
use crate::raw::{Context, Mixed};

/// Walks a document, writing HTML and collecting warnings.
pub(crate) struct Encoder<'a> {
    /// The document being encoded (footnote references are checked against it).
    doc: &'a Document,
    /// Where image paths resolve.
    assets: &'a Assets,
    /// Where images go: embedded, or files beside the page.
    pub(crate) images: Images,
    /// Whether raw HTML is passed through sanitized rather than shown as text.
    raw_html: bool,
    /// Warnings found so far, in document order.
    pub(crate) warnings: Vec<Diagnostic>,
    /// How many references to each footnote (by index) have been written so far.
    ref_counts: Vec<u32>,
    /// Tables written so far, to label each table's scrolling region.
    tables: u32,
    /// The source line of the block being encoded, for warnings from its inlines.
    line: u32,
    /// The rank of the last heading written (1: the title's `<h1>`).
    last_rank: u8,
}

impl<'a> Encoder<'a> {
    /// An encoder for `doc` reading images through `assets` and placing them as `images`
    /// says; `raw_html` lets raw HTML through, sanitized.
    pub(crate) fn new(
        doc: &'a Document,
        assets: &'a Assets,
        images: Images,
        raw_html: bool,
    ) -> Self {
        Encoder {
            doc,
            assets,
            images,
            raw_html,
            warnings: Vec::new(),
            ref_counts: vec![0; doc.footnotes.len()],
            tables: 0,
            line: 0,
            last_rank: 1,
        }
    }

    /// Records a warning at the current block's line.
    fn warn(&mut self, message: String) {
        self.warnings.push(Diagnostic::warning(self.line, message));
    }

    /// Writes a sequence of blocks.
    ///
    /// With raw HTML allowed, a sequence holding raw HTML blocks is cleaned as one fragment,
    /// so an element opened in one block and closed in a later one (`<details>`, Markdown,
    /// `</details>`) keeps the blocks between in it.
    pub(crate) fn blocks(&mut self, out: &mut String, blocks: &[Block]) {
        if self.raw_html
            && blocks
                .iter()
                .any(|b| matches!(b.kind, BlockKind::Html { .. }))
        {
            let mut mixed = Mixed::default();
            for b in blocks {
                match &b.kind {
                    BlockKind::Html { html } => {
                        mixed.raw(html);
                        mixed.raw("\n");
                    }
                    _ => self.block(mixed.ours(), b),
                }
            }
            mixed.finish(out, Context::Flow);
            return;
        }
        for b in blocks {
            self.block(out, b);
        }
    }

    /// Writes one block, on its own line(s).
    fn block(&mut self, out: &mut String, block: &Block) {
        let outer = self.line;
        if block.line > 0 {
            self.line = block.line;
        }
        match &block.kind {
            BlockKind::Heading { level, id, content } => {
                // Level n is <h(n+1)> (the title is the one <h1>), but never more than one
                // rank below the previous heading: skipped ranks break screen-reader
                // navigation, and the Nu checker rejects them.
                let h = level.saturating_add(1).clamp(2, 6).min(self.last_rank + 1);
                self.last_rank = h;
                let _ = write!(out, "<h{h} id=\"");
                escape_into(out, id);
                out.push_str("\">");
                self.inlines(out, content);
                let _ = writeln!(out, "</h{h}>");
            }
            BlockKind::Paragraph { content } => {
                out.push_str("<p>");
                self.inlines(out, content);
                out.push_str("</p>\n");
            }
            BlockKind::List { start, items } => self.list(out, *start, items),
            BlockKind::Quote { blocks } => {
                out.push_str("<blockquote>\n");
                self.blocks(out, blocks);
                out.push_str("</blockquote>\n");
            }
            BlockKind::Callout { kind, blocks } => {
                // No accessible name on purpose: a named <aside> becomes a complementary
                // landmark, which must not sit inside <main>. The visible label says what it is.
                let label = kind.label();
                out.push_str("<aside class=\"callout callout-");
                out.push_str(&label.to_ascii_lowercase());
                out.push_str("\">\n<p class=\"callout-label\">");
                escape_into(out, label);
                out.push_str("</p>\n");
                self.blocks(out, blocks);
                out.push_str("</aside>\n");
            }
            BlockKind::Code { lang, text } => {
                // Focusable so keyboard users can scroll long lines.
                out.push_str("<pre tabindex=\"0\"><code");
                if let Some(lang) = lang.as_deref().map(class_token).filter(|l| !l.is_empty()) {
                    out.push_str(" class=\"language-");
                    escape_into(out, &lang);
                    out.push('"');
                }
                out.push('>');
                escape_into(out, text);
                out.push_str("</code></pre>\n");
            }
            BlockKind::Table {
                align,
                header,
                rows,
            } => self.table(out, align, header, rows),
            BlockKind::Figure { src, alt, caption } => {
                out.push_str("<figure>\n");
                self.image(out, src, alt, false);
                out.push('\n');
                if !caption.is_empty() {
                    out.push_str("<figcaption>");
                    self.inlines(out, caption);
                    out.push_str("</figcaption>\n");
                }
                out.push_str("</figure>\n");
            }
            BlockKind::Rule => out.push_str("<hr>\n"),
            BlockKind::Html { html } if self.raw_html => {
                let mut mixed = Mixed::default();
                mixed.raw(html);
                mixed.finish(out, Context::Flow);
                out.push('\n');
            }
            BlockKind::Html { html } => {
                out.push_str("<p>");
                escape_into(out, html);
                out.push_str("</p>\n");
            }
        }
        self.line = outer;
    }

    /// Writes a bullet, numbered or task list.
    fn list(&mut self, out: &mut String, start: Option<u64>, items: &[ListItem]) {
        let tasks = items.iter().any(|i| i.task.is_some());
        let tag = if start.is_some() { "ol" } else { "ul" };
        let _ = write!(out, "<{tag}");
        if let Some(n) = start.filter(|&n| n != 1) {
            let _ = write!(out, " start=\"{n}\"");
        }
        if tasks {
            out.push_str(" class=\"task-list\"");
        }
        out.push_str(">\n");
        for item in items {
            out.push_str("<li");
            if item.task.is_some() {
                out.push_str(" class=\"task\"");
            }
            out.push('>');
            // A box as text rather than a disabled <input>: it needs no form label and
            // copies out as ☐/☑.
            let task_box = item.task.map(|done| {
                if done {
                    "<span class=\"task-box\" role=\"img\" aria-label=\"done\">☑</span> "
                } else {
                    "<span class=\"task-box\" role=\"img\" aria-label=\"not done\">☐</span> "
                }
            });
            // An item holding one paragraph (and maybe nested lists) is written without
            // <p>, so simple lists stay tight; anything else keeps its paragraphs.
            let paragraphs = item
                .blocks
                .iter()
                .filter(|b| !matches!(b.kind, BlockKind::List { .. }))
                .count();
            match item.blocks.split_first() {
                Some((
                    first @ Block {
                        kind: BlockKind::Paragraph { content },
                        ..
                    },
                    rest,
                )) if paragraphs == 1 => {
                    let outer = self.line;
                    if first.line > 0 {
                        self.line = first.line;
                    }
                    out.push_str(task_box.unwrap_or(""));
                    self.inlines(out, content);
                    self.line = outer;
                    if !rest.is_empty() {
                        out.push('\n');
                        self.blocks(out, rest);
                    }
                }
                _ => {
                    if let Some(b) = task_box {
                        out.push_str(b);
                    }
                    out.push('\n');
                    self.blocks(out, &item.blocks);
                }
            }
            out.push_str("</li>\n");
        }
        let _ = writeln!(out, "</{tag}>");
    }

    /// Writes a table inside a scrolling wrapper, so wide tables never widen the page.
    fn table(
        &mut self,
        out: &mut String,
        align: &[Align],
        header: &[Vec<Inline>],
        rows: &[Vec<Vec<Inline>>],
    ) {
        // Pad ragged rows: a row shorter than the header is invalid HTML table structure.
        let cols = rows
            .iter()
            .map(Vec::len)
            .chain([header.len(), align.len()])
            .max()
            .unwrap_or(0);
        if cols == 0 {
            return; // No cells at all: there is nothing to read.
        }
        self.tables += 1;
        let _ = writeln!(
            out,
            "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Table {}\">\n<table>",
            self.tables
        );
        out.push_str("<thead>\n<tr>");
        for c in 0..cols {
            out.push_str("<th scope=\"col\"");
            align_class(out, align.get(c).copied().unwrap_or_default());
            out.push('>');
            if let Some(cell) = header.get(c) {
                self.inlines(out, cell);
            }
            out.push_str("</th>");
        }
        out.push_str("</tr>\n</thead>\n");
        if !rows.is_empty() {
            out.push_str("<tbody>\n");
            for row in rows {
                out.push_str("<tr>");
                for c in 0..cols {
                    out.push_str("<td");
                    align_class(out, align.get(c).copied().unwrap_or_default());
                    out.push('>');
                    if let Some(cell) = row.get(c) {
                        self.inlines(out, cell);
                    }
                    out.push_str("</td>");
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n");
        }
        out.push_str("</table>\n</div>\n");
    }

    /// Writes an `<img>` (embedded, or a file beside the page), or a visible placeholder
    /// with the alt text and a warning.
    fn image(&mut self, out: &mut String, src: &str, alt: &str, inline: bool) {
        match self.images.url(src, self.assets) {
            Ok(uri) => {
                out.push_str(if inline {
                    "<img class=\"inline-image\" src=\""
                } else {
                    "<img src=\""
                });
                escape_into(out, &uri);
                out.push_str("\" alt=\"");
                escape_into(out, alt);
                out.push_str("\">");
            }
            Err(problem) => {
                self.warn(problem);
                out.push_str(if inline {
                    "<span class=\"image-missing\">"
                } else {
                    "<span class=\"image-missing image-missing-block\">"
                });
                out.push_str("[Image not available");
                if !alt.is_empty() {
                    out.push_str(": ");
                    escape_into(out, alt);
                }
                out.push_str("]</span>");
            }
        }
    }
}

/// Appends the alignment class of a table cell, if it has one.
fn align_class(out: &mut String, align: Align) {
    out.push_str(match align {
        Align::None => "",
        Align::Left => " class=\"align-left\"",
        Align::Center => " class=\"align-center\"",
        Align::Right => " class=\"align-right\"",
    });
}

/// A code language reduced to characters that are safe and meaningful in one class name.
fn class_token(lang: &str) -> String {
    lang.chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '+' | '#' | '.'))
        .collect()
}
