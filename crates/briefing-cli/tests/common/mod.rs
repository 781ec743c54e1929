//! What every test of the built binary shares: the workspace root, running `briefing` with a
//! fixed date and no colour, reading its stderr, fresh temporary folders and a small tree of
//! briefings.

use std::collections::BTreeSet;
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

/// A folder with a small tree of briefings: two desks, Markdown and plain text.
pub(crate) fn corpus(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("briefing-batch-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let seed = std::fs::read_to_string(root().join("input/alaska-summit.txt")).unwrap();
    for (i, rel) in [
        "briefs/europe/a.txt",
        "briefs/europe/b.md",
        "briefs/asia/c.txt",
        "briefs/d.md",
    ]
    .iter()
    .enumerate()
    {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let text = if rel.ends_with(".md") {
            format!(
                "---\ntitle: Brief {i}\ndate: 2025-08-1{i}\n---\n## Section\n\nParagraph number {i}.\n"
            )
        } else {
            seed.replacen("The world", &format!("The world ({i})"), 1)
        };
        std::fs::write(path, text).unwrap();
    }
    std::fs::write(dir.join("briefs/.hidden.md"), "# Hidden\n").unwrap();
    std::fs::write(dir.join("briefs/notes.csv"), "not,a,briefing\n").unwrap();
    dir
}

/// The files under `dir`, as paths relative to it.
pub(crate) fn files_under(dir: &Path) -> BTreeSet<String> {
    walk(dir)
        .into_iter()
        .map(|p| p.strip_prefix(dir).unwrap().to_string_lossy().into_owned())
        .collect()
}

/// Every file under `dir`.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p))
        } else {
            out.push(p)
        }
    }
    out
}
