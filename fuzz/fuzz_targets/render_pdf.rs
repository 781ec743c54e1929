//! Any bytes, parsed, then rendered to PDF with the default theme: never a panic.
#![no_main]

use briefing_fuzz::{documents, theme};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for doc in documents(data) {
        let _ = briefing_pdf::render(&doc, &theme(), &Default::default());
    }
});
