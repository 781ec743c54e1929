//! Every built-in theme reaches Word's styles, its title block and its logo.

use std::collections::BTreeMap;

use briefing_docx::{Options, render};
use briefing_model::{BUILTIN_THEMES, Rgb, Theme, ThemeFile, TitleBlock, builtin};
use briefing_tests::docx::{attr, attrs, paragraphs, part, unzip};
use quick_xml::Reader;
use quick_xml::events::Event;

use super::{kitchen_sink, render_in};

/// A valid 4×2 PNG.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0xf0, 0xca, 0xea,
    0x34, 0x00, 0x00, 0x00, 0x10, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0x38, 0x21, 0xa7, 0x01,
    0x47, 0x0c, 0xc8, 0x1c, 0x00, 0x72, 0xca, 0x08, 0x71, 0xcc, 0xec, 0x70, 0xd7, 0x00, 0x00, 0x00,
    0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

/// The parts and warnings of the every-kind document in `theme`.
fn parts_in(theme: &Theme) -> (BTreeMap<String, Vec<u8>>, Vec<briefing_model::Diagnostic>) {
    render_in(&kitchen_sink(), theme)
}

/// What a style of styles.xml sets, element name → (attribute → value), for the elements
/// inside its `w:pPr` and `w:rPr`.
fn style(xml: &str, id: &str) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut r = Reader::from_str(xml);
    let mut inside = false;
    let mut out = BTreeMap::new();
    loop {
        match r.read_event().unwrap() {
            Event::Start(e) if e.name().as_ref() == "w:style" => {
                inside = attr(&e, "w:styleId").as_deref() == Some(id);
            }
            Event::End(e) if e.name().as_ref() == "w:style" => inside = false,
            Event::Empty(e) | Event::Start(e) if inside => {
                let name = e.name().as_ref().to_owned();
                let values = e
                    .attributes()
                    .flatten()
                    .map(|a| (a.key.as_ref().to_owned(), a.value.to_string()))
                    .collect();
                out.insert(name, values);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(!out.is_empty(), "no style {id}");
    out
}

fn get<'a>(s: &'a BTreeMap<String, BTreeMap<String, String>>, el: &str, at: &str) -> &'a str {
    s.get(el)
        .and_then(|e| e.get(at))
        .map(String::as_str)
        .unwrap_or_else(|| panic!("no {el} {at}"))
}

fn rgb(hex: &str) -> Rgb {
    format!("#{hex}").parse().unwrap()
}

#[test]
fn normal_and_heading1_agree_with_every_builtin_theme() {
    for name in BUILTIN_THEMES {
        let theme = builtin(name).unwrap();
        let (parts, _) = parts_in(&theme);
        let xml = part(&parts, "word/styles.xml");
        let normal = style(&xml, "Normal");
        assert_eq!(
            get(&normal, "w:rFonts", "w:ascii"),
            theme.fonts.body.family,
            "{name}"
        );
        let half_points = (theme.sizes.body.0 * 2.0).round().to_string();
        assert_eq!(get(&normal, "w:sz", "w:val"), half_points, "{name}");
        assert_eq!(
            rgb(get(&normal, "w:color", "w:val")),
            theme.colors.text,
            "{name}"
        );
        let h1 = style(&xml, "Heading1");
        assert_eq!(
            get(&h1, "w:rFonts", "w:ascii"),
            theme.fonts.heading.family,
            "{name}"
        );
        let half_points = (theme.sizes.heading(1).0 * 2.0).round().to_string();
        assert_eq!(get(&h1, "w:sz", "w:val"), half_points, "{name}");
        assert_eq!(
            rgb(get(&h1, "w:color", "w:val")),
            theme.colors.accent,
            "{name}"
        );
    }
}

#[test]
fn a_masthead_paints_title_and_subtitle_in_the_banner_colours() {
    for name in BUILTIN_THEMES {
        let theme = builtin(name).unwrap();
        let (parts, _) = parts_in(&theme);
        let xml = part(&parts, "word/styles.xml");
        // Word's own Title and Subtitle styles stay on the title block's paragraphs.
        let doc = paragraphs(&part(&parts, "word/document.xml"));
        assert_eq!(doc[0], ("Title".into(), "Alaska Summit".into()), "{name}");
        assert_eq!(
            doc[1],
            ("Subtitle".into(), "What was agreed".into()),
            "{name}"
        );
        for id in ["Title", "Subtitle"] {
            let s = style(&xml, id);
            let colour = rgb(get(&s, "w:color", "w:val"));
            match theme.layout.title_block {
                TitleBlock::Masthead => {
                    assert_eq!(
                        rgb(get(&s, "w:shd", "w:fill")),
                        theme.colors.banner_background
                    );
                    assert_eq!(colour, theme.colors.banner_text, "{name} {id}");
                    // Identical borders on both, so they join into one band.
                    assert_eq!(get(&s, "w:left", "w:color"), get(&s, "w:shd", "w:fill"));
                }
                TitleBlock::Stacked => {
                    assert!(!s.contains_key("w:shd"), "{name} {id}");
                    assert_ne!(colour, theme.colors.banner_text, "{name} {id}");
                }
            }
        }
    }
    assert_eq!(
        builtin("newsroom").unwrap().layout.title_block,
        TitleBlock::Masthead
    );
}

#[test]
fn a_logo_is_an_inline_picture_3cm_wide_with_alt_text() {
    let (parts, _) = parts_in(&builtin("briefing").unwrap());
    assert!(!parts.keys().any(|k| k.starts_with("word/media/")));
    assert!(
        !paragraphs(&part(&parts, "word/document.xml"))
            .iter()
            .any(|(s, _)| s == "Logo")
    );

    let mut theme = (*builtin("newsroom").unwrap()).clone();
    theme.logo = Some(ThemeFile {
        path: "logo.png".into(),
        data: briefing_model::Bytes::from(PNG.to_vec()),
    });
    let (parts, warnings) = parts_in(&theme);
    assert!(
        !warnings.iter().any(|w| w.message.contains("logo")),
        "{warnings:?}"
    );
    let xml = part(&parts, "word/document.xml");
    let doc = paragraphs(&xml);
    assert_eq!(doc[0].0, "Logo");
    assert_eq!(doc[1].0, "Title");
    assert_eq!(parts["word/media/rIdImg1.png"], PNG);
    assert_eq!(attrs(&xml, "wp:docPr", "descr"), ["Desk"]);
    assert_eq!(attrs(&xml, "wp:extent", "cx"), ["1080000"]);
    assert_eq!(attrs(&xml, "wp:extent", "cy"), ["540000"]);
    assert!(xml.contains("<wp:inline"));
    // In a masthead the logo sits in the band too.
    let logo = style(&part(&parts, "word/styles.xml"), "Logo");
    assert_eq!(
        rgb(get(&logo, "w:shd", "w:fill")),
        theme.colors.banner_background
    );

    let mut doc = kitchen_sink();
    doc.meta.organization = None;
    let out = render(&doc, &theme, &Options::default()).unwrap();
    let xml = part(&unzip(&out.value), "word/document.xml");
    assert_eq!(attrs(&xml, "wp:docPr", "descr"), ["Logo"]);

    theme.logo = Some(ThemeFile {
        path: "logo.txt".into(),
        data: briefing_model::Bytes::from(b"hello".to_vec()),
    });
    let (parts, warnings) = parts_in(&theme);
    assert!(
        warnings.iter().any(|w| w.message.contains("logo.txt")),
        "{warnings:?}"
    );
    assert!(!parts.keys().any(|k| k.starts_with("word/media/")));
}

#[test]
fn header_footer_and_banner_use_the_furniture_font_small_and_muted() {
    let mut theme = (*builtin("briefing").unwrap()).clone();
    theme.fonts.furniture.family = "Furniture Sans".into();
    assert_ne!(theme.fonts.furniture.family, theme.fonts.heading.family);
    assert_ne!(theme.fonts.furniture.family, theme.fonts.body.family);
    let (parts, _) = parts_in(&theme);
    let xml = part(&parts, "word/styles.xml");
    let small = (theme.sizes.small.0 * 2.0).round().to_string();
    for id in ["Header", "Footer", "Classification"] {
        let s = style(&xml, id);
        for at in ["w:ascii", "w:hAnsi", "w:cs"] {
            assert_eq!(get(&s, "w:rFonts", at), "Furniture Sans", "{id} {at}");
        }
        assert_eq!(get(&s, "w:sz", "w:val"), small, "{id}");
    }
    for id in ["Header", "Footer"] {
        let s = style(&xml, id);
        assert_eq!(rgb(get(&s, "w:color", "w:val")), theme.colors.muted, "{id}");
    }
    // The header and footer paragraphs take those styles and carry no fonts of their own.
    for name in ["word/header1.xml", "word/footer1.xml"] {
        let x = part(&parts, name);
        let styles: Vec<String> = paragraphs(&x).into_iter().map(|(s, _)| s).collect();
        assert!(
            styles
                .iter()
                .all(|s| ["Header", "Footer", "Classification"].contains(&s.as_str())),
            "{name}: {styles:?}"
        );
        assert!(!x.contains("<w:rFonts"), "{name} sets a font on a run");
    }
}
