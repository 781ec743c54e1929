//! The model as docx-rs content: blocks become paragraphs and tables, inlines become runs, and
//! what docx-rs cannot write is recorded as edits (see [`crate::edits`]).
//!
//! Every id docx-rs would draw from a process-wide counter (paragraph ids, picture and link
//! relationship ids, footnote ids, numbering ids, bookmarks) is set here from counters owned by
//! one converter, so a document's bytes never depend on what else the process rendered.

mod assemble;
mod blocks;
mod converter;
mod furniture;
mod inline;
mod lists;
mod notes;
mod numbering;
mod para;
mod table;

pub(crate) use assemble::convert;
