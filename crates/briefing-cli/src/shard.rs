//! `--shard K/N`: a deterministic share of the inputs, so one batch can spread over machines.

use std::fmt;
use std::str::FromStr;

use sha2::{Digest, Sha256};

/// Shard `index` of `count`, with `index` from 0 (Kubernetes' `JOB_COMPLETION_INDEX` counts so).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Shard {
    index: u64,
    count: u64,
}

impl Shard {
    /// Whether the input whose outputs go to `rel` (relative to the output folder) is ours.
    ///
    /// The relative path, not the file's contents or its place on this machine, decides, so every
    /// machine of a batch agrees on the split without talking to the others.
    pub(crate) fn owns(self, rel: &std::path::Path) -> bool {
        let key: String = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let digest = Sha256::digest(key.as_bytes());
        let n = u64::from_be_bytes(digest[..8].try_into().expect("8 bytes"));
        n % self.count == self.index
    }
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Shard, String> {
        let err = || format!("{s:?} is not a shard: write K/N with 0 <= K < N, such as 0/4");
        let (k, n) = s.split_once('/').ok_or_else(err)?;
        let index: u64 = k.trim().parse().map_err(|_| err())?;
        let count: u64 = n.trim().parse().map_err(|_| err())?;
        if count == 0 || index >= count {
            return Err(err());
        }
        Ok(Shard { index, count })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn shards_are_disjoint_and_cover_everything() {
        let rels: Vec<PathBuf> = (0..1000)
            .map(|i| PathBuf::from(format!("desk-{}/brief-{i}", i % 7)))
            .collect();
        let shards: Vec<Shard> = (0..5).map(|k| format!("{k}/5").parse().unwrap()).collect();
        let mut sizes = [0usize; 5];
        for rel in &rels {
            let owners: Vec<usize> = (0..5).filter(|&k| shards[k].owns(rel)).collect();
            assert_eq!(owners.len(), 1, "{} is owned by {owners:?}", rel.display());
            sizes[owners[0]] += 1;
        }
        // A fair split: no shard far from a fifth.
        assert!(sizes.iter().all(|&s| (150..=250).contains(&s)), "{sizes:?}");
    }

    #[test]
    fn bad_shards_are_refused() {
        assert!("3/3".parse::<Shard>().is_err());
        assert!("1/0".parse::<Shard>().is_err());
        assert!("a/b".parse::<Shard>().is_err());
        assert_eq!("2/4".parse::<Shard>().unwrap().to_string(), "2/4");
    }
}
