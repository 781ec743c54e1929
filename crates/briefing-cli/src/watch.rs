//! `briefing render --watch`: render, then render again whatever changes, until interrupted.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::Context;
use notify::{EventKind, RecursiveMode, Watcher};

use crate::args::RenderArgs;
use crate::inputs::{self, Input};

/// How long to wait for more events after one arrives: editors save in several steps.
const SETTLE: Duration = Duration::from_millis(60);

/// Renders everything once, then each changed briefing again (all of them when an image or
/// other referenced file changes). Errors are printed and watching goes on.
pub(crate) fn run(args: &RenderArgs) -> anyhow::Result<bool> {
    let mut all = inputs::expand(&args.inputs, &args.out_dir).map_err(anyhow::Error::msg)?;
    crate::batch::render_all(args, all.clone(), Instant::now())?;

    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        // Reads (ours included: rendering opens the source) are not changes.
        if let Ok(event) = event
            && matches!(
                event.kind,
                EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
            )
        {
            for path in event.paths {
                let _ = tx.send(path);
            }
        }
    })
    .context("starting the file watcher")?;
    for arg in &args.inputs {
        // A file is watched through its folder: editors replace files rather than write them.
        let (target, mode) = if arg.is_dir() {
            (arg.clone(), RecursiveMode::Recursive)
        } else {
            let parent = arg
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            (parent.to_owned(), RecursiveMode::Recursive)
        };
        // Absolute, so event paths compare with the (absolute) output folder.
        let target = target
            .canonicalize()
            .with_context(|| format!("watching {}", target.display()))?;
        watcher
            .watch(&target, mode)
            .with_context(|| format!("watching {}", target.display()))?;
    }
    // A theme folder is watched too: editing it renders everything again.
    if let Some(dir) = args.theme.as_deref().map(Path::new).filter(|p| p.is_dir()) {
        let dir = dir
            .canonicalize()
            .with_context(|| format!("watching {}", dir.display()))?;
        watcher
            .watch(&dir, RecursiveMode::Recursive)
            .with_context(|| format!("watching {}", dir.display()))?;
    }
    eprintln!("watching for changes; press Ctrl-C to stop");
    let out_dir = args
        .out_dir
        .canonicalize()
        .unwrap_or_else(|_| args.out_dir.clone());
    loop {
        let Ok(first) = rx.recv() else {
            return Ok(true);
        };
        let mut changed = BTreeSet::from([first]);
        while let Ok(p) = rx.recv_timeout(SETTLE) {
            changed.insert(p);
        }
        // Our own outputs (and their temporary files) are not changes to render.
        changed.retain(|p| !p.starts_with(&out_dir) && !is_hidden(p));
        if changed.is_empty() {
            continue;
        }
        // New files in watched folders join the batch.
        if let Ok(now) = inputs::expand(&args.inputs, &args.out_dir) {
            all = now;
        }
        let todo = to_render(&all, &changed);
        if !todo.is_empty() {
            let _ = crate::batch::render_all(args, todo, Instant::now())
                .map_err(|e| eprintln!("error: {e:#}"));
        }
    }
}

fn is_hidden(p: &Path) -> bool {
    p.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.') || n.ends_with('~'))
}

/// The inputs to render again: the changed sources, or all of them when something else changed.
fn to_render(all: &[Input], changed: &BTreeSet<PathBuf>) -> Vec<Input> {
    let canon = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_owned());
    let changed: BTreeSet<PathBuf> = changed.iter().map(|p| canon(p)).collect();
    let sources: Vec<Input> = all
        .iter()
        .filter(|i| changed.contains(&canon(&i.path)))
        .cloned()
        .collect();
    let other = changed
        .iter()
        .any(|p| !all.iter().any(|i| canon(&i.path) == *p) && p.is_file());
    if other { all.to_vec() } else { sources }
}
