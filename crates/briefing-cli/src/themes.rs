//! Choosing and loading themes for a batch, listing and exporting the built-in ones.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use briefing_model::{Diagnostic, Theme};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Where a document's theme came from, as the `--incremental` manifest records it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct ThemeSource {
    /// The theme folder, for themes that are folders.
    pub(crate) folder: Option<PathBuf>,
    /// A built-in's name, or the hash of every file in the folder.
    pub(crate) fingerprint: String,
}

/// A theme and where it came from, or why it could not be loaded.
type Loaded = Result<(Arc<Theme>, ThemeSource), String>;

/// Themes loaded during one run, each once, shared by every document that uses it.
#[derive(Default)]
pub(crate) struct Themes {
    loaded: Mutex<HashMap<String, Loaded>>,
    fingerprints: Mutex<HashMap<PathBuf, String>>,
}

impl Themes {
    /// The theme for a document: `--theme` if given, else the front matter's `theme:`, else the
    /// default. A name that is an existing folder (relative to the working folder for `--theme`,
    /// to the source's folder for front matter) is a theme folder; otherwise a built-in name.
    /// Returns the theme and a fingerprint of everything it was made from.
    pub(crate) fn for_document(
        &self,
        flag: Option<&str>,
        front_matter: Option<&str>,
        source_dir: &Path,
    ) -> Result<(Arc<Theme>, ThemeSource), Diagnostic> {
        let key = match (flag, front_matter) {
            (Some(f), _) => f.to_owned(),
            (None, Some(name)) if source_dir.join(name).is_dir() => {
                source_dir.join(name).to_string_lossy().into_owned()
            }
            (None, Some(name)) => name.to_owned(),
            // The default is the built-in theme even when a folder of that name is at hand.
            (None, None) => String::new(),
        };
        let mut loaded = self
            .loaded
            .lock()
            .expect("no thread panics while holding the theme cache");
        loaded
            .entry(key.clone())
            .or_insert_with(|| match key.as_str() {
                "" => builtin(briefing_model::BUILTIN_THEMES[0]),
                _ => load(&key),
            })
            .clone()
            .map_err(|message| Diagnostic::error(0, message))
    }

    /// The current hash of a theme folder's files, computed once per run.
    pub(crate) fn fingerprint(&self, dir: &Path) -> String {
        let mut known = self
            .fingerprints
            .lock()
            .expect("no thread panics while holding the cache");
        known
            .entry(dir.to_owned())
            .or_insert_with(|| folder_fingerprint(dir))
            .clone()
    }
}

fn builtin(name: &str) -> Loaded {
    let theme = briefing_model::builtin(name).map_err(|e| e.to_string())?;
    let source = ThemeSource {
        folder: None,
        fingerprint: name.to_owned(),
    };
    Ok((theme, source))
}

fn load(key: &str) -> Loaded {
    let theme = briefing_model::load_theme(key).map_err(|e| e.to_string())?;
    let path = Path::new(key);
    let source = if briefing_model::is_theme_folder(path) {
        ThemeSource {
            folder: Some(path.to_owned()),
            fingerprint: folder_fingerprint(path),
        }
    } else {
        ThemeSource {
            folder: None,
            fingerprint: key.to_owned(),
        }
    };
    Ok((theme, source))
}

/// A hash of every file in a theme folder, so `--incremental` notices any edit to the theme.
fn folder_fingerprint(dir: &Path) -> String {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    files.sort();
    let mut h = Sha256::new();
    for f in files {
        h.update(f.to_string_lossy().as_bytes());
        h.update(std::fs::read(&f).unwrap_or_default());
    }
    crate::hash::hex(&h.finalize())
}

/// `briefing themes`: each built-in theme with the first line of its description.
pub(crate) fn list() -> anyhow::Result<bool> {
    for name in briefing_model::BUILTIN_THEMES {
        let files = briefing_model::builtin_files(name)?;
        let toml = files
            .iter()
            .find(|(n, _)| n == "theme.toml")
            .map(|(_, b)| String::from_utf8_lossy(b).into_owned());
        let about = toml
            .as_deref()
            .and_then(|t| t.lines().next())
            .and_then(|l| l.strip_prefix('#'))
            .map(|l| {
                l.trim()
                    .trim_start_matches(&format!("{name}:"))
                    .trim()
                    .to_owned()
            })
            .unwrap_or_default();
        let default = if *name == briefing_model::BUILTIN_THEMES[0] {
            " (default)"
        } else {
            ""
        };
        println!("{name:<12}{about}{default}");
    }
    Ok(true)
}

/// `briefing theme export NAME DIR`: writes a built-in theme's files to edit.
pub(crate) fn export(name: &str, dir: &Path, force: bool) -> anyhow::Result<bool> {
    let files = briefing_model::builtin_files(name)?;
    if let Some((existing, _)) = files.iter().find(|(p, _)| dir.join(p).exists())
        && !force
    {
        anyhow::bail!(
            "{} already exists; pass --force to overwrite",
            dir.join(existing).display()
        );
    }
    for (path, bytes) in &files {
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&target, bytes)?;
    }
    eprintln!(
        "wrote the {name} theme to {} ({} files); edit theme.toml, then: briefing render FILE --theme {}",
        dir.display(),
        files.len(),
        dir.display()
    );
    Ok(true)
}
