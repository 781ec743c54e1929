//! Everything around the body text: the title block, the table of contents, and the running
//! header and footer with the protective marking and `Page N of M`.

use briefing_model::{BlockKind, Diagnostic, Placeholders, title_text};
use docx_rs::{Footer, Header, Hyperlink, HyperlinkType, Run};

use super::converter::{Converter, Out};
use super::para::{Para, Piece};
use crate::edits::{RunContent, RunEdit};
use crate::styles::id;

/// Width of the theme's logo in the title block: 3 cm, in EMU.
const LOGO_WIDTH: f32 = 3.0 * 360_000.0;

/// The instruction of the table of contents field: headings 1 to 3, as links, no page numbers
/// in web view, outline levels too.
const TOC_FIELD: &str = r#" TOC \o "1-3" \h \z \u "#;

/// The running header and footer, when the document has any.
pub(super) struct Furniture {
    /// The header.
    pub(super) header: Option<Header>,
    /// The footer.
    pub(super) footer: Option<Footer>,
}

/// Builds header and footer for the converter's document.
pub(super) fn furniture(c: &mut Converter<'_>) -> Furniture {
    let meta = &c.doc.meta;
    let theme = c.theme;
    let title = c.clean(&meta.title, 0);
    let date = meta.date.map(|d| d.long()).unwrap_or_default();
    let classification = c.clean(meta.classification.as_deref().unwrap_or(""), 0);
    let banner = c.banner();
    let fill = |line: &str| {
        Placeholders {
            title: &title,
            date: &date,
            classification: &classification,
            page: "{page}",
            pages: "{pages}",
        }
        .fill(line)
    };
    let head_text = fill(&c.clean(&theme.layout.header, 0));
    let foot_text = fill(&c.clean(&theme.layout.footer, 0));

    let mut header = Header::new();
    let mut has_header = false;
    if let Some(b) = &banner {
        let p = c
            .para(id::CLASSIFICATION)
            .run(Run::new().add_text(b.clone()));
        header = header.add_paragraph(c.seal(p));
        has_header = true;
    }
    if !head_text.trim().is_empty() {
        let p = field_line(c.para(id::HEADER), &head_text);
        header = header.add_paragraph(c.seal(p));
        has_header = true;
    }
    let mut footer = Footer::new();
    let mut has_footer = false;
    if !foot_text.trim().is_empty() {
        let p = field_line(c.para(id::FOOTER), &foot_text);
        footer = footer.add_paragraph(c.seal(p));
        has_footer = true;
    }
    if let Some(b) = &banner {
        let p = c
            .para(id::CLASSIFICATION)
            .run(Run::new().add_text(b.clone()));
        footer = footer.add_paragraph(c.seal(p));
        has_footer = true;
    }
    Furniture {
        header: has_header.then_some(header),
        footer: has_footer.then_some(footer),
    }
}

/// A header or footer line whose `{page}` and `{pages}` become PAGE and NUMPAGES fields.
fn field_line(mut p: Para, text: &str) -> Para {
    let mut rest = text;
    while !rest.is_empty() {
        let next = [("{pages}", true), ("{page}", false)]
            .iter()
            .filter_map(|(pat, total)| rest.find(pat).map(|i| (i, *pat, *total)))
            .min_by_key(|(i, pat, _)| (*i, std::cmp::Reverse(pat.len())));
        match next {
            Some((i, pat, total)) => {
                if i > 0 {
                    p = p.run(Run::new().add_text(&rest[..i]));
                }
                p = if total {
                    p.page_count()
                } else {
                    p.page_number()
                };
                rest = &rest[i + pat.len()..];
            }
            None => {
                p = p.run(Run::new().add_text(rest));
                rest = "";
            }
        }
    }
    p
}

impl Converter<'_> {
    /// "CLASSIFICATION · STATUS", when either is set.
    fn banner(&mut self) -> Option<String> {
        let doc = self.doc;
        let meta = &doc.meta;
        let parts: Vec<String> = [meta.classification.as_deref(), meta.status.as_deref()]
            .into_iter()
            .flatten()
            .filter(|s| !s.trim().is_empty())
            .map(str::to_owned)
            .collect();
        if parts.is_empty() {
            return None;
        }
        Some(self.clean(&parts.join(" · "), 0))
    }

    /// The theme's logo, title, subtitle, byline and summary.
    pub(super) fn title_block(&mut self, out: &mut Vec<Out>) {
        let doc = self.doc;
        let meta = &doc.meta;
        if let Some(logo) = &self.theme.logo {
            match crate::image::from_bytes(logo.data.to_vec(), &logo.path) {
                Ok(pic) => {
                    let alt = meta.logo_alt();
                    let alt = self.clean(alt, 0);
                    let h = LOGO_WIDTH * pic.height as f32 / pic.width as f32;
                    let picture = self.embed(pic, alt, LOGO_WIDTH, h);
                    let p = self.para(id::LOGO);
                    out.push(Out::Para(p.piece(picture)));
                }
                Err(msg) => self.warnings.push(Diagnostic::warning(
                    0,
                    format!("the theme's logo is left out: {msg}"),
                )),
            }
        }
        let title = self.clean(&meta.title, 0);
        let p = self.para(id::TITLE);
        out.push(Out::Para(p.run(Run::new().add_text(title))));
        if let Some(sub) = meta.subtitle.as_deref().filter(|s| !s.trim().is_empty()) {
            let sub = self.clean(sub, 0);
            let p = self.para(id::SUBTITLE);
            out.push(Out::Para(p.run(Run::new().add_text(sub))));
        }
        let mut byline: Vec<String> = Vec::new();
        if !meta.authors.is_empty() {
            byline.push(meta.authors.join(", "));
        }
        byline.extend(meta.organization.clone());
        byline.extend(meta.date.map(|d| d.long()));
        if !byline.is_empty() {
            let text = self.clean(&byline.join(" · "), 0);
            let p = self.para(id::BYLINE);
            out.push(Out::Para(p.run(Run::new().add_text(text))));
        }
        if let Some(summary) = meta.summary.as_deref().filter(|s| !s.trim().is_empty()) {
            let text = self.clean(summary, 0);
            let p = self.para(id::ABSTRACT);
            out.push(Out::Para(p.run(Run::new().add_text(text))));
        }
    }

    /// A table of contents already filled with the headings (levels 1–3), each entry a link to
    /// its heading's bookmark, inside a TOC field that Word can update.
    ///
    /// No `w:sdt` wrapper: LibreOffice prints the field codes of docx-rs's sdt-wrapped TOC.
    pub(super) fn toc(&mut self, out: &mut Vec<Out>) {
        let entries: Vec<(u8, String, String)> = self
            .doc
            .blocks
            .iter()
            .filter_map(|b| match &b.kind {
                BlockKind::Heading {
                    level,
                    id: hid,
                    content,
                } if *level <= 3 => Some((*level, hid.clone(), title_text(content, false))),
                _ => None,
            })
            .collect();
        if entries.is_empty() {
            return;
        }
        self.has_toc = true;
        let p = self.para(id::TOC_HEADING);
        out.push(Out::Para(p.run(Run::new().add_text("Contents"))));
        let last = entries.len() - 1;
        for (i, (level, hid, text)) in entries.into_iter().enumerate() {
            let text = self.clean(&text, 0);
            let mut p = self.para(&id::toc(level));
            if i == 0 {
                // docx-rs writes `w:dirty` on every field character and its field
                // instructions without `xml:space`, so these runs get their content as edits.
                for content in [
                    RunContent::FieldBegin,
                    RunContent::FieldCode(TOC_FIELD),
                    RunContent::FieldSeparate,
                ] {
                    p = p.edited(Run::new(), RunEdit::content(content));
                }
            }
            let anchor = self.bookmarks.get(&hid).cloned().unwrap_or(hid);
            // No page numbers: LibreOffice keeps a TOC's cached text and would not compute a
            // PAGEREF there, so a guessed number would be wrong; Word rebuilds the field on open.
            let link =
                Hyperlink::new(anchor, HyperlinkType::Anchor).add_run(Run::new().add_text(text));
            p = p.piece(Piece::Link(link, Vec::new()));
            if i == last {
                p = p.edited(Run::new(), RunEdit::content(RunContent::FieldEnd));
            }
            out.push(Out::Para(p));
        }
    }
}
