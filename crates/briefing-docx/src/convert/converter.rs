//! Conversion state for one document, and the walk over its blocks.

use std::collections::{BTreeSet, HashMap, HashSet};

use briefing_model::{Assets, Block, BlockKind, Diagnostic, Document, Theme};
use docx_rs::{Paragraph, Table};

use crate::edits::Edits;
use crate::notes::NoteKind;
use crate::parts::{Link, Media};
use crate::text::strip_illegal;

use super::numbering::Lists;
use super::para::Para;

/// One piece of body content in reading order.
// Moved once into docx-rs right after it is built; boxing would only add allocations.
#[allow(clippy::large_enum_variant)]
pub(super) enum Out {
    /// A paragraph.
    Para(Para),
    /// A table.
    Table(Table),
}

/// Where converted content is going, which limits what it may contain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    /// `word/document.xml`: everything is allowed.
    Body,
    /// A note (`word/footnotes.xml` or `word/endnotes.xml`): paragraphs only; no pictures or
    /// nested notes.
    Note,
}

/// Conversion state for one document.
pub(super) struct Converter<'a> {
    /// The theme.
    pub(super) theme: &'a Theme,
    /// The document.
    pub(super) doc: &'a Document,
    /// Where image paths resolve.
    pub(super) assets: &'a Assets,
    /// Warnings so far.
    pub(super) warnings: Vec<Diagnostic>,
    /// Lines already warned about for removed characters.
    warned_lines: HashSet<u32>,
    /// The next `w14:paraId`.
    next_para: u32,
    /// The next bookmark id.
    next_bookmark: usize,
    /// List instances, for `numbering.xml`.
    pub(super) lists: Lists,
    /// Embedded pictures, in document order.
    pub(super) media: Vec<Media>,
    /// External links of the body.
    pub(super) body_links: Vec<Link>,
    /// External links inside notes.
    pub(super) note_links: Vec<Link>,
    /// What docx-rs cannot write: run languages, run contents, picture descriptions.
    pub(super) edits: Edits,
    /// Heading id → bookmark name.
    pub(super) bookmarks: HashMap<String, String>,
    /// Footnote numbers already placed as real notes.
    pub(super) placed_notes: BTreeSet<u32>,
    /// Whether notes become footnotes or endnotes.
    pub(super) notes: NoteKind,
    /// The part being filled.
    pub(super) part: Part,
    /// Whether a TOC field was written.
    pub(super) has_toc: bool,
}

impl<'a> Converter<'a> {
    /// A converter for `doc`.
    pub(super) fn new(doc: &'a Document, theme: &'a Theme, assets: &'a Assets) -> Self {
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
            body_links: Vec::new(),
            note_links: Vec::new(),
            edits: Edits::default(),
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
    pub(super) fn body(&mut self) -> Vec<Out> {
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
    pub(super) fn para(&mut self, style: &str) -> Para {
        let id = self.next_para;
        self.next_para += 1;
        Para::new(id, style)
    }

    /// The docx-rs paragraph of `p`, its run edits recorded for the package.
    pub(super) fn seal(&mut self, p: Para) -> Paragraph {
        let (p, edits) = p.finish();
        if let Some((id, edits)) = edits {
            self.edits.paragraphs.insert(id, edits);
        }
        p
    }

    /// The number of language `tag`, for runs inside a language span; `None` (the document's
    /// language) when the tag is blank.
    pub(super) fn lang_number(&mut self, tag: &str, line: u32) -> Option<usize> {
        let tag = self.clean(tag.trim(), line);
        if tag.is_empty() {
            return None;
        }
        let langs = &mut self.edits.langs;
        Some(match langs.iter().position(|l| *l == tag) {
            Some(n) => n,
            None => {
                langs.push(tag);
                langs.len() - 1
            }
        })
    }

    /// `s` with XML-illegal characters removed, warning once per source line.
    pub(super) fn clean(&mut self, s: &str, line: u32) -> String {
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
    pub(super) fn bookmark_id(&mut self) -> usize {
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

/// How the surrounding blocks shape a paragraph.
#[derive(Debug, Clone)]
pub(super) struct Ctx {
    /// Paragraph style of running text here.
    pub(super) style: &'static str,
    /// List nesting depth (0 outside lists).
    pub(super) depth: usize,
}

impl Default for Ctx {
    fn default() -> Self {
        Ctx {
            style: crate::styles::id::NORMAL,
            depth: 0,
        }
    }
}
