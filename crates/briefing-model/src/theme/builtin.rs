//! The themes embedded in the binary.

use std::sync::{Arc, OnceLock};

use super::{Theme, ThemeError};

/// A built-in theme's files: its `theme.toml` and the font files it names.
struct Builtin {
    name: &'static str,
    toml: &'static str,
}

macro_rules! font {
    ($theme:literal, $file:literal) => {
        (
            concat!("fonts/", $file),
            include_bytes!(concat!("../../../../templates/", $theme, "/fonts/", $file)).as_slice(),
        )
    };
}

/// Font files shipped with the built-in themes, by path as `theme.toml` writes it.
static FONTS: &[(&str, &[u8])] = &[
    font!("briefing", "NotoSerif-Regular.ttf"),
    font!("briefing", "NotoSerif-Bold.ttf"),
    font!("briefing", "NotoSerif-Italic.ttf"),
    font!("briefing", "NotoSerif-BoldItalic.ttf"),
    font!("briefing", "NotoSans-Regular.ttf"),
    font!("briefing", "NotoSans-Bold.ttf"),
    font!("briefing", "NotoSans-Italic.ttf"),
    font!("briefing", "NotoSans-BoldItalic.ttf"),
    font!("briefing", "JetBrainsMono-Regular.ttf"),
    font!("briefing", "JetBrainsMono-Bold.ttf"),
    font!("briefing", "JetBrainsMono-Italic.ttf"),
];

static THEMES: &[Builtin] = &[Builtin {
    name: "briefing",
    toml: include_str!("../../../../templates/briefing/theme.toml"),
}];

/// The names of the built-in themes; the first is the default.
pub const BUILTIN_THEMES: &[&str] = &["briefing"];

/// A built-in theme by name, loaded once per process and shared.
pub fn builtin(name: &str) -> Result<Arc<Theme>, ThemeError> {
    static LOADED: OnceLock<Vec<Result<Arc<Theme>, String>>> = OnceLock::new();
    let loaded = LOADED.get_or_init(|| {
        THEMES
            .iter()
            .map(|t| {
                let file = format!("templates/{}/theme.toml", t.name);
                Theme::from_toml(&file, t.toml, |path| {
                    FONTS
                        .iter()
                        .find(|(p, _)| *p == path)
                        .map(|(_, bytes)| Arc::from(*bytes))
                })
                .map(Arc::new)
                .map_err(|e| e.to_string())
            })
            .collect()
    });
    let index = THEMES
        .iter()
        .position(|t| t.name == name)
        .ok_or_else(|| ThemeError::Unknown {
            name: name.to_owned(),
            known: BUILTIN_THEMES.join(", "),
        })?;
    loaded[index]
        .clone()
        .map_err(|message| ThemeError::Invalid {
            file: format!("templates/{name}/theme.toml"),
            message,
        })
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
            assert!(theme.text_width().0 > 300.0);
        }
        assert!(
            builtin("nope")
                .unwrap_err()
                .to_string()
                .contains("briefing")
        );
    }
}
