//! The theme's `[spacing]`: the space around blocks and inside boxes, which every renderer
//! reads instead of keeping its own.

use serde::{Deserialize, Serialize};

use crate::units::{Pt, Space};

section! {
    /// Space around blocks and inside boxes. A heading's spaces are in its own size; every
    /// other space is in the body size (so a list in a footnote keeps the body's indent).
    /// Between two blocks the larger of the first one's space after and the second one's
    /// space before applies, as CSS margins and Word's paragraph spacing do. Paragraphs use
    /// `text.paragraph-spacing` before and after.
    Spacing / SpacingSpec {
        /// Above a heading, per level 1 to 6.
        heading_before: [Space; 6],
        /// Below a heading, per level 1 to 6.
        heading_after: [Space; 6],
        /// Where a list item's text starts, from the list's left edge; nested lists add it
        /// again. The marker hangs in it.
        list_indent: Space,
        /// Between two items of a list.
        list_spacing: Space,
        /// Where a block quote's text starts, from the quote's left edge (its bar is in it).
        quote_indent: Space,
        /// Inside a callout's box: above and below, then left and right.
        callout_padding: [Space; 2],
        /// Inside a code block's box (and an image placeholder's), on every side.
        code_padding: Space,
        /// Inside a table cell: above and below, then left and right.
        cell_padding: [Space; 2],
        /// Above a figure.
        figure_before: Space,
        /// Below a figure (and its caption).
        figure_after: Space,
        /// Between a figure and its caption.
        caption_gap: Space,
        /// Above and below a horizontal rule's line, inside its block.
        rule_gap: Space,
        /// Between two notes.
        note_spacing: Space,
        /// The indent of each deeper level of the table of contents.
        toc_indent: Space,
        /// Above each top-level entry of the table of contents but the first.
        toc_spacing: Space,
        /// From dot to dot in the leaders of the table of contents (PDF only: Word draws
        /// its own, and the HTML contents have none).
        toc_leader: Space,
    }
}

impl Spacing {
    /// The space above a heading of `level` (1 to 6; out-of-range levels clamp), whose
    /// font size is `size`.
    pub fn heading_before(&self, level: u8, size: Pt) -> Pt {
        self.heading_before[usize::from(level.clamp(1, 6)) - 1].of(size)
    }

    /// The space below a heading of `level` (1 to 6; out-of-range levels clamp), whose
    /// font size is `size`.
    pub fn heading_after(&self, level: u8, size: Pt) -> Pt {
        self.heading_after[usize::from(level.clamp(1, 6)) - 1].of(size)
    }
}
