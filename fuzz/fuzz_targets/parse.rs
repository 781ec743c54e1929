//! Any bytes, read as Markdown, plain text and JSON: parsing may fail, never panic.
#![no_main]

use briefing_fuzz::{parse, text};
use briefing_model::SourceKind;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = text(data) else { return };
    for kind in [SourceKind::Markdown, SourceKind::Plain, SourceKind::Json] {
        let _ = parse(&text, kind);
    }
});
