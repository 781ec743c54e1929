//! Whole-renderer tests: render, then read the PDF back the way a reader's software would.

use std::path::PathBuf;

use briefing_model::{Block, BlockKind, Date, Document, Footnote, Inline, ListItem, Meta, builtin};
use lopdf::Object;

use crate::Options;

/// Renders as before the page count was returned: bytes and warnings.
pub(crate) fn render(
    doc: &Document,
    theme: &briefing_model::Theme,
    options: &Options,
) -> Result<briefing_model::Warned<Vec<u8>>, crate::Error> {
    crate::render(doc, theme, options).map(|w| briefing_model::Warned {
        value: w.value.bytes,
        warnings: w.warnings,
    })
}

/// One run of plain text.
pub(crate) fn text(s: &str) -> Vec<Inline> {
    vec![Inline::Text(s.to_owned())]
}

/// A paragraph of plain text.
pub(crate) fn para(s: &str) -> Block {
    Block::new(BlockKind::Paragraph { content: text(s) })
}

/// A heading whose id is its text in lower case with dashes.
pub(crate) fn heading(level: u8, s: &str) -> Block {
    Block::new(BlockKind::Heading {
        level,
        id: s.to_lowercase().replace(' ', "-"),
        content: text(s),
    })
}

fn meta(title: &str) -> Meta {
    Meta {
        title: title.into(),
        lang: "en-GB".into(),
        ..Meta::default()
    }
}

/// The sample briefing, split by hand: short lines without final punctuation are
/// headings, `Label: text` lines after a line ending in a colon are list items.
pub(crate) fn alaska() -> Document {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../input/alaska-summit.txt");
    let src = std::fs::read_to_string(path).unwrap();
    let mut blocks = Vec::new();
    let mut list: Vec<ListItem> = Vec::new();
    let mut in_list = false;
    for (i, line) in src.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let n = i as u32 + 1;
        let is_item = in_list && line.find(": ").is_some_and(|p| p < 40);
        if !is_item && !list.is_empty() {
            blocks.push(Block::new(BlockKind::List {
                start: None,
                items: std::mem::take(&mut list),
            }));
        }
        if is_item {
            let (label, rest) = line.split_once(": ").unwrap();
            let content = vec![
                Inline::Strong(text(&format!("{label}:"))),
                Inline::Text(format!(" {rest}")),
            ];
            list.push(ListItem {
                task: None,
                blocks: vec![Block {
                    kind: BlockKind::Paragraph { content },
                    line: n,
                }],
            });
            continue;
        }
        in_list = line.ends_with(':');
        let ends = line.ends_with(['.', ':', '"', '”', '?', '!']);
        let kind = if line.len() < 90 && !ends {
            BlockKind::Heading {
                level: 2,
                id: format!("h{n}"),
                content: text(line),
            }
        } else {
            BlockKind::Paragraph {
                content: text(line),
            }
        };
        blocks.push(Block { kind, line: n });
    }
    Document {
        meta: Meta {
            title: "Trump and Putin meet in Alaska".into(),
            subtitle: Some("No deal until there is a deal".into()),
            authors: vec!["Briefing Desk".into()],
            organization: Some("Example Institute".into()),
            date: Date::new(2025, 8, 16),
            summary: Some("The Alaska summit and what it means".into()),
            keywords: vec!["Russia".into(), "Ukraine".into()],
            lang: "en-GB".into(),
            classification: Some("OFFICIAL".into()),
            ..Meta::default()
        },
        blocks,
        footnotes: Vec::new(),
    }
}

/// A document with every kind of block and inline.
fn everything() -> Document {
    let long = "Markets opened higher as negotiators met in Anchorage for talks that lasted nearly three hours. ";
    let item = |s: &str| ListItem {
        task: None,
        blocks: vec![para(s)],
    };
    let nested = ListItem {
        task: None,
        blocks: vec![
            para("Outer item"),
            Block::new(BlockKind::List {
                start: Some(3),
                items: vec![item("Inner three"), item("Inner four")],
            }),
        ],
    };
    Document {
        meta: Meta {
            subtitle: Some("A test of every block".into()),
            ..meta("Everything Briefing")
        },
        blocks: vec![
            heading(1, "Overview"),
            Block::new(BlockKind::Paragraph {
                content: vec![
                    Inline::Text("Plain ".into()),
                    Inline::Emph(text("emphasis")),
                    Inline::Text(" and ".into()),
                    Inline::Strong(text("strength")),
                    Inline::Text(" and ".into()),
                    Inline::Strike(text("struck")),
                    Inline::Text(" with ".into()),
                    Inline::Code("inline_code()".into()),
                    Inline::Text(" and a ".into()),
                    Inline::Link {
                        url: "https://example.org/report".into(),
                        content: text("linked report"),
                    },
                    Inline::FootnoteRef { number: 1 },
                    Inline::LineBreak,
                    Inline::Text("after the break ".into()),
                    Inline::Image {
                        src: "x.png".into(),
                        alt: "inline picture".into(),
                    },
                ],
            }),
            heading(2, "Lists"),
            Block::new(BlockKind::List {
                start: None,
                items: vec![item("First bullet"), nested],
            }),
            Block::new(BlockKind::List {
                start: None,
                items: vec![
                    ListItem {
                        task: Some(true),
                        blocks: vec![para("Done task")],
                    },
                    ListItem {
                        task: Some(false),
                        blocks: vec![para("Open task")],
                    },
                ],
            }),
            heading(3, "Quotes"),
            Block::new(BlockKind::Quote {
                blocks: vec![para("Quoted words of wisdom")],
            }),
            Block::new(BlockKind::Callout {
                kind: briefing_model::CalloutKind::Warning,
                blocks: vec![para("Careful callout body")],
            }),
            Block::new(BlockKind::Code {
                lang: Some("rust".into()),
                text: "fn main() {\n    println!(\"codeblock\");\n}".into(),
            }),
            Block::new(BlockKind::Table {
                align: vec![briefing_model::Align::Left, briefing_model::Align::Right],
                header: vec![text("Country"), text("Share")],
                rows: vec![
                    vec![text("Alaska"), text("12")],
                    vec![text("Yukon"), text("7")],
                ],
            }),
            Block::new(BlockKind::Figure {
                src: "missing-chart.png".into(),
                alt: "Chart of exports".into(),
                caption: text("Figure caption here"),
            }),
            Block::new(BlockKind::Rule),
            para(&long.repeat(3)),
        ],
        footnotes: vec![Footnote {
            label: "a".into(),
            number: 1,
            blocks: vec![para("The footnote text")],
            line: 0,
        }],
    }
}

/// Writes the PDF under `$BRIEFING_PDF_OUT/<name>.pdf` when set, to check with other tools.
fn keep(name: &str, pdf: &[u8]) {
    if let Some(dir) = std::env::var_os("BRIEFING_PDF_OUT") {
        std::fs::write(PathBuf::from(dir).join(format!("{name}.pdf")), pdf).unwrap();
    }
}

/// Text of every page, in order, as lopdf extracts it.
pub(crate) fn page_texts(pdf: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    pages
        .iter()
        .map(|p| doc.extract_text(&[*p]).unwrap())
        .collect()
}

fn words(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_owned).collect()
}

/// Checks that `needles` appear in `hay` in order. Whitespace is ignored because
/// lopdf's extractor glues runs that share a baseline (a table row, a list
/// marker); that spaces survive is checked separately.
/// Hyphens are ignored too: a word hyphenated at a line end comes back as two parts.
fn in_order(hay: &[String], needles: &[String]) -> Result<(), String> {
    let hay: String = hay.concat().replace('-', "");
    let mut at = 0;
    for n in needles {
        let n = n.replace('-', "");
        match hay[at..].find(n.as_str()) {
            Some(p) => at += p + n.len(),
            None => {
                return Err(format!(
                    "{n:?} missing after byte {at}: {:?}",
                    &hay[at..(at + 80).min(hay.len())]
                ));
            }
        }
    }
    Ok(())
}

#[test]
fn every_word_of_the_sample_comes_back_in_order() {
    let theme = builtin("briefing").unwrap();
    let doc = alaska();
    let pdf = render(&doc, &theme, &Options::default()).unwrap();
    keep("alaska", &pdf.value);
    assert!(pdf.warnings.is_empty(), "{:?}", pdf.warnings);
    let pages = page_texts(&pdf.value);
    assert!(pages.len() > 1);
    let all: Vec<String> = pages.iter().flat_map(|p| words(p)).collect();
    let mut source = Vec::new();
    for b in &doc.blocks {
        match &b.kind {
            BlockKind::Heading { content, .. } | BlockKind::Paragraph { content } => {
                source.extend(words(&briefing_model::plain_text(content)))
            }
            BlockKind::List { items, .. } => {
                for i in items {
                    if let BlockKind::Paragraph { content } = &i.blocks[0].kind {
                        source.extend(words(&briefing_model::plain_text(content)));
                    }
                }
            }
            _ => {}
        }
    }
    in_order(&all, &source).unwrap();
    // Justified lines keep real spaces: the words come back separated.
    let joined = all.join(" ");
    assert!(
        joined.contains("The summit, held at Joint Base Elmendorf-Richardson in Anchorage"),
        "{joined}"
    );
    assert!(pages[0].contains("OFFICIAL") && pages[1].contains("Page 2 of"));
}

#[test]
fn every_block_kind_renders_its_words() {
    let theme = builtin("briefing").unwrap();
    let pdf = render(&everything(), &theme, &Options::default()).unwrap();
    keep("everything", &pdf.value);
    let all: Vec<String> = page_texts(&pdf.value)
        .iter()
        .flat_map(|p| words(p))
        .collect();
    let expect = "Everything Briefing Overview Plain emphasis and strength and struck with inline_code() and a linked \
                  after the break Lists First bullet Outer item Inner three Inner four Done task Open task Quotes Quoted \
                  Careful callout codeblock Country Share Alaska 12 Yukon 7 Chart of exports Figure caption here Markets footnote";
    in_order(&all, &words(expect)).unwrap();
    for marker in ["3.", "4.", "[x]", "•", "Warning"] {
        assert!(all.iter().any(|w| w.contains(marker)), "{marker} missing");
    }
    // The missing figure is reported with a hint, not silently dropped.
    assert!(
        pdf.warnings
            .iter()
            .any(|w| w.message.contains("missing-chart.png"))
    );
}

#[test]
fn footnotes_sit_at_the_foot_of_the_citing_page_and_uncited_ones_at_the_end() {
    let mut theme = (*builtin("briefing").unwrap()).clone();
    theme.layout.footnotes = briefing_model::FootnotePlacement::Page;
    let filler = "Filler words keep the reader busy while the page fills up with text. ".repeat(12);
    let cite = |n: u32| {
        Block::new(BlockKind::Paragraph {
            content: vec![
                Inline::Text("A claim".into()),
                Inline::FootnoteRef { number: n },
            ],
        })
    };
    let note = |n: u32, s: &str| Footnote {
        label: n.to_string(),
        number: n,
        blocks: vec![para(s)],
        line: 0,
    };
    let mut blocks = vec![cite(1)];
    blocks.extend((0..8).map(|_| para(&filler)));
    blocks.push(cite(2));
    let doc = Document {
        meta: meta("Citations"),
        blocks,
        footnotes: vec![
            note(1, "Firstnote text"),
            note(2, "Secondnote text"),
            note(3, "Orphannote text"),
        ],
    };
    let pdf = render(&doc, &theme, &Options::default()).unwrap();
    let pages = page_texts(&pdf.value);
    assert!(pages.len() >= 2);
    let find = |w: &str| {
        pages
            .iter()
            .position(|p| p.contains(w))
            .unwrap_or(usize::MAX)
    };
    assert_eq!(find("Firstnote"), 0);
    assert_eq!(find("Secondnote"), pages.len() - 1);
    assert_eq!(find("Orphannote"), pages.len() - 1);

    // With end-notes, every note follows the body on the last page.
    theme.layout.footnotes = briefing_model::FootnotePlacement::End;
    let pages = page_texts(&render(&doc, &theme, &Options::default()).unwrap().value);
    let last = pages.last().unwrap();
    assert!(
        ["Firstnote", "Secondnote", "Orphannote"]
            .iter()
            .all(|w| last.contains(w))
    );
    assert!(!pages[0].contains("Firstnote"));
    assert!(pages[pages.len() - 1].contains("Notes"));
    assert!(!pages[0].contains("Secondnote"));
}

#[test]
fn links_are_clickable_without_a_border() {
    let theme = builtin("briefing").unwrap();
    let pdf = render(&everything(), &theme, &Options::default()).unwrap();
    let doc = lopdf::Document::load_mem(&pdf.value).unwrap();
    let mut annots = Vec::new();
    for page in doc.get_pages().values() {
        let page = doc.get_dictionary(*page).unwrap();
        for a in page.get(b"Annots").unwrap().as_array().unwrap() {
            let d = match a {
                Object::Reference(r) => doc.get_dictionary(*r).unwrap(),
                other => other.as_dict().unwrap(),
            };
            assert_eq!(d.get(b"Subtype").unwrap().as_name().unwrap(), b"Link");
            annots.push(d);
        }
    }
    // The URL, and the footnote mark's link to its note and the note's link back.
    assert_eq!(annots.len(), 3);
    let external: Vec<_> = annots.iter().filter(|a| a.get(b"A").is_ok()).collect();
    assert_eq!(external.len(), 1);
    assert!(
        annots
            .iter()
            .filter(|a| a.get(b"A").is_err())
            .all(|a| a.get(b"Dest").is_ok())
    );
    let a = *external[0];
    let action = match a.get(b"A").unwrap() {
        Object::Reference(r) => doc.get_dictionary(*r).unwrap(),
        Object::Dictionary(d) => d,
        _ => panic!("no action"),
    };
    assert_eq!(
        action.get(b"URI").unwrap().as_str().unwrap(),
        b"https://example.org/report"
    );
    let border: Vec<f32> = a
        .get(b"Border")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o.as_float().unwrap())
        .collect();
    assert_eq!(border, [0.0, 0.0, 0.0]);
}

#[test]
fn outline_matches_the_headings_and_nests() {
    let theme = builtin("briefing").unwrap();
    let pdf = render(&everything(), &theme, &Options::default()).unwrap();
    let doc = lopdf::Document::load_mem(&pdf.value).unwrap();
    let cat = doc.catalog().unwrap();
    assert_eq!(
        cat.get(b"PageMode").unwrap().as_name().unwrap(),
        b"UseOutlines"
    );
    assert_eq!(cat.get(b"Lang").unwrap().as_str().unwrap(), b"en-GB");
    let outlines = doc
        .get_dictionary(cat.get(b"Outlines").unwrap().as_reference().unwrap())
        .unwrap();
    let title = |d: &lopdf::Dictionary| {
        String::from_utf8_lossy(d.get(b"Title").unwrap().as_str().unwrap()).into_owned()
    };
    let first = doc
        .get_dictionary(outlines.get(b"First").unwrap().as_reference().unwrap())
        .unwrap();
    assert_eq!(title(first), "Overview");
    assert!(
        first.get(b"Next").is_err(),
        "level 2 and 3 nest under the level 1 heading"
    );
    let child = doc
        .get_dictionary(first.get(b"First").unwrap().as_reference().unwrap())
        .unwrap();
    assert_eq!(title(child), "Lists");
    let grandchild = doc
        .get_dictionary(child.get(b"First").unwrap().as_reference().unwrap())
        .unwrap();
    assert_eq!(title(grandchild), "Quotes");
    assert_eq!(outlines.get(b"Count").unwrap().as_i64().unwrap(), 3);
}

#[test]
fn metadata_fonts_and_version() {
    let theme = builtin("briefing").unwrap();
    let pdf = render(&alaska(), &theme, &Options::default())
        .unwrap()
        .value;
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
        meta: meta("Undated"),
        blocks: vec![para("Hello")],
        footnotes: Vec::new(),
    };
    let pdf = render(&doc, &theme, &Options::default()).unwrap().value;
    let lo = lopdf::Document::load_mem(&pdf).unwrap();
    let info = lo
        .get_dictionary(lo.trailer.get(b"Info").unwrap().as_reference().unwrap())
        .unwrap();
    assert!(info.get(b"CreationDate").is_err() && info.get(b"ModDate").is_err());
}

#[test]
fn renders_are_byte_identical_also_across_threads() {
    let theme = builtin("briefing").unwrap();
    let doc = alaska();
    let a = render(&doc, &theme, &Options::default()).unwrap().value;
    let b = render(&doc, &theme, &Options::default()).unwrap().value;
    assert!(a == b);
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let (doc, theme) = (doc.clone(), theme.clone());
            std::thread::spawn(move || render(&doc, &theme, &Options::default()).unwrap().value)
        })
        .collect();
    for h in handles {
        assert!(h.join().unwrap() == a);
    }
    // A different document gets a different /ID.
    let mut other = doc.clone();
    other.meta.title.push('!');
    let c = render(&other, &theme, &Options::default()).unwrap().value;
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
        meta: meta("Glyphs"),
        blocks: vec![block],
        footnotes: Vec::new(),
    };
    let pdf = render(&doc, &theme, &Options::default()).unwrap();
    assert_eq!(pdf.warnings.len(), 1);
    assert_eq!(pdf.warnings[0].line, Some(7));
    assert!(pdf.warnings[0].message.contains("U+E000"));
}

#[test]
fn images_embed_png_pixels_and_jpeg_untouched() {
    let dir = std::env::temp_dir().join(format!("briefing-pdf-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // A 2x1 RGBA PNG written with the png crate.
    let mut png_bytes = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut png_bytes, 2, 1);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        let mut w = enc.write_header().unwrap();
        w.write_image_data(&[255, 0, 0, 255, 0, 0, 255, 128])
            .unwrap();
    }
    std::fs::write(dir.join("a.png"), &png_bytes).unwrap();
    let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xC0, 0, 17, 8, 0, 2, 0, 3, 3];
    jpeg.extend([1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0, 0xFF, 0xD9]);
    std::fs::write(dir.join("b.jpg"), &jpeg).unwrap();
    let fig = |src: &str| {
        Block::new(BlockKind::Figure {
            src: src.into(),
            alt: "alt".into(),
            caption: Vec::new(),
        })
    };
    let doc = Document {
        meta: meta("Images"),
        blocks: vec![fig("a.png"), fig("b.jpg")],
        footnotes: Vec::new(),
    };
    let theme = builtin("briefing").unwrap();
    let pdf = render(
        &doc,
        &theme,
        &Options {
            assets: briefing_model::Assets::in_folder(dir.clone()),
            ..Options::default()
        },
    )
    .unwrap();
    assert!(pdf.warnings.is_empty(), "{:?}", pdf.warnings);
    let lo = lopdf::Document::load_mem(&pdf.value).unwrap();
    let images: Vec<&lopdf::Stream> = lo
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| s.dict.get(b"Subtype").ok().and_then(|t| t.as_name().ok()) == Some(b"Image"))
        .collect();
    assert_eq!(images.len(), 3, "two images and one soft mask");
    let dct = images
        .iter()
        .find(|s| s.dict.get(b"Filter").ok().and_then(|f| f.as_name().ok()) == Some(b"DCTDecode"))
        .unwrap();
    assert_eq!(dct.content, jpeg);
    assert!(images.iter().any(|s| s.dict.get(b"SMask").is_ok()));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn golden_layout_dump() {
    let theme = builtin("briefing").unwrap();
    let fonts = crate::fonts::FontSet::new(&theme).unwrap();
    let doc = Document {
        meta: Meta {
            date: Date::new(2025, 8, 15),
            ..meta("Golden")
        },
        blocks: vec![
            heading(1, "Heading"),
            para(
                "A short justified paragraph that runs over two lines of the text block so that the first is stretched to both margins.",
            ),
            Block::new(BlockKind::List {
                start: Some(1),
                items: vec![ListItem {
                    task: None,
                    blocks: vec![para("One item")],
                }],
            }),
        ],
        footnotes: Vec::new(),
    };
    let laid = crate::layout::layout(&doc, &theme, &fonts, &Options::default());
    let got = crate::layout::dump(&laid);
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/layout.txt");
    if std::env::var_os("BRIEFING_BLESS").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &got).unwrap();
    }
    let want =
        std::fs::read_to_string(&path).expect("golden file missing: run with BRIEFING_BLESS=1");
    assert_eq!(
        got, want,
        "layout changed; if intended, rerun with BRIEFING_BLESS=1"
    );
}

/// The arctic-shipping sample, parsed from its Markdown.
fn arctic() -> Document {
    use briefing_model::{ParseOptions, SourceKind, parse};
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../input/arctic-shipping.md");
    let src = std::fs::read_to_string(path).unwrap();
    parse(&src, &ParseOptions::new(SourceKind::Markdown))
        .unwrap()
        .value
}

/// Page 1's content operations, decoded.
fn page1_ops(lo: &lopdf::Document) -> Vec<lopdf::content::Operation> {
    let id = *lo.get_pages().get(&1).unwrap();
    lo.get_and_decode_page_content(id).unwrap().operations
}

fn num(o: &Object) -> f32 {
    o.as_float().unwrap()
}

/// Fill colours of the rectangles page 1 fills, as (colour, bottom, top), and the fill
/// colour of every text run drawn at font `size`.
#[allow(clippy::type_complexity)]
fn page1_fills_and_text_colors(
    pdf: &[u8],
    size: f32,
) -> (Vec<([f32; 3], f32, f32)>, Vec<[f32; 3]>) {
    let lo = lopdf::Document::load_mem(pdf).unwrap();
    let mut fill = [0.0; 3];
    let mut font_size = 0.0;
    let mut rect = None;
    let (mut rects, mut runs) = (Vec::new(), Vec::new());
    for op in page1_ops(&lo) {
        let a = &op.operands;
        match op.operator.as_str() {
            "rg" => fill = [num(&a[0]), num(&a[1]), num(&a[2])],
            "Tf" => font_size = num(&a[1]),
            "re" => rect = Some((num(&a[1]), num(&a[1]) + num(&a[3]))),
            "f" | "f*" => {
                if let Some((b, t)) = rect.take() {
                    rects.push((fill, b, t));
                }
            }
            "Tj" | "TJ" if (font_size - size).abs() < 0.01 => runs.push(fill),
            _ => {}
        }
    }
    (rects, runs)
}

fn rgb(c: briefing_model::Rgb) -> [f32; 3] {
    [c.r, c.g, c.b].map(|v| f32::from(v) / 255.0)
}

fn near(a: [f32; 3], b: [f32; 3]) -> bool {
    a.iter().zip(b).all(|(x, y)| (x - y).abs() < 0.01)
}

#[test]
fn newsroom_sets_the_title_in_a_masthead_band_at_the_top_of_page_one() {
    let doc = arctic();
    let theme = builtin("newsroom").unwrap();
    let input = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../input");
    let options = Options {
        assets: briefing_model::Assets::in_folder(input),
        ..Options::default()
    };
    let pdf = render(&doc, &theme, &options).unwrap();
    assert!(pdf.warnings.is_empty(), "{:?}", pdf.warnings);
    keep("newsroom-arctic", &pdf.value);
    let top = theme.page.size.height.0;
    let (rects, runs) = page1_fills_and_text_colors(&pdf.value, theme.sizes.title.0);
    let band = rgb(theme.colors.banner_background);
    let masthead = rects
        .iter()
        .find(|(c, b, t)| near(*c, band) && *t >= top - 1.0 && top - b > 60.0)
        .unwrap_or_else(|| panic!("no tall band at the page top: {rects:?}"));
    assert!(masthead.1 < top - theme.page.margin_top.0);
    assert!(!runs.is_empty(), "no title run");
    for c in &runs {
        assert!(near(*c, rgb(theme.colors.banner_text)), "title in {c:?}");
    }
    // Every word still comes back, the classification included.
    let texts = page_texts(&pdf.value);
    in_order(&texts, &words(&doc.meta.title)).unwrap();
    assert!(texts[0].contains("OFFICIAL-SENSITIVE"));
    // The stacked default has no such band and draws the title in the accent colour.
    let stacked = builtin("briefing").unwrap();
    let pdf = render(&doc, &stacked, &Options::default()).unwrap();
    let (rects, runs) = page1_fills_and_text_colors(&pdf.value, stacked.sizes.title.0);
    assert!(
        !rects
            .iter()
            .any(|(_, b, t)| *t >= top - 1.0 && top - b > 60.0)
    );
    assert!(runs.iter().all(|c| near(*c, rgb(stacked.colors.accent))));
}

/// Image XObjects in page 1's resources, and how many times page 1 draws one.
fn page1_images(pdf: &[u8]) -> (usize, usize) {
    let lo = lopdf::Document::load_mem(pdf).unwrap();
    let id = *lo.get_pages().get(&1).unwrap();
    let page = lo.get_dictionary(id).unwrap();
    let deref = |o: &Object| match o {
        Object::Reference(r) => lo.get_object(*r).unwrap().clone(),
        o => o.clone(),
    };
    let res = deref(page.get(b"Resources").unwrap());
    let xobjects = res
        .as_dict()
        .unwrap()
        .get(b"XObject")
        .map(|x| deref(x).as_dict().unwrap().clone())
        .unwrap_or_default();
    let images = xobjects
        .iter()
        .filter(|(_, v)| {
            deref(v).as_stream().is_ok_and(|s| {
                s.dict.get(b"Subtype").ok().and_then(|t| t.as_name().ok()) == Some(b"Image")
            })
        })
        .count();
    let draws = page1_ops(&lo).iter().filter(|o| o.operator == "Do").count();
    (images, draws)
}

fn with_logo(name: &str, data: Vec<u8>) -> briefing_model::Theme {
    let mut theme = (*builtin(name).unwrap()).clone();
    theme.logo = Some(briefing_model::ThemeFile {
        path: "logo.png".into(),
        data: briefing_model::Bytes::from(data),
    });
    theme
}

#[test]
fn a_theme_logo_is_drawn_on_page_one_in_both_title_blocks() {
    let doc = arctic();
    let chart = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../input/images/chart.png"),
    )
    .unwrap();
    for name in ["briefing", "newsroom"] {
        let plain = render(&doc, &builtin(name).unwrap(), &Options::default()).unwrap();
        let theme = with_logo(name, chart.clone());
        let logo = render(&doc, &theme, &Options::default()).unwrap();
        keep(&format!("{name}-logo"), &logo.value);
        assert_eq!(logo.warnings, plain.warnings);
        let (a, da) = page1_images(&plain.value);
        let (b, db) = page1_images(&logo.value);
        assert_eq!((b, db), (a + 1, da + 1), "{name}");
        let threads: Vec<_> = (0..2)
            .map(|_| {
                let (doc, theme) = (doc.clone(), theme.clone());
                std::thread::spawn(move || render(&doc, &theme, &Options::default()).unwrap())
            })
            .collect();
        for t in threads {
            assert!(
                t.join().unwrap().value == logo.value,
                "{name}: not deterministic"
            );
        }
    }
    // Bytes that are no image: a warning on line 0 and no logo.
    let theme = with_logo("newsroom", b"GIF89a".to_vec());
    let plain = render(&doc, &builtin("newsroom").unwrap(), &Options::default()).unwrap();
    let bad = render(&doc, &theme, &Options::default()).unwrap();
    let w: Vec<_> = bad
        .warnings
        .iter()
        .filter(|w| w.message.contains("logo"))
        .collect();
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].line, None, "line 0: not tied to a source line");
    assert_eq!(page1_images(&bad.value), page1_images(&plain.value));
}
