//! The table of contents: after the title block, one entry per top-level heading of
//! levels 1 to 3 (as in HTML and Word), indented by level, with dot leaders and the
//! heading's page, each entry a link to its heading.
//!
//! Page numbers are known only after pagination, so an entry's lines leave room for
//! the widest number of a given count of digits: the contents' height does not depend
//! on the numbers. [`crate::layout::layout`] paginates, then fills the numbers in with
//! [`Toc::fill`]; only when a page number has more digits than were reserved is the
//! contents laid out again, with room for more.

use briefing_model::{BlockKind, Document, Inline, Pt};

use super::flow::{Ctx, Flow, Unit};
use super::lines::{self, Align, InlineTheme, Prepared, Style};
use super::links::Anchors;
use super::{Anchor, Frame, Item, NodeId, Role, Tag, Target, TextRun};
use crate::fonts::{Family, FontSet};

/// Deepest heading level listed, as in the other formats.
const MAX_LEVEL: u8 = 3;

/// The contents' heading, as in the other formats.
const TITLE: &str = "Contents";

/// The contents, laid out for a given room for page numbers.
#[derive(Debug)]
pub(crate) struct Toc {
    /// The "Contents" heading's units.
    heading: Vec<Unit>,
    /// One per listed heading, in document order.
    entries: Vec<Entry>,
    /// Left edge of the text block.
    left: f32,
    /// Right edge of the text block, where page numbers end.
    right: f32,
    /// The indent of each deeper level.
    indent: f32,
    /// Space between the heading and the first entry: what a level-1 heading has below it.
    heading_gap: f32,
    /// Space above a top-level entry that is not the first.
    entry_gap: f32,
    /// The leaders' colour.
    leader_color: briefing_model::Rgb,
    /// From dot to dot in the leaders, in em of the entry's size.
    leader_pitch: briefing_model::Space,
}

/// One entry.
#[derive(Debug)]
struct Entry {
    /// The heading's index in the document's blocks: its anchor.
    block: usize,
    /// Nesting below the shallowest listed level.
    depth: usize,
    /// The heading's text, ready to break.
    text: Prepared,
    /// The entry's style, also its page number's.
    style: Style,
    /// The `Link` element the entry's text, number and annotations belong to.
    link: NodeId,
    /// Right end of the entry's last line, from the last [`Toc::units`].
    end: f32,
}

impl Flow<'_> {
    /// The contents when the briefing or theme asks for one and there are headings to
    /// list; makes its elements: an `H1` "Contents", then a `TOC` of `TOCI`s, each
    /// holding a `Reference` with the `Link`, and a nested `TOC` for deeper entries.
    pub(super) fn toc(&mut self, doc: &Document, ctx: &Ctx) -> Option<Toc> {
        if !doc.meta.toc.unwrap_or(self.theme.layout.toc) {
            return None;
        }
        let listed: Vec<(u8, usize, String)> = doc
            .blocks
            .iter()
            .enumerate()
            .filter_map(|(i, b)| match &b.kind {
                BlockKind::Heading { level, content, .. } if *level <= MAX_LEVEL => {
                    Some((*level, i, briefing_model::title_text(content, false)))
                }
                _ => None,
            })
            .collect();
        let top = listed.iter().map(|e| e.0).min()?;
        let nested = listed.iter().any(|e| e.0 > top);
        let t = self.theme;
        let title = Style {
            bold: true,
            ..Style::plain(Family::Heading, t.sizes.heading(1).0, t.colors.accent)
        };
        let node = self.leaf(Role::H(1), None);
        let heading = self
            .text(
                &[Inline::Text(TITLE.into())],
                &title,
                ctx,
                Align::Left,
                0,
                node,
            )
            .into_iter()
            .map(|l| Unit {
                keep_with_next: true,
                ..Unit::line(l)
            })
            .collect();
        let plain = InlineTheme {
            hyphenate: None,
            ..self.inline_theme.clone()
        };
        let root = self.leaf(Role::Toc, None);
        // The open lists by depth: each list and its latest item.
        let mut open: Vec<(NodeId, Option<NodeId>)> = vec![(root, None)];
        let mut entries = Vec::new();
        for (level, block, text) in listed {
            let depth = usize::from(level - top);
            open.truncate(depth + 1);
            while open.len() <= depth {
                // A deeper list sits in the item above it (or in the list, if none yet).
                let (list, item) = *open.last().expect("never empty");
                let nested = self.structure.add(Role::Toc, item.unwrap_or(list), None);
                open.push((nested, None));
            }
            let item = self.structure.add(Role::Toci, open[depth].0, None);
            open[depth].1 = Some(item);
            let reference = self.structure.add(Role::Reference, item, None);
            let link = self
                .structure
                .add(Role::Link, reference, Some(text.clone()));
            // Top-level entries in the headings' face, bold when they head deeper ones.
            let style = if depth == 0 {
                Style {
                    bold: nested,
                    ..Style::plain(Family::Heading, t.sizes.body.0, t.colors.text)
                }
            } else {
                Style::plain(Family::Body, t.sizes.body.0, t.colors.text)
            };
            let prepared = lines::prepare(&[Inline::Text(text)], &style, &plain, self.fonts);
            entries.push(Entry {
                block,
                depth,
                text: prepared,
                style,
                link,
                end: 0.0,
            });
        }
        Some(Toc {
            heading,
            entries,
            left: ctx.left,
            right: ctx.left + ctx.width,
            indent: self.space(t.spacing.toc_indent),
            heading_gap: t.spacing.heading_after(1, t.sizes.heading(1)).0,
            entry_gap: self.space(t.spacing.toc_spacing),
            leader_color: t.colors.muted,
            leader_pitch: t.spacing.toc_leader,
        })
    }
}

impl Toc {
    /// The contents' units with room for page numbers of `digits` digits. Each entry's
    /// last line ends in an anchor where its number goes.
    pub(crate) fn units(&mut self, fonts: &FontSet, digits: usize) -> Vec<Unit> {
        let mut units = self.heading.clone();
        let count = self.entries.len();
        for k in 0..count {
            let e = &self.entries[k];
            let size = e.style.size;
            let number = digits as f32 * widest_digit(fonts, &e.style);
            // Continuation lines hang one em further in.
            let hang = size;
            let x = self.left + e.depth as f32 * self.indent;
            // Clear of the number and a leader's em; on a very narrow page, at least a
            // few words, yet never past the text block.
            let room = (self.right - number - size - x - hang)
                .max(size * 6.0)
                .min(self.right - x - hang);
            let lines = e.text.lines(fonts, x, room, Align::Left);
            let n = lines.len();
            let next_deeper = self
                .entries
                .get(k + 1)
                .is_some_and(|next| next.depth > e.depth);
            let mut end = x;
            for (i, l) in lines.into_iter().enumerate() {
                let dx = if i == 0 { 0.0 } else { hang };
                // The leader starts where the last line's text ends.
                end = x + dx;
                let mut items: Vec<Item> = Vec::with_capacity(l.items.len() + 2);
                for item in l.items {
                    let mut item = item.shifted(dx, 0.0);
                    if let Item::Text(t) = &mut item {
                        t.tag = Tag::Node(e.link);
                        end = end.max(t.x.0 + fonts.width(t.face, &t.text, t.size.0));
                    }
                    items.push(item);
                }
                // The whole line is clickable, number included.
                items.push(Item::Link {
                    x: Pt(x),
                    y: Pt(-l.height),
                    w: Pt(self.right - x),
                    h: Pt(l.height),
                    target: Target::Anchor(Anchor::Heading(e.block)),
                    tag: Tag::Node(e.link),
                });
                let last = i + 1 == n;
                if last {
                    items.push(Item::Anchor {
                        y: Pt(-l.baseline),
                        anchor: Anchor::TocNumber(k),
                    });
                }
                let gap = match (i, k) {
                    (0, 0) => self.heading_gap,
                    (0, _) if e.depth == 0 => self.entry_gap,
                    _ => 0.0,
                };
                units.push(Unit {
                    gap,
                    height: l.height,
                    baseline: Some(l.baseline),
                    items,
                    // An entry's lines stay together, and a top-level entry with its first child.
                    keep_with_next: !last || next_deeper,
                    ..Unit::default()
                });
            }
            self.entries[k].end = end;
        }
        units
    }

    /// How many digits the largest page number of the entries has.
    pub(crate) fn digits_needed(&self, anchors: &Anchors) -> usize {
        self.entries
            .iter()
            .filter_map(|e| anchors.get(&Anchor::Heading(e.block)))
            .map(|(page, _)| (page + 1).to_string().len())
            .max()
            .unwrap_or(1)
    }

    /// Fills in each entry's page number, right-aligned, and the dot leaders before it,
    /// where the entry's anchor landed.
    pub(crate) fn fill(&self, pages: &mut [Frame], anchors: &Anchors, fonts: &FontSet) {
        for page in pages {
            let at: Vec<(usize, usize, f32)> = page
                .items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| match item {
                    Item::Anchor {
                        y,
                        anchor: Anchor::TocNumber(k),
                    } => Some((i, *k, y.0)),
                    _ => None,
                })
                .collect();
            // From the back, so earlier indices stay valid.
            for (i, k, y) in at.into_iter().rev() {
                let e = &self.entries[k];
                let Some((target, _)) = anchors.get(&Anchor::Heading(e.block)) else {
                    continue;
                };
                let number = (target + 1).to_string();
                let w = fonts.width(e.style.face(), &number, e.style.size);
                let x = self.right - w;
                let mut add = Vec::with_capacity(2);
                add.extend(self.leader(fonts, &e.style, e.end, x, y));
                add.push(Item::Text(TextRun {
                    x: Pt(x),
                    y: Pt(y),
                    face: e.style.face(),
                    size: Pt(e.style.size),
                    color: e.style.color,
                    glyphs: fonts.shape_words(e.style.face(), &number),
                    text: number,
                    space_extra: Pt(0.0),
                    tag: Tag::Node(e.link),
                }));
                page.items.splice(i + 1..i + 1, add);
            }
        }
    }

    /// Dots between `from` and `to` on baseline `y`, on a grid shared by every entry so
    /// that they line up down the page; an artifact, as readers need not hear them.
    fn leader(&self, fonts: &FontSet, entry: &Style, from: f32, to: f32, y: f32) -> Option<Item> {
        let face = Style::plain(Family::Body, entry.size, self.leader_color).face();
        let size = entry.size;
        let dot = fonts.width(face, ".", size);
        let space = fonts.width(face, " ", size);
        // The theme's pitch from dot to dot, and at least that much clear of text and number.
        let pitch = self.leader_pitch.of(briefing_model::Pt(size)).0;
        let first = ((from + pitch) / pitch).ceil() * pitch;
        let last = to - pitch * 0.5 - dot;
        if last < first {
            return None;
        }
        let count = ((last - first) / pitch).floor() as usize + 1;
        let mut text = ". ".repeat(count);
        text.pop();
        Some(Item::Text(TextRun {
            x: Pt(first),
            y: Pt(y),
            face,
            size: Pt(size),
            color: self.leader_color,
            glyphs: fonts.shape_words(face, &text),
            text,
            space_extra: Pt(pitch - dot - space),
            tag: Tag::Artifact,
        }))
    }
}

/// The width of the widest digit in `style`: a number of n digits is never wider than
/// n of them.
fn widest_digit(fonts: &FontSet, style: &Style) -> f32 {
    ('0'..='9')
        .map(|d| fonts.width(style.face(), d.encode_utf8(&mut [0; 4]), style.size))
        .fold(0.0, f32::max)
}

#[cfg(test)]
mod tests {
    use briefing_model::{Block, BlockKind, Document, Inline, Meta, builtin};

    use crate::fonts::FontSet;
    use crate::layout::{Item, Tag, layout};

    /// A document that asks for contents, with one heading per title and `paras`
    /// paragraphs of filler after each.
    fn sections(titles: &[(u8, String)], paras: usize) -> Document {
        let filler = "Filler words keep the reader busy while the page fills up with text. ";
        let mut blocks = Vec::new();
        for (level, title) in titles {
            blocks.push(Block::new(BlockKind::Heading {
                level: *level,
                id: String::new(),
                content: vec![Inline::Text(title.clone())],
            }));
            for _ in 0..paras {
                blocks.push(Block::new(BlockKind::Paragraph {
                    content: vec![Inline::Text(filler.repeat(4))],
                }));
            }
        }
        Document {
            meta: Meta {
                title: "Contents test".into(),
                lang: "en".into(),
                toc: Some(true),
                ..Meta::default()
            },
            blocks,
            footnotes: Vec::new(),
        }
    }

    #[test]
    fn entry_text_leaders_and_numbers_never_overlap_on_a_line() {
        let theme = builtin("briefing").unwrap();
        let fonts = FontSet::new(&theme).unwrap();
        let long = "A heading long enough that its contents entry must wrap onto a second line before its page number";
        let titles: Vec<(u8, String)> = (0..60)
            .map(|i| {
                let title = match i % 7 {
                    3 => format!("{long} {i}"),
                    _ => format!("Section {i}"),
                };
                (1 + (i % 3) as u8, title)
            })
            .collect();
        let laid = layout(&sections(&titles, 1), &theme, &fonts, &Default::default());
        for page in &laid.pages[..2] {
            let mut runs: Vec<(f32, f32, f32)> = page
                .items
                .iter()
                .filter_map(|i| match i {
                    Item::Text(t) => {
                        let spaces = t.text.matches(' ').count() as f32;
                        let w = fonts.width(t.face, &t.text, t.size.0) + spaces * t.space_extra.0;
                        Some((t.y.0, t.x.0, t.x.0 + w))
                    }
                    _ => None,
                })
                .collect();
            runs.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
            for w in runs.windows(2) {
                if (w[0].0 - w[1].0).abs() < 0.01 {
                    assert!(w[1].1 >= w[0].2 - 0.01, "{w:?} overlap");
                }
            }
        }
    }

    #[test]
    fn contents_text_stays_inside_the_text_block() {
        let theme = builtin("briefing").unwrap();
        let fonts = FontSet::new(&theme).unwrap();
        let word = "Unbreakablelongwordwithoutanyspacesthatisverylongindeed".repeat(2);
        let titles = [
            (3, format!("Deep {word} and more words to wrap here")),
            (1, "Overview".into()),
            (2, "Supply".into()),
        ];
        let laid = layout(&sections(&titles, 0), &theme, &fonts, &Default::default());
        let left = theme.page.margin_left.0;
        let right = left + theme.text_width().0;
        for item in &laid.pages[0].items {
            if let Item::Text(t) = item {
                if t.tag == Tag::Artifact && !t.text.starts_with('.') {
                    continue; // running header and footer
                }
                let end = t.x.0 + fonts.width(t.face, &t.text, t.size.0);
                assert!(
                    t.x.0 >= left - 0.01 && end <= right + 0.01,
                    "{t:?} ends at {end}"
                );
            }
        }
    }
}
