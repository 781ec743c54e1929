//! Files a briefing refers to (images), read the same way by every renderer: only from the
//! briefing's own folder tree or folders allowed explicitly, never from another host, never
//! larger than a reader's machine can take.

use std::fmt;
use std::io::Read as _;
use std::path::{Path, PathBuf};

/// Largest image file read, in bytes (64 MiB).
pub const MAX_IMAGE_BYTES: u64 = 64 * 1024 * 1024;

/// Most pixels an image may have (width × height): 60 megapixels, a large print photograph.
/// A few kilobytes of PNG can claim billions of pixels; decoding one would exhaust memory.
pub const MAX_IMAGE_PIXELS: u64 = 60_000_000;

/// Where a briefing's images may be read from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Assets {
    /// The folder the source is in: relative paths start there, and any file in its tree
    /// may be read. `None` means the working folder.
    pub base_dir: Option<PathBuf>,
    /// More folders whose trees may be read (`--allow-path`).
    pub allow: Vec<PathBuf>,
}

/// The image formats a briefing may embed; each renderer says which it can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    /// Portable Network Graphics.
    Png,
    /// JPEG.
    Jpeg,
    /// GIF 87a or 89a.
    Gif,
    /// WebP (RIFF container).
    Webp,
    /// SVG text.
    Svg,
}

/// An image file that passed every check: its bytes, format and size in pixels.
#[derive(Clone, PartialEq, Eq)]
pub struct Image {
    /// The file's bytes, unchanged.
    pub bytes: Vec<u8>,
    /// The format, judged by content rather than by file name.
    pub format: ImageFormat,
    /// Width in pixels (0 for SVG, which has no pixels).
    pub width: u32,
    /// Height in pixels (0 for SVG).
    pub height: u32,
}

impl fmt::Debug for Image {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Image({:?}, {}×{}, {} bytes)",
            self.format,
            self.width,
            self.height,
            self.bytes.len()
        )
    }
}

/// Why an image cannot be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageError {
    /// A URL (`https://…`, `//host/…`, `data:…`): nothing is fetched from another host.
    Remote,
    /// The path leads outside the briefing's folder and every allowed folder.
    Outside {
        /// Where the path leads.
        path: PathBuf,
    },
    /// The file cannot be read (missing, a folder, no permission).
    Unreadable(String),
    /// The file is larger than [`MAX_IMAGE_BYTES`].
    TooLarge,
    /// The file is not an image in a format we embed.
    NotAnImage,
    /// The image is in a format this renderer cannot show.
    Unsupported(ImageFormat),
    /// The header's width or height is zero, or missing.
    NoPixels,
    /// More than [`MAX_IMAGE_PIXELS`] pixels.
    TooManyPixels {
        /// Width in pixels.
        width: u32,
        /// Height in pixels.
        height: u32,
    },
}

impl ImageError {
    /// The warning for image `src`, as its reader needs to hear it.
    pub fn message(&self, src: &str) -> String {
        match self {
            ImageError::Remote => format!(
                "image {src:?} is not a local file: images are never fetched from another host"
            ),
            ImageError::Outside { path } => format!(
                "image {src:?} is outside the briefing's folder ({}); pass --allow-path with its folder to allow it",
                path.display()
            ),
            ImageError::Unreadable(why) => format!("image {src:?} could not be read: {why}"),
            ImageError::TooLarge => format!(
                "image {src:?} is larger than {} MiB",
                MAX_IMAGE_BYTES / 1024 / 1024
            ),
            ImageError::NotAnImage => {
                format!("image {src:?} is not a PNG, JPEG, GIF, WebP or SVG image")
            }
            ImageError::Unsupported(f) => {
                format!(
                    "image {src:?} is {}, which this format cannot embed",
                    f.name()
                )
            }
            ImageError::NoPixels => format!("image {src:?} has no pixels"),
            ImageError::TooManyPixels { width, height } => format!(
                "image {src:?} is {width}×{height} pixels, more than the {} megapixels allowed",
                MAX_IMAGE_PIXELS / 1_000_000
            ),
        }
    }
}

impl ImageFormat {
    /// The format of `bytes`, judged by content, not by file name: a `.png` that is really a
    /// JPEG still shows, and a text file named `.png` is refused.
    pub fn sniff(bytes: &[u8]) -> Option<ImageFormat> {
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(ImageFormat::Png)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(ImageFormat::Jpeg)
        } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
            Some(ImageFormat::Gif)
        } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
            Some(ImageFormat::Webp)
        } else if is_svg(bytes) {
            Some(ImageFormat::Svg)
        } else {
            None
        }
    }

    /// The MIME type.
    pub fn mime(self) -> &'static str {
        match self {
            ImageFormat::Png => "image/png",
            ImageFormat::Jpeg => "image/jpeg",
            ImageFormat::Gif => "image/gif",
            ImageFormat::Webp => "image/webp",
            ImageFormat::Svg => "image/svg+xml",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Png => "png",
            ImageFormat::Jpeg => "jpeg",
            ImageFormat::Gif => "gif",
            ImageFormat::Webp => "webp",
            ImageFormat::Svg => "svg",
        }
    }

    fn name(self) -> &'static str {
        match self {
            ImageFormat::Png => "a PNG",
            ImageFormat::Jpeg => "a JPEG",
            ImageFormat::Gif => "a GIF",
            ImageFormat::Webp => "a WebP image",
            ImageFormat::Svg => "an SVG drawing",
        }
    }
}

impl Assets {
    /// Images relative to, and confined to, `dir`.
    pub fn in_folder(dir: impl Into<PathBuf>) -> Assets {
        Assets {
            base_dir: Some(dir.into()),
            allow: Vec::new(),
        }
    }

    /// Reads image `src` (a path relative to the source's folder, or absolute) after checking
    /// where it leads, its size, its format and its pixel count.
    pub fn read_image(&self, src: &str) -> Result<Image, ImageError> {
        let path = self.resolve(src)?;
        let file = std::fs::File::open(&path).map_err(|e| ImageError::Unreadable(e.to_string()))?;
        let mut bytes = Vec::new();
        file.take(MAX_IMAGE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| ImageError::Unreadable(e.to_string()))?;
        if bytes.len() as u64 > MAX_IMAGE_BYTES {
            return Err(ImageError::TooLarge);
        }
        check_image(bytes)
    }

    /// Where `src` leads, if it is a local file inside an allowed folder tree. Symbolic links
    /// are followed first, so a link inside the tree cannot lead out of it.
    pub fn resolve(&self, src: &str) -> Result<PathBuf, ImageError> {
        if is_remote(src) {
            return Err(ImageError::Remote);
        }
        // A source named without a folder ("b.md") has the empty path as its parent.
        let base = match self.base_dir.as_deref() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let joined = base.join(src);
        let path = joined
            .canonicalize()
            .map_err(|e| ImageError::Unreadable(e.to_string()))?;
        let inside = std::iter::once(base)
            .chain(self.allow.iter().map(PathBuf::as_path))
            .filter_map(|root| root.canonicalize().ok())
            .any(|root| path.starts_with(root));
        if inside {
            Ok(path)
        } else {
            Err(ImageError::Outside { path })
        }
    }
}

/// Checks bytes already in memory (a theme's logo, a file just read) as an image.
pub fn check_image(bytes: Vec<u8>) -> Result<Image, ImageError> {
    let format = ImageFormat::sniff(&bytes).ok_or(ImageError::NotAnImage)?;
    let (width, height) = match format {
        ImageFormat::Svg => (0, 0),
        _ => pixel_size(&bytes, format).ok_or(ImageError::NoPixels)?,
    };
    if format != ImageFormat::Svg && (width == 0 || height == 0) {
        return Err(ImageError::NoPixels);
    }
    if u64::from(width) * u64::from(height) > MAX_IMAGE_PIXELS {
        return Err(ImageError::TooManyPixels { width, height });
    }
    Ok(Image {
        bytes,
        format,
        width,
        height,
    })
}

/// A URL rather than a path. One-letter "schemes" are Windows drive letters (`C:\…`).
pub(crate) fn is_remote(src: &str) -> bool {
    if src.starts_with("//") || src.starts_with("\\\\") {
        return true;
    }
    match src.split_once(':') {
        Some((scheme, _)) => {
            scheme.len() > 1
                && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        }
        None => false,
    }
}

/// SVG has no magic number: look for an `<svg` element near the start, after an optional
/// byte-order mark, XML declaration, comments and doctype.
fn is_svg(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let text = match std::str::from_utf8(head) {
        Ok(t) => t,
        Err(e) => match std::str::from_utf8(&head[..e.valid_up_to()]) {
            Ok(t) => t,
            Err(_) => return false,
        },
    };
    let text = text.trim_start_matches('\u{feff}').trim_start();
    text.starts_with('<') && text.contains("<svg")
}

/// Width and height in pixels from the file's header, without decoding it.
fn pixel_size(b: &[u8], format: ImageFormat) -> Option<(u32, u32)> {
    let be32 = |i: usize| Some(u32::from_be_bytes(b.get(i..i + 4)?.try_into().ok()?));
    let le16 = |i: usize| {
        Some(u32::from(u16::from_le_bytes(
            b.get(i..i + 2)?.try_into().ok()?,
        )))
    };
    match format {
        ImageFormat::Png if b.get(12..16) == Some(b"IHDR") => Some((be32(16)?, be32(20)?)),
        ImageFormat::Png => None,
        ImageFormat::Jpeg => jpeg_size(b),
        ImageFormat::Gif => Some((le16(6)?, le16(8)?)),
        ImageFormat::Webp => webp_size(b),
        ImageFormat::Svg => None,
    }
}

/// Width and height from a JPEG's first start-of-frame marker.
fn jpeg_size(b: &[u8]) -> Option<(u32, u32)> {
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

/// Width and height of a WebP (lossy `VP8 `, lossless `VP8L` or extended `VP8X`).
fn webp_size(b: &[u8]) -> Option<(u32, u32)> {
    let u24 = |i: usize| {
        let s = b.get(i..i + 3)?;
        Some(u32::from(s[0]) | u32::from(s[1]) << 8 | u32::from(s[2]) << 16)
    };
    match b.get(12..16)? {
        b"VP8X" => Some((u24(24)? + 1, u24(27)? + 1)),
        b"VP8L" => {
            let v = u32::from_le_bytes(b.get(21..25)?.try_into().ok()?);
            Some(((v & 0x3FFF) + 1, ((v >> 14) & 0x3FFF) + 1))
        }
        b"VP8 " => {
            let w = u32::from(u16::from_le_bytes(b.get(26..28)?.try_into().ok()?)) & 0x3FFF;
            let h = u32::from(u16::from_le_bytes(b.get(28..30)?.try_into().ok()?)) & 0x3FFF;
            Some((w, h))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PNG header claiming `w` × `h` pixels (the rest of the file does not matter here).
    fn png_header(w: u32, h: u32) -> Vec<u8> {
        let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        b.extend(w.to_be_bytes());
        b.extend(h.to_be_bytes());
        b.extend([8, 6, 0, 0, 0]);
        b
    }

    fn folder(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("briefing-assets-{name}"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("brief/images")).unwrap();
        std::fs::write(dir.join("brief/images/ok.png"), png_header(10, 20)).unwrap();
        std::fs::write(dir.join("secret.png"), png_header(10, 20)).unwrap();
        dir
    }

    #[test]
    fn files_inside_the_folder_are_read_and_sized() {
        let dir = folder("inside");
        let assets = Assets::in_folder(dir.join("brief"));
        let img = assets.read_image("images/ok.png").unwrap();
        assert_eq!(
            (img.format, img.width, img.height),
            (ImageFormat::Png, 10, 20)
        );
        let abs = dir.join("brief/images/ok.png");
        assert!(assets.read_image(abs.to_str().unwrap()).is_ok());
    }

    #[test]
    fn paths_out_of_the_folder_are_refused_unless_allowed() {
        let dir = folder("outside");
        let assets = Assets::in_folder(dir.join("brief"));
        let e = assets.read_image("../secret.png").unwrap_err();
        assert!(matches!(e, ImageError::Outside { .. }), "{e:?}");
        assert!(e.message("../secret.png").contains("--allow-path"));
        let abs = dir.join("secret.png");
        assert!(matches!(
            assets.read_image(abs.to_str().unwrap()),
            Err(ImageError::Outside { .. })
        ));
        let e = assets
            .read_image("../../../../../../../../etc/passwd")
            .unwrap_err();
        assert!(matches!(e, ImageError::Outside { .. }), "{e:?}");
        let allowed = Assets {
            allow: vec![dir.clone()],
            ..assets
        };
        assert!(allowed.read_image("../secret.png").is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_inside_the_folder_cannot_lead_out_of_it() {
        let dir = folder("link");
        std::os::unix::fs::symlink(dir.join("secret.png"), dir.join("brief/link.png")).unwrap();
        let assets = Assets::in_folder(dir.join("brief"));
        assert!(matches!(
            assets.read_image("link.png"),
            Err(ImageError::Outside { .. })
        ));
    }

    #[test]
    fn remote_and_bogus_images_are_refused() {
        let assets = Assets::default();
        for src in [
            "https://example.org/a.png",
            "//example.org/a.png",
            "data:image/png;base64,AAAA",
            "file:///etc/passwd",
        ] {
            assert_eq!(assets.read_image(src), Err(ImageError::Remote), "{src}");
        }
        assert!(!is_remote("C:\\images\\a.png"));
        assert!(!is_remote("images/a:b.png"));
        assert_eq!(
            check_image(b"not an image".to_vec()),
            Err(ImageError::NotAnImage)
        );
        assert_eq!(check_image(png_header(0, 5)), Err(ImageError::NoPixels));
    }

    #[test]
    fn a_decompression_bomb_is_refused_from_its_header() {
        let e = check_image(png_header(100_000, 100_000)).unwrap_err();
        assert_eq!(
            e,
            ImageError::TooManyPixels {
                width: 100_000,
                height: 100_000
            }
        );
        assert!(e.message("bomb.png").contains("100000×100000"));
        assert!(check_image(png_header(7000, 7000)).is_ok());
    }

    #[test]
    fn formats_are_sniffed_by_content_and_sized() {
        assert_eq!(
            ImageFormat::sniff(b"GIF89a\x02\0\x03\0"),
            Some(ImageFormat::Gif)
        );
        let gif = check_image(b"GIF89a\x02\0\x03\0rest".to_vec()).unwrap();
        assert_eq!((gif.width, gif.height), (2, 3));
        assert_eq!(
            ImageFormat::sniff(b"\xef\xbb\xbf<?xml version=\"1.0\"?>\n<svg/>"),
            Some(ImageFormat::Svg)
        );
        assert_eq!(ImageFormat::sniff(b"hello <svg"), None);
        assert_eq!(ImageFormat::sniff(b"%PDF-1.7"), None);
        let jpeg = [
            0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11, 8, 0, 30, 0, 40, 3,
        ];
        let img = check_image(jpeg.to_vec()).unwrap();
        assert_eq!(
            (img.format, img.width, img.height),
            (ImageFormat::Jpeg, 40, 30)
        );
    }
}
