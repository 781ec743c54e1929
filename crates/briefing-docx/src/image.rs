//! Reading figures from disk: which format, and how many pixels, without decoding them.

use briefing_model::{Assets, Image, ImageError, ImageFormat, check_image};

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

/// Reads `src` through the briefing's assets (confined to its folder, size-checked);
/// the error is a sentence for a warning.
pub(crate) fn load(assets: &Assets, src: &str) -> Result<Picture, String> {
    let file = assets.read_image(src).map_err(|e| e.message(src))?;
    picture(file).map_err(|e| e.message(src))
}

/// Recognises `bytes` (named `src` in messages) as a PNG or JPEG picture.
pub(crate) fn from_bytes(bytes: Vec<u8>, src: &str) -> Result<Picture, String> {
    check_image(bytes)
        .and_then(picture)
        .map_err(|e| e.message(src))
}

/// A checked image as Word stores it: PNG and JPEG in their own format.
fn picture(file: Image) -> Result<Picture, ImageError> {
    let ext = match file.format {
        ImageFormat::Png => "png",
        ImageFormat::Jpeg => "jpeg",
        other => return Err(ImageError::Unsupported(other)),
    };
    Ok(Picture {
        bytes: file.bytes,
        ext,
        width: file.width,
        height: file.height,
    })
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
    fn pictures_keep_their_format_and_size() {
        let p = from_bytes(png(640, 480), "a.png").unwrap();
        assert_eq!((p.ext, p.width, p.height), ("png", 640, 480));
        let jpeg = [
            0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11, 8, 0, 50, 0, 100, 3, 0, 0, 0,
        ];
        let p = from_bytes(jpeg.to_vec(), "a.jpg").unwrap();
        assert_eq!((p.ext, p.width, p.height), ("jpeg", 100, 50));
        assert!(
            from_bytes(b"GIF89a\x01\0\x01\0".to_vec(), "a.gif")
                .unwrap_err()
                .contains("GIF")
        );
    }
}
