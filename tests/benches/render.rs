//! In-process render time of each format, on the seed briefing and on a long document
//! (the inputs repeated), to see both the absolute cost and how it grows with length.
//!
//! `cargo bench -p briefing-tests --bench render`

use briefing_model::{Document, Theme};

fn main() {
    divan::main();
}

fn seed() -> Document {
    briefing_tests::parse(&briefing_tests::root().join("input/alaska-summit.txt"))
}

/// `copies` of every briefing in `input/`, one after another: a long, varied document.
fn long(copies: usize) -> Document {
    let mut doc = briefing_tests::parse(&briefing_tests::root().join("input/energy-security.md"));
    let parts: Vec<Document> = briefing_tests::inputs()
        .iter()
        .map(|p| briefing_tests::parse(p))
        .collect();
    doc.blocks.clear();
    doc.footnotes.clear();
    for _ in 0..copies {
        for part in &parts {
            let offset = doc.footnotes.len() as u32;
            let mut blocks = part.blocks.clone();
            renumber(&mut blocks, offset);
            doc.blocks.extend(blocks);
            doc.footnotes
                .extend(part.footnotes.iter().cloned().map(|mut f| {
                    f.number += offset;
                    f
                }));
        }
    }
    doc
}

/// Footnote numbers must stay unique when documents are joined.
fn renumber(blocks: &mut [briefing_model::Block], offset: u32) {
    use briefing_model::{BlockKind, Inline};
    fn inl(list: &mut [Inline], offset: u32) {
        for i in list {
            match i {
                Inline::FootnoteRef { number } => *number += offset,
                other => {
                    if let Some(c) = other.children_mut() {
                        inl(c, offset)
                    }
                }
            }
        }
    }
    for b in blocks {
        match &mut b.kind {
            BlockKind::Heading { content, .. } | BlockKind::Paragraph { content } => {
                inl(content, offset)
            }
            BlockKind::List { items, .. } => items
                .iter_mut()
                .for_each(|i| renumber(&mut i.blocks, offset)),
            BlockKind::Quote { blocks } | BlockKind::Callout { blocks, .. } => {
                renumber(blocks, offset)
            }
            BlockKind::Table { header, rows, .. } => header
                .iter_mut()
                .chain(rows.iter_mut().flatten())
                .for_each(|c| inl(c, offset)),
            _ => {}
        }
    }
}

fn theme() -> std::sync::Arc<Theme> {
    briefing_model::builtin("briefing").unwrap()
}

fn base() -> std::path::PathBuf {
    briefing_tests::root().join("input")
}

#[divan::bench]
fn parse_seed(b: divan::Bencher) {
    let path = briefing_tests::root().join("input/alaska-summit.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let opts = briefing_model::ParseOptions::new(briefing_model::SourceKind::Plain);
    b.bench(|| briefing_model::parse(&text, &opts).unwrap());
}

/// 7 copies are 311 KB of source, the length of the "long real document" PDF target.
#[divan::bench(args = [0, 1, 7, 10, 20])]
fn pdf(b: divan::Bencher, copies: usize) {
    let doc = if copies == 0 { seed() } else { long(copies) };
    let (theme, opts) = (
        theme(),
        briefing_pdf::Options {
            assets: briefing_model::Assets::in_folder(base()),
            ..Default::default()
        },
    );
    b.bench(|| briefing_pdf::render(&doc, &theme, &opts).unwrap());
}

#[divan::bench(args = [0, 1, 10, 20])]
fn docx(b: divan::Bencher, copies: usize) {
    let doc = if copies == 0 { seed() } else { long(copies) };
    let (theme, opts) = (
        theme(),
        briefing_docx::Options {
            assets: briefing_model::Assets::in_folder(base()),
        },
    );
    b.bench(|| briefing_docx::render(&doc, &theme, &opts).unwrap());
}

#[divan::bench(args = [0, 1, 10, 20])]
fn html(b: divan::Bencher, copies: usize) {
    let doc = if copies == 0 { seed() } else { long(copies) };
    let (theme, opts) = (
        theme(),
        briefing_html::Options {
            assets: briefing_model::Assets::in_folder(base()),
            ..Default::default()
        },
    );
    b.bench(|| briefing_html::render(&doc, &theme, &opts).unwrap());
}
