//! A small XML writer for what we write ourselves: elements are opened, filled and closed by
//! name, and every attribute value and text goes through one escaper, so what we write is
//! well-formed by construction. Empty elements close with `/>`.

use crate::text::{escape, xml_allowed};

/// The XML declaration every part starts with.
pub(crate) const DECLARATION: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

/// An XML document or fragment being written.
#[derive(Debug, Default)]
pub(crate) struct Xml {
    /// The bytes so far.
    out: Vec<u8>,
}

impl Xml {
    /// An empty writer with room for `capacity` bytes.
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        Xml {
            out: Vec::with_capacity(capacity),
        }
    }

    /// A part: the declaration and a line break, as Word writes it.
    pub(crate) fn part(capacity: usize) -> Self {
        let mut x = Xml::with_capacity(capacity);
        x.raw(DECLARATION.as_bytes()).raw(b"\n");
        x
    }

    /// `<name a="v" …>`.
    pub(crate) fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.tag(name, attrs);
        self.out.push(b'>');
        self
    }

    /// `<name a="v" …/>`.
    pub(crate) fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.tag(name, attrs);
        self.out.extend_from_slice(b"/>");
        self
    }

    /// `</name>`.
    pub(crate) fn close(&mut self, name: &str) -> &mut Self {
        self.out.extend_from_slice(b"</");
        self.out.extend_from_slice(name.as_bytes());
        self.out.push(b'>');
        self
    }

    /// Character data: markup characters escaped (quotes need no escaping in text), characters
    /// XML forbids left out.
    pub(crate) fn text(&mut self, s: &str) -> &mut Self {
        for c in s.chars() {
            match c {
                '&' => self.out.extend_from_slice(b"&amp;"),
                '<' => self.out.extend_from_slice(b"&lt;"),
                '>' => self.out.extend_from_slice(b"&gt;"),
                c if xml_allowed(c) => {
                    let mut buf = [0; 4];
                    self.out
                        .extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                _ => {}
            }
        }
        self
    }

    /// Bytes that are already XML: a part we wrote elsewhere, or a stretch copied from a part
    /// as it was read.
    pub(crate) fn raw(&mut self, bytes: &[u8]) -> &mut Self {
        self.out.extend_from_slice(bytes);
        self
    }

    /// The bytes written.
    pub(crate) fn into_bytes(self) -> Vec<u8> {
        self.out
    }

    /// The text written (always UTF-8: only `&str` and copies of UTF-8 parts go in).
    pub(crate) fn into_string(self) -> String {
        String::from_utf8(self.out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }

    /// `<name a="v" …` without the end of the tag.
    fn tag(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.out.push(b'<');
        self.out.extend_from_slice(name.as_bytes());
        for (key, value) in attrs {
            self.out.push(b' ');
            self.out.extend_from_slice(key.as_bytes());
            self.out.extend_from_slice(b"=\"");
            self.out.extend_from_slice(escape(value).as_bytes());
            self.out.push(b'"');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_attributes_and_text_are_escaped_once() {
        let mut x = Xml::default();
        x.open("w:p", &[("a", "x\"&<y")])
            .empty("w:b", &[])
            .open("w:t", &[])
            .text("a \"quoted\" <b> & \u{7}c")
            .close("w:t")
            .close("w:p");
        assert_eq!(
            x.into_string(),
            r#"<w:p a="x&quot;&amp;&lt;y"><w:b/><w:t>a "quoted" &lt;b&gt; &amp; c</w:t></w:p>"#
        );
    }
}
