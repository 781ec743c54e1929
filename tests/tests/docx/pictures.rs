//! Pictures: embedded as they are, scaled to fit, described by their alt text, and their
//! alt text in their place when they cannot be read.

use std::collections::BTreeMap;
use std::path::PathBuf;

use briefing_docx::{Options, render};
use briefing_model::{BlockKind, Diagnostic, Document, builtin};
use briefing_tests::docx::{attrs, paragraphs, part, unzip};

use super::{at, meta, t};

pub(super) fn figure_doc(src: &str) -> Document {
    Document {
        meta: meta("Pictures"),
        blocks: vec![at(
            9,
            BlockKind::Figure {
                src: src.into(),
                alt: "Map of Alaska".into(),
                caption: vec![t("Anchorage")],
            },
        )],
        footnotes: vec![],
    }
}

pub(super) fn figure_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("briefing-docx-figures-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn render_from(doc: &Document, dir: PathBuf) -> (BTreeMap<String, Vec<u8>>, Vec<Diagnostic>) {
    let theme = builtin("briefing").unwrap();
    let out = render(
        doc,
        &theme,
        &Options {
            assets: briefing_model::Assets::in_folder(dir),
        },
    )
    .unwrap();
    (unzip(&out.value), out.warnings)
}

#[test]
fn jpeg_stays_jpeg_and_fits_the_text_width() {
    let dir = figure_dir();
    // A JPEG header claiming 4000×2000 pixels: far wider than the page.
    let jpeg = [
        0xFF, 0xD8, 0xFF, 0xC0, 0, 11, 8, 0x07, 0xD0, 0x0F, 0xA0, 3, 0, 0, 0, 0xFF, 0xD9,
    ];
    std::fs::write(dir.join("wide.jpg"), jpeg).unwrap();
    let (parts, warnings) = render_from(&figure_doc("wide.jpg"), dir);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(parts["word/media/rIdImg1.jpeg"], jpeg);
    assert!(
        part(&parts, "[Content_Types].xml")
            .contains(r#"<Default Extension="jpeg" ContentType="image/jpeg"/>"#)
    );
    let doc = part(&parts, "word/document.xml");
    assert_eq!(attrs(&doc, "wp:docPr", "descr"), ["Map of Alaska"]);
    let cx: f64 = attrs(&doc, "wp:extent", "cx")[0].parse().unwrap();
    let cy: f64 = attrs(&doc, "wp:extent", "cy")[0].parse().unwrap();
    let text_width_emu = (595.2756 - 2.0 * 62.3622) * 12700.0;
    assert!(
        (cx - text_width_emu).abs() < 12700.0,
        "{cx} vs {text_width_emu}"
    );
    assert!((cx / cy - 2.0).abs() < 0.01, "aspect kept");
    assert_eq!(paragraphs(&doc).last().unwrap().0, "Caption");
}

#[test]
fn small_png_keeps_its_size() {
    let dir = figure_dir();
    std::fs::write(dir.join("small.png"), png_bytes(96, 48)).unwrap();
    let (parts, _) = render_from(&figure_doc("small.png"), dir);
    assert!(parts.contains_key("word/media/rIdImg1.png"));
    let doc = part(&parts, "word/document.xml");
    // 96 px at 96 dpi is one inch.
    assert_eq!(attrs(&doc, "wp:extent", "cx"), ["914400"]);
    assert_eq!(attrs(&doc, "wp:extent", "cy"), ["457200"]);
}

#[test]
fn missing_image_warns_and_shows_its_alt_text() {
    let (parts, warnings) = render_from(&figure_doc("nowhere.png"), figure_dir());
    assert!(
        warnings
            .iter()
            .any(|w| w.line == Some(9) && w.message.contains("nowhere.png")),
        "{warnings:?}"
    );
    let paras = paragraphs(&part(&parts, "word/document.xml"));
    assert_eq!(paras[1], ("Figure".to_owned(), "Map of Alaska".to_owned()));
    assert!(!parts.keys().any(|k| k.starts_with("word/media/")));
}

/// A PNG header with the given size (enough for the renderer, which does not decode pixels).
pub(super) fn png_bytes(w: u32, h: u32) -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    b.extend(w.to_be_bytes());
    b.extend(h.to_be_bytes());
    b.extend([8, 2, 0, 0, 0, 0, 0, 0, 0]);
    b
}
