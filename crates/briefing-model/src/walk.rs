//! Walking a document: every block at any depth, every inline inside a run, and the images
//! (the files) a document refers to. Code that looks for something anywhere in a document
//! walks through here, so a new kind of block or inline is handled in one place.

use crate::document::{Block, BlockKind, Document, Inline};

/// An image a document shows, and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageRef<'a> {
    /// Where the image is: a path relative to the source's folder, an absolute path or a URL.
    pub src: &'a str,
    /// Its alternative text.
    pub alt: &'a str,
    /// The 1-based source line of the block it is in (0 when built in code).
    pub line: u32,
    /// Whether it stands alone as a figure; otherwise it sits in running text.
    pub figure: bool,
}

/// Calls `f` on every block of `blocks` and on every block nested in them (list items, quotes,
/// callouts), depth first, each block before the blocks inside it.
pub fn walk_blocks<'a>(blocks: &'a [Block], f: &mut impl FnMut(&'a Block)) {
    for b in blocks {
        f(b);
        match &b.kind {
            BlockKind::List { items, .. } => {
                for item in items {
                    walk_blocks(&item.blocks, f);
                }
            }
            BlockKind::Quote { blocks } | BlockKind::Callout { blocks, .. } => {
                walk_blocks(blocks, f)
            }
            BlockKind::Heading { .. }
            | BlockKind::Paragraph { .. }
            | BlockKind::Code { .. }
            | BlockKind::Table { .. }
            | BlockKind::Figure { .. }
            | BlockKind::Rule
            | BlockKind::Html { .. } => {}
        }
    }
}

/// Calls `f` on every inline of `inlines` and on every inline nested in them (emphasis, links,
/// language spans), depth first, each inline before the ones inside it.
pub fn walk_inlines<'a>(inlines: &'a [Inline], f: &mut impl FnMut(&'a Inline)) {
    for i in inlines {
        f(i);
        if let Some(children) = i.children() {
            walk_inlines(children, f);
        }
    }
}

impl Block {
    /// Calls `f` on each run of inline content the block itself holds: a heading's or
    /// paragraph's text, a figure's caption, each table cell (header first). Blocks nested
    /// inside this one are not visited; [`walk_blocks`] reaches them.
    pub fn for_each_run<'a>(&'a self, f: &mut impl FnMut(&'a [Inline])) {
        match &self.kind {
            BlockKind::Heading { content, .. } | BlockKind::Paragraph { content } => f(content),
            BlockKind::Figure { caption, .. } => f(caption),
            BlockKind::Table { header, rows, .. } => {
                for cell in header.iter().chain(rows.iter().flatten()) {
                    f(cell);
                }
            }
            BlockKind::List { .. }
            | BlockKind::Quote { .. }
            | BlockKind::Callout { .. }
            | BlockKind::Code { .. }
            | BlockKind::Rule
            | BlockKind::Html { .. } => {}
        }
    }
}

impl Document {
    /// Every image the document shows, in reading order: the body, then each footnote; a
    /// figure before any image in its caption. Figures and images inside running text, at any
    /// depth (headings, captions, table cells, lists, quotes, callouts, notes).
    pub fn images<'a>(&'a self) -> Vec<ImageRef<'a>> {
        let mut out = Vec::new();
        let mut visit = |b: &'a Block| {
            if let BlockKind::Figure { src, alt, .. } = &b.kind {
                out.push(ImageRef {
                    src,
                    alt,
                    line: b.line,
                    figure: true,
                });
            }
            b.for_each_run(&mut |run| {
                walk_inlines(run, &mut |i| {
                    if let Inline::Image { src, alt } = i {
                        out.push(ImageRef {
                            src,
                            alt,
                            line: b.line,
                            figure: false,
                        });
                    }
                })
            });
        };
        walk_blocks(&self.blocks, &mut visit);
        for note in &self.footnotes {
            walk_blocks(&note.blocks, &mut visit);
        }
        out
    }

    /// The local files the document refers to, each once, sorted: the sources of its images
    /// that are paths, not URLs (which are never read). Relative paths are relative to the
    /// source's folder. The theme's files (its logo, fonts) belong to the theme, not here.
    pub fn referenced_files(&self) -> Vec<&str> {
        let mut files: Vec<&str> = self
            .images()
            .into_iter()
            .map(|i| i.src)
            .filter(|src| !crate::assets::is_remote(src))
            .collect();
        files.sort_unstable();
        files.dedup();
        files
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Footnote, ListItem, Meta};

    fn image(src: &str) -> Inline {
        Inline::Image {
            src: src.into(),
            alt: String::new(),
        }
    }

    fn at(line: u32, kind: BlockKind) -> Block {
        Block { kind, line }
    }

    /// A document with an image in every place one can be.
    fn everywhere() -> Document {
        let para = |line, content| at(line, BlockKind::Paragraph { content });
        Document {
            meta: Meta::default(),
            blocks: vec![
                at(
                    1,
                    BlockKind::Heading {
                        level: 1,
                        id: "h".into(),
                        content: vec![image("heading.png")],
                    },
                ),
                at(
                    2,
                    BlockKind::Figure {
                        src: "figure.png".into(),
                        alt: "A chart".into(),
                        caption: vec![Inline::Emph(vec![image("caption.png")])],
                    },
                ),
                at(
                    3,
                    BlockKind::List {
                        start: None,
                        items: vec![ListItem {
                            task: None,
                            blocks: vec![at(
                                4,
                                BlockKind::Quote {
                                    blocks: vec![para(
                                        4,
                                        vec![Inline::Link {
                                            url: "https://example.org".into(),
                                            content: vec![image("deep.png")],
                                        }],
                                    )],
                                },
                            )],
                        }],
                    },
                ),
                at(
                    5,
                    BlockKind::Table {
                        align: vec![Default::default()],
                        header: vec![vec![image("header.png")]],
                        rows: vec![vec![vec![Inline::Lang {
                            lang: "fr".into(),
                            content: vec![image("https://example.org/remote.png")],
                        }]]],
                    },
                ),
                at(
                    6,
                    BlockKind::Callout {
                        kind: crate::CalloutKind::Note,
                        blocks: vec![para(7, vec![image("figure.png")])],
                    },
                ),
                at(
                    8,
                    BlockKind::Code {
                        lang: None,
                        text: "![not](an-image.png)".into(),
                    },
                ),
            ],
            footnotes: vec![Footnote {
                label: "n".into(),
                number: 1,
                blocks: vec![para(9, vec![image("note.png")])],
                line: 9,
            }],
        }
    }

    #[test]
    fn images_are_found_at_any_depth_in_reading_order() {
        let doc = everywhere();
        let found: Vec<(u32, &str, bool)> = doc
            .images()
            .iter()
            .map(|i| (i.line, i.src, i.figure))
            .collect();
        assert_eq!(
            found,
            [
                (1, "heading.png", false),
                (2, "figure.png", true),
                (2, "caption.png", false),
                (4, "deep.png", false),
                (5, "header.png", false),
                (5, "https://example.org/remote.png", false),
                (7, "figure.png", false),
                (9, "note.png", false),
            ]
        );
    }

    #[test]
    fn referenced_files_are_local_each_once_and_sorted() {
        assert_eq!(
            everywhere().referenced_files(),
            [
                "caption.png",
                "deep.png",
                "figure.png",
                "header.png",
                "heading.png",
                "note.png"
            ]
        );
    }

    #[test]
    fn blocks_are_walked_parents_first() {
        let doc = everywhere();
        let mut lines = Vec::new();
        walk_blocks(&doc.blocks, &mut |b| lines.push(b.line));
        assert_eq!(lines, [1, 2, 3, 4, 4, 5, 6, 7, 8]);
    }
}
