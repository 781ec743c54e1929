//! The workspace's end-to-end tests, in one binary so the whole stack links once: every
//! format of every input read back from its bytes, each renderer's own read-back tests
//! (`docx/`, `html/`, `pdf/`), the plain-text cases, the themes across formats, and the robustness
//! corpora (property tests, CommonMark, crashers).

mod cff;
mod commonmark;
mod docx;
mod formats;
mod html;
mod pdf;
mod plain_text;
mod properties;
mod readme;
mod spacing;
mod support;
mod themes;
