//! Images: read through the briefing's assets (confined to its folder, size-checked) and
//! embedded as `data:` URIs.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use briefing_model::{Assets, Image, ImageError, check_image};

/// Reads image `src` and returns it as a `data:` URI; the error is a sentence for a warning.
pub(crate) fn data_uri(src: &str, assets: &Assets) -> Result<String, String> {
    let image = assets.read_image(src).map_err(|e| e.message(src))?;
    Ok(uri(&image))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remote_images_are_refused() {
        for src in ["https://example.org/a.png", "//example.org/a.png"] {
            let e = data_uri(src, &Assets::default()).unwrap_err();
            assert!(e.contains("never fetched"), "{e}");
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
}
