//! What every test of the built binary shares: the workspace root, running `briefing` with a
//! fixed date and no colour, reading its stderr, and fresh temporary folders.
// Each test file uses some of these, never all.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The workspace root (where `input/` is).
pub(crate) fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs `briefing ARGS` in `dir`, dated by `SOURCE_DATE_EPOCH`, without colour.
pub(crate) fn briefing(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(args)
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", "1755302400")
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

/// What the run printed on stderr.
pub(crate) fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// An empty folder `briefing-GROUP-NAME-PID` under the system's temporary folder.
pub(crate) fn temp_dir(group: &str, name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("briefing-{group}-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
