//! The style sheet read back: ids, names, theme values and line spacing.

use super::*;

fn sheet() -> String {
    styles_xml(&briefing_model::builtin("briefing").unwrap(), "en-GB")
}

#[test]
fn built_in_ids_and_names_are_present() {
    let x = sheet();
    for (id, name) in [
        ("Normal", "Normal"),
        ("Title", "Title"),
        ("Subtitle", "Subtitle"),
        ("Heading1", "heading 1"),
        ("Heading6", "heading 6"),
        ("Quote", "Quote"),
        ("IntenseQuote", "Intense Quote"),
        ("ListBullet", "List Bullet"),
        ("ListNumber", "List Number"),
        ("Caption", "caption"),
        ("FootnoteText", "footnote text"),
        ("FootnoteReference", "footnote reference"),
        ("EndnoteText", "endnote text"),
        ("EndnoteReference", "endnote reference"),
        ("Header", "header"),
        ("Footer", "footer"),
        ("Hyperlink", "Hyperlink"),
        ("TOC1", "toc 1"),
        ("TOC3", "toc 3"),
    ] {
        assert!(
            x.contains(&format!(r#"w:styleId="{id}"><w:name w:val="{name}"/>"#)),
            "{id}"
        );
    }
    assert_eq!(x.matches(r#"w:styleId="Normal""#).count(), 1);
}

#[test]
fn theme_values_reach_the_styles() {
    let x = sheet();
    assert!(x.contains(r#"<w:lang w:val="en-GB""#));
    assert!(x.contains(r#"w:ascii="Noto Serif""#));
    assert!(x.contains(r#"w:ascii="JetBrains Mono""#));
    // 10.5 pt body = 21 half-points; the accent colour on headings.
    assert!(x.contains(r#"<w:sz w:val="21"/>"#));
    assert!(x.contains(r#"<w:color w:val="1F4E79"/>"#));
    assert!(x.contains(r#"<w:outlineLvl w:val="0"/>"#));
}

/// The `w:spacing` element of style `id`.
fn spacing<'x>(x: &'x str, id: &str) -> &'x str {
    let style = &x[x.find(&format!(r#"w:styleId="{id}""#)).unwrap()..];
    let style = &style[..style.find("</w:style>").unwrap()];
    let at = style.find("<w:spacing").unwrap();
    &style[at..at + style[at..].find("/>").unwrap()]
}

#[test]
fn lines_are_exactly_as_far_apart_as_in_the_pdf() {
    for name in briefing_model::BUILTIN_THEMES {
        let t = briefing_model::builtin(name).unwrap();
        let x = styles_xml(&t, "en");
        let lh = t.text.line_height;
        let twips = |size: Pt, lh: f32| (size.0 * lh * 20.0).round() as i32;
        for (id, want) in [
            ("Normal", twips(t.sizes.body, lh)),
            ("Heading1", twips(t.sizes.heading(1), lh)),
            ("Heading4", twips(t.sizes.heading(4), lh)),
            ("FootnoteText", twips(t.sizes.small, lh)),
            ("SourceCode", twips(t.sizes.code, t.text.code_line_height)),
        ] {
            let s = spacing(&x, id);
            assert!(
                s.contains(&format!(r#"w:line="{want}" w:lineRule="exact""#)),
                "{name} {id}: {s}"
            );
        }
        // A picture's paragraph grows with the picture instead of clipping it.
        assert!(spacing(&x, "Figure").contains(r#"w:lineRule="auto""#));
    }
}

#[test]
fn a_theme_that_changes_spacing_changes_the_styles() {
    let mut t = (*briefing_model::builtin("memo").unwrap()).clone();
    t.spacing.heading_before[1] = Space::Em(2.0);
    t.spacing.list_spacing = Space::Fixed(Pt(7.5));
    t.spacing.cell_padding = [Space::Fixed(Pt(3.0)), Space::Em(1.0)];
    let x = styles_xml(&t, "en");
    // 2em of memo's 10.5pt level-2 heading is 21pt: 420 twips.
    assert!(spacing(&x, "Heading2").contains(r#"w:before="420""#));
    assert!(spacing(&x, "ListBullet").contains(r#"w:before="150" w:after="150""#));
    assert!(x.contains(r#"<w:top w:w="60" w:type="dxa"/><w:left w:w="200" w:type="dxa"/>"#));
}
