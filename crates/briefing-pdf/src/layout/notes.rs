//! Footnotes: each note set in the small size with its number, which links back to the
//! note's mark, and the heading of the end-notes section.

use std::collections::BTreeMap;

use briefing_model::{Document, Inline, Pt};

use super::flow::{Ctx, Flow, Unit};
use super::lines::{Align, Style};
use super::{Anchor, Item, NodeId, Role, Tag, Target};
use crate::fonts::Family;

/// Footnotes laid out, ready for the page foot.
#[derive(Debug, Default)]
pub(crate) struct Notes {
    /// The heading of the end-notes section.
    pub(crate) header: Vec<Unit>,
    /// Each note's units, by number.
    pub(crate) bodies: BTreeMap<u32, Vec<Unit>>,
}

impl Flow<'_> {
    /// Every footnote set in the small size, and the heading of the end-notes
    /// section that takes any note pagination could not put at a page foot.
    pub(super) fn notes(&mut self, doc: &Document, ctx: &Ctx) -> Notes {
        let mut notes = Notes::default();
        if doc.footnotes.is_empty() {
            return notes;
        }
        let t = self.theme;
        let rule = Item::Line {
            x1: Pt(ctx.left),
            y1: Pt(-4.0),
            x2: Pt(ctx.left + ctx.width * 0.3),
            y2: Pt(-4.0),
            width: Pt(0.6),
            color: t.colors.rule,
        };
        notes.header.push(Unit {
            gap: 18.0,
            height: 8.0,
            items: vec![rule],
            keep_with_next: true,
            ..Unit::default()
        });
        let label = Style {
            bold: true,
            ..Style::plain(Family::Heading, t.sizes.heading(3).0, t.colors.accent)
        };
        let node = self.leaf(Role::P, None);
        for l in self.text(
            &[Inline::Text("Notes".into())],
            &label,
            ctx,
            Align::Left,
            0,
            node,
        ) {
            notes.header.push(Unit {
                keep_with_next: true,
                ..Unit::line(l)
            });
        }
        let small = Ctx {
            style: Style {
                size: t.sizes.small.0,
                ..ctx.style.clone()
            },
            ..ctx.clone()
        };
        let mut labels = Vec::new();
        for note in &doc.footnotes {
            let marker = format!("{}.", note.number);
            let id = self.begin(Role::Note);
            // PDF/UA wants every note to carry a unique id.
            self.structure.nodes[id].alt = Some(format!("note-{}", note.number));
            let (mut units, label) =
                self.list_item(&note.blocks, &small, &marker, Family::Body, note.line, None);
            self.end();
            units[0].items.insert(
                0,
                Item::Anchor {
                    y: Pt(0.0),
                    anchor: Anchor::Note(note.number),
                },
            );
            labels.push((note.number, label));
            notes.bodies.insert(note.number, units);
        }
        // Only now are all marks known, those inside notes too.
        let cited = self.cited_notes();
        for (n, label) in labels {
            if cited.contains(&n) {
                let units = notes.bodies.get_mut(&n).expect("laid out above");
                self.link_back(&mut units[0].items, label, n);
            }
        }
        notes
    }

    /// Makes the number of note `n` (the text of element `label` among `items`) a link
    /// back to the note's first reference mark.
    fn link_back(&mut self, items: &mut Vec<Item>, label: NodeId, n: u32) {
        let mut rect: Option<(f32, f32, f32, f32)> = None;
        let mut last = 0;
        let link = self
            .structure
            .add(Role::Link, label, Some(format!("Back to text of note {n}")));
        for (i, item) in items.iter_mut().enumerate() {
            let Item::Text(t) = item else { continue };
            if t.tag != Tag::Node(label) {
                continue;
            }
            t.tag = Tag::Node(link);
            let (x, y, size) = (t.x.0, t.y.0, t.size.0);
            let right = x + self.fonts.width(t.face, &t.text, size);
            let (bottom, top) = (y - size * 0.3, y + size);
            rect = Some(match rect {
                None => (x, bottom, right, top),
                Some((l, b, r, tp)) => (l.min(x), b.min(bottom), r.max(right), tp.max(top)),
            });
            last = i;
        }
        if let Some((l, b, r, t)) = rect {
            items.insert(
                last + 1,
                Item::Link {
                    x: Pt(l),
                    y: Pt(b),
                    w: Pt(r - l),
                    h: Pt(t - b),
                    target: Target::Anchor(Anchor::Mark(n)),
                    tag: Tag::Node(link),
                },
            );
        }
    }
}
