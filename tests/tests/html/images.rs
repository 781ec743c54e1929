//! Images are embedded as data: URIs; missing ones leave a visible placeholder and a warning.

use std::path::PathBuf;

use super::common::*;
use briefing_html::Options;
use briefing_model::{BlockKind, Inline};

/// A folder with one image of each kind, unique to `name`.
fn image_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("briefing-html-{name}-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("img")).unwrap();
    let png: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\x9cc\xf8\x0f\x04\0\x09\xfb\x03\xfd\xe3U\xf2\x9c\0\0\0\0IEND\xaeB`\x82";
    std::fs::write(dir.join("img/chart.png"), png).unwrap();
    std::fs::write(
        dir.join("img/photo.jpg"),
        // SOI, a short APP0, a baseline frame header of 1×1 pixel, EOI.
        [
            0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11, 8, 0, 1, 0, 1, 1, 1, 0x11, 0,
            0xFF, 0xD9,
        ],
    )
    .unwrap();
    std::fs::write(dir.join("img/anim.gif"), b"GIF89a\x01\0\x01\0\0\0\0;").unwrap();
    std::fs::write(
        dir.join("img/pic.webp"),
        b"RIFF\x1a\0\0\0WEBPVP8L\x0d\0\0\0/\0\0\0\x10\x07\x10\x11\x11\x88\x88\xfe\x07\0",
    )
    .unwrap();
    std::fs::write(
        dir.join("img/logo.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"/>",
    )
    .unwrap();
    std::fs::write(dir.join("img/notes.png"), "this is text, not an image").unwrap();
    dir
}

fn figure(line: u32, src: &str, alt: &str) -> briefing_model::Block {
    at(
        line,
        BlockKind::Figure {
            src: src.into(),
            alt: alt.into(),
            caption: vec![t("Caption")],
        },
    )
}

#[test]
fn every_format_is_embedded_by_its_content() {
    let dir = image_dir("formats");
    let mut doc = kitchen_sink();
    doc.blocks = vec![
        figure(1, "img/chart.png", "Chart"),
        figure(2, "img/photo.jpg", "Photo"),
        figure(3, "img/anim.gif", "Anim"),
        figure(4, "img/pic.webp", "Pic"),
        para(
            5,
            vec![Inline::Image {
                src: "img/logo.svg".into(),
                alt: "Logo".into(),
            }],
        ),
    ];
    let options = Options {
        assets: briefing_model::Assets::in_folder(dir.clone()),
        ..Default::default()
    };
    let out = briefing_html::render(&doc, &theme(), &options).unwrap();
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    let (_, html) = page_with(&doc, &options);
    let imgs: Vec<(String, String)> = select(&html, "img")
        .iter()
        .map(|i| {
            let src = i.value().attr("src").unwrap();
            (
                src[..src.find(',').unwrap()].to_owned(),
                i.value().attr("alt").unwrap().to_owned(),
            )
        })
        .collect();
    let want = [
        ("data:image/png;base64", "Chart"),
        ("data:image/jpeg;base64", "Photo"),
        ("data:image/gif;base64", "Anim"),
        ("data:image/webp;base64", "Pic"),
        ("data:image/svg+xml;base64", "Logo"),
    ];
    assert_eq!(imgs, want.map(|(a, b)| (a.to_owned(), b.to_owned())));
    assert_eq!(select(&html, "figure > img + figcaption").len(), 4);
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn missing_and_bogus_images_warn_with_their_line_and_show_alt_text() {
    let dir = image_dir("missing");
    let mut doc = kitchen_sink();
    doc.blocks = vec![
        figure(7, "img/nope.png", "Trade flows"),
        figure(9, "img/notes.png", "Not a picture"),
    ];
    let options = Options {
        assets: briefing_model::Assets::in_folder(dir.clone()),
        ..Default::default()
    };
    let out = briefing_html::render(&doc, &theme(), &options).unwrap();
    let got: Vec<_> = out
        .warnings
        .iter()
        .map(|w| (w.line, w.message.contains("img/")))
        .collect();
    assert_eq!(got, [(Some(7), true), (Some(9), true)]);
    assert!(
        out.warnings[1]
            .message
            .contains("not a PNG, JPEG, GIF, WebP or SVG")
    );
    let (_, html) = page_with(&doc, &options);
    assert!(select(&html, "img").is_empty());
    let shown: Vec<String> = select(&html, "figure .image-missing")
        .iter()
        .map(|s| s.text().collect())
        .collect();
    assert_eq!(
        shown,
        [
            "[Image not available: Trade flows]",
            "[Image not available: Not a picture]"
        ]
    );
    std::fs::remove_dir_all(dir).ok();
}

/// Options writing images into `folder` beside the page.
fn in_folder(dir: &std::path::Path, folder: &str) -> Options {
    Options {
        assets: briefing_model::Assets::in_folder(dir.to_owned()),
        image_folder: Some(folder.into()),
        ..Default::default()
    }
}

#[test]
fn an_image_folder_gets_content_named_files_once_each() {
    let dir = image_dir("folder");
    // The same picture under two names, and a third picture.
    std::fs::copy(dir.join("img/chart.png"), dir.join("img/chart-copy.png")).unwrap();
    let mut doc = kitchen_sink();
    doc.blocks = vec![
        figure(1, "img/photo.jpg", "Photo"),
        figure(2, "img/chart.png", "Chart"),
        figure(3, "img/chart-copy.png", "Chart again"),
        para(
            4,
            vec![Inline::Image {
                src: "img/chart.png".into(),
                alt: "Chart inline".into(),
            }],
        ),
    ];
    let out = briefing_html::render_page(&doc, &theme(), &in_folder(&dir, "brief_files")).unwrap();
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    let page = out.value;
    let names: Vec<&str> = page.files.iter().map(|(n, _)| n.as_str()).collect();
    // Sorted, one file per distinct picture, named by a SHA-256 prefix and its format.
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names.windows(2).all(|w| w[0] < w[1]), "{names:?}");
    let png = names.iter().find(|n| n.ends_with(".png")).unwrap();
    let jpeg = names.iter().find(|n| n.ends_with(".jpeg")).unwrap();
    assert_eq!(png.len(), 32 + 4);
    assert!(png[..32].bytes().all(|b| b.is_ascii_hexdigit()));
    let png_bytes = &page.files.iter().find(|(n, _)| n == png).unwrap().1;
    assert_eq!(
        png_bytes,
        &std::fs::read(dir.join("img/chart.png")).unwrap()
    );

    let text = String::from_utf8(page.html).unwrap();
    let html = scraper::Html::parse_document(&text);
    let srcs: Vec<&str> = select(&html, "main img")
        .iter()
        .map(|i| i.value().attr("src").unwrap())
        .collect();
    let (png_url, jpeg_url) = (format!("brief_files/{png}"), format!("brief_files/{jpeg}"));
    assert_eq!(srcs, [&jpeg_url, &png_url, &png_url, &png_url]);
    assert!(!text.contains("data:image/"), "a figure was still embedded");

    // Another document with the same picture names the same file.
    doc.blocks.truncate(2);
    let again = briefing_html::render_page(&doc, &theme(), &in_folder(&dir, "x")).unwrap();
    let again: Vec<&str> = again.value.files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(again, names);
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn the_folder_url_is_encoded_and_escaped() {
    let dir = image_dir("folder-url");
    let mut doc = kitchen_sink();
    doc.blocks = vec![figure(1, "img/anim.gif", "Anim")];
    let options = in_folder(&dir, "my files/\"><script>x</script>#?");
    let out = briefing_html::render_page(&doc, &theme(), &options).unwrap();
    let text = String::from_utf8(out.value.html).unwrap();
    let html = scraper::Html::parse_document(&text);
    assert!(select(&html, "script").is_empty());
    let img = select(&html, "figure img");
    assert_eq!(img.len(), 1);
    let name = &out.value.files[0].0;
    assert_eq!(
        img[0].value().attr("src").unwrap(),
        format!("my%20files/%22%3E%3Cscript%3Ex%3C/script%3E%23%3F/{name}")
    );
    let mut attrs: Vec<&str> = img[0].value().attrs().map(|(n, _)| n).collect();
    attrs.sort_unstable();
    assert_eq!(attrs, ["alt", "src"]);
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn render_always_embeds_and_render_page_embeds_without_a_folder() {
    let dir = image_dir("folder-render");
    let mut doc = kitchen_sink();
    doc.blocks = vec![figure(1, "img/chart.png", "Chart")];
    let options = in_folder(&dir, "files");
    let out = briefing_html::render(&doc, &theme(), &options).unwrap();
    let text = String::from_utf8(out.value.clone()).unwrap();
    assert!(
        text.contains("src=\"data:image/png;base64,"),
        "render() must embed"
    );
    let embedded = Options {
        image_folder: None,
        ..options
    };
    let page = briefing_html::render_page(&doc, &theme(), &embedded)
        .unwrap()
        .value;
    assert!(page.files.is_empty());
    assert_eq!(page.html, out.value);
    std::fs::remove_dir_all(dir).ok();
}
