//! Text marked as another language keeps its language in the page: `<span lang>`, written
//! by us, so it is there without `--allow-raw-html` and its attribute cannot break out.

use super::common::*;
use briefing_html::Options;
use briefing_model::{Inline, ParseOptions, SourceKind, parse};

const SOURCE: &str = "---\ntitle: Phrases\nlang: en-GB\n---\n## Le <span lang=\"fr\">mot juste</span>\n\nA certain <span lang=\"fr\">je ne *sais* quoi, <span lang='la'>ad hoc</span></span> and <b>raw</b>.\n";

#[test]
fn language_spans_carry_lang_with_or_without_raw_html() {
    let doc = parse(SOURCE, &ParseOptions::new(SourceKind::Markdown))
        .expect("parses")
        .value;
    for options in [
        Options::default(),
        Options {
            allow_raw_html: true,
            ..Options::default()
        },
    ] {
        let (text, html) = page_with(&doc, &options);
        let spans = select(&html, "main p span[lang='fr']");
        assert_eq!(spans.len(), 1, "{text}");
        assert_eq!(
            collapse(&spans[0].text().collect::<String>()),
            "je ne sais quoi, ad hoc"
        );
        assert_eq!(select(&html, "main p span[lang='fr'] > em").len(), 1);
        assert_eq!(
            text_of(&html, "main p span[lang='fr'] span[lang='la']"),
            "ad hoc"
        );
        assert_eq!(text_of(&html, "h2 span[lang='fr']"), "mot juste");
        // Only the marked words: the rest of the paragraph is in the page's language.
        assert_eq!(select(&html, "[lang]").len(), 4, "{text}");
        assert_eq!(select(&html, "html[lang='en-GB']").len(), 1);
        // Raw HTML is still text unless allowed.
        assert_eq!(
            text.contains("&lt;b&gt;raw&lt;/b&gt;"),
            !options.allow_raw_html
        );
    }
}

#[test]
fn a_language_built_in_code_is_escaped() {
    let mut doc = briefing_tests::sample();
    doc.blocks.push(para(
        9,
        vec![Inline::Lang {
            lang: "fr\" onmouseover=\"alert(1)".into(),
            content: vec![t("bonjour")],
        }],
    ));
    let (text, html) = page(&doc);
    assert!(!text.contains("onmouseover=\"alert"), "{text}");
    let spans = select(&html, "span[lang]");
    assert_eq!(spans.len(), 1);
    assert_eq!(
        spans[0].value().attr("lang"),
        Some("fr\" onmouseover=\"alert(1)")
    );
    assert!(spans[0].value().attr("onmouseover").is_none());
}
