//! `cargo xtask bench [N]`: the batch benchmark; `cargo xtask cold [RUNS]`: whole processes.
//!
//! `cold` renders the seed briefing (`input/alaska-summit.txt`) to each format in a fresh
//! `briefing` process, RUNS times, interleaved round by round with what a user would otherwise
//! run (pandoc for HTML and DOCX, typst for PDF, when installed) so both see the same load, and
//! prints the median wall time of each and the ratio. typst compiles the seed written in Typst
//! markup by `typst.rs`; without the `typst` program, its Python binding (`pip install typst`)
//! stands in, and the time to start Python and import it is printed beside.
//!
//! Generates N varied briefings the size of the seed (Markdown and plain text, from the
//! briefings in `input/`), renders them with the release `briefing` binary in all three formats
//! with 1 thread and with every core, three times each (medians), and prints documents per second, files per second and
//! peak memory. When pandoc is installed it also renders a sample with pandoc, one process per
//! file as a shell loop would, for HTML and DOCX, and prints how many times faster we are.

// A benchmark reports by printing.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod typst;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("bench") => {
            let n = args
                .get(1)
                .map(|s| s.parse())
                .transpose()
                .context("N must be a number")?
                .unwrap_or(1000);
            bench(n)
        }
        Some("cold") => {
            let runs = args
                .get(1)
                .map(|s| s.parse())
                .transpose()
                .context("RUNS must be a number")?
                .unwrap_or(60);
            cold(runs)
        }
        _ => bail!(
            "usage: cargo xtask bench [N]     (N briefings, default 1000)\n       cargo xtask cold [RUNS]  (whole processes on the seed, default 60 runs)"
        ),
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits in the workspace")
        .to_owned()
}

/// Builds the release binary and returns its path.
fn release_binary(root: &Path) -> anyhow::Result<PathBuf> {
    let status = Command::new("cargo")
        .args(["build", "--release", "-q", "-p", "briefing-cli"])
        .current_dir(root)
        .status()?;
    if !status.success() {
        bail!("building the release binary failed");
    }
    Ok(target_dir(root).join("release/briefing"))
}

/// A fresh folder for a benchmark's files, named after it and this process. It is
/// under the target folder, like a project's own `out/`, not in the system temp
/// folder: where test suites churn /tmp, ext4 without a journal (as on our CI
/// machines) skips, one by one, the inodes freed in the last one to six minutes on
/// every file it creates, which for 3,000 small files can cost more than rendering
/// them. BRIEFING_BENCH_DIR puts it elsewhere: /dev/shm to time the renderer alone.
fn bench_dir(root: &Path, name: &str) -> PathBuf {
    std::env::var_os("BRIEFING_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir(root))
        .join(format!("briefing-{name}-{}", std::process::id()))
}

/// Cargo's target folder: `CARGO_TARGET_DIR` or the workspace's `target`.
fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"))
}

/// How many times `bench` renders the batch with each thread count.
const ROUNDS: usize = 3;

fn bench(n: usize) -> anyhow::Result<()> {
    let root = root();
    let exe = release_binary(&root)?;
    let work = bench_dir(&root, "bench");
    let src = work.join("src");
    generate(&root, &src, n)?;
    println!("{n} briefings generated in {}", src.display());

    // Three rounds, each rendering with 1 thread and with every core into new folders;
    // the median of each is printed, since a shared machine's speed drifts from run to run.
    let cores = std::thread::available_parallelism().map_or(2, |c| c.get());
    let configs = [1, cores];
    let mut runs: Vec<Vec<(f64, u64)>> = vec![Vec::new(); configs.len()];
    for round in 0..ROUNDS {
        for (k, jobs) in configs.iter().enumerate() {
            let out = work.join(format!("out-{jobs}-{round}"));
            let (time, rss) = run_measured(
                Command::new(&exe)
                    .arg("render")
                    .arg(&src)
                    .arg("-o")
                    .arg(&out)
                    .args(["--quiet", "--jobs", &jobs.to_string()]),
            )?;
            runs[k].push((time.as_secs_f64(), rss));
        }
    }
    let mut medians = Vec::new();
    for (jobs, mut times) in configs.iter().zip(runs) {
        times.sort_by(|a, b| a.0.total_cmp(&b.0));
        let (secs, _) = times[times.len() / 2];
        let rss = times.iter().map(|t| t.1).max().unwrap_or(0);
        let all: Vec<String> = times.iter().map(|t| format!("{:.2}", t.0)).collect();
        println!(
            "briefing, {jobs} thread{}: {n} documents x 3 formats in {:.2} s (median of {}: {} s): {:.0} documents/s, {:.0} files/s, peak RSS {} MB",
            if *jobs == 1 { "" } else { "s" },
            secs,
            ROUNDS,
            all.join(", "),
            n as f64 / secs,
            3.0 * n as f64 / secs,
            rss / 1024
        );
        medians.push(secs);
    }
    println!(
        "speed-up from 1 to {cores} threads: {:.2}x",
        medians[0] / medians[medians.len() - 1]
    );

    // Re-running an unchanged batch with --incremental.
    let out = work.join("out-inc");
    let render_inc = || {
        run_measured(
            Command::new(&exe)
                .arg("render")
                .arg(&src)
                .arg("-o")
                .arg(&out)
                .args(["--quiet", "--incremental"]),
        )
    };
    render_inc()?;
    let (time, _) = render_inc()?;
    println!(
        "unchanged batch again with --incremental: {:.3} s",
        time.as_secs_f64()
    );

    if which("pandoc") {
        // Markdown briefings from the desk folders: pandoc reads Markdown, not our plain text.
        let mut sample = Vec::new();
        for desk in list(&src)? {
            if desk.is_dir() {
                sample.extend(
                    list(&desk)?
                        .into_iter()
                        .filter(|p| p.extension().is_some_and(|e| e == "md")),
                );
            }
        }
        sample.truncate(40);
        let per_doc = medians.last().copied().unwrap_or(1.0) / n as f64;
        for (fmt, ext) in [("html", "html"), ("docx", "docx")] {
            let start = Instant::now();
            for file in &sample {
                let out = work.join(format!("pandoc.{ext}"));
                let ok = Command::new("pandoc")
                    .arg(file)
                    .args(["--standalone", "-o"])
                    .arg(&out)
                    .args(["-t", fmt])
                    .stderr(Stdio::null())
                    .status()?
                    .success();
                if !ok {
                    bail!("pandoc failed on {}", file.display());
                }
            }
            let pandoc_per_doc = start.elapsed().as_secs_f64() / sample.len() as f64;
            println!(
                "pandoc, one process per file, {fmt}: {:.1} ms/document; briefing (all 3 formats): {:.2} ms/document: {:.0}x faster",
                pandoc_per_doc * 1000.0,
                per_doc * 1000.0,
                pandoc_per_doc / per_doc
            );
        }
    } else {
        println!("pandoc is not installed: no comparison");
    }
    std::fs::remove_dir_all(&work).ok();
    Ok(())
}

/// One contender of the cold-start comparison: a label and the command line.
struct Contender {
    label: String,
    program: PathBuf,
    args: Vec<String>,
    times: Vec<Duration>,
}

fn cold(runs: usize) -> anyhow::Result<()> {
    let root = root();
    let exe = release_binary(&root)?;
    let work = bench_dir(&root, "cold");
    std::fs::create_dir_all(&work)?;
    let seed = root.join("input/alaska-summit.txt");
    let seed_s = seed.to_string_lossy().into_owned();
    // Every run writes into a new folder of its round ("{run}" in the arguments), so
    // each contender creates one new file and replaces none, as when a user renders a
    // new briefing. Overwriting one path in a tight loop would time the file system's
    // handling of just-freed inodes instead, which differs between a rename into place
    // (ours) and a truncation (pandoc's).
    let out = |name: &str| format!("{{run}}/{name}");
    let ours = |format: &str| Contender {
        label: format!("briefing {format}"),
        program: exe.clone(),
        args: ["render", &seed_s, "-q", "-f", format, "-o", &out("ours")]
            .map(String::from)
            .to_vec(),
        times: Vec::new(),
    };
    let mut pairs: Vec<(Contender, Option<Contender>)> = Vec::new();
    let pandoc = which("pandoc");
    for (format, pandoc_args) in [
        ("html", vec!["--standalone", "-o", "pandoc.html"]),
        ("docx", vec!["-o", "pandoc.docx"]),
    ] {
        let theirs = pandoc.then(|| Contender {
            label: format!("pandoc {}", pandoc_args.join(" ")),
            program: "pandoc".into(),
            args: std::iter::once(seed_s.clone())
                .chain(pandoc_args.iter().map(|a| match a.starts_with("pandoc.") {
                    true => out(a),
                    false => a.to_string(),
                }))
                .collect(),
            times: Vec::new(),
        });
        pairs.push((ours(format), theirs));
    }
    // typst compiles the same content, written in Typst markup from our parse of it, in
    // the same fonts. Without the typst program, its Python binding (PyPI's `typst`, the
    // same compiler) stands in; starting Python and importing it is timed alone as well.
    let fonts = root
        .join("templates/briefing/fonts")
        .to_string_lossy()
        .into_owned();
    let typ = work.join("seed.typ").to_string_lossy().into_owned();
    let doc = briefing_model::parse_file(&seed, None)
        .map_err(|e| anyhow::anyhow!("parsing the seed: {e}"))?
        .value;
    std::fs::write(&typ, typst::source(&doc))?;
    let python = |label: &str, code: &str, args: &[&str]| Contender {
        label: label.into(),
        program: "python3".into(),
        args: ["-c", code]
            .iter()
            .chain(args)
            .map(|a| a.to_string())
            .collect(),
        times: Vec::new(),
    };
    let mut floor = None;
    let typst = if which("typst") {
        Some(Contender {
            label: "typst compile".into(),
            program: "typst".into(),
            args: vec![
                "compile".into(),
                "--font-path".into(),
                fonts,
                typ,
                out("typst.pdf"),
            ],
            times: Vec::new(),
        })
    } else if python_has_typst() {
        floor = Some(python("python3 -c 'import typst'", "import typst", &[]));
        Some(python(
            "typst (Python binding)",
            "import sys, typst; typst.compile(sys.argv[1], output=sys.argv[2], font_paths=[sys.argv[3]])",
            &[&typ, &out("typst.pdf"), &fonts],
        ))
    } else {
        None
    };
    pairs.push((ours("pdf"), typst));

    let run = |c: &mut Contender, round: usize| -> anyhow::Result<()> {
        let dir = work.join(format!("round-{round}"));
        std::fs::create_dir_all(&dir)?;
        let dir = dir.to_string_lossy();
        let args: Vec<String> = c.args.iter().map(|a| a.replace("{run}", &dir)).collect();
        let start = Instant::now();
        let status = Command::new(&c.program)
            .args(&args)
            .current_dir(&work)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()?;
        let took = start.elapsed();
        if !status.success() {
            bail!("{} failed", c.label);
        }
        // Three warm-up rounds fill the page cache; they are not counted.
        if round >= 3 {
            c.times.push(took);
        }
        Ok(())
    };
    for round in 0..runs + 3 {
        // Every round runs each contender once.
        for (a, b) in &mut pairs {
            run(a, round)?;
            if let Some(b) = b {
                run(b, round)?;
            }
        }
        if let Some(f) = &mut floor {
            run(f, round)?;
        }
    }
    let median = |c: &Contender| {
        let mut t = c.times.clone();
        t.sort();
        t[t.len() / 2].as_secs_f64() * 1000.0
    };
    println!("{runs} runs each, interleaved; median wall time of a whole process:");
    for (a, b) in &pairs {
        let ma = median(a);
        match b {
            Some(b) => {
                let mb = median(b);
                println!(
                    "  {:<16} {ma:7.2} ms   {:<36} {mb:7.2} ms   {:.1}x faster",
                    a.label,
                    b.label,
                    mb / ma
                );
            }
            None => println!(
                "  {:<16} {ma:7.2} ms   (nothing installed to compare with)",
                a.label
            ),
        }
    }
    if let Some(f) = &floor {
        println!(
            "  (of typst's time, {:.2} ms is starting Python and importing the module)",
            median(f)
        );
    }
    std::fs::remove_dir_all(&work).ok();
    Ok(())
}

/// Whether `python3` can import the `typst` module.
fn python_has_typst() -> bool {
    Command::new("python3")
        .args(["-c", "import typst"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Writes `n` briefings: the inputs' texts, varied so no two are alike (title, a number, order).
fn generate(root: &Path, dir: &Path, n: usize) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut sources = Vec::new();
    for p in list(&root.join("input"))? {
        let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
        if ext == "md" || ext == "txt" {
            sources.push((ext.to_owned(), std::fs::read_to_string(&p)?));
        }
    }
    if sources.is_empty() {
        bail!("no briefings in input/");
    }
    for i in 0..n {
        let (ext, text) = &sources[i % sources.len()];
        // Vary the text: a different number in every document, and a desk folder tree.
        let varied = text.replacen("the", &format!("the {}", i + 1), 1);
        let sub = dir.join(format!("desk-{}", i % 10));
        std::fs::create_dir_all(&sub)?;
        std::fs::write(sub.join(format!("brief-{i:05}.{ext}")), varied)?;
    }
    // Images referenced by the Markdown briefings.
    for d in 0..10 {
        let images = dir.join(format!("desk-{d}/images"));
        std::fs::create_dir_all(&images)?;
        for img in list(&root.join("input/images")).unwrap_or_default() {
            std::fs::copy(&img, images.join(img.file_name().expect("a file")))?;
        }
    }
    Ok(())
}

fn list(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    v.sort();
    Ok(v)
}

/// Runs a command, returning its wall time and peak resident memory in KiB (from /proc).
fn run_measured(cmd: &mut Command) -> anyhow::Result<(Duration, u64)> {
    let start = Instant::now();
    let mut child = cmd.stdout(Stdio::null()).stderr(Stdio::piped()).spawn()?;
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if let Ok(s) = std::fs::read_to_string(&status_path)
            && let Some(kb) = s.lines().find_map(|l| l.strip_prefix("VmHWM:"))
        {
            peak = peak.max(kb.trim().trim_end_matches("kB").trim().parse().unwrap_or(0));
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let elapsed = start.elapsed();
    if !status.success() {
        let mut err = String::new();
        if let Some(mut e) = child.stderr.take() {
            std::io::Read::read_to_string(&mut e, &mut err).ok();
        }
        bail!("briefing failed: {err}");
    }
    Ok((elapsed, peak))
}

fn which(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}
