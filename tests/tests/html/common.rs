//! What the HTML tests share: rendering with the built-in theme and reading the page back,
//! and the shared documents and readers of `briefing_tests`.

use briefing_html::{Options, render};
use briefing_model::{Document, Theme, Warned};
use scraper::Html;

pub(crate) use briefing_tests::build::*;
pub(crate) use briefing_tests::html::*;

/// The built-in theme.
pub(crate) fn theme() -> std::sync::Arc<Theme> {
    briefing_model::builtin("briefing").expect("built-in theme loads")
}

/// Renders with the built-in theme and default options.
pub(crate) fn render_default(doc: &Document) -> Warned<Vec<u8>> {
    render(doc, &theme(), &Options::default()).expect("renders")
}

/// Renders and parses the page.
pub(crate) fn page(doc: &Document) -> (String, Html) {
    page_with(doc, &Options::default())
}

/// Renders with `options` and parses the page.
pub(crate) fn page_with(doc: &Document, options: &Options) -> (String, Html) {
    let out = render(doc, &theme(), options).expect("renders");
    let text = String::from_utf8(out.value).expect("UTF-8");
    let html = Html::parse_document(&text);
    (text, html)
}
