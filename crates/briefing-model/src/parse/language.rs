//! Language marks in Markdown. comrak hands HTML over tag by tag, so
//! `<span lang="fr">je ne sais quoi</span>` arrives as an opening tag, the content and a
//! closing tag among the siblings of one inline container; and `<div lang="fr">`, blocks,
//! `</div>` (each tag a block of its own, with blank lines around) as siblings in a
//! container of blocks. [`Nest`] pairs the tags up as the siblings are converted and turns
//! what a pair holds into [`Inline::Lang`]: the span's text, or the text of every block in
//! the div. Other spans and divs, and tags left unpaired, stay raw HTML as before.

use crate::diag::Diagnostic;
use crate::document::{Block, BlockKind, Inline};
use crate::lang::is_language_tag;

/// What [`Nest`] gathers: inlines (between span tags) or blocks (between div tags).
pub(super) trait Marked: Sized {
    /// The element whose tags mark a language: `span` or `div`.
    const TAG: &'static str;
    /// A tag left as raw HTML.
    fn raw(html: String, line: u32) -> Self;
    /// `items` marked as being in language `lang`, appended to `out`.
    fn mark(items: Vec<Self>, lang: &str, out: &mut Vec<Self>);
}

impl Marked for Inline {
    const TAG: &'static str = "span";

    fn raw(html: String, _line: u32) -> Self {
        Inline::Html(html)
    }

    fn mark(items: Vec<Self>, lang: &str, out: &mut Vec<Self>) {
        if !items.is_empty() {
            out.push(Inline::Lang {
                lang: lang.to_owned(),
                content: super::markdown::merge_text(items),
            });
        }
    }
}

impl Marked for Block {
    const TAG: &'static str = "div";

    fn raw(html: String, line: u32) -> Self {
        Block {
            kind: BlockKind::Html {
                html: html.trim_end().to_owned(),
            },
            line,
        }
    }

    fn mark(mut items: Vec<Self>, lang: &str, out: &mut Vec<Self>) {
        mark_blocks(&mut items, lang);
        out.extend(items);
    }
}

/// Marks the text of every block (headings, paragraphs, cells, captions, items, quotes)
/// as being in `lang`. Code, rules and raw HTML have no text to mark.
fn mark_blocks(blocks: &mut [Block], lang: &str) {
    let mark = |content: &mut Vec<Inline>| {
        // Text already all in one language (an inner div's, or a span's) stays as it is:
        // the innermost language wins, so the wrapper would say nothing, and nested divs
        // cannot nest the model deeper than one level.
        if !content.is_empty() && !matches!(content.as_slice(), [Inline::Lang { .. }]) {
            let inner = std::mem::take(content);
            content.push(Inline::Lang {
                lang: lang.to_owned(),
                content: inner,
            });
        }
    };
    for b in blocks {
        match &mut b.kind {
            BlockKind::Heading { content, .. } | BlockKind::Paragraph { content } => mark(content),
            BlockKind::Figure { caption, .. } => mark(caption),
            BlockKind::Table { header, rows, .. } => header
                .iter_mut()
                .chain(rows.iter_mut().flatten())
                .for_each(mark),
            BlockKind::List { items, .. } => {
                for item in items {
                    mark_blocks(&mut item.blocks, lang);
                }
            }
            BlockKind::Quote { blocks } | BlockKind::Callout { blocks, .. } => {
                mark_blocks(blocks, lang)
            }
            BlockKind::Code { .. } | BlockKind::Rule | BlockKind::Html { .. } => {}
        }
    }
}

/// The most spans (or divs) open at once in one container.
const MAX_OPEN: usize = 32;

/// What a piece of HTML is, as far as the element that marks a language goes.
#[derive(Debug, PartialEq, Eq)]
enum Tag {
    /// `<span …>` (or `<div …>`), with the value of its `lang` (or `xml:lang`) attribute if
    /// it has one.
    Open(Option<String>),
    /// `</span>` (or `</div>`).
    Close,
}

/// Reads `html` as an opening or closing tag of element `element`, alone.
fn read_tag(html: &str, element: &str) -> Option<Tag> {
    let html = html.trim();
    let inner = html.strip_prefix('<')?.strip_suffix('>')?;
    if let Some(rest) = inner.strip_prefix('/') {
        return rest
            .trim_end()
            .eq_ignore_ascii_case(element)
            .then_some(Tag::Close);
    }
    let name = inner.get(..element.len())?;
    let attributes = &inner[element.len()..];
    if !name.eq_ignore_ascii_case(element)
        || attributes.contains(['<', '>'])
        || !(attributes.is_empty() || attributes.starts_with(|c: char| c.is_ascii_whitespace()))
        || attributes.trim_end().ends_with('/')
    {
        return None;
    }
    let mut lang = None;
    let mut xml_lang = None;
    for (name, value) in Attributes(attributes) {
        if name.eq_ignore_ascii_case("lang") {
            lang.get_or_insert(value);
        } else if name.eq_ignore_ascii_case("xml:lang") {
            xml_lang.get_or_insert(value);
        }
    }
    Some(Tag::Open(lang.or(xml_lang).map(|v| v.trim().to_owned())))
}

/// The attributes of a start tag: `name`, `name=value`, `name='value'`, `name="value"`.
struct Attributes<'a>(&'a str);

impl<'a> Iterator for Attributes<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let s = self.0.trim_start();
        if s.is_empty() {
            return None;
        }
        let end = s
            .find(|c: char| c.is_ascii_whitespace() || c == '=')
            .unwrap_or(s.len());
        let (name, rest) = s.split_at(end);
        let rest = rest.trim_start();
        let Some(rest) = rest.strip_prefix('=') else {
            self.0 = rest;
            return Some((name, ""));
        };
        let rest = rest.trim_start();
        let (value, rest) = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let body = &rest[1..];
                let close = body.find(q).unwrap_or(body.len());
                (&body[..close], body.get(close + 1..).unwrap_or(""))
            }
            _ => {
                let end = rest
                    .find(|c: char| c.is_ascii_whitespace())
                    .unwrap_or(rest.len());
                rest.split_at(end)
            }
        };
        self.0 = rest;
        Some((name, value))
    }
}

/// An open span waiting for its `</span>` (or div for its `</div>`).
struct Frame<T> {
    /// The opening tag as written, put back if the span turns out not to mark a language.
    html: String,
    /// The tag's line.
    line: u32,
    /// The language asked for, if any.
    lang: Option<String>,
    /// What came inside so far.
    items: Vec<T>,
}

/// The converted siblings of one container, with the spans (or divs) still open.
pub(super) struct Nest<T> {
    root: Vec<T>,
    open: Vec<Frame<T>>,
}

impl<T> Default for Nest<T> {
    fn default() -> Self {
        Nest {
            root: Vec::new(),
            open: Vec::new(),
        }
    }
}

impl<T: Marked> Nest<T> {
    /// Where the next item goes: inside the innermost open span.
    fn items(&mut self) -> &mut Vec<T> {
        match self.open.last_mut() {
            Some(f) => &mut f.items,
            None => &mut self.root,
        }
    }

    /// How many spans are open.
    pub(super) fn depth(&self) -> usize {
        self.open.len()
    }

    /// Whether nothing has been added where the next inline goes.
    pub(super) fn is_empty(&self) -> bool {
        self.open.last().map_or(&self.root, |f| &f.items).is_empty()
    }

    /// Adds a converted item.
    pub(super) fn push(&mut self, item: T) {
        self.items().push(item);
    }

    /// Adds converted items.
    pub(super) fn extend(&mut self, items: Vec<T>) {
        self.items().extend(items);
    }

    /// Adds a piece of HTML from source line `line`: the tags of [`Marked::TAG`] open and
    /// close spans, anything else is raw HTML.
    pub(super) fn html(&mut self, html: String, line: u32, warnings: &mut Vec<Diagnostic>) {
        match read_tag(&html, T::TAG) {
            // Past this many open spans a tag stays raw HTML, so nesting stays bounded.
            Some(Tag::Open(_)) if self.open.len() >= MAX_OPEN => self.push(T::raw(html, line)),
            Some(Tag::Open(lang)) => self.open.push(Frame {
                html,
                line,
                lang,
                items: Vec::new(),
            }),
            Some(Tag::Close) => match self.open.pop() {
                Some(frame) => self.close(frame, html, line, warnings),
                None => self.push(T::raw(html, line)),
            },
            None => self.push(T::raw(html, line)),
        }
    }

    /// Ends the span of `frame` at its closing tag `html` on line `line`.
    fn close(&mut self, frame: Frame<T>, html: String, line: u32, warnings: &mut Vec<Diagnostic>) {
        match frame.lang {
            None => {
                let out = self.items();
                out.push(T::raw(frame.html, frame.line));
                out.extend(frame.items);
                out.push(T::raw(html, line));
            }
            Some(lang) if is_language_tag(&lang) => T::mark(frame.items, &lang, self.items()),
            Some(lang) => {
                let tag = T::TAG;
                warnings.push(
                    Diagnostic::warning(
                        frame.line,
                        format!(
                            "{lang:?} is not a language tag: the text in this <{tag}> is kept, without a language"
                        ),
                    )
                    .with_hint(format!(
                        "use a BCP 47 tag such as fr, de-CH or pt-BR: <{tag} lang=\"fr\">"
                    )),
                );
                self.extend(frame.items);
            }
        }
    }

    /// The items, any span never closed put back as the raw tag it was.
    pub(super) fn finish(mut self) -> Vec<T> {
        while let Some(frame) = self.open.pop() {
            let out = self.items();
            out.push(T::raw(frame.html, frame.line));
            out.extend(frame.items);
        }
        self.root
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_tags_are_read_with_their_language() {
        let span_tag = |html: &str| read_tag(html, "span");
        let open = |l: &str| Some(Tag::Open(Some(l.to_owned())));
        assert_eq!(span_tag(r#"<span lang="fr">"#), open("fr"));
        assert_eq!(span_tag("<span lang='de-CH'>"), open("de-CH"));
        assert_eq!(span_tag("<SPAN class=x LANG=es>"), open("es"));
        assert_eq!(span_tag(r#"<span xml:lang="it" title="a b">"#), open("it"));
        assert_eq!(span_tag(r#"<span xml:lang="it" lang="pt">"#), open("pt"));
        assert_eq!(
            span_tag(r#"<span title='lang="fr"'>"#),
            Some(Tag::Open(None))
        );
        assert_eq!(span_tag("<span>"), Some(Tag::Open(None)));
        assert_eq!(span_tag("</span >"), Some(Tag::Close));
        assert_eq!(span_tag("</SPAN>"), Some(Tag::Close));
        assert_eq!(span_tag("<spanner lang=fr>"), None);
        assert_eq!(span_tag("<span lang=fr/>"), None);
        assert_eq!(span_tag("<b>"), None);
        assert_eq!(span_tag("</b>"), None);
    }
}
