//! Images: read from disk, recognised by their first bytes and embedded as `data:` URIs.

use std::path::Path;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

/// The image formats browsers show that we embed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
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

impl Format {
    /// The MIME type for the `data:` URI.
    fn mime(self) -> &'static str {
        match self {
            Format::Png => "image/png",
            Format::Jpeg => "image/jpeg",
            Format::Gif => "image/gif",
            Format::Webp => "image/webp",
            Format::Svg => "image/svg+xml",
        }
    }
}

/// The format of `bytes`, judged by content, not by file name: a `.png` that is really a
/// JPEG still shows, and a text file named `.png` is refused.
pub(crate) fn sniff(bytes: &[u8]) -> Option<Format> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(Format::Png)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(Format::Jpeg)
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some(Format::Gif)
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some(Format::Webp)
    } else if is_svg(bytes) {
        Some(Format::Svg)
    } else {
        None
    }
}

/// SVG has no magic number: look for an `<svg` element near the start, after an optional
/// byte-order mark, XML declaration, comments and doctype.
fn is_svg(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let Ok(text) =
        std::str::from_utf8(head).or_else(|e| std::str::from_utf8(&head[..e.valid_up_to()]))
    else {
        return false;
    };
    let text = text.trim_start_matches('\u{feff}').trim_start();
    text.starts_with('<') && text.contains("<svg")
}

/// Why an image could not be embedded, as a reader of the warning needs to hear it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Problem {
    /// The source names a remote or otherwise non-file location.
    NotLocal,
    /// The file could not be read.
    Unreadable(String),
    /// The file is not an image format we embed.
    UnknownFormat,
}

impl Problem {
    /// The warning text for image `src`.
    pub(crate) fn message(&self, src: &str) -> String {
        match self {
            Problem::NotLocal => format!(
                "image {src:?} is not a local file; the page embeds images so it never fetches from another host"
            ),
            Problem::Unreadable(why) => format!("image {src:?} could not be read: {why}"),
            Problem::UnknownFormat => {
                format!("image {src:?} is not a PNG, JPEG, GIF, WebP or SVG image")
            }
        }
    }
}

/// Reads image `src` (relative to `base_dir`) and returns it as a `data:` URI.
pub(crate) fn data_uri(src: &str, base_dir: Option<&Path>) -> Result<String, Problem> {
    if crate::link::scheme(src).is_some_and(|s| s.len() > 1) || src.starts_with("//") {
        // One-letter "schemes" are Windows drive letters (C:\…), which are local paths.
        return Err(Problem::NotLocal);
    }
    let path = match base_dir {
        Some(dir) => dir.join(src),
        None => Path::new(src).to_path_buf(),
    };
    let bytes = std::fs::read(&path).map_err(|e| Problem::Unreadable(e.to_string()))?;
    bytes_uri(&bytes).ok_or(Problem::UnknownFormat)
}

/// `bytes` as a `data:` URI, when they are an image format we embed.
pub(crate) fn bytes_uri(bytes: &[u8]) -> Option<String> {
    let format = sniff(bytes)?;
    let mut uri = String::with_capacity(bytes.len() * 4 / 3 + 32);
    uri.push_str("data:");
    uri.push_str(format.mime());
    uri.push_str(";base64,");
    STANDARD.encode_string(bytes, &mut uri);
    Some(uri)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_content() {
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0"), Some(Format::Png));
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some(Format::Jpeg));
        assert_eq!(sniff(b"GIF89a...."), Some(Format::Gif));
        assert_eq!(sniff(b"RIFF\x10\0\0\0WEBPVP8 "), Some(Format::Webp));
        assert_eq!(
            sniff(
                b"\xef\xbb\xbf<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
            ),
            Some(Format::Svg)
        );
        assert_eq!(sniff(b"hello <svg"), None);
        assert_eq!(sniff(b"%PDF-1.7"), None);
    }

    #[test]
    fn remote_images_are_refused() {
        assert_eq!(
            data_uri("https://example.org/a.png", None),
            Err(Problem::NotLocal)
        );
        assert_eq!(
            data_uri("//example.org/a.png", None),
            Err(Problem::NotLocal)
        );
    }
}
