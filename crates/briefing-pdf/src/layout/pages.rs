//! Pagination: units go onto pages, honouring keep-with-next and repeating table headers.

use std::rc::Rc;

use briefing_model::{FootnotePlacement, Pt, Theme};

use super::flow::Unit;
use super::notes::Notes;
use super::{Bookmark, Frame, Item};

/// Pages with their bookmarks.
#[derive(Debug)]
pub(crate) struct Paged {
    /// The pages, without furniture.
    pub(crate) pages: Vec<Frame>,
    /// One bookmark per heading.
    pub(crate) outline: Vec<Bookmark>,
}

/// Space between the body and the footnotes: room for the separator rule.
const FOOT_SEPARATOR: f32 = 12.0;

/// The page being filled.
struct Cursor<'a> {
    pages: Vec<Frame>,
    outline: Vec<Bookmark>,
    /// Top of the free space (PDF y).
    y: f32,
    top: f32,
    bottom: f32,
    empty: bool,
    /// Left edge and width of the text block, for the footnote rule.
    left: f32,
    width: f32,
    notes: &'a Notes,
    /// Colour of the footnote separator.
    rule: briefing_model::Rgb,
    /// Space between two footnotes.
    note_gap: f32,
    /// Notes already placed, on this page or earlier.
    placed: Vec<u32>,
    /// Notes at the foot of the current page.
    foot: Vec<u32>,
    /// Height the current page's foot takes, separator included.
    foot_h: f32,
    /// The header of the table the last placed unit belongs to, if it repeats one.
    table: Option<Rc<Vec<Unit>>>,
}

impl Cursor<'_> {
    /// Ends the page before `next`. When `next` continues the table the page ends in,
    /// the table's piece on this page is closed with a rule under it (a row broken between
    /// its lines has none there yet).
    fn break_before(&mut self, next: &Unit) {
        if let (Some(open), Some(header)) = (&self.table, &next.repeat)
            && Rc::ptr_eq(open, header)
        {
            let header = header.clone();
            self.close_table(&header);
        }
        self.new_page();
    }

    /// Draws a body-row rule across the table at the bottom of what is placed, unless one
    /// is there already.
    fn close_table(&mut self, header: &[Unit]) {
        let span = header.iter().flat_map(|u| &u.items).find_map(|i| match i {
            Item::Line { x1, x2, .. } => Some((*x1, *x2)),
            _ => None,
        });
        let Some((x1, x2)) = span else { return };
        let y = self.y;
        let page = self.pages.last_mut().expect("a page");
        let ruled = matches!(page.items.last(), Some(Item::Line { y1, y2, .. })
            if (y1.0 - y).abs() < 0.01 && (y2.0 - y).abs() < 0.01);
        if !ruled {
            page.items.push(Item::Line {
                x1,
                y1: Pt(y),
                x2,
                y2: Pt(y),
                width: Pt(super::blocks::ROW_RULE),
                color: self.rule,
            });
        }
    }

    fn new_page(&mut self) {
        self.flush_foot();
        self.pages.push(Frame::default());
        self.y = self.top;
        self.empty = true;
    }

    /// The height of one note's text.
    fn note_height(&self, n: u32) -> f32 {
        self.notes.bodies.get(&n).map_or(0.0, |units| {
            units.iter().map(|u| u.gap + u.height).sum::<f32>() + self.note_gap
        })
    }

    /// How much the foot grows if `units` go on this page.
    fn foot_growth(&self, units: &[Unit]) -> f32 {
        let mut seen: Vec<u32> = Vec::new();
        let mut h = 0.0;
        for n in units.iter().flat_map(|u| &u.notes) {
            if !self.placed.contains(n) && !seen.contains(n) && self.notes.bodies.contains_key(n) {
                seen.push(*n);
                h += self.note_height(*n);
            }
        }
        if h > 0.0 && self.foot.is_empty() {
            h + FOOT_SEPARATOR
        } else {
            h
        }
    }

    fn fits(&self, h: f32, foot: f32) -> bool {
        self.y - h >= self.bottom + self.foot_h + foot - 0.01
    }

    fn place(&mut self, u: &Unit) {
        if !self.empty {
            let page = self.pages.last_mut().expect("a page");
            page.items
                .extend(u.gap_items.iter().cloned().map(|i| i.shifted(0.0, -self.y)));
            self.y -= u.gap;
        }
        if let Some((level, title)) = &u.bookmark {
            let page = self.pages.len() - 1;
            self.outline.push(Bookmark {
                level: *level,
                title: title.clone(),
                page,
                y: Pt(self.y),
            });
        }
        let page = self.pages.last_mut().expect("a page");
        page.items
            .extend(u.items.iter().cloned().map(|i| i.shifted(0.0, -self.y)));
        self.y -= u.height;
        self.empty = false;
        let growth = self.foot_growth(std::slice::from_ref(u));
        for n in &u.notes {
            if !self.placed.contains(n) && self.notes.bodies.contains_key(n) {
                self.placed.push(*n);
                self.foot.push(*n);
            }
        }
        self.foot_h += growth;
    }

    /// Places one unit, starting a page first if it (and its notes) do not fit.
    fn place_breaking(&mut self, u: &Unit) {
        if !self.empty && !self.fits(u.gap + u.height, self.foot_growth(std::slice::from_ref(u))) {
            self.break_before(u);
        }
        if self.empty
            && let Some(header) = &u.repeat
        {
            // A repeated header is a pagination artifact: the table has it once.
            for h in header.iter() {
                let mut h = h.clone();
                for item in &mut h.items {
                    if let Some(tag) = item.tag_mut() {
                        *tag = super::Tag::Artifact;
                    }
                }
                self.place(&h);
            }
        }
        self.place(u);
        self.table.clone_from(&u.repeat);
    }

    /// Sets the current page's footnotes above the bottom margin.
    fn flush_foot(&mut self) {
        if self.foot.is_empty() {
            return;
        }
        let Some(page) = self.pages.last_mut() else {
            return;
        };
        let mut y = self.bottom + self.foot_h;
        let rule_y = y - FOOT_SEPARATOR * 0.5;
        page.items.push(super::Item::Line {
            x1: Pt(self.left),
            y1: Pt(rule_y),
            x2: Pt(self.left + self.width * 0.3),
            y2: Pt(rule_y),
            width: Pt(0.5),
            color: self.rule,
        });
        y -= FOOT_SEPARATOR;
        for n in std::mem::take(&mut self.foot) {
            for (k, u) in self.notes.bodies[&n].iter().enumerate() {
                if k > 0 {
                    page.items
                        .extend(u.gap_items.iter().cloned().map(|i| i.shifted(0.0, -y)));
                    y -= u.gap;
                }
                page.items
                    .extend(u.items.iter().cloned().map(|i| i.shifted(0.0, -y)));
                y -= u.height;
            }
            y -= self.note_gap;
        }
        self.foot_h = 0.0;
    }
}

/// Puts units on pages of the theme's size. Footnotes go at the foot of the page that cites
/// them when the theme says so; the rest (all of them with end-notes, else those never cited
/// or cited only from other notes) end the document.
pub(crate) fn paginate(theme: &Theme, units: &[Unit], notes: &Notes) -> Paged {
    let top = theme.page.size.height.0 - theme.page.margin_top.0;
    let bottom = theme.page.margin_bottom.0;
    // With end-notes, no note is set at a page foot: all of them follow the body.
    let no_notes = Notes::default();
    let at_foot = theme.layout.footnotes == FootnotePlacement::Page;
    let mut c = Cursor {
        pages: Vec::new(),
        outline: Vec::new(),
        y: top,
        top,
        bottom,
        empty: true,
        left: theme.page.margin_left.0,
        width: theme.text_width().0,
        notes: if at_foot { notes } else { &no_notes },
        rule: theme.colors.rule,
        note_gap: theme.spacing.note_spacing.of(theme.sizes.body).0,
        placed: Vec::new(),
        foot: Vec::new(),
        foot_h: 0.0,
        table: None,
    };
    c.new_page();
    place_all(&mut c, units);
    let rest: Vec<Unit> = notes
        .bodies
        .iter()
        .filter(|(n, _)| !c.placed.contains(n))
        .flat_map(|(_, u)| u.iter().cloned())
        .collect();
    if !rest.is_empty() {
        let mut end = notes.header.clone();
        end.extend(rest);
        place_all(&mut c, &end);
    }
    c.flush_foot();
    Paged {
        pages: c.pages,
        outline: c.outline,
    }
}

/// Places units in order, keeping chains of keep-with-next on one page when they fit.
fn place_all(c: &mut Cursor<'_>, units: &[Unit]) {
    let mut i = 0;
    while i < units.len() {
        let mut j = i;
        while j + 1 < units.len() && units[j].keep_with_next {
            j += 1;
        }
        let group = &units[i..=j];
        let height: f32 = group.iter().map(|u| u.gap + u.height).sum::<f32>()
            - if c.empty { group[0].gap } else { 0.0 };
        if !c.empty && !c.fits(height, c.foot_growth(group)) && height <= c.top - c.bottom {
            c.break_before(&group[0]);
        }
        for u in group {
            c.place_breaking(u);
        }
        i = j + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use briefing_model::Rgb;

    fn unit(h: f32, kwn: bool, mark: &str) -> Unit {
        let item = Item::Fill {
            x: Pt(0.0),
            y: Pt(-h),
            w: Pt(1.0),
            h: Pt(h),
            color: Rgb { r: 0, g: 0, b: 0 },
        };
        Unit {
            height: h,
            keep_with_next: kwn,
            items: vec![item],
            bookmark: Some((1, mark.into())),
            ..Unit::default()
        }
    }

    #[test]
    fn a_heading_moves_to_the_next_page_with_its_paragraph() {
        let theme = briefing_model::builtin("briefing").unwrap();
        let body = theme.page.size.height.0 - theme.page.margin_top.0 - theme.page.margin_bottom.0;
        let units = vec![
            unit(body - 30.0, false, "filler"),
            unit(20.0, true, "heading"),
            unit(20.0, false, "line"),
        ];
        let paged = paginate(&theme, &units, &Notes::default());
        assert_eq!(paged.pages.len(), 2);
        let pages: Vec<usize> = paged.outline.iter().map(|b| b.page).collect();
        assert_eq!(pages, [0, 1, 1]);
    }
}
