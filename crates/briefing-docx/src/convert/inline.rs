//! Inlines: text with emphasis, code, links, pictures, footnote marks, line breaks and
//! language spans.

use briefing_model::Inline;
use docx_rs::{BreakType, Footnote, Hyperlink, HyperlinkData, HyperlinkType, Run};

use super::converter::{Converter, Part};
use super::para::Piece;
use crate::edits::RunEdit;
use crate::parts::Link;
use crate::styles::id;

/// Emphasis in force; the only formatting a run carries besides a character style.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Fmt {
    /// Strong.
    pub(super) bold: bool,
    /// Emphasis.
    pub(super) italic: bool,
    /// Struck through.
    pub(super) strike: bool,
    /// Inside a link (runs take the Hyperlink character style).
    pub(super) link: bool,
    /// Inside a language span: the language's number in the document's edits.
    pub(super) lang: Option<usize>,
}

impl Fmt {
    /// `run` with the emphasis, and with its language when it has one: docx-rs has no run
    /// language, so that is an edit the package adds as `w:lang`.
    fn piece(self, run: Run) -> Piece {
        let run = self.apply(run);
        match self.lang {
            Some(n) => Piece::Edited(
                run,
                RunEdit {
                    lang: Some(n),
                    ..RunEdit::default()
                },
            ),
            None => Piece::Run(run),
        }
    }

    /// Applies the emphasis to `run`.
    fn apply(self, mut run: Run) -> Run {
        if self.link {
            run = run.style(id::HYPERLINK);
        }
        if self.bold {
            run = run.bold();
        }
        if self.italic {
            run = run.italic();
        }
        if self.strike {
            run = run.strike();
        }
        run
    }
}

impl Converter<'_> {
    /// Converts inlines under emphasis `fmt`.
    pub(super) fn inlines(&mut self, items: &[Inline], fmt: Fmt, line: u32) -> Vec<Piece> {
        let mut out = Vec::new();
        self.push_inlines(items, fmt, line, &mut out);
        out
    }

    fn push_inlines(&mut self, items: &[Inline], fmt: Fmt, line: u32, out: &mut Vec<Piece>) {
        for item in items {
            match item {
                Inline::Text(t) | Inline::Html(t) => {
                    let t = self.clean(t, line);
                    if !t.is_empty() {
                        out.push(fmt.piece(Run::new().add_text(t)));
                    }
                }
                Inline::Emph(c) => self.push_inlines(
                    c,
                    Fmt {
                        italic: true,
                        ..fmt
                    },
                    line,
                    out,
                ),
                Inline::Strong(c) => self.push_inlines(c, Fmt { bold: true, ..fmt }, line, out),
                Inline::Strike(c) => self.push_inlines(
                    c,
                    Fmt {
                        strike: true,
                        ..fmt
                    },
                    line,
                    out,
                ),
                Inline::Code(t) => {
                    let t = self.clean(t, line);
                    let style = if fmt.link {
                        id::HYPERLINK
                    } else {
                        id::CODE_CHAR
                    };
                    let run = Run::new().style(style).add_text(t);
                    out.push(Fmt { link: false, ..fmt }.piece(run));
                }
                Inline::Link { url, content } => {
                    if fmt.link {
                        // A link inside a link: Word cannot nest them, the outer one wins.
                        self.push_inlines(content, fmt, line, out);
                        continue;
                    }
                    let url = self.clean(url, line);
                    let mut inner = Vec::new();
                    self.push_inlines(content, Fmt { link: true, ..fmt }, line, &mut inner);
                    if inner.is_empty() {
                        inner.push(
                            Fmt { link: true, ..fmt }.piece(Run::new().add_text(url.clone())),
                        );
                    }
                    let mut h = match url.strip_prefix('#') {
                        Some(anchor) => {
                            let target = self
                                .bookmarks
                                .get(anchor)
                                .cloned()
                                .unwrap_or_else(|| anchor.to_owned());
                            Hyperlink::new(target, HyperlinkType::Anchor)
                        }
                        None => {
                            let mut h = Hyperlink::new("", HyperlinkType::External);
                            let links = match self.part {
                                Part::Body => &mut self.body_links,
                                Part::Note => &mut self.note_links,
                            };
                            let prefix = if self.part == Part::Body {
                                "rIdLink"
                            } else {
                                "rIdNoteLink"
                            };
                            let rid = format!("{prefix}{}", links.len() + 1);
                            links.push(Link {
                                rid: rid.clone(),
                                url,
                            });
                            if let HyperlinkData::External { rid: r, path } = &mut h.link {
                                *r = rid;
                                path.clear();
                            }
                            h
                        }
                    };
                    // Links do not nest (see above), so the pieces inside are runs.
                    let mut edits = Vec::new();
                    for piece in inner {
                        match piece {
                            Piece::Run(r) => h = h.add_run(r),
                            Piece::Edited(r, edit) => {
                                edits.push((h.children.len(), edit));
                                h = h.add_run(r);
                            }
                            Piece::Link(..) => {}
                        }
                    }
                    out.push(Piece::Link(h, edits));
                }
                Inline::Image { src, alt } => out.push(self.picture(src, alt, line)),
                Inline::FootnoteRef { number } => {
                    let number = *number;
                    if self.part == Part::Body && self.place_note(number) {
                        let mut note = Footnote::new();
                        note.id = number as usize;
                        note.content = self.note_paragraphs(number);
                        // docx-rs writes every note as a footnote; the package renames endnotes.
                        let run = Run::new()
                            .add_footnote_reference(note)
                            .style(self.notes.ref_style());
                        out.push(Piece::Run(run));
                    } else {
                        // A second reference to the same note, or one inside a note: Word has
                        // one mark per note, so repeat the number as a superscript.
                        out.push(Piece::Run(
                            Run::new()
                                .style(self.notes.ref_style())
                                .add_text(number.to_string()),
                        ));
                    }
                }
                Inline::LineBreak => {
                    out.push(Piece::Run(Run::new().add_break(BreakType::TextWrapping)))
                }
                Inline::Lang { lang, content } => {
                    let lang = self.lang_number(lang, line);
                    self.push_inlines(content, Fmt { lang, ..fmt }, line, out);
                }
            }
        }
    }
}
