//! The seed briefing in Typst markup, for the cold-start comparison with typst.
//!
//! pandoc writes Typst only from version 3.1.2; where the installed pandoc is older, the
//! comparison needs the source from somewhere else, so this writes it from our own parse:
//! the same title block, headings, paragraphs and lists, set justified in the same fonts.

use briefing_model::{Block, BlockKind, Document, Inline, plain_text};

/// The document as a Typst file that sets it roughly as our default theme does.
pub(crate) fn source(doc: &Document) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "#set document(title: \"{}\", author: ({}))\n",
        quoted(&doc.meta.title),
        doc.meta
            .authors
            .iter()
            .map(|a| format!("\"{}\", ", quoted(a)))
            .collect::<String>()
    ));
    out.push_str(
        "#set page(paper: \"a4\", margin: 2.2cm, numbering: \"1 of 1\")\n\
         #set text(font: \"Noto Serif\", size: 10.5pt, lang: \"",
    );
    out.push_str(&quoted(&doc.meta.lang));
    out.push_str(
        "\")\n\
         #set par(justify: true)\n\
         #show heading: set text(font: \"Noto Sans\")\n\
         #show raw: set text(font: \"JetBrains Mono\")\n\n",
    );
    out.push_str(&format!(
        "#text(font: \"Noto Sans\", size: 22pt, weight: \"bold\")[{}]\n\n",
        escape(&doc.meta.title)
    ));
    if let Some(sub) = &doc.meta.subtitle {
        out.push_str(&format!("#text(size: 14pt)[{}]\n\n", escape(sub)));
    }
    blocks(&doc.blocks, 0, &mut out);
    out
}

fn blocks(blocks: &[Block], indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    for block in blocks {
        match &block.kind {
            BlockKind::Heading { level, content, .. } => {
                out.push_str(&format!(
                    "{pad}{} {}\n\n",
                    "=".repeat(usize::from(*level)),
                    inlines(content)
                ));
            }
            BlockKind::Paragraph { content } => {
                out.push_str(&format!("{pad}{}\n\n", inlines(content)));
            }
            BlockKind::List { start, items } => {
                let marker = if start.is_some() { "+" } else { "-" };
                for item in items {
                    out.push_str(&format!("{pad}{marker} "));
                    let mut inner = String::new();
                    self::blocks(&item.blocks, indent + 2, &mut inner);
                    out.push_str(inner.trim_start());
                }
                out.push('\n');
            }
            BlockKind::Quote { blocks } | BlockKind::Callout { blocks, .. } => {
                out.push_str(&format!("{pad}#quote(block: true)[\n"));
                self::blocks(blocks, indent + 2, out);
                out.push_str(&format!("{pad}]\n\n"));
            }
            BlockKind::Code { text, .. } => {
                out.push_str(&format!("{pad}#raw(block: true, \"{}\")\n\n", quoted(text)));
            }
            BlockKind::Table { header, rows, .. } => {
                out.push_str(&format!("{pad}#table(columns: {},\n", header.len().max(1)));
                for cell in header.iter().chain(rows.iter().flatten()) {
                    out.push_str(&format!("{pad}  [{}],\n", inlines(cell)));
                }
                out.push_str(&format!("{pad})\n\n"));
            }
            BlockKind::Figure { alt, .. } => {
                out.push_str(&format!("{pad}{}\n\n", escape(alt)));
            }
            BlockKind::Rule => out.push_str(&format!("{pad}#line(length: 100%)\n\n")),
            BlockKind::Html { html } => out.push_str(&format!("{pad}{}\n\n", escape(html))),
        }
    }
}

fn inlines(content: &[Inline]) -> String {
    let mut out = String::new();
    for inline in content {
        match inline {
            Inline::Text(t) => out.push_str(&escape(t)),
            Inline::Strong(c) => out.push_str(&format!("#strong[{}]", inlines(c))),
            Inline::Emph(c) => out.push_str(&format!("#emph[{}]", inlines(c))),
            Inline::Link { url, content } => {
                out.push_str(&format!("#link(\"{}\")[{}]", quoted(url), inlines(content)))
            }
            other => out.push_str(&escape(&plain_text(std::slice::from_ref(other)))),
        }
    }
    out
}

/// Markup text with every character Typst could read as syntax escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\#$*_`<>@[]~=-+/".contains(c) {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}

/// The inside of a Typst string literal.
fn quoted(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}
