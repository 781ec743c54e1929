//! The entry point: a document and theme in, one HTML page out.

use briefing_model::{
    Block, BlockKind, Diagnostic, Document, Meta, Theme, ThemeFile, TitleBlock, Warned,
};

use crate::css::theme_css;
use crate::encode::Encoder;
use crate::error::Error;
use crate::escape::{escape, escape_into};
use crate::image::Images;
use crate::options::Options;
use crate::template::Fill;
use crate::toc;

/// Longest description derived from the first paragraph when the briefing has no summary.
const DESCRIPTION_CHARS: usize = 200;

/// A page and the files that go beside it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Page {
    /// The HTML5 page, UTF-8.
    pub html: Vec<u8>,
    /// Files to write into [`Options::image_folder`], as (file name, bytes): sorted by
    /// name, each name once. Names are content hashes, so a file of the same name written
    /// by another document has the same bytes. Empty when images are embedded.
    pub files: Vec<(String, Vec<u8>)>,
}

/// Renders `doc` with `theme` to a standalone HTML5 page (UTF-8 bytes).
///
/// The page has its styles inlined and its images embedded, runs no scripts and loads
/// nothing from any other host. Images that cannot be embedded and links that cannot be
/// kept are warnings, each with its source line; the page is still produced.
///
/// This always embeds images, whatever [`Options::image_folder`] says, so the page it
/// returns is complete on its own; use [`render_page`] to write images as files.
///
/// ```
/// use briefing_model::{parse, ParseOptions, SourceKind};
/// let src = "---\ntitle: Gas storage\n---\n## Outlook\n\nStorage is *full*.\n";
/// let doc = parse(src, &ParseOptions::new(SourceKind::Markdown)).unwrap().value;
/// let theme = briefing_model::builtin("briefing").unwrap();
/// let out = briefing_html::render(&doc, &theme, &briefing_html::Options::default()).unwrap();
/// assert!(out.value.starts_with(b"<!DOCTYPE html>"));
/// assert!(out.warnings.is_empty());
/// ```
pub fn render(doc: &Document, theme: &Theme, options: &Options) -> Result<Warned<Vec<u8>>, Error> {
    let out = page(doc, theme, options, Images::Embed)?;
    Ok(Warned {
        value: out.value.html,
        warnings: out.warnings,
    })
}

/// Renders `doc` with `theme` to a page and the image files that go beside it.
///
/// With [`Options::image_folder`] set, each image becomes a file named by its content
/// (a SHA-256 prefix and the extension of its format) and the page refers to it as
/// `{image_folder}/{name}`; the caller writes [`Page::files`] into that folder. Without
/// it, this is [`render`] with an empty file list. The theme's logo is always embedded.
pub fn render_page(
    doc: &Document,
    theme: &Theme,
    options: &Options,
) -> Result<Warned<Page>, Error> {
    page(
        doc,
        theme,
        options,
        Images::new(options.image_folder.as_deref()),
    )
}

/// The page, with images placed as `images` says.
fn page(
    doc: &Document,
    theme: &Theme,
    options: &Options,
    images: Images,
) -> Result<Warned<Page>, Error> {
    let meta = &doc.meta;
    let raw_html = options.allow_raw_html;
    let mut enc = Encoder::new(doc, &options.assets, images, raw_html);
    let mut body = String::with_capacity(16 * 1024);
    enc.blocks(&mut body, &doc.blocks);
    let mut footnotes = String::new();
    enc.footnotes(&mut footnotes);

    let mut nav = String::new();
    if meta.toc.unwrap_or(theme.layout.toc) {
        toc::write(&mut nav, &doc.blocks, raw_html);
    }
    let title = if meta.title.trim().is_empty() {
        "Briefing"
    } else {
        meta.title.trim()
    };
    let marking = marking(meta);
    // A stylesheet must not be able to close the <style> element it sits in.
    let style = theme.html.style.replace("</", "<\\/");
    let logo = theme
        .logo
        .as_ref()
        .and_then(|f| logo(f, meta, &mut enc.warnings));
    let values = [
        ("lang", lang(meta)),
        ("title", escape(title)),
        ("meta", head_meta(doc, title, raw_html)),
        ("theme_css", theme_css(theme)),
        ("style", style),
        (
            "header",
            header(
                meta,
                title,
                marking.as_deref(),
                theme.layout.title_block,
                logo.as_deref(),
            ),
        ),
        ("toc", nav),
        ("body", body),
        ("footnotes", footnotes),
        ("footer", footer(marking.as_deref())),
    ];
    let values: Vec<(&'static str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let html = Fill { values: &values }.apply(&theme.html.page)?;
    Ok(Warned {
        value: Page {
            html: html.into_bytes(),
            files: enc.images.into_files(),
        },
        warnings: enc.warnings,
    })
}

/// The `lang` attribute value; the model defaults it, but a blank one would be invalid.
fn lang(meta: &Meta) -> String {
    let tag = meta.lang.trim();
    escape(if tag.is_empty() { "en" } else { tag })
}

/// The protective marking and status, such as "OFFICIAL-SENSITIVE · DRAFT".
fn marking(meta: &Meta) -> Option<String> {
    let parts: Vec<&str> = [meta.classification.as_deref(), meta.status.as_deref()]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// The `<meta>` elements after `<title>`: description, author, keywords and Open Graph.
fn head_meta(doc: &Document, title: &str, raw_html: bool) -> String {
    let meta = &doc.meta;
    let mut out = String::new();
    let mut tag = |attr: &str, key: &str, value: &str| {
        out.push_str("<meta ");
        out.push_str(attr);
        out.push_str("=\"");
        out.push_str(key);
        out.push_str("\" content=\"");
        escape_into(&mut out, value);
        out.push_str("\">\n");
    };
    let description = meta
        .summary
        .clone()
        .filter(|s| !s.trim().is_empty())
        .or_else(|| first_paragraph(&doc.blocks, raw_html));
    if let Some(d) = &description {
        tag("name", "description", d.trim());
    }
    if !meta.authors.is_empty() {
        tag("name", "author", &meta.authors.join(", "));
    }
    if !meta.keywords.is_empty() {
        tag("name", "keywords", &meta.keywords.join(", "));
    }
    tag("name", "generator", "briefing");
    tag("property", "og:title", title);
    tag("property", "og:type", "article");
    if let Some(d) = &description {
        tag("property", "og:description", d.trim());
    }
    if let Some(date) = meta.date {
        tag("property", "article:published_time", &date.to_string());
    }
    for a in &meta.authors {
        tag("property", "article:author", a);
    }
    out
}

/// The first paragraph's text, cut at a word near [`DESCRIPTION_CHARS`].
fn first_paragraph(blocks: &[Block], raw_html: bool) -> Option<String> {
    let text = blocks.iter().find_map(|b| match &b.kind {
        BlockKind::Paragraph { content } => Some(toc::plain(content, raw_html)),
        _ => None,
    })?;
    let text = text.trim();
    if text.chars().count() <= DESCRIPTION_CHARS {
        return (!text.is_empty()).then(|| text.to_owned());
    }
    let cut = text
        .char_indices()
        .nth(DESCRIPTION_CHARS)
        .map_or(text.len(), |(i, _)| i);
    let head = &text[..cut];
    let head = head.rfind(' ').map_or(head, |i| &head[..i]);
    Some(format!("{}…", head.trim_end_matches([',', ';', ':', ' '])))
}

/// The theme's logo as an `<img>`, or a warning when its bytes are no image a browser shows.
fn logo(file: &ThemeFile, meta: &Meta, warnings: &mut Vec<Diagnostic>) -> Option<String> {
    let uri = match crate::image::bytes_uri(&file.data) {
        Ok(uri) => uri,
        Err(e) => {
            warnings.push(Diagnostic::warning(
                0,
                format!(
                    "the theme's logo cannot be shown: {}; it is left out",
                    e.message(&file.path)
                ),
            ));
            return None;
        }
    };
    let alt = meta.logo_alt();
    Some(format!(
        "<img class=\"logo\" src=\"{uri}\" alt=\"{}\">\n",
        escape(alt)
    ))
}

/// The title block: marking, logo, title and subtitle (the band of a masthead), then byline
/// with date, and summary.
///
/// The band and the lines under it each sit in a `title-measure` box, so a masthead's band
/// can span the page while its text lines up with the body's measure.
fn header(
    meta: &Meta,
    title: &str,
    marking: Option<&str>,
    look: TitleBlock,
    logo: Option<&str>,
) -> String {
    let look = match look {
        TitleBlock::Stacked => "stacked",
        TitleBlock::Masthead => "masthead",
    };
    let mut out = format!(
        "<header class=\"title-block title-block-{look}\">\n<div class=\"title-band\">\n<div class=\"title-measure\">\n"
    );
    if let Some(m) = marking {
        out.push_str("<p class=\"marking\">");
        escape_into(&mut out, m);
        out.push_str("</p>\n");
    }
    out.push_str(logo.unwrap_or_default());
    out.push_str("<h1>");
    escape_into(&mut out, title);
    out.push_str("</h1>\n");
    if let Some(sub) = meta.subtitle.as_deref().filter(|s| !s.trim().is_empty()) {
        out.push_str("<p class=\"subtitle\">");
        escape_into(&mut out, sub);
        out.push_str("</p>\n");
    }
    out.push_str("</div>\n</div>\n");
    let mut parts = Vec::new();
    if !meta.authors.is_empty() {
        parts.push(format!(
            "<span class=\"authors\">{}</span>",
            escape(&meta.authors.join(", "))
        ));
    }
    if let Some(org) = meta
        .organization
        .as_deref()
        .filter(|s| !s.trim().is_empty())
    {
        parts.push(format!(
            "<span class=\"organization\">{}</span>",
            escape(org)
        ));
    }
    if let Some(date) = meta.date {
        parts.push(format!(
            "<time datetime=\"{date}\">{}</time>",
            escape(&date.long())
        ));
    }
    let summary = meta.summary.as_deref().filter(|s| !s.trim().is_empty());
    if !parts.is_empty() || summary.is_some() {
        out.push_str("<div class=\"title-measure\">\n");
        if !parts.is_empty() {
            out.push_str("<p class=\"byline\">");
            out.push_str(&parts.join("<span class=\"sep\" aria-hidden=\"true\"> · </span>"));
            out.push_str("</p>\n");
        }
        if let Some(summary) = summary {
            out.push_str("<p class=\"summary\">");
            escape_into(&mut out, summary);
            out.push_str("</p>\n");
        }
        out.push_str("</div>\n");
    }
    out.push_str("</header>\n");
    out
}

/// The page footer: the marking again, so it shows at the end of the page too.
fn footer(marking: Option<&str>) -> String {
    match marking {
        Some(m) => format!(
            "<footer class=\"page-footer\">\n<p class=\"marking\">{}</p>\n</footer>\n",
            escape(m)
        ),
        None => String::new(),
    }
}
