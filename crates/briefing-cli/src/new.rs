//! `briefing new NAME`: a Markdown briefing with complete front matter and a skeleton that
//! renders as it is.

use std::path::{Path, PathBuf};

use briefing_model::Date;

/// Writes `NAME.md` (or NAME as given, when it ends in `.md`); refuses to overwrite.
pub(crate) fn run(name: &Path, theme: Option<&str>, date: Date) -> Result<PathBuf, String> {
    let path = if name.extension().is_some_and(|e| e == "md") {
        name.to_owned()
    } else {
        name.with_extension("md")
    };
    if path.exists() {
        return Err(format!(
            "{} already exists; choose another name",
            path.display()
        ));
    }
    let theme = theme.unwrap_or(briefing_model::BUILTIN_THEMES[0]);
    briefing_model::builtin(theme).map_err(|e| e.to_string())?;
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("briefing");
    let title = briefing_model::title_from_stem(stem);
    let text = format!(
        "---
title: {title}
subtitle: One line that says why this matters
author: Your Name
date: {date}
organization: Your Organization
summary: One or two sentences that a busy reader can stop after.
keywords: [briefing]
lang: en
# classification: OFFICIAL-SENSITIVE
# status: DRAFT
theme: {theme}
---

The lead: what happened, why it matters, and what comes next, in three sentences.

## Summary

Say the one thing the reader must take away. Keep it to a paragraph.

## Background

What led here. Cite sources with footnotes.[^source]

## Analysis

What it means: for whom, how much, and how sure we are.

## Key Takeaways

- **First:** the most important point, in one sentence.
- **Second:** the next most important point.
- **Third:** what to watch for next.

[^source]: Name the source, with a link where there is one.
"
    );
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path)
}
