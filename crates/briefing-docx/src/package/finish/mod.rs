//! Finishing the parts docx-rs wrote, structurally: each part is read with quick-xml and
//! written back event by event, what docx-rs wrote well copied as its bytes. Only these
//! elements change:
//!
//! - schema order, where docx-rs does not keep it (the OOXML validator in CI checks): the
//!   empty `w:rPr` docx-rs puts first in every `w:pPr` is dropped, `w:rStyle` goes first in
//!   `w:rPr`, `w:ilvl` before `w:numId`, and a table grid column loses the `w:type` the
//!   schema does not have;
//! - the edits docx-rs cannot write (see [`crate::edits`]): `w:lang` at the end of a run's
//!   properties, a run's content, a picture's id and description;
//! - the tables' properties and the body's section properties are ours, and a table's first
//!   row (the only one docx-rs marks `w:cantSplit`) repeats as a header;
//! - for endnotes, the footnote elements docx-rs writes are renamed, and every notes part
//!   starts with Word's separator notes.

mod editor;
mod runs;
mod write;

use std::ops::Range;

use quick_xml::events::{BytesStart, Event};

use crate::edits::{Edits, ParagraphEdits, RunEdit};
use crate::notes::NoteKind;
use editor::{Child, Editor};

/// What to change in one part.
pub(super) struct Job<'a> {
    /// The edits of the document's runs.
    pub(super) edits: &'a Edits,
    /// The kind of notes, which names the note elements.
    pub(super) notes: NoteKind,
    /// The `w:tblPr` for every table (document.xml only).
    pub(super) table_properties: Option<&'a [u8]>,
    /// The `w:sectPr` of the body (document.xml only).
    pub(super) section: Option<&'a [u8]>,
    /// Whether this is the notes part, which starts with the separator notes.
    pub(super) separators: bool,
}

/// A part finished, and how many edited paragraphs it held.
pub(super) struct Finished {
    /// The part's bytes.
    pub(super) xml: Vec<u8>,
    /// How many of the edited paragraphs were in this part.
    pub(super) edited: usize,
}

/// The paragraph being read.
struct Para<'j> {
    /// Its edits.
    edits: &'j ParagraphEdits,
    /// How many runs were read in it.
    runs: usize,
    /// The next of its edits to apply.
    next: usize,
}

/// The run being read.
struct Run<'j> {
    /// What it needs beyond what docx-rs wrote.
    edit: Option<&'j RunEdit>,
    /// The depth of the run's children.
    depth: usize,
    /// Whether the run's language is still to be written (it had no `w:rPr` yet).
    lang: bool,
}

/// The state of one pass over a part.
struct Pass<'a, 'j> {
    /// The part being rewritten.
    ed: Editor<'a>,
    /// What to change.
    job: &'j Job<'j>,
    /// How deep the reader is.
    depth: usize,
    /// The edited paragraph being read.
    para: Option<Para<'j>>,
    /// The run being read.
    run: Option<Run<'j>>,
    /// The depth of the children of the `w:pPr` being read, and its start tag while it is
    /// held back (it is dropped if nothing in it is kept).
    ppr: Option<(usize, Option<Range<usize>>)>,
    /// Pictures so far.
    pictures: usize,
    /// Edited paragraphs so far.
    edited: usize,
    /// Children of an element being reordered (kept to reuse the allocation).
    children: Vec<Child<'a>>,
}

/// Finishes `xml`, a part docx-rs wrote, as `job` says.
pub(super) fn finish(xml: &[u8], job: &Job<'_>) -> Result<Finished, String> {
    let src = std::str::from_utf8(xml).map_err(|e| format!("not UTF-8: {e}"))?;
    let mut pass = Pass {
        ed: Editor::new(src),
        job,
        depth: 0,
        para: None,
        run: None,
        ppr: None,
        pictures: 0,
        edited: 0,
        children: Vec::new(),
    };
    loop {
        let (event, span) = pass.ed.next()?;
        match &event {
            Event::Eof => break,
            Event::Start(e) => {
                pass.child_of_ppr(e.name().as_ref(), false, &span);
                pass.child_of_run(e.name().as_ref(), &span);
                pass.start(e, span)?;
            }
            Event::Empty(e) => {
                pass.child_of_ppr(e.name().as_ref(), true, &span);
                pass.child_of_run(e.name().as_ref(), &span);
                pass.empty(e, span)?;
            }
            Event::End(e) => {
                pass.depth -= 1;
                pass.end(e.name().as_ref(), span)?;
            }
            _ => {
                pass.child_of_ppr("", false, &span);
                pass.child_of_run("", &span);
            }
        }
    }
    Ok(Finished {
        edited: pass.edited,
        xml: pass.ed.finish(),
    })
}

impl<'a, 'j> Pass<'a, 'j> {
    /// An element opens.
    fn start(&mut self, e: &BytesStart<'a>, span: Range<usize>) -> Result<(), String> {
        let depth = self.depth;
        self.depth += 1;
        match e.name().as_ref() {
            "w:p" => self.paragraph(e)?,
            "w:r" => self.open_run(depth + 1),
            "w:pPr" => {
                // Held back until something in it is kept.
                self.ed.replace(&span);
                self.ppr = Some((depth + 1, Some(span)));
            }
            "w:rPr" => {
                self.depth -= 1;
                self.run_properties(span)?;
            }
            "w:numPr" => {
                self.depth -= 1;
                self.numbering(span)?;
            }
            "w:tblPr" | "w:sectPr" => {
                if let Some(ours) = self.ours(e.name().as_ref()) {
                    self.depth -= 1;
                    self.ed.keep_to(span.start);
                    let end = self.ed.skip_element(e)?;
                    self.ed.skip_to(end);
                    self.ed.out.raw(ours);
                }
            }
            _ => {
                self.rename_note(e, &span, false);
                if depth == 0 && self.job.separators {
                    self.ed.keep_to(span.end);
                    write::separators(&mut self.ed.out, self.job.notes);
                }
            }
        }
        Ok(())
    }

    /// An empty element.
    fn empty(&mut self, e: &BytesStart<'a>, span: Range<usize>) -> Result<(), String> {
        match e.name().as_ref() {
            "w:r" => {
                self.open_run(self.depth + 1);
                if self.run.as_ref().is_some_and(|r| r.edit.is_some()) {
                    self.ed.replace(&span);
                    self.ed.out.open("w:r", &[]);
                    self.close_run();
                    self.ed.out.close("w:r");
                }
                self.run = None;
            }
            "w:rPr" if self.lang_due() => {
                self.ed.replace(&span);
                self.write_lang_properties();
            }
            "wp:docPr" => {
                self.pictures += 1;
                let alt = self.run.as_ref().and_then(|r| r.edit?.alt.as_deref());
                self.ed.replace(&span);
                write::picture(&mut self.ed.out, self.pictures, alt.unwrap_or(""));
            }
            "w:gridCol" if e.attributes().flatten().any(|a| a.key.as_ref() == "w:type") => {
                self.ed.replace(&span);
                self.ed.without_attribute(e, "w:type")?;
            }
            "w:cantSplit" => {
                // The header row: it repeats on every page, written as its sibling was.
                self.ed.keep_to(span.end);
                self.ed.rename(e, "w:tblHeader", true);
            }
            "w:tblPr" | "w:sectPr" => {
                if let Some(ours) = self.ours(e.name().as_ref()) {
                    self.ed.replace(&span);
                    self.ed.out.raw(ours);
                }
            }
            _ => self.rename_note(e, &span, true),
        }
        Ok(())
    }

    /// An element closes.
    fn end(&mut self, name: &str, span: Range<usize>) -> Result<(), String> {
        match name {
            "w:r" if self.run.is_some() => {
                self.ed.keep_to(span.start);
                self.close_run();
            }
            "w:pPr" => {
                if let Some((_, Some(_))) = self.ppr {
                    // Nothing in it was kept: the whole element goes.
                    self.ed.skip_to(span.end);
                }
                self.ppr = None;
            }
            "w:p" => self.close_paragraph()?,
            name => {
                if let Some(renamed) = self.renamed(name) {
                    self.ed.replace(&span);
                    self.ed.out.close(renamed);
                }
            }
        }
        Ok(())
    }

    /// Something read directly inside a `w:pPr`: an empty `w:rPr` (docx-rs's, first and out
    /// of schema order) is dropped; anything else writes the held-back start tag first.
    fn child_of_ppr(&mut self, name: &str, empty: bool, span: &Range<usize>) {
        let Some((depth, held)) = &mut self.ppr else {
            return;
        };
        if *depth != self.depth {
            return;
        }
        if empty && name == "w:rPr" {
            self.ed.replace(span);
        } else if let Some(start) = held.take() {
            self.ed.keep_to(span.start);
            self.ed.copy(&start);
        }
    }

    /// Numbering properties: the level before the list.
    fn numbering(&mut self, span: Range<usize>) -> Result<(), String> {
        let end = self.ed.children(&mut self.children)?;
        let level = self.children.iter().position(|c| c.name == "w:ilvl");
        let Some(level) = level.filter(|&l| l > 0) else {
            return Ok(());
        };
        self.ed.keep_to(span.start);
        self.ed.copy(&span);
        let children = std::mem::take(&mut self.children);
        self.ed.copy(&children[level].span);
        for (i, c) in children.iter().enumerate() {
            if i != level {
                self.ed.copy(&c.span);
            }
        }
        self.children = children;
        self.ed.copy(&end);
        self.ed.skip_to(end.end);
        Ok(())
    }

    /// Our own version of element `name`, when this part has one.
    fn ours(&self, name: &str) -> Option<&'j [u8]> {
        match name {
            "w:tblPr" => self.job.table_properties,
            "w:sectPr" => self.job.section,
            _ => None,
        }
    }

    /// Writes `e`, read at `span`, as an endnote element when it is a footnote element and the
    /// notes are endnotes.
    fn rename_note(&mut self, e: &BytesStart<'a>, span: &Range<usize>, empty: bool) {
        if let Some(renamed) = self.renamed(e.name().as_ref()) {
            self.ed.replace(span);
            self.ed.rename(e, renamed, empty);
        }
    }

    /// The name of a footnote element docx-rs wrote, when the notes are endnotes.
    fn renamed(&self, name: &str) -> Option<&'static str> {
        if self.job.notes != NoteKind::End {
            return None;
        }
        match name {
            "w:footnotes" => Some("w:endnotes"),
            "w:footnote" => Some("w:endnote"),
            "w:footnoteReference" => Some("w:endnoteReference"),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests;
