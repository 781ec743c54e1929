//! The workspace's end-to-end tests, in one binary so the whole stack links once: every
//! format of every input read back from its bytes, the plain-text cases, the themes across
//! formats, the HTML edition's own read-back tests, and the robustness corpora (property
//! tests, CommonMark, crashers).

mod cff;
mod commonmark;
mod formats;
mod html;
mod plain_text;
mod properties;
mod readme;
mod spacing;
mod support;
mod themes;
