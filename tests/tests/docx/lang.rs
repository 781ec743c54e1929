//! Text marked as another language: its runs, and only they, carry `w:lang`, read back
//! from document.xml. Written to `$TMPDIR/briefing-docx/lang.docx` for the checkers.

use briefing_docx::{Options, render};
use briefing_model::{ParseOptions, SourceKind, builtin, parse};
use briefing_tests::docx::{attr, part, unzip, well_formed};
use quick_xml::Reader;
use quick_xml::events::Event;

const SOURCE: &str = "---\ntitle: Phrases\nlang: en-GB\n---\n## Le <span lang=\"fr\">mot juste</span>\n\nA certain <span lang=\"fr\">je ne *sais* quoi, [lien](https://example.fr) <span lang='la'>ad hoc</span></span> and <b>raw</b>.[^1]\n\n| Term | Gloss |\n|---|---|\n| <span lang=\"ja\">改善</span> | improvement |\n\n[^1]: From <span lang=\"de\">Bildung</span>.\n";

/// Every run of a part: its text and its `w:lang w:val`, in order.
fn runs(xml: &str) -> Vec<(String, Option<String>)> {
    let mut r = Reader::from_str(xml);
    let mut out = Vec::new();
    let (mut text, mut lang, mut in_t) = (String::new(), None, false);
    loop {
        match r.read_event().expect("well-formed XML") {
            Event::Start(e) if e.name().as_ref() == "w:r" => {
                text.clear();
                lang = None;
            }
            Event::End(e) if e.name().as_ref() == "w:r" => out.push((text.clone(), lang.take())),
            Event::Empty(e) if e.name().as_ref() == "w:lang" => {
                assert_eq!(attr(&e, "w:eastAsia"), attr(&e, "w:val"));
                assert_eq!(attr(&e, "w:bidi"), attr(&e, "w:val"));
                lang = attr(&e, "w:val");
            }
            Event::Start(e) if e.name().as_ref() == "w:t" => in_t = true,
            Event::End(e) if e.name().as_ref() == "w:t" => in_t = false,
            Event::Text(t) if in_t => text.push_str(&t.xml10_content()),
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// The runs that have a language, as (text, language).
fn marked(xml: &str) -> Vec<(String, String)> {
    runs(xml)
        .into_iter()
        .filter_map(|(t, l)| l.map(|l| (t, l)))
        .collect()
}

#[test]
fn runs_inside_language_spans_carry_w_lang() {
    let doc = parse(SOURCE, &ParseOptions::new(SourceKind::Markdown))
        .expect("parses")
        .value;
    let theme = builtin("briefing").unwrap();
    let bytes = render(&doc, &theme, &Options::default())
        .expect("renders")
        .value;
    let dir = std::env::temp_dir().join("briefing-docx");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("lang.docx"), &bytes).unwrap();

    let parts = unzip(&bytes);
    for (name, data) in &parts {
        assert!(!data.contains(&2u8), "a language marker is left in {name}");
    }
    let document = part(&parts, "word/document.xml");
    well_formed(&document);
    let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    assert_eq!(
        marked(&document),
        pairs(&[
            ("mot juste", "fr"),
            ("je ne ", "fr"),
            ("sais", "fr"),
            (" quoi, ", "fr"),
            ("lien", "fr"),
            (" ", "fr"),
            ("ad hoc", "la"),
            ("改善", "ja"),
        ])
    );
    // The words around the spans have no language of their own: they take the default.
    let all = runs(&document);
    assert!(all.iter().any(|(t, l)| t == "A certain " && l.is_none()));
    assert!(all.iter().any(|(t, l)| t == " and " && l.is_none()));
    // Emphasis and the link's style are kept beside the language.
    assert!(
        document.contains(r#"<w:i /><w:iCs /><w:lang w:val="fr""#),
        "{document}"
    );
    let notes = part(&parts, "word/footnotes.xml");
    well_formed(&notes);
    assert_eq!(marked(&notes), pairs(&[("Bildung", "de")]));
    // The document's own language is the default in styles.xml, as before.
    assert!(part(&parts, "word/styles.xml").contains(r#"<w:lang w:val="en-GB""#));
}
