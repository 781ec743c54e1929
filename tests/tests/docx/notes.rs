//! The theme's note placement: `page` gives Word footnotes, `end` gives Word endnotes.
//! Everything is read back from the produced bytes.

use std::collections::BTreeMap;

use briefing_docx::{Options, render};
use briefing_model::{Document, Footnote, FootnotePlacement, Inline, builtin};
use briefing_tests::docx::{attrs, paragraphs, part, unzip, well_formed};

use super::{meta, para, render_in, t, theme_with};

/// Three notes cited in order, the second holding a link.
fn three_notes() -> Document {
    let note = |number: u32, content: Vec<Inline>| Footnote {
        label: format!("n{number}"),
        number,
        line: 10 + number,
        blocks: vec![para(content)],
    };
    Document {
        meta: meta("Notes"),
        blocks: vec![
            para(vec![
                t("Talks resumed"),
                Inline::FootnoteRef { number: 1 },
                t(" in Moscow"),
                Inline::FootnoteRef { number: 2 },
                t("."),
            ]),
            para(vec![
                t("Markets shrugged"),
                Inline::FootnoteRef { number: 3 },
            ]),
        ],
        footnotes: vec![
            note(1, vec![t("First source.")]),
            note(
                2,
                vec![
                    t("See "),
                    Inline::Link {
                        url: "https://example.org/wire".into(),
                        content: vec![t("the wire")],
                    },
                    t("."),
                ],
            ),
            note(3, vec![t("Third source.")]),
        ],
    }
}

/// The parts of `doc` with its notes placed as `notes` says.
fn parts(doc: &Document, notes: FootnotePlacement) -> BTreeMap<String, Vec<u8>> {
    render_in(doc, &theme_with(notes)).0
}

/// The text of each real note (separators left out), in order.
fn note_texts(xml: &str, element: &str) -> Vec<(String, String)> {
    // Each real note is one paragraph here; separators have no text.
    let ids: Vec<String> = attrs(xml, element, "w:id")
        .into_iter()
        .filter(|id| id != "-1" && id != "0")
        .collect();
    let texts: Vec<String> = paragraphs(xml)
        .into_iter()
        .map(|(_, t)| t)
        .filter(|t| !t.is_empty())
        .collect();
    ids.into_iter().zip(texts).collect()
}

#[test]
fn end_placement_writes_word_endnotes_in_order() {
    let parts = parts(&three_notes(), FootnotePlacement::End);
    assert!(
        !parts.contains_key("word/footnotes.xml"),
        "no footnotes part"
    );
    let notes = part(&parts, "word/endnotes.xml");
    well_formed(&notes);
    assert_eq!(
        note_texts(&notes, "w:endnote"),
        [
            ("1".to_owned(), " First source.".to_owned()),
            ("2".to_owned(), " See the wire.".to_owned()),
            ("3".to_owned(), " Third source.".to_owned()),
        ]
    );
    assert_eq!(
        attrs(&notes, "w:endnote", "w:type"),
        ["separator", "continuationSeparator"]
    );
    assert_eq!(attrs(&notes, "w:endnote", "w:id")[..2], ["-1", "0"]);
    assert_eq!(notes.matches("<w:endnoteRef/>").count(), 3);
    assert!(!notes.contains("footnote"), "{notes}");
    assert_eq!(
        attrs(&notes, "w:pStyle", "w:val"),
        ["EndnoteText", "EndnoteText", "EndnoteText"]
    );

    let body = part(&parts, "word/document.xml");
    assert_eq!(attrs(&body, "w:endnoteReference", "w:id"), ["1", "2", "3"]);
    assert!(!body.contains("footnoteReference"));
    assert_eq!(
        attrs(&body, "w:rStyle", "w:val"),
        ["EndnoteReference", "EndnoteReference", "EndnoteReference"]
    );

    let settings = part(&parts, "word/settings.xml");
    assert!(settings.contains(r#"<w:endnotePr><w:pos w:val="docEnd"/><w:numFmt w:val="decimal"/><w:endnote w:id="-1"/><w:endnote w:id="0"/></w:endnotePr>"#));
    assert!(!settings.contains("footnotePr"));
    assert!(body.contains(r#"<w:endnotePr><w:numFmt w:val="decimal"/></w:endnotePr>"#));
    let types = part(&parts, "[Content_Types].xml");
    assert!(types.contains(r#"<Override PartName="/word/endnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"/>"#));
    assert!(!types.contains("footnotes"));
    let rels = part(&parts, "word/_rels/document.xml.rels");
    assert!(rels.contains(r#"relationships/endnotes" Target="endnotes.xml""#));
    assert!(!rels.contains("footnotes"));
}

#[test]
fn page_placement_keeps_word_footnotes() {
    let parts = parts(&three_notes(), FootnotePlacement::Page);
    assert!(!parts.contains_key("word/endnotes.xml"), "no endnotes part");
    let notes = part(&parts, "word/footnotes.xml");
    assert_eq!(
        note_texts(&notes, "w:footnote"),
        [
            ("1".to_owned(), " First source.".to_owned()),
            ("2".to_owned(), " See the wire.".to_owned()),
            ("3".to_owned(), " Third source.".to_owned()),
        ]
    );
    assert!(!notes.contains("endnote"));
    let body = part(&parts, "word/document.xml");
    assert_eq!(attrs(&body, "w:footnoteReference", "w:id"), ["1", "2", "3"]);
    assert!(!body.contains("endnote"));
    assert!(part(&parts, "word/settings.xml").contains("<w:footnotePr>"));
    assert!(!part(&parts, "[Content_Types].xml").contains("endnotes"));
    assert!(part(&parts, "word/_rels/footnotes.xml.rels").contains("https://example.org/wire"));
}

#[test]
fn a_link_inside_an_endnote_resolves_in_the_endnotes_relationships() {
    let parts = parts(&three_notes(), FootnotePlacement::End);
    let notes = part(&parts, "word/endnotes.xml");
    let ids = attrs(&notes, "w:hyperlink", "r:id");
    assert_eq!(ids.len(), 1);
    let rels = part(&parts, "word/_rels/endnotes.xml.rels");
    well_formed(&rels);
    let rel_ids = attrs(&rels, "Relationship", "Id");
    let targets = attrs(&rels, "Relationship", "Target");
    let at = rel_ids
        .iter()
        .position(|id| *id == ids[0])
        .unwrap_or_else(|| panic!("{} has no relationship in {rels}", ids[0]));
    assert_eq!(targets[at], "https://example.org/wire");
    // The body's relationships do not carry the note's link.
    assert!(!part(&parts, "word/_rels/document.xml.rels").contains("example.org/wire"));
    assert!(!parts.contains_key("word/_rels/footnotes.xml.rels"));
}

#[test]
fn endnote_styles_come_from_the_theme() {
    let theme = theme_with(FootnotePlacement::End);
    let out = render(&three_notes(), &theme, &Options::default()).unwrap();
    let styles = part(&unzip(&out.value), "word/styles.xml");
    let small = theme.sizes.small.half_points();
    let text = style_xml(&styles, "EndnoteText");
    assert!(text.contains(r#"<w:name w:val="endnote text"/>"#), "{text}");
    assert!(
        text.contains(&format!(r#"<w:sz w:val="{small}"/>"#)),
        "{text}"
    );
    let mark = style_xml(&styles, "EndnoteReference");
    assert!(mark.contains(r#"w:type="character""#), "{mark}");
    assert!(
        mark.contains(r#"<w:vertAlign w:val="superscript"/>"#),
        "{mark}"
    );
}

#[test]
fn endnote_output_is_the_same_bytes_twice() {
    let theme = theme_with(FootnotePlacement::End);
    let a = render(&three_notes(), &theme, &Options::default())
        .unwrap()
        .value;
    let b = render(&three_notes(), &theme, &Options::default())
        .unwrap()
        .value;
    assert!(a == b, "two renders differ");
}

#[test]
fn built_in_themes_choose_their_notes() {
    for (name, part_name) in [
        ("briefing", "word/footnotes.xml"),
        ("newsroom", "word/endnotes.xml"),
        ("memo", "word/footnotes.xml"),
    ] {
        let theme = builtin(name).unwrap();
        let out = render(&three_notes(), &theme, &Options::default()).unwrap();
        let parts = unzip(&out.value);
        let notes = part(&parts, part_name);
        assert!(notes.contains("Third source."), "{name}");
        assert_eq!(
            parts.keys().filter(|k| k.ends_with("notes.xml")).count(),
            1,
            "{name} has one notes part"
        );
    }
}

/// The whole `w:style` element with `id`.
fn style_xml<'a>(styles: &'a str, id: &str) -> &'a str {
    let key = format!(r#"w:styleId="{id}""#);
    let at = styles.find(&key).unwrap_or_else(|| panic!("no style {id}"));
    let start = styles[..at].rfind("<w:style ").unwrap();
    let end = at + styles[at..].find("</w:style>").unwrap();
    &styles[start..end]
}
