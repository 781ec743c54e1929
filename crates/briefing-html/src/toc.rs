//! The table of contents: a `<nav>` of nested lists linking to the headings.

use briefing_model::{Block, BlockKind, Inline};

use crate::escape::escape_into;

/// Deepest heading level listed; deeper ones would crowd a briefing's contents.
const MAX_LEVEL: u8 = 3;

/// The id of the contents heading. The colon keeps it apart from heading slugs.
const TOC_HEADING_ID: &str = "briefing:toc";

/// Writes the `<nav>` for the top-level headings of `blocks` (nothing when there are none).
/// `raw_html` says whether raw HTML is passed through (then its tags are left out here).
pub(crate) fn write(out: &mut String, blocks: &[Block], raw_html: bool) {
    let entries: Vec<(u8, &str, &[Inline])> = blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Heading { level, id, content } if *level <= MAX_LEVEL => {
                Some((*level, id.as_str(), content.as_slice()))
            }
            _ => None,
        })
        .collect();
    let Some(top) = entries.iter().map(|e| e.0).min() else {
        return;
    };
    out.push_str("<nav class=\"toc\" aria-labelledby=\"");
    out.push_str(TOC_HEADING_ID);
    out.push_str("\">\n<h2 id=\"");
    out.push_str(TOC_HEADING_ID);
    out.push_str("\">Contents</h2>\n<ol>\n");
    // `open[d]` says whether the list at depth d (0-based) has an unclosed <li>.
    let mut open = vec![false];
    for (level, id, content) in entries {
        let depth = usize::from(level - top);
        while open.len() <= depth {
            // A jump of more than one level nests inside an empty item: still valid HTML.
            if !open.last().copied().unwrap_or(false) {
                out.push_str("<li>");
                *open.last_mut().expect("never empty") = true;
            }
            out.push_str("\n<ol>\n");
            open.push(false);
        }
        while open.len() > depth + 1 {
            if open.pop() == Some(true) {
                out.push_str("</li>\n");
            }
            out.push_str("</ol>\n");
        }
        let last = open.last_mut().expect("never empty");
        if *last {
            out.push_str("</li>\n");
        }
        *last = true;
        out.push_str("<li><a href=\"#");
        escape_into(out, id);
        out.push_str("\">");
        // Plain text: the heading may hold links, and links must not nest.
        escape_into(out, &plain(content, raw_html));
        out.push_str("</a>");
    }
    while let Some(was_open) = open.pop() {
        if was_open {
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</nav>\n");
}

/// The text a reader sees in `content`, without footnote numbers, trimmed: for contents
/// entries and the page's description. Raw HTML tags are left out when `raw_html` passes
/// them through (they are markup then, not text).
pub(crate) fn plain(content: &[Inline], raw_html: bool) -> String {
    briefing_model::title_text(content, raw_html)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(level: u8, id: &str) -> Block {
        Block::new(BlockKind::Heading {
            level,
            id: id.into(),
            content: vec![Inline::Text(id.into())],
        })
    }

    #[test]
    fn nests_by_level_and_closes_every_list() {
        let mut out = String::new();
        write(
            &mut out,
            &[
                heading(1, "a"),
                heading(2, "b"),
                heading(3, "c"),
                heading(1, "d"),
                heading(3, "e"),
            ],
            false,
        );
        assert_eq!(out.matches("<ol>").count(), out.matches("</ol>").count());
        assert_eq!(out.matches("<li>").count(), out.matches("</li>").count());
        let a = out.find("#a").unwrap();
        let e = out.find("#e").unwrap();
        assert!(a < out.find("#b").unwrap() && out.find("#d").unwrap() < e);
    }

    #[test]
    fn entries_are_plain_text_so_links_never_nest() {
        let content = vec![
            Inline::Text("See ".into()),
            Inline::Link {
                url: "https://e.org".into(),
                content: vec![Inline::Emph(vec![Inline::Text("<this>".into())])],
            },
            Inline::FootnoteRef { number: 3 },
        ];
        let mut out = String::new();
        write(
            &mut out,
            &[Block::new(BlockKind::Heading {
                level: 1,
                id: "see".into(),
                content,
            })],
            false,
        );
        assert!(
            out.contains("<li><a href=\"#see\">See &lt;this&gt;</a>"),
            "{out}"
        );
        assert_eq!(out.matches("<a ").count(), 1);
    }

    #[test]
    fn raw_tags_are_left_out_only_when_passed_through() {
        let content = vec![
            Inline::Text("H".into()),
            Inline::Html("<sub>".into()),
            Inline::Text("2".into()),
            Inline::Html("</sub>".into()),
            Inline::Text("O".into()),
        ];
        assert_eq!(plain(&content, true), "H2O");
        assert_eq!(plain(&content, false), "H<sub>2</sub>O");
    }

    #[test]
    fn no_headings_no_nav() {
        let mut out = String::new();
        write(&mut out, &[], false);
        assert!(out.is_empty());
    }
}
