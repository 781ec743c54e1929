//! Bad input through the built binary: each ends in a clear message naming the file, never a
//! crash; and themes chosen on the command line.

use std::path::PathBuf;

use crate::common::{self, briefing, root, stderr};

fn temp_dir(name: &str) -> PathBuf {
    common::temp_dir("inputs", name)
}

/// Renders `bytes` as `name` and returns the exit code and stderr.
fn render_bytes(name: &str, bytes: &[u8], extra: &[&str]) -> (Option<i32>, String) {
    let dir = temp_dir(&name.replace('.', "-"));
    std::fs::write(dir.join(name), bytes).unwrap();
    let mut args = vec!["render", name, "-o", "out"];
    args.extend(extra);
    let o = briefing(&dir, &args);
    let err = stderr(&o);
    assert!(
        !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
        "{err}"
    );
    (o.status.code(), err)
}

#[test]
fn invalid_utf8_names_the_line_and_offset() {
    let (code, err) = render_bytes("latin1.md", b"# Title\n\nCaf\xe9 society.\n", &[]);
    assert_eq!(code, Some(1));
    assert!(err.contains("latin1.md: the file is not valid UTF-8: the first bad byte is on line 3, at byte offset 12"), "{err}");
}

#[test]
fn binary_and_empty_files_are_refused_clearly() {
    let (code, err) = render_bytes("picture.md", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", &[]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("picture.md") && (err.contains("binary") || err.contains("UTF-8")),
        "{err}"
    );
    let (code, err) = render_bytes("empty.md", b"", &[]);
    assert_eq!(code, Some(1));
    assert!(err.contains("empty.md: the source is empty"), "{err}");
}

#[test]
fn a_file_of_only_front_matter_renders_its_title_block() {
    let (code, err) = render_bytes("only.md", b"---\ntitle: Just a title\n---\n", &[]);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("front matter but no body text"), "{err}");
}

#[test]
fn oversized_inputs_need_the_flag() {
    let big = "A paragraph of words. ".repeat(60_000); // about 1.3 MB
    let text = format!("---\ntitle: Big\n---\n{big}\n");
    let (code, err) = render_bytes(
        "big.md",
        text.as_bytes(),
        &["--max-input-mib", "1", "--format", "html"],
    );
    assert_eq!(code, Some(1));
    assert!(
        err.contains("over the limit of 1 MiB") && err.contains("--max-input-mib"),
        "{err}"
    );
    let (code, err) = render_bytes(
        "big.md",
        text.as_bytes(),
        &["--max-input-mib", "2", "--format", "html"],
    );
    assert_eq!(code, Some(0), "{err}");
}

#[test]
fn a_source_that_cannot_be_read_is_named_once_by_every_command() {
    let dir = temp_dir("unreadable");
    let big = format!(
        "---\ntitle: Big\n---\n{}\n",
        "A paragraph of words. ".repeat(60_000)
    );
    std::fs::write(dir.join("big.md"), big).unwrap();
    std::fs::write(dir.join("latin1.md"), b"# Title\n\nCaf\xe9.\n").unwrap();
    std::fs::write(dir.join("notes.xyz"), "Text.\n").unwrap();
    let cases = [
        (
            "big.md",
            "error: big.md: the file is 1.3 MiB, over the limit of 1 MiB",
            Some("hint: raise the limit with --max-input-mib"),
        ),
        (
            "latin1.md",
            "error: latin1.md: the file is not valid UTF-8: the first bad byte is on line 3, at byte offset 12",
            Some("hint: save the file as UTF-8"),
        ),
        (
            "notes.xyz",
            "error: notes.xyz: cannot tell the kind of source from its extension (use .md, .txt or .json, or pass --from)",
            None,
        ),
    ];
    for command in ["check", "parse", "render"] {
        for (file, first, hint) in cases {
            let o = briefing(&dir, &[command, file, "--max-input-mib", "1"]);
            assert_eq!(o.status.code(), Some(1), "{command} {file}");
            let err = stderr(&o);
            let mut lines = err.lines();
            assert_eq!(lines.next(), Some(first), "{command} {file}: {err}");
            if let Some(hint) = hint {
                assert_eq!(lines.next(), Some(hint), "{command} {file}: {err}");
            }
        }
    }
    // Editors read the same finding as JSON: the message alone, the hint apart.
    let o = briefing(
        &dir,
        &[
            "check",
            "big.md",
            "--max-input-mib",
            "1",
            "--format",
            "json",
        ],
    );
    let found: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        found[0]["message"],
        "the file is 1.3 MiB, over the limit of 1 MiB"
    );
    assert_eq!(found[0]["hint"], "raise the limit with --max-input-mib");
    assert_eq!(found[0]["file"], "big.md");
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let (code, err) = render_bytes(
        "deep.md",
        format!("{} deep\n", ">".repeat(10_000)).as_bytes(),
        &[],
    );
    assert_eq!(code, Some(1));
    assert!(
        err.contains("deep.md:1: blocks are nested more than"),
        "{err}"
    );
}

#[test]
fn themes_are_listed_chosen_and_exported() {
    let dir = temp_dir("themes");
    let o = briefing(&dir, &["themes"]);
    let list = String::from_utf8_lossy(&o.stdout).into_owned();
    for name in ["briefing", "memo", "newsroom", "accessible"] {
        assert!(list.contains(name), "{list}");
    }
    std::fs::write(
        dir.join("b.md"),
        "---\ntitle: T\ntheme: newsroom\n---\nText.\n",
    )
    .unwrap();
    let o = briefing(&dir, &["render", "b.md", "--format", "html"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = briefing(&dir, &["theme", "export", "memo", "mine"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(dir.join("mine/theme.toml").is_file() && dir.join("mine/fonts").is_dir());
    let o = briefing(&dir, &["theme", "export", "memo", "mine"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "exporting twice must not overwrite"
    );
    // Edit the copy: a bad key is reported with file and line; a good edit is used.
    let toml = std::fs::read_to_string(dir.join("mine/theme.toml")).unwrap();
    std::fs::write(
        dir.join("mine/theme.toml"),
        toml.replace("accent = ", "acent = "),
    )
    .unwrap();
    let o = briefing(
        &dir,
        &["render", "b.md", "--theme", "mine", "--format", "html"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("theme.toml:") && stderr(&o).contains("did you mean `accent`?"),
        "{}",
        stderr(&o)
    );
    std::fs::write(
        dir.join("mine/theme.toml"),
        toml.replace("accent = \"#222222\"", "accent = \"#00594f\""),
    )
    .unwrap();
    let o = briefing(
        &dir,
        &["render", "b.md", "--theme", "mine", "--format", "html"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        std::fs::read_to_string(dir.join("out/b.html"))
            .unwrap()
            .contains("#00594f")
    );
}

/// A PNG header claiming `w` × `h` pixels.
fn png_header(w: u32, h: u32) -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    b.extend(w.to_be_bytes());
    b.extend(h.to_be_bytes());
    b.extend([8, 6, 0, 0, 0, 0, 0, 0, 0]);
    b
}

#[test]
fn images_come_only_from_the_briefings_folder_or_allowed_ones() {
    let dir = temp_dir("confine");
    std::fs::create_dir_all(dir.join("brief")).unwrap();
    std::fs::copy(
        root().join("input/images/chart.png"),
        dir.join("secret.png"),
    )
    .unwrap();
    std::fs::write(
        dir.join("brief/b.md"),
        "# Confined\n\nText.\n\n![Secret](../secret.png)\n\n![Passwords](/etc/passwd)\n\n![Remote](https://example.org/x.png)\n",
    )
    .unwrap();
    let o = briefing(&dir, &["render", "brief/b.md", "-o", "out"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(
        err.contains("brief/b.md:5: image \"../secret.png\" is outside the briefing's folder")
            && err.contains("--allow-path"),
        "{err}"
    );
    assert!(
        err.contains("brief/b.md:7: image \"/etc/passwd\" is outside"),
        "{err}"
    );
    assert!(
        err.contains("brief/b.md:9: image \"https://example.org/x.png\" is not a local file"),
        "{err}"
    );
    // Three formats notice each image; each finding is printed once.
    assert_eq!(err.matches("../secret.png").count(), 1, "{err}");
    let html = std::fs::read_to_string(dir.join("out/b.html")).unwrap();
    assert!(
        !html.contains("data:image/png"),
        "nothing outside was embedded"
    );
    assert!(
        !html.contains("example.org/x.png\""),
        "no request to another host"
    );

    let o = briefing(
        &dir,
        &["render", "brief/b.md", "-o", "allowed", "--allow-path", "."],
    );
    let err = stderr(&o);
    assert!(!err.contains("../secret.png"), "{err}");
    assert!(err.contains("/etc/passwd"), "{err}");
    let html = std::fs::read_to_string(dir.join("allowed/b.html")).unwrap();
    assert!(html.contains("data:image/png"));
}

#[test]
fn bombs_and_impostors_are_refused_without_decoding_them() {
    let dir = temp_dir("bomb");
    std::fs::write(dir.join("bomb.png"), png_header(100_000, 100_000)).unwrap();
    std::fs::write(dir.join("notes.png"), "this is text, not an image").unwrap();
    std::fs::write(
        dir.join("b.md"),
        "# Bomb\n\n![Bomb](bomb.png)\n\n![Impostor](notes.png)\n",
    )
    .unwrap();
    let o = briefing(&dir, &["render", "b.md", "-o", "out"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(
        err.contains("b.md:3: image \"bomb.png\" is 100000×100000 pixels, more than the 60 megapixels allowed"),
        "{err}"
    );
    assert!(
        err.contains("b.md:5: image \"notes.png\" is not a PNG, JPEG, GIF, WebP or SVG image"),
        "{err}"
    );
    for ext in ["pdf", "docx", "html"] {
        assert!(dir.join("out/b").with_extension(ext).exists(), "{ext}");
    }
}

#[test]
fn control_characters_are_removed_from_every_format_with_a_warning() {
    let (code, err) = render_bytes(
        "controls.md",
        b"# Controls\n\nBell \x07 here and escape \x1b[1m there.\n",
        &[],
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("controls.md:3: removed 2 control character(s) (U+0007, U+001B)"),
        "{err}"
    );
    let out = std::env::temp_dir()
        .join(format!(
            "briefing-inputs-controls-md-{}",
            std::process::id()
        ))
        .join("out/controls");
    let html = std::fs::read(out.with_extension("html")).unwrap();
    assert!(!html.iter().any(|&b| b == 0x07 || b == 0x1b));
}

#[test]
fn a_huge_word_and_a_wide_table_render_in_every_format() {
    let word = "x".repeat(100_000);
    let header = (1..=200)
        .map(|i| format!("c{i}"))
        .collect::<Vec<_>>()
        .join(" | ");
    let rule = vec!["---"; 200].join(" | ");
    let row = (1..=200)
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(" | ");
    let text = format!("# Extremes\n\n{word}\n\n| {header} |\n| {rule} |\n| {row} |\n");
    let (code, err) = render_bytes("extremes.md", text.as_bytes(), &[]);
    assert_eq!(code, Some(0), "{err}");
    let out = std::env::temp_dir()
        .join(format!(
            "briefing-inputs-extremes-md-{}",
            std::process::id()
        ))
        .join("out/extremes");
    let html = std::fs::read_to_string(out.with_extension("html")).unwrap();
    assert!(html.contains(&word), "the word survives whole in HTML");
    assert_eq!(html.matches("</th>").count(), 200);
    for ext in ["pdf", "docx"] {
        assert!(std::fs::metadata(out.with_extension(ext)).unwrap().len() > 1000);
    }
}
