//! Inlines: text with emphasis, code, links, pictures, footnote marks, line breaks and
//! language spans.

use briefing_model::Inline;
use docx_rs::{BreakType, Footnote, Hyperlink, HyperlinkData, HyperlinkType, Paragraph, Run};

use super::{Converter, Part, lang_marker};
use crate::styles::id;

/// Emphasis in force; the only formatting a run carries besides a character style.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Fmt {
    /// Strong.
    pub(crate) bold: bool,
    /// Emphasis.
    pub(crate) italic: bool,
    /// Struck through.
    pub(crate) strike: bool,
    /// Inside a link (runs take the Hyperlink character style).
    pub(crate) link: bool,
    /// Inside a language span: the language's number (see [`lang_marker`]).
    pub(crate) lang: Option<usize>,
}

impl Fmt {
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
        if let Some(n) = self.lang {
            // docx-rs has no run language: a marker, first in the run, that the package
            // turns into `w:lang` (`package::patch::splice_langs`).
            run = run.add_text(lang_marker(n));
        }
        run
    }
}

/// A child of a paragraph.
// Moved once into docx-rs right after it is built; boxing would only add allocations.
#[allow(clippy::large_enum_variant)]
pub(crate) enum Piece {
    /// A run.
    Run(Run),
    /// A hyperlink holding runs.
    Link(Hyperlink),
}

/// Appends `pieces` to `p`.
pub(crate) fn fill(mut p: Paragraph, pieces: Vec<Piece>) -> Paragraph {
    for piece in pieces {
        p = match piece {
            Piece::Run(r) => p.add_run(r),
            Piece::Link(h) => p.add_hyperlink(h),
        };
    }
    p
}

impl Converter<'_> {
    /// Converts inlines under emphasis `fmt`.
    pub(crate) fn inlines(&mut self, items: &[Inline], fmt: Fmt, line: u32) -> Vec<Piece> {
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
                        out.push(Piece::Run(fmt.apply(Run::new()).add_text(t)));
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
                    let run = Fmt { link: false, ..fmt }.apply(Run::new());
                    let run = if fmt.link {
                        run.style(id::HYPERLINK)
                    } else {
                        run.style(id::CODE_CHAR)
                    };
                    out.push(Piece::Run(run.add_text(t)));
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
                        inner.push(Piece::Run(
                            Fmt { link: true, ..fmt }
                                .apply(Run::new())
                                .add_text(url.clone()),
                        ));
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
                            links.push((rid.clone(), url));
                            if let HyperlinkData::External { rid: r, path } = &mut h.link {
                                *r = rid;
                                path.clear();
                            }
                            h
                        }
                    };
                    for piece in inner {
                        if let Piece::Run(r) = piece {
                            h = h.add_run(r);
                        }
                    }
                    out.push(Piece::Link(h));
                }
                Inline::Image { src, alt } => {
                    let run = self.picture_run(src, alt, line);
                    out.push(Piece::Run(run));
                }
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
