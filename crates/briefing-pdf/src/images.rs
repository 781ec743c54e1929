//! Images: PNG decoded to pixels, JPEG kept as it is (the PDF embeds it with DCTDecode).

use std::io::Cursor;

use briefing_model::{Assets, ImageError, ImageFormat, check_image};

/// A decoded or passed-through image, ready to embed.
#[derive(Debug, Clone)]
pub(crate) struct Image {
    /// Width in pixels.
    pub(crate) width: u32,
    /// Height in pixels.
    pub(crate) height: u32,
    /// The pixels or the compressed file.
    pub(crate) data: ImageData,
}

/// How the image's pixels are stored.
#[derive(Debug, Clone)]
pub(crate) enum ImageData {
    /// A JPEG file, embedded without re-encoding.
    Jpeg {
        /// The file's bytes.
        bytes: Vec<u8>,
        /// Colour components: 1 grey, 3 RGB, 4 CMYK.
        components: u8,
    },
    /// 8-bit pixels, 1 (grey) or 3 (RGB) channels, with an optional alpha plane.
    Pixels {
        /// Channels per pixel in `samples`.
        channels: u8,
        /// The colour samples, row by row.
        samples: Vec<u8>,
        /// One alpha byte per pixel, when the image has transparency.
        alpha: Option<Vec<u8>>,
    },
}

/// Reads image `src` through the briefing's assets (confined to its folder, size-checked);
/// the error is a sentence for a warning.
pub(crate) fn load(assets: &Assets, src: &str) -> Result<Image, String> {
    let file = assets.read_image(src).map_err(|e| e.message(src))?;
    embed(file.bytes, file.format).map_err(|e| e.message(src))
}

/// Reads an image from its file's bytes (a theme's logo, named `name` in messages).
pub(crate) fn decode(bytes: Vec<u8>, name: &str) -> Result<Image, String> {
    let file = check_image(bytes).map_err(|e| e.message(name))?;
    embed(file.bytes, file.format).map_err(|e| e.message(name))
}

/// A checked image file as the PDF embeds it: JPEG as it is, PNG decoded.
fn embed(bytes: Vec<u8>, format: ImageFormat) -> Result<Image, ImageError> {
    match format {
        ImageFormat::Jpeg => jpeg(bytes).map_err(ImageError::Unreadable),
        ImageFormat::Png => png(&bytes).map_err(ImageError::Unreadable),
        other => Err(ImageError::Unsupported(other)),
    }
}

/// Finds the size and components in the JPEG's start-of-frame marker.
fn jpeg(bytes: Vec<u8>) -> Result<Image, String> {
    let mut i = 2;
    while i + 9 < bytes.len() {
        if bytes[i] != 0xFF {
            i += 1;
            continue;
        }
        let marker = bytes[i + 1];
        let len = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
        // SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC).
        if (0xC0..=0xCF).contains(&marker) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
            let height = u32::from(u16::from_be_bytes([bytes[i + 5], bytes[i + 6]]));
            let width = u32::from(u16::from_be_bytes([bytes[i + 7], bytes[i + 8]]));
            let components = bytes[i + 9];
            if width == 0 || height == 0 || !matches!(components, 1 | 3 | 4) {
                return Err("unsupported JPEG".into());
            }
            return Ok(Image {
                width,
                height,
                data: ImageData::Jpeg { bytes, components },
            });
        }
        i += 2 + len;
    }
    Err("JPEG has no frame header".into())
}

/// Decodes a PNG to 8-bit grey or RGB plus alpha.
fn png(bytes: &[u8]) -> Result<Image, String> {
    let mut decoder = png::Decoder::new(Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().map_err(|e| e.to_string())?;
    let size = reader.output_buffer_size().ok_or("PNG too large")?;
    let mut buf = vec![0; size];
    let info = reader.next_frame(&mut buf).map_err(|e| e.to_string())?;
    buf.truncate(info.buffer_size());
    let (channels, has_alpha) = match info.color_type {
        png::ColorType::Grayscale => (1, false),
        png::ColorType::GrayscaleAlpha => (1, true),
        png::ColorType::Rgb => (3, false),
        png::ColorType::Rgba => (3, true),
        png::ColorType::Indexed => return Err("indexed PNG was not expanded".into()),
    };
    let (samples, alpha) = if has_alpha {
        let step = channels + 1;
        let mut samples = Vec::with_capacity(buf.len() / step * channels);
        let mut alpha = Vec::with_capacity(buf.len() / step);
        for px in buf.chunks_exact(step) {
            samples.extend_from_slice(&px[..channels]);
            alpha.push(px[channels]);
        }
        (samples, Some(alpha).filter(|a| a.iter().any(|v| *v != 255)))
    } else {
        (buf, None)
    };
    Ok(Image {
        width: info.width,
        height: info.height,
        data: ImageData::Pixels {
            channels: channels as u8,
            samples,
            alpha,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_files_and_unknown_formats_are_errors() {
        let dir = std::env::temp_dir().join("briefing-pdf-images-test");
        std::fs::create_dir_all(&dir).unwrap();
        let assets = Assets::in_folder(&dir);
        assert!(load(&assets, "nonexistent.png").is_err());
        std::fs::write(dir.join("x.gif"), b"GIF89a\x01\0\x01\0").unwrap();
        assert!(load(&assets, "x.gif").unwrap_err().contains("is a GIF"));
    }

    #[test]
    fn jpeg_size_comes_from_the_frame_header() {
        // SOI, SOF0 (len 11: precision 8, height 2, width 3, 3 components), EOI.
        let mut b = vec![0xFF, 0xD8, 0xFF, 0xC0, 0, 17, 8, 0, 2, 0, 3, 3];
        b.extend([1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0, 0xFF, 0xD9]);
        let img = jpeg(b).unwrap();
        assert_eq!((img.width, img.height), (3, 2));
    }
}
