//! Writing outputs: every file through a temporary renamed into place, the files that go
//! beside a page, and the clean-up of temporaries an interrupted run left behind.

use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Writes through a temporary file in the same folder, renamed into place: readers (and a run
/// interrupted by Ctrl-C or `kill -9`) only ever see a complete file or none.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    // Unique per write: two workers may write the same shared image file at once.
    static WRITES: AtomicU64 = AtomicU64::new(0);
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("out");
    let tmp: PathBuf = path.with_file_name(format!(
        ".{name}.{}.{}.tmp",
        std::process::id(),
        WRITES.fetch_add(1, Ordering::Relaxed)
    ));
    let result = std::fs::File::create(&tmp).and_then(|mut f| f.write_all(bytes));
    match result.and_then(|()| std::fs::rename(&tmp, path)) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// Writes the files that go beside a page (`--html-assets`) into `dir`. Their names are
/// content hashes, so a file already there has the same bytes and is left alone.
pub(crate) fn write_beside(dir: Option<&Path>, files: &[(String, Vec<u8>)]) -> std::io::Result<()> {
    let Some(dir) = dir else { return Ok(()) };
    if files.is_empty() {
        return Ok(());
    }
    std::fs::create_dir_all(dir)?;
    for (name, bytes) in files {
        let path = dir.join(name);
        if !path.exists() {
            write_atomic(&path, bytes)?;
        }
    }
    Ok(())
}

/// Removes temporary files that an interrupted run (Ctrl-C, `kill -9`) left in `dirs`, the
/// folders this run writes to. Only files of processes that are no longer running are
/// touched, so another run writing into the same folder keeps its own.
pub(crate) fn remove_stale_temporaries(dirs: impl IntoIterator<Item = PathBuf>) {
    // Without /proc there is no telling whether a process still runs: leave everything.
    if !Path::new("/proc").is_dir() {
        return;
    }
    let mut dirs: Vec<PathBuf> = dirs.into_iter().collect();
    dirs.sort();
    dirs.dedup();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(pid) = name.to_str().and_then(temporary_pid) else {
                continue;
            };
            if !Path::new(&format!("/proc/{pid}")).exists() {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

/// The process id in a temporary file's name (`.NAME.PID.N.tmp`, as [`write_atomic`] names
/// them), if it is one of ours.
fn temporary_pid(name: &str) -> Option<u32> {
    let stem = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (rest, count) = stem.rsplit_once('.')?;
    let (_, pid) = rest.rsplit_once('.')?;
    count.parse::<u64>().ok()?;
    pid.parse().ok()
}

/// The relative URL path from folder `from` to folder `to` (`../assets`), as a page in `from`
/// links to files in `to`. Both are taken from the working folder when relative.
pub(crate) fn relative_url(from: &Path, to: &Path) -> String {
    let absolute = |p: &Path| {
        let p = std::path::absolute(p).unwrap_or_else(|_| p.to_owned());
        // Normalise `.` and `..` without touching the file system (the folders may not exist yet).
        let mut out: Vec<String> = Vec::new();
        for c in p.components() {
            match c {
                Component::CurDir => {}
                Component::ParentDir => {
                    out.pop();
                }
                c => out.push(c.as_os_str().to_string_lossy().into_owned()),
            }
        }
        out
    };
    let (from, to) = (absolute(from), absolute(to));
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_owned(); from.len() - common];
    parts.extend(to[common..].iter().cloned());
    if parts.is_empty() {
        ".".to_owned()
    } else {
        parts.join("/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_urls_climb_out_and_down() {
        let base = std::env::temp_dir();
        assert_eq!(
            relative_url(&base.join("out/a/b"), &base.join("out/assets")),
            "../../assets"
        );
        assert_eq!(
            relative_url(&base.join("out"), &base.join("out/img")),
            "img"
        );
        assert_eq!(relative_url(&base.join("out"), &base.join("out")), ".");
        assert_eq!(
            relative_url(&base.join("out/./x/.."), &base.join("y")),
            "../y"
        );
    }

    #[test]
    fn only_our_temporaries_are_recognised() {
        // The process id, not the count of writes after it.
        assert_eq!(temporary_pid(".a.pdf.1234.7.tmp"), Some(1234));
        assert_eq!(temporary_pid(".d.pdf.0.0.tmp"), Some(0));
        assert_eq!(temporary_pid("a.pdf.1234.7.tmp"), None);
        assert_eq!(temporary_pid(".notes.7.tmp"), None);
        assert_eq!(temporary_pid(".notes.tmp"), None);
    }
}
