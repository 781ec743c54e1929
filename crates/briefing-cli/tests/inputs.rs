//! Bad input through the built binary: each ends in a clear message naming the file, never a
//! crash; and themes chosen on the command line.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn briefing(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(args)
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", "1755302400")
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("briefing-inputs-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
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
    for name in ["briefing", "memo", "newsroom"] {
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
