//! The workspace's end-to-end tests, in one binary so the whole stack links once: every
//! format of every input read back from its bytes, the plain-text cases, the themes across
//! formats, and the robustness corpora (property tests, CommonMark, crashers).

mod cff;
mod commonmark;
mod formats;
mod pdf;
mod plain_text;
mod properties;
mod readme;
mod support;
mod themes;
