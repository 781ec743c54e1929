//! Typed units: lengths in points and colours in RGB.

use std::fmt;
use std::ops::{Add, AddAssign, Div, Mul, Neg, Sub, SubAssign};
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A length in PostScript points (1/72 inch).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default, Serialize)]
#[serde(transparent)]
pub struct Pt(pub f32);

impl Pt {
    /// From millimetres.
    pub fn from_mm(mm: f32) -> Pt {
        Pt(mm * 72.0 / 25.4)
    }

    /// In twentieths of a point (Word's "twips").
    pub fn twips(self) -> i32 {
        (self.0 * 20.0).round() as i32
    }

    /// In half-points (Word's font sizes).
    pub fn half_points(self) -> usize {
        (self.0 * 2.0).round().max(1.0) as usize
    }
}

/// Lengths add and subtract, and scale by a plain factor: enough for layout to keep its
/// positions, widths and sizes typed (typst's `Abs` does the same).
impl Add for Pt {
    type Output = Pt;
    fn add(self, other: Pt) -> Pt {
        Pt(self.0 + other.0)
    }
}

impl Sub for Pt {
    type Output = Pt;
    fn sub(self, other: Pt) -> Pt {
        Pt(self.0 - other.0)
    }
}

impl Neg for Pt {
    type Output = Pt;
    fn neg(self) -> Pt {
        Pt(-self.0)
    }
}

impl Mul<f32> for Pt {
    type Output = Pt;
    fn mul(self, factor: f32) -> Pt {
        Pt(self.0 * factor)
    }
}

impl Div<f32> for Pt {
    type Output = Pt;
    fn div(self, divisor: f32) -> Pt {
        Pt(self.0 / divisor)
    }
}

impl AddAssign for Pt {
    fn add_assign(&mut self, other: Pt) {
        self.0 += other.0;
    }
}

impl SubAssign for Pt {
    fn sub_assign(&mut self, other: Pt) {
        self.0 -= other.0;
    }
}

/// Why a length did not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{0:?} is not a length: write a number with pt, mm, cm or in, such as \"10.5pt\" or \"20mm\""
)]
pub struct LengthError(pub String);

impl FromStr for Pt {
    type Err = LengthError;

    fn from_str(s: &str) -> Result<Pt, LengthError> {
        let t = s.trim();
        let split = t.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(t.len());
        let (num, unit) = t.split_at(split);
        let n: f32 = num.trim().parse().map_err(|_| LengthError(s.to_owned()))?;
        let factor = match unit {
            "" | "pt" => 1.0,
            "mm" => 72.0 / 25.4,
            "cm" => 72.0 / 2.54,
            "in" => 72.0,
            _ => return Err(LengthError(s.to_owned())),
        };
        if !n.is_finite() || n < 0.0 {
            return Err(LengthError(s.to_owned()));
        }
        Ok(Pt(n * factor))
    }
}

/// A length or space as a theme file writes it: a bare number, or text with a unit.
#[derive(Deserialize)]
#[serde(untagged)]
enum Raw {
    /// A bare number.
    Num(f32),
    /// Text, such as a number with its unit.
    Text(String),
}

impl<'de> Deserialize<'de> for Pt {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Pt, D::Error> {
        match Raw::deserialize(d)? {
            Raw::Num(n) if n.is_finite() && n >= 0.0 => Ok(Pt(n)),
            Raw::Num(n) => Err(serde::de::Error::custom(LengthError(n.to_string()))),
            Raw::Text(s) => s.parse().map_err(serde::de::Error::custom),
        }
    }
}

/// A space in a theme's `[spacing]` section: in em, a multiple of the font size it belongs
/// to (a bare number, or a string such as `"1.2em"`), or a fixed length (`"18pt"`, `"6mm"`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Space {
    /// A multiple of the font size.
    Em(f32),
    /// A fixed length, whatever the font size.
    Fixed(Pt),
}

impl Space {
    /// The largest space in em a theme may give.
    pub const MAX_EM: f32 = 10.0;
    /// The largest fixed space a theme may give: two inches.
    pub const MAX_FIXED: Pt = Pt(144.0);

    /// The space for text of `size`.
    pub fn of(self, size: Pt) -> Pt {
        match self {
            Space::Em(em) => Pt(em * size.0),
            Space::Fixed(length) => length,
        }
    }
}

/// Why a space did not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{0:?} is not a space: write a number of em from 0 to 10 (such as 1.2, or \"1.2em\"), or a length up to 2in (such as \"6pt\")"
)]
pub struct SpaceError(pub String);

impl FromStr for Space {
    type Err = SpaceError;

    fn from_str(s: &str) -> Result<Space, SpaceError> {
        let err = || SpaceError(s.to_owned());
        let t = s.trim();
        let space = match t.strip_suffix("em") {
            Some(n) => Space::Em(n.trim().parse().map_err(|_| err())?),
            None => Space::Fixed(t.parse().map_err(|_| err())?),
        };
        space.checked().ok_or_else(err)
    }
}

impl Space {
    /// The space if it is finite, not negative and not out of all proportion.
    fn checked(self) -> Option<Space> {
        let ok = match self {
            Space::Em(em) => em.is_finite() && (0.0..=Space::MAX_EM).contains(&em),
            Space::Fixed(Pt(p)) => p.is_finite() && (0.0..=Space::MAX_FIXED.0).contains(&p),
        };
        ok.then_some(self)
    }
}

/// An em space as a number, a fixed one as a string with its unit, as a theme file writes them.
impl Serialize for Space {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Space::Em(em) => s.serialize_f32(*em),
            Space::Fixed(Pt(p)) => s.collect_str(&format_args!("{p}pt")),
        }
    }
}

impl<'de> Deserialize<'de> for Space {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Space, D::Error> {
        match Raw::deserialize(d)? {
            Raw::Num(n) => Space::Em(n)
                .checked()
                .ok_or_else(|| serde::de::Error::custom(SpaceError(n.to_string()))),
            Raw::Text(s) => s.parse().map_err(serde::de::Error::custom),
        }
    }
}

/// A colour in sRGB, 8 bits a channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb {
    /// Red.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
}

impl Rgb {
    /// Each channel from 0.0 to 1.0, as PDF wants them.
    pub fn unit(self) -> [f32; 3] {
        [self.r, self.g, self.b].map(|c| f32::from(c) / 255.0)
    }

    /// `RRGGBB` without the `#`, as Word wants it.
    pub fn hex(self) -> String {
        format!("{:02X}{:02X}{:02X}", self.r, self.g, self.b)
    }
}

/// `#rrggbb` (lower case), as CSS writes it.
impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

/// Why a colour did not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a colour: write #rgb or #rrggbb with hex digits 0-9 and a-f")]
pub struct ColorError(pub String);

impl FromStr for Rgb {
    type Err = ColorError;

    fn from_str(s: &str) -> Result<Rgb, ColorError> {
        let err = || ColorError(s.to_owned());
        let hex = s.strip_prefix('#').ok_or_else(err)?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(err());
        }
        let digit = |i: usize| u8::from_str_radix(&hex[i..i + 1], 16).map_err(|_| err());
        match hex.len() {
            3 => Ok(Rgb {
                r: digit(0)? * 17,
                g: digit(1)? * 17,
                b: digit(2)? * 17,
            }),
            6 => {
                let pair = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|_| err());
                Ok(Rgb {
                    r: pair(0)?,
                    g: pair(2)?,
                    b: pair(4)?,
                })
            }
            _ => Err(err()),
        }
    }
}

impl Serialize for Rgb {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Rgb {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Rgb, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_parse_with_units() {
        assert_eq!("72pt".parse::<Pt>().unwrap(), Pt(72.0));
        assert!(("25.4mm".parse::<Pt>().unwrap().0 - 72.0).abs() < 1e-3);
        assert_eq!("1in".parse::<Pt>().unwrap(), Pt(72.0));
        assert!("-3mm".parse::<Pt>().is_err());
        assert!("3furlongs".parse::<Pt>().is_err());
    }

    #[test]
    fn spaces_are_em_or_lengths() {
        assert_eq!("1.2em".parse::<Space>().unwrap(), Space::Em(1.2));
        assert_eq!("18pt".parse::<Space>().unwrap(), Space::Fixed(Pt(18.0)));
        assert_eq!(Space::Em(0.5).of(Pt(10.0)), Pt(5.0));
        assert_eq!(Space::Fixed(Pt(6.0)).of(Pt(20.0)), Pt(6.0));
        for bad in ["-1em", "11em", "3in", "wide", "NaNem"] {
            assert!(bad.parse::<Space>().is_err(), "{bad}");
        }
    }

    #[test]
    fn colours_parse_and_print() {
        assert_eq!("#1f3864".parse::<Rgb>().unwrap().hex(), "1F3864");
        assert_eq!("#fff".parse::<Rgb>().unwrap().to_string(), "#ffffff");
        assert!("#ggg".parse::<Rgb>().is_err());
        assert!("123456".parse::<Rgb>().is_err());
    }
}
