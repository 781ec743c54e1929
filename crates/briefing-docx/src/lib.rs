//! Renders a briefing to DOCX (Office Open XML) with docx-rs and a deterministic package writer.
//!
//! `convert` turns the model into docx-rs paragraphs and tables, `styles` turns the theme into
//! Word's built-in styles, and `package` post-processes the XML parts docx-rs leaves incomplete
//! and writes the ZIP with fixed timestamps.

mod convert;
mod image;
mod notes;
mod package;
mod props;
mod render;
mod styles;
mod text;

pub use render::{Error, Options, render};
