//! Tagged PDF, PDF/UA and PDF/A: the structure tree, marked content, metadata and output
//! intent, read back from the bytes with lopdf.

use std::collections::BTreeSet;
use std::path::PathBuf;

use briefing_model::{BlockKind, Document, ParseOptions, SourceKind, builtin, parse, plain_text};
use lopdf::{Dictionary, Object, ObjectId};

use crate::tests::alaska;
use crate::tests::render;
use crate::{Options, PdfStandard};

/// Every briefing in `input/`, parsed.
fn inputs() -> Vec<(String, Document)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../input");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| SourceKind::from_path(p).is_some())
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|p| {
            let kind = SourceKind::from_path(&p).unwrap();
            let src = std::fs::read_to_string(&p).unwrap();
            let doc = parse(&src, &ParseOptions::new(kind)).unwrap().value;
            (p.file_name().unwrap().to_string_lossy().into_owned(), doc)
        })
        .collect()
}

fn options(standard: Option<PdfStandard>) -> Options {
    let input = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../input");
    Options {
        assets: briefing_model::Assets::in_folder(input),
        standard,
    }
}

/// A loaded PDF with helpers to follow references.
struct Pdf {
    lo: lopdf::Document,
}

impl Pdf {
    fn new(bytes: &[u8]) -> Pdf {
        Pdf {
            lo: lopdf::Document::load_mem(bytes).unwrap(),
        }
    }

    fn deref<'a>(&'a self, o: &'a Object) -> &'a Object {
        match o {
            Object::Reference(r) => self.lo.get_object(*r).unwrap(),
            o => o,
        }
    }

    fn dict<'a>(&'a self, d: &'a Dictionary, key: &[u8]) -> &'a Dictionary {
        self.deref(d.get(key).unwrap()).as_dict().unwrap()
    }

    fn catalog(&self) -> &Dictionary {
        self.lo.catalog().unwrap()
    }

    /// The structure elements in reading (depth-first) order, with their ids.
    fn elements(&self) -> Vec<(ObjectId, &Dictionary)> {
        let root = self.dict(self.catalog(), b"StructTreeRoot");
        let mut out = Vec::new();
        let mut stack = vec![root.get(b"K").unwrap().as_reference().unwrap()];
        while let Some(id) = stack.pop() {
            let d = self.lo.get_dictionary(id).unwrap();
            out.push((id, d));
            for k in kids(d).iter().rev() {
                if let Object::Reference(r) = k {
                    stack.push(*r);
                }
            }
        }
        out
    }

    fn role(d: &Dictionary) -> String {
        String::from_utf8_lossy(d.get(b"S").unwrap().as_name().unwrap()).into_owned()
    }

    /// The XMP packet as text.
    fn xmp(&self) -> String {
        let s = self
            .deref(self.catalog().get(b"Metadata").unwrap())
            .as_stream()
            .unwrap();
        String::from_utf8(s.content.clone()).unwrap()
    }

    fn info(&self) -> &Dictionary {
        self.lo
            .get_dictionary(
                self.lo
                    .trailer
                    .get(b"Info")
                    .unwrap()
                    .as_reference()
                    .unwrap(),
            )
            .unwrap()
    }
}

/// An element's kids: `/K` is an array, or a single kid written bare.
fn kids(d: &Dictionary) -> Vec<Object> {
    match d.get(b"K").unwrap() {
        Object::Array(a) => a.clone(),
        other => vec![other.clone()],
    }
}

/// A PDF text string decoded (literal ASCII or UTF-16BE with a BOM).
fn decode(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16(&units).unwrap()
    } else {
        String::from_utf8_lossy(bytes).into_owned()
    }
}

/// Checks the marked content of every page against the ParentTree: every text-showing
/// operator and image paint inside a marked-content sequence, every MCID referenced.
/// Returns how many MCIDs there are.
fn check_marked_content(pdf: &Pdf) -> usize {
    let root = pdf.dict(pdf.catalog(), b"StructTreeRoot");
    let tree = pdf.dict(root, b"ParentTree");
    let nums = tree.get(b"Nums").unwrap().as_array().unwrap();
    let mut total = 0;
    for (_, page_id) in pdf.lo.get_pages() {
        let page = pdf.lo.get_dictionary(page_id).unwrap();
        let key = page.get(b"StructParents").unwrap().as_i64().unwrap();
        let pos = nums
            .chunks(2)
            .position(|kv| kv[0].as_i64().unwrap() == key)
            .unwrap_or_else(|| panic!("no ParentTree entry {key}"));
        let entry = pdf.deref(&nums[pos * 2 + 1]).as_array().unwrap();
        let content = pdf.lo.get_and_decode_page_content(page_id).unwrap();
        // Each open sequence's MCID and whether it began inside a text object: it must
        // end on the same side, so sequences and text objects nest.
        let mut depth: Vec<(Option<i64>, bool)> = Vec::new();
        let mut in_text = false;
        let mut seen = BTreeSet::new();
        for op in &content.operations {
            match op.operator.as_str() {
                "BDC" => {
                    let props = op.operands[1].as_dict().unwrap();
                    let mcid = props.get(b"MCID").ok().map(|m| m.as_i64().unwrap());
                    if let Some(m) = mcid {
                        assert!(seen.insert(m), "MCID {m} used twice");
                        let elem = entry[m as usize].as_reference().unwrap();
                        let elem = pdf.lo.get_dictionary(elem).unwrap();
                        assert_eq!(
                            Pdf::role(elem),
                            String::from_utf8_lossy(op.operands[0].as_name().unwrap())
                        );
                    }
                    depth.push((mcid, in_text));
                }
                "BMC" => {
                    assert_eq!(op.operands[0].as_name().unwrap(), b"Artifact");
                    depth.push((None, in_text));
                }
                "EMC" => {
                    let (_, began) = depth.pop().expect("EMC without BDC");
                    assert_eq!(began, in_text, "marked content crosses a text object");
                }
                "BT" => in_text = true,
                "ET" => {
                    assert!(
                        depth.iter().all(|(_, began)| !began),
                        "ET inside marked content"
                    );
                    in_text = false;
                }
                "Tj" | "TJ" | "'" | "\"" | "Do" => {
                    assert!(!depth.is_empty(), "{} outside marked content", op.operator);
                }
                _ => {}
            }
        }
        assert!(depth.is_empty(), "unclosed marked content");
        assert_eq!(seen.len(), entry.len(), "ParentTree and MCIDs differ");
        assert_eq!(
            seen.last().copied(),
            entry.len().checked_sub(1).map(|n| n as i64)
        );
        total += seen.len();
    }
    total
}

#[test]
fn headings_figures_and_marked_content_are_in_the_structure_tree() {
    let (_, doc) = inputs()
        .into_iter()
        .find(|(n, _)| n == "arctic-shipping.md")
        .unwrap();
    let theme = builtin("briefing").unwrap();
    let out = render(&doc, &theme, &options(None)).unwrap();
    let pdf = Pdf::new(&out.value);
    let elements = pdf.elements();
    assert_eq!(Pdf::role(elements[0].1), "Document");
    let headings: Vec<(String, String)> = elements
        .iter()
        .map(|(_, d)| Pdf::role(d))
        .filter(|r| r.len() == 2 && r.starts_with('H'))
        .map(|r| (r, String::new()))
        .collect();
    let want: Vec<String> = doc
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Heading { level, .. } => Some(format!("H{level}")),
            _ => None,
        })
        .collect();
    let got: Vec<String> = headings.into_iter().map(|(r, _)| r).collect();
    assert_eq!(got, want);
    let figures: Vec<&Dictionary> = elements
        .iter()
        .map(|(_, d)| *d)
        .filter(|d| Pdf::role(d) == "Figure")
        .collect();
    let images = doc
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Figure { .. }))
        .count();
    assert_eq!(figures.len(), images);
    assert!(images > 0);
    for f in figures {
        let alt = decode(f.get(b"Alt").unwrap().as_str().unwrap());
        assert!(alt.starts_with("Bar chart of annual cargo volume"), "{alt}");
    }
    // One Note per footnote, each with its own /ID.
    let ids: BTreeSet<Vec<u8>> = elements
        .iter()
        .filter(|(_, d)| Pdf::role(d) == "Note")
        .map(|(_, d)| d.get(b"ID").unwrap().as_str().unwrap().to_vec())
        .collect();
    assert_eq!(ids.len(), doc.footnotes.len());
    assert!(!ids.is_empty());
    for role in [
        "P",
        "L",
        "LI",
        "Lbl",
        "LBody",
        "Table",
        "TH",
        "TD",
        "Caption",
        "Reference",
    ] {
        assert!(
            elements.iter().any(|(_, d)| Pdf::role(d) == role),
            "no {role} element"
        );
    }
    assert!(check_marked_content(&pdf) > 20);
    let cat = pdf.catalog();
    assert_eq!(
        pdf.dict(cat, b"MarkInfo").get(b"Marked").unwrap(),
        &Object::Boolean(true)
    );
    assert_eq!(
        pdf.dict(cat, b"ViewerPreferences")
            .get(b"DisplayDocTitle")
            .unwrap(),
        &Object::Boolean(true)
    );
    assert_eq!(
        cat.get(b"Lang").unwrap().as_str().unwrap(),
        doc.meta.lang.as_bytes()
    );
    let xmp = pdf.xmp();
    assert!(
        xmp.contains(&format!(">{}</rdf:li>", doc.meta.title)),
        "{xmp}"
    );
    // Nothing is claimed by default.
    assert!(!xmp.contains("pdfaid:part>") && !xmp.contains("pdfuaid:part>"));
    assert!(cat.get(b"OutputIntents").is_err());
}

#[test]
fn headings_in_the_tree_follow_the_document_with_their_text() {
    let doc = alaska();
    let theme = builtin("briefing").unwrap();
    let out = render(&doc, &theme, &Options::default()).unwrap();
    let pdf = Pdf::new(&out.value);
    let h: Vec<&Dictionary> = pdf
        .elements()
        .into_iter()
        .map(|(_, d)| d)
        .filter(|d| Pdf::role(d) == "H2")
        .collect();
    let want: Vec<String> = doc
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Heading { content, .. } => Some(plain_text(content)),
            _ => None,
        })
        .collect();
    assert_eq!(h.len(), want.len());
    // Each heading element's marked content shows its own text: follow its MCIDs.
    let pages = pdf.lo.get_pages();
    let first = h[0];
    let page = first.get(b"Pg").unwrap().as_reference().unwrap();
    let mcid = kids(first)[0].as_i64().unwrap();
    let content = pdf.lo.get_and_decode_page_content(page).unwrap();
    let mut inside = false;
    let mut shown = 0;
    for op in &content.operations {
        match op.operator.as_str() {
            "BDC" => {
                inside = op.operands[1].as_dict().unwrap().get(b"MCID").ok()
                    == Some(&Object::Integer(mcid));
            }
            "EMC" => inside = false,
            "Tj" | "TJ" if inside => shown += 1,
            _ => {}
        }
    }
    assert!(shown >= 1 && pages.len() > 1);
    check_marked_content(&pdf);
}

#[test]
fn furniture_is_an_artifact_and_links_belong_to_their_elements() {
    let (_, doc) = inputs()
        .into_iter()
        .find(|(_, d)| {
            let mut s = String::new();
            for b in &d.blocks {
                if let BlockKind::Paragraph { content } = &b.kind {
                    s.push_str(&format!("{content:?}"));
                }
            }
            s.contains("Link {")
        })
        .expect("an input with a link");
    let theme = builtin("briefing").unwrap();
    let out = render(&doc, &theme, &options(Some(PdfStandard::Ua1))).unwrap();
    let pdf = Pdf::new(&out.value);
    // The last text on every page is furniture (footer, banner): drawn as an artifact,
    // as is at least the header and footer.
    for (_, page) in pdf.lo.get_pages() {
        let content = pdf.lo.get_and_decode_page_content(page).unwrap();
        let mut stack: Vec<bool> = Vec::new();
        let mut shown: Vec<bool> = Vec::new();
        for op in &content.operations {
            match op.operator.as_str() {
                "BMC" => stack.push(op.operands[0].as_name().unwrap() == b"Artifact"),
                "BDC" => stack.push(false),
                "EMC" => {
                    stack.pop();
                }
                "Tj" | "TJ" => shown.push(stack.last() == Some(&true)),
                _ => {}
            }
        }
        assert_eq!(shown.last(), Some(&true));
        assert!(shown.iter().filter(|a| **a).count() >= 2);
        assert!(shown.iter().any(|a| !*a), "no real content");
    }
    // Every link element points to an annotation that points back through the ParentTree.
    let root = pdf.dict(pdf.catalog(), b"StructTreeRoot");
    let nums = pdf
        .dict(root, b"ParentTree")
        .get(b"Nums")
        .unwrap()
        .as_array()
        .unwrap()
        .clone();
    let links: Vec<(ObjectId, &Dictionary)> = pdf
        .elements()
        .into_iter()
        .filter(|(_, d)| Pdf::role(d) == "Link")
        .collect();
    assert!(!links.is_empty());
    for (id, link) in links {
        let objr = kids(link)
            .into_iter()
            .find_map(|k| match k {
                Object::Dictionary(d) if d.get(b"Type").unwrap().as_name().unwrap() == b"OBJR" => {
                    Some(d)
                }
                _ => None,
            })
            .expect("link element without OBJR");
        let annot = pdf
            .lo
            .get_dictionary(objr.get(b"Obj").unwrap().as_reference().unwrap())
            .unwrap();
        assert_eq!(annot.get(b"Subtype").unwrap().as_name().unwrap(), b"Link");
        assert!(!annot.get(b"Contents").unwrap().as_str().unwrap().is_empty());
        let key = annot.get(b"StructParent").unwrap().as_i64().unwrap();
        let back = nums
            .chunks(2)
            .find(|kv| kv[0].as_i64().unwrap() == key)
            .map(|kv| kv[1].as_reference().unwrap());
        assert_eq!(back, Some(id));
        let page = pdf
            .lo
            .get_dictionary(objr.get(b"Pg").unwrap().as_reference().unwrap())
            .unwrap();
        assert_eq!(page.get(b"Tabs").unwrap().as_name().unwrap(), b"S");
    }
    let xmp = pdf.xmp();
    assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>") && !xmp.contains("pdfaid:part>"));
}

#[test]
fn layout_leaves_no_item_untagged() {
    let theme = builtin("briefing").unwrap();
    let fonts = crate::fonts::FontSet::new(&theme).unwrap();
    let mut docs: Vec<Document> = inputs().into_iter().map(|(_, d)| d).collect();
    docs.push(alaska());
    for doc in docs {
        let laid = crate::layout::layout(&doc, &theme, &fonts, &options(None));
        for page in &laid.pages {
            for item in &page.items {
                let mut item = item.clone();
                if let Some(tag) = item.tag_mut() {
                    assert!(
                        !matches!(tag, crate::layout::Tag::Open(_)),
                        "{}: untagged {item:?}",
                        doc.meta.title
                    );
                }
            }
        }
    }
}

#[test]
fn pdf_a_has_an_srgb_output_intent_and_matching_metadata() {
    let doc = alaska();
    let theme = builtin("briefing").unwrap();
    for (standard, level) in [
        (PdfStandard::A2b, "B"),
        (PdfStandard::A2a, "A"),
        (PdfStandard::A2aUa1, "A"),
    ] {
        let bytes = render(&doc, &theme, &options(Some(standard)))
            .unwrap()
            .value;
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
        std::fs::write(path, out.value).unwrap();
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
    let doc = alaska();
    let base = builtin("briefing").unwrap();
    let (artifact, _) = fonts_by_marking(&render(&doc, &base, &options(None)).unwrap().value);
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
    let (artifact, content) = fonts_by_marking(&out.value);
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

/// The text shown in the marked content of element `elem`, and with `deep` of its
/// descendants too: the page content is cut down to those MCIDs and read back.
fn element_text(pdf: &Pdf, elem: &Dictionary, deep: bool) -> String {
    fn mcids(pdf: &Pdf, d: &Dictionary, deep: bool, out: &mut Vec<(ObjectId, i64)>) {
        let page = d.get(b"Pg").ok().map(|p| p.as_reference().unwrap());
        for k in kids(d) {
            match k {
                Object::Integer(m) => out.push((page.unwrap(), m)),
                Object::Dictionary(mcr) if mcr.get(b"MCID").is_ok() => out.push((
                    mcr.get(b"Pg").unwrap().as_reference().unwrap(),
                    mcr.get(b"MCID").unwrap().as_i64().unwrap(),
                )),
                Object::Reference(r) if deep => {
                    mcids(pdf, pdf.lo.get_dictionary(r).unwrap(), deep, out)
                }
                _ => {}
            }
        }
    }
    let mut wanted = Vec::new();
    mcids(pdf, elem, deep, &mut wanted);
    let mut text = String::new();
    for (number, page) in pdf.lo.get_pages() {
        let keep: BTreeSet<i64> = wanted
            .iter()
            .filter(|(p, _)| *p == page)
            .map(|(_, m)| *m)
            .collect();
        if keep.is_empty() {
            continue;
        }
        let mut content = pdf.lo.get_and_decode_page_content(page).unwrap();
        let mut open: Vec<bool> = Vec::new();
        content.operations.retain(|op| match op.operator.as_str() {
            "BDC" => {
                let mcid = op.operands[1].as_dict().unwrap().get(b"MCID").ok();
                let inside = open.last() == Some(&true);
                open.push(inside || mcid.is_some_and(|m| keep.contains(&m.as_i64().unwrap())));
                true
            }
            "BMC" => {
                open.push(false);
                true
            }
            "EMC" => {
                open.pop();
                true
            }
            "Tj" | "TJ" | "'" | "\"" => open.last() == Some(&true),
            _ => true,
        });
        let mut lo = pdf.lo.clone();
        lo.change_page_content(page, content.encode().unwrap())
            .unwrap();
        text.push_str(&lo.extract_text(&[number]).unwrap());
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn language_spans_are_span_elements_with_lang() {
    let src = "---\ntitle: Phrases\nlang: en-GB\n---\n## Le <span lang=\"fr\">mot juste</span>\n\nA certain <span lang=\"fr\">je ne *sais* quoi, [lien](https://example.fr) <span lang='la'>ad hoc</span></span> and [the <span lang=\"de\">Zeitgeist</span> page](https://example.org).\n\n| Term | Gloss |\n|---|---|\n| <span lang=\"es\">mejora</span> | improvement |\n";
    let doc = parse(src, &ParseOptions::new(SourceKind::Markdown))
        .unwrap()
        .value;
    let theme = builtin("briefing").unwrap();
    let standard: PdfStandard = "a-2a,ua-1".parse().unwrap();
    let out = render(&doc, &theme, &options(Some(standard))).unwrap();
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    // For external checkers (`pdfua check`, veraPDF).
    let dir = std::env::temp_dir().join("briefing-pdf");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("lang.pdf"), &out.value).unwrap();
    let pdf = Pdf::new(&out.value);
    check_marked_content(&pdf);
    let elements = pdf.elements();
    let by_id = |id: ObjectId| pdf.lo.get_dictionary(id).unwrap();
    let parent_role =
        |d: &Dictionary| Pdf::role(by_id(d.get(b"P").unwrap().as_reference().unwrap()));
    let lang = |d: &Dictionary| d.get(b"Lang").ok().map(|l| decode(l.as_str().unwrap()));
    // Only language spans carry a language; the catalog has the document's.
    let with_lang: Vec<(String, String, String, String)> = elements
        .iter()
        .filter_map(|(_, d)| {
            lang(d).map(|l| (Pdf::role(d), l, parent_role(d), element_text(&pdf, d, true)))
        })
        .collect();
    let row = |r: &str, l: &str, p: &str, t: &str| (r.into(), l.into(), p.into(), t.into());
    assert_eq!(
        with_lang,
        [
            row("Span", "fr", "H1", "mot juste"),
            row("Span", "fr", "P", "je ne sais quoi, lien ad hoc"),
            row("Span", "la", "Span", "ad hoc"),
            row("Span", "de", "Link", "Zeitgeist"),
            row("Span", "es", "TD", "mejora"),
        ]
    );
    assert_eq!(
        decode(pdf.catalog().get(b"Lang").unwrap().as_str().unwrap()),
        "en-GB"
    );
    // The French span's own content is its text; the link inside it is its child.
    let fr = elements
        .iter()
        .map(|(_, d)| *d)
        .find(|d| lang(d).as_deref() == Some("fr") && parent_role(d) == "P")
        .unwrap();
    assert_eq!(element_text(&pdf, fr, false), "je ne sais quoi,");
    let fr_kids: Vec<String> = kids(fr)
        .into_iter()
        .filter_map(|k| k.as_reference().ok().map(|r| Pdf::role(by_id(r))))
        .collect();
    assert_eq!(fr_kids, ["Link", "Span"]);
    // The paragraph's own text has none of the foreign words.
    let p = elements
        .iter()
        .map(|(_, d)| *d)
        .find(|d| Pdf::role(d) == "P" && element_text(&pdf, d, true).starts_with("A certain"))
        .unwrap();
    let own = element_text(&pdf, p, false);
    assert!(own.starts_with("A certain") && own.contains("and"), "{own}");
    assert!(
        !own.contains("je ne") && !own.contains("Zeitgeist"),
        "{own}"
    );
    // Links keep their annotations, also where their text is partly in a language span.
    for (_, d) in elements.iter().filter(|(_, d)| Pdf::role(d) == "Link") {
        assert!(
            kids(d).iter().any(|k| matches!(k, Object::Dictionary(o) if o.get(b"Type").unwrap().as_name().unwrap() == b"OBJR")),
            "a Link without its annotation"
        );
    }
    for (_, d) in elements.iter().filter(|(_, d)| Pdf::role(d) == "Span") {
        assert!(kids(d).iter().all(|k| !matches!(k, Object::Dictionary(o) if o.get(b"Type").is_ok_and(|t| t.as_name().unwrap() == b"OBJR"))));
    }
}
