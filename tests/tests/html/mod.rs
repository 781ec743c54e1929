//! The HTML edition read back with an HTML parser: the page's structure, images, languages,
//! raw HTML, safety, themes, and the same bytes every time.

mod common;
mod determinism;
mod images;
mod lang;
mod markdown;
mod page;
mod raw_html;
mod safety;
mod sample;
mod themes;
