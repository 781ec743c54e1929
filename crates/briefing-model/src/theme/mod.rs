//! Themes: one fully resolved style that every renderer reads.
//!
//! A theme is a folder with `theme.toml` and its font files. The built-in ones
//! are embedded in the binary. Every field has a value once resolved, so
//! renderers hold no defaults of their own.

mod builtin;

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize};

use crate::units::{Pt, Rgb};

pub use builtin::{BUILTIN_THEMES, builtin};

/// A fully resolved theme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Theme {
    /// The theme's name.
    pub name: String,
    /// Page size and margins.
    pub page: Page,
    /// Font families for each role.
    pub fonts: Fonts,
    /// Font sizes.
    pub sizes: Sizes,
    /// Line height, spacing and justification of running text.
    pub text: TextStyle,
    /// Colours.
    pub colors: Colors,
    /// Furniture: contents, running header and footer.
    pub layout: Layout,
}

/// Page size and margins.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Page {
    /// Paper size.
    pub size: PaperSize,
    /// Top margin (the running header sits inside it).
    pub margin_top: Pt,
    /// Bottom margin (the footer sits inside it).
    pub margin_bottom: Pt,
    /// Left margin.
    pub margin_left: Pt,
    /// Right margin.
    pub margin_right: Pt,
}

/// A paper size: `A4`, `Letter` or `"WIDTH HEIGHT"`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PaperSize {
    /// Page width.
    pub width: Pt,
    /// Page height.
    pub height: Pt,
}

impl<'de> Deserialize<'de> for PaperSize {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<PaperSize, D::Error> {
        let s = String::deserialize(d)?;
        match s.to_ascii_lowercase().as_str() {
            "a4" => Ok(PaperSize {
                width: Pt::from_mm(210.0),
                height: Pt::from_mm(297.0),
            }),
            "letter" => Ok(PaperSize {
                width: Pt(612.0),
                height: Pt(792.0),
            }),
            other => {
                let mut parts = other.split_whitespace();
                match (parts.next(), parts.next(), parts.next()) {
                    (Some(w), Some(h), None) => {
                        let width: Pt = w.parse().map_err(serde::de::Error::custom)?;
                        let height: Pt = h.parse().map_err(serde::de::Error::custom)?;
                        Ok(PaperSize { width, height })
                    }
                    _ => Err(serde::de::Error::custom(format!(
                        "{s:?} is not a paper size: write A4, Letter or \"WIDTH HEIGHT\" such as \"210mm 297mm\""
                    ))),
                }
            }
        }
    }
}

/// The font family for each role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Fonts {
    /// Running text.
    pub body: FontFamily,
    /// Headings, title block and page furniture.
    pub heading: FontFamily,
    /// Code.
    pub code: FontFamily,
}

/// One family in four faces.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FontFamily {
    /// The family name as word processors and browsers know it.
    pub family: String,
    /// Upright, normal weight.
    pub regular: FontFile,
    /// Upright, bold.
    pub bold: FontFile,
    /// Italic, normal weight.
    pub italic: FontFile,
    /// Italic, bold.
    pub bold_italic: FontFile,
}

impl FontFamily {
    /// The face for a combination of bold and italic.
    pub fn face(&self, bold: bool, italic: bool) -> &FontFile {
        match (bold, italic) {
            (false, false) => &self.regular,
            (true, false) => &self.bold,
            (false, true) => &self.italic,
            (true, true) => &self.bold_italic,
        }
    }
}

/// A font file: its path in the theme folder and, once loaded, its bytes.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub struct FontFile {
    /// Path relative to the theme folder, such as `fonts/NotoSerif-Regular.ttf`.
    pub path: String,
    /// The font program (TrueType or OpenType). Empty until the theme is loaded.
    pub data: Arc<[u8]>,
}

impl FontFile {
    /// The file name without folder and extension, such as `NotoSerif-Regular`.
    pub fn stem(&self) -> &str {
        let name = self.path.rsplit('/').next().unwrap_or(&self.path);
        name.rsplit_once('.').map_or(name, |(stem, _)| stem)
    }
}

impl From<String> for FontFile {
    fn from(path: String) -> Self {
        FontFile {
            path,
            data: Arc::from(Vec::new()),
        }
    }
}

impl From<FontFile> for String {
    fn from(f: FontFile) -> String {
        f.path
    }
}

impl fmt::Debug for FontFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FontFile({:?}, {} bytes)", self.path, self.data.len())
    }
}

/// Font sizes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Sizes {
    /// Running text.
    pub body: Pt,
    /// Footnotes, captions, furniture.
    pub small: Pt,
    /// Code blocks and inline code.
    pub code: Pt,
    /// The document title.
    pub title: Pt,
    /// The subtitle.
    pub subtitle: Pt,
    /// Headings of levels 1 to 6.
    pub headings: [Pt; 6],
}

impl Sizes {
    /// The size of a heading of `level` (1 to 6; out-of-range levels clamp).
    pub fn heading(&self, level: u8) -> Pt {
        self.headings[usize::from(level.clamp(1, 6)) - 1]
    }
}

/// How running text is set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TextStyle {
    /// Line height as a multiple of the font size.
    pub line_height: f32,
    /// Space after each paragraph.
    pub paragraph_spacing: Pt,
    /// Justify body paragraphs.
    pub justify: bool,
}

/// The theme's colours.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Colors {
    /// Running text.
    pub text: Rgb,
    /// Secondary text: bylines, captions, furniture.
    pub muted: Rgb,
    /// Headings and accents.
    pub accent: Rgb,
    /// Rules and table borders.
    pub rule: Rgb,
    /// Links.
    pub link: Rgb,
    /// Behind callouts.
    pub callout_background: Rgb,
    /// Behind code.
    pub code_background: Rgb,
    /// Behind the classification banner.
    pub banner_background: Rgb,
    /// The classification banner's text.
    pub banner_text: Rgb,
}

/// Page furniture.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Layout {
    /// Put a table of contents after the title block.
    pub toc: bool,
    /// Running header; `{title}`, `{date}`, `{page}`, `{pages}`, `{classification}` are filled in.
    pub header: String,
    /// Running footer, with the same placeholders.
    pub footer: String,
    /// Where footnotes go in paged output (PDF): at the foot of the citing page, or in a
    /// "Notes" section at the end. HTML always ends with its notes; Word keeps real footnotes.
    pub footnotes: FootnotePlacement,
}

/// Where footnotes are set in paged output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FootnotePlacement {
    /// At the foot of the page that cites them.
    Page,
    /// Together, in a "Notes" section after the body.
    End,
}

/// Values for the placeholders of a header or footer line.
#[derive(Debug, Clone, Default)]
pub struct Placeholders<'a> {
    /// `{title}`
    pub title: &'a str,
    /// `{date}`
    pub date: &'a str,
    /// `{classification}`
    pub classification: &'a str,
    /// `{page}`, or the text a renderer puts there (a field, say).
    pub page: &'a str,
    /// `{pages}`
    pub pages: &'a str,
}

impl Placeholders<'_> {
    /// Fills the placeholders of `line`.
    pub fn fill(&self, line: &str) -> String {
        line.replace("{title}", self.title)
            .replace("{date}", self.date)
            .replace("{classification}", self.classification)
            .replace("{pages}", self.pages)
            .replace("{page}", self.page)
    }
}

/// Why a theme could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    /// No built-in theme has that name.
    #[error("no built-in theme is called {name:?}; the built-in themes are: {known}")]
    Unknown {
        /// The name asked for.
        name: String,
        /// The names there are.
        known: String,
    },
    /// The theme file is not valid.
    #[error("{file}: {message}")]
    Invalid {
        /// The theme file.
        file: String,
        /// What is wrong, with the line when known.
        message: String,
    },
    /// A font file the theme names is not there.
    #[error("{file}: font file {path:?} not found")]
    MissingFont {
        /// The theme file.
        file: String,
        /// The font path as written.
        path: String,
    },
}

impl Theme {
    /// Parses `theme.toml` text and loads each font through `load_font` (given the path as written).
    pub fn from_toml(
        file: &str,
        text: &str,
        mut load_font: impl FnMut(&str) -> Option<Arc<[u8]>>,
    ) -> Result<Theme, ThemeError> {
        let mut theme: Theme = toml::from_str(text).map_err(|e| ThemeError::Invalid {
            file: file.to_owned(),
            message: e.to_string().trim_end().to_owned(),
        })?;
        for family in [
            &mut theme.fonts.body,
            &mut theme.fonts.heading,
            &mut theme.fonts.code,
        ] {
            for face in [
                &mut family.regular,
                &mut family.bold,
                &mut family.italic,
                &mut family.bold_italic,
            ] {
                face.data = load_font(&face.path).ok_or_else(|| ThemeError::MissingFont {
                    file: file.to_owned(),
                    path: face.path.clone(),
                })?;
            }
        }
        Ok(theme)
    }

    /// Width of the text block between the side margins.
    pub fn text_width(&self) -> Pt {
        Pt(self.page.size.width.0 - self.page.margin_left.0 - self.page.margin_right.0)
    }
}
