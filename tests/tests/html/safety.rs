//! Nothing in a document can run code or reach another host.

use super::common::*;

#[test]
fn no_script_anywhere() {
    let (text, html) = page(&kitchen_sink());
    assert!(select(&html, "script").is_empty());
    assert!(
        !text.to_ascii_lowercase().contains("<script"),
        "a <script tag survived escaping"
    );
    // No inline event handlers either.
    for el in select(&html, "*") {
        assert!(
            el.value().attrs().all(|(name, _)| !name.starts_with("on")),
            "{:?}",
            el.value()
        );
    }
}

#[test]
fn script_and_data_links_become_text_with_a_warning() {
    let out = render_default(&kitchen_sink());
    let (_, html) = page(&kitchen_sink());
    for a in select(&html, "a[href]") {
        let href = a.value().attr("href").unwrap().trim().to_ascii_lowercase();
        assert!(
            !href.starts_with("javascript:")
                && !href.starts_with("data:")
                && !href.starts_with("vbscript:"),
            "{href}"
        );
    }
    let removed: Vec<String> = select(&html, ".link-removed")
        .iter()
        .map(|s| s.text().collect())
        .collect();
    assert_eq!(removed, ["india", "last", "word"]);
    let lines: Vec<_> = out
        .warnings
        .iter()
        .filter(|w| w.message.starts_with("link"))
        .map(|w| w.line)
        .collect();
    assert_eq!(lines, [Some(9), Some(40), Some(40)]);
}

#[test]
fn nothing_is_loaded_from_another_host() {
    let (text, html) = page(&kitchen_sink());
    assert!(select(&html, "link, iframe, object, embed, video, audio, source").is_empty());
    for img in select(&html, "img") {
        assert!(img.value().attr("src").unwrap().starts_with("data:image/"));
    }
    assert!(
        !text.contains("@import") && !text.contains("url("),
        "the stylesheet fetches something"
    );
    // The remote tracking pixel is not requested: it is a placeholder with its alt text.
    assert!(!text.contains("tracker.example/p.gif\""));
    assert!(text.contains("[Image not available: pixel]"));
}

#[test]
fn attributes_cannot_be_broken_out_of() {
    let mut doc = kitchen_sink();
    doc.meta.lang = "en\" onload=\"x".into();
    doc.meta.authors = vec!["\"><script>alert(1)</script>".into()];
    doc.blocks
        .push(heading(60, 1, "x\" onclick=\"y", "Evil id"));
    doc.blocks
        .push(para(61, vec![link("https://e.org/\"><script>", "q")]));
    let (text, html) = page(&doc);
    assert!(select(&html, "script").is_empty());
    assert_eq!(
        select(&html, "html")[0].value().attr("lang"),
        Some("en\" onload=\"x")
    );
    assert!(select(&html, "[onload], [onclick]").is_empty());
    assert!(select(&html, "h2[id='x\" onclick=\"y']").len() == 1);
    assert!(!text.contains("<script"));
}

#[test]
fn a_stylesheet_cannot_close_its_style_element() {
    let mut theme = (*theme()).clone();
    theme.html.style = "body { color: red } </style><script>alert(1)</script>".into();
    let out = briefing_html::render(&kitchen_sink(), &theme, &Default::default()).unwrap();
    let html = scraper::Html::parse_document(std::str::from_utf8(&out.value).unwrap());
    assert!(select(&html, "script").is_empty());
    assert_eq!(select(&html, "style").len(), 1);
}

#[test]
fn control_characters_never_reach_the_page() {
    // Built in code (or read from JSON), a document can still hold controls the parser
    // would have removed: NUL, ESC, form feed, DEL and the C1 range.
    let mut doc = kitchen_sink();
    doc.meta.title = "Gas\u{0} storage\u{1b}[0m".into();
    doc.meta.authors = vec!["Ada\u{85} Lovelace".into()];
    doc.blocks.push(para(
        70,
        vec![
            t("bell\u{7} form\u{c}feed del\u{7f} c1\u{9b}31m tab\there"),
            link("https://e.org/\u{1}x", "li\u{8}nk"),
        ],
    ));
    let out = render_default(&doc);
    let text = String::from_utf8(out.value).unwrap();
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    assert!(bad.is_empty(), "control characters on the page: {bad:?}");
    let html = scraper::Html::parse_document(&text);
    assert_eq!(text_of(&html, "h1"), "Gas storage[0m");
    assert!(text.contains("bell formfeed del c131m tab\there"));
    assert!(text.contains("Ada Lovelace"));
}
