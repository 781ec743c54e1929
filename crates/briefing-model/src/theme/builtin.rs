//! The themes embedded in the binary.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use super::load::{ThemeError, validate};
use super::{HtmlFiles, Theme};
use crate::bytes::Bytes;

macro_rules! font {
    ($file:literal) => {
        (
            concat!("fonts/", $file),
            include_bytes!(concat!("../../../../templates/briefing/fonts/", $file)).as_slice(),
        )
    };
}

/// Font files shipped with the built-in themes (all in `templates/briefing/fonts`), by the
/// path every built-in `theme.toml` writes.
static FONTS: &[(&str, &[u8])] = &[
    font!("NotoSerif-Regular.ttf"),
    font!("NotoSerif-Bold.ttf"),
    font!("NotoSerif-Italic.ttf"),
    font!("NotoSerif-BoldItalic.ttf"),
    font!("NotoSans-Regular.ttf"),
    font!("NotoSans-Bold.ttf"),
    font!("NotoSans-Italic.ttf"),
    font!("NotoSans-BoldItalic.ttf"),
    font!("JetBrainsMono-Regular.ttf"),
    font!("JetBrainsMono-Bold.ttf"),
    font!("JetBrainsMono-Italic.ttf"),
];

/// Licences shipped beside the fonts.
static LICENCES: &[(&str, &str)] = &[
    (
        "fonts/LICENSE-Noto.txt",
        include_str!("../../../../templates/briefing/fonts/LICENSE-Noto.txt"),
    ),
    (
        "fonts/LICENSE-JetBrainsMono.txt",
        include_str!("../../../../templates/briefing/fonts/LICENSE-JetBrainsMono.txt"),
    ),
];

const PAGE: &str = include_str!("../../../../templates/briefing/page.html");
const STYLE: &str = include_str!("../../../../templates/briefing/style.css");

/// A built-in theme's own files.
struct Builtin {
    name: &'static str,
    toml: &'static str,
}

static THEMES: &[Builtin] = &[
    Builtin {
        name: "briefing",
        toml: include_str!("../../../../templates/briefing/theme.toml"),
    },
    Builtin {
        name: "memo",
        toml: include_str!("../../../../templates/memo/theme.toml"),
    },
    Builtin {
        name: "newsroom",
        toml: include_str!("../../../../templates/newsroom/theme.toml"),
    },
    Builtin {
        name: "accessible",
        toml: include_str!("../../../../templates/accessible/theme.toml"),
    },
];

/// The names of the built-in themes; the first is the default.
pub const BUILTIN_THEMES: &[&str] = &["briefing", "memo", "newsroom", "accessible"];

// `builtin` keeps one slot per built-in theme.
const _: () = assert!(BUILTIN_THEMES.len() == 4);

/// A built-in theme by name, loaded once per process (on first use) and shared.
pub fn builtin(name: &str) -> Result<Arc<Theme>, ThemeError> {
    static LOADED: [OnceLock<Result<Arc<Theme>, ThemeError>>; 4] = [const { OnceLock::new() }; 4];
    let index = THEMES
        .iter()
        .position(|t| t.name == name)
        .ok_or_else(|| ThemeError::Unknown {
            name: name.to_owned(),
            known: BUILTIN_THEMES.join(", "),
        })?;
    LOADED[index]
        .get_or_init(|| resolve(&THEMES[index]).map(Arc::new))
        .clone()
}

/// The bytes of an embedded font, borrowed from the binary: no copy, however many themes
/// use it (copying megabytes of fonts was most of a cold start).
fn font_bytes(path: &str) -> Option<Bytes> {
    FONTS
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, data)| Bytes::from_static(data))
}

fn resolve(t: &Builtin) -> Result<Theme, ThemeError> {
    let file = PathBuf::from(format!("templates/{}/theme.toml", t.name));
    let invalid = |message: String| ThemeError::Invalid {
        file: file.clone(),
        line: 0,
        column: 0,
        message,
        hint: None,
    };
    let mut theme: Theme = toml::from_str(t.toml).map_err(|e| invalid(e.to_string()))?;
    for family in theme.fonts.families_mut() {
        for face in family.faces_mut() {
            face.data = font_bytes(&face.path)
                .ok_or_else(|| invalid(format!("no font file {:?}", face.path)))?;
        }
    }
    theme.html = HtmlFiles {
        page: PAGE.to_owned(),
        style: STYLE.to_owned(),
    };
    validate(&theme).map_err(invalid)?;
    Ok(theme)
}

/// Every file of a built-in theme, to write out for editing (`briefing theme export`).
pub fn builtin_files(name: &str) -> Result<Vec<(String, Bytes)>, ThemeError> {
    let t = THEMES
        .iter()
        .find(|t| t.name == name)
        .ok_or_else(|| ThemeError::Unknown {
            name: name.to_owned(),
            known: BUILTIN_THEMES.join(", "),
        })?;
    let theme = builtin(name)?;
    let mut files = vec![
        ("theme.toml".to_owned(), Bytes::from(t.toml.as_bytes())),
        ("page.html".to_owned(), Bytes::from(PAGE.as_bytes())),
        ("style.css".to_owned(), Bytes::from(STYLE.as_bytes())),
    ];
    let mut fonts: Vec<&str> = theme
        .fonts
        .families()
        .into_iter()
        .flat_map(|f| [&f.regular, &f.bold, &f.italic, &f.bold_italic])
        .map(|f| f.path.as_str())
        .collect();
    fonts.sort();
    fonts.dedup();
    for path in fonts {
        if let Some((_, bytes)) = FONTS.iter().find(|(p, _)| *p == path) {
            files.push((path.to_owned(), Bytes::from_static(bytes)));
        }
    }
    files.extend(
        LICENCES
            .iter()
            .map(|(p, text)| (p.to_string(), Bytes::from(text.as_bytes()))),
    );
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_theme_loads_with_its_fonts() {
        for name in BUILTIN_THEMES {
            let theme = builtin(name).unwrap();
            assert_eq!(theme.name, *name);
            assert!(theme.fonts.body.regular.data.len() > 10_000);
            assert!(!theme.html.style.is_empty());
        }
        assert!(
            builtin("nope")
                .unwrap_err()
                .to_string()
                .contains("briefing, memo, newsroom, accessible")
        );
    }

    #[test]
    fn only_the_accessible_theme_claims_pdf_standards() {
        use crate::{PdfClaim, PdfStandard};
        for name in BUILTIN_THEMES {
            let expected = match *name {
                "accessible" => PdfClaim(Some(PdfStandard::A2aUa1)),
                _ => PdfClaim(None),
            };
            assert_eq!(builtin(name).unwrap().pdf.standard, expected, "{name}");
        }
        let a = builtin("accessible").unwrap();
        assert!(!a.text.justify && a.text.line_height >= 1.5 && a.layout.toc);
    }

    #[test]
    fn the_builtin_themes_differ_where_a_reader_sees_it() {
        let [a, b, c] = ["briefing", "memo", "newsroom"].map(|n| builtin(n).unwrap());
        assert_ne!(a.fonts.body.family, b.fonts.body.family);
        assert_ne!(a.page.size, b.page.size);
        assert_ne!(a.colors.accent, c.colors.accent);
        assert_ne!(a.layout.title_block, c.layout.title_block);
    }

    #[test]
    fn export_has_everything_a_theme_folder_needs() {
        let files = builtin_files("memo").unwrap();
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert!(
            names.contains(&"theme.toml")
                && names.contains(&"page.html")
                && names.contains(&"style.css")
        );
        assert!(names.iter().any(|n| n.ends_with(".ttf")));
    }
}
