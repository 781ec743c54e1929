//! One theme's spacing in three formats: for every built-in theme (and one with its spaces
//! changed), the space around each heading level, paragraph spacing and leading, the list
//! indent and the table cell padding that Word's styles, the HTML's CSS values and the
//! PDF's text positions give are the theme's, and so the same in all three.

use std::io::Read;

use briefing_model::{Document, ParseOptions, Pt, SourceKind, Space, Theme};
use briefing_tests::{Run, pdf_runs};

/// One-line paragraphs around a heading of each level, a list and a table: every word is
/// unique, so a run of the PDF is found by its text.
const SOURCE: &str = "---
title: Spacing
toc: false
---

Alpha

# One

Bravo

## Two

Charlie

### Three

Delta

#### Four

Echo

##### Five

Foxtrot

###### Six

Golf

- Hotel

| India | Juliet |
|---|---|
| Kilo | Lima |
";

/// The words of the paragraph before and after each heading level.
const AROUND: [(&str, &str); 6] = [
    ("Alpha", "Bravo"),
    ("Bravo", "Charlie"),
    ("Charlie", "Delta"),
    ("Delta", "Echo"),
    ("Echo", "Foxtrot"),
    ("Foxtrot", "Golf"),
];

/// Points agree when they differ by less than Word's twips and CSS's three decimals lose.
const CLOSE: f32 = 0.06;

/// The spacing one format gives, in points.
#[derive(Debug)]
struct Spacing {
    /// Distance between baselines of running text.
    leading: f32,
    /// Above and below a paragraph.
    paragraph: [f32; 2],
    /// Above and below a heading, per level.
    heading: [[f32; 2]; 6],
    /// Distance between baselines of a heading's lines, per level.
    heading_leading: [f32; 6],
    /// Where a list item's text starts.
    list_indent: f32,
    /// Inside a table cell: above and below, left and right.
    cell: [f32; 2],
}

impl Spacing {
    /// From a paragraph's last baseline over a one-line heading of `level` to the next
    /// paragraph's first: two leadings and the two gaps, each the larger of the spaces that
    /// meet there (the way the PDF, CSS and Word all combine them).
    fn around_heading(&self, level: usize) -> f32 {
        let [before, after] = self.heading[level];
        self.leading
            + self.heading_leading[level]
            + self.paragraph[1].max(before)
            + after.max(self.paragraph[0])
    }

    /// Asserts that `self` and `other` agree, value by value.
    fn assert_agrees(&self, other: &Spacing, what: &str) {
        let pairs = [
            ("leading", self.leading, other.leading),
            ("paragraph before", self.paragraph[0], other.paragraph[0]),
            ("paragraph after", self.paragraph[1], other.paragraph[1]),
            ("list indent", self.list_indent, other.list_indent),
            ("cell padding above", self.cell[0], other.cell[0]),
            ("cell padding beside", self.cell[1], other.cell[1]),
        ];
        let headings = (0..6).flat_map(|l| {
            [
                ("heading before", self.heading[l][0], other.heading[l][0]),
                ("heading after", self.heading[l][1], other.heading[l][1]),
                (
                    "heading leading",
                    self.heading_leading[l],
                    other.heading_leading[l],
                ),
            ]
        });
        for (name, a, b) in pairs.into_iter().chain(headings) {
            assert!((a - b).abs() < CLOSE, "{what}: {name} {a} against {b}");
        }
    }
}

/// What the theme says.
fn from_theme(t: &Theme) -> Spacing {
    let body = t.sizes.body;
    let lh = t.text.line_height;
    let s = &t.spacing;
    let level = |l: usize| l as u8 + 1;
    Spacing {
        leading: body.0 * lh,
        paragraph: [t.text.paragraph_spacing.0; 2],
        heading: std::array::from_fn(|l| {
            let size = t.sizes.heading(level(l));
            [
                s.heading_before(level(l), size).0,
                s.heading_after(level(l), size).0,
            ]
        }),
        heading_leading: std::array::from_fn(|l| t.sizes.heading(level(l)).0 * lh),
        list_indent: s.list_indent.of(body).0,
        cell: s.cell_padding.map(|p| p.of(body).0),
    }
}

/// What Word is told: styles.xml's spacing and line rules, numbering.xml's first level,
/// the table style's cell margins.
fn from_docx(bytes: &[u8]) -> Spacing {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut part = |name: &str| {
        let mut s = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    };
    let styles = part("word/styles.xml");
    let numbering = part("word/numbering.xml");
    let pt = |twips: &str| twips.parse::<f32>().unwrap() / 20.0;
    let spacing = |id: &str, at: &str| {
        let style = element(&styles, &format!(r#"w:styleId="{id}""#), "</w:style>");
        pt(attr(element(style, "<w:spacing ", "/>"), at))
    };
    let line = |id: &str| {
        let style = element(&styles, &format!(r#"w:styleId="{id}""#), "</w:style>");
        let s = element(style, "<w:spacing ", "/>");
        // Exact: the distance between baselines does not depend on the font's metrics.
        assert_eq!(attr(s, "w:lineRule"), "exact", "{id}");
        pt(attr(s, "w:line"))
    };
    let table = element(&styles, r#"w:styleId="BriefingTable""#, "</w:style>");
    let margins = element(table, "<w:tblCellMar>", "</w:tblCellMar>");
    let margin = |side: &str| pt(attr(element(margins, &format!("<w:{side} "), "/>"), "w:w"));
    Spacing {
        leading: line("Normal"),
        paragraph: [spacing("Normal", "w:before"), spacing("Normal", "w:after")],
        heading: std::array::from_fn(|l| {
            let id = format!("Heading{}", l + 1);
            [spacing(&id, "w:before"), spacing(&id, "w:after")]
        }),
        heading_leading: std::array::from_fn(|l| line(&format!("Heading{}", l + 1))),
        list_indent: pt(attr(
            element(&numbering, r#"<w:lvl w:ilvl="0">"#, "</w:lvl>"),
            "w:left",
        )),
        cell: [margin("top"), margin("left")],
    }
}

/// What the browser is told: the custom properties the stylesheet reads, in points for
/// printing (where the root font size is the body size). An `em` belongs to the element:
/// a heading's own size, the body size for paragraphs.
fn from_html(t: &Theme, bytes: &[u8]) -> Spacing {
    let html = std::str::from_utf8(bytes).unwrap();
    let body = t.sizes.body.0;
    let var = |name: &str| {
        let key = format!("  --{name}: ");
        let at = html.find(&key).unwrap_or_else(|| panic!("no --{name}")) + key.len();
        html[at..at + html[at..].find(';').unwrap()].to_owned()
    };
    let pt = |value: &str, em: f32| {
        let (n, unit) = value.split_at(value.find(|c: char| c.is_alphabetic()).unwrap());
        let n: f32 = n.parse().unwrap();
        match unit {
            "rem" => n * body,
            "em" => n * em,
            other => panic!("unexpected unit {other}"),
        }
    };
    let lh: f32 = var("line-height").parse().unwrap();
    let heading = |l: usize| t.sizes.heading(l as u8 + 1).0;
    let cell = var("cell-padding");
    let (block, inline) = cell.split_once(' ').unwrap();
    let paragraph = pt(&var("paragraph-spacing"), body);
    Spacing {
        leading: body * lh,
        paragraph: [paragraph; 2],
        heading: std::array::from_fn(|l| {
            ["before", "after"]
                .map(|side| pt(&var(&format!("heading-{side}-{}", l + 1)), heading(l)))
        }),
        heading_leading: std::array::from_fn(|l| heading(l) * lh),
        list_indent: pt(&var("list-indent"), body),
        cell: [pt(block, body), pt(inline, body)],
    }
}

/// Asserts that the page's stylesheet applies each variable where it belongs: without a
/// browser, the rules are what can be read back.
fn check_rules(bytes: &[u8], name: &str) {
    let html = std::str::from_utf8(bytes).unwrap();
    let mut rules = vec![
        ("body", "line-height: var(--line-height)".to_owned()),
        ("p", "margin: var(--paragraph-spacing) 0".to_owned()),
        (
            "h2, h3, h4, h5, h6",
            "line-height: var(--line-height)".to_owned(),
        ),
        ("ul, ol", "padding-left: var(--list-indent)".to_owned()),
        ("th, td", "padding: var(--cell-padding)".to_owned()),
    ];
    // Level 1 is h2 (h1 is the title); levels 5 and 6 are both h6.
    for (level, tag) in [(1, "h2"), (2, "h3"), (3, "h4"), (4, "h5"), (5, "h6")] {
        rules.push((
            tag,
            format!("margin: var(--heading-before-{level}) 0 var(--heading-after-{level})"),
        ));
    }
    for (selector, declaration) in rules {
        let rule = element(html, &format!("\n{selector} {{"), "}");
        assert!(
            rule.contains(&declaration),
            "{name}: {selector} has no {declaration}: {rule}"
        );
    }
}

/// The text between `start` (included) and the next `end` after it.
fn element<'a>(xml: &'a str, start: &str, end: &str) -> &'a str {
    let at = xml
        .find(start)
        .unwrap_or_else(|| panic!("no {start} in {xml}"));
    &xml[at..at + xml[at..].find(end).unwrap()]
}

/// The value of attribute `name` in an element's text.
fn attr<'a>(element: &'a str, name: &str) -> &'a str {
    let key = format!(r#" {name}=""#);
    let at = element
        .find(&key)
        .unwrap_or_else(|| panic!("no {name} in {element}"))
        + key.len();
    &element[at..at + element[at..].find('"').unwrap()]
}

/// The run of the PDF holding `word`.
fn run<'a>(runs: &'a [Run], word: &str) -> &'a Run {
    runs.iter()
        .find(|r| r.text.split_whitespace().any(|w| w == word))
        .unwrap_or_else(|| panic!("no {word:?} in the PDF"))
}

/// The spaces and their sum as the PDF draws them, checked against `want`: the distance
/// between the paragraphs around each heading, the list item's and the table cell's left
/// edges against the paragraphs'.
fn check_pdf(want: &Spacing, bytes: &[u8], name: &str) {
    let runs = pdf_runs(bytes);
    for (level, (above, below)) in AROUND.iter().enumerate() {
        let (a, b) = (run(&runs, above), run(&runs, below));
        assert_eq!(a.page, b.page, "{name}: {above} and {below} on one page");
        let got = a.y - b.y;
        let expected = want.around_heading(level);
        assert!(
            (got - expected).abs() < CLOSE,
            "{name}: heading {} sits {got}pt between its paragraphs' baselines, not {expected}",
            level + 1
        );
    }
    let left = run(&runs, "Alpha").x;
    let item = run(&runs, "Hotel").x - left;
    assert!(
        (item - want.list_indent).abs() < CLOSE,
        "{name}: list item text at {item}pt, not {}",
        want.list_indent
    );
    let cell = run(&runs, "India").x - left;
    assert!(
        (cell - want.cell[1]).abs() < CLOSE,
        "{name}: cell text at {cell}pt, not {}",
        want.cell[1]
    );
}

fn document() -> Document {
    briefing_model::parse(SOURCE, &ParseOptions::new(SourceKind::Markdown))
        .unwrap()
        .value
}

/// The built-in themes, and memo with spaces no built-in theme has: headings far apart
/// with room below wider than a paragraph's, in em and in points, a deep list indent and
/// wide cells, so that a format reading anything but the theme shows.
fn themes() -> Vec<Theme> {
    let mut themes: Vec<Theme> = briefing_model::BUILTIN_THEMES
        .iter()
        .map(|n| (*briefing_model::builtin(n).unwrap()).clone())
        .collect();
    let mut odd = themes[1].clone();
    odd.name = "memo, respaced".into();
    odd.spacing.heading_before = [Space::Em(2.5), Space::Fixed(Pt(30.0)), Space::Em(2.0)]
        .into_iter()
        .chain([Space::Em(1.5); 3])
        .collect::<Vec<_>>()
        .try_into()
        .unwrap();
    odd.spacing.heading_after = [Space::Em(1.0); 6];
    odd.spacing.heading_after[3] = Space::Fixed(Pt(9.0));
    odd.spacing.list_indent = Space::Em(3.0);
    odd.spacing.cell_padding = [Space::Fixed(Pt(5.0)), Space::Em(1.2)];
    themes.push(odd);
    themes
}

#[test]
fn every_theme_spaces_pdf_word_and_html_alike() {
    let doc = document();
    for theme in themes() {
        let name = theme.name.as_str();
        let want = from_theme(&theme);
        let pdf = briefing_pdf::render(&doc, &theme, &Default::default()).unwrap();
        check_pdf(&want, &pdf.value.bytes, name);
        let docx = briefing_docx::render(&doc, &theme, &Default::default()).unwrap();
        let word = from_docx(&docx.value);
        word.assert_agrees(&want, &format!("{name}: Word against the theme"));
        check_pdf(
            &word,
            &pdf.value.bytes,
            &format!("{name}: the PDF against Word"),
        );
        let html = briefing_html::render(&doc, &theme, &Default::default()).unwrap();
        check_rules(&html.value, name);
        let css = from_html(&theme, &html.value);
        css.assert_agrees(&want, &format!("{name}: HTML against the theme"));
        css.assert_agrees(&word, &format!("{name}: HTML against Word"));
    }
}
