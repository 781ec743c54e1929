//! `--incremental`: a manifest of what each output was made from, kept in the output folder,
//! so an unchanged document is not rendered again.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::themes::ThemeSource;

/// The manifest file's name in the output folder.
pub(crate) fn file_name(shard: Option<crate::shard::Shard>) -> String {
    match shard {
        // Shards may share one output folder; each keeps its own manifest.
        Some(s) => format!(
            ".briefing-manifest-{}.json",
            s.to_string().replace('/', "-of-")
        ),
        None => ".briefing-manifest.json".to_owned(),
    }
}

/// What the outputs of every document were made from.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct Manifest {
    /// By the outputs' relative path (`a/b` for `out/a/b.pdf`).
    entries: BTreeMap<String, Entry>,
}

/// One document's record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Entry {
    /// Hash of the options that change output (the tool version among them) and the source's
    /// text: `OutputOptions::key`.
    pub(crate) key: String,
    /// Files the source refers to (images), with their hashes when rendered; `None` for one
    /// that could not be read then, so that adding it renders again.
    pub(crate) assets: Vec<(PathBuf, Option<String>)>,
    /// The files written, relative to the output folder.
    pub(crate) outputs: Vec<PathBuf>,
    /// The theme used: a built-in's name, or a theme folder and the hash of its files.
    pub(crate) theme: ThemeSource,
}

impl Manifest {
    /// Reads the manifest; a missing or unreadable one is empty (everything renders).
    pub(crate) fn load(path: &Path) -> Manifest {
        std::fs::read(path)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    /// Writes the manifest through a temporary file.
    pub(crate) fn save(&self, path: &Path) -> std::io::Result<()> {
        let bytes = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        crate::output::write_atomic(path, &bytes)
    }

    /// Whether `rel`'s outputs are up to date for `key`: same key, same assets, every output present.
    /// A theme folder's current fingerprint comes from `fingerprint`.
    pub(crate) fn is_current(
        &self,
        rel: &str,
        key: &str,
        out_dir: &Path,
        fingerprint: impl Fn(&Path) -> String,
    ) -> bool {
        let Some(e) = self.entries.get(rel) else {
            return false;
        };
        e.key == key
            && e.outputs.iter().all(|o| out_dir.join(o).is_file())
            && e.assets
                .iter()
                .all(|(path, hash)| crate::hash::file(path) == *hash)
            && e.theme
                .folder
                .as_deref()
                .is_none_or(|dir| fingerprint(dir) == e.theme.fingerprint)
    }

    /// Records a rendered document.
    pub(crate) fn record(&mut self, rel: String, entry: Entry) {
        self.entries.insert(rel, entry);
    }
}
