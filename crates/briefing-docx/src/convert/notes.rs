//! Note bodies: the paragraphs of a Word note, and the notes no reference points at.

use docx_rs::{Paragraph, Run};

use super::converter::{Converter, Ctx, Out, Part};
use super::para::Piece;
use crate::edits::{RunContent, RunEdit};

impl Converter<'_> {
    /// The paragraphs of footnote `number`, its mark first.
    pub(super) fn note_paragraphs(&mut self, number: u32) -> Vec<Paragraph> {
        let style = self.notes.text_style();
        let Some(note) = self.doc.footnotes.iter().find(|n| n.number == number) else {
            let p = self.para(style);
            return vec![self.seal(p)];
        };
        let saved = self.part;
        self.part = Part::Note;
        let mut out = Vec::new();
        let ctx = Ctx { style, depth: 0 };
        for b in &note.blocks {
            self.block(b, &ctx, &mut out);
        }
        self.part = saved;
        let mut paras: Vec<_> = out
            .into_iter()
            .filter_map(|o| match o {
                Out::Para(p) => Some(p),
                Out::Table(_) => None,
            })
            .collect();
        if paras.is_empty() {
            paras.push(self.para(style));
        }
        // docx-rs has no note mark: the run gets its content in the package.
        let mark = Piece::Edited(
            Run::new().style(self.notes.ref_style()),
            RunEdit::content(RunContent::NoteMark),
        );
        let first = paras.remove(0);
        paras.insert(
            0,
            first.prepend(vec![mark, Piece::Run(Run::new().add_text(" "))]),
        );
        paras.into_iter().map(|p| self.seal(p)).collect()
    }

    /// Footnotes no reference points at: kept as numbered paragraphs at the end.
    pub(super) fn unreferenced_notes(&mut self, out: &mut Vec<Out>) {
        let missing: Vec<u32> = self
            .doc
            .footnotes
            .iter()
            .map(|n| n.number)
            .filter(|n| !self.placed_notes.contains(n))
            .collect();
        for number in missing {
            let note = self
                .doc
                .footnotes
                .iter()
                .find(|n| n.number == number)
                .expect("listed above");
            self.warnings.push(briefing_model::Diagnostic::warning(
                note.line,
                format!(
                    "footnote [^{}] is never referenced; it is printed at the end",
                    note.label
                ),
            ));
            let blocks = note.blocks.clone();
            let mut inner = Vec::new();
            let ctx = Ctx {
                style: self.notes.text_style(),
                depth: 0,
            };
            for b in &blocks {
                self.block(b, &ctx, &mut inner);
            }
            let mut first = true;
            for o in inner {
                match o {
                    Out::Para(p) if first => {
                        first = false;
                        let number = Piece::Run(Run::new().add_text(format!("{number}. ")));
                        out.push(Out::Para(p.prepend(vec![number])));
                    }
                    o => out.push(o),
                }
            }
        }
    }

    /// Records that note `number` now has its real footnote; false if it already had one.
    pub(super) fn place_note(&mut self, number: u32) -> bool {
        self.placed_notes.insert(number)
    }
}
