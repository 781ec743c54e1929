//! The ZIP container: local headers, Deflate data, the central directory.
//!
//! A DOCX needs little of ZIP (no encryption, no ZIP64, no comments, no streaming), and
//! writing it here lets every part go through our small Deflate encoder (see `deflate`).

use std::io;

use super::deflate;

/// DOS date of 1980-01-01 (day 1, month 1, year 0 = 1980); the time is 00:00:00.
const DOS_DATE: u16 = (1 << 5) | 1;
/// Version 2.0: Deflate.
const VERSION_NEEDED: u16 = 20;
/// Made by Unix (3), version 2.0, so unpackers read the permissions below.
const VERSION_MADE_BY: u16 = (3 << 8) | 20;
/// A regular file, rw-r--r--.
const EXTERNAL_ATTRIBUTES: u32 = 0o100_644 << 16;

/// Writes a ZIP archive to memory, entry by entry, in the order given.
pub(super) struct ZipOut {
    out: Vec<u8>,
    central: Vec<u8>,
    entries: u16,
    deflater: deflate::Deflater,
}

impl ZipOut {
    /// An empty archive.
    pub(super) fn new(capacity: usize) -> Self {
        Self {
            out: Vec::with_capacity(capacity),
            central: Vec::with_capacity(1024),
            entries: 0,
            deflater: deflate::Deflater::default(),
        }
    }

    /// Adds `data` as `name`, Deflate-compressed or stored.
    pub(super) fn add(&mut self, name: &str, data: &[u8], compress: bool) -> io::Result<()> {
        let offset = self.out.len();
        let crc = crc32fast::hash(data);
        let (method, size): (u16, usize) = if compress {
            // Header first with placeholder sizes, then the data straight after it.
            let header = offset;
            self.local_header(name, 8, crc, 0, data.len());
            let start = self.out.len();
            self.deflater.compress(data, &mut self.out);
            let size = self.out.len() - start;
            self.out[header + 18..header + 22].copy_from_slice(&to_u32(size)?.to_le_bytes());
            (8, size)
        } else {
            self.local_header(name, 0, crc, data.len(), data.len());
            self.out.extend_from_slice(data);
            (0, data.len())
        };
        let c = &mut self.central;
        c.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        c.extend_from_slice(&VERSION_MADE_BY.to_le_bytes());
        c.extend_from_slice(&VERSION_NEEDED.to_le_bytes());
        c.extend_from_slice(&0u16.to_le_bytes()); // flags
        c.extend_from_slice(&method.to_le_bytes());
        c.extend_from_slice(&0u16.to_le_bytes()); // time
        c.extend_from_slice(&DOS_DATE.to_le_bytes());
        c.extend_from_slice(&crc.to_le_bytes());
        c.extend_from_slice(&to_u32(size)?.to_le_bytes());
        c.extend_from_slice(&to_u32(data.len())?.to_le_bytes());
        c.extend_from_slice(&to_u16(name.len())?.to_le_bytes());
        c.extend_from_slice(&[0; 8]); // extra, comment, disk number, internal attributes
        c.extend_from_slice(&EXTERNAL_ATTRIBUTES.to_le_bytes());
        c.extend_from_slice(&to_u32(offset)?.to_le_bytes());
        c.extend_from_slice(name.as_bytes());
        self.entries = self
            .entries
            .checked_add(1)
            .ok_or_else(|| too_big("entries"))?;
        Ok(())
    }

    /// The archive: entries, central directory, end record.
    pub(super) fn finish(mut self) -> io::Result<Vec<u8>> {
        let at = to_u32(self.out.len())?;
        let size = to_u32(self.central.len())?;
        self.out.extend_from_slice(&self.central);
        let o = &mut self.out;
        o.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        o.extend_from_slice(&[0; 4]); // this disk, disk with the directory
        o.extend_from_slice(&self.entries.to_le_bytes());
        o.extend_from_slice(&self.entries.to_le_bytes());
        o.extend_from_slice(&size.to_le_bytes());
        o.extend_from_slice(&at.to_le_bytes());
        o.extend_from_slice(&0u16.to_le_bytes()); // comment length
        Ok(self.out)
    }

    fn local_header(&mut self, name: &str, method: u16, crc: u32, size: usize, len: usize) {
        let o = &mut self.out;
        o.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        o.extend_from_slice(&VERSION_NEEDED.to_le_bytes());
        o.extend_from_slice(&0u16.to_le_bytes()); // flags
        o.extend_from_slice(&method.to_le_bytes());
        o.extend_from_slice(&0u16.to_le_bytes()); // time
        o.extend_from_slice(&DOS_DATE.to_le_bytes());
        o.extend_from_slice(&crc.to_le_bytes());
        // Sizes beyond 4 GiB are caught by the central directory entry.
        o.extend_from_slice(&(size as u32).to_le_bytes());
        o.extend_from_slice(&(len as u32).to_le_bytes());
        o.extend_from_slice(&(name.len() as u16).to_le_bytes());
        o.extend_from_slice(&0u16.to_le_bytes()); // extra length
        o.extend_from_slice(name.as_bytes());
    }
}

fn to_u32(n: usize) -> io::Result<u32> {
    u32::try_from(n).map_err(|_| too_big("a part"))
}

fn to_u16(n: usize) -> io::Result<u16> {
    u16::try_from(n).map_err(|_| too_big("a part name"))
}

fn too_big(what: &str) -> io::Error {
    io::Error::other(format!("{what} too large for a ZIP without ZIP64"))
}
