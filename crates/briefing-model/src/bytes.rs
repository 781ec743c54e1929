//! Shared, immutable file contents that cost nothing to clone or to embed.

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// The bytes of a theme file (a font, a logo): either compiled into the binary, borrowed for
/// the life of the process without a copy, or read from disk once and shared.
///
/// Built-in fonts are megabytes; copying them at start-up was most of a cold process. A
/// `Bytes` is cheap to clone either way, and two clones are [`Bytes::same`].
#[derive(Clone)]
pub struct Bytes(Repr);

#[derive(Clone)]
enum Repr {
    Static(&'static [u8]),
    Shared(Arc<[u8]>),
}

impl Bytes {
    /// Bytes that live as long as the process, such as `include_bytes!`.
    pub const fn from_static(data: &'static [u8]) -> Bytes {
        Bytes(Repr::Static(data))
    }

    /// Whether `self` and `other` are the very same bytes in memory (clones of one value),
    /// which caches use as a key.
    pub fn same(&self, other: &Bytes) -> bool {
        std::ptr::eq(self.as_ref(), other.as_ref())
    }

    /// A key for caches: the address and length. Valid while a clone of `self` is kept.
    pub fn address(&self) -> (usize, usize) {
        (self.as_ptr() as usize, self.len())
    }
}

impl Default for Bytes {
    fn default() -> Bytes {
        Bytes::from_static(&[])
    }
}

impl Deref for Bytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match &self.0 {
            Repr::Static(s) => s,
            Repr::Shared(a) => a,
        }
    }
}

impl AsRef<[u8]> for Bytes {
    fn as_ref(&self) -> &[u8] {
        self
    }
}

impl From<Vec<u8>> for Bytes {
    fn from(v: Vec<u8>) -> Bytes {
        Bytes(Repr::Shared(Arc::from(v)))
    }
}

impl From<Arc<[u8]>> for Bytes {
    fn from(a: Arc<[u8]>) -> Bytes {
        Bytes(Repr::Shared(a))
    }
}

impl From<&'static [u8]> for Bytes {
    fn from(s: &'static [u8]) -> Bytes {
        Bytes::from_static(s)
    }
}

impl<const N: usize> From<&'static [u8; N]> for Bytes {
    fn from(s: &'static [u8; N]) -> Bytes {
        Bytes::from_static(s)
    }
}

impl PartialEq for Bytes {
    fn eq(&self, other: &Bytes) -> bool {
        self.same(other) || self[..] == other[..]
    }
}

impl Eq for Bytes {}

impl fmt::Debug for Bytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Bytes({} bytes)", self.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clones_are_the_same_and_equal_contents_are_equal() {
        static DATA: &[u8] = b"font";
        let a = Bytes::from_static(DATA);
        let b = a.clone();
        let c = Bytes::from(b"font".to_vec());
        assert!(a.same(&b) && !a.same(&c));
        assert_eq!(a, c);
        assert_eq!(&c[..], b"font");
        assert_ne!(c, Bytes::from(b"other".to_vec()));
        assert!(Bytes::default().is_empty());
    }
}
