//! The file: text strings, fast Flate compression, and saving with a `/ID` derived
//! from the content.

use std::cell::RefCell;
use std::io::Write;

use libdeflater::{CompressionLvl, Compressor};
use lopdf::{Object, StringFormat};

use crate::error::Error;

/// A text string: ASCII as a literal, anything else as UTF-16BE with a BOM.
pub(super) fn text(s: &str) -> Object {
    if s.is_ascii() {
        return Object::String(s.as_bytes().to_vec(), StringFormat::Literal);
    }
    let mut b = vec![0xFE, 0xFF];
    for u in s.encode_utf16() {
        b.extend_from_slice(&u.to_be_bytes());
    }
    Object::String(b, StringFormat::Hexadecimal)
}

/// Flate-compresses every stream that has no filter yet, at a fast level: level 9
/// (what lopdf's `compress` uses) took most of the render time for a few percent.
pub(super) fn compress(lo: &mut lopdf::Document) -> Result<(), Error> {
    for obj in lo.objects.values_mut() {
        if let Object::Stream(s) = obj
            && s.allows_compression
            && s.dict.get(b"Filter").is_err()
            && let Some(packed) = deflate(&s.content)?
        {
            s.dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
            s.set_content(packed);
        }
    }
    Ok(())
}

/// The Flate level used for streams.
const LEVEL: i32 = 1;

thread_local! {
    /// One compressor serves every stream made on a thread. libdeflate compresses a
    /// whole buffer with no streaming state: against zlib-rs at level 1, reset between
    /// streams, it does a typical briefing's streams in 37 % fewer instructions and
    /// writes them 21 % smaller; zlib's per-stream reset alone cost more than a small
    /// ToUnicode map's deflate.
    static DEFLATE: RefCell<(Compressor, Vec<u8>)> = RefCell::new((
        Compressor::new(CompressionLvl::new(LEVEL).unwrap_or_default()),
        Vec::new(),
    ));
}

/// `data` Flate-compressed (zlib format), or `None` if that does not make it worth a filter.
pub(super) fn deflate(data: &[u8]) -> Result<Option<Vec<u8>>, Error> {
    DEFLATE.with_borrow_mut(|(deflate, buf)| {
        buf.resize(deflate.zlib_compress_bound(data.len()), 0);
        let n = deflate
            .zlib_compress(data, buf)
            .map_err(|e| Error::Write(format!("compressing a stream: {e:?}")))?;
        Ok((n + 20 < data.len()).then(|| buf[..n].to_vec()))
    })
}

/// Saves the document with a `/ID` that is the fingerprint of the file as it reads
/// with an all-zero `/ID`: the same content always gets the same id and different
/// content a different one. The fingerprint is taken from a serialization that only
/// hashes (nothing is kept), so the id is known before the file's bytes are written.
pub(super) fn save(lo: &mut lopdf::Document) -> Result<Vec<u8>, Error> {
    let failed = |e: std::io::Error| Error::Write(e.to_string());
    lo.trailer.set("ID", id_pair([0; 16]));
    let mut hash = Fingerprint::default();
    lo.save_to(&mut hash).map_err(failed)?;
    lo.trailer.set("ID", id_pair(hash.finish()));
    let mut out = Vec::new();
    lo.save_to(&mut out).map_err(failed)?;
    Ok(out)
}

/// The trailer's `/ID`: the same id twice (the file is never updated in place).
fn id_pair(id: [u8; 16]) -> Object {
    let id = Object::String(id.to_vec(), StringFormat::Hexadecimal);
    Object::Array(vec![id.clone(), id])
}

/// A 128-bit fingerprint of the bytes written to it (two FNV-style lanes over 8-byte
/// words, then the last bytes one by one): not cryptographic, only stable and
/// sensitive to any change.
#[derive(Debug)]
struct Fingerprint {
    /// The first lane.
    a: u64,
    /// The second lane.
    b: u64,
    /// Bytes fed so far.
    len: u64,
    /// Bytes of a word not yet complete.
    tail: [u8; 8],
    /// How many of `tail` hold bytes.
    filled: usize,
}

impl Default for Fingerprint {
    fn default() -> Fingerprint {
        Fingerprint {
            a: 0xcbf2_9ce4_8422_2325,
            b: 0x6c62_272e_07bb_0142,
            len: 0,
            tail: [0; 8],
            filled: 0,
        }
    }
}

impl Fingerprint {
    /// Mixes in one 8-byte word.
    fn word(&mut self, v: u64) {
        self.a = (self.a ^ v).wrapping_mul(0x0000_0100_0000_01b3);
        self.b = (self.b ^ v.rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }

    /// Mixes in `data`, keeping an incomplete last word for the next call.
    fn feed(&mut self, mut data: &[u8]) {
        self.len += data.len() as u64;
        if self.filled > 0 {
            let take = (8 - self.filled).min(data.len());
            self.tail[self.filled..self.filled + take].copy_from_slice(&data[..take]);
            self.filled += take;
            data = &data[take..];
            if self.filled < 8 {
                return;
            }
            self.word(u64::from_le_bytes(self.tail));
            self.filled = 0;
        }
        let mut words = data.chunks_exact(8);
        for w in &mut words {
            self.word(u64::from_le_bytes(w.try_into().expect("8 bytes")));
        }
        let rest = words.remainder();
        self.tail[..rest.len()].copy_from_slice(rest);
        self.filled = rest.len();
    }

    /// Mixes in the last bytes one by one, and the length: the fingerprint.
    fn finish(mut self) -> [u8; 16] {
        for &byte in &self.tail[..self.filled] {
            self.a = (self.a ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
            self.b = (self.b ^ u64::from(byte)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
        self.a ^= self.len;
        let mut out = [0u8; 16];
        out[..8].copy_from_slice(&self.a.to_be_bytes());
        out[8..].copy_from_slice(&self.b.to_be_bytes());
        out
    }
}

impl Write for Fingerprint {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.feed(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(pieces: &[&[u8]]) -> [u8; 16] {
        let mut f = Fingerprint::default();
        for p in pieces {
            f.feed(p);
        }
        f.finish()
    }

    #[test]
    fn the_fingerprint_does_not_depend_on_how_the_bytes_are_split() {
        let data: Vec<u8> = (0..100u8).collect();
        let whole = of(&[&data]);
        assert_eq!(
            whole,
            of(&[&data[..3], &data[3..11], &data[11..12], &data[12..]])
        );
        assert_ne!(whole, of(&[&data[..99]]));
        let mut changed = data.clone();
        changed[50] ^= 1;
        assert_ne!(whole, of(&[&changed]));
    }
}
