//! Theme to CSS: `:root` custom properties, a derived dark palette and the `@page` rule.
//!
//! The stylesheet (`style.css`) only reads these variables, so one stylesheet serves every
//! theme. On screen the type scale and the spacing are kept as ratios to the reader's own
//! font size (it respects their browser setting); print uses the theme's sizes in points
//! exactly, the root font size being the theme's body size.

use std::fmt::Write as _;

use briefing_model::{Colors, FontFamily, Pt, Rgb, Space, Theme};

/// The page background; themes describe ink on white paper.
const PAPER: Rgb = Rgb {
    r: 0xff,
    g: 0xff,
    b: 0xff,
};
/// The dark-mode background.
const NIGHT: Rgb = Rgb {
    r: 0x16,
    g: 0x18,
    b: 0x1c,
};
/// The dark-mode body text.
const NIGHT_TEXT: Rgb = Rgb {
    r: 0xe4,
    g: 0xe6,
    b: 0xea,
};

/// The generic family a font falls back to, with common installed look-alikes before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Generic {
    Serif,
    Sans,
    Mono,
}

impl Generic {
    /// Fallbacks after the theme's family, ending in the CSS generic family.
    fn fallbacks(self) -> &'static str {
        match self {
            Generic::Serif => "Georgia, Cambria, \"Times New Roman\", serif",
            Generic::Sans => {
                "system-ui, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, sans-serif"
            }
            Generic::Mono => {
                "ui-monospace, \"Cascadia Mono\", Menlo, Consolas, \"Liberation Mono\", monospace"
            }
        }
    }

    /// The generic family a named family most likely belongs to, or `role` when the name
    /// says nothing.
    fn guess(family: &str, role: Generic) -> Generic {
        let name = family.to_ascii_lowercase();
        let has = |words: &[&str]| words.iter().any(|w| name.contains(w));
        if has(&["mono", "code", "courier", "consol"]) {
            Generic::Mono
        } else if has(&["sans", "arial", "helvetica", "grotesk", "inter", "roboto"]) {
            Generic::Sans
        } else if has(&["serif", "times", "georgia", "garamond", "roman", "minion"]) {
            Generic::Serif
        } else {
            role
        }
    }
}

/// The CSS for `theme`: custom properties, the dark palette and `@page`.
pub(crate) fn theme_css(theme: &Theme) -> String {
    let mut css = String::with_capacity(2048);
    let body = theme.sizes.body.0.max(1.0);
    let ratio = |p: Pt| format!("{}rem", num(p.0 / body));
    css.push_str(":root {\n");
    font_var(&mut css, "body", &theme.fonts.body, Generic::Serif);
    font_var(&mut css, "heading", &theme.fonts.heading, Generic::Sans);
    font_var(&mut css, "code", &theme.fonts.code, Generic::Mono);
    font_var(&mut css, "furniture", &theme.fonts.furniture, Generic::Sans);
    let _ = writeln!(css, "  --print-size: {}pt;", num(body));
    let s = &theme.sizes;
    for (name, size) in [
        ("small", s.small),
        ("code", s.code),
        ("title", s.title),
        ("subtitle", s.subtitle),
    ] {
        let _ = writeln!(css, "  --size-{name}: {};", ratio(size));
    }
    for (i, size) in s.headings.iter().enumerate() {
        let _ = writeln!(css, "  --size-heading-{}: {};", i + 1, ratio(*size));
    }
    let _ = writeln!(css, "  --line-height: {};", num(theme.text.line_height));
    let _ = writeln!(
        css,
        "  --code-line-height: {};",
        num(theme.text.code_line_height)
    );
    let _ = writeln!(
        css,
        "  --paragraph-spacing: {}em;",
        num(theme.text.paragraph_spacing.0 / body)
    );
    spacing(&mut css, theme);
    let _ = writeln!(
        css,
        "  --text-align: {};",
        if theme.text.justify {
            "justify"
        } else {
            "start"
        }
    );
    let _ = writeln!(css, "  --color-background: {PAPER};");
    colors(&mut css, &theme.colors);
    css.push_str("}\n");
    // Screen only: printers get the paper palette even when the reader's screen is dark.
    css.push_str("@media screen and (prefers-color-scheme: dark) {\n:root {\n");
    let _ = writeln!(css, "  --color-background: {NIGHT};");
    colors(&mut css, &dark(&theme.colors));
    css.push_str("}\n}\n");
    let p = &theme.page;
    let _ = writeln!(
        css,
        "@page {{ size: {}pt {}pt; margin: {}pt {}pt {}pt {}pt; }}",
        num(p.size.width.0),
        num(p.size.height.0),
        num(p.margin_top.0),
        num(p.margin_right.0),
        num(p.margin_bottom.0),
        num(p.margin_left.0)
    );
    css
}

/// Writes the `[spacing]` variables. A heading's spaces in em are in `em`, its own size,
/// as the theme means them; every other space in em, and every fixed one, is in `rem`: the
/// body size, on screen the reader's.
fn spacing(css: &mut String, theme: &Theme) {
    let body = theme.sizes.body.0.max(1.0);
    let rem = |space: Space| match space {
        Space::Em(em) => format!("{}rem", num(em)),
        Space::Fixed(p) => format!("{}rem", num(p.0 / body)),
    };
    let s = &theme.spacing;
    for (name, spaces) in [("before", &s.heading_before), ("after", &s.heading_after)] {
        for (i, space) in spaces.iter().enumerate() {
            let value = match *space {
                Space::Em(em) => format!("{}em", num(em)),
                fixed => rem(fixed),
            };
            let _ = writeln!(css, "  --heading-{name}-{}: {value};", i + 1);
        }
    }
    for (name, space) in [
        ("list-indent", s.list_indent),
        ("list-spacing", s.list_spacing),
        ("quote-indent", s.quote_indent),
        ("code-padding", s.code_padding),
        ("figure-before", s.figure_before),
        ("figure-after", s.figure_after),
        ("caption-gap", s.caption_gap),
        ("rule-gap", s.rule_gap),
        ("note-spacing", s.note_spacing),
        ("toc-indent", s.toc_indent),
        ("toc-spacing", s.toc_spacing),
    ] {
        let _ = writeln!(css, "  --{name}: {};", rem(space));
    }
    for (name, [block, inline]) in [
        ("callout-padding", s.callout_padding),
        ("cell-padding", s.cell_padding),
    ] {
        let _ = writeln!(css, "  --{name}: {} {};", rem(block), rem(inline));
    }
}

/// Writes `--font-<role>` as a quoted family name followed by fallbacks.
fn font_var(css: &mut String, role: &str, family: &FontFamily, default: Generic) {
    let generic = Generic::guess(&family.family, default);
    let _ = writeln!(
        css,
        "  --font-{role}: {}, {};",
        css_string(&family.family),
        generic.fallbacks()
    );
}

/// Writes the colour variables.
fn colors(css: &mut String, c: &Colors) {
    for (name, rgb) in [
        ("text", c.text),
        ("muted", c.muted),
        ("accent", c.accent),
        ("rule", c.rule),
        ("link", c.link),
        ("callout-background", c.callout_background),
        ("code-background", c.code_background),
        ("banner-background", c.banner_background),
        ("banner-text", c.banner_text),
    ] {
        let _ = writeln!(css, "  --color-{name}: {rgb};");
    }
}

/// The theme's colours adapted to a dark background, keeping their hues and readable
/// contrast (WCAG AA, 4.5:1) for text.
fn dark(c: &Colors) -> Colors {
    Colors {
        text: NIGHT_TEXT,
        muted: readable(c.muted),
        accent: readable(c.accent),
        rule: mix(NIGHT, c.rule, 0.3),
        link: readable(c.link),
        callout_background: mix(NIGHT, c.accent, 0.22),
        code_background: mix(NIGHT, PAPER, 0.07),
        banner_background: c.banner_background,
        banner_text: c.banner_text,
    }
}

/// `color` made lighter, keeping its hue and saturation, until it reads on the dark
/// background with room to spare (6:1, above WCAG AA's 4.5:1).
fn readable(color: Rgb) -> Rgb {
    let (h, s, l) = to_hsl(color);
    let mut l = l;
    loop {
        let candidate = from_hsl(h, s, l);
        if contrast(candidate, NIGHT) >= 6.0 || l >= 1.0 {
            return candidate;
        }
        l = (l + 0.02).min(1.0);
    }
}

/// Hue (0 to 1), saturation and lightness of a colour.
fn to_hsl(c: Rgb) -> (f32, f32, f32) {
    let [r, g, b] = c.unit();
    let max = r.max(g).max(b);
    let min = r.min(g).min(b);
    let l = (max + min) / 2.0;
    let d = max - min;
    if d == 0.0 {
        return (0.0, 0.0, l);
    }
    let s = d / (1.0 - (2.0 * l - 1.0).abs());
    let h = if max == r {
        ((g - b) / d).rem_euclid(6.0)
    } else if max == g {
        (b - r) / d + 2.0
    } else {
        (r - g) / d + 4.0
    };
    (h / 6.0, s, l)
}

/// The colour with hue (0 to 1), saturation and lightness.
fn from_hsl(h: f32, s: f32, l: f32) -> Rgb {
    let c = (1.0 - (2.0 * l - 1.0).abs()) * s;
    let hp = h * 6.0;
    let x = c * (1.0 - (hp.rem_euclid(2.0) - 1.0).abs());
    let (r, g, b) = match hp as u32 {
        0 => (c, x, 0.0),
        1 => (x, c, 0.0),
        2 => (0.0, c, x),
        3 => (0.0, x, c),
        4 => (x, 0.0, c),
        _ => (c, 0.0, x),
    };
    let m = l - c / 2.0;
    let ch = |v: f32| ((v + m).clamp(0.0, 1.0) * 255.0).round() as u8;
    Rgb {
        r: ch(r),
        g: ch(g),
        b: ch(b),
    }
}

/// `a` moved a share `t` (0 to 1) of the way towards `b`.
fn mix(a: Rgb, b: Rgb, t: f32) -> Rgb {
    let t = t.clamp(0.0, 1.0);
    let ch = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
    Rgb {
        r: ch(a.r, b.r),
        g: ch(a.g, b.g),
        b: ch(a.b, b.b),
    }
}

/// WCAG 2 relative luminance.
fn luminance(c: Rgb) -> f32 {
    let lin = |v: u8| {
        let s = f32::from(v) / 255.0;
        if s <= 0.04045 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b)
}

/// WCAG 2 contrast ratio between two colours (1 to 21).
fn contrast(a: Rgb, b: Rgb) -> f32 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// A number for CSS: at most three decimals, no trailing zeros, same text every run.
fn num(v: f32) -> String {
    let s = format!("{:.3}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

/// `text` as a double-quoted CSS string. Everything but letters, digits, spaces, `-` and
/// `_` is written as a hex escape, so a family name can neither end the string nor the
/// `<style>` element (`</style>`).
fn css_string(text: &str) -> String {
    let mut s = String::with_capacity(text.len() + 2);
    s.push('"');
    for c in text.chars() {
        if c.is_alphanumeric() || matches!(c, ' ' | '-' | '_') {
            s.push(c);
        } else {
            let _ = write!(s, "\\{:x} ", u32::from(c));
        }
    }
    s.push('"');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn family_names_cannot_escape_the_string() {
        let s = css_string("Evil\"</style><script>");
        assert!(!s[1..s.len() - 1].contains(['"', '<', '>']), "{s}");
        assert_eq!(css_string("Noto Serif"), "\"Noto Serif\"");
    }

    #[test]
    fn fallbacks_follow_the_family() {
        assert_eq!(
            Generic::guess("JetBrains Mono", Generic::Serif),
            Generic::Mono
        );
        assert_eq!(Generic::guess("Noto Sans", Generic::Serif), Generic::Sans);
        assert_eq!(Generic::guess("Noto Serif", Generic::Sans), Generic::Serif);
        assert_eq!(Generic::guess("Palatino", Generic::Serif), Generic::Serif);
    }

    #[test]
    fn dark_colours_stay_readable() {
        let navy = Rgb {
            r: 0x1f,
            g: 0x4e,
            b: 0x79,
        };
        assert!(contrast(readable(navy), NIGHT) >= 6.0);
        assert!(contrast(NIGHT_TEXT, NIGHT) >= 7.0);
        // Still blue, not grey: blue stays the strongest channel by a margin.
        let light = readable(navy);
        assert!(light.b > light.r + 60, "{light}");
    }

    #[test]
    fn hsl_round_trips() {
        for c in [
            Rgb {
                r: 0x1f,
                g: 0x4e,
                b: 0x79,
            },
            Rgb {
                r: 0xb0,
                g: 0,
                b: 0x20,
            },
            Rgb {
                r: 9,
                g: 200,
                b: 90,
            },
        ] {
            let (h, s, l) = to_hsl(c);
            assert_eq!(from_hsl(h, s, l), c);
        }
    }

    #[test]
    fn spaces_keep_their_reference_size() {
        let mut theme = (*briefing_model::builtin("briefing").unwrap()).clone();
        let css = theme_css(&theme);
        // A heading's em is its own size; the other spaces are in body sizes (rem).
        assert!(css.contains("  --heading-before-1: 1.1em;\n"), "{css}");
        assert!(css.contains("  --list-indent: 1.7rem;\n"));
        assert!(css.contains("  --cell-padding: 0.4rem 0.6rem;\n"));
        // A length is converted: 18pt at a 10.5pt body is 1.714 body sizes.
        theme.spacing.quote_indent = Space::Fixed(Pt(18.0));
        let css = theme_css(&theme);
        assert!(css.contains("  --quote-indent: 1.714rem;\n"));
        theme.spacing.list_indent = Space::Em(1.5);
        theme.spacing.heading_after[0] = Space::Fixed(Pt(21.0));
        let css = theme_css(&theme);
        assert!(css.contains("  --list-indent: 1.5rem;\n"));
        assert!(css.contains("  --heading-after-1: 2rem;\n"));
    }

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(24.0 / 10.5), "2.286");
        assert_eq!(num(-0.0001), "0");
    }
}
