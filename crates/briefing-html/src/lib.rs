//! Renders a briefing to one standalone, accessible HTML5 page: styles inlined, images
//! embedded as `data:` URIs (or written beside the page), no scripts and no requests to
//! any other host. Raw HTML from the source is shown as text, or passed through sanitized.

mod css;
mod encode;
mod error;
mod escape;
mod image;
mod link;
mod options;
mod raw;
mod render;
mod template;
mod toc;

pub use error::Error;
pub use options::Options;
pub use render::{Page, render, render_page};
