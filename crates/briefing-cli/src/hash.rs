//! SHA-256 as the CLI uses it: of files, of any hashable value, written as lower-case hex.

use std::hash::{Hash, Hasher};
use std::path::Path;

use sha2::{Digest, Sha256};

/// SHA-256 of a file's bytes, or `None` when it cannot be read.
pub(crate) fn file(path: &Path) -> Option<String> {
    std::fs::read(path).ok().map(|b| hex(&Sha256::digest(&b)))
}

/// SHA-256 of bytes, in hex.
pub(crate) fn bytes(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// SHA-256 of everything `value` feeds to a [`Hasher`], in hex. Unlike the standard library's
/// hasher it is the same in every run, so it can be kept in a file and compared next time;
/// `Hash` length-prefixes slices and ends strings with a marker, so no two values collide.
pub(crate) fn value(value: &impl Hash) -> String {
    let mut h = Sha256Hasher(Sha256::new());
    value.hash(&mut h);
    hex(&h.0.finalize())
}

/// Feeds what `Hash` writes into SHA-256.
struct Sha256Hasher(Sha256);

impl Hasher for Sha256Hasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }

    /// The first eight bytes of the digest so far; [`value`] reads the whole digest instead.
    fn finish(&self) -> u64 {
        let digest = self.0.clone().finalize();
        u64::from_le_bytes(digest[..8].try_into().expect("a digest has 32 bytes"))
    }
}

/// Lower-case hex.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_hash_the_same_every_time_and_apart_when_split_differently() {
        assert_eq!(value(&("ab", "c")), value(&("ab", "c")));
        assert_ne!(value(&("ab", "c")), value(&("a", "bc")));
        assert_ne!(value(&[1u8, 2].as_slice()), value(&[1u8, 2, 0].as_slice()));
        assert_eq!(value(&"x").len(), 64);
    }
}
