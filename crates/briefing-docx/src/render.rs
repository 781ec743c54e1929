//! The entry point: a document and a theme in, the bytes of a `.docx` out.

use briefing_model::{Assets, Document, Theme, Warned};
use docx_rs::{Docx, PageMargin};

use crate::convert::{self, Converter, Out};
use crate::notes::NoteKind;
use crate::package::Package;

/// How to render.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Where images may be read from: the source's folder and any allowed folders.
    pub assets: Assets,
}

/// Why a DOCX could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Writing the ZIP container failed.
    #[error("could not write the DOCX package: {0}")]
    Zip(#[from] std::io::Error),
}

/// Renders `doc` with `theme` into the bytes of a `.docx` file, with warnings about content
/// that had to be changed (missing images, characters XML forbids).
///
/// The same input gives the same bytes, whatever else the process renders and on any thread.
///
/// ```
/// use briefing_model::{parse, ParseOptions, SourceKind};
/// let src = "---\ntitle: Gas storage\n---\n## Outlook\n\nStorage is *full*.\n";
/// let doc = parse(src, &ParseOptions::new(SourceKind::Markdown)).unwrap().value;
/// let theme = briefing_model::builtin("briefing").unwrap();
/// let out = briefing_docx::render(&doc, &theme, &briefing_docx::Options::default()).unwrap();
/// assert!(out.value.starts_with(b"PK"));
/// assert!(out.warnings.is_empty());
/// ```
pub fn render(doc: &Document, theme: &Theme, options: &Options) -> Result<Warned<Vec<u8>>, Error> {
    let mut c = Converter::new(doc, theme, &options.assets);
    let body = c.body();
    let furniture = convert::furniture(&mut c);

    let page = &theme.page;
    let mut docx = Docx::new()
        .page_size(
            page.size.width.twips() as u32,
            page.size.height.twips() as u32,
        )
        .page_margin(
            PageMargin::new()
                .top(page.margin_top.twips())
                .bottom(page.margin_bottom.twips())
                .left(page.margin_left.twips())
                .right(page.margin_right.twips())
                .header(page.margin_top.twips() / 2)
                .footer(page.margin_bottom.twips() / 2)
                .gutter(0),
        );
    for out in body {
        docx = match out {
            Out::Para(p) => docx.add_paragraph(p),
            Out::Table(t) => docx.add_table(t),
        };
    }
    let numbering = (!c.lists.nums.is_empty())
        .then(|| convert::numbering_xml(&c.lists.nums, crate::styles::list_indent(theme)));
    let has_header = furniture.header.is_some();
    let has_footer = furniture.footer.is_some();
    if let Some(h) = furniture.header {
        docx = docx.header(h);
    }
    if let Some(f) = furniture.footer {
        docx = docx.footer(f);
    }
    let xml = docx.build();

    let has_notes = xml.footnotes.windows(12).any(|w| w == b"<w:footnote ");
    let package = Package {
        document: xml.document,
        styles: crate::styles::styles_xml(theme, &doc.meta.lang),
        numbering: numbering.map(String::into_bytes),
        notes: has_notes.then_some(xml.footnotes),
        note_kind: c.notes,
        header: if has_header {
            xml.headers.into_iter().next()
        } else {
            None
        },
        footer: if has_footer {
            xml.footers.into_iter().next()
        } else {
            None
        },
        media: std::mem::take(&mut c.media),
        alts: std::mem::take(&mut c.alts),
        body_links: std::mem::take(&mut c.body_links),
        note_links: std::mem::take(&mut c.note_links),
        raw: std::mem::take(&mut c.raw),
        langs: std::mem::take(&mut c.langs),
        table_properties: convert::table_properties(theme.text_width().twips()),
        core: crate::props::core_xml(&doc.meta),
        custom: crate::props::custom_xml(&doc.meta),
        lang: doc.meta.lang.clone(),
        has_toc: c.has_toc,
        sect_pr: sect_pr(theme, has_header, has_footer, c.notes),
    };
    let bytes = package.write()?;
    Ok(Warned {
        value: bytes,
        warnings: c.warnings,
    })
}

/// The section properties: header and footer references first, as the schema orders them.
fn sect_pr(theme: &Theme, header: bool, footer: bool, notes: NoteKind) -> String {
    let p = &theme.page;
    let mut s = String::from("<w:sectPr>");
    if header {
        s.push_str(r#"<w:headerReference w:type="default" r:id="rIdHeader1"/>"#);
    }
    if footer {
        s.push_str(r#"<w:footerReference w:type="default" r:id="rIdFooter1"/>"#);
    }
    if notes == NoteKind::End {
        // Word reads the format from settings; LibreOffice only from the section (else i, ii).
        s.push_str(r#"<w:endnotePr><w:numFmt w:val="decimal"/></w:endnotePr>"#);
    }
    s.push_str(&format!(
        r#"<w:pgSz w:w="{}" w:h="{}"/><w:pgMar w:top="{}" w:right="{}" w:bottom="{}" w:left="{}" w:header="{}" w:footer="{}" w:gutter="0"/><w:cols w:space="720"/></w:sectPr>"#,
        p.size.width.twips(),
        p.size.height.twips(),
        p.margin_top.twips(),
        p.margin_right.twips(),
        p.margin_bottom.twips(),
        p.margin_left.twips(),
        p.margin_top.twips() / 2,
        p.margin_bottom.twips() / 2,
    ));
    s
}
