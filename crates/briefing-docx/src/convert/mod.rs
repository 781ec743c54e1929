//! The model as docx-rs content: blocks become paragraphs and tables, inlines become runs.
//!
//! Every id docx-rs would draw from a process-wide counter (paragraph ids, picture and link
//! relationship ids, footnote ids, numbering ids, bookmarks) is set here from counters owned by
//! one [`Converter`], so a document's bytes never depend on what else the process rendered.

mod blocks;
mod furniture;
mod inline;
mod lists;
mod table;

use std::collections::{BTreeSet, HashMap, HashSet};

use briefing_model::{Assets, Block, BlockKind, Diagnostic, Document, Theme};
use docx_rs::{Paragraph, Run, Table};

use crate::image::Picture;
use crate::notes::NoteKind;
use crate::text::strip_illegal;

pub(crate) use furniture::furniture;
pub(crate) use lists::{Lists, numbering_xml};
pub(crate) use table::table_properties;

/// One piece of body content in reading order.
// Moved once into docx-rs right after it is built; boxing would only add allocations.
#[allow(clippy::large_enum_variant)]
pub(crate) enum Out {
    /// A paragraph.
    Para(Paragraph),
    /// A table.
    Table(Table),
}

/// An image to store under `word/media/`.
pub(crate) struct Media {
    /// Relationship id, also the media file's stem.
    pub(crate) rid: String,
    /// The picture.
    pub(crate) picture: Picture,
}

/// Where converted content is going, which limits what it may contain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    /// `word/document.xml`: everything is allowed.
    Body,
    /// A note (`word/footnotes.xml` or `word/endnotes.xml`): paragraphs only; no pictures or
    /// nested notes.
    Note,
}

/// Conversion state for one document.
pub(crate) struct Converter<'a> {
    /// The theme.
    pub(crate) theme: &'a Theme,
    /// The document.
    pub(crate) doc: &'a Document,
    /// Where image paths resolve.
    assets: &'a Assets,
    /// Warnings so far.
    pub(crate) warnings: Vec<Diagnostic>,
    /// Lines already warned about for removed characters.
    warned_lines: HashSet<u32>,
    /// The next `w14:paraId`.
    next_para: u32,
    /// The next bookmark id.
    next_bookmark: usize,
    /// List instances, for `numbering.xml`.
    pub(crate) lists: Lists,
    /// Embedded pictures, in document order.
    pub(crate) media: Vec<Media>,
    /// Alt text of each body picture, in document order (for `wp:docPr`).
    pub(crate) alts: Vec<String>,
    /// External links of the body: (rid, url).
    pub(crate) body_links: Vec<(String, String)>,
    /// External links inside footnotes: (rid, url).
    pub(crate) note_links: Vec<(String, String)>,
    /// Run content docx-rs cannot express, by marker number (see [`Converter::raw_run`]).
    pub(crate) raw: Vec<String>,
    /// Languages of language spans, numbered in order of first use (see
    /// [`Converter::lang_number`]).
    pub(crate) langs: Vec<String>,
    /// Heading id → bookmark name.
    pub(crate) bookmarks: HashMap<String, String>,
    /// Footnote numbers already placed as real notes.
    placed_notes: BTreeSet<u32>,
    /// Whether notes become footnotes or endnotes.
    pub(crate) notes: NoteKind,
    /// The part being filled.
    part: Part,
    /// Whether a TOC field was written.
    pub(crate) has_toc: bool,
}

impl<'a> Converter<'a> {
    /// A converter for `doc`.
    pub(crate) fn new(doc: &'a Document, theme: &'a Theme, assets: &'a Assets) -> Self {
        let mut c = Converter {
            theme,
            doc,
            assets,
            warnings: Vec::new(),
            warned_lines: HashSet::new(),
            next_para: 1,
            next_bookmark: 1,
            lists: Lists::default(),
            media: Vec::new(),
            alts: Vec::new(),
            body_links: Vec::new(),
            note_links: Vec::new(),
            raw: Vec::new(),
            langs: Vec::new(),
            bookmarks: HashMap::new(),
            placed_notes: BTreeSet::new(),
            notes: NoteKind::from_placement(theme.layout.word_notes),
            part: Part::Body,
            has_toc: false,
        };
        c.name_bookmarks(&doc.blocks);
        c
    }

    /// Converts the whole body, title block first.
    pub(crate) fn body(&mut self) -> Vec<Out> {
        let mut out = Vec::new();
        self.title_block(&mut out);
        if self.doc.meta.toc.unwrap_or(self.theme.layout.toc) {
            self.toc(&mut out);
        }
        for b in &self.doc.blocks {
            self.block(b, &Ctx::default(), &mut out);
        }
        self.unreferenced_notes(&mut out);
        out
    }

    /// A new paragraph with a deterministic `w14:paraId` and the given style.
    pub(crate) fn para(&mut self, style: &str) -> Paragraph {
        let id = self.next_para;
        self.next_para += 1;
        Paragraph::new().id(format!("{id:08X}")).style(style)
    }

    /// A run whose content is `xml`, spliced in by the package post-pass.
    ///
    /// The marker is a control character, which [`Converter::clean`] removes from every input
    /// text, so no source text can collide with it.
    pub(crate) fn raw_run(&mut self, xml: impl Into<String>) -> Run {
        let n = self.raw.len();
        self.raw.push(xml.into());
        Run::new().add_text(raw_marker(n))
    }

    /// The number of language `tag`, for runs inside a language span; `None` (the document's
    /// language) when the tag is blank.
    pub(crate) fn lang_number(&mut self, tag: &str, line: u32) -> Option<usize> {
        let tag = self.clean(tag.trim(), line);
        if tag.is_empty() {
            return None;
        }
        Some(match self.langs.iter().position(|l| *l == tag) {
            Some(n) => n,
            None => {
                self.langs.push(tag);
                self.langs.len() - 1
            }
        })
    }

    /// `s` with XML-illegal characters removed, warning once per source line.
    pub(crate) fn clean(&mut self, s: &str, line: u32) -> String {
        let (text, removed) = strip_illegal(s);
        if removed > 0 && self.warned_lines.insert(line) {
            self.warnings.push(Diagnostic::warning(
                line,
                format!("removed {removed} control character(s) that XML does not allow; Word would refuse the file"),
            ));
        }
        text.into_owned()
    }

    /// A fresh bookmark id.
    fn bookmark_id(&mut self) -> usize {
        let id = self.next_bookmark;
        self.next_bookmark += 1;
        id
    }

    /// Assigns a Word-safe, unique bookmark name to every heading id.
    fn name_bookmarks(&mut self, blocks: &[Block]) {
        let mut used: HashSet<String> = HashSet::new();
        let mut stack: Vec<&Block> = blocks.iter().rev().collect();
        while let Some(b) = stack.pop() {
            match &b.kind {
                BlockKind::Heading { id, .. } => {
                    // Word wants a letter first, then letters, digits and underscores, ≤ 40 chars.
                    let mut name: String = id
                        .chars()
                        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                        .collect();
                    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
                        name.insert_str(0, "h_");
                    }
                    name.truncate(36);
                    let mut candidate = name.clone();
                    let mut n = 2;
                    while !used.insert(candidate.clone()) {
                        candidate = format!("{name}_{n}");
                        n += 1;
                    }
                    self.bookmarks.entry(id.clone()).or_insert(candidate);
                }
                BlockKind::Quote { blocks } | BlockKind::Callout { blocks, .. } => {
                    stack.extend(blocks.iter().rev());
                }
                BlockKind::List { items, .. } => {
                    for item in items.iter().rev() {
                        stack.extend(item.blocks.iter().rev());
                    }
                }
                _ => {}
            }
        }
    }
}

/// The text docx-rs writes for raw run number `n`.
pub(crate) fn raw_marker(n: usize) -> String {
    format!("\u{1}{n}\u{1}")
}

/// The text docx-rs writes first in a run whose language is number `n`.
pub(crate) fn lang_marker(n: usize) -> String {
    format!("\u{2}{n}\u{2}")
}

/// How the surrounding blocks shape a paragraph.
#[derive(Debug, Clone)]
pub(crate) struct Ctx {
    /// Paragraph style of running text here.
    pub(crate) style: &'static str,
    /// List nesting depth (0 outside lists).
    pub(crate) depth: usize,
}

impl Default for Ctx {
    fn default() -> Self {
        Ctx {
            style: crate::styles::id::NORMAL,
            depth: 0,
        }
    }
}
