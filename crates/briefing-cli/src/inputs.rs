//! Expanding the command line's inputs (files, folders, globs) into documents to render,
//! each with the place its outputs go under the output folder.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use briefing_model::SourceKind;

/// One source to render and where its outputs go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Input {
    /// The source file.
    pub(crate) path: PathBuf,
    /// The outputs' path under the output folder, without extension: `a/b` for `DIR/a/b.md`.
    pub(crate) rel: PathBuf,
}

impl Input {
    /// The folder the input was found in: the folder given on the command line for a file
    /// found inside it, else the file's own folder. Its whole tree may hold the images.
    pub(crate) fn root(&self) -> &Path {
        self.path
            .ancestors()
            .nth(self.rel.components().count())
            .unwrap_or(Path::new(""))
    }
}

/// Expands files, folders (recursively: .md, .markdown, .txt, .json) and glob patterns.
///
/// A folder's tree is mirrored under the output folder; a file lands at its top. Files and
/// folders whose names start with `.` are skipped, and so is `skip` (the output folder), so a
/// render of `.` never reads its own outputs. Fails when an input is missing, a pattern matches
/// nothing, or two inputs would write the same outputs.
pub(crate) fn expand(args: &[PathBuf], skip: &Path) -> Result<Vec<Input>, String> {
    let mut out = Vec::new();
    for arg in args {
        if arg.is_dir() {
            let before = out.len();
            walk(arg, skip, &mut out)?;
            if out.len() == before {
                return Err(format!(
                    "{}: no .md, .markdown, .txt or .json files in this folder",
                    arg.display()
                ));
            }
        } else if arg.is_file() {
            let stem = arg
                .file_stem()
                .ok_or_else(|| format!("{}: not a file name", arg.display()))?;
            out.push(Input {
                path: arg.clone(),
                rel: PathBuf::from(stem),
            });
        } else if let Some(pattern) = arg.to_str().filter(|s| s.contains(['*', '?', '['])) {
            let base = glob_base(pattern);
            let paths =
                glob::glob(pattern).map_err(|e| format!("{pattern}: not a valid pattern: {e}"))?;
            let before = out.len();
            for entry in paths {
                let path = entry.map_err(|e| format!("{pattern}: {e}"))?;
                if path.is_file() && SourceKind::from_path(&path).is_some() {
                    let rel = path.strip_prefix(&base).unwrap_or(&path).with_extension("");
                    out.push(Input { path, rel });
                }
            }
            if out.len() == before {
                return Err(format!("{pattern}: the pattern matches no briefing"));
            }
        } else {
            return Err(format!("{}: no such file or folder", arg.display()));
        }
    }
    // The same file named twice is rendered once.
    let mut seen = std::collections::HashSet::new();
    out.retain(|i| seen.insert(i.path.canonicalize().unwrap_or_else(|_| i.path.clone())));
    check_collisions(&out)?;
    Ok(out)
}

fn walk(dir: &Path, skip: &Path, out: &mut Vec<Input>) -> Result<(), String> {
    let skip = skip.canonicalize().ok();
    let walker = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let hidden =
                e.depth() > 0 && e.file_name().to_str().is_some_and(|n| n.starts_with('.'));
            let is_skip = skip.is_some() && e.path().canonicalize().ok() == skip;
            !hidden && !is_skip
        });
    for entry in walker {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        let path = entry.path();
        if entry.file_type().is_file() && SourceKind::from_path(path).is_some() {
            let rel = path.strip_prefix(dir).unwrap_or(path).with_extension("");
            out.push(Input {
                path: path.to_owned(),
                rel,
            });
        }
    }
    Ok(())
}

/// The folder a pattern's matches are relative to: its components before the first wildcard.
fn glob_base(pattern: &str) -> PathBuf {
    let mut base = PathBuf::new();
    for c in Path::new(pattern).components() {
        match c {
            Component::Normal(s) if s.to_str().is_some_and(|s| s.contains(['*', '?', '['])) => {
                break;
            }
            other => base.push(other),
        }
    }
    base
}

fn check_collisions(inputs: &[Input]) -> Result<(), String> {
    let mut by_rel: BTreeMap<&Path, &Path> = BTreeMap::new();
    for i in inputs {
        if let Some(first) = by_rel.insert(&i.rel, &i.path) {
            return Err(format!(
                "{} and {} would both write {}.*; rename one, or render them into different folders with -o",
                first.display(),
                i.path.display(),
                i.rel.display()
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_base_stops_at_the_first_wildcard() {
        assert_eq!(glob_base("input/**/*.md"), PathBuf::from("input"));
        assert_eq!(glob_base("*.md"), PathBuf::new());
        assert_eq!(glob_base("a/b/c?.txt"), PathBuf::from("a/b"));
    }

    #[test]
    fn collisions_are_found() {
        let a = Input {
            path: "x/a.md".into(),
            rel: "a".into(),
        };
        let b = Input {
            path: "y/a.txt".into(),
            rel: "a".into(),
        };
        assert!(
            check_collisions(&[a.clone(), b])
                .unwrap_err()
                .contains("would both write")
        );
        assert!(check_collisions(&[a]).is_ok());
    }
}
