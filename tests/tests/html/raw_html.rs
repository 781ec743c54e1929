//! Raw HTML in Markdown: shown as text by default; with `allow_raw_html`, passed through
//! sanitized, so formatting survives and nothing that runs code or loads anything does.

use super::common::*;
use briefing_html::Options;
use briefing_model::{Document, ParseOptions, SourceKind, parse};

fn markdown(src: &str) -> Document {
    parse(src, &ParseOptions::new(SourceKind::Markdown))
        .expect("parses")
        .value
}

fn allowed() -> Options {
    Options {
        allow_raw_html: true,
        ..Options::default()
    }
}

/// Classic XSS vectors, inline and as blocks. Each line is its own paragraph or HTML block.
const VECTORS: &[&str] = &[
    "<script>alert(1)</script>",
    "Text <script>alert(1)</script> inline.",
    "<img src=x onerror=alert(1)>",
    "Inline <img src=x onerror=alert(1)> image.",
    "<a href=\"javascript:alert(1)\">plain</a>",
    "Inline <a href=\"javascript:alert(1)\">link</a>.",
    "<a href=\"JaVaScRiPt:alert(1)\">mixed case</a>",
    "<a href=\"&#106;avascript:alert(1)\">decimal entity</a>",
    "<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)\">hex</a>",
    "<a href=\"java&#x09;script:alert(1)\">tab</a>",
    "<a href=\"javascript&colon;alert(1)\">named colon</a>",
    "<a href=\" &#14; javascript:alert(1)\">leading control</a>",
    "<a href=\"vbscript:msgbox(1)\">vb</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">data</a>",
    "<svg onload=alert(1)>",
    "Inline <svg onload=alert(1)></svg> svg.",
    "<svg><a xlink:href=\"javascript:alert(1)\"><text>svg link</text></a></svg>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    "<style>body { background: url(javascript:alert(1)) }</style>",
    "<div style=\"background:url(javascript:alert(1))\">styled</div>",
    "<object data=\"javascript:alert(1)\"></object>",
    "<embed src=\"javascript:alert(1)\">",
    "<form action=\"javascript:alert(1)\"><button>go</button></form>",
    "<details open ontoggle=alert(1)><summary>toggle</summary></details>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
    "<math><mi xlink:href=\"javascript:alert(1)\">math link</mi></math>",
    "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
    "<template><script>alert(1)</script></template>",
    "<base href=\"javascript:alert(1)//\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<!-- <img src=x onerror=alert(1)> -->",
    "<p onclick=alert(1) onmouseover=alert(1)>handlers</p>",
    "<a href=\"https://example.org\" onclick=\"alert(1)\" target=\"_top\">ok link</a>",
];

/// `value` as a browser reads a URL's start: without leading spaces and controls, and
/// without tabs and newlines anywhere.
fn url_start(value: &str) -> String {
    value
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .to_ascii_lowercase()
}

#[test]
fn xss_vectors_leave_no_script_no_handler_and_no_script_url() {
    let src = format!("# Vectors\n\n{}\n", VECTORS.join("\n\n"));
    let doc = markdown(&src);
    let (text, html) = page_with(&doc, &allowed());
    // Kept for the checkers (the Nu validator, a look in a browser).
    let dir = std::env::temp_dir().join("briefing-html");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("raw-html-vectors.html"), &text).unwrap();
    assert!(
        select(&html, "script").is_empty(),
        "a script element survived"
    );
    assert!(
        select(
            &html,
            "body style, iframe, object, embed, form, svg, math, template, base, body meta, noscript, img"
        )
        .is_empty(),
        "a forbidden element survived"
    );
    for el in select(&html, "body *") {
        for (name, value) in el.value().attrs() {
            assert!(
                !name.starts_with("on"),
                "handler {name} on {:?}",
                el.value()
            );
            assert!(
                name != "style" && name != "srcdoc",
                "{name} on {:?}",
                el.value()
            );
            let v = url_start(value);
            for scheme in ["javascript:", "vbscript:", "data:"] {
                assert!(
                    !v.starts_with(scheme),
                    "{name}={value:?} on {:?}",
                    el.value()
                );
            }
        }
    }
    assert!(!text.to_ascii_lowercase().contains("<script"));
    // The harmless link is kept, told not to pass on the page or a referrer.
    let ok = select(&html, "main a[href='https://example.org']");
    assert_eq!(ok.len(), 1);
    assert_eq!(ok[0].value().attr("rel"), Some("noopener noreferrer"));
    assert_eq!(ok[0].value().attr("target"), None);
    // The text of removed links stays readable.
    let main = text_of(&html, "main");
    for words in [
        "plain",
        "mixed case",
        "decimal entity",
        "named colon",
        "ok link",
    ] {
        assert!(main.contains(words), "{words:?} lost from {main}");
    }
}

#[test]
fn harmless_formatting_survives_in_paragraphs_headings_and_blocks() {
    let src = "\
---
toc: true
---
## Water is H<sub>2</sub>O

Energy is mc<sup>2</sup>, <b>bold *and emphasised*</b>, <abbr title=\"North Atlantic Treaty Organization\">NATO</abbr>,
a <a href=\"notes/annex.html\">relative link</a><br>and <kbd>Ctrl</kbd>.[^1]

<details>
<summary>More detail</summary>

Markdown *inside* the details.

</details>

<span class=\"marking\" id=\"content\" style=\"color:red\">Fake banner</span>

[^1]: A note.
";
    let (_, html) = page_with(&markdown(src), &allowed());
    assert_eq!(text_of(&html, "main h2 sub"), "2");
    assert_eq!(text_of(&html, "main p sup:not(.fnref)"), "2");
    assert_eq!(text_of(&html, "main p b > em"), "and emphasised");
    assert_eq!(
        select(&html, "main p abbr")[0].value().attr("title"),
        Some("North Atlantic Treaty Organization")
    );
    assert_eq!(select(&html, "main p kbd").len(), 1);
    assert_eq!(select(&html, "main p br").len(), 1);
    let rel = select(&html, "main a[href='notes/annex.html']");
    assert_eq!(rel[0].value().attr("rel"), Some("noopener noreferrer"));
    // Our own markup inside a sanitized run keeps its ids and roles: the note still links.
    let fnref = select(&html, "main p sup.fnref a[role=doc-noteref]");
    assert_eq!(fnref.len(), 1);
    assert_eq!(fnref[0].value().attr("id"), Some("fnref:1"));
    // The details element holds the Markdown between its tags.
    assert_eq!(text_of(&html, "main details > summary"), "More detail");
    assert_eq!(text_of(&html, "main details > p > em"), "inside");
    // Class, id and style are dropped: raw HTML cannot pose as the banner or take an id.
    assert!(
        select(&html, ".marking").is_empty(),
        "a raw span posed as the banner"
    );
    assert_eq!(select(&html, "#content").len(), 1);
    assert!(select(&html, "main [style], main span[class]").is_empty());
    assert!(text_of(&html, "main").contains("Fake banner"));
    // The contents entry is the heading's text, without the tags.
    assert_eq!(text_of(&html, "nav.toc li a"), "Water is H2O");
}

#[test]
fn raw_html_is_escaped_text_unless_allowed() {
    let doc = markdown("Inline <b>bold</b> here.\n\n<div>\nblock\n</div>\n");
    let (text, html) = page(&doc);
    assert!(select(&html, "main b, main div").is_empty());
    assert!(
        text.contains("&lt;b&gt;bold&lt;/b&gt;"),
        "inline tags not shown"
    );
    assert!(text_of(&html, "main").contains("<div> block </div>"));
    let (_, html) = page_with(&doc, &allowed());
    assert_eq!(text_of(&html, "main p b"), "bold");
    assert_eq!(text_of(&html, "main div"), "block");
}

#[test]
fn documents_without_raw_html_render_the_same_either_way() {
    let doc = kitchen_sink();
    let plain = render_default(&doc).value;
    let allowed = briefing_html::render(&doc, &theme(), &allowed())
        .unwrap()
        .value;
    assert_eq!(plain, allowed);
}

#[test]
fn unbalanced_raw_html_cannot_swallow_the_page() {
    // An element left open in one paragraph must not wrap the rest of the page.
    let doc = markdown("Start <b>never closed.\n\nSecond <i>paragraph.\n\n<div>\n\nAfter.\n");
    let (_, html) = page_with(&doc, &allowed());
    assert_eq!(select(&html, "main p b").len(), 1);
    assert!(select(&html, "main b p, main i p, footer b, .footnotes b").is_empty());
    // Every word is still there, in order.
    let main = text_of(&html, "main");
    let (a, b, c) = (
        main.find("never closed").unwrap(),
        main.find("Second paragraph").unwrap(),
        main.find("After.").unwrap(),
    );
    assert!(a < b && b < c, "{main}");
}
