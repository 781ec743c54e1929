//! Inline content: text, emphasis, code, links, inline images, footnote references and
//! language spans.

use std::fmt::Write as _;

use briefing_model::Inline;

use super::Encoder;
use crate::escape::escape_into;
use crate::link;
use crate::raw::{Context, Mixed};

impl Encoder<'_> {
    /// Writes a run of inlines.
    ///
    /// With raw HTML allowed, a run holding raw pieces is cleaned as one fragment, so a tag
    /// and its end tag (separate pieces, with text between) stay a pair.
    pub(crate) fn inlines(&mut self, out: &mut String, inlines: &[Inline]) {
        if self.raw_html && inlines.iter().any(|i| matches!(i, Inline::Html(_))) {
            let mut mixed = Mixed::default();
            for i in inlines {
                match i {
                    Inline::Html(html) => mixed.raw(html),
                    other => self.inline(mixed.ours(), other),
                }
            }
            mixed.finish(out, Context::Phrasing);
            return;
        }
        for i in inlines {
            self.inline(out, i);
        }
    }

    /// Writes one inline.
    fn inline(&mut self, out: &mut String, inline: &Inline) {
        match inline {
            Inline::Text(t) | Inline::Html(t) => escape_into(out, t),
            Inline::Emph(c) => self.wrap(out, "em", c),
            Inline::Strong(c) => self.wrap(out, "strong", c),
            Inline::Strike(c) => self.wrap(out, "del", c),
            Inline::Code(t) => {
                out.push_str("<code>");
                escape_into(out, t);
                out.push_str("</code>");
            }
            Inline::Link { url, content } => self.link(out, url, content),
            Inline::Image { src, alt } => self.image(out, src, alt, true),
            Inline::FootnoteRef { number } => self.footnote_ref(out, *number),
            Inline::LineBreak => out.push_str("<br>\n"),
            Inline::Lang { lang, content } => {
                // Our own markup, so it stays without --allow-raw-html.
                out.push_str("<span lang=\"");
                escape_into(out, lang.trim());
                out.push_str("\">");
                self.inlines(out, content);
                out.push_str("</span>");
            }
        }
    }

    /// Writes `content` inside `<tag>`.
    fn wrap(&mut self, out: &mut String, tag: &str, content: &[Inline]) {
        let _ = write!(out, "<{tag}>");
        self.inlines(out, content);
        let _ = write!(out, "</{tag}>");
    }

    /// Writes a link, or only its text when the target could run code or is empty.
    fn link(&mut self, out: &mut String, url: &str, content: &[Inline]) {
        if !link::is_safe(url) {
            let shown = link::scheme(url).map_or_else(
                || "an empty target".to_owned(),
                |s| format!("a {s}: target"),
            );
            self.warn(format!("link with {shown} was written as plain text: only http, https, mailto, tel, ftp and relative links are kept"));
            out.push_str("<span class=\"link-removed\">");
            self.inlines(out, content);
            out.push_str("</span>");
            return;
        }
        out.push_str("<a href=\"");
        escape_into(out, url.trim());
        out.push('"');
        if link::is_external(url) {
            out.push_str(" class=\"external\"");
        }
        out.push('>');
        if content.is_empty() {
            // A link needs a name readers can see and screen readers can announce.
            escape_into(out, url.trim());
        } else {
            self.inlines(out, content);
        }
        out.push_str("</a>");
    }

    /// Writes a footnote reference that links to its note and can be linked back to.
    fn footnote_ref(&mut self, out: &mut String, number: u32) {
        let Some(index) = self.doc.footnotes.iter().position(|f| f.number == number) else {
            self.warn(format!(
                "footnote reference {number} has no footnote; it is shown as plain text"
            ));
            let _ = write!(out, "<sup class=\"fnref\">{number}</sup>");
            return;
        };
        self.ref_counts[index] += 1;
        let id = super::footnotes::ref_id(index, self.ref_counts[index]);
        let _ = write!(
            out,
            "<sup class=\"fnref\"><a href=\"#{}\" id=\"{id}\" role=\"doc-noteref\">{number}</a></sup>",
            super::footnotes::note_id(index)
        );
    }
}
