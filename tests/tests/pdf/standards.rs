//! PDF/A and PDF/UA: the output intent and metadata, alt text, and which fonts
//! furniture and content are set in.

use std::collections::BTreeSet;
use std::path::PathBuf;

use briefing_model::{ParseOptions, SourceKind, builtin, parse};
use briefing_pdf::{PdfStandard, render};
use briefing_tests::fixtures::sample;
use briefing_tests::pdf::{Pdf, decode};

use super::{inputs, options};

#[test]
fn pdf_a_has_an_srgb_output_intent_and_matching_metadata() {
    let doc = sample();
    let theme = builtin("briefing").unwrap();
    for (standard, level) in [
        (PdfStandard::A2b, "B"),
        (PdfStandard::A2a, "A"),
        (PdfStandard::A2aUa1, "A"),
    ] {
        let bytes = render(&doc, &theme, &options(Some(standard)))
            .unwrap()
            .value
            .bytes;
        let pdf = Pdf::new(&bytes);
        let intents = pdf
            .deref(pdf.catalog().get(b"OutputIntents").unwrap())
            .as_array()
            .unwrap();
        assert_eq!(intents.len(), 1);
        let intent = pdf.deref(&intents[0]).as_dict().unwrap();
        assert_eq!(intent.get(b"S").unwrap().as_name().unwrap(), b"GTS_PDFA1");
        let profile = pdf
            .deref(intent.get(b"DestOutputProfile").unwrap())
            .as_stream()
            .unwrap();
        assert_eq!(profile.dict.get(b"N").unwrap().as_i64().unwrap(), 3);
        let icc = profile
            .decompressed_content()
            .unwrap_or_else(|_| profile.content.clone());
        assert_eq!(&icc[16..20], b"RGB ");
        let xmp = pdf.xmp();
        assert!(xmp.contains("<pdfaid:part>2</pdfaid:part>"), "{xmp}");
        assert!(xmp.contains(&format!("<pdfaid:conformance>{level}</pdfaid:conformance>")));
        assert_eq!(
            xmp.contains("<pdfuaid:part>1</pdfuaid:part>"),
            standard.is_ua()
        );
        // Info and XMP agree on the title, author and dates.
        let info = pdf.info();
        let title = decode(info.get(b"Title").unwrap().as_str().unwrap());
        assert!(xmp.contains(&format!(
            "<rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>"
        )));
        let author = decode(info.get(b"Author").unwrap().as_str().unwrap());
        assert!(xmp.contains(&format!("<rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq>")));
        assert_eq!(
            info.get(b"CreationDate").unwrap().as_str().unwrap(),
            b"D:20250816000000Z"
        );
        assert!(xmp.contains("<xmp:CreateDate>2025-08-16T00:00:00Z</xmp:CreateDate>"));
        // The metadata stays readable without decoding, and nothing is encrypted.
        let meta = pdf
            .deref(pdf.catalog().get(b"Metadata").unwrap())
            .as_stream()
            .unwrap();
        assert!(meta.dict.get(b"Filter").is_err());
        assert!(pdf.lo.trailer.get(b"Encrypt").is_err());
        // Still deterministic.
        assert!(
            render(&doc, &theme, &options(Some(standard)))
                .unwrap()
                .value
                .bytes
                == bytes
        );
    }
}

#[test]
fn an_image_without_alt_text_is_a_warning_on_its_line() {
    let src = "# Charts\n\nIntro.\n\n![](images/chart.png)\n\n![A chart](images/chart.png)\n";
    let doc = parse(src, &ParseOptions::new(SourceKind::Markdown))
        .unwrap()
        .value;
    let theme = builtin("briefing").unwrap();
    let out = render(&doc, &theme, &options(None)).unwrap();
    let w: Vec<_> = out
        .warnings
        .iter()
        .filter(|w| w.message.contains("alternative text"))
        .collect();
    assert_eq!(w.len(), 1, "{:?}", out.warnings);
    assert_eq!(w[0].line, Some(5));
    assert!(w[0].message.contains("images/chart.png"));
}

/// Renders every input with `$BRIEFING_PDF_STANDARD` (default `a-2a,ua-1`) into
/// `$BRIEFING_PDF_OUT`, for external validators; does nothing without the folder.
#[test]
fn write_every_input_for_validators() {
    let Some(dir) = std::env::var_os("BRIEFING_PDF_OUT") else {
        return;
    };
    let standard: PdfStandard = std::env::var("BRIEFING_PDF_STANDARD")
        .unwrap_or_else(|_| "a-2a,ua-1".into())
        .parse()
        .unwrap();
    let theme = builtin("briefing").unwrap();
    for (name, doc) in inputs() {
        let out = render(&doc, &theme, &options(Some(standard))).unwrap();
        let path = PathBuf::from(&dir).join(format!("{name}.pdf"));
        std::fs::write(path, out.value.bytes).unwrap();
    }
}

/// The `/BaseFont` of every text-showing operator on every page, split into those
/// drawn as artifacts (furniture) and those drawn as content.
fn fonts_by_marking(bytes: &[u8]) -> (BTreeSet<String>, BTreeSet<String>) {
    let pdf = Pdf::new(bytes);
    let (mut artifact, mut content) = (BTreeSet::new(), BTreeSet::new());
    for (_, page_id) in pdf.lo.get_pages() {
        let page = pdf.lo.get_dictionary(page_id).unwrap();
        let resources = pdf.dict(page, b"Resources");
        let fonts = pdf.dict(resources, b"Font");
        let ops = pdf
            .lo
            .get_and_decode_page_content(page_id)
            .unwrap()
            .operations;
        let mut stack: Vec<bool> = Vec::new();
        let mut font = String::new();
        for op in &ops {
            match op.operator.as_str() {
                "BMC" => stack.push(true),
                "BDC" => stack.push(false),
                "EMC" => {
                    stack.pop();
                }
                "Tf" => {
                    let f = pdf.dict(fonts, op.operands[0].as_name().unwrap());
                    let name = f.get(b"BaseFont").unwrap().as_name().unwrap();
                    // Drop the subset tag.
                    font = String::from_utf8_lossy(&name[7..]).into_owned();
                }
                "Tj" | "TJ" if stack.last() == Some(&true) => {
                    artifact.insert(font.clone());
                }
                "Tj" | "TJ" => {
                    content.insert(font.clone());
                }
                _ => {}
            }
        }
    }
    (artifact, content)
}

#[test]
fn header_footer_and_banner_are_set_in_the_furniture_family() {
    let doc = sample();
    let base = builtin("briefing").unwrap();
    let (artifact, _) = fonts_by_marking(&render(&doc, &base, &options(None)).unwrap().value.bytes);
    let sans = base.fonts.furniture.regular.stem().to_owned();
    assert!(
        artifact.iter().all(|f| f.starts_with("NotoSans-")),
        "{artifact:?} vs {sans}"
    );
    // A theme whose furniture is the code family's files.
    let mut theme = (*base).clone();
    theme.fonts.furniture = theme.fonts.code.clone();
    let out = render(&doc, &theme, &options(None)).unwrap();
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    let (artifact, content) = fonts_by_marking(&out.value.bytes);
    let mono: BTreeSet<String> = [false, true]
        .iter()
        .map(|bold| theme.fonts.code.face(*bold, false).stem().to_owned())
        .collect();
    // Header and footer are regular, the classification banner bold: both mono faces.
    assert_eq!(artifact, mono, "furniture fonts");
    // The body and headings are untouched: no content text is set in the mono faces
    // (the sample has no code).
    assert!(content.is_disjoint(&mono), "{content:?}");
}
