//! Reading a part event by event and writing it back: an event left alone is copied as the
//! bytes it was read from, so only the elements the pass changes differ from what docx-rs
//! wrote.

use std::ops::Range;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::xml::Xml;

/// A part being rewritten.
pub(super) struct Editor<'a> {
    /// The part as docx-rs wrote it.
    src: &'a str,
    /// The reader over `src`.
    reader: Reader<&'a [u8]>,
    /// The part as written so far.
    pub(super) out: Xml,
    /// Where the bytes of `src` not yet copied or dropped start.
    done: usize,
}

/// A child element (or text) of an element, as read.
#[derive(Debug, Clone)]
pub(super) struct Child<'a> {
    /// Its name (empty for text).
    pub(super) name: &'a str,
    /// Its bytes in the part, with everything inside it.
    pub(super) span: Range<usize>,
}

impl<'a> Editor<'a> {
    /// An editor of `src`.
    pub(super) fn new(src: &'a str) -> Self {
        Editor {
            src,
            reader: Reader::from_str(src),
            out: Xml::with_capacity(src.len() + src.len() / 8 + 256),
            done: 0,
        }
    }

    /// The next event and the bytes it was read from.
    pub(super) fn next(&mut self) -> Result<(Event<'a>, Range<usize>), String> {
        let start = self.position();
        let event = self.reader.read_event().map_err(|e| self.error(e))?;
        Ok((event, start..self.position()))
    }

    /// Copies what is not yet copied, up to `at`.
    pub(super) fn keep_to(&mut self, at: usize) {
        self.out.raw(&self.src.as_bytes()[self.done..at]);
        self.done = at;
    }

    /// Drops what is not yet copied, up to `at`.
    pub(super) fn skip_to(&mut self, at: usize) {
        self.done = at;
    }

    /// Copies what comes before `span` and drops `span`: what is written next takes its place.
    pub(super) fn replace(&mut self, span: &Range<usize>) {
        self.keep_to(span.start);
        self.skip_to(span.end);
    }

    /// Writes the bytes `span` of the part, wherever they are.
    pub(super) fn copy(&mut self, span: &Range<usize>) {
        self.out.raw(&self.src.as_bytes()[span.clone()]);
    }

    /// Reads to the end of the element that `start` opened and returns where it ends.
    pub(super) fn skip_element(&mut self, start: &BytesStart<'a>) -> Result<usize, String> {
        self.reader
            .read_to_end(start.name())
            .map_err(|e| self.error(e))?;
        Ok(self.position())
    }

    /// Reads the children of the element just opened, up to and including its end tag,
    /// into `children`; returns the end tag's bytes.
    pub(super) fn children(
        &mut self,
        children: &mut Vec<Child<'a>>,
    ) -> Result<Range<usize>, String> {
        children.clear();
        let mut depth = 0usize;
        let mut open = 0;
        loop {
            let (event, span) = self.next()?;
            match event {
                Event::Start(e) => {
                    if depth == 0 {
                        open = children.len();
                        children.push(self.child(span, Some(&e)));
                    }
                    depth += 1;
                }
                Event::End(_) if depth == 0 => return Ok(span),
                Event::End(_) => {
                    depth -= 1;
                    if depth == 0 {
                        children[open].span.end = span.end;
                    }
                }
                Event::Eof => return Err("the part ends inside an element".into()),
                Event::Empty(e) if depth == 0 => children.push(self.child(span, Some(&e))),
                _ if depth == 0 => children.push(self.child(span, None)),
                _ => {}
            }
        }
    }

    /// Writes `element` renamed to `name`, its attributes as they were.
    pub(super) fn rename(&mut self, element: &BytesStart<'_>, name: &str, empty: bool) {
        self.out
            .raw(b"<")
            .raw(name.as_bytes())
            .raw(element.attributes_raw().as_bytes())
            .raw(if empty { b"/>" } else { b">" });
    }

    /// Writes the empty `element` without its attribute `drop`, the others as they were.
    pub(super) fn without_attribute(
        &mut self,
        element: &BytesStart<'_>,
        drop: &str,
    ) -> Result<(), String> {
        self.out.raw(b"<").raw(element.name().as_ref().as_bytes());
        for a in element.attributes() {
            let a = a.map_err(|e| e.to_string())?;
            if a.key.as_ref() == drop {
                continue;
            }
            // The value is copied as written (escaped); only a value holding `"` was quoted
            // with `'`.
            let quote: &[u8] = if a.value.contains('"') { b"'" } else { b"\"" };
            self.out
                .raw(b" ")
                .raw(a.key.as_ref().as_bytes())
                .raw(b"=")
                .raw(quote)
                .raw(a.value.as_bytes())
                .raw(quote);
        }
        // Whatever space closed the tag before `/>` stays.
        let raw = element.attributes_raw();
        self.out
            .raw(&raw.as_bytes()[raw.trim_end().len()..])
            .raw(b"/>");
        Ok(())
    }

    /// The rewritten part.
    pub(super) fn finish(mut self) -> Vec<u8> {
        self.keep_to(self.src.len());
        self.out.into_bytes()
    }

    /// The child read at `span`: `element`, or text when there is none.
    fn child(&self, span: Range<usize>, element: Option<&BytesStart<'_>>) -> Child<'a> {
        // A tag's name follows its `<`.
        let len = element.map_or(0, |e| e.name().as_ref().len());
        let at = span.start + usize::from(element.is_some());
        Child {
            name: &self.src[at..at + len],
            span,
        }
    }

    /// Where the reader is in `src`.
    fn position(&self) -> usize {
        usize::try_from(self.reader.buffer_position()).unwrap_or(usize::MAX)
    }

    /// An error at the reader's position.
    fn error(&self, e: impl std::fmt::Display) -> String {
        format!(
            "malformed XML at byte {}: {e}",
            self.reader.buffer_position()
        )
    }
}
