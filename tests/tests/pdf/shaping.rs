//! Shaping, read back from the PDF: kerning adjustments in `TJ`, ligature glyphs
//! that extract as their letters, code without either, justified lines that end
//! at the margin as drawn.

use std::collections::BTreeMap;

use briefing_model::{Block, BlockKind, Document, Inline, Meta, builtin};
use lopdf::{Document as Pdf, Object, content::Operation};

use briefing_pdf::{Options, render};

fn doc(blocks: Vec<Vec<Inline>>) -> Document {
    Document {
        meta: Meta {
            title: "Shaping".into(),
            lang: "en-GB".into(),
            ..Meta::default()
        },
        blocks: blocks
            .into_iter()
            .map(|content| Block::new(BlockKind::Paragraph { content }))
            .collect(),
        footnotes: Vec::new(),
    }
}

fn text(s: &str) -> Vec<Inline> {
    vec![Inline::Text(s.to_owned())]
}

fn pdf_of(d: &Document) -> Pdf {
    let theme = builtin("briefing").unwrap();
    let bytes = render(d, &theme, &Options::default()).unwrap().value.bytes;
    Pdf::load_mem(&bytes).unwrap()
}

/// A font resource of page 1 as read back: its base name, its `/W` widths and
/// its ToUnicode map (two-byte code to text).
struct Font {
    name: String,
    widths: BTreeMap<u16, f32>,
    unicode: BTreeMap<u16, String>,
}

fn fonts(pdf: &Pdf) -> BTreeMap<Vec<u8>, Font> {
    let page = *pdf.get_pages().get(&1).unwrap();
    let (res, ids) = pdf.get_page_resources(page).unwrap();
    let res = match res {
        Some(d) => d,
        None => pdf.get_dictionary(ids[0]).unwrap(),
    };
    let deref = |o: &Object| -> Object {
        match o {
            Object::Reference(id) => pdf.get_object(*id).unwrap().clone(),
            o => o.clone(),
        }
    };
    let dict = deref(res.get(b"Font").unwrap());
    let mut out = BTreeMap::new();
    for (key, f) in dict.as_dict().unwrap() {
        let f = deref(f);
        let f = f.as_dict().unwrap();
        let name = String::from_utf8_lossy(f.get(b"BaseFont").unwrap().as_name().unwrap()).into();
        let desc = deref(&f.get(b"DescendantFonts").unwrap().as_array().unwrap()[0]);
        let w = deref(desc.as_dict().unwrap().get(b"W").unwrap());
        let mut widths = BTreeMap::new();
        let w = w.as_array().unwrap();
        let mut i = 0;
        while i + 1 < w.len() {
            let first = w[i].as_i64().unwrap() as u16;
            match &w[i + 1] {
                Object::Array(list) => {
                    for (k, v) in list.iter().enumerate() {
                        widths.insert(first + k as u16, v.as_float().unwrap());
                    }
                    i += 2;
                }
                last => {
                    let last = last.as_i64().unwrap() as u16;
                    let v = w[i + 2].as_float().unwrap();
                    for c in first..=last {
                        widths.insert(c, v);
                    }
                    i += 3;
                }
            }
        }
        let cmap = deref(f.get(b"ToUnicode").unwrap());
        let Object::Stream(mut s) = cmap else {
            panic!("ToUnicode is not a stream")
        };
        s.decompress().ok();
        out.insert(
            key.clone(),
            Font {
                name,
                widths,
                unicode: bfchars(&String::from_utf8_lossy(&s.content)),
            },
        );
    }
    out
}

/// The single-code mappings of a ToUnicode CMap (`<code> <utf16>` lines) and its
/// ranges (`<lo> <hi> <utf16>`).
fn bfchars(cmap: &str) -> BTreeMap<u16, String> {
    let mut out = BTreeMap::new();
    let hex = |s: &str| -> Vec<u16> {
        let s = s.trim_matches(|c| c == '<' || c == '>');
        (0..s.len() / 4)
            .map(|i| u16::from_str_radix(&s[i * 4..i * 4 + 4], 16).unwrap())
            .collect()
    };
    for line in cmap.lines() {
        let parts: Vec<&str> = line.split_whitespace().collect();
        if !parts.iter().all(|p| p.starts_with('<') && p.ends_with('>')) {
            continue;
        }
        match parts.as_slice() {
            [code, text] => {
                out.insert(hex(code)[0], String::from_utf16_lossy(&hex(text)));
            }
            [lo, hi, text] => {
                let (lo, hi, t) = (hex(lo)[0], hex(hi)[0], hex(text));
                for c in lo..=hi {
                    let mut t = t.clone();
                    *t.last_mut().unwrap() += c - lo;
                    out.insert(c, String::from_utf16_lossy(&t));
                }
            }
            _ => {}
        }
    }
    out
}

/// One shown glyph string: its font, the codes with the TJ number after each,
/// where it starts and where the pen ends, by `/W` widths and TJ numbers.
#[derive(Debug)]
struct Shown {
    font: Vec<u8>,
    size: f32,
    y: f32,
    codes: Vec<(u16, f32)>,
    x: f32,
    end: f32,
}

fn shown(pdf: &Pdf) -> Vec<Shown> {
    let fonts = fonts(pdf);
    let page = *pdf.get_pages().get(&1).unwrap();
    let ops: Vec<Operation> = pdf.get_and_decode_page_content(page).unwrap().operations;
    let (mut font, mut size, mut x, mut y) = (Vec::new(), 0.0, 0.0, 0.0);
    let mut out = Vec::new();
    for op in ops {
        match op.operator.as_str() {
            "Tf" => {
                font = op.operands[0].as_name().unwrap().to_vec();
                size = op.operands[1].as_float().unwrap();
            }
            "Tm" => {
                x = op.operands[4].as_float().unwrap();
                y = op.operands[5].as_float().unwrap();
            }
            "TJ" | "Tj" => {
                let items = match op.operator.as_str() {
                    "TJ" => op.operands[0].as_array().unwrap().clone(),
                    _ => op.operands.clone(),
                };
                let widths = &fonts[&font].widths;
                let mut codes: Vec<(u16, f32)> = Vec::new();
                let mut pen = x;
                for item in items {
                    match item {
                        Object::String(bytes, _) => {
                            for pair in bytes.chunks(2) {
                                let code = u16::from_be_bytes([pair[0], pair[1]]);
                                pen += widths[&code] * size / 1000.0;
                                codes.push((code, 0.0));
                            }
                        }
                        n => {
                            let n = n.as_float().unwrap();
                            pen -= n * size / 1000.0;
                            if let Some(last) = codes.last_mut() {
                                last.1 += n;
                            }
                        }
                    }
                }
                out.push(Shown {
                    font: font.clone(),
                    size,
                    y,
                    codes,
                    x,
                    end: pen,
                });
            }
            _ => {}
        }
    }
    out
}

/// The text of a shown string through its font's ToUnicode map.
fn unicode(fonts: &BTreeMap<Vec<u8>, Font>, s: &Shown) -> Vec<String> {
    s.codes
        .iter()
        .map(|(c, _)| fonts[&s.font].unicode.get(c).cloned().unwrap_or_default())
        .collect()
}

/// A document of one paragraph, `line`, with its fonts and the string that shows it.
fn one_line(line: &str) -> (Pdf, BTreeMap<Vec<u8>, Font>, Shown) {
    let pdf = pdf_of(&doc(vec![text(line)]));
    let fonts = fonts(&pdf);
    let run = shown(&pdf)
        .into_iter()
        .find(|s| unicode(&fonts, s).concat() == line)
        .expect("the line as one run");
    (pdf, fonts, run)
}

#[test]
fn kerned_pairs_get_tj_adjustments_and_keep_their_text() {
    let (_, fonts, run) = one_line("AVATAR To");
    assert!(fonts[&run.font].name.ends_with("NotoSerif-Regular"));
    // A, V, A, T, A, R: the kerned pairs draw closer than their /W advances.
    let kerned: Vec<f32> = run.codes[..6].iter().map(|(_, n)| *n).collect();
    assert!(kerned[0] > 10.0 && kerned[1] > 10.0, "{kerned:?}");
    // "T" before "o" too; nothing is adjusted after the last glyph.
    assert!(run.codes[7].1 > 10.0, "{:?}", run.codes);
    assert_eq!(run.codes.last().unwrap().1, 0.0);
}

#[test]
fn standard_ligatures_are_drawn_and_extract_as_their_letters() {
    let (pdf, fonts, run) = one_line("office finally flow");
    let glyphs = unicode(&fonts, &run);
    // 19 characters in 15 glyphs: "ffi", "fi" and "fl" are one glyph each.
    assert_eq!(glyphs.len(), 15, "{glyphs:?}");
    for lig in ["ffi", "fi", "fl"] {
        assert!(
            glyphs.iter().any(|g| g == lig),
            "no {lig} glyph: {glyphs:?}"
        );
    }
    // No presentation form leaks into the text, and lopdf extracts the words.
    assert!(glyphs.concat().is_ascii());
    let page = *pdf.get_pages().keys().next().unwrap();
    let extracted = pdf.extract_text(&[page]).unwrap();
    assert!(extracted.contains("office finally flow"), "{extracted:?}");
}

#[test]
fn code_has_no_ligatures_and_no_kerning() {
    // JetBrains Mono would join "!=" and "->" through its contextual alternates.
    let inl = vec![Inline::Code("office AVATAR != ->".into())];
    let pdf = pdf_of(&doc(vec![inl]));
    let fonts = fonts(&pdf);
    let shown = shown(&pdf);
    let run = shown
        .iter()
        .find(|s| unicode(&fonts, s).concat() == "office AVATAR != ->")
        .expect("the code span as one run");
    assert!(fonts[&run.font].name.ends_with("JetBrainsMono-Regular"));
    assert_eq!(run.codes.len(), 19);
    assert!(run.codes.iter().all(|(_, n)| *n == 0.0), "{:?}", run.codes);
    let width = fonts[&run.font].widths[&run.codes[0].0];
    assert!(
        run.codes
            .iter()
            .all(|(c, _)| fonts[&run.font].widths[c] == width)
    );
}

#[test]
fn justified_lines_end_at_the_right_margin_as_drawn() {
    // Kerned pairs (Av, To, Wa, y.) and ligatures in a different place on every line.
    let words = "The office affirmed that Avatar, Tolkien, Yves and Wavy officials finally \
                 traversed difficult fjords in a flotilla. "
        .repeat(8);
    let pdf = pdf_of(&doc(vec![text(&words)]));
    let fonts = fonts(&pdf);
    let page = *pdf.get_pages().get(&1).unwrap();
    let media = pdf.get_dictionary(page).unwrap().get(b"MediaBox").unwrap();
    let width = media.as_array().unwrap()[2].as_float().unwrap();
    // Where each baseline of the body paragraph starts and ends.
    let mut lines: BTreeMap<i64, (f32, f32)> = BTreeMap::new();
    for s in shown(&pdf) {
        if fonts[&s.font].name.ends_with("NotoSerif-Regular") && s.size > 8.0 {
            let e = lines.entry((s.y * 100.0) as i64).or_insert((s.x, s.end));
            *e = (e.0.min(s.x), e.1.max(s.end));
        }
    }
    let mut lines: Vec<(f32, f32)> = lines.into_values().rev().collect();
    assert!(lines.len() > 5, "{lines:?}");
    let (_, last) = lines.pop().unwrap();
    // The theme's margins are equal: every line but the last ends where the
    // margin begins, by the widths and adjustments actually written.
    for (i, (left, end)) in lines.iter().enumerate() {
        let right = width - left;
        assert!(
            (right - end).abs() < 0.02,
            "line {i} ends at {end}, not {right}"
        );
    }
    assert!(last < width - lines[0].0 - 1.0);
}

#[test]
fn a_line_with_a_ligature_and_a_kern_extracts_as_its_words() {
    let (pdf, fonts, run) = one_line("AVATAR offices float");
    // Kerned "AV", and the "ffi" and "fl" ligatures as one glyph each.
    assert!(run.codes[0].1 > 10.0, "{:?}", run.codes);
    let glyphs = unicode(&fonts, &run);
    assert!(glyphs.iter().any(|g| g == "ffi"), "{glyphs:?}");
    assert!(glyphs.iter().any(|g| g == "fl"), "{glyphs:?}");
    let page = *pdf.get_pages().keys().next().unwrap();
    let extracted = pdf.extract_text(&[page]).unwrap();
    assert!(extracted.contains("AVATAR offices float"), "{extracted:?}");
}
