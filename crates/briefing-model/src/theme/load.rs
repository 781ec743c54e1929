//! Loading themes: the built-in ones by name, a user's from a folder, with errors that say
//! where and what.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::bytes::Bytes;

use super::{
    ColorsSpec, FontsSpec, HtmlFiles, LayoutSpec, PageSpec, PdfSpec, SizesSpec, SpacingSpec,
    TextStyleSpec, Theme, ThemeFile,
};

/// A theme as its `theme.toml` writes it: every field optional, unknown keys rejected. It is
/// resolved over the built-in theme it `extends` (by default `briefing`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ThemeSpec {
    /// The built-in theme this one starts from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extends: Option<String>,
    /// The theme's name (by default its folder's name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Page size and margins.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<PageSpec>,
    /// Font families.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fonts: Option<FontsSpec>,
    /// Font sizes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sizes: Option<SizesSpec>,
    /// Running text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<TextStyleSpec>,
    /// Space around blocks and inside boxes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spacing: Option<SpacingSpec>,
    /// Colours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colors: Option<ColorsSpec>,
    /// Furniture.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layout: Option<LayoutSpec>,
    /// The PDF edition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pdf: Option<PdfSpec>,
    /// A logo image, relative to the theme folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<ThemeFile>,
}

impl ThemeSpec {
    /// Sets on `base` everything this spec gives. Files it names have no bytes yet.
    pub fn apply_to(self, base: &mut Theme) {
        if let Some(name) = self.name {
            base.name = name;
        }
        if let Some(s) = self.page {
            s.apply_to(&mut base.page);
        }
        if let Some(s) = self.fonts {
            s.apply_to(&mut base.fonts);
        }
        if let Some(s) = self.sizes {
            s.apply_to(&mut base.sizes);
        }
        if let Some(s) = self.text {
            s.apply_to(&mut base.text);
        }
        if let Some(s) = self.spacing {
            s.apply_to(&mut base.spacing);
        }
        if let Some(s) = self.colors {
            s.apply_to(&mut base.colors);
        }
        if let Some(s) = self.layout {
            s.apply_to(&mut base.layout);
        }
        if let Some(s) = self.pdf {
            s.apply_to(&mut base.pdf);
        }
        if let Some(logo) = self.logo {
            base.logo = Some(logo);
        }
    }
}

/// Why a theme could not be loaded.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ThemeError {
    /// No built-in theme has that name, and no folder either.
    #[error("no theme is called {name:?}: the built-in themes are {known}, or give a theme folder")]
    Unknown {
        /// The name asked for.
        name: String,
        /// The built-in names.
        known: String,
    },
    /// The theme file is not valid.
    #[error("{}: {message}{}", location(file, *line, *column), hint.as_ref().map(|h| format!("\nhint: {h}")).unwrap_or_default())]
    Invalid {
        /// The theme file.
        file: PathBuf,
        /// 1-based line, 0 when unknown.
        line: u32,
        /// 1-based column, 0 when unknown.
        column: u32,
        /// What is wrong.
        message: String,
        /// How to fix it.
        hint: Option<String>,
    },
}

fn location(file: &Path, line: u32, column: u32) -> String {
    match (line, column) {
        (0, _) => file.display().to_string(),
        (l, 0) => format!("{}:{l}", file.display()),
        (l, c) => format!("{}:{l}:{c}", file.display()),
    }
}

impl ThemeError {
    fn invalid(file: &Path, line: u32, message: impl Into<String>) -> Self {
        ThemeError::Invalid {
            file: file.to_owned(),
            line,
            column: 0,
            message: message.into(),
            hint: None,
        }
    }
}

/// A built-in theme by name, or a theme folder by path (anything naming an existing folder).
pub fn load(name_or_dir: &str) -> Result<Arc<Theme>, ThemeError> {
    let path = Path::new(name_or_dir);
    if is_theme_folder(path) {
        return load_dir(path).map(Arc::new);
    }
    super::builtin(name_or_dir)
}

/// Whether [`load`] reads `path` as a theme folder: a folder with a `theme.toml`, or any
/// folder not named like a built-in theme (which then says what it lacks). A folder that
/// only shares a built-in theme's name, such as an output folder called `memo`, is not one.
pub fn is_theme_folder(path: &Path) -> bool {
    path.is_dir()
        && (path.join("theme.toml").is_file()
            || !super::BUILTIN_THEMES.contains(&path.to_string_lossy().as_ref()))
}

/// Loads a theme folder: its `theme.toml` over the built-in theme it extends, with the fonts,
/// logo, `page.html` and `style.css` it has of its own, and the base theme's for the rest.
pub fn load_dir(dir: &Path) -> Result<Theme, ThemeError> {
    let file = dir.join("theme.toml");
    let text = std::fs::read_to_string(&file)
        .map_err(|e| ThemeError::invalid(&file, 0, format!("cannot read the theme file: {e}")))?;
    let spec: ThemeSpec = toml::from_str(&text).map_err(|e| toml_error(&file, &text, &e))?;
    let base_name = spec
        .extends
        .clone()
        .unwrap_or_else(|| super::BUILTIN_THEMES[0].to_owned());
    let base = super::builtin(&base_name).map_err(|_| ThemeError::Invalid {
        file: file.clone(),
        line: line_of(&text, "extends"),
        column: 0,
        message: format!("`extends` names no built-in theme: {base_name:?}"),
        hint: Some(format!(
            "the built-in themes are {}",
            super::BUILTIN_THEMES.join(", ")
        )),
    })?;
    let mut theme = (*base).clone();
    theme.name = dir
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("custom")
        .to_owned();
    spec.apply_to(&mut theme);

    // Files the folder names are read from it; the rest keep the base theme's bytes.
    let mut files: Vec<&mut ThemeFile> = Vec::new();
    for family in theme.fonts.families_mut() {
        files.extend(family.faces_mut());
    }
    files.extend(theme.logo.as_mut());
    for f in files {
        if f.data.is_empty() {
            let path = dir.join(&f.path);
            f.data = std::fs::read(&path)
                .map(Bytes::from)
                .map_err(|e| ThemeError::Invalid {
                    file: file.clone(),
                    line: line_of(&text, &f.path),
                    column: 0,
                    message: format!("cannot read {:?}: {e}", f.path),
                    hint: Some(format!(
                        "paths are relative to the theme folder {}",
                        dir.display()
                    )),
                })?;
            check_file_kind(&file, &text, f)?;
        }
    }
    let read = |name: &str, base: &str| {
        std::fs::read_to_string(dir.join(name)).unwrap_or_else(|_| base.to_owned())
    };
    theme.html = HtmlFiles {
        page: read("page.html", &base.html.page),
        style: read("style.css", &base.html.style),
    };
    validate(&theme).map_err(|m| ThemeError::invalid(&file, 0, m))?;
    Ok(theme)
}

/// Fonts must be TrueType or OpenType; a logo PNG or JPEG.
fn check_file_kind(file: &Path, text: &str, f: &ThemeFile) -> Result<(), ThemeError> {
    let d = &f.data;
    let lower = f.path.to_ascii_lowercase();
    let ok = if lower.ends_with(".ttf") || lower.ends_with(".otf") {
        d.starts_with(&[0, 1, 0, 0]) || d.starts_with(b"OTTO") || d.starts_with(b"true")
    } else {
        d.starts_with(b"\x89PNG") || d.starts_with(&[0xFF, 0xD8, 0xFF])
    };
    if ok {
        return Ok(());
    }
    Err(ThemeError::Invalid {
        file: file.to_owned(),
        line: line_of(text, &f.path),
        column: 0,
        message: format!(
            "{:?} is not a font (.ttf, .otf) or an image (PNG, JPEG)",
            f.path
        ),
        hint: None,
    })
}

/// Checks that hold for every theme, whatever its values.
pub(crate) fn validate(t: &Theme) -> Result<(), String> {
    if t.text_width().0 < 144.0 {
        return Err("the side margins leave less than 2 inches for text".into());
    }
    let height = t.page.size.height.0 - t.page.margin_top.0 - t.page.margin_bottom.0;
    if height < 144.0 {
        return Err("the top and bottom margins leave less than 2 inches for text".into());
    }
    for (key, v) in [
        ("line-height", t.text.line_height),
        ("code-line-height", t.text.code_line_height),
    ] {
        if !(0.8..=3.0).contains(&v) {
            return Err(format!("text.{key} {v} is outside 0.8 to 3"));
        }
    }
    let s = &t.sizes;
    let sizes = [s.body, s.small, s.code, s.title, s.subtitle]
        .into_iter()
        .chain(s.headings);
    if sizes.clone().any(|p| !(4.0..=96.0).contains(&p.0)) {
        return Err("every font size must be between 4pt and 96pt".into());
    }
    Ok(())
}

/// A toml error as a theme error with line, column and a "did you mean" for unknown keys.
fn toml_error(file: &Path, text: &str, e: &toml::de::Error) -> ThemeError {
    let (line, column) = e.span().map_or((0, 0), |span| {
        let before = &text[..span.start.min(text.len())];
        let line = before.matches('\n').count() as u32 + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
        (line, column)
    });
    let message = e.message().trim().to_owned();
    let hint = unknown_key_hint(&message);
    ThemeError::Invalid {
        file: file.to_owned(),
        line,
        column,
        message,
        hint,
    }
}

/// For "unknown field `colour`, expected one of `text`, `muted`…", the nearest expected key.
fn unknown_key_hint(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (unknown, expected) = rest.split_once('`')?;
    let best = expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(|k| (strsim::damerau_levenshtein(unknown, k), k))
        .min()?;
    (best.0 <= 3).then(|| format!("did you mean `{}`?", best.1))
}

fn line_of(text: &str, needle: &str) -> u32 {
    text.lines()
        .position(|l| l.contains(needle))
        .map_or(0, |i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::Pt;

    fn folder(name: &str, toml: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("briefing-theme-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("theme.toml"), toml).unwrap();
        dir
    }

    #[test]
    fn a_folder_overrides_single_keys_of_its_base() {
        let dir = folder(
            "ok",
            "extends = \"memo\"\n[colors]\naccent = \"#aa0000\"\n[page]\nsize = \"A4\"\n",
        );
        let t = load_dir(&dir).unwrap();
        let memo = crate::theme::builtin("memo").unwrap();
        assert_eq!(t.colors.accent.to_string(), "#aa0000");
        assert_eq!(t.colors.text, memo.colors.text);
        assert_eq!(t.fonts.body.family, memo.fonts.body.family);
        assert!(!t.fonts.body.regular.data.is_empty());
        assert!(t.page.size.height.0 > 800.0);
        assert!(!t.html.page.is_empty());
    }

    #[test]
    fn unknown_keys_and_bad_values_say_where() {
        let dir = folder(
            "bad-key",
            "[colors]\ntext = \"#000000\"\ncolour = \"#ffffff\"\n",
        );
        let e = load_dir(&dir).unwrap_err().to_string();
        assert!(e.contains("theme.toml:3:1: unknown field `colour`"), "{e}");
        let dir = folder("bad-colour", "[colors]\naccent = \"#ggg\"\n");
        let e = load_dir(&dir).unwrap_err().to_string();
        assert!(e.contains("theme.toml:2:") && e.contains("#ggg"), "{e}");
        let dir = folder("bad-margin", "[page]\nmargin-left = \"-3mm\"\n");
        let e = load_dir(&dir).unwrap_err().to_string();
        assert!(e.contains("theme.toml:2:") && e.contains("-3mm"), "{e}");
        let dir = folder("bad-key-hint", "[layout]\nfooters = \"x\"\n");
        let e = load_dir(&dir).unwrap_err().to_string();
        assert!(e.contains("did you mean `footer`?"), "{e}");
        let dir = folder("bad-standard", "\n[pdf]\nstandard = \"a-3b\"\n");
        let e = load_dir(&dir).unwrap_err().to_string();
        assert!(
            e.contains("theme.toml:3:") && e.contains("\"a-3b\"") && e.contains("a-2a,ua-1"),
            "{e}"
        );
    }

    #[test]
    fn spacing_takes_em_or_lengths_and_bad_values_say_where() {
        let dir = folder(
            "spacing",
            "[spacing]\nlist-indent = 2\nheading-after = [\"1em\", 1, 1, 1, 1, \"3mm\"]\n",
        );
        let t = load_dir(&dir).unwrap();
        assert_eq!(t.spacing.list_indent.of(t.sizes.body), Pt(21.0));
        assert_eq!(t.spacing.heading_after(1, Pt(16.0)), Pt(16.0));
        assert!((t.spacing.heading_after(6, Pt(16.0)).0 - 8.5).abs() < 0.01);
        // The base theme's values stay where the folder gives none.
        let base = crate::theme::builtin("briefing").unwrap();
        assert_eq!(t.spacing.cell_padding, base.spacing.cell_padding);
        for (name, toml, column, bad) in [
            (
                "negative",
                "[spacing]\nlist-indent = \"-3pt\"\n",
                15,
                "-3pt",
            ),
            ("huge", "\n[spacing]\ncode-padding = 12\n", 16, "12"),
            ("unit", "[spacing]\nrule-gap = \"1ex\"\n", 12, "1ex"),
            (
                "short",
                "[spacing]\nheading-before = [1, 1, 1]\n",
                18,
                "expected an array of length 6",
            ),
        ] {
            let dir = folder(&format!("bad-spacing-{name}"), toml);
            let e = load_dir(&dir).unwrap_err().to_string();
            let line = toml.lines().position(|l| l.contains('=')).unwrap() + 1;
            assert!(
                e.contains(&format!("theme.toml:{line}:{column}:")) && e.contains(bad),
                "{name}: {e}"
            );
        }
    }

    #[test]
    fn a_theme_can_claim_a_standard_or_drop_its_bases_claim() {
        let dir = folder("claim", "extends = \"memo\"\n[pdf]\nstandard = \"UA-1\"\n");
        let t = load_dir(&dir).unwrap();
        assert_eq!(t.pdf.standard.0, Some(crate::PdfStandard::Ua1));
        let dir = folder(
            "unclaim",
            "extends = \"accessible\"\n[pdf]\nstandard = \"none\"\n",
        );
        assert_eq!(load_dir(&dir).unwrap().pdf.standard.0, None);
    }

    #[test]
    fn missing_font_files_are_errors_with_the_line() {
        let dir = folder(
            "font",
            "[fonts.body]\nfamily = \"Mine\"\nregular = \"fonts/Mine.ttf\"\n",
        );
        let e = load_dir(&dir).unwrap_err().to_string();
        assert!(
            e.contains("theme.toml:3: cannot read \"fonts/Mine.ttf\""),
            "{e}"
        );
    }

    #[test]
    fn names_and_folders_both_load() {
        assert_eq!(load("newsroom").unwrap().name, "newsroom");
        let plain = std::env::temp_dir().join(format!("briefing-plain-{}", std::process::id()));
        std::fs::create_dir_all(&plain).unwrap();
        assert!(!is_theme_folder(Path::new("memo")) && is_theme_folder(&plain));
        assert!(!is_theme_folder(&plain.join("missing")));
        assert!(
            load("no-such-theme")
                .unwrap_err()
                .to_string()
                .contains("built-in themes are")
        );
    }
}
