//! Blocks: headings, paragraphs, quotes, callouts, code, figures and rules.

use briefing_model::{Block, BlockKind, Inline, Theme};
use docx_rs::{BreakType, Pic, Run};

use super::converter::{Converter, Ctx, Out, Part};
use super::inline::Fmt;
use super::para::{Para, Piece};
use crate::edits::RunEdit;
use crate::image::{self, Picture};
use crate::parts::Media;
use crate::styles::{id, list_indent};

/// English Metric Units per point.
const EMU_PER_PT: f32 = 12_700.0;

impl Converter<'_> {
    /// Converts one block into `out`.
    pub(super) fn block(&mut self, b: &Block, ctx: &Ctx, out: &mut Vec<Out>) {
        let line = b.line;
        match &b.kind {
            BlockKind::Heading {
                level,
                id: hid,
                content,
            } => {
                if self.part == Part::Note {
                    let pieces = self.inlines(
                        content,
                        Fmt {
                            bold: true,
                            ..Fmt::default()
                        },
                        line,
                    );
                    let p = self.para(ctx.style);
                    out.push(Out::Para(p.pieces(pieces)));
                    return;
                }
                let pieces = self.inlines(content, Fmt::default(), line);
                let mut p = self.para(&id::heading(*level));
                if let Some(name) = self.bookmarks.get(hid).cloned() {
                    let bid = self.bookmark_id();
                    p = p.bookmark_start(bid, name).pieces(pieces).bookmark_end(bid);
                } else {
                    p = p.pieces(pieces);
                }
                out.push(Out::Para(p));
            }
            BlockKind::Paragraph { content } => {
                let pieces = self.inlines(content, Fmt::default(), line);
                let p = self.para(ctx.style);
                let p = indent_for(p, ctx, self.theme);
                out.push(Out::Para(p.pieces(pieces)));
            }
            // Raw HTML is shown as the text it is: Word has no use for markup.
            BlockKind::Html { html } => {
                let pieces = self.inlines(&[Inline::Text(html.clone())], Fmt::default(), line);
                let p = self.para(ctx.style);
                let p = indent_for(p, ctx, self.theme);
                out.push(Out::Para(p.pieces(pieces)));
            }
            BlockKind::List { start, items } => self.list(*start, items, ctx, out),
            BlockKind::Quote { blocks } => {
                let inner = Ctx {
                    style: id::QUOTE,
                    ..ctx.clone()
                };
                for b in blocks {
                    self.block(b, &inner, out);
                }
            }
            BlockKind::Callout { kind, blocks } => {
                let inner = Ctx {
                    style: id::INTENSE_QUOTE,
                    ..ctx.clone()
                };
                let label = Run::new().bold().add_text(format!("{}: ", kind.label()));
                match blocks.split_first() {
                    Some((
                        Block {
                            kind: BlockKind::Paragraph { content },
                            line,
                        },
                        rest,
                    )) => {
                        let mut pieces = vec![Piece::Run(label)];
                        pieces.extend(self.inlines(content, Fmt::default(), *line));
                        let p = self.para(id::INTENSE_QUOTE);
                        out.push(Out::Para(indent_for(p, ctx, self.theme).pieces(pieces)));
                        for b in rest {
                            self.block(b, &inner, out);
                        }
                    }
                    _ => {
                        let p = self.para(id::INTENSE_QUOTE);
                        out.push(Out::Para(indent_for(p, ctx, self.theme).run(label)));
                        for b in blocks {
                            self.block(b, &inner, out);
                        }
                    }
                }
            }
            BlockKind::Code { text, .. } => {
                let text = self.clean(text, line);
                let mut p = indent_for(self.para(id::CODE), ctx, self.theme);
                for (i, l) in text.split('\n').enumerate() {
                    let mut run = Run::new();
                    if i > 0 {
                        run = run.add_break(BreakType::TextWrapping);
                    }
                    for (j, piece) in l.trim_end_matches('\r').split('\t').enumerate() {
                        if j > 0 {
                            run = run.add_tab();
                        }
                        if !piece.is_empty() {
                            run = run.add_text(piece);
                        }
                    }
                    p = p.run(run);
                }
                out.push(Out::Para(p));
            }
            BlockKind::Table {
                align,
                header,
                rows,
            } => match self.part {
                Part::Body => {
                    let t = self.table(align, header, rows, line);
                    out.push(Out::Table(t));
                }
                Part::Note => {
                    for row in std::iter::once(header).chain(rows) {
                        let mut pieces = Vec::new();
                        for (i, cell) in row.iter().enumerate() {
                            if i > 0 {
                                pieces.push(Piece::Run(Run::new().add_text(" | ")));
                            }
                            pieces.extend(self.inlines(cell, Fmt::default(), line));
                        }
                        let p = self.para(ctx.style);
                        out.push(Out::Para(p.pieces(pieces)));
                    }
                }
            },
            BlockKind::Figure { src, alt, caption } => {
                let picture = self.picture(src, alt, line);
                let p = self.para(id::FIGURE);
                out.push(Out::Para(indent_for(p, ctx, self.theme).piece(picture)));
                if !caption.is_empty() {
                    let pieces = self.inlines(caption, Fmt::default(), line);
                    let p = self.para(id::CAPTION);
                    out.push(Out::Para(p.pieces(pieces)));
                }
            }
            BlockKind::Rule => {
                let p = self.para(id::RULE);
                out.push(Out::Para(p));
            }
        }
    }

    /// A run holding the picture at `src`, or its alt text when it cannot be embedded.
    pub(super) fn picture(&mut self, src: &str, alt: &str, line: u32) -> Piece {
        let alt = self.clean(alt, line);
        if self.part == Part::Note {
            // Pictures in notes would need their own part relationships; the alt text keeps the words.
            self.warnings.push(briefing_model::Diagnostic::warning(
                line,
                format!(
                    "image {src:?} inside a {} is shown as its alt text in DOCX",
                    self.notes.element()
                ),
            ));
            return Piece::Run(Run::new().italic().add_text(alt));
        }
        let pic = match image::load(self.assets, src) {
            Ok(p) => p,
            Err(msg) => {
                self.warnings.push(
                    briefing_model::Diagnostic::warning(line, msg)
                        .with_hint("the alt text is shown in its place"),
                );
                return Piece::Run(Run::new().italic().add_text(alt));
            }
        };
        let max_w = self.theme.text_width().0 * EMU_PER_PT;
        let page = &self.theme.page;
        let max_h =
            (page.size.height.0 - page.margin_top.0 - page.margin_bottom.0) * 0.75 * EMU_PER_PT;
        // 96 pixels to the inch, as Word assumes for images without a resolution.
        let (w, h) = (pic.width as f32 * 9525.0, pic.height as f32 * 9525.0);
        let scale = (max_w / w).min(max_h / h).min(1.0);
        self.embed(pic, alt, w * scale, h * scale)
    }

    /// A run holding `pic` at `w` × `h` EMU, described by `alt`: docx-rs writes no
    /// description, so that is an edit.
    pub(super) fn embed(&mut self, pic: Picture, alt: String, w: f32, h: f32) -> Piece {
        let rid = format!("rIdImg{}", self.media.len() + 1);
        let p = Pic::new_with_dimensions(Vec::new(), pic.width, pic.height)
            .size(w.round().max(1.0) as u32, h.round().max(1.0) as u32)
            .id(rid.clone());
        // docx-rs stores the bytes it is given; we write the media ourselves with the right extension.
        let p = Pic {
            image: pic.bytes.clone(),
            ..p
        };
        self.media.push(Media { rid, picture: pic });
        let edit = RunEdit {
            alt: Some(alt),
            ..RunEdit::default()
        };
        Piece::Edited(Run::new().add_image(p), edit)
    }
}

/// Indents a paragraph that sits inside a list item to the item's text.
fn indent_for(p: Para, ctx: &Ctx, theme: &Theme) -> Para {
    if ctx.depth == 0 {
        return p;
    }
    p.indent(list_indent(theme) * ctx.depth as i32)
}
