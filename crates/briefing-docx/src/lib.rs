//! Renders a briefing to DOCX (Office Open XML) with docx-rs and a deterministic package writer.
//!
//! `convert` turns the model into docx-rs paragraphs and tables and hands over the `parts`
//! as docx-rs wrote them, with the `edits` docx-rs cannot write and the parts we write
//! ourselves (`styles`, `settings`, `props`); `package` finishes docx-rs's parts structurally
//! and writes the ZIP with fixed timestamps.

mod convert;
mod edits;
mod error;
mod image;
mod notes;
mod package;
mod parts;
mod props;
mod render;
mod settings;
mod styles;
mod text;
mod xml;

pub use error::Error;
pub use render::{Options, render};
