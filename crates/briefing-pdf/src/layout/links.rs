//! Internal links: after pagination, each anchor's page and height become known, and
//! every link to an anchor becomes a destination.

use std::collections::BTreeMap;

use briefing_model::Pt;

use super::{Anchor, Frame, Item, Target};

/// Where each anchor landed: 0-based page index and page y.
#[derive(Debug, Default)]
pub(crate) struct Anchors {
    places: BTreeMap<Anchor, (usize, Pt)>,
}

impl Anchors {
    /// Reads the anchors off paginated pages. An anchor met twice (in a table header
    /// repeated on a later page) keeps its first place.
    pub(crate) fn collect(pages: &[Frame]) -> Anchors {
        let mut places = BTreeMap::new();
        for (p, page) in pages.iter().enumerate() {
            for item in &page.items {
                if let Item::Anchor { y, anchor } = item {
                    places.entry(*anchor).or_insert((p, *y));
                }
            }
        }
        Anchors { places }
    }

    /// The page index and y of `anchor`, if it was placed.
    pub(crate) fn get(&self, anchor: &Anchor) -> Option<(usize, Pt)> {
        self.places.get(anchor).copied()
    }
}

/// Turns every link to an anchor into a link to its place and removes the anchors.
/// A link whose anchor was never placed is dropped: it would go nowhere.
pub(crate) fn resolve(pages: &mut [Frame], anchors: &Anchors) {
    for page in pages {
        page.items.retain_mut(|item| match item {
            Item::Anchor { .. } => false,
            Item::Link { target, .. } => match target {
                Target::Anchor(a) => match anchors.get(a) {
                    Some((page, y)) => {
                        *target = Target::Dest { page, y };
                        true
                    }
                    None => false,
                },
                _ => true,
            },
            _ => true,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Tag;

    fn link(to: Anchor) -> Item {
        Item::Link {
            x: Pt(0.0),
            y: Pt(0.0),
            w: Pt(1.0),
            h: Pt(1.0),
            target: Target::Anchor(to),
            tag: Tag::Artifact,
        }
    }

    #[test]
    fn links_go_to_the_first_place_of_their_anchor_and_unplaced_ones_are_dropped() {
        let at = |y: f32, n: u32| Item::Anchor {
            y: Pt(y),
            anchor: Anchor::Note(n),
        };
        let mut pages = vec![
            Frame {
                items: vec![link(Anchor::Note(1)), link(Anchor::Note(9))],
            },
            Frame {
                items: vec![at(500.0, 1)],
            },
            Frame {
                items: vec![at(300.0, 1)],
            },
        ];
        let anchors = Anchors::collect(&pages);
        resolve(&mut pages, &anchors);
        assert_eq!(pages[0].items.len(), 1);
        assert!(matches!(
            pages[0].items[0],
            Item::Link {
                target: Target::Dest {
                    page: 1,
                    y: Pt(500.0)
                },
                ..
            }
        ));
        assert!(pages[1].items.is_empty() && pages[2].items.is_empty());
    }
}
