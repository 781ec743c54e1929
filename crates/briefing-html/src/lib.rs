//! Renders a briefing to one standalone, accessible HTML5 page: styles inlined, images
//! embedded as `data:` URIs, no scripts and no requests to any other host.

mod css;
mod encode;
mod error;
mod escape;
mod image;
mod link;
mod options;
mod render;
mod template;
mod toc;

pub use error::Error;
pub use options::Options;
pub use render::render;
