//! Words: the inline tree becomes styled words, spaces and break points.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock, RwLock};

use briefing_model::Inline;

use super::pieces::{InlineTheme, Piece, Prepared, Seg, Style};
use crate::fonts::{FaceId, Family, FontSet, Glyph, Shaped};
use crate::layout::{Anchor, LangSpan, Span, Target};

/// Builds the pieces, hyphenation points included when the theme has a language.
pub(super) fn build(
    inlines: &[Inline],
    base: &Style,
    theme: &InlineTheme,
    fonts: &FontSet,
) -> Prepared {
    let mut p = Builder {
        fonts,
        theme,
        styles: Vec::new(),
        pieces: Vec::new(),
        word: Vec::new(),
        missing: Vec::new(),
        spans: 0,
        space: None,
    };
    p.inlines(inlines, base);
    p.end_word();
    Prepared {
        styles: p.styles,
        pieces: p.pieces,
        missing: p.missing,
        line_height: theme.line_height,
        base_size: base.size,
        deferred: None,
    }
}

/// Collects pieces while walking the inline tree.
struct Builder<'a> {
    fonts: &'a FontSet,
    theme: &'a InlineTheme,
    styles: Vec<Style>,
    pieces: Vec<Piece>,
    word: Vec<Seg>,
    missing: Vec<char>,
    /// Links and code spans met so far: each gets its own number.
    spans: u32,
    /// The last space piece made, to copy for the next space of its style.
    space: Option<Piece>,
}

impl Builder<'_> {
    fn inlines(&mut self, inlines: &[Inline], style: &Style) {
        for inline in inlines {
            match inline {
                Inline::Text(t) | Inline::Html(t) => self.text(t, style),
                Inline::Emph(c) => self.inlines(
                    c,
                    &Style {
                        italic: !style.italic,
                        ..style.clone()
                    },
                ),
                Inline::Strong(c) => self.inlines(
                    c,
                    &Style {
                        bold: true,
                        ..style.clone()
                    },
                ),
                Inline::Strike(c) => self.inlines(
                    c,
                    &Style {
                        strike: true,
                        ..style.clone()
                    },
                ),
                Inline::Code(t) => {
                    self.spans += 1;
                    // Code inside a link stays part of the link.
                    let span = match style.span {
                        Span::Link(n) => Span::Link(n),
                        _ => Span::Code(self.spans),
                    };
                    let s = Style {
                        span,
                        family: Family::Code,
                        bold: false,
                        italic: false,
                        size: style.size * self.theme.code_ratio,
                        background: Some(self.theme.code_background),
                        ..style.clone()
                    };
                    self.text(t, &s);
                }
                Inline::Link { url, content } => {
                    self.spans += 1;
                    let s = Style {
                        span: Span::Link(self.spans),
                        link: Some(Target::Url(url.clone())),
                        color: self.theme.link,
                        ..style.clone()
                    };
                    self.inlines(content, &s);
                }
                // An image inside running text shows its alternative text, so no word is lost.
                Inline::Image { alt, .. } => self.inlines(
                    &[Inline::Text(format!("[{alt}]"))],
                    &Style {
                        italic: true,
                        ..style.clone()
                    },
                ),
                Inline::FootnoteRef { number } => {
                    let s = Style {
                        size: style.size * 0.7,
                        rise: style.size * 0.35,
                        note: Some(*number),
                        span: Span::Note(*number),
                        // The mark goes to its note (inside a link too: the inner target wins).
                        link: Some(Target::Anchor(Anchor::Note(*number))),
                        ..style.clone()
                    };
                    self.text(&number.to_string(), &s);
                }
                Inline::LineBreak => {
                    self.end_word();
                    self.pieces.push(Piece::Break);
                }
                Inline::Lang { lang, content } => {
                    self.spans += 1;
                    let open = LangSpan::open(self.spans, lang, style.span, style.lang.clone());
                    let s = Style {
                        span: Span::Lang(self.spans),
                        lang: Some(open),
                        ..style.clone()
                    };
                    self.inlines(content, &s);
                }
            }
        }
    }

    fn style_index(&mut self, style: &Style) -> usize {
        if let Some(i) = self.styles.iter().rposition(|s| s == style) {
            return i;
        }
        self.styles.push(style.clone());
        self.styles.len() - 1
    }

    fn text(&mut self, text: &str, style: &Style) {
        let index = self.style_index(style);
        let face = style.face();
        for ch in text.chars() {
            if ch == ' ' || ch == '\t' || ch == '\n' {
                self.end_word();
                // Spaces of one style are alike: shape one per style in a row.
                let space = match &self.space {
                    Some(p @ Piece::Space { style: s, .. }) if *s == index => p.clone(),
                    _ => {
                        let glyphs = self.fonts.shape(face, " ", style.features());
                        let width = crate::fonts::advance(&glyphs) * style.size / 1000.0;
                        Piece::Space {
                            style: index,
                            face,
                            width,
                            glyphs,
                        }
                    }
                };
                self.space = Some(space.clone());
                self.pieces.push(space);
                continue;
            }
            let drawn = match self.fonts.resolve(face, ch) {
                Some(f) => f,
                None => {
                    if !self.missing.contains(&ch) {
                        self.missing.push(ch);
                    }
                    face
                }
            };
            match self.word.last_mut() {
                Some(seg) if seg.style == index && seg.face == drawn => seg.text.push(ch),
                // Shaped when the word ends, once it is known where it may break.
                _ => {
                    let mut text = String::with_capacity(16);
                    text.push(ch);
                    self.word.push(Seg {
                        text,
                        style: index,
                        face: drawn,
                        width: 0.0,
                        glyphs: Shaped::default(),
                    });
                }
            }
        }
    }

    /// A segment shaped as one run.
    fn shaped(&self, text: String, style: usize, face: FaceId) -> Seg {
        Seg::shaped(text, style, face, &self.styles, self.fonts)
    }

    /// Ends the current word, splitting it where a line may break inside it. Each
    /// segment is shaped whole and its glyphs are cut at the break points, so a word
    /// that is not broken looks as it would unbroken; where a break point falls
    /// inside a ligature, the pieces are shaped apart instead.
    fn end_word(&mut self) {
        if self.word.is_empty() {
            return;
        }
        let segs = std::mem::take(&mut self.word);
        let cuts = match segs.as_slice() {
            [one] => self.cuts(&one.text),
            _ => self.cuts(&segs.iter().map(|s| s.text.as_str()).collect::<String>()),
        };
        if cuts.is_empty() {
            let word = segs
                .into_iter()
                .map(|s| self.shaped(s.text, s.style, s.face))
                .collect();
            self.pieces.push(Piece::Word(word));
            return;
        }
        let mut cuts = cuts.into_iter().peekable();
        let mut pos = 0;
        let mut word: Vec<Seg> = Vec::new();
        for seg in segs {
            let (style, face) = (seg.style, seg.face);
            let size = self.styles[style].size;
            // The seg's pieces: its text up to each cut inside it, with what follows the cut.
            let mut chunks: Vec<(String, Option<bool>)> = Vec::new();
            let mut chunk = String::new();
            for ch in seg.text.chars() {
                if let Some(&(at, hyphen)) = cuts.peek()
                    && at == pos
                {
                    cuts.next();
                    chunks.push((std::mem::take(&mut chunk), Some(hyphen)));
                }
                chunk.push(ch);
                pos += ch.len_utf8();
            }
            chunks.push((chunk, None));
            let whole = self
                .fonts
                .shape(face, &seg.text, self.styles[style].features());
            let lens: Vec<usize> = chunks.iter().map(|(t, _)| t.len()).collect();
            let sliced = slice_glyphs(&whole, &lens);
            for (k, (text, cut)) in chunks.into_iter().enumerate() {
                if !text.is_empty() {
                    word.push(match &sliced {
                        Some(parts) => {
                            Seg::with_glyphs(text, style, face, parts[k].as_slice().into(), size)
                        }
                        None => self.shaped(text, style, face),
                    });
                }
                let Some(hyphen) = cut else { continue };
                self.pieces.push(Piece::Word(std::mem::take(&mut word)));
                if hyphen {
                    let glyphs = self.fonts.shape(face, "-", self.styles[style].features());
                    let width = crate::fonts::advance(&glyphs) * size / 1000.0;
                    self.pieces.push(Piece::Hyphen {
                        style,
                        face,
                        width,
                        glyphs,
                    });
                }
            }
        }
        if !word.is_empty() {
            self.pieces.push(Piece::Word(word));
        }
    }

    /// Byte offsets inside a word where a line may end: UAX #14 opportunities
    /// (after a hard hyphen or slash, between ideographs) and, in a language with
    /// patterns, hyphenation points of its alphabetic parts (`true`: add a hyphen).
    fn cuts(&self, text: &str) -> Vec<(usize, bool)> {
        let mut out = Vec::new();
        // Between ASCII letters and digits UAX #14 allows no break (LB23, LB28),
        // and most words are nothing else: skip the line-break scan for them.
        if self.theme.hyphenate.is_none() && text.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return out;
        }
        let mut prev = 0;
        let inner = unicode_linebreak::linebreaks(text)
            .filter(|(i, o)| {
                *o == unicode_linebreak::BreakOpportunity::Allowed && *i > 0 && *i < text.len()
            })
            .map(|(i, _)| i);
        for end in inner.chain(std::iter::once(text.len())) {
            if let Some(lang) = self.theme.hyphenate {
                let part = &text[prev..end];
                let start = part.find(char::is_alphabetic);
                let stop = part
                    .char_indices()
                    .rev()
                    .find(|(_, c)| c.is_alphabetic())
                    .map(|(i, c)| i + c.len_utf8());
                if let (Some(a), Some(b)) = (start, stop) {
                    let core = &part[a..b];
                    if core.chars().count() >= 6 && core.chars().all(char::is_alphabetic) {
                        out.extend(
                            syllable_ends(core, lang)
                                .iter()
                                .map(|&k| (prev + a + k, true)),
                        );
                    }
                }
            }
            if end < text.len() {
                out.push((end, false));
            }
            prev = end;
        }
        out
    }
}

/// Where a word's syllables end (byte offsets, the last excluded), remembered for the
/// process: patterns cost thousands of instructions a word and briefings repeat their
/// words, within a document and across a batch.
fn syllable_ends(word: &str, lang: hypher::Lang) -> Arc<[usize]> {
    // By language, then word: a lookup borrows the word and allocates nothing.
    type Cache = RwLock<HashMap<hypher::Lang, HashMap<Box<str>, Arc<[usize]>>>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    /// Words kept at most per language; past it that language starts over, so memory
    /// stays bounded.
    const LIMIT: usize = 50_000;
    let cache = CACHE.get_or_init(Cache::default);
    let hit = cache
        .read()
        .ok()
        .and_then(|c| c.get(&lang).and_then(|words| words.get(word)).cloned());
    if let Some(hit) = hit {
        return hit;
    }
    let mut at = 0;
    let mut ends: Vec<usize> = hypher::hyphenate(word, lang)
        .map(|s| {
            at += s.len();
            at
        })
        .collect();
    ends.pop();
    let ends: Arc<[usize]> = ends.into();
    if let Ok(mut c) = cache.write() {
        let words = c.entry(lang).or_default();
        if words.len() >= LIMIT {
            words.clear();
        }
        words.insert(word.into(), ends.clone());
    }
    ends
}

/// Cuts shaped glyphs into consecutive pieces covering `lens` bytes of their text
/// each; `None` if a cut falls inside a cluster (a ligature spanning it).
fn slice_glyphs(glyphs: &[Glyph], lens: &[usize]) -> Option<Vec<Vec<Glyph>>> {
    let mut parts = Vec::with_capacity(lens.len());
    let mut at = 0;
    for &len in lens {
        let mut covered = 0;
        let mut end = at;
        while end < glyphs.len() && covered < len {
            covered += glyphs[end].len as usize;
            end += 1;
            // Further glyphs of the same cluster go with it.
            while end < glyphs.len() && glyphs[end].len == 0 {
                end += 1;
            }
        }
        if covered != len {
            return None;
        }
        parts.push(glyphs[at..end].to_vec());
        at = end;
    }
    (at == glyphs.len()).then_some(parts)
}

#[cfg(test)]
mod tests {
    use super::slice_glyphs;
    use crate::fonts::Glyph;

    fn glyph(len: u32) -> Glyph {
        Glyph {
            gid: 1,
            advance: 500.0,
            dx: 0.0,
            len,
            nominal: len == 1,
        }
    }

    #[test]
    fn shaped_words_are_cut_between_clusters_only() {
        // "office" as o, ffi (one glyph), c, e.
        let office = [glyph(1), glyph(3), glyph(1), glyph(1)];
        let parts = slice_glyphs(&office, &[1, 5]).unwrap();
        assert_eq!((parts[0].len(), parts[1].len()), (1, 3));
        // "of-fice" would cut the ligature: the pieces are shaped apart instead.
        assert!(slice_glyphs(&office, &[2, 4]).is_none());
        // A further glyph of a cluster (len 0) stays with it.
        let marked = [glyph(1), glyph(2), glyph(0), glyph(1)];
        let parts = slice_glyphs(&marked, &[3, 1]).unwrap();
        assert_eq!((parts[0].len(), parts[1].len()), (3, 1));
    }
}
