//! Images: read through the briefing's assets (confined to its folder, size-checked) and
//! either embedded as `data:` URIs or written as files beside the page.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use briefing_model::{Assets, Image, ImageError, check_image};
use sha2::{Digest as _, Sha256};

/// Hex digits of the SHA-256 in a file's name: 128 bits, so two different images never
/// share a name, even across every document of a large batch writing into one folder.
const NAME_HEX_DIGITS: usize = 32;

/// Where a page's images go.
#[derive(Debug)]
pub(crate) enum Images {
    /// Embedded in the page as `data:` URIs.
    Embed,
    /// Written as files: `prefix` is the URL path to their folder, already encoded and
    /// ending in `/` (or empty); `files` maps each file name to its bytes.
    Folder {
        /// The encoded URL path before each file name.
        prefix: String,
        /// The files written so far, by name (a map: sorted and deduplicated).
        files: BTreeMap<String, Vec<u8>>,
    },
}

impl Images {
    /// Images embedded, or written beside the page when `folder` is given.
    pub(crate) fn new(folder: Option<&str>) -> Images {
        match folder {
            None => Images::Embed,
            Some(folder) => Images::Folder {
                prefix: url_prefix(folder),
                files: BTreeMap::new(),
            },
        }
    }

    /// Reads image `src` and returns the URL to put in its `src` attribute (not yet
    /// attribute-escaped); the error is a sentence for a warning.
    pub(crate) fn url(&mut self, src: &str, assets: &Assets) -> Result<String, String> {
        let image = assets.read_image(src).map_err(|e| e.message(src))?;
        Ok(match self {
            Images::Embed => uri(&image),
            Images::Folder { prefix, files } => {
                let name = file_name(&image);
                let url = format!("{prefix}{name}");
                files.entry(name).or_insert(image.bytes);
                url
            }
        })
    }

    /// The files to write beside the page, sorted by name.
    pub(crate) fn into_files(self) -> Vec<(String, Vec<u8>)> {
        match self {
            Images::Embed => Vec::new(),
            Images::Folder { files, .. } => files.into_iter().collect(),
        }
    }
}

/// Bytes already in memory (a theme's logo) as a `data:` URI, when they are an image.
pub(crate) fn bytes_uri(bytes: &[u8]) -> Result<String, ImageError> {
    check_image(bytes.to_vec()).map(|image| uri(&image))
}

fn uri(image: &Image) -> String {
    let mut uri = String::with_capacity(image.bytes.len() * 4 / 3 + 32);
    uri.push_str("data:");
    uri.push_str(image.format.mime());
    uri.push_str(";base64,");
    STANDARD.encode_string(&image.bytes, &mut uri);
    uri
}

/// The content-addressed file name of `image`: a SHA-256 prefix of its bytes and the
/// extension of its format (judged by content), so documents sharing an image share a file.
fn file_name(image: &Image) -> String {
    let digest = Sha256::digest(&image.bytes);
    let mut name = String::with_capacity(NAME_HEX_DIGITS + 6);
    for b in &digest[..NAME_HEX_DIGITS / 2] {
        let _ = write!(name, "{b:02x}");
    }
    name.push('.');
    name.push_str(image.format.extension());
    name
}

/// The folder path as an encoded, relative URL prefix ending in `/` (empty for no folder).
///
/// Each segment is percent-encoded except for unreserved characters and a few safe
/// sub-delimiters, so spaces, `#`, `?`, `%` and `:` cannot change what the URL means (a
/// `:` in the first segment would make it a scheme). Empty segments are dropped, so a
/// leading `/` or `//` cannot turn the prefix into an absolute path or another host; a
/// backslash (which browsers read as `/`) is encoded.
fn url_prefix(folder: &str) -> String {
    let mut out = String::with_capacity(folder.len() + 1);
    for segment in folder.split('/').filter(|s| !s.is_empty()) {
        for b in segment.bytes() {
            if b.is_ascii_alphanumeric()
                || matches!(b, b'-' | b'.' | b'_' | b'~' | b'!' | b'$')
                || matches!(b, b'(' | b')' | b'*' | b'+' | b',' | b';' | b'=' | b'@')
            {
                out.push(char::from(b));
            } else {
                let _ = write!(out, "%{b:02X}");
            }
        }
        out.push('/');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remote_images_are_refused() {
        for src in ["https://example.org/a.png", "//example.org/a.png"] {
            for mut images in [Images::new(None), Images::new(Some("files"))] {
                let e = images.url(src, &Assets::default()).unwrap_err();
                assert!(e.contains("never fetched"), "{e}");
                assert!(images.into_files().is_empty());
            }
        }
    }

    #[test]
    fn uris_carry_the_sniffed_type() {
        let gif = b"GIF89a\x01\0\x01\0rest";
        assert!(
            bytes_uri(gif)
                .unwrap()
                .starts_with("data:image/gif;base64,")
        );
        assert!(bytes_uri(b"%PDF-1.7").is_err());
    }

    #[test]
    fn names_are_content_hashes_with_the_sniffed_extension() {
        let gif = check_image(b"GIF89a\x01\0\x01\0rest".to_vec()).unwrap();
        let name = file_name(&gif);
        // The first 32 hex digits of the bytes' SHA-256, as `sha256sum` prints it.
        assert_eq!(name, "8d1eb060bf464f583bf8b5278afa384d.gif");
        let other = check_image(b"GIF89a\x01\0\x01\0rest2".to_vec()).unwrap();
        assert_ne!(file_name(&other), name);
        assert_eq!(file_name(&gif.clone()), name);
    }

    #[test]
    fn folder_prefixes_stay_relative_and_encoded() {
        assert_eq!(url_prefix("report_files"), "report_files/");
        assert_eq!(url_prefix("../assets/"), "../assets/");
        assert_eq!(url_prefix("my files#1?x"), "my%20files%231%3Fx/");
        assert_eq!(url_prefix("//evil.example/x"), "evil.example/x/");
        assert_eq!(url_prefix("/abs"), "abs/");
        assert_eq!(url_prefix("javascript:alert(1)"), "javascript%3Aalert(1)/");
        assert_eq!(url_prefix("a\\b\"<é>"), "a%5Cb%22%3C%C3%A9%3E/");
        assert_eq!(url_prefix("50%"), "50%25/");
        assert_eq!(url_prefix(""), "");
    }
}
