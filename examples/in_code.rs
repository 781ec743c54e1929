//! A briefing built in code, with no source file, rendered to all three formats.
//!
//! `cargo run -p briefing-tests --example in_code -- OUT_DIR`

// A program of its own: it tells its user where the files went.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use briefing_model::{Block, BlockKind, Date, Document, Inline, ListItem, Meta};

fn text(s: &str) -> Inline {
    Inline::Text(s.to_owned())
}

fn paragraph(content: Vec<Inline>) -> Block {
    Block::new(BlockKind::Paragraph { content })
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "out".into()));
    std::fs::create_dir_all(&out)?;

    let doc = Document {
        meta: Meta {
            title: "Grain Exports Through the Black Sea".into(),
            subtitle: Some("Weekly shipping note".into()),
            authors: vec!["Trade Desk".into()],
            date: Date::new(2025, 9, 12),
            lang: "en".into(),
            ..Meta::default()
        },
        blocks: vec![
            paragraph(vec![
                text("Shipments rose for a "),
                Inline::Strong(vec![text("third")]),
                text(" week."),
            ]),
            Block::new(BlockKind::Heading {
                level: 1,
                id: "outlook".into(),
                content: vec![text("Outlook")],
            }),
            Block::new(BlockKind::List {
                start: None,
                items: ["Insurance rates eased.", "Port capacity is the limit."]
                    .map(|s| ListItem {
                        task: None,
                        blocks: vec![paragraph(vec![text(s)])],
                    })
                    .to_vec(),
            }),
        ],
        footnotes: Vec::new(),
    };

    let theme = briefing_model::builtin("briefing")?;
    let pdf = briefing_pdf::render(&doc, &theme, &briefing_pdf::Options::default())?;
    std::fs::write(out.join("grain.pdf"), pdf.value.bytes)?;
    let docx = briefing_docx::render(&doc, &theme, &briefing_docx::Options::default())?;
    std::fs::write(out.join("grain.docx"), docx.value)?;
    let html = briefing_html::render(&doc, &theme, &briefing_html::Options::default())?;
    std::fs::write(out.join("grain.html"), html.value)?;
    for warning in pdf
        .warnings
        .iter()
        .chain(&docx.warnings)
        .chain(&html.warnings)
    {
        eprintln!("{warning}");
    }
    println!(
        "wrote grain.pdf, grain.docx and grain.html to {}",
        out.display()
    );
    Ok(())
}
