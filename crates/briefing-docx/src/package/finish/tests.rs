//! The structural pass on small parts written as docx-rs writes them, and as it might write
//! them after a release that changes its formatting.

use super::*;
use crate::edits::RunContent;

/// A job with `edits` and nothing else.
fn job(edits: &Edits, notes: NoteKind) -> Job<'_> {
    Job {
        edits,
        notes,
        table_properties: None,
        section: None,
        separators: false,
    }
}

/// `xml` finished by `job`.
fn run(xml: &str, job: &Job<'_>) -> String {
    String::from_utf8(finish(xml.as_bytes(), job).unwrap().xml).unwrap()
}

/// Edits of paragraph `id`: `runs` runs, `edits` by position.
fn edits(id: u32, runs: usize, edits: Vec<(usize, RunEdit)>) -> Edits {
    let mut e = Edits {
        langs: vec!["de".into(), "fr\"".into()],
        ..Edits::default()
    };
    e.paragraphs.insert(id, ParagraphEdits { runs, edits });
    e
}

fn lang(n: usize) -> RunEdit {
    RunEdit {
        lang: Some(n),
        ..RunEdit::default()
    }
}

#[test]
fn what_needs_no_change_is_copied_byte_for_byte() {
    let xml = concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="w">"#,
        r#"<w:body><w:p w14:paraId="00000001"><w:pPr><w:pStyle w:val="Title" /></w:pPr>"#,
        r#"<w:r><w:rPr /><w:t xml:space="preserve">A &amp; B &lt;c&gt; "d" ’</w:t></w:r></w:p>"#,
        "<!-- note --><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>"
    );
    let e = Edits::default();
    assert_eq!(run(xml, &job(&e, NoteKind::Foot)), xml);
}

#[test]
fn schema_order_is_restored() {
    let xml = concat!(
        r#"<w:p><w:pPr><w:rPr /><w:pStyle w:val="N" /><w:numPr><w:numId w:val="3" /><w:ilvl w:val="1" /></w:numPr></w:pPr>"#,
        r#"<w:r><w:rPr><w:b /><w:i /><w:rStyle w:val="Hyperlink" /></w:rPr><w:t>x</w:t></w:r></w:p>"#,
        r#"<w:p><w:pPr><w:rPr /></w:pPr></w:p>"#,
        r#"<w:tblGrid><w:gridCol w:w="2352" w:type="dxa" /><w:gridCol w:w="10"/></w:tblGrid><w:tcW w:w="5" w:type="dxa" />"#,
    );
    let e = Edits::default();
    assert_eq!(
        run(xml, &job(&e, NoteKind::Foot)),
        concat!(
            r#"<w:p><w:pPr><w:pStyle w:val="N" /><w:numPr><w:ilvl w:val="1" /><w:numId w:val="3" /></w:numPr></w:pPr>"#,
            r#"<w:r><w:rPr><w:rStyle w:val="Hyperlink" /><w:b /><w:i /></w:rPr><w:t>x</w:t></w:r></w:p>"#,
            r#"<w:p></w:p>"#,
            r#"<w:tblGrid><w:gridCol w:w="2352" /><w:gridCol w:w="10"/></w:tblGrid><w:tcW w:w="5" w:type="dxa" />"#,
        )
    );
}

#[test]
fn languages_go_last_in_the_run_properties_of_the_edited_runs() {
    let e = edits(0x2A, 4, vec![(0, lang(1)), (1, lang(0)), (2, lang(0))]);
    let xml = concat!(
        r#"<w:p w14:paraId="0000002A">"#,
        r#"<w:r><w:rPr><w:b /><w:rStyle w:val="H" /></w:rPr><w:t>oui</w:t></w:r>"#,
        r#"<w:hyperlink w:anchor="a"><w:r><w:rPr /><w:t>ja</w:t></w:r></w:hyperlink>"#,
        r#"<w:r><w:t>nein</w:t></w:r>"#,
        r#"<w:r><w:rPr /><w:t>en</w:t></w:r></w:p>"#,
    );
    assert_eq!(
        run(xml, &job(&e, NoteKind::Foot)),
        concat!(
            r#"<w:p w14:paraId="0000002A">"#,
            r#"<w:r><w:rPr><w:rStyle w:val="H" /><w:b /><w:lang w:val="fr&quot;" w:eastAsia="fr&quot;" w:bidi="fr&quot;"/></w:rPr><w:t>oui</w:t></w:r>"#,
            r#"<w:hyperlink w:anchor="a"><w:r><w:rPr><w:lang w:val="de" w:eastAsia="de" w:bidi="de"/></w:rPr><w:t>ja</w:t></w:r></w:hyperlink>"#,
            r#"<w:r><w:rPr><w:lang w:val="de" w:eastAsia="de" w:bidi="de"/></w:rPr><w:t>nein</w:t></w:r>"#,
            r#"<w:r><w:rPr /><w:t>en</w:t></w:r></w:p>"#,
        )
    );
}

#[test]
fn edits_follow_the_paragraph_id_however_docx_rs_formats_its_tags() {
    // Attributes reordered, other quotes, no space before `/>`: the same edits land.
    let e = edits(7, 2, vec![(1, lang(0))]);
    let xml = concat!(
        "<w:p w14:textId='1' w14:paraId='00000007'><w:r><w:rPr/><w:t>a</w:t></w:r>",
        "<w:r><w:rPr/><w:t>b</w:t></w:r></w:p>"
    );
    assert_eq!(
        run(xml, &job(&e, NoteKind::Foot)),
        concat!(
            "<w:p w14:textId='1' w14:paraId='00000007'><w:r><w:rPr/><w:t>a</w:t></w:r>",
            r#"<w:r><w:rPr><w:lang w:val="de" w:eastAsia="de" w:bidi="de"/></w:rPr><w:t>b</w:t></w:r></w:p>"#
        )
    );
}

#[test]
fn runs_get_their_content_and_pictures_their_description() {
    let picture = RunEdit {
        alt: Some("A <map>".into()),
        ..RunEdit::default()
    };
    let mut e = edits(
        1,
        3,
        vec![
            (0, RunEdit::content(RunContent::FieldBegin)),
            (
                1,
                RunEdit::content(RunContent::FieldCode(r#" TOC \o "1-3" "#)),
            ),
            (2, picture),
        ],
    );
    e.paragraphs.insert(
        2,
        ParagraphEdits {
            runs: 1,
            edits: vec![(0, RunEdit::content(RunContent::NoteMark))],
        },
    );
    let xml = concat!(
        r#"<w:p w14:paraId="00000001"><w:r><w:rPr /></w:r><w:r><w:rPr /></w:r>"#,
        r#"<w:r><w:rPr /><w:drawing><wp:inline><wp:docPr id="1" name="Figure" /></wp:inline></w:drawing></w:r></w:p>"#,
        r#"<w:p w14:paraId="00000002"><w:r><w:rPr><w:rStyle w:val="EndnoteReference" /></w:rPr></w:r></w:p>"#,
    );
    assert_eq!(
        run(xml, &job(&e, NoteKind::End)),
        concat!(
            r#"<w:p w14:paraId="00000001"><w:r><w:rPr /><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>"#,
            r#"<w:r><w:rPr /><w:instrText xml:space="preserve"> TOC \o "1-3" </w:instrText></w:r>"#,
            r#"<w:r><w:rPr /><w:drawing><wp:inline><wp:docPr id="1" name="Picture 1" descr="A &lt;map&gt;"/></wp:inline></w:drawing></w:r></w:p>"#,
            r#"<w:p w14:paraId="00000002"><w:r><w:rPr><w:rStyle w:val="EndnoteReference" /></w:rPr><w:endnoteRef/></w:r></w:p>"#,
        )
    );
}

#[test]
fn a_paragraph_written_with_other_runs_than_were_built_is_an_error() {
    let e = edits(1, 2, vec![(1, lang(0))]);
    let xml = r#"<w:p w14:paraId="00000001"><w:r><w:t>only one</w:t></w:r></w:p>"#;
    let err = finish(xml.as_bytes(), &job(&e, NoteKind::Foot))
        .err()
        .unwrap();
    assert!(
        err.contains("built with 2 runs and written with 1"),
        "{err}"
    );
}

#[test]
fn tables_and_the_section_take_our_properties_and_the_first_row_repeats() {
    let e = Edits::default();
    let job = Job {
        table_properties: Some(b"<w:tblPr><w:tblStyle w:val=\"T\"/></w:tblPr>"),
        section: Some(b"<w:sectPr><w:pgSz w:w=\"1\"/></w:sectPr>"),
        ..job(&e, NoteKind::Foot)
    };
    let xml = concat!(
        r#"<w:body><w:tbl><w:tblPr><w:tblW w:w="0" /><w:tblStyle w:val="X" /></w:tblPr>"#,
        r#"<w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr><w:tr><w:trPr /></w:tr></w:tbl>"#,
        r#"<w:sectPr><w:pgSz w:w="9" /><w:headerReference r:id="h" /></w:sectPr></w:body>"#,
    );
    assert_eq!(
        run(xml, &job),
        concat!(
            r#"<w:body><w:tbl><w:tblPr><w:tblStyle w:val="T"/></w:tblPr>"#,
            r#"<w:tr><w:trPr><w:cantSplit /><w:tblHeader /></w:trPr></w:tr><w:tr><w:trPr /></w:tr></w:tbl>"#,
            r#"<w:sectPr><w:pgSz w:w="1"/></w:sectPr></w:body>"#,
        )
    );
}

#[test]
fn endnotes_rename_the_notes_and_start_with_separators() {
    let e = Edits::default();
    let notes = Job {
        separators: true,
        ..job(&e, NoteKind::End)
    };
    let xml = r#"<?xml?><w:footnotes a="b"><w:footnote w:id="1"><w:p><w:r><w:t>&lt;w:footnote </w:t></w:r></w:p></w:footnote></w:footnotes>"#;
    let out = run(xml, &notes);
    assert!(
        out.starts_with(r#"<?xml?><w:endnotes a="b"><w:endnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:endnote><w:endnote w:type="continuationSeparator" w:id="0">"#),
        "{out}"
    );
    assert!(
        out.ends_with(r#"<w:endnote w:id="1"><w:p><w:r><w:t>&lt;w:footnote </w:t></w:r></w:p></w:endnote></w:endnotes>"#),
        "{out}"
    );
    let body = r#"<w:r><w:footnoteReference w:id="3" /></w:r>"#;
    assert_eq!(
        run(body, &job(&e, NoteKind::End)),
        r#"<w:r><w:endnoteReference w:id="3" /></w:r>"#
    );
    assert_eq!(run(body, &job(&e, NoteKind::Foot)), body);
    let foot = Job {
        separators: true,
        ..job(&e, NoteKind::Foot)
    };
    assert!(run(xml, &foot).contains(r#"a="b"><w:footnote w:type="separator""#));
}
