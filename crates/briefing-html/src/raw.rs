//! Raw HTML from the source, passed through sanitized (`--allow-raw-html`).
//!
//! Markdown hands raw HTML over tag by tag: `<b>`, then the text, then `</b>`, each a piece
//! of its own, with our own content (text, links, whole blocks) between them. Cleaning each
//! piece alone would break every pair, and cleaning our finished HTML would strip what we
//! write on purpose (ids, classes, ARIA, embedded images). So a run that holds raw pieces is
//! cleaned as one fragment in which each stretch of our own HTML stands as a *marker*: a
//! short text of private-use characters no source can contain (they are removed from raw
//! pieces first). After cleaning, each marker found in text is replaced by the HTML it
//! stands for. Markers cannot smuggle our HTML into an attribute or a tag: only markers in
//! text are replaced, and markers in attribute values are dropped by the cleaner. A marker
//! the cleaner removed (inside a `<script>` or a comment) has its HTML appended at the end
//! of the run, so no word of the document is lost.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use ammonia::Builder;

/// Starts a marker; the marker's number and [`CLOSE`] follow.
const OPEN: char = '\u{E000}';
/// Ends a marker.
const CLOSE: char = '\u{E001}';

/// The `rel` every raw link gets: the page it opens cannot reach back, nor learn our URL.
const LINK_REL: &str = "noopener noreferrer";
/// [`LINK_REL`] as the serializer writes it.
const LINK_REL_ATTRIBUTE: &str = " rel=\"noopener noreferrer\"";

/// Link schemes raw HTML may use (relative links are kept too).
const SCHEMES: &[&str] = &["http", "https", "mailto"];

/// Phrasing elements: what raw HTML may add inside a paragraph, heading or table cell.
const PHRASING: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "i", "ins",
    "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
    "wbr",
];

/// Block elements raw HTML blocks may add besides the phrasing ones. No headings: they
/// would escape the contents and the heading ranks the renderer keeps in order.
const FLOW: &[&str] = &[
    "blockquote",
    "caption",
    "col",
    "colgroup",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Attributes kept on any allowed element. No `id` (it could take a heading's or note's id),
/// no `class` (it could dress text up as the classification banner), no `style`.
const GENERIC_ATTRIBUTES: &[&str] = &["lang", "title", "dir"];

/// Attributes kept on particular elements.
const TAG_ATTRIBUTES: &[(&str, &[&str])] = &[
    ("a", &["href", "hreflang"]),
    ("bdo", &["dir"]),
    ("data", &["value"]),
    ("del", &["datetime"]),
    ("ins", &["datetime"]),
    ("time", &["datetime"]),
    ("details", &["open"]),
    ("ol", &["start", "reversed", "type"]),
    ("li", &["value"]),
    ("td", &["colspan", "rowspan", "headers"]),
    ("th", &["colspan", "rowspan", "headers", "scope", "abbr"]),
    ("col", &["span"]),
    ("colgroup", &["span"]),
];

/// Where a run of mixed content goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Context {
    /// Inside a paragraph, heading, cell or caption: phrasing elements only.
    Phrasing,
    /// A sequence of blocks: block elements too.
    Flow,
}

/// The cleaner for inline raw HTML.
static PHRASING_CLEANER: LazyLock<Builder<'static>> = LazyLock::new(|| cleaner(PHRASING));
/// The cleaner for raw HTML blocks.
static FLOW_CLEANER: LazyLock<Builder<'static>> =
    LazyLock::new(|| cleaner(&[PHRASING, FLOW].concat()));

fn cleaner(tags: &[&'static str]) -> Builder<'static> {
    let mut b = Builder::empty();
    let tags: HashSet<&'static str> = tags.iter().copied().collect();
    let tag_attributes: HashMap<&'static str, HashSet<&'static str>> = TAG_ATTRIBUTES
        .iter()
        .filter(|(tag, _)| tags.contains(tag))
        .map(|(tag, attrs)| (*tag, attrs.iter().copied().collect()))
        .collect();
    b.tags(tags)
        .clean_content_tags(["script", "style"].into_iter().collect())
        .generic_attributes(GENERIC_ATTRIBUTES.iter().copied().collect())
        .tag_attributes(tag_attributes)
        .url_schemes(SCHEMES.iter().copied().collect())
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(Some(LINK_REL))
        .strip_comments(true)
        .attribute_filter(|_, _, value| {
            Some(if value.contains(OPEN) {
                Cow::Owned(strip_markers(value))
            } else {
                Cow::Borrowed(value)
            })
        });
    b
}

/// `value` without the markers in it.
fn strip_markers(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(i) = rest.find(OPEN) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        rest = match marker(rest) {
            Some((_, len)) => &rest[len..],
            None => &rest[OPEN.len_utf8()..],
        };
    }
    out.push_str(rest);
    out
}

/// A run of raw HTML pieces and our own HTML, cleaned together by [`Mixed::finish`].
#[derive(Debug, Default)]
pub(crate) struct Mixed {
    /// What the cleaner reads: raw pieces and markers.
    source: String,
    /// Our own HTML, by marker number.
    pieces: Vec<String>,
    /// Whether the last piece is still open for more of our HTML.
    open: bool,
}

impl Mixed {
    /// Adds a raw piece, without the characters markers are made of and without control
    /// characters (which no page may contain).
    pub(crate) fn raw(&mut self, html: &str) {
        self.open = false;
        self.source.extend(html.chars().filter(|&c| {
            c != OPEN && c != CLOSE && (!c.is_control() || matches!(c, '\t' | '\n' | '\r'))
        }));
    }

    /// The buffer for our own HTML at this point of the run.
    pub(crate) fn ours(&mut self) -> &mut String {
        if !self.open {
            self.open = true;
            self.source.push(OPEN);
            self.source.push_str(&self.pieces.len().to_string());
            self.source.push(CLOSE);
            self.pieces.push(String::new());
        }
        self.pieces.last_mut().expect("just pushed")
    }

    /// Cleans the run and writes it to `out`, with our HTML in place of its markers.
    pub(crate) fn finish(self, out: &mut String, context: Context) {
        let cleaner = match context {
            Context::Phrasing => &*PHRASING_CLEANER,
            Context::Flow => &*FLOW_CLEANER,
        };
        let clean = cleaner.clean(&self.source).to_string();
        let mut pieces: Vec<Option<String>> = self.pieces.into_iter().map(Some).collect();
        replace_markers(out, &clean, &mut pieces);
        // Markers the cleaner dropped: their words still belong on the page.
        for piece in pieces.into_iter().flatten() {
            out.push_str(&piece);
        }
    }
}

/// Copies the cleaner's output `clean` to `out`, replacing each marker that stands in text
/// by its piece (each piece used once), and tidying links.
///
/// The cleaner's serializer writes `<` in text as `&lt;`, always quotes attribute values
/// with `"` and writes `"` inside them as `&quot;`. So a `<` starts a tag, the tag ends at
/// the first `>` outside quotes, and ` href="` inside a tag can only be an attribute.
fn replace_markers(out: &mut String, clean: &str, pieces: &mut [Option<String>]) {
    let mut rest = clean;
    while let Some(i) = rest.find(['<', OPEN]) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('<') {
            let len = tag_len(rest);
            let tag = &rest[..len];
            // The cleaner gives every `<a>` a `rel`, even one whose unsafe `href` it
            // removed; `rel` without `href` is invalid HTML.
            if tag.starts_with("<a ") && !tag.contains(" href=\"") {
                out.push_str(&tag.replace(LINK_REL_ATTRIBUTE, ""));
            } else {
                out.push_str(tag);
            }
            rest = &rest[len..];
        } else if let Some((number, len)) = marker(rest) {
            if let Some(piece) = pieces.get_mut(number).and_then(Option::take) {
                out.push_str(&piece);
            }
            rest = &rest[len..];
        } else {
            out.push(OPEN);
            rest = &rest[OPEN.len_utf8()..];
        }
    }
    out.push_str(rest);
}

/// The byte length of the tag `text` starts with (up to its `>`, or all of `text`).
fn tag_len(text: &str) -> usize {
    let mut quoted = false;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'>' if !quoted => return i + 1,
            _ => {}
        }
    }
    text.len()
}

/// The number and byte length of the marker `text` starts with.
fn marker(text: &str) -> Option<(usize, usize)> {
    let body = text.strip_prefix(OPEN)?;
    let end = body.find(CLOSE)?;
    let number = body[..end].parse().ok()?;
    Some((number, OPEN.len_utf8() + end + CLOSE.len_utf8()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(parts: &[Result<&str, &str>], context: Context) -> String {
        let mut m = Mixed::default();
        for p in parts {
            match p {
                Ok(raw) => m.raw(raw),
                Err(ours) => m.ours().push_str(ours),
            }
        }
        let mut out = String::new();
        m.finish(&mut out, context);
        out
    }

    #[test]
    fn pairs_split_across_pieces_survive() {
        let out = run(
            &[
                Ok("<b>"),
                Err("bold <em>ours</em>"),
                Ok("</b>"),
                Err(" after"),
            ],
            Context::Phrasing,
        );
        assert_eq!(out, "<b>bold <em>ours</em></b> after");
    }

    #[test]
    fn our_html_never_lands_in_an_attribute() {
        let out = run(
            &[
                Ok("<abbr title=\""),
                Err("<a href=\"x\" onclick=\"y\">t</a>"),
                Ok("\">z</abbr>"),
            ],
            Context::Phrasing,
        );
        // The piece lost its place (it sat in an attribute), so it comes after, as markup
        // of its own, and the attribute holds no trace of it.
        assert!(out.starts_with("<abbr title=\"\">z</abbr>"), "{out}");
        assert!(out.ends_with("<a href=\"x\" onclick=\"y\">t</a>"), "{out}");
    }

    #[test]
    fn links_keep_rel_only_with_a_target() {
        let out = run(
            &[Ok(
                "<a href=\"javascript:x\" title=\"a > b\">x</a> <a href=\"/y\">y</a>",
            )],
            Context::Phrasing,
        );
        assert_eq!(
            out,
            "<a title=\"a &gt; b\">x</a> <a href=\"/y\" rel=\"noopener noreferrer\">y</a>"
        );
    }

    #[test]
    fn forged_markers_in_raw_html_are_ignored() {
        let forged = format!("<i>{OPEN}0{CLOSE}</i>");
        let out = run(&[Ok(&forged), Err("mine")], Context::Phrasing);
        assert_eq!(out, "<i>0</i>mine");
    }

    #[test]
    fn blocks_allow_block_elements_inline_runs_do_not() {
        let parts = [
            Ok("<details><summary>More</summary>"),
            Err("<p>x</p>"),
            Ok("</details>"),
        ];
        assert_eq!(
            run(&parts, Context::Flow),
            "<details><summary>More</summary><p>x</p></details>"
        );
        assert_eq!(run(&parts, Context::Phrasing), "More<p>x</p>");
    }

    #[test]
    fn scripts_go_but_their_neighbours_stay() {
        let out = run(
            &[Ok("<script>"), Err("kept"), Ok("</script><sup>2</sup>")],
            Context::Phrasing,
        );
        assert_eq!(out, "<sup>2</sup>kept");
    }
}
