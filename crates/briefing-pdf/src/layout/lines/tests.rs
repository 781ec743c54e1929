//! Tests of line setting.

use super::*;
use crate::fonts::Family;
use crate::layout::{Item, Target};
use briefing_model::Rgb;

fn fonts() -> FontSet {
    FontSet::new(&briefing_model::builtin("briefing").unwrap()).unwrap()
}

fn theme() -> InlineTheme {
    InlineTheme {
        link: Rgb { r: 0, g: 0, b: 255 },
        code_ratio: 0.9,
        code_background: Rgb { r: 1, g: 1, b: 1 },
        line_height: 1.4,
        hyphenate: Some(hypher::Lang::English),
    }
}

fn texts(line: &Line) -> Vec<(f32, String)> {
    line.items
        .iter()
        .filter_map(|i| match i {
            Item::Text(t) => Some((t.x.0 + t.text.chars().count() as f32 * 0.0, t.text.clone())),
            _ => None,
        })
        .collect()
}

#[test]
fn justified_lines_fill_the_width_except_the_last() {
    let fonts = fonts();
    let base = Style::plain(Family::Body, 10.0, Rgb { r: 0, g: 0, b: 0 });
    let words =
        "The summit was steeped in history, symbolism and high stakes for everyone. ".repeat(6);
    let p = prepare(&[Inline::Text(words)], &base, &theme(), &fonts);
    let lines = p.lines(&fonts, 50.0, 300.0, Align::Justify);
    assert!(lines.len() > 3);
    for (i, line) in lines.iter().enumerate() {
        let Some(Item::Text(t)) = line.items.last() else {
            panic!("no text")
        };
        let spaces = t.text.matches(' ').count() as f32;
        let drawn = crate::fonts::advance(&t.glyphs) * t.size.0 / 1000.0;
        let right = t.x.0 + drawn + spaces * t.space_extra.0;
        if i + 1 < lines.len() {
            assert!(
                (right - 350.0).abs() < 0.05,
                "line {i} ends at {right}: {:?}",
                line.items
            );
        } else {
            assert!(right < 349.0);
        }
    }
}

#[test]
fn narrow_justified_text_hyphenates_only_at_line_ends() {
    let fonts = fonts();
    let base = Style::plain(Family::Body, 10.0, Rgb { r: 0, g: 0, b: 0 });
    let words = "Extraordinary international negotiations characteristically accommodate \
                 unprecedented diplomatic considerations and institutional responsibilities.";
    let p = prepare(&[Inline::Text(words.into())], &base, &theme(), &fonts);
    let text_of = |lines: &[Line]| -> Vec<String> {
        lines
            .iter()
            .map(|l| texts(l).into_iter().map(|(_, t)| t).collect())
            .collect()
    };
    let narrow = text_of(&p.lines(&fonts, 0.0, 115.0, Align::Justify));
    assert!(narrow.iter().any(|l| l.ends_with('-')), "{narrow:?}");
    // Joined back, the hyphens vanish and the words are whole.
    let joined: String = narrow
        .iter()
        .map(|l| l.strip_suffix('-').map_or(format!("{l} "), str::to_owned))
        .collect();
    assert_eq!(joined.trim_end(), words);
    // With room to spare, nothing is hyphenated.
    let wide = text_of(&p.lines(&fonts, 0.0, 2000.0, Align::Justify));
    assert_eq!(wide, [words]);
}

#[test]
fn long_urls_break_inside_the_text_block() {
    let fonts = fonts();
    let base = Style::plain(Family::Body, 10.0, Rgb { r: 0, g: 0, b: 0 });
    let url =
        "https://example.org/a/very/long/path/that/never/ends/and/keeps/going/on/and/on/index.html";
    let p = prepare(&[Inline::Text(url.into())], &base, &theme(), &fonts);
    let lines = p.lines(&fonts, 0.0, 120.0, Align::Left);
    assert!(lines.len() > 2);
    let joined: String = lines.iter().flat_map(texts).map(|(_, t)| t).collect();
    assert_eq!(joined, url);
    for line in &lines {
        for item in &line.items {
            if let Item::Text(t) = item {
                let drawn = crate::fonts::advance(&t.glyphs) * t.size.0 / 1000.0;
                assert!(t.x.0 + drawn <= 120.01, "{t:?}");
            }
        }
    }
}

#[test]
fn styles_make_separate_runs_and_links_make_rects() {
    let fonts = fonts();
    let base = Style::plain(Family::Body, 10.0, Rgb { r: 0, g: 0, b: 0 });
    let inl = vec![
        Inline::Text("See ".into()),
        Inline::Strong(vec![Inline::Text("this".into())]),
        Inline::Text(" and ".into()),
        Inline::Link {
            url: "https://x.org".into(),
            content: vec![Inline::Text("that".into())],
        },
    ];
    let p = prepare(&inl, &base, &theme(), &fonts);
    let lines = p.lines(&fonts, 0.0, 400.0, Align::Left);
    assert_eq!(lines.len(), 1);
    let t: Vec<String> = texts(&lines[0]).into_iter().map(|(_, t)| t).collect();
    assert_eq!(t, ["See ", "this", " and ", "that"]);
    assert!(lines[0].items.iter().any(
        |i| matches!(i, Item::Link { target: Target::Url(url), .. } if url == "https://x.org")
    ));
}
