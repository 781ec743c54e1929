//! Every example of the CommonMark spec (`tests/corpus/commonmark/spec.txt`) parses and
//! renders in each format without a panic, and each output opens again.
//!
//! The spec's expected HTML is not compared: `briefing` is not a CommonMark-to-HTML
//! converter, and its model drops what a briefing cannot hold. These tests are about
//! robustness on the strangest valid Markdown there is.

use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::support::{Format, panic_message, render, reopen};
use briefing_model::{ParseOptions, SourceKind};

/// The number of examples in the committed spec (version 0.31.2).
const EXAMPLES: usize = 655;

/// One example of the spec.
struct Example {
    /// Its number, counted from 1 as the spec's HTML edition numbers them.
    number: usize,
    /// The heading of the section it is in.
    section: String,
    /// Its Markdown, with `→` turned back into a tab.
    markdown: String,
}

/// The examples of `spec`: the text between a line of 32 backticks plus ` example` and a
/// line holding only `.`.
fn examples(spec: &str) -> Vec<Example> {
    let fence = "`".repeat(32);
    let mut out = Vec::new();
    let mut section = String::new();
    let mut lines = spec.lines();
    while let Some(line) = lines.next() {
        if let Some(heading) = line.strip_prefix('#') {
            section = heading.trim_start_matches('#').trim().to_owned();
            continue;
        }
        let Some(info) = line.strip_prefix(&fence) else {
            continue;
        };
        if !info.trim_start().starts_with("example") {
            continue;
        }
        let mut markdown = String::new();
        for line in lines.by_ref().take_while(|l| *l != ".") {
            markdown.push_str(line);
            markdown.push('\n');
        }
        // Skip the expected HTML up to the closing fence.
        for line in lines.by_ref() {
            if line == fence {
                break;
            }
        }
        out.push(Example {
            number: out.len() + 1,
            section: section.clone(),
            markdown: markdown.replace('→', "\t"),
        });
    }
    out
}

fn spec_examples() -> Vec<Example> {
    let path = briefing_tests::root().join("tests/corpus/commonmark/spec.txt");
    let spec = std::fs::read_to_string(&path).expect("tests/corpus/commonmark/spec.txt is there");
    examples(&spec)
}

/// What went wrong with one example in `format`, if anything.
fn check(example: &Example, format: Format) -> Option<String> {
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let parsed =
            briefing_model::parse(&example.markdown, &ParseOptions::new(SourceKind::Markdown));
        let doc = match parsed {
            Ok(w) => w.value,
            // Only a blank source, or one that opens with a front matter fence (a briefing's
            // extension to CommonMark, with its own errors), may be refused.
            Err(_) if refusable(&example.markdown) => return Ok(()),
            Err(e) => return Err(format!("does not parse: {e}")),
        };
        let bytes = render(format, &doc).map_err(|e| format!("does not render: {e}"))?;
        reopen(format, &bytes).map_err(|e| format!("does not open again: {e}"))
    }));
    let problem = match outcome {
        Ok(Ok(())) => return None,
        Ok(Err(problem)) => problem,
        Err(payload) => format!("panics: {}", panic_message(payload.as_ref())),
    };
    Some(format!(
        "example {} ({}): {format:?} {problem}\n  source: {:?}",
        example.number, example.section, example.markdown
    ))
}

/// Whether a parse error is a fair answer to `markdown`.
fn refusable(markdown: &str) -> bool {
    markdown.trim().is_empty() || markdown.starts_with("---\n") || markdown.starts_with("+++\n")
}

fn every_example_in(format: Format) {
    let examples = spec_examples();
    let failures: Vec<String> = examples.iter().filter_map(|e| check(e, format)).collect();
    assert!(
        failures.is_empty(),
        "{} of {} CommonMark examples fail in {format:?}:\n{}",
        failures.len(),
        examples.len(),
        failures.join("\n")
    );
}

#[test]
fn the_spec_yields_every_example_with_its_section() {
    let examples = spec_examples();
    assert_eq!(examples.len(), EXAMPLES);
    assert_eq!(examples[0].section, "Tabs");
    assert_eq!(examples[0].markdown, "\tfoo\tbaz\t\tbim\n");
    let last = examples.last().expect("examples");
    assert_eq!(last.number, EXAMPLES);
    assert!(
        examples.iter().all(|e| !e.markdown.contains('→')),
        "tabs are restored"
    );
}

#[test]
fn every_commonmark_example_renders_to_pdf_that_opens() {
    every_example_in(Format::Pdf);
}

#[test]
fn every_commonmark_example_renders_to_docx_that_opens() {
    every_example_in(Format::Docx);
}

#[test]
fn every_commonmark_example_renders_to_html_that_opens() {
    every_example_in(Format::Html);
}
