//! One theme, three formats: for every built-in theme, the fonts, sizes and colours a reader
//! gets in the PDF, the DOCX and the HTML are the theme's.

use std::collections::BTreeMap;
use std::io::Read;

use briefing_model::{Rgb, Theme};
use briefing_tests::{parse, root};

/// (font stem, size in pt) → number of text-showing operations in the PDF; and the fill colours used.
fn pdf_runs(bytes: &[u8]) -> (BTreeMap<(String, u32), usize>, Vec<Rgb>) {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let mut runs = BTreeMap::new();
    let mut colours = Vec::new();
    for page in doc.get_pages().values() {
        let fonts = doc.get_page_fonts(*page).unwrap();
        let content = lopdf::content::Content::decode(&doc.get_page_content(*page)).unwrap();
        let mut current = None;
        for op in &content.operations {
            match op.operator.as_str() {
                "Tf" => {
                    let name = op.operands[0].as_name().unwrap();
                    let size = op.operands[1].as_float().unwrap();
                    let base = fonts[name].get(b"BaseFont").unwrap().as_name().unwrap();
                    let base = String::from_utf8_lossy(base);
                    // Subset fonts are named TAG+PostScriptName.
                    let stem = base
                        .split_once('+')
                        .map_or(base.as_ref(), |(_, s)| s)
                        .to_owned();
                    current = Some((stem, (size * 10.0).round() as u32));
                }
                "Tj" | "TJ" => *runs.entry(current.clone().unwrap()).or_insert(0) += 1,
                "rg" => {
                    let c: Vec<u8> = op
                        .operands
                        .iter()
                        .map(|o| (o.as_float().unwrap() * 255.0).round() as u8)
                        .collect();
                    colours.push(Rgb {
                        r: c[0],
                        g: c[1],
                        b: c[2],
                    });
                }
                _ => {}
            }
        }
    }
    (runs, colours)
}

fn tenth(p: briefing_model::Pt) -> u32 {
    (p.0 * 10.0).round() as u32
}

fn check_pdf(theme: &Theme, bytes: &[u8]) {
    let (runs, colours) = pdf_runs(bytes);
    let most = runs
        .iter()
        .max_by_key(|(_, n)| **n)
        .map(|(k, _)| k.clone())
        .unwrap();
    assert_eq!(
        most,
        (
            theme.fonts.body.regular.stem().to_owned(),
            tenth(theme.sizes.body)
        ),
        "{}: body text",
        theme.name
    );
    let heading = (
        theme.fonts.heading.bold.stem().to_owned(),
        tenth(theme.sizes.heading(1)),
    );
    assert!(
        runs.contains_key(&heading),
        "{}: no heading run {heading:?} in {runs:?}",
        theme.name
    );
    assert!(
        colours.contains(&theme.colors.text),
        "{}: text colour",
        theme.name
    );
    assert!(
        colours.contains(&theme.colors.accent),
        "{}: accent colour",
        theme.name
    );
}

fn style_xml(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    zip.by_name("word/styles.xml")
        .unwrap()
        .read_to_string(&mut s)
        .unwrap();
    s
}

/// The `<w:style>` element with this id.
fn style<'a>(xml: &'a str, id: &str) -> &'a str {
    let start = xml
        .find(&format!("w:styleId=\"{id}\""))
        .unwrap_or_else(|| panic!("style {id}"));
    let end = xml[start..].find("</w:style>").unwrap() + start;
    &xml[start..end]
}

fn check_docx(theme: &Theme, bytes: &[u8]) {
    let xml = style_xml(bytes);
    let normal = style(&xml, "Normal");
    assert!(
        normal.contains(&format!("w:ascii=\"{}\"", theme.fonts.body.family)),
        "{}: Normal font",
        theme.name
    );
    assert!(
        normal.contains(&format!(
            "<w:sz w:val=\"{}\"",
            theme.sizes.body.half_points()
        )),
        "{}: Normal size",
        theme.name
    );
    assert!(
        normal.contains(&format!("w:val=\"{}\"", theme.colors.text.hex())),
        "{}: Normal colour",
        theme.name
    );
    let h1 = style(&xml, "Heading1");
    assert!(
        h1.contains(&format!("w:ascii=\"{}\"", theme.fonts.heading.family)),
        "{}: Heading1 font",
        theme.name
    );
    assert!(
        h1.contains(&format!(
            "<w:sz w:val=\"{}\"",
            theme.sizes.heading(1).half_points()
        )),
        "{}: Heading1 size",
        theme.name
    );
    assert!(
        h1.contains(&format!("w:val=\"{}\"", theme.colors.accent.hex())),
        "{}: Heading1 colour",
        theme.name
    );
}

fn check_html(theme: &Theme, bytes: &[u8]) {
    let html = String::from_utf8(bytes.to_vec()).unwrap();
    let var = |name: &str| {
        let at = html
            .find(&format!("--{name}:"))
            .unwrap_or_else(|| panic!("{}: no --{name}", theme.name));
        html[at..].split(';').next().unwrap().to_owned()
    };
    assert!(
        var("font-body").contains(&format!("\"{}\"", theme.fonts.body.family)),
        "{}: body font",
        theme.name
    );
    assert!(
        var("font-heading").contains(&format!("\"{}\"", theme.fonts.heading.family)),
        "{}: heading font",
        theme.name
    );
    assert!(
        var("color-text").contains(&theme.colors.text.to_string()),
        "{}: text colour",
        theme.name
    );
    assert!(
        var("color-accent").contains(&theme.colors.accent.to_string()),
        "{}: accent colour",
        theme.name
    );
}

#[test]
fn every_builtin_theme_looks_the_same_in_all_three_formats() {
    let input = root().join("input/energy-security.md");
    let doc = parse(&input);
    let base = input.parent().unwrap().to_owned();
    for name in briefing_model::BUILTIN_THEMES {
        let theme = briefing_model::builtin(name).unwrap();
        let pdf = briefing_pdf::render(
            &doc,
            &theme,
            &briefing_pdf::Options {
                assets: briefing_model::Assets::in_folder(base.clone()),
                ..Default::default()
            },
        )
        .unwrap();
        check_pdf(&theme, &pdf.value.bytes);
        let docx = briefing_docx::render(
            &doc,
            &theme,
            &briefing_docx::Options {
                assets: briefing_model::Assets::in_folder(base.clone()),
            },
        )
        .unwrap();
        check_docx(&theme, &docx.value);
        let html_opts = briefing_html::Options {
            assets: briefing_model::Assets::in_folder(base.clone()),
            ..Default::default()
        };
        let html = briefing_html::render(&doc, &theme, &html_opts).unwrap();
        check_html(&theme, &html.value);
    }
}
