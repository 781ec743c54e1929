//! The PDF standards a rendering can claim: PDF/A-2 (archival) and PDF/UA-1 (accessible).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A standard the PDF is written to and claims in its XMP metadata. Every PDF is
/// tagged; without a standard, none is claimed. Themes and files name it as a string
/// (`"a-2a,ua-1"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PdfStandard {
    /// PDF/A-2b: archival, visual appearance preserved (`a-2b`).
    A2b,
    /// PDF/A-2a: archival and tagged, with Unicode text (`a-2a`).
    A2a,
    /// PDF/UA-1: universal accessibility (`ua-1`).
    Ua1,
    /// PDF/A-2a and PDF/UA-1 together (`a-2a,ua-1`).
    A2aUa1,
}

impl PdfStandard {
    /// Every standard, in the order the help text lists them.
    pub const ALL: [PdfStandard; 4] = [
        PdfStandard::A2b,
        PdfStandard::A2a,
        PdfStandard::Ua1,
        PdfStandard::A2aUa1,
    ];

    /// The name used on the command line and in messages.
    pub fn name(self) -> &'static str {
        match self {
            PdfStandard::A2b => "a-2b",
            PdfStandard::A2a => "a-2a",
            PdfStandard::Ua1 => "ua-1",
            PdfStandard::A2aUa1 => "a-2a,ua-1",
        }
    }

    /// The PDF/A-2 conformance level claimed (`B` or `A`), if any.
    pub fn pdfa_conformance(self) -> Option<char> {
        match self {
            PdfStandard::A2b => Some('B'),
            PdfStandard::A2a | PdfStandard::A2aUa1 => Some('A'),
            PdfStandard::Ua1 => None,
        }
    }

    /// Whether PDF/UA-1 is claimed.
    pub fn is_ua(self) -> bool {
        matches!(self, PdfStandard::Ua1 | PdfStandard::A2aUa1)
    }
}

impl fmt::Display for PdfStandard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A name that is not one of the standards.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown PDF standard {given:?}; choose one of: a-2b, a-2a, ua-1, a-2a,ua-1 (or none)")]
pub struct UnknownStandard {
    /// What was given.
    pub given: String,
}

impl FromStr for PdfStandard {
    type Err = UnknownStandard;

    /// Reads `a-2b`, `a-2a`, `ua-1` or `a-2a,ua-1` (case and spaces around the comma ignored;
    /// `ua-1,a-2a` is the same combination).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut parts: Vec<String> = s
            .split(',')
            .map(|p| p.trim().to_ascii_lowercase())
            .collect();
        parts.sort();
        let key = parts.join(",");
        PdfStandard::ALL
            .into_iter()
            .find(|std| std.name() == key)
            .ok_or_else(|| UnknownStandard {
                given: s.to_owned(),
            })
    }
}

impl Serialize for PdfStandard {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for PdfStandard {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// What a theme says about PDF standards: `"none"`, or one of the [`PdfStandard`]s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct PdfClaim(pub Option<PdfStandard>);

impl fmt::Display for PdfClaim {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.map_or("none", PdfStandard::name))
    }
}

impl FromStr for PdfClaim {
    type Err = UnknownStandard;

    /// Reads `none` or a standard's name.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().eq_ignore_ascii_case("none") {
            true => Ok(PdfClaim(None)),
            false => s.parse().map(|std| PdfClaim(Some(std))),
        }
    }
}

impl Serialize for PdfClaim {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PdfClaim {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_unknown_names_list_the_choices() {
        for std in PdfStandard::ALL {
            assert_eq!(std.to_string().parse::<PdfStandard>(), Ok(std));
        }
        assert_eq!("UA-1, A-2a".parse(), Ok(PdfStandard::A2aUa1));
        let err = "a-3b".parse::<PdfStandard>().unwrap_err().to_string();
        assert!(err.contains("\"a-3b\""), "{err}");
        for std in PdfStandard::ALL {
            assert!(err.contains(std.name()), "{err}");
        }
    }

    #[test]
    fn a_claim_is_none_or_a_standard() {
        assert_eq!("None".parse(), Ok(PdfClaim(None)));
        assert_eq!("a-2b".parse(), Ok(PdfClaim(Some(PdfStandard::A2b))));
        assert!("a-1b".parse::<PdfClaim>().is_err());
        for claim in [PdfClaim(None), PdfClaim(Some(PdfStandard::A2aUa1))] {
            assert_eq!(claim.to_string().parse(), Ok(claim));
        }
    }
}
