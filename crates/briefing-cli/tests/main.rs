//! Tests of the built `briefing` binary, one module per concern, in one test binary so the
//! stack links once: batches, bad inputs, `--incremental`, format options, smoke tests on the
//! real inputs, and the author's workflow (check, new, watch).

mod batch;
mod common;
mod incremental;
mod inputs;
mod options;
mod smoke;
mod workflow;
