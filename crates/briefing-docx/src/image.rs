//! Reading figures from disk: which format, and how many pixels, without decoding them.

use std::path::Path;

/// A raster image embedded as it is.
#[derive(Debug, Clone)]
pub(crate) struct Picture {
    /// The file's bytes, unchanged (JPEG stays JPEG).
    pub(crate) bytes: Vec<u8>,
    /// `png` or `jpeg`: the media file's extension.
    pub(crate) ext: &'static str,
    /// Width in pixels.
    pub(crate) width: u32,
    /// Height in pixels.
    pub(crate) height: u32,
}

/// Loads `src` relative to `base_dir`; the error is a sentence for a warning.
pub(crate) fn load(base_dir: Option<&Path>, src: &str) -> Result<Picture, String> {
    if src.contains("://") || src.starts_with("data:") {
        return Err(format!(
            "image {src:?} is not a local file; only local PNG and JPEG files are embedded"
        ));
    }
    let path = match base_dir {
        Some(dir) => dir.join(src),
        None => Path::new(src).to_path_buf(),
    };
    let bytes =
        std::fs::read(&path).map_err(|e| format!("image {src:?} could not be read ({e})"))?;
    from_bytes(bytes, src)
}

/// Recognises `bytes` (named `src` in messages) as a PNG or JPEG picture.
pub(crate) fn from_bytes(bytes: Vec<u8>, src: &str) -> Result<Picture, String> {
    let (ext, (width, height)) = if let Some(size) = png_size(&bytes) {
        ("png", size)
    } else if let Some(size) = jpeg_size(&bytes) {
        ("jpeg", size)
    } else {
        return Err(format!("image {src:?} is not a PNG or JPEG file"));
    };
    if width == 0 || height == 0 {
        return Err(format!("image {src:?} has no pixels"));
    }
    Ok(Picture {
        bytes,
        ext,
        width,
        height,
    })
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(b: &[u8]) -> Option<(u32, u32)> {
    const SIG: &[u8] = b"\x89PNG\r\n\x1a\n";
    if b.len() < 24 || !b.starts_with(SIG) || &b[12..16] != b"IHDR" {
        return None;
    }
    let w = u32::from_be_bytes(b[16..20].try_into().ok()?);
    let h = u32::from_be_bytes(b[20..24].try_into().ok()?);
    Some((w, h))
}

/// Width and height from a JPEG's first start-of-frame marker.
fn jpeg_size(b: &[u8]) -> Option<(u32, u32)> {
    if !b.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let mut i = 2;
    while i + 4 <= b.len() {
        if b[i] != 0xFF {
            i += 1;
            continue;
        }
        let marker = b[i + 1];
        // Fill bytes and markers without a length.
        if marker == 0xFF {
            i += 1;
            continue;
        }
        if matches!(marker, 0x01 | 0xD0..=0xD9) {
            i += 2;
            continue;
        }
        let len = usize::from(u16::from_be_bytes([b[i + 2], b[i + 3]]));
        let is_sof = matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if is_sof && i + 9 <= b.len() {
            let h = u32::from(u16::from_be_bytes([b[i + 5], b[i + 6]]));
            let w = u32::from(u16::from_be_bytes([b[i + 7], b[i + 8]]));
            return Some((w, h));
        }
        i += 2 + len;
    }
    None
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A valid 1×1 PNG stretched to `w`×`h` in its header (consumers only scale it).
    pub(crate) fn png(w: u32, h: u32) -> Vec<u8> {
        let mut b = vec![0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n'];
        let chunk = |b: &mut Vec<u8>, kind: &[u8], data: &[u8]| {
            b.extend((data.len() as u32).to_be_bytes());
            let start = b.len();
            b.extend(kind);
            b.extend(data);
            b.extend(crc32(&b[start..]).to_be_bytes());
        };
        let mut ihdr = Vec::new();
        ihdr.extend(w.to_be_bytes());
        ihdr.extend(h.to_be_bytes());
        ihdr.extend([8, 2, 0, 0, 0]);
        chunk(&mut b, b"IHDR", &ihdr);
        chunk(&mut b, b"IEND", &[]);
        b
    }

    fn crc32(data: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &byte in data {
            crc ^= u32::from(byte);
            for _ in 0..8 {
                crc = if crc & 1 != 0 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    #[test]
    fn sizes_are_read_from_headers() {
        assert_eq!(png_size(&png(640, 480)), Some((640, 480)));
        let jpeg = [
            0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11, 8, 0, 50, 0, 100, 3, 0, 0, 0,
        ];
        assert_eq!(jpeg_size(&jpeg), Some((100, 50)));
        assert_eq!(jpeg_size(b"GIF89a"), None);
    }
}
