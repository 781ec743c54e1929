//! Images, the newsroom masthead and the theme logo, read back from page 1.

use briefing_model::{Block, BlockKind, Document, builtin};
use briefing_pdf::{Options, render};
use briefing_tests::fixtures::titled;
use briefing_tests::pdf::page_texts;
use lopdf::Object;

use super::{in_order, keep, words};

#[test]
fn images_embed_png_pixels_and_jpeg_untouched() {
    let dir = std::env::temp_dir().join(format!("briefing-pdf-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // A 2x1 RGBA PNG written with the png crate.
    let mut png_bytes = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut png_bytes, 2, 1);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        let mut w = enc.write_header().unwrap();
        w.write_image_data(&[255, 0, 0, 255, 0, 0, 255, 128])
            .unwrap();
    }
    std::fs::write(dir.join("a.png"), &png_bytes).unwrap();
    let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xC0, 0, 17, 8, 0, 2, 0, 3, 3];
    jpeg.extend([1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0, 0xFF, 0xD9]);
    std::fs::write(dir.join("b.jpg"), &jpeg).unwrap();
    let fig = |src: &str| {
        Block::new(BlockKind::Figure {
            src: src.into(),
            alt: "alt".into(),
            caption: Vec::new(),
        })
    };
    let doc = Document {
        meta: titled("Images"),
        blocks: vec![fig("a.png"), fig("b.jpg")],
        footnotes: Vec::new(),
    };
    let theme = builtin("briefing").unwrap();
    let pdf = render(
        &doc,
        &theme,
        &Options {
            assets: briefing_model::Assets::in_folder(dir.clone()),
            ..Options::default()
        },
    )
    .unwrap();
    assert!(pdf.warnings.is_empty(), "{:?}", pdf.warnings);
    let lo = lopdf::Document::load_mem(&pdf.value.bytes).unwrap();
    let images: Vec<&lopdf::Stream> = lo
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| s.dict.get(b"Subtype").ok().and_then(|t| t.as_name().ok()) == Some(b"Image"))
        .collect();
    assert_eq!(images.len(), 3, "two images and one soft mask");
    let dct = images
        .iter()
        .find(|s| s.dict.get(b"Filter").ok().and_then(|f| f.as_name().ok()) == Some(b"DCTDecode"))
        .unwrap();
    assert_eq!(dct.content, jpeg);
    assert!(images.iter().any(|s| s.dict.get(b"SMask").is_ok()));
    let _ = std::fs::remove_dir_all(dir);
}

/// The arctic-shipping sample, parsed from its Markdown.
fn arctic() -> Document {
    use briefing_model::{ParseOptions, SourceKind, parse};
    let path = briefing_tests::root().join("input/arctic-shipping.md");
    let src = std::fs::read_to_string(path).unwrap();
    parse(&src, &ParseOptions::new(SourceKind::Markdown))
        .unwrap()
        .value
}

/// Page 1's content operations, decoded.
fn page1_ops(lo: &lopdf::Document) -> Vec<lopdf::content::Operation> {
    let id = *lo.get_pages().get(&1).unwrap();
    lo.get_and_decode_page_content(id).unwrap().operations
}

fn num(o: &Object) -> f32 {
    o.as_float().unwrap()
}

/// Fill colours of the rectangles page 1 fills, as (colour, bottom, top), and the fill
/// colour of every text run drawn at font `size`.
#[allow(clippy::type_complexity)]
fn page1_fills_and_text_colors(
    pdf: &[u8],
    size: f32,
) -> (Vec<([f32; 3], f32, f32)>, Vec<[f32; 3]>) {
    let lo = lopdf::Document::load_mem(pdf).unwrap();
    let mut fill = [0.0; 3];
    let mut font_size = 0.0;
    let mut rect = None;
    let (mut rects, mut runs) = (Vec::new(), Vec::new());
    for op in page1_ops(&lo) {
        let a = &op.operands;
        match op.operator.as_str() {
            "rg" => fill = [num(&a[0]), num(&a[1]), num(&a[2])],
            "Tf" => font_size = num(&a[1]),
            "re" => rect = Some((num(&a[1]), num(&a[1]) + num(&a[3]))),
            "f" | "f*" => {
                if let Some((b, t)) = rect.take() {
                    rects.push((fill, b, t));
                }
            }
            "Tj" | "TJ" if (font_size - size).abs() < 0.01 => runs.push(fill),
            _ => {}
        }
    }
    (rects, runs)
}

fn rgb(c: briefing_model::Rgb) -> [f32; 3] {
    [c.r, c.g, c.b].map(|v| f32::from(v) / 255.0)
}

fn near(a: [f32; 3], b: [f32; 3]) -> bool {
    a.iter().zip(b).all(|(x, y)| (x - y).abs() < 0.01)
}

#[test]
fn newsroom_sets_the_title_in_a_masthead_band_at_the_top_of_page_one() {
    let doc = arctic();
    let theme = builtin("newsroom").unwrap();
    let input = briefing_tests::root().join("input");
    let options = Options {
        assets: briefing_model::Assets::in_folder(input),
        ..Options::default()
    };
    let pdf = render(&doc, &theme, &options).unwrap();
    assert!(pdf.warnings.is_empty(), "{:?}", pdf.warnings);
    keep("newsroom-arctic", &pdf.value.bytes);
    let top = theme.page.size.height.0;
    let (rects, runs) = page1_fills_and_text_colors(&pdf.value.bytes, theme.sizes.title.0);
    let band = rgb(theme.colors.banner_background);
    let masthead = rects
        .iter()
        .find(|(c, b, t)| near(*c, band) && *t >= top - 1.0 && top - b > 60.0)
        .unwrap_or_else(|| panic!("no tall band at the page top: {rects:?}"));
    assert!(masthead.1 < top - theme.page.margin_top.0);
    assert!(!runs.is_empty(), "no title run");
    for c in &runs {
        assert!(near(*c, rgb(theme.colors.banner_text)), "title in {c:?}");
    }
    // Every word still comes back, the classification included.
    let texts = page_texts(&pdf.value.bytes);
    in_order(&texts, &words(&doc.meta.title)).unwrap();
    assert!(texts[0].contains("OFFICIAL-SENSITIVE"));
    // The stacked default has no such band and draws the title in the accent colour.
    let stacked = builtin("briefing").unwrap();
    let pdf = render(&doc, &stacked, &Options::default()).unwrap();
    let (rects, runs) = page1_fills_and_text_colors(&pdf.value.bytes, stacked.sizes.title.0);
    assert!(
        !rects
            .iter()
            .any(|(_, b, t)| *t >= top - 1.0 && top - b > 60.0)
    );
    assert!(runs.iter().all(|c| near(*c, rgb(stacked.colors.accent))));
}

/// Image XObjects in page 1's resources, and how many times page 1 draws one.
fn page1_images(pdf: &[u8]) -> (usize, usize) {
    let lo = lopdf::Document::load_mem(pdf).unwrap();
    let id = *lo.get_pages().get(&1).unwrap();
    let page = lo.get_dictionary(id).unwrap();
    let deref = |o: &Object| match o {
        Object::Reference(r) => lo.get_object(*r).unwrap().clone(),
        o => o.clone(),
    };
    let res = deref(page.get(b"Resources").unwrap());
    let xobjects = res
        .as_dict()
        .unwrap()
        .get(b"XObject")
        .map(|x| deref(x).as_dict().unwrap().clone())
        .unwrap_or_default();
    let images = xobjects
        .iter()
        .filter(|(_, v)| {
            deref(v).as_stream().is_ok_and(|s| {
                s.dict.get(b"Subtype").ok().and_then(|t| t.as_name().ok()) == Some(b"Image")
            })
        })
        .count();
    let draws = page1_ops(&lo).iter().filter(|o| o.operator == "Do").count();
    (images, draws)
}

fn with_logo(name: &str, data: Vec<u8>) -> briefing_model::Theme {
    let mut theme = (*builtin(name).unwrap()).clone();
    theme.logo = Some(briefing_model::ThemeFile {
        path: "logo.png".into(),
        data: briefing_model::Bytes::from(data),
    });
    theme
}

#[test]
fn a_theme_logo_is_drawn_on_page_one_in_both_title_blocks() {
    let doc = arctic();
    let chart = std::fs::read(briefing_tests::root().join("input/images/chart.png")).unwrap();
    for name in ["briefing", "newsroom"] {
        let plain = render(&doc, &builtin(name).unwrap(), &Options::default()).unwrap();
        let theme = with_logo(name, chart.clone());
        let logo = render(&doc, &theme, &Options::default()).unwrap();
        keep(&format!("{name}-logo"), &logo.value.bytes);
        assert_eq!(logo.warnings, plain.warnings);
        let (a, da) = page1_images(&plain.value.bytes);
        let (b, db) = page1_images(&logo.value.bytes);
        assert_eq!((b, db), (a + 1, da + 1), "{name}");
        let threads: Vec<_> = (0..2)
            .map(|_| {
                let (doc, theme) = (doc.clone(), theme.clone());
                std::thread::spawn(move || render(&doc, &theme, &Options::default()).unwrap())
            })
            .collect();
        for t in threads {
            assert!(
                t.join().unwrap().value.bytes == logo.value.bytes,
                "{name}: not deterministic"
            );
        }
    }
    // Bytes that are no image: a warning on line 0 and no logo.
    let theme = with_logo("newsroom", b"GIF89a".to_vec());
    let plain = render(&doc, &builtin("newsroom").unwrap(), &Options::default()).unwrap();
    let bad = render(&doc, &theme, &Options::default()).unwrap();
    let w: Vec<_> = bad
        .warnings
        .iter()
        .filter(|w| w.message.contains("logo"))
        .collect();
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].line, None, "line 0: not tied to a source line");
    assert_eq!(
        page1_images(&bad.value.bytes),
        page1_images(&plain.value.bytes)
    );
}
