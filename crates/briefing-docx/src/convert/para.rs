//! A paragraph being built: the docx-rs paragraph, and the edits of its runs that docx-rs
//! cannot write (see [`crate::edits`]), kept by each run's position among the paragraph's runs.

use docx_rs::{
    AlignmentType, Hyperlink, IndentLevel, NumPages, NumberingId, PageNum, Paragraph,
    ParagraphChild, Run,
};

use crate::edits::{ParagraphEdits, RunEdit};

/// A child of a paragraph.
// Moved once into docx-rs right after it is built; boxing would only add allocations.
#[allow(clippy::large_enum_variant)]
pub(crate) enum Piece {
    /// A run docx-rs writes whole.
    Run(Run),
    /// A run and what docx-rs cannot write about it.
    Edited(Run, RunEdit),
    /// A hyperlink holding runs, with the edits of its runs by their position in the link.
    Link(Hyperlink, Vec<(usize, RunEdit)>),
}

/// A paragraph with a deterministic `w14:paraId`, being filled.
pub(crate) struct Para {
    /// The docx-rs paragraph.
    p: Paragraph,
    /// Its `w14:paraId`.
    id: u32,
    /// How many runs docx-rs will write for it so far.
    runs: usize,
    /// Edited runs by position.
    edits: Vec<(usize, RunEdit)>,
}

impl Para {
    /// An empty paragraph with paragraph id `id` and paragraph style `style`.
    pub(crate) fn new(id: u32, style: &str) -> Self {
        Para {
            p: Paragraph::new().id(format!("{id:08X}")).style(style),
            id,
            runs: 0,
            edits: Vec::new(),
        }
    }

    /// Indents the paragraph's left edge by `left` twips.
    pub(crate) fn indent(mut self, left: i32) -> Self {
        self.p = self.p.indent(Some(left), None, None, None);
        self
    }

    /// Aligns the paragraph's lines.
    pub(crate) fn align(mut self, align: AlignmentType) -> Self {
        self.p = self.p.align(align);
        self
    }

    /// Makes the paragraph an item of list instance `num` at `level`.
    pub(crate) fn numbering(mut self, num: usize, level: usize) -> Self {
        self.p = self
            .p
            .numbering(NumberingId::new(num), IndentLevel::new(level));
        self
    }

    /// Appends a run docx-rs writes whole.
    pub(crate) fn run(mut self, run: Run) -> Self {
        self.p = self.p.add_run(run);
        self.runs += 1;
        self
    }

    /// Appends a run with what docx-rs cannot write about it.
    pub(crate) fn edited(mut self, run: Run, edit: RunEdit) -> Self {
        self.edits.push((self.runs, edit));
        self.run(run)
    }

    /// Appends one piece.
    pub(crate) fn piece(mut self, piece: Piece) -> Self {
        match piece {
            Piece::Run(run) => self.run(run),
            Piece::Edited(run, edit) => self.edited(run, edit),
            Piece::Link(link, edits) => {
                let at = self.runs;
                self.edits
                    .extend(edits.into_iter().map(|(i, edit)| (at + i, edit)));
                self.runs += runs(&link.children);
                self.p = self.p.add_hyperlink(link);
                self
            }
        }
    }

    /// Appends `pieces` in order.
    pub(crate) fn pieces(self, pieces: Vec<Piece>) -> Self {
        pieces.into_iter().fold(self, Para::piece)
    }

    /// Puts `pieces` before the paragraph's children.
    pub(crate) fn prepend(mut self, pieces: Vec<Piece>) -> Self {
        let children = std::mem::take(&mut self.p.children);
        let runs = std::mem::take(&mut self.runs);
        let edits = std::mem::take(&mut self.edits);
        self = self.pieces(pieces);
        let shift = self.runs;
        self.p.children.extend(children);
        self.edits
            .extend(edits.into_iter().map(|(i, edit)| (i + shift, edit)));
        self.runs += runs;
        self
    }

    /// Opens bookmark `id` called `name`.
    pub(crate) fn bookmark_start(mut self, id: usize, name: String) -> Self {
        self.p = self.p.add_bookmark_start(id, name);
        self
    }

    /// Closes bookmark `id`.
    pub(crate) fn bookmark_end(mut self, id: usize) -> Self {
        self.p = self.p.add_bookmark_end(id);
        self
    }

    /// Appends a PAGE field (docx-rs writes it as one run).
    pub(crate) fn page_number(mut self) -> Self {
        self.p = self.p.add_page_num(PageNum::new());
        self.runs += 1;
        self
    }

    /// Appends a NUMPAGES field (docx-rs writes it as one run).
    pub(crate) fn page_count(mut self) -> Self {
        self.p = self.p.add_num_pages(NumPages::new());
        self.runs += 1;
        self
    }

    /// The docx-rs paragraph, and its id with the edits of its runs when there are any.
    pub(crate) fn finish(self) -> (Paragraph, Option<(u32, ParagraphEdits)>) {
        let edits = (!self.edits.is_empty()).then_some((
            self.id,
            ParagraphEdits {
                runs: self.runs,
                edits: self.edits,
            },
        ));
        (self.p, edits)
    }
}

/// How many `w:r` elements docx-rs writes for `children`.
fn runs(children: &[ParagraphChild]) -> usize {
    children
        .iter()
        .map(|c| match c {
            ParagraphChild::Run(_) | ParagraphChild::PageNum(_) | ParagraphChild::NumPages(_) => 1,
            ParagraphChild::Hyperlink(h) => runs(&h.children),
            _ => 0,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use docx_rs::HyperlinkType;

    fn lang(n: usize) -> RunEdit {
        RunEdit {
            lang: Some(n),
            ..RunEdit::default()
        }
    }

    #[test]
    fn edits_keep_their_run_positions_through_links_and_prepends() {
        let link = Hyperlink::new("a", HyperlinkType::Anchor)
            .add_run(Run::new())
            .add_run(Run::new());
        let p = Para::new(7, "Normal")
            .bookmark_start(1, "b".into())
            .run(Run::new())
            .piece(Piece::Link(link, vec![(1, lang(0))]))
            .edited(Run::new(), lang(1))
            .bookmark_end(1)
            .prepend(vec![
                Piece::Edited(Run::new(), lang(2)),
                Piece::Run(Run::new()),
            ]);
        let (p, edits) = p.finish();
        let (id, edits) = edits.unwrap();
        assert_eq!(id, 7);
        assert_eq!(edits.runs, 6);
        assert_eq!(runs(&p.children), 6);
        let at: Vec<(usize, Option<usize>)> =
            edits.edits.iter().map(|(i, e)| (*i, e.lang)).collect();
        assert_eq!(at, [(0, Some(2)), (4, Some(0)), (5, Some(1))]);
        assert!(Para::new(1, "Normal").run(Run::new()).finish().1.is_none());
    }
}
