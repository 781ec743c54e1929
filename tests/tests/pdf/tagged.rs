//! The structure tree: elements in reading order with their marked content, furniture
//! as artifacts, links owned by their elements, language spans.

use std::collections::BTreeSet;

use briefing_model::{BlockKind, ParseOptions, SourceKind, builtin, parse, plain_text};
use briefing_pdf::{Options, PdfStandard, render};
use briefing_tests::fixtures::sample;
use briefing_tests::pdf::{Pdf, decode, kids};
use lopdf::{Dictionary, Object, ObjectId};

use super::{inputs, options};

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
    let pdf = Pdf::new(&out.value.bytes);
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
    let doc = sample();
    let theme = builtin("briefing").unwrap();
    let out = render(&doc, &theme, &Options::default()).unwrap();
    let pdf = Pdf::new(&out.value.bytes);
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
    let pdf = Pdf::new(&out.value.bytes);
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
    std::fs::write(dir.join("lang.pdf"), &out.value.bytes).unwrap();
    let pdf = Pdf::new(&out.value.bytes);
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
