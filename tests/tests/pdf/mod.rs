//! The PDF renderer read back from its bytes as a reader's software would: text and
//! its order, notes, links, outline, metadata, images, the structure tree and the
//! standards' claims, the contents, shaping; and the layout's golden dump.

mod contents;
mod document;
mod golden;
mod notes;
mod pictures;
mod reading;
mod shaping;
mod standards;
mod tagged;

use std::path::PathBuf;

use briefing_model::{Document, ParseOptions, SourceKind, parse};
use briefing_pdf::{Options, PdfStandard};

/// Writes the PDF under `$BRIEFING_PDF_OUT/<name>.pdf` when set, to check with other tools.
fn keep(name: &str, pdf: &[u8]) {
    if let Some(dir) = std::env::var_os("BRIEFING_PDF_OUT") {
        std::fs::write(PathBuf::from(dir).join(format!("{name}.pdf")), pdf).unwrap();
    }
}

/// Every briefing in `input/`, parsed, with its file name.
fn inputs() -> Vec<(String, Document)> {
    briefing_tests::inputs()
        .into_iter()
        .map(|p| {
            let kind = SourceKind::from_path(&p).unwrap();
            let src = std::fs::read_to_string(&p).unwrap();
            let doc = parse(&src, &ParseOptions::new(kind)).unwrap().value;
            (p.file_name().unwrap().to_string_lossy().into_owned(), doc)
        })
        .collect()
}

/// Options that read images from `input/` and claim `standard`.
fn options(standard: Option<PdfStandard>) -> Options {
    Options {
        assets: briefing_model::Assets::in_folder(briefing_tests::root().join("input")),
        standard,
    }
}

/// The whitespace-separated words of `s`.
fn words(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_owned).collect()
}

/// Checks that `needles` appear in `hay` in order. Whitespace is ignored because
/// lopdf's extractor glues runs that share a baseline (a table row, a list
/// marker); that spaces survive is checked separately.
/// Hyphens are ignored too: a word hyphenated at a line end comes back as two parts.
fn in_order(hay: &[String], needles: &[String]) -> Result<(), String> {
    let hay: String = hay.concat().replace('-', "");
    let mut at = 0;
    for n in needles {
        let n = n.replace('-', "");
        match hay[at..].find(n.as_str()) {
            Some(p) => at += p + n.len(),
            None => {
                return Err(format!(
                    "{n:?} missing after byte {at}: {:?}",
                    &hay[at..(at + 80).min(hay.len())]
                ));
            }
        }
    }
    Ok(())
}
