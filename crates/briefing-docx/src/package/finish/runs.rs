//! Paragraphs and runs: the edits of a paragraph's runs found by the paragraph's id and each
//! run's position, and the run properties put in schema order.

use std::ops::Range;

use quick_xml::events::BytesStart;

use super::{Para, Pass, Run, write};

impl<'a, 'j> Pass<'a, 'j> {
    /// Something read directly inside a run: a run whose language is still to be written
    /// and that has no `w:rPr` gets one first.
    pub(super) fn child_of_run(&mut self, name: &str, span: &Range<usize>) {
        if name != "w:rPr" && self.lang_due() {
            self.ed.keep_to(span.start);
            self.write_lang_properties();
        }
    }

    /// A paragraph opens: its edits, if any, are looked up by its `w14:paraId`.
    pub(super) fn paragraph(&mut self, e: &BytesStart<'a>) -> Result<(), String> {
        self.para = None;
        if self.job.edits.paragraphs.is_empty() {
            return Ok(());
        }
        let id = e
            .try_get_attribute("w14:paraId")
            .map_err(|e| e.to_string())?
            .and_then(|a| u32::from_str_radix(&a.value, 16).ok());
        if let Some(edits) = id.and_then(|id| self.job.edits.paragraphs.get(&id)) {
            self.edited += 1;
            self.para = Some(Para {
                edits,
                runs: 0,
                next: 0,
            });
        }
        Ok(())
    }

    /// A run opens, its children at `depth`.
    pub(super) fn open_run(&mut self, depth: usize) {
        let edit = self.para.as_mut().and_then(|p| {
            let at = p.runs;
            p.runs += 1;
            let (i, edit) = p.edits.edits.get(p.next)?;
            (*i == at).then(|| {
                p.next += 1;
                edit
            })
        });
        self.run = Some(Run {
            edit,
            depth,
            lang: edit.is_some_and(|e| e.lang.is_some()),
        });
    }

    /// A run closes: what it still needs is written before its end tag.
    pub(super) fn close_run(&mut self) {
        if self.run_lang() {
            self.write_lang_properties();
        }
        if let Some(content) = self.run.take().and_then(|r| r.edit?.content) {
            write::content(&mut self.ed.out, content, self.job.notes);
        }
    }

    /// Whether the run being read still needs its language.
    pub(super) fn run_lang(&self) -> bool {
        self.run.as_ref().is_some_and(|r| r.lang)
    }

    /// Whether the reader is among the children of a run that still needs its language.
    pub(super) fn lang_due(&self) -> bool {
        self.run
            .as_ref()
            .is_some_and(|r| r.lang && r.depth == self.depth)
    }

    /// Writes the language of the run being read.
    pub(super) fn write_lang(&mut self) {
        if let Some(run) = &mut self.run {
            run.lang = false;
            let lang = run.edit.and_then(|e| e.lang);
            if let Some(tag) = lang.and_then(|n| self.job.edits.langs.get(n)) {
                write::lang(&mut self.ed.out, tag);
            }
        }
    }

    /// Writes run properties holding only the language of the run being read.
    pub(super) fn write_lang_properties(&mut self) {
        self.ed.out.open("w:rPr", &[]);
        self.write_lang();
        self.ed.out.close("w:rPr");
    }

    /// Run properties, their style first; a run's language last.
    pub(super) fn run_properties(&mut self, span: Range<usize>) -> Result<(), String> {
        let lang = self.lang_due();
        let end = self.ed.children(&mut self.children)?;
        let style = self.children.iter().position(|c| c.name == "w:rStyle");
        if !lang && style.is_none_or(|s| s == 0) {
            return Ok(());
        }
        self.ed.keep_to(span.start);
        self.ed.copy(&span);
        let children = std::mem::take(&mut self.children);
        if let Some(s) = style {
            self.ed.copy(&children[s].span);
        }
        for (i, c) in children.iter().enumerate() {
            if Some(i) != style {
                self.ed.copy(&c.span);
            }
        }
        self.children = children;
        if lang {
            self.write_lang();
        }
        self.ed.copy(&end);
        self.ed.skip_to(end.end);
        Ok(())
    }

    /// A paragraph closes: every edit built for it must have found its run.
    pub(super) fn close_paragraph(&mut self) -> Result<(), String> {
        match self.para.take() {
            Some(p) if p.runs != p.edits.runs => Err(format!(
                "a paragraph was built with {} runs and written with {}",
                p.edits.runs, p.runs
            )),
            Some(p) if p.next != p.edits.edits.len() => Err(format!(
                "{} edits of a paragraph found no run",
                p.edits.edits.len() - p.next
            )),
            _ => Ok(()),
        }
    }
}
