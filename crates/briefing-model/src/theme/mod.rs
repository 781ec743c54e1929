//! Themes: one fully resolved style that every renderer reads.
//!
//! A theme is a folder with `theme.toml`, its font files, a logo, and the HTML page template
//! and stylesheet. The built-in ones are embedded in the binary. A user's theme folder names
//! the built-in theme it `extends` and overrides single keys and single files of it. Every
//! field has a value once resolved, so renderers hold no defaults of their own.

mod builtin;
mod load;

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

use crate::bytes::Bytes;
use crate::standard::PdfClaim;
use crate::units::{Pt, Rgb};

pub use builtin::{BUILTIN_THEMES, builtin, builtin_files};
pub use load::{ThemeError, ThemeSpec, is_theme_folder, load, load_dir};

/// Declares a theme section twice: resolved (every field required) and as a theme file
/// writes it (every field optional, unknown keys rejected), with the merge between them.
macro_rules! section {
    ($(#[$doc:meta])* $name:ident / $spec:ident {
        $($(#[$fdoc:meta])* $field:ident : $ty:ty),* $(,)?
    }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        pub struct $name {
            $($(#[$fdoc])* pub $field: $ty,)*
        }

        #[doc = concat!("[`", stringify!($name), "`] as a theme file writes it: every field optional.")]
        #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        pub struct $spec {
            $($(#[$fdoc])* #[serde(default, skip_serializing_if = "Option::is_none")] pub $field: Option<$ty>,)*
        }

        impl $spec {
            /// Sets on `base` every field this spec gives.
            pub fn apply_to(self, base: &mut $name) {
                $(if let Some(v) = self.$field { base.$field = v; })*
            }
        }
    };
}

// After the macro, which it uses.
mod spacing;

pub use spacing::{Spacing, SpacingSpec};

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
    /// Space around blocks and inside boxes.
    pub spacing: Spacing,
    /// Colours.
    pub colors: Colors,
    /// Furniture: contents, title block, running header and footer, notes.
    pub layout: Layout,
    /// What the PDF edition claims to meet.
    pub pdf: Pdf,
    /// An image (PNG or JPEG) shown in the title block, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<ThemeFile>,
    /// The HTML page template and stylesheet (`page.html`, `style.css`).
    #[serde(skip)]
    pub html: HtmlFiles,
}

/// The HTML edition's template and stylesheet, as text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HtmlFiles {
    /// `page.html`, with `{{name}}` placeholders.
    pub page: String,
    /// `style.css`, which reads the theme through CSS custom properties.
    pub style: String,
}

section! {
    /// Page size and margins.
    Page / PageSpec {
        /// Paper size.
        size: PaperSize,
        /// Top margin (the running header sits inside it).
        margin_top: Pt,
        /// Bottom margin (the footer sits inside it).
        margin_bottom: Pt,
        /// Left margin.
        margin_left: Pt,
        /// Right margin.
        margin_right: Pt,
    }
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
                        if width.0 < 72.0 || height.0 < 72.0 {
                            return Err(serde::de::Error::custom(format!(
                                "{s:?} is too small for a page: each side needs at least 1 inch"
                            )));
                        }
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
    /// Headings and the title block.
    pub heading: FontFamily,
    /// Code.
    pub code: FontFamily,
    /// Page furniture: running header and footer, page numbers, the classification banner.
    pub furniture: FontFamily,
}

impl Fonts {
    /// Every role's family: body, heading, code, furniture.
    pub fn families(&self) -> [&FontFamily; 4] {
        [&self.body, &self.heading, &self.code, &self.furniture]
    }

    /// Every role's family, mutably (for loading their bytes).
    pub(crate) fn families_mut(&mut self) -> [&mut FontFamily; 4] {
        [
            &mut self.body,
            &mut self.heading,
            &mut self.code,
            &mut self.furniture,
        ]
    }
}

/// [`Fonts`] as a theme file writes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FontsSpec {
    /// Running text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<FontFamilySpec>,
    /// Headings and the title block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<FontFamilySpec>,
    /// Code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<FontFamilySpec>,
    /// Page furniture: running header and footer, page numbers, the classification banner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub furniture: Option<FontFamilySpec>,
}

impl FontsSpec {
    /// Sets on `base` every family or face this spec gives.
    pub fn apply_to(self, base: &mut Fonts) {
        if let Some(f) = self.body {
            f.apply_to(&mut base.body);
        }
        if let Some(f) = self.heading {
            f.apply_to(&mut base.heading);
        }
        if let Some(f) = self.code {
            f.apply_to(&mut base.code);
        }
        if let Some(f) = self.furniture {
            f.apply_to(&mut base.furniture);
        }
    }
}

section! {
    /// One family in four faces.
    FontFamily / FontFamilySpec {
        /// The family name as word processors and browsers know it.
        family: String,
        /// Upright, normal weight.
        regular: ThemeFile,
        /// Upright, bold.
        bold: ThemeFile,
        /// Italic, normal weight.
        italic: ThemeFile,
        /// Italic, bold.
        bold_italic: ThemeFile,
    }
}

impl FontFamily {
    /// The face for a combination of bold and italic.
    pub fn face(&self, bold: bool, italic: bool) -> &ThemeFile {
        match (bold, italic) {
            (false, false) => &self.regular,
            (true, false) => &self.bold,
            (false, true) => &self.italic,
            (true, true) => &self.bold_italic,
        }
    }

    /// The four faces, mutably (for loading their bytes).
    pub(crate) fn faces_mut(&mut self) -> [&mut ThemeFile; 4] {
        [
            &mut self.regular,
            &mut self.bold,
            &mut self.italic,
            &mut self.bold_italic,
        ]
    }
}

/// A file a theme refers to (a font, a logo): its path in the theme folder and, once loaded,
/// its bytes.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub struct ThemeFile {
    /// Path relative to the theme folder, such as `fonts/NotoSerif-Regular.ttf`.
    pub path: String,
    /// The file's bytes. Empty until the theme is loaded.
    pub data: Bytes,
}

/// The font files of a theme.
pub type FontFile = ThemeFile;

impl ThemeFile {
    /// The file name without folder and extension, such as `NotoSerif-Regular`.
    pub fn stem(&self) -> &str {
        let name = self.path.rsplit('/').next().unwrap_or(&self.path);
        name.rsplit_once('.').map_or(name, |(stem, _)| stem)
    }
}

impl From<String> for ThemeFile {
    fn from(path: String) -> Self {
        ThemeFile {
            path,
            data: Bytes::default(),
        }
    }
}

impl From<ThemeFile> for String {
    fn from(f: ThemeFile) -> String {
        f.path
    }
}

impl fmt::Debug for ThemeFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ThemeFile({:?}, {} bytes)", self.path, self.data.len())
    }
}

section! {
    /// Font sizes.
    Sizes / SizesSpec {
        /// Running text.
        body: Pt,
        /// Footnotes, captions, furniture.
        small: Pt,
        /// Code blocks and inline code.
        code: Pt,
        /// The document title.
        title: Pt,
        /// The subtitle.
        subtitle: Pt,
        /// Headings of levels 1 to 6.
        headings: [Pt; 6],
    }
}

impl Sizes {
    /// The size of a heading of `level` (1 to 6; out-of-range levels clamp).
    pub fn heading(&self, level: u8) -> Pt {
        self.headings[usize::from(level.clamp(1, 6)) - 1]
    }
}

section! {
    /// How running text is set.
    TextStyle / TextStyleSpec {
        /// Line height as a multiple of the font size.
        line_height: f32,
        /// Line height of code blocks, as a multiple of the code size.
        code_line_height: f32,
        /// Space above and below each paragraph.
        paragraph_spacing: Pt,
        /// Justify body paragraphs.
        justify: bool,
    }
}

section! {
    /// The theme's colours.
    Colors / ColorsSpec {
        /// Running text.
        text: Rgb,
        /// Secondary text: bylines, captions, furniture.
        muted: Rgb,
        /// Headings and accents.
        accent: Rgb,
        /// Rules and table borders.
        rule: Rgb,
        /// Links.
        link: Rgb,
        /// Behind callouts.
        callout_background: Rgb,
        /// Behind code.
        code_background: Rgb,
        /// Behind the classification banner (and the masthead).
        banner_background: Rgb,
        /// The classification banner's (and the masthead's) text.
        banner_text: Rgb,
    }
}

section! {
    /// Page furniture.
    Layout / LayoutSpec {
        /// Put a table of contents after the title block.
        toc: bool,
        /// How the title block looks.
        title_block: TitleBlock,
        /// Running header; `{title}`, `{date}`, `{page}`, `{pages}`, `{classification}` are filled in.
        header: String,
        /// Running footer, with the same placeholders.
        footer: String,
        /// Where notes go in the PDF: at the foot of the citing page, or together in a "Notes"
        /// section at the end. HTML always ends with its notes.
        footnotes: FootnotePlacement,
        /// Where notes go in Word: real Word footnotes (`page`) or real Word endnotes (`end`).
        /// Separate from `footnotes` because editors expect Word's own default, footnotes,
        /// whatever the print layout does.
        word_notes: FootnotePlacement,
    }
}

section! {
    /// The PDF edition.
    Pdf / PdfSpec {
        /// The standard every PDF meets and claims (`"a-2b"`, `"a-2a"`, `"ua-1"`,
        /// `"a-2a,ua-1"`), or `"none"`: a tagged PDF that claims none. The command line's
        /// `--pdf-standard` overrides it.
        standard: PdfClaim,
    }
}

/// How the title block looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TitleBlock {
    /// Title, subtitle and byline stacked on the page, in the heading colours.
    Stacked,
    /// A full-width band in the banner colours carrying the title: a newspaper masthead.
    Masthead,
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

impl Theme {
    /// Width of the text block between the side margins.
    pub fn text_width(&self) -> Pt {
        Pt(self.page.size.width.0 - self.page.margin_left.0 - self.page.margin_right.0)
    }
}
