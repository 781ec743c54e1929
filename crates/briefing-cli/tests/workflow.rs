//! The author's workflow on the built binary: check, new, watch, completions, man, help.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{self, briefing, root};

fn temp_dir(name: &str) -> PathBuf {
    common::temp_dir("flow", name)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn check_passes_the_inputs_and_writes_nothing() {
    let o = briefing(
        &root(),
        &[
            "check",
            "input/energy-security.md",
            "input/alaska-summit.md",
        ],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        text(&o.stderr).contains("checked 2 documents: 0 errors"),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn check_reports_problems_with_lines_and_json() {
    let dir = temp_dir("check");
    std::fs::write(
        dir.join("draft.md"),
        "---\ntitle: Draft\nautor: Me\n---\n## Intro\n\nSee [below](#outlok) and ![map](missing.png).\n\n## Outlook\n\nText.[^gone]\n",
    )
    .unwrap();
    let o = briefing(&dir, &["check", "draft.md"]);
    // Warnings only: exit 0, unless they are denied.
    assert!(o.status.success(), "{}", text(&o.stderr));
    let err = text(&o.stderr);
    assert!(
        err.contains("warning: draft.md:3: unknown front-matter key \"autor\""),
        "{err}"
    );
    assert!(
        err.contains("draft.md:7: the link to #outlok leads nowhere"),
        "{err}"
    );
    assert!(err.contains("hint: did you mean #outlook?"), "{err}");
    assert!(err.contains("the front matter has no date"), "{err}");
    assert_eq!(
        err.matches("missing.png").count(),
        1,
        "one finding per missing image: {err}"
    );
    assert!(
        err.contains("draft.md:11: footnote [^gone] has no definition"),
        "{err}"
    );
    let o = briefing(
        &dir,
        &["check", "draft.md", "--deny-warnings", "--format", "json"],
    );
    assert_eq!(o.status.code(), Some(1));
    let found: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let first = &found.as_array().unwrap()[0];
    assert_eq!(first["severity"], "warning");
    assert_eq!(first["file"], "draft.md");
    assert!(first["line"].as_u64().is_some());
    assert!(
        std::fs::read_dir(&dir).unwrap().count() == 1,
        "check wrote files"
    );
}

#[test]
fn new_writes_a_briefing_that_renders_as_is() {
    let dir = temp_dir("new");
    let o = briefing(&dir, &["new", "weekly-brief"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let src = std::fs::read_to_string(dir.join("weekly-brief.md")).unwrap();
    assert!(
        src.contains("title: Weekly Brief") && src.contains("date: 2025-08-16"),
        "{src}"
    );
    let o = briefing(&dir, &["check", "weekly-brief.md", "--deny-warnings"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let o = briefing(&dir, &["render", "weekly-brief.md", "-q"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(dir.join("out/weekly-brief.pdf").is_file());
    // It never overwrites.
    let o = briefing(&dir, &["new", "weekly-brief.md"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("already exists"));
}

#[test]
fn watch_renders_again_after_a_save() {
    let dir = temp_dir("watch");
    let src = dir.join("live.md");
    std::fs::write(&src, "---\ntitle: First\n---\nVersion one.\n").unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(["render", "live.md", "--format", "html", "--watch", "-q"])
        .current_dir(&dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let out = dir.join("out/live.html");
    let wait_for = |needle: &str| {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20) {
            if std::fs::read_to_string(&out).is_ok_and(|s| s.contains(needle)) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        false
    };
    let first = wait_for("Version one");
    // Give the watcher a moment to start after the first render, then save a new version.
    std::thread::sleep(Duration::from_millis(300));
    std::fs::write(&src, "---\ntitle: First\n---\nVersion two.\n").unwrap();
    let second = wait_for("Version two");
    child.kill().ok();
    child.wait().ok();
    assert!(first, "the first render never appeared");
    assert!(second, "the change was not rendered within 20 s");
}

#[test]
fn completions_man_help_and_version() {
    let dir = root();
    for shell in ["bash", "zsh", "fish"] {
        let o = briefing(&dir, &["completions", shell]);
        assert!(o.status.success());
        assert!(text(&o.stdout).contains("render"), "{shell}");
    }
    let o = briefing(&dir, &["man"]);
    assert!(
        text(&o.stdout).starts_with(".ie") || text(&o.stdout).contains(".TH briefing"),
        "{}",
        text(&o.stdout)
    );
    let o = briefing(&dir, &["render", "--help"]);
    assert!(text(&o.stdout).contains("Examples:") && text(&o.stdout).contains("--incremental"));
    let o = briefing(&dir, &["--version"]);
    assert_eq!(
        text(&o.stdout).trim(),
        format!("briefing {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn no_color_means_plain_text() {
    let o = briefing(&root(), &["parse", "missing-file.md"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!text(&o.stderr).contains('\u{1b}'), "{:?}", text(&o.stderr));
}
