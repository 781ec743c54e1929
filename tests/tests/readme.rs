//! The README's theme example is a theme that loads.

use briefing_tests::root;

#[test]
fn the_readme_theme_example_loads() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme.find("```toml\nextends").expect("the theme example") + "```toml\n".len();
    let toml = &readme[start..start + readme[start..].find("```").unwrap()];
    let dir = std::env::temp_dir().join(format!("briefing-readme-theme-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("fonts")).unwrap();
    std::fs::write(dir.join("theme.toml"), toml).unwrap();
    // Any real fonts and image stand in for the files the example names.
    let fonts = root().join("templates/briefing/fonts");
    for face in ["Regular", "Bold", "Italic", "BoldItalic"] {
        std::fs::copy(
            fonts.join(format!("NotoSans-{face}.ttf")),
            dir.join(format!("fonts/Inter-{face}.ttf")),
        )
        .unwrap();
    }
    std::fs::copy(root().join("input/images/chart.png"), dir.join("logo.png")).unwrap();
    let theme = briefing_model::load_theme_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(theme.fonts.heading.family, "Inter");
    assert_eq!(theme.colors.accent.to_string(), "#00594f");
    assert!(theme.logo.is_some());
    assert_eq!(theme.spacing.list_indent, briefing_model::Space::Em(1.5));
    assert_eq!(
        theme.layout.title_block,
        briefing_model::TitleBlock::Masthead
    );
}
