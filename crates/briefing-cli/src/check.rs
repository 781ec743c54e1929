//! `briefing check`: everything `render` does except writing files, plus checks of what a
//! reader would trip over (links to nowhere, missing dates), reported for people or editors.

use std::collections::HashSet;
use std::path::Path;

use briefing_model::{
    BlockKind, Diagnostic, Document, Inline, Severity, SourceKind, walk_blocks, walk_inlines,
};
use rayon::prelude::*;

use crate::args::{CheckArgs, CheckFormat};
use crate::format::Format;
use crate::inputs;

/// Runs `briefing check`; returns whether the inputs pass.
pub(crate) fn run(args: &CheckArgs) -> anyhow::Result<bool> {
    let all = inputs::expand(&args.inputs, Path::new("")).map_err(anyhow::Error::msg)?;
    let found: Vec<Vec<Diagnostic>> = all.par_iter().map(|i| check_one(i, args)).collect();
    let found: Vec<Diagnostic> = found.into_iter().flatten().collect();
    let errors = found
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = found
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    match args.format {
        CheckFormat::Json => {
            println!("{}", serde_json::to_string_pretty(&found)?);
        }
        CheckFormat::Human => {
            let mut err = crate::print::stderr();
            for d in &found {
                crate::print::diagnostic(&mut err, d)?;
            }
            eprintln!(
                "checked {} document{}: {errors} error{}, {warnings} warning{}",
                all.len(),
                if all.len() == 1 { "" } else { "s" },
                if errors == 1 { "" } else { "s" },
                if warnings == 1 { "" } else { "s" }
            );
        }
    }
    Ok(errors == 0 && !(args.deny_warnings && warnings > 0))
}

fn check_one(input: &inputs::Input, args: &CheckArgs) -> Vec<Diagnostic> {
    let path = input.path.as_path();
    let file = Some(path.to_owned());
    let mut out = Vec::new();
    // The source itself must be complete: SOURCE_DATE_EPOCH does not stand in for its date here.
    let opts = match crate::source::parse_options(path, &args.source) {
        Ok(o) => briefing_model::ParseOptions {
            default_date: None,
            ..o
        },
        Err(e) => return vec![e.in_file(file)],
    };
    let text = match crate::source::read_source(path, &args.source) {
        Ok(t) => t,
        Err(e) => return vec![e],
    };
    let warned = match briefing_model::parse(&text, &opts) {
        Ok(w) => w,
        Err(e) => return e.diagnostics,
    };
    let doc = warned.value;
    out.extend(
        warned
            .warnings
            .into_iter()
            .filter(|d| d.severity != Severity::Note),
    );
    if opts.kind == SourceKind::Markdown {
        completeness(&text, &doc, &mut out);
    }
    links(&doc, &mut out);
    undefined_notes(&doc, &mut out);
    let themes = crate::themes::Themes::default();
    let source_dir = path.parent().unwrap_or(Path::new("."));
    match themes.for_document(args.theme.as_deref(), doc.meta.theme.as_deref(), source_dir) {
        Ok((theme, _)) => {
            // The renderers find what only rendering shows: glyphs no font has, images that are
            // missing or do not decode. Each is reported once, however many formats notice it.
            let options = crate::format::RenderOptions {
                assets: args.source.assets(input),
                ..Default::default()
            };
            let mut seen = HashSet::new();
            for format in Format::ALL {
                match format.render(&doc, &theme, &options) {
                    Ok(w) => {
                        out.extend(w.warnings.into_iter().filter(|d| {
                            seen.insert((d.line, crate::print::finding_key(&d.message)))
                        }))
                    }
                    Err(e) => out.push(Diagnostic::error(0, format!("{e:#}"))),
                }
            }
        }
        Err(e) => out.push(e),
    }
    let mut out: Vec<Diagnostic> = out.into_iter().map(|d| d.in_file(file.clone())).collect();
    out.sort_by_key(|d| d.line.unwrap_or(0));
    out
}

/// A briefing should say when it was written and by whom.
fn completeness(text: &str, doc: &Document, out: &mut Vec<Diagnostic>) {
    let has_front_matter = text.starts_with("---") || text.starts_with("+++");
    if !has_front_matter {
        out.push(
            Diagnostic::warning(
                1,
                "no front matter: the briefing has no date, author or summary",
            )
            .with_hint("start the file with ---, title:, date:, author:, then ---"),
        );
        return;
    }
    if !text
        .lines()
        .skip(1)
        .take_while(|l| !matches!(l.trim(), "---" | "+++"))
        .any(|l| l.starts_with("title"))
    {
        out.push(
            Diagnostic::warning(
                1,
                format!("the front matter has no title; using {:?}", doc.meta.title),
            )
            .with_hint("add `title: …`"),
        );
    }
    if doc.meta.date.is_none() {
        out.push(
            Diagnostic::warning(1, "the front matter has no date")
                .with_hint("add `date: YYYY-MM-DD`"),
        );
    }
    if doc.meta.authors.is_empty() && doc.meta.organization.is_none() {
        out.push(
            Diagnostic::warning(1, "the front matter names no author or organization")
                .with_hint("add `author:` or `organization:`"),
        );
    }
}

/// A `[^label]` left as text is a footnote reference with no definition.
fn undefined_notes(doc: &Document, out: &mut Vec<Diagnostic>) {
    walk_blocks(&doc.blocks, &mut |b| {
        if let BlockKind::Paragraph { content } | BlockKind::Heading { content, .. } = &b.kind {
            texts(content, &mut |t| {
                let mut rest = t;
                while let Some(at) = rest.find("[^") {
                    let tail = &rest[at + 2..];
                    if let Some(end) = tail
                        .find(']')
                        .filter(|&e| e > 0 && !tail[..e].contains(char::is_whitespace))
                    {
                        out.push(
                            Diagnostic::warning(
                                b.line,
                                format!("footnote [^{}] has no definition", &tail[..end]),
                            )
                            .with_hint(format!(
                                "add a line `[^{}]: the note` at the end",
                                &tail[..end]
                            )),
                        );
                    }
                    rest = tail;
                }
            });
        }
    });
}

/// Links to `#anchors` must name a heading.
fn links(doc: &Document, out: &mut Vec<Diagnostic>) {
    let mut ids: HashSet<String> = HashSet::new();
    walk_blocks(&doc.blocks, &mut |b| {
        if let BlockKind::Heading { id, .. } = &b.kind {
            ids.insert(id.clone());
        }
    });
    let mut check = |line: u32, inlines: &[Inline]| {
        for_links(inlines, &mut |url| {
            if let Some(anchor) = url.strip_prefix('#')
                && !ids.contains(anchor)
            {
                let mut d = Diagnostic::warning(
                    line,
                    format!("the link to #{anchor} leads nowhere: no heading has that id"),
                );
                if let Some(best) = ids.iter().min_by_key(|id| strsim::levenshtein(id, anchor)) {
                    d = d.with_hint(format!("did you mean #{best}?"));
                }
                out.push(d);
            }
        });
    };
    walk_blocks(&doc.blocks, &mut |b| match &b.kind {
        BlockKind::Heading { content, .. } | BlockKind::Paragraph { content } => {
            check(b.line, content)
        }
        BlockKind::Table { header, rows, .. } => header
            .iter()
            .chain(rows.iter().flatten())
            .for_each(|c| check(b.line, c)),
        _ => {}
    });
}

/// Calls `f` on the target of every link in `inlines`, at any depth.
fn for_links(inlines: &[Inline], f: &mut impl FnMut(&str)) {
    walk_inlines(inlines, &mut |i| {
        if let Inline::Link { url, .. } = i {
            f(url);
        }
    });
}

/// Calls `f` on every piece of plain text in `inlines`, at any depth.
fn texts(inlines: &[Inline], f: &mut impl FnMut(&str)) {
    walk_inlines(inlines, &mut |i| {
        if let Inline::Text(t) = i {
            f(t);
        }
    });
}
