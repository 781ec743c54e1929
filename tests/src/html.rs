//! Reading an HTML page back as a browser's parser does.

use scraper::{Html, Selector};

/// Every element matching `css`.
pub fn select<'a>(html: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let sel = Selector::parse(css).expect("valid selector");
    html.select(&sel).collect()
}

/// The text of the first element matching `css`, whitespace collapsed.
pub fn text_of(html: &Html, css: &str) -> String {
    let el = select(html, css)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no {css}"));
    collapse(&el.text().collect::<String>())
}

/// `s` with runs of whitespace made one space, trimmed.
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
