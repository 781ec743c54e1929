//! A minimal sRGB ICC profile (version 2.1, display class), built in code so no
//! profile file with its own licence has to ship. It holds what an output intent
//! needs: description, copyright, white point, the D50-adapted sRGB primaries and
//! the sRGB tone curve sampled at 1024 points.

/// The profile's description, also the output condition's name.
pub(super) const DESCRIPTION: &str = "sRGB IEC61966-2.1";

/// Samples of the tone curve.
const CURVE_POINTS: usize = 1024;

/// The profile's bytes.
pub(super) fn srgb() -> Vec<u8> {
    let tags: Vec<([u8; 4], Vec<u8>)> = vec![
        (*b"desc", desc(DESCRIPTION)),
        (*b"cprt", text("No copyright, use freely")),
        (*b"wtpt", xyz([0.9642, 1.0, 0.8249])),
        (*b"rXYZ", xyz([0.436_074_7, 0.222_504_5, 0.013_932_2])),
        (*b"gXYZ", xyz([0.385_064_9, 0.716_878_6, 0.097_104_5])),
        (*b"bXYZ", xyz([0.143_080_4, 0.060_616_9, 0.714_173_3])),
        (*b"rTRC", curve()),
        (*b"gTRC", curve()),
        (*b"bTRC", curve()),
    ];
    let table_len = 4 + 12 * tags.len();
    let mut data = Vec::new();
    let mut entries = Vec::new();
    for (sig, body) in &tags {
        let offset = 128 + table_len + data.len();
        entries.push((*sig, offset as u32, body.len() as u32));
        data.extend_from_slice(body);
        while data.len() % 4 != 0 {
            data.push(0);
        }
    }
    let size = 128 + table_len + data.len();
    let mut out = Vec::with_capacity(size);
    out.extend_from_slice(&(size as u32).to_be_bytes());
    out.extend_from_slice(&[0; 4]); // preferred CMM: none
    out.extend_from_slice(&[2, 0x10, 0, 0]); // version 2.1
    out.extend_from_slice(b"mntr");
    out.extend_from_slice(b"RGB ");
    out.extend_from_slice(b"XYZ ");
    for v in [2025u16, 1, 1, 0, 0, 0] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    out.extend_from_slice(b"acsp");
    out.extend_from_slice(&[0; 4]); // platform
    out.extend_from_slice(&[0; 4]); // flags
    out.extend_from_slice(&[0; 4]); // manufacturer
    out.extend_from_slice(&[0; 4]); // model
    out.extend_from_slice(&[0; 8]); // attributes
    out.extend_from_slice(&[0; 4]); // rendering intent: perceptual
    for v in [0.9642, 1.0, 0.8249] {
        out.extend_from_slice(&s15f16(v));
    }
    out.extend_from_slice(&[0; 4]); // creator
    out.resize(128, 0);
    out.extend_from_slice(&(tags.len() as u32).to_be_bytes());
    for (sig, offset, len) in entries {
        out.extend_from_slice(&sig);
        out.extend_from_slice(&offset.to_be_bytes());
        out.extend_from_slice(&len.to_be_bytes());
    }
    out.extend_from_slice(&data);
    out
}

/// A signed 15.16 fixed-point number.
fn s15f16(v: f64) -> [u8; 4] {
    ((v * 65536.0).round() as i32).to_be_bytes()
}

/// An `XYZType` tag.
fn xyz(v: [f64; 3]) -> Vec<u8> {
    let mut out = b"XYZ \0\0\0\0".to_vec();
    for c in v {
        out.extend_from_slice(&s15f16(c));
    }
    out
}

/// A `textType` tag.
fn text(s: &str) -> Vec<u8> {
    let mut out = b"text\0\0\0\0".to_vec();
    out.extend_from_slice(s.as_bytes());
    out.push(0);
    out
}

/// A version 2 `textDescriptionType` tag with only the ASCII description.
fn desc(s: &str) -> Vec<u8> {
    let mut out = b"desc\0\0\0\0".to_vec();
    out.extend_from_slice(&(s.len() as u32 + 1).to_be_bytes());
    out.extend_from_slice(s.as_bytes());
    out.push(0);
    out.extend_from_slice(&[0; 4]); // Unicode language code
    out.extend_from_slice(&[0; 4]); // Unicode count
    out.extend_from_slice(&[0; 2]); // ScriptCode code
    out.push(0); // ScriptCode count
    out.extend_from_slice(&[0; 67]); // ScriptCode description
    out
}

/// The sRGB transfer function as a `curveType` table.
fn curve() -> Vec<u8> {
    let mut out = b"curv\0\0\0\0".to_vec();
    out.extend_from_slice(&(CURVE_POINTS as u32).to_be_bytes());
    for i in 0..CURVE_POINTS {
        let x = i as f64 / (CURVE_POINTS - 1) as f64;
        let y = if x <= 0.040_45 {
            x / 12.92
        } else {
            ((x + 0.055) / 1.055).powf(2.4)
        };
        out.extend_from_slice(&((y * 65535.0).round() as u16).to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_profile_has_a_consistent_header_and_tag_table() {
        let p = srgb();
        assert_eq!(
            u32::from_be_bytes(p[0..4].try_into().unwrap()) as usize,
            p.len()
        );
        assert_eq!(&p[12..24], b"mntrRGB XYZ ");
        assert_eq!(&p[36..40], b"acsp");
        let count = u32::from_be_bytes(p[128..132].try_into().unwrap()) as usize;
        assert_eq!(count, 9);
        for k in 0..count {
            let e = &p[132 + 12 * k..144 + 12 * k];
            let offset = u32::from_be_bytes(e[4..8].try_into().unwrap()) as usize;
            let len = u32::from_be_bytes(e[8..12].try_into().unwrap()) as usize;
            assert_eq!(offset % 4, 0);
            assert!(offset + len <= p.len());
        }
        // The curve ends at full intensity.
        let curve = curve();
        assert_eq!(&curve[curve.len() - 2..], &[0xFF, 0xFF]);
    }
}
