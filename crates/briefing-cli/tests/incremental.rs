//! `--incremental` with the built binary: an unchanged batch is skipped whole, and every
//! option that changes what is written renders again.

use std::path::{Path, PathBuf};

use crate::common::{briefing, corpus, root, stderr};

/// What the summary line of a run says: (files written, documents unchanged or skipped).
fn summary(err: &str) -> (usize, usize) {
    let line = err
        .lines()
        .find(|l| l.contains(" written, "))
        .unwrap_or_else(|| panic!("no summary line in {err}"));
    let number_before = |word: &str| -> usize {
        let head = &line[..line
            .find(word)
            .unwrap_or_else(|| panic!("{word} in {line}"))];
        head.split_whitespace().last().unwrap().parse().unwrap()
    };
    (number_before(" file"), number_before(" unchanged"))
}

/// Renders `brief/` into `out/` with `--incremental` and `extra`; asserts success.
fn render(dir: &Path, extra: &[&str]) -> (usize, usize) {
    let mut args = vec!["render", "brief", "-o", "out", "--incremental"];
    args.extend(extra);
    let o = briefing(dir, &args);
    assert!(o.status.success(), "{}", stderr(&o));
    summary(&stderr(&o))
}

/// Two briefings, one with an image and raw HTML, in `brief/`.
fn sources(name: &str) -> PathBuf {
    let dir = crate::common::temp_dir("incremental", name);
    std::fs::create_dir_all(dir.join("brief")).unwrap();
    std::fs::copy(
        root().join("input/images/chart.png"),
        dir.join("brief/chart.png"),
    )
    .unwrap();
    std::fs::write(
        dir.join("brief/a.md"),
        "---\ntitle: A\n---\n## Chart\n\nE = mc<sup>2</sup>.\n\n![The chart](chart.png)\n",
    )
    .unwrap();
    std::fs::write(dir.join("brief/b.md"), "---\ntitle: B\n---\nText.\n").unwrap();
    dir
}

#[test]
fn an_unchanged_batch_is_skipped_whole_whatever_the_options() {
    let dir = sources("unchanged");
    let options = [
        "--theme",
        "memo",
        "--pdf-standard",
        "a-2b",
        "--allow-raw-html",
        "--html-assets",
        "out/img",
        "--allow-path",
        ".",
        "--title",
        "Same",
    ];
    assert_eq!(render(&dir, &options), (6, 0));
    assert_eq!(render(&dir, &options), (0, 2));
    // Options that do not change what is written do not render again.
    let mut more = options.to_vec();
    more.extend(["--jobs", "1", "--quiet", "--report", "report.json"]);
    assert_eq!(render(&dir, &more), (0, 2));
}

#[test]
fn each_option_that_changes_output_renders_again() {
    let dir = sources("options");
    let html = || std::fs::read_to_string(dir.join("out/a.html")).unwrap();
    let base = ["--format", "html"];
    assert_eq!(render(&dir, &base), (2, 0));
    let plain = html();
    let changes: [(&str, &[&str]); 7] = [
        ("theme", &["--theme", "memo"]),
        ("format set", &["--format", "pdf"]),
        ("pdf standard", &["--pdf-standard", "a-2b"]),
        ("allow-raw-html", &["--allow-raw-html"]),
        ("html-assets", &["--html-assets", "out/img"]),
        ("allow-path", &["--allow-path", "."]),
        ("title", &["--title", "Another"]),
    ];
    for (what, extra) in changes {
        let mut args = base.to_vec();
        args.extend(extra);
        let formats = if what == "format set" { 2 } else { 1 };
        assert_eq!(render(&dir, &args), (2 * formats, 0), "{what}");
        assert_eq!(render(&dir, &args), (0, 2), "{what}, again");
        // What the option changes is in the written page.
        let page = html();
        match what {
            "theme" | "allow-raw-html" | "html-assets" | "title" => {
                assert_ne!(page, plain, "{what} left the page as it was")
            }
            _ => {}
        }
        assert_eq!(render(&dir, &base), (2, 0), "back from {what}");
        assert_eq!(html(), plain, "back from {what}");
    }
    assert!(dir.join("out/a.pdf").is_file());
}

#[test]
fn a_changed_source_or_a_missing_output_renders_again() {
    let dir = corpus("inc");
    let run = || {
        let o = briefing(
            &dir,
            &[
                "render",
                "briefs",
                "-o",
                "out",
                "--incremental",
                "--format",
                "html",
            ],
        );
        assert!(o.status.success(), "{}", stderr(&o));
        summary(&stderr(&o))
    };
    assert_eq!(run(), (4, 0));
    assert_eq!(run(), (0, 4));
    // Touching one source re-renders that one only; a deleted output is made again.
    std::fs::write(
        dir.join("briefs/d.md"),
        "---\ntitle: Changed\n---\nNew text.\n",
    )
    .unwrap();
    std::fs::remove_file(dir.join("out/europe/a.html")).unwrap();
    assert_eq!(run(), (2, 2));
    assert!(
        std::fs::read_to_string(dir.join("out/d.html"))
            .unwrap()
            .contains("Changed")
    );
}

#[test]
fn a_changed_image_renders_its_document_again() {
    let dir = sources("image");
    assert_eq!(render(&dir, &["--format", "html"]), (2, 0));
    let mut png = std::fs::read(dir.join("brief/chart.png")).unwrap();
    png.extend(b"changed");
    std::fs::write(dir.join("brief/chart.png"), png).unwrap();
    assert_eq!(render(&dir, &["--format", "html"]), (1, 1));
}

#[test]
fn a_missing_image_that_appears_renders_its_document_again() {
    let dir = sources("appears");
    std::fs::rename(dir.join("brief/chart.png"), dir.join("chart.png")).unwrap();
    assert_eq!(render(&dir, &["--format", "html"]), (2, 0));
    assert_eq!(render(&dir, &["--format", "html"]), (0, 2));
    std::fs::rename(dir.join("chart.png"), dir.join("brief/chart.png")).unwrap();
    assert_eq!(render(&dir, &["--format", "html"]), (1, 1));
    let page = std::fs::read_to_string(dir.join("out/a.html")).unwrap();
    assert!(
        page.contains("data:image/png"),
        "the image is in the page now"
    );
}
