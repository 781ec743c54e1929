//! Batch rendering with the built binary: folders, globs, reports, shards, isolation of bad
//! documents, clean-up after a killed run.

use std::collections::BTreeSet;

use crate::common::{briefing, corpus, files_under, stderr};

#[test]
fn a_folder_is_rendered_recursively_into_a_mirrored_tree() {
    let dir = corpus("tree");
    let o = briefing(&dir, &["render", "briefs", "-o", "out", "--format", "html"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let got = files_under(&dir.join("out"));
    let want: BTreeSet<String> = ["asia/c.html", "d.html", "europe/a.html", "europe/b.html"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(got, want);
    assert!(
        stderr(&o).contains("4 documents, 4 files written"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_glob_is_expanded_by_the_tool() {
    let dir = corpus("glob");
    let o = briefing(
        &dir,
        &["render", "briefs/**/*.txt", "-o", "out", "--format", "html"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let want: BTreeSet<String> = ["asia/c.html", "europe/a.html"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(files_under(&dir.join("out")), want);
    let o = briefing(&dir, &["render", "briefs/*.nothing", "-o", "out"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("matches no briefing"), "{}", stderr(&o));
}

#[test]
fn one_bad_document_does_not_stop_the_others_and_the_report_says_so() {
    let dir = corpus("bad");
    std::fs::write(
        dir.join("briefs/europe/broken.md"),
        "---\ntitle: [1, 2]\n---\nBody\n",
    )
    .unwrap();
    let o = briefing(
        &dir,
        &["render", "briefs", "-o", "out", "--report", "report.json"],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("broken.md:2: `title` must be text, found a list"),
        "{err}"
    );
    assert!(
        err.contains("5 documents, 12 files written, 0 unchanged or skipped, 1 failed"),
        "{err}"
    );

    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("report.json")).unwrap()).unwrap();
    let docs = report["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 5);
    let broken = docs
        .iter()
        .find(|d| d["input"].as_str().unwrap().ends_with("broken.md"))
        .unwrap();
    assert_eq!(broken["status"], "failed");
    assert_eq!(broken["diagnostics"][0]["line"], 2);
    let ok = docs
        .iter()
        .find(|d| d["input"].as_str().unwrap().ends_with("d.md"))
        .unwrap();
    assert_eq!(ok["status"], "ok");
    let pdf = ok["outputs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["format"] == "pdf")
        .unwrap();
    assert_eq!(pdf["pages"], 1);
    assert_eq!(pdf["sha256"].as_str().unwrap().len(), 64);
    let written = std::fs::read(dir.join("out/d.pdf")).unwrap();
    assert_eq!(pdf["bytes"], written.len());
}

#[test]
fn fail_fast_and_deny_warnings() {
    let dir = corpus("strict");
    std::fs::write(
        dir.join("briefs/asia/a-warn.md"),
        "---\ntitle: X\nautor: Y\n---\nBody\n",
    )
    .unwrap();
    let o = briefing(
        &dir,
        &[
            "render",
            "briefs/asia/a-warn.md",
            "-o",
            "out",
            "--deny-warnings",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("warnings are denied"), "{}", stderr(&o));
    assert!(!dir.join("out/a-warn.pdf").exists());

    let o = briefing(
        &dir,
        &[
            "render",
            "briefs",
            "-o",
            "out2",
            "--deny-warnings",
            "--fail-fast",
            "--jobs",
            "1",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    // With one worker, the four documents after the failure (in input order) are not started.
    assert!(
        stderr(&o).contains("4 unchanged or skipped, 1 failed"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn shards_split_the_batch_without_overlap() {
    let dir = corpus("shard");
    let mut seen = BTreeSet::new();
    let mut total = 0;
    for k in 0..3 {
        let out = format!("out{k}");
        let o = briefing(
            &dir,
            &[
                "render",
                "briefs",
                "-o",
                &out,
                "--format",
                "html",
                "--shard",
                &format!("{k}/3"),
            ],
        );
        assert!(o.status.success(), "{}", stderr(&o));
        let files = if dir.join(&out).exists() {
            files_under(&dir.join(&out))
        } else {
            BTreeSet::new()
        };
        total += files.len();
        seen.extend(files);
    }
    assert_eq!(total, 4, "every input exactly once");
    assert_eq!(seen.len(), 4);
    let o = briefing(&dir, &["render", "briefs", "--shard", "3/3"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn leftovers_of_a_killed_run_are_cleaned_up_and_a_running_ones_kept() {
    let dir = corpus("killed");
    std::fs::create_dir_all(dir.join("out")).unwrap();
    // A temporary file of a process that no longer runs (pid 0 never names a user process),
    // and one of a process that does (this test's), whose write count names no process.
    std::fs::write(dir.join("out/.d.pdf.0.0.tmp"), b"%PDF-half").unwrap();
    let live = format!(".e.pdf.{}.999999999.tmp", std::process::id());
    std::fs::write(dir.join("out").join(&live), b"%PDF-being-written").unwrap();
    let o = briefing(
        &dir,
        &["render", "briefs/d.md", "-o", "out", "--format", "html"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        files_under(&dir.join("out")),
        BTreeSet::from(["d.html".to_string(), live])
    );
}
