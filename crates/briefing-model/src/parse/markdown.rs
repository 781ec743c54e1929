//! Markdown (CommonMark + GFM) through comrak, converted into the model.

use std::collections::HashMap;

use comrak::nodes::{AlertType, AstNode, ListType, NodeValue, TableAlignment};
use comrak::{Arena, Options, parse_document};

use super::language::Nest;
use crate::diag::Diagnostic;
use crate::document::{Align, Block, BlockKind, CalloutKind, Footnote, Inline, ListItem};

/// Blocks nested deeper than this (quotes in quotes in lists…) are an error, not a stack overflow.
pub(crate) const MAX_DEPTH: usize = 64;

/// What the Markdown body turned into.
pub(crate) struct Body {
    pub(crate) blocks: Vec<Block>,
    pub(crate) footnotes: Vec<Footnote>,
}

/// Parses a Markdown body (front matter already blanked out).
pub(crate) fn parse(text: &str, warnings: &mut Vec<Diagnostic>) -> Result<Body, Diagnostic> {
    let arena = Arena::new();
    let mut options = Options::default();
    options.extension.strikethrough = true;
    options.extension.table = true;
    options.extension.autolink = true;
    options.extension.tasklist = true;
    options.extension.footnotes = true;
    options.extension.alerts = true;
    let root = parse_document(&arena, text, &options);

    let mut cx = Converter {
        notes: HashMap::new(),
        order: Vec::new(),
        definitions: HashMap::new(),
        warnings,
    };
    // Footnote definitions may come anywhere; collect them first so references can be numbered
    // in order of first use while the body converts.
    for node in root.children() {
        if let NodeValue::FootnoteDefinition(def) = &node.data().value {
            cx.definitions.insert(def.name.clone(), node);
        }
    }
    let blocks = cx.blocks(root, 0)?;
    let mut footnotes = Vec::new();
    // Notes cited only from other notes get numbers while their citing note converts.
    let mut i = 0;
    while i < cx.order.len() {
        let name = cx.order[i].clone();
        let node = cx.definitions[&name];
        let line = line_of(node);
        let blocks = cx.blocks(node, 1)?;
        footnotes.push(Footnote {
            label: name,
            number: i as u32 + 1,
            blocks,
            line,
        });
        i += 1;
    }
    let mut unused: Vec<_> = cx
        .definitions
        .iter()
        .filter(|(n, _)| !cx.notes.contains_key(*n))
        .collect();
    unused.sort_by_key(|(_, node)| line_of(node));
    for (name, node) in unused {
        cx.warnings.push(
            Diagnostic::warning(
                line_of(node),
                format!("footnote [^{name}] is never referenced"),
            )
            .with_hint("cite it with [^".to_owned() + name + "] or remove it"),
        );
    }
    Ok(Body { blocks, footnotes })
}

struct Converter<'a, 'w> {
    /// Footnote name → number, in order of first reference.
    notes: HashMap<String, u32>,
    order: Vec<String>,
    definitions: HashMap<String, &'a AstNode<'a>>,
    warnings: &'w mut Vec<Diagnostic>,
}

fn line_of(node: &AstNode<'_>) -> u32 {
    node.data().sourcepos.start.line as u32
}

impl<'a> Converter<'a, '_> {
    fn blocks(&mut self, parent: &'a AstNode<'a>, depth: usize) -> Result<Vec<Block>, Diagnostic> {
        if depth > MAX_DEPTH {
            return Err(Diagnostic::error(
                line_of(parent),
                format!("blocks are nested more than {MAX_DEPTH} deep here"),
            )
            .with_hint("flatten the nested quotes or lists"));
        }
        // Siblings, with `<div lang>` … `</div>` pairs among them marking their blocks' text.
        let mut out: Nest<Block> = Nest::default();
        for node in parent.children() {
            if let NodeValue::HtmlBlock(html) = &node.data().value {
                out.html(html.literal.clone(), line_of(node), self.warnings);
                continue;
            }
            if let Some(kind) = self.block(node, depth)? {
                out.push(Block {
                    kind,
                    line: line_of(node),
                });
            }
        }
        Ok(out.finish())
    }

    fn block(
        &mut self,
        node: &'a AstNode<'a>,
        depth: usize,
    ) -> Result<Option<BlockKind>, Diagnostic> {
        let value = node.data().value.clone();
        let kind = match value {
            NodeValue::Heading(h) => BlockKind::Heading {
                level: h.level,
                id: String::new(),
                content: self.inlines(node, depth)?,
            },
            NodeValue::Paragraph => {
                let content = self.inlines(node, depth)?;
                if let [Inline::Image { .. }] = content.as_slice() {
                    // An image alone in its paragraph is a figure. As in pandoc, its description
                    // is the caption readers see (and the alt text); the title is the fallback.
                    let Some(Inline::Image { src, alt }) = content.into_iter().next() else {
                        unreachable!()
                    };
                    let image = node.first_child().expect("the paragraph holds the image");
                    let mut caption = self.inlines(image, depth + 1)?;
                    let alt = match image_title(node) {
                        Some(title) if alt.trim().is_empty() => {
                            caption = vec![Inline::Text(title.clone())];
                            title
                        }
                        _ => alt,
                    };
                    BlockKind::Figure { src, alt, caption }
                } else if content.is_empty() {
                    return Ok(None);
                } else {
                    BlockKind::Paragraph { content }
                }
            }
            NodeValue::List(list) => {
                let start = (list.list_type == ListType::Ordered).then_some(list.start as u64);
                let mut items = Vec::new();
                for item in node.children() {
                    let task = match &item.data().value {
                        NodeValue::TaskItem(t) => Some(t.symbol.is_some_and(|c| c != ' ')),
                        _ => None,
                    };
                    items.push(ListItem {
                        task,
                        blocks: self.blocks(item, depth + 1)?,
                    });
                }
                BlockKind::List { start, items }
            }
            NodeValue::BlockQuote | NodeValue::MultilineBlockQuote(_) => BlockKind::Quote {
                blocks: self.blocks(node, depth + 1)?,
            },
            NodeValue::Alert(alert) => BlockKind::Callout {
                kind: match alert.alert_type {
                    AlertType::Note => CalloutKind::Note,
                    AlertType::Tip => CalloutKind::Tip,
                    AlertType::Important => CalloutKind::Important,
                    AlertType::Warning => CalloutKind::Warning,
                    AlertType::Caution => CalloutKind::Caution,
                },
                blocks: self.blocks(node, depth + 1)?,
            },
            NodeValue::CodeBlock(code) => {
                let lang = code.info.split_whitespace().next().map(str::to_owned);
                let text = code
                    .literal
                    .strip_suffix('\n')
                    .unwrap_or(&code.literal)
                    .to_owned();
                BlockKind::Code { lang, text }
            }
            NodeValue::HtmlBlock(html) => BlockKind::Html {
                html: html.literal.trim_end().to_owned(),
            },
            NodeValue::ThematicBreak => BlockKind::Rule,
            NodeValue::Table(table) => {
                let align = table
                    .alignments
                    .iter()
                    .map(|a| match a {
                        TableAlignment::None => Align::None,
                        TableAlignment::Left => Align::Left,
                        TableAlignment::Center => Align::Center,
                        TableAlignment::Right => Align::Right,
                    })
                    .collect::<Vec<_>>();
                let mut header = Vec::new();
                let mut rows = Vec::new();
                for row in node.children() {
                    let is_header = matches!(row.data().value, NodeValue::TableRow(true));
                    let mut cells = Vec::new();
                    for cell in row.children() {
                        cells.push(self.inlines(cell, depth)?);
                    }
                    cells.resize(align.len(), Vec::new());
                    if is_header {
                        header = cells
                    } else {
                        rows.push(cells)
                    }
                }
                BlockKind::Table {
                    align,
                    header,
                    rows,
                }
            }
            NodeValue::FootnoteDefinition(_) | NodeValue::FrontMatter(_) => return Ok(None),
            // Anything else that comrak could produce with our options is inline-level or a
            // container we do not enable; keep its text rather than lose it.
            _ => {
                let content = self.inlines(node, depth)?;
                if content.is_empty() {
                    return Ok(None);
                }
                BlockKind::Paragraph { content }
            }
        };
        Ok(Some(kind))
    }

    fn inlines(
        &mut self,
        parent: &'a AstNode<'a>,
        depth: usize,
    ) -> Result<Vec<Inline>, Diagnostic> {
        if depth > MAX_DEPTH * 4 {
            return Err(Diagnostic::error(
                line_of(parent),
                "inline markup is nested too deeply here",
            ));
        }
        // Siblings, with `<span lang>` … `</span>` pairs among them becoming language spans.
        let mut out: Nest<Inline> = Nest::default();
        for node in parent.children() {
            // Open language spans count as nesting too.
            let depth = depth + out.depth();
            if depth > MAX_DEPTH * 4 {
                return Err(Diagnostic::error(
                    line_of(node),
                    "inline markup is nested too deeply here",
                ));
            }
            let value = node.data().value.clone();
            let inline = match value {
                NodeValue::Text(t) => Inline::Text(t.into_owned()),
                NodeValue::SoftBreak => Inline::Text(" ".into()),
                NodeValue::LineBreak => Inline::LineBreak,
                NodeValue::Code(c) => Inline::Code(c.literal),
                NodeValue::HtmlInline(h) => {
                    out.html(h, line_of(node), self.warnings);
                    continue;
                }
                NodeValue::Emph => Inline::Emph(self.inlines(node, depth + 1)?),
                NodeValue::Strong => Inline::Strong(self.inlines(node, depth + 1)?),
                NodeValue::Strikethrough => Inline::Strike(self.inlines(node, depth + 1)?),
                NodeValue::Link(link) => Inline::Link {
                    url: link.url.clone(),
                    content: self.inlines(node, depth + 1)?,
                },
                NodeValue::Image(link) => {
                    let mut alt = String::new();
                    crate::document::push_plain_all(&self.inlines(node, depth + 1)?, &mut alt);
                    Inline::Image {
                        src: link.url.clone(),
                        alt,
                    }
                }
                NodeValue::FootnoteReference(r) => {
                    let next = self.order.len() as u32 + 1;
                    let number = *self.notes.entry(r.name.clone()).or_insert_with(|| next);
                    if number == next {
                        self.order.push(r.name.clone());
                    }
                    Inline::FootnoteRef { number }
                }
                NodeValue::Paragraph => {
                    // Paragraphs inside table cells or tight items: flatten.
                    let inner = self.inlines(node, depth + 1)?;
                    if !out.is_empty() && !inner.is_empty() {
                        out.push(Inline::Text(" ".into()));
                    }
                    out.extend(inner);
                    continue;
                }
                _ => {
                    let inner = self.inlines(node, depth + 1)?;
                    out.extend(inner);
                    continue;
                }
            };
            out.push(inline);
        }
        Ok(merge_text(out.finish()))
    }
}

fn image_title(paragraph: &AstNode<'_>) -> Option<String> {
    let child = paragraph.first_child()?;
    let data = child.data();
    match &data.value {
        NodeValue::Image(link) if !link.title.trim().is_empty() => {
            Some(link.title.trim().to_owned())
        }
        _ => None,
    }
}

/// Joins adjacent text runs, so renderers see whole words.
pub(super) fn merge_text(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for i in inlines {
        match (out.last_mut(), i) {
            (Some(Inline::Text(a)), Inline::Text(b)) => a.push_str(&b),
            (_, i) => out.push(i),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(src: &str) -> Body {
        parse(src, &mut Vec::new()).unwrap()
    }

    #[test]
    fn gfm_elements_map_to_blocks() {
        let b = body(
            "# Head\n\nSome *em* and **strong** ~~gone~~ `code` [link](https://x.org).\n\n- [x] done\n- [ ] todo\n\n3. three\n4. four\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n> [!WARNING]\n> Careful.\n\n> quoted\n\n```rust\nfn main() {}\n```\n\n---\n\n![Chart](images/c.png \"Gas storage\")\n",
        );
        let kinds: Vec<&str> = b
            .blocks
            .iter()
            .map(|b| match &b.kind {
                BlockKind::Heading { .. } => "heading",
                BlockKind::Paragraph { .. } => "paragraph",
                BlockKind::List { .. } => "list",
                BlockKind::Quote { .. } => "quote",
                BlockKind::Callout { .. } => "callout",
                BlockKind::Code { .. } => "code",
                BlockKind::Table { .. } => "table",
                BlockKind::Figure { .. } => "figure",
                BlockKind::Rule => "rule",
                BlockKind::Html { .. } => "html",
            })
            .collect();
        assert_eq!(
            kinds,
            [
                "heading",
                "paragraph",
                "list",
                "list",
                "table",
                "callout",
                "quote",
                "code",
                "rule",
                "figure"
            ]
        );
        let BlockKind::List { items, .. } = &b.blocks[2].kind else {
            panic!()
        };
        assert_eq!(items[0].task, Some(true));
        assert_eq!(items[1].task, Some(false));
        let BlockKind::List { start, .. } = &b.blocks[3].kind else {
            panic!()
        };
        assert_eq!(*start, Some(3));
        let BlockKind::Table { align, .. } = &b.blocks[4].kind else {
            panic!()
        };
        assert_eq!(align, &[Align::Left, Align::Right]);
        let BlockKind::Figure { alt, caption, .. } = &b.blocks[9].kind else {
            panic!()
        };
        assert_eq!(alt, "Chart");
        assert_eq!(caption, &[Inline::Text("Chart".into())]);
        assert_eq!(b.blocks[1].line, 3);
    }

    #[test]
    fn footnotes_number_in_order_of_first_reference() {
        let b = body(
            "B[^b] then A[^a] and B again[^b].\n\n[^a]: Note A.\n[^b]: Note B.\n[^c]: Unused.\n",
        );
        let labels: Vec<_> = b
            .footnotes
            .iter()
            .map(|f| (f.label.as_str(), f.number))
            .collect();
        assert_eq!(labels, [("b", 1), ("a", 2)]);
        let BlockKind::Paragraph { content } = &b.blocks[0].kind else {
            panic!()
        };
        assert!(content.contains(&Inline::FootnoteRef { number: 1 }));
    }

    #[test]
    fn raw_html_is_kept_apart_from_text() {
        let b = body("<script>alert(1)</script>\n\nInline <b>bold</b>.\n");
        assert_eq!(
            b.blocks[0].kind,
            BlockKind::Html {
                html: "<script>alert(1)</script>".into()
            }
        );
        let BlockKind::Paragraph { content } = &b.blocks[1].kind else {
            panic!()
        };
        assert_eq!(content[1], Inline::Html("<b>".into()));
        assert_eq!(content[2], Inline::Text("bold".into()));
    }

    /// The inlines of the first block, with the warnings.
    fn para(src: &str) -> (Vec<Inline>, Vec<Diagnostic>) {
        let mut w = Vec::new();
        let b = parse(src, &mut w).unwrap();
        let content = match &b.blocks[0].kind {
            BlockKind::Paragraph { content } | BlockKind::Heading { content, .. } => {
                content.clone()
            }
            other => panic!("{other:?}"),
        };
        (content, w)
    }

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    fn lang(tag: &str, content: Vec<Inline>) -> Inline {
        Inline::Lang {
            lang: tag.into(),
            content,
        }
    }

    #[test]
    fn language_spans_become_lang_inlines() {
        let (c, w) = para(
            "He had a certain <span lang=\"fr\">je ne *sais* quoi</span>, ja <span xml:lang='de-CH' class=x>Grüezi</span>.\n",
        );
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(
            c,
            [
                text("He had a certain "),
                lang(
                    "fr",
                    vec![
                        text("je ne "),
                        Inline::Emph(vec![text("sais")]),
                        text(" quoi")
                    ]
                ),
                text(", ja "),
                lang("de-CH", vec![text("Grüezi")]),
                text("."),
            ]
        );
    }

    #[test]
    fn language_spans_nest_and_other_spans_stay_raw() {
        let (c, _) = para(
            "# <span lang=\"fr\">Le <span lang=\"la\">ad hoc</span> et <span class=\"k\">x</span></span> done\n",
        );
        assert_eq!(
            c,
            [
                lang(
                    "fr",
                    vec![
                        text("Le "),
                        lang("la", vec![text("ad hoc")]),
                        text(" et "),
                        Inline::Html("<span class=\"k\">".into()),
                        text("x"),
                        Inline::Html("</span>".into()),
                    ]
                ),
                text(" done"),
            ]
        );
        // A link inside a span and a span inside a link.
        let (c, _) = para(
            "<span lang=\"fr\">[lien](https://x.fr)</span> [a <span lang=\"fr\">b</span>](https://y.org)\n",
        );
        assert_eq!(
            c[0],
            lang(
                "fr",
                vec![Inline::Link {
                    url: "https://x.fr".into(),
                    content: vec![text("lien")]
                }]
            )
        );
        assert_eq!(
            c[2],
            Inline::Link {
                url: "https://y.org".into(),
                content: vec![text("a "), lang("fr", vec![text("b")])]
            }
        );
    }

    #[test]
    fn unmatched_span_tags_stay_raw_html() {
        // The open tag and the close tag are not siblings: the close is inside emphasis.
        let (c, _) = para("Open <span lang=\"fr\">only, *cross </span>* and </b> close.\n");
        assert!(!c.iter().any(|i| matches!(i, Inline::Lang { .. })), "{c:?}");
        assert_eq!(c[1], Inline::Html("<span lang=\"fr\">".into()));
        assert_eq!(
            c[3],
            Inline::Emph(vec![text("cross "), Inline::Html("</span>".into())])
        );
        assert_eq!(
            crate::document::plain_text(&c),
            "Open <span lang=\"fr\">only, cross </span> and </b> close."
        );
    }

    #[test]
    fn a_bad_language_tag_is_a_warning_and_the_text_stays() {
        let (c, w) = para("Line one\nline two <span lang=\"french!\">bonjour</span> end\n");
        assert_eq!(c, [text("Line one line two bonjour end")]);
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].line, Some(2));
        assert!(w[0].message.contains("\"french!\" is not a language tag"));
    }

    #[test]
    fn language_divs_mark_the_text_of_their_blocks() {
        let mut w = Vec::new();
        let b = parse(
            "<div lang=\"fr\">\n\n## Titre\n\nUn *paragraphe*.\n\n- point\n\n| a |\n|---|\n| b |\n\n<div lang=\"de\">\n\nDeutsch.\n\n</div>\n\n<div class=\"x\">\n\nEncore.\n\n</div>\n\n</div>\n\nAfter.\n\n<div lang=\"fr\">\nraw, no blank line\n</div>\n\n<div lang=\"fr!\">\n\nKept.\n\n</div>\n",
            &mut w,
        )
        .unwrap();
        let fr = |c: Vec<Inline>| vec![lang("fr", c)];
        let kinds: Vec<&BlockKind> = b.blocks.iter().map(|b| &b.kind).collect();
        assert_eq!(
            kinds[0],
            &BlockKind::Heading {
                level: 2,
                id: String::new(),
                content: fr(vec![text("Titre")])
            }
        );
        assert_eq!(
            kinds[1],
            &BlockKind::Paragraph {
                content: fr(vec![
                    text("Un "),
                    Inline::Emph(vec![text("paragraphe")]),
                    text(".")
                ])
            }
        );
        let BlockKind::List { items, .. } = kinds[2] else {
            panic!("{:?}", kinds[2])
        };
        assert_eq!(
            items[0].blocks[0].kind,
            BlockKind::Paragraph {
                content: fr(vec![text("point")])
            }
        );
        let BlockKind::Table { header, rows, .. } = kinds[3] else {
            panic!("{:?}", kinds[3])
        };
        assert_eq!(
            (&header[0], &rows[0][0]),
            (&fr(vec![text("a")]), &fr(vec![text("b")]))
        );
        // The inner language wins, without a French wrapper around it.
        assert_eq!(
            kinds[4],
            &BlockKind::Paragraph {
                content: vec![lang("de", vec![text("Deutsch.")])]
            }
        );
        // A div without a language stays raw HTML; its text is still French.
        assert_eq!(
            kinds[5],
            &BlockKind::Html {
                html: "<div class=\"x\">".into()
            }
        );
        assert_eq!(
            kinds[6],
            &BlockKind::Paragraph {
                content: fr(vec![text("Encore.")])
            }
        );
        assert!(matches!(kinds[7], BlockKind::Html { html } if html == "</div>"));
        assert_eq!(
            kinds[8],
            &BlockKind::Paragraph {
                content: vec![text("After.")]
            }
        );
        assert!(
            matches!(kinds[9], BlockKind::Html { html } if html.contains("raw, no blank line"))
        );
        assert_eq!(
            kinds[10],
            &BlockKind::Paragraph {
                content: vec![text("Kept.")]
            }
        );
        assert_eq!(kinds.len(), 11);
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].line, Some(33));
        assert!(w[0].message.contains("in this <div>"), "{}", w[0].message);
    }

    #[test]
    fn language_spans_nest_only_so_deep() {
        let src = "<span lang=\"fr\">".repeat(100) + "x" + &"</span>".repeat(100) + "\n";
        let (c, _) = para(&src);
        fn depth(inlines: &[Inline]) -> usize {
            inlines
                .iter()
                .map(|i| i.children().map_or(0, |c| 1 + depth(c)))
                .max()
                .unwrap_or(0)
        }
        assert_eq!(depth(&c), 32);
        assert!(crate::document::plain_text(&c).contains('x'));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let src = ">".repeat(200) + " deep\n";
        let mut w = Vec::new();
        let e = parse(&src, &mut w).err().unwrap();
        assert!(e.message.contains("nested more than"));
    }
}
