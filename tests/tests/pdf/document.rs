//! The document as a whole: Info, fonts and version, dates, determinism, missing glyphs.

use briefing_model::{Block, BlockKind, Document, builtin};
use briefing_pdf::{Options, render};
use briefing_tests::fixtures::{para, sample, text, titled};

#[test]
fn metadata_fonts_and_version() {
    let theme = builtin("briefing").unwrap();
    let pdf = render(&sample(), &theme, &Options::default())
        .unwrap()
        .value
        .bytes;
    assert!(pdf.starts_with(b"%PDF-1.7"));
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let info = doc
        .get_dictionary(doc.trailer.get(b"Info").unwrap().as_reference().unwrap())
        .unwrap();
    assert_eq!(
        info.get(b"CreationDate").unwrap().as_str().unwrap(),
        b"D:20250816000000Z"
    );
    assert_eq!(
        info.get(b"Author").unwrap().as_str().unwrap(),
        b"Briefing Desk"
    );
    assert!(info.get(b"GTS_PDFXVersion").is_err());
    let mut fonts = Vec::new();
    for o in doc.objects.values() {
        if let Ok(d) = o.as_dict()
            && d.get(b"Type").ok().and_then(|t| t.as_name().ok()) == Some(b"FontDescriptor")
        {
            let name = String::from_utf8_lossy(d.get(b"FontName").unwrap().as_name().unwrap())
                .into_owned();
            assert!(
                d.get(b"FontFile2").is_ok() || d.get(b"FontFile3").is_ok(),
                "{name} not embedded"
            );
            fonts.push(name);
        }
    }
    fonts.sort();
    assert!(
        fonts.iter().all(|f| f.len() > 7 && f.as_bytes()[6] == b'+'),
        "{fonts:?}"
    );
    assert!(fonts.iter().any(|f| f.ends_with("NotoSerif-Regular")));
    assert!(fonts.iter().any(|f| f.ends_with("NotoSans-Bold")));
    // Subsetting keeps the file small.
    assert!(pdf.len() < 120_000, "{} bytes", pdf.len());
}

#[test]
fn no_date_means_no_dates_in_info() {
    let theme = builtin("briefing").unwrap();
    let doc = Document {
        meta: titled("Undated"),
        blocks: vec![para("Hello")],
        footnotes: Vec::new(),
    };
    let pdf = render(&doc, &theme, &Options::default())
        .unwrap()
        .value
        .bytes;
    let lo = lopdf::Document::load_mem(&pdf).unwrap();
    let info = lo
        .get_dictionary(lo.trailer.get(b"Info").unwrap().as_reference().unwrap())
        .unwrap();
    assert!(info.get(b"CreationDate").is_err() && info.get(b"ModDate").is_err());
}

#[test]
fn renders_are_byte_identical_also_across_threads() {
    let theme = builtin("briefing").unwrap();
    let doc = sample();
    let a = render(&doc, &theme, &Options::default())
        .unwrap()
        .value
        .bytes;
    let b = render(&doc, &theme, &Options::default())
        .unwrap()
        .value
        .bytes;
    assert!(a == b);
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let (doc, theme) = (doc.clone(), theme.clone());
            std::thread::spawn(move || {
                render(&doc, &theme, &Options::default())
                    .unwrap()
                    .value
                    .bytes
            })
        })
        .collect();
    for h in handles {
        assert!(h.join().unwrap() == a);
    }
    // A different document gets a different /ID.
    let mut other = doc.clone();
    other.meta.title.push('!');
    let c = render(&other, &theme, &Options::default())
        .unwrap()
        .value
        .bytes;
    let id = |pdf: &[u8]| {
        lopdf::Document::load_mem(pdf)
            .unwrap()
            .trailer
            .get(b"ID")
            .unwrap()
            .clone()
    };
    assert_ne!(format!("{:?}", id(&a)), format!("{:?}", id(&c)));
    assert!(!format!("{:?}", id(&a)).contains("0, 0, 0, 0, 0, 0, 0, 0"));
}

#[test]
fn a_character_no_font_has_is_reported_with_its_line() {
    let theme = builtin("briefing").unwrap();
    let block = Block {
        kind: BlockKind::Paragraph {
            content: text("Private \u{E000} use"),
        },
        line: 7,
    };
    let doc = Document {
        meta: titled("Glyphs"),
        blocks: vec![block],
        footnotes: Vec::new(),
    };
    let pdf = render(&doc, &theme, &Options::default()).unwrap();
    assert_eq!(pdf.warnings.len(), 1);
    assert_eq!(pdf.warnings[0].line, Some(7));
    assert!(pdf.warnings[0].message.contains("U+E000"));
}
