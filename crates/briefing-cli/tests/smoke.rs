//! Smoke tests: the built `briefing` binary on real inputs.

use std::path::PathBuf;
use std::process::Output;

use crate::common::{self, root, stderr};

fn temp_dir(name: &str) -> PathBuf {
    common::temp_dir("smoke", name)
}

/// Runs `briefing ARGS` in the workspace root.
fn briefing(args: &[&str]) -> Output {
    common::briefing(&root(), args)
}

#[test]
fn renders_the_seed_in_all_three_formats() {
    let dir = temp_dir("seed");
    let o = briefing(&[
        "render",
        "input/alaska-summit.txt",
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    for ext in ["pdf", "docx", "html"] {
        let bytes = std::fs::read(dir.join(format!("alaska-summit.{ext}"))).unwrap();
        let magic: &[u8] = match ext {
            "pdf" => b"%PDF-",
            "docx" => b"PK\x03\x04",
            _ => b"<!DOCTYPE html>",
        };
        assert!(
            bytes.starts_with(magic),
            "{ext} starts with {:?}",
            &bytes[..8]
        );
    }
    assert!(
        stderr(&o).contains("1 document, 3 files written, 0 unchanged or skipped, 0 failed"),
        "{}",
        stderr(&o)
    );
    // No temporary files are left behind.
    let names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
}

#[test]
fn format_subset_and_several_inputs() {
    let dir = temp_dir("subset");
    let o = briefing(&[
        "render",
        "input/energy-security.md",
        "input/g20-climate-deal.txt",
        "-o",
        dir.to_str().unwrap(),
        "--format",
        "pdf,html",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "energy-security.html",
            "energy-security.pdf",
            "g20-climate-deal.html",
            "g20-climate-deal.pdf"
        ]
    );
}

#[test]
fn renders_are_byte_identical() {
    let (a, b) = (temp_dir("det-a"), temp_dir("det-b"));
    for dir in [&a, &b] {
        let o = briefing(&[
            "render",
            "input/arctic-shipping.md",
            "-o",
            dir.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    for ext in ["pdf", "docx", "html"] {
        let name = format!("arctic-shipping.{ext}");
        assert!(
            std::fs::read(a.join(&name)).unwrap() == std::fs::read(b.join(&name)).unwrap(),
            "{name} differs"
        );
    }
}

#[test]
fn colliding_outputs_are_refused_before_writing() {
    let dir = temp_dir("collide");
    let o = briefing(&[
        "render",
        "input/alaska-summit.md",
        "input/alaska-summit.txt",
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("would both write"), "{}", stderr(&o));
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
}

#[test]
fn bad_front_matter_names_file_and_line() {
    let dir = temp_dir("bad");
    let src = dir.join("bad.md");
    std::fs::write(
        &src,
        "---\ntitle: Fine\nautor: Someone\ndate: next week\n---\nBody.\n",
    )
    .unwrap();
    let o = briefing(&[
        "render",
        src.to_str().unwrap(),
        "-o",
        dir.join("out").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("bad.md:4: `date` must be a date"), "{err}");
    assert!(err.contains("1 failed"), "{err}");

    std::fs::write(&src, "---\ntitle: Fine\nautor: Someone\n---\nBody.\n").unwrap();
    let o = briefing(&[
        "render",
        src.to_str().unwrap(),
        "-o",
        dir.join("out").to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("warning: ") && err.contains("bad.md:3: unknown front-matter key \"autor\""),
        "{err}"
    );
    assert!(err.contains("hint: did you mean \"author\"?"), "{err}");
}

#[test]
fn parse_prints_the_model_as_json() {
    let o = briefing(&["parse", "input/alaska-summit.txt", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["meta"]["title"], "Alaska Summit");
    assert_eq!(json["meta"]["date"], "2025-08-16");
    let headings = json["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["type"] == "heading")
        .count();
    assert_eq!(headings, 6);

    // The JSON is itself a source.
    let dir = temp_dir("json");
    let model = dir.join("seed.json");
    std::fs::write(&model, &o.stdout).unwrap();
    let again = briefing(&["parse", model.to_str().unwrap()]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(again.stdout, o.stdout);
}

#[test]
fn usage_errors_exit_with_two() {
    let o = briefing(&["render"]);
    assert_eq!(o.status.code(), Some(2));
    let o = briefing(&["render", "input/alaska-summit.txt", "--format", "odt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("possible values: pdf, docx, html"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn title_flag_wins() {
    let o = briefing(&[
        "parse",
        "input/alaska-summit.txt",
        "--title",
        "Alaska: the summit",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["meta"]["title"], "Alaska: the summit");
    assert!(
        stderr(&o).contains("the title \"Alaska: the summit\" comes from --title"),
        "{}",
        stderr(&o)
    );
    // A title line in the source gives way too, and the note says what was replaced.
    let o = briefing(&[
        "parse",
        "tests/cases/plain-shortlines/input.txt",
        "--title",
        "Strike",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["meta"]["title"], "Strike");
    assert!(
        stderr(&o).contains("in place of \"Rotterdam Dockworkers"),
        "{}",
        stderr(&o)
    );
}
