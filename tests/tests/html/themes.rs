//! Every built-in theme reaches the page: its fonts, sizes and colours in the CSS variables,
//! its title block and its logo.

use super::common::*;
use briefing_html::{Options, render};
use briefing_model::{BUILTIN_THEMES, Bytes, Rgb, Theme, ThemeFile, TitleBlock, builtin};

/// A valid 4×2 PNG.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0xf0, 0xca, 0xea,
    0x34, 0x00, 0x00, 0x00, 0x10, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0x38, 0x21, 0xa7, 0x01,
    0x47, 0x0c, 0xc8, 0x1c, 0x00, 0x72, 0xca, 0x08, 0x71, 0xcc, 0xec, 0x70, 0xd7, 0x00, 0x00, 0x00,
    0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

fn page_in(theme: &Theme) -> (String, scraper::Html) {
    let out = render(&kitchen_sink(), theme, &Options::default()).expect("renders");
    let text = String::from_utf8(out.value).unwrap();
    let html = scraper::Html::parse_document(&text);
    (text, html)
}

/// The value of custom property `--name` in the first (light, `:root`) block.
fn var<'a>(css: &'a str, name: &str) -> &'a str {
    let key = format!("  --{name}: ");
    let start = css.find(&key).unwrap_or_else(|| panic!("no --{name}")) + key.len();
    css[start..].split(';').next().unwrap()
}

/// A `NNpt` or `NNrem` value as a number.
fn number(v: &str) -> f32 {
    v.trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .unwrap()
}

/// The first family of a CSS font stack, unquoted.
fn first_family(stack: &str) -> &str {
    stack.split(", ").next().unwrap().trim_matches('"')
}

#[test]
fn css_variables_agree_with_every_builtin_theme() {
    for name in BUILTIN_THEMES {
        let theme = builtin(name).unwrap();
        let (text, _) = page_in(&theme);
        assert_eq!(
            first_family(var(&text, "font-body")),
            theme.fonts.body.family,
            "{name}"
        );
        assert_eq!(
            first_family(var(&text, "font-heading")),
            theme.fonts.heading.family,
            "{name}"
        );
        assert_eq!(
            first_family(var(&text, "font-furniture")),
            theme.fonts.furniture.family,
            "{name}"
        );
        // Screen sizes are ratios to the body size; print sets the body size in points.
        let body = number(var(&text, "print-size"));
        assert!(
            (body - theme.sizes.body.0).abs() < 0.01,
            "{name}: body {body}"
        );
        for level in 1..=6u8 {
            let ratio = number(var(&text, &format!("size-heading-{level}")));
            let want = theme.sizes.heading(level).0;
            assert!(
                (ratio * body - want).abs() < 0.02,
                "{name}: heading {level}"
            );
        }
        let title = number(var(&text, "size-title")) * body;
        assert!((title - theme.sizes.title.0).abs() < 0.02, "{name}: title");
        let colour = |v: &str| v.parse::<Rgb>().unwrap();
        assert_eq!(
            colour(var(&text, "color-text")),
            theme.colors.text,
            "{name}"
        );
        assert_eq!(
            colour(var(&text, "color-accent")),
            theme.colors.accent,
            "{name}"
        );
        assert_eq!(
            colour(var(&text, "color-banner-background")),
            theme.colors.banner_background
        );
        // The theme's own stylesheet is the one on the page.
        assert!(
            text.contains(theme.html.style.lines().nth(3).unwrap()),
            "{name}"
        );
    }
}

#[test]
fn banners_and_footer_use_the_furniture_font() {
    let mut theme = (*theme()).clone();
    theme.fonts.furniture.family = "Furniture Sans".into();
    let (text, _) = page_in(&theme);
    assert!(var(&text, "font-furniture").starts_with("\"Furniture Sans\", "));
    // The banner's rule and the footer's take their font from the variable.
    for selector in ["\n.marking {", "\n.page-footer > * {"] {
        let at = text
            .find(selector)
            .unwrap_or_else(|| panic!("no {selector:?} rule"));
        let rule = &text[at..at + text[at..].find('}').unwrap()];
        assert!(
            rule.contains("font-family: var(--font-furniture)"),
            "{rule}"
        );
    }
}

#[test]
fn the_title_block_follows_the_theme() {
    for name in BUILTIN_THEMES {
        let theme = builtin(name).unwrap();
        let (_, html) = page_in(&theme);
        let look = match theme.layout.title_block {
            TitleBlock::Stacked => "stacked",
            TitleBlock::Masthead => "masthead",
        };
        let header = select(&html, "body > header.title-block");
        assert_eq!(header.len(), 1, "{name}");
        assert!(header[0].value().has_class(
            &format!("title-block-{look}"),
            scraper::CaseSensitivity::CaseSensitive
        ));
        // Title and subtitle in the band, the byline under it.
        assert_eq!(select(&html, "header .title-band h1").len(), 1);
        assert_eq!(select(&html, "header .title-band .subtitle").len(), 1);
        assert_eq!(
            select(&html, "header .title-band + .title-measure .byline").len(),
            1
        );
    }
    let newsroom = builtin("newsroom").unwrap();
    assert_eq!(newsroom.layout.title_block, TitleBlock::Masthead);
    let (text, _) = page_in(&newsroom);
    // The masthead band is painted in the banner colours.
    let band = text
        .find(".title-block-masthead .title-band {")
        .expect("masthead rule");
    let rule = &text[band..band + text[band..].find('}').unwrap()];
    assert!(
        rule.contains("background: var(--color-banner-background)"),
        "{rule}"
    );
    assert!(text.contains(".title-block-masthead .subtitle { color: var(--color-banner-text); }"));
}

#[test]
fn a_logo_is_embedded_with_alt_text_and_none_shows_nothing() {
    let (_, html) = page_in(&theme());
    assert!(select(&html, "img.logo").is_empty());

    let mut with_logo = (*builtin("newsroom").unwrap()).clone();
    with_logo.logo = Some(ThemeFile {
        path: "logo.png".into(),
        data: Bytes::from(PNG.to_vec()),
    });
    let (_, html) = page_in(&with_logo);
    let logo = select(&html, "header .title-band img.logo");
    assert_eq!(logo.len(), 1);
    let src = logo[0].value().attr("src").unwrap();
    assert!(
        src.starts_with("data:image/png;base64,iVBORw0KGgo"),
        "{src}"
    );
    assert_eq!(logo[0].value().attr("alt"), Some("Policy Unit"));

    let mut doc = kitchen_sink();
    doc.meta.organization = None;
    let out = render(&doc, &with_logo, &Options::default()).unwrap();
    let html = scraper::Html::parse_document(std::str::from_utf8(&out.value).unwrap());
    assert_eq!(
        select(&html, "img.logo")[0].value().attr("alt"),
        Some("Logo")
    );

    // Bytes that are no image are left out, with a warning.
    with_logo.logo = Some(ThemeFile {
        path: "logo.txt".into(),
        data: Bytes::from(b"hello".to_vec()),
    });
    let out = render(&kitchen_sink(), &with_logo, &Options::default()).unwrap();
    assert!(out.warnings.iter().any(|w| w.message.contains("logo.txt")));
    assert!(
        !String::from_utf8(out.value)
            .unwrap()
            .contains("class=\"logo\"")
    );
}
