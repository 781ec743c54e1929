//! The steps every parser shares once it has blocks: title, heading levels, ids, date.

use std::collections::HashSet;

use super::{ParseOptions, SourceKind};
use crate::diag::Diagnostic;
use crate::document::{Block, BlockKind, Document, plain_text};

/// Completes a parsed document so renderers can rely on it.
pub(super) fn finish(doc: &mut Document, opts: &ParseOptions, warnings: &mut Vec<Diagnostic>) {
    // In Markdown, a leading level-1 heading is the title when the front matter gives none (or
    // the same one). JSON is the model itself and is taken as it is.
    if opts.kind != SourceKind::Json
        && let Some(Block {
            kind: BlockKind::Heading {
                level: 1, content, ..
            },
            ..
        }) = doc.blocks.first()
    {
        let text = plain_text(content).trim().to_owned();
        if doc.meta.title.is_empty() || doc.meta.title == text {
            doc.meta.title = text;
            doc.blocks.remove(0);
        }
    }
    if let Some(title) = &opts.title {
        let note = if doc.meta.title.is_empty() || doc.meta.title == *title {
            format!("the title {title:?} comes from --title")
        } else {
            format!(
                "the title {title:?} comes from --title, in place of {:?} from the source",
                doc.meta.title
            )
        };
        warnings.retain(|w| !w.message.contains("comes from the first line"));
        warnings.push(Diagnostic::note(0, note));
        doc.meta.title = title.clone();
    }
    if doc.meta.title.trim().is_empty() {
        let from_name = opts
            .path
            .as_deref()
            .and_then(|p| p.file_stem())
            .and_then(|s| s.to_str())
            .map(title_from_stem);
        match from_name {
            Some(t) if !t.is_empty() => {
                warnings.push(
                    Diagnostic::note(
                        0,
                        format!("no title in the source; using {t:?} from the file name"),
                    )
                    .with_hint("add a title: front-matter key, a title line, or pass --title"),
                );
                doc.meta.title = t;
            }
            _ => {
                warnings.push(Diagnostic::warning(
                    0,
                    "no title in the source; using \"Untitled briefing\"",
                ));
                doc.meta.title = "Untitled briefing".into();
            }
        }
    }
    if doc.meta.date.is_none() {
        doc.meta.date = opts.default_date;
    }
    shift_headings(&mut doc.blocks);
    let mut seen = HashSet::new();
    assign_ids(&mut doc.blocks, &mut seen);
}

/// A title from a file name's stem: "alaska-summit" → "Alaska Summit".
pub fn title_from_stem(stem: &str) -> String {
    stem.split(['-', '_', ' '])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Makes the shallowest heading level 1, so `##` sections under a front-matter title are top-level.
fn shift_headings(blocks: &mut [Block]) {
    let min = blocks
        .iter()
        .filter_map(|b| match b.kind {
            BlockKind::Heading { level, .. } => Some(level),
            _ => None,
        })
        .min()
        .unwrap_or(1);
    if min > 1 {
        for b in blocks.iter_mut() {
            if let BlockKind::Heading { level, .. } = &mut b.kind {
                *level -= min - 1;
            }
        }
    }
}

/// Gives every heading a slug id, unique in the document; ids already set (JSON) are kept.
fn assign_ids(blocks: &mut [Block], seen: &mut HashSet<String>) {
    for b in blocks {
        if let BlockKind::Heading { id, content, .. } = &mut b.kind {
            let base = if id.is_empty() {
                slug(&plain_text(content))
            } else {
                id.clone()
            };
            let mut candidate = base.clone();
            let mut n = 1;
            while !seen.insert(candidate.clone()) {
                candidate = format!("{base}-{n}");
                n += 1;
            }
            *id = candidate;
        }
    }
}

/// A lower-case, hyphenated id from heading text: letters and digits of any script are kept.
pub(crate) fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else if c.is_whitespace() || c == '-' || c == '_' {
            dash = true;
        }
    }
    if out.is_empty() {
        "section".into()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_readable() {
        assert_eq!(
            slug("Trump’s Cautious Optimism: “No Deal”"),
            "trumps-cautious-optimism-no-deal"
        );
        assert_eq!(slug("Ενέργεια και Ρωσία"), "ενέργεια-και-ρωσία");
        assert_eq!(slug("!!!"), "section");
        assert_eq!(title_from_stem("alaska-summit"), "Alaska Summit");
    }
}
