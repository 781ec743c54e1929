//! A theme font with CFF outlines (an OpenType `OTTO` file, as most commercial fonts are)
//! embeds as a CID-keyed CFF font that readers can draw and extract, not only TrueType.

use briefing_tests::{parse, pdf_text, root};

#[test]
fn a_cff_heading_font_embeds_as_cid_type0_and_its_text_extracts() {
    // Inter Bold in CFF (OFL; tests/fonts/LICENSE-Inter.txt) for every heading face.
    let dir = std::env::temp_dir().join(format!("briefing-cff-theme-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("fonts")).unwrap();
    std::fs::copy(
        root().join("tests/fonts/Inter-Bold.otf"),
        dir.join("fonts/Inter-Bold.otf"),
    )
    .unwrap();
    std::fs::write(
        dir.join("theme.toml"),
        "extends = \"briefing\"\n\n[fonts.heading]\nfamily = \"Inter\"\n\
         regular = \"fonts/Inter-Bold.otf\"\nbold = \"fonts/Inter-Bold.otf\"\n\
         italic = \"fonts/Inter-Bold.otf\"\nbold-italic = \"fonts/Inter-Bold.otf\"\n",
    )
    .unwrap();
    let theme = briefing_model::load_theme_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    let input = root().join("input/energy-security.md");
    let doc = parse(&input);
    let opts = briefing_pdf::Options {
        assets: briefing_model::Assets::in_folder(input.parent().unwrap()),
        ..Default::default()
    };
    let bytes = briefing_pdf::render(&doc, &theme, &opts)
        .unwrap()
        .value
        .bytes;
    std::fs::remove_dir_all(&dir).ok();

    let pdf = lopdf::Document::load_mem(&bytes).unwrap();
    let name = |d: &lopdf::Dictionary, key: &[u8]| {
        d.get(key)
            .and_then(lopdf::Object::as_name)
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default()
    };
    let deref = |o: &lopdf::Object| -> lopdf::Dictionary {
        match o {
            lopdf::Object::Reference(id) => pdf.get_dictionary(*id).unwrap().clone(),
            lopdf::Object::Dictionary(d) => d.clone(),
            other => panic!("not a dictionary: {other:?}"),
        }
    };
    // The descendant fonts of every Type0 font.
    let cff: Vec<lopdf::Dictionary> = pdf
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| name(d, b"Subtype") == "Type0")
        .flat_map(|d| {
            d.get(b"DescendantFonts")
                .unwrap()
                .as_array()
                .unwrap()
                .clone()
        })
        .map(|o| deref(&o))
        .filter(|d| name(d, b"Subtype") == "CIDFontType0")
        .collect();
    assert_eq!(cff.len(), 1, "one CFF face embedded");
    let font = &cff[0];
    assert!(name(font, b"BaseFont").ends_with("+Inter-Bold"), "{font:?}");
    let descriptor = deref(font.get(b"FontDescriptor").unwrap());
    let file = match descriptor.get(b"FontFile3").unwrap() {
        lopdf::Object::Reference(id) => pdf.get_object(*id).unwrap().as_stream().unwrap().clone(),
        other => panic!("FontFile3 is {other:?}"),
    };
    assert_eq!(name(&file.dict, b"Subtype"), "OpenType");
    let program = file.decompressed_content().unwrap_or(file.content.clone());
    assert!(program.starts_with(b"OTTO"), "an OpenType CFF program");
    // A subset: far smaller than the 270 KB font.
    assert!(program.len() < 60_000, "{} bytes", program.len());
    // The headings, set in it, come back as text through its ToUnicode map.
    let (text, _) = pdf_text(&bytes);
    for heading in [
        "Where the Numbers Stand",
        "The Rules Have Changed",
        "Outlook",
    ] {
        assert!(text.contains(heading), "{heading:?} missing from {text:?}");
    }
}
