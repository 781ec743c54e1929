//! The whole document: the converted content placed in a docx-rs document, built, and handed
//! over as [`Parts`] with the edits docx-rs cannot write and the parts we write ourselves.

use briefing_model::{Assets, Document, Theme, Warned};
use docx_rs::{Docx, PageMargin};

use super::converter::{Converter, Out};
use super::{furniture, numbering, table};
use crate::notes::NoteKind;
use crate::parts::Parts;
use crate::xml::Xml;

/// Converts `doc` with `theme` into the parts of a `.docx`, with warnings about content that
/// had to be changed.
pub(crate) fn convert(doc: &Document, theme: &Theme, assets: &Assets) -> Warned<Parts> {
    let mut c = Converter::new(doc, theme, assets);
    let body = c.body();
    let furniture = furniture::furniture(&mut c);

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
            Out::Para(p) => docx.add_paragraph(c.seal(p)),
            Out::Table(t) => docx.add_table(t),
        };
    }
    let has_header = furniture.header.is_some();
    let has_footer = furniture.footer.is_some();
    if let Some(h) = furniture.header {
        docx = docx.header(h);
    }
    if let Some(f) = furniture.footer {
        docx = docx.footer(f);
    }
    let xml = docx.build();
    // A note is placed at its first reference in the body, which docx-rs then writes.
    let has_notes = !c.placed_notes.is_empty();

    let parts = Parts {
        document: xml.document,
        notes: has_notes.then_some(xml.footnotes),
        note_kind: c.notes,
        header: xml.headers.into_iter().next().filter(|_| has_header),
        footer: xml.footers.into_iter().next().filter(|_| has_footer),
        edits: std::mem::take(&mut c.edits),
        table_properties: table::table_properties(theme.text_width().twips()),
        section: section(theme, has_header, has_footer, c.notes),
        styles: crate::styles::styles_xml(theme, &doc.meta.lang),
        numbering: (!c.lists.nums.is_empty())
            .then(|| numbering::numbering_xml(&c.lists.nums, crate::styles::list_indent(theme))),
        settings: crate::settings::settings_xml(
            &doc.meta.lang,
            c.has_toc,
            has_notes.then_some(c.notes),
        ),
        core: crate::props::core_xml(&doc.meta),
        custom: crate::props::custom_xml(&doc.meta),
        media: std::mem::take(&mut c.media),
        body_links: std::mem::take(&mut c.body_links),
        note_links: std::mem::take(&mut c.note_links),
    };
    Warned {
        value: parts,
        warnings: c.warnings,
    }
}

/// The section properties: header and footer references first, as the schema orders them.
fn section(theme: &Theme, header: bool, footer: bool, notes: NoteKind) -> Vec<u8> {
    let p = &theme.page;
    let mut x = Xml::with_capacity(512);
    x.open("w:sectPr", &[]);
    if header {
        x.empty(
            "w:headerReference",
            &[("w:type", "default"), ("r:id", "rIdHeader1")],
        );
    }
    if footer {
        x.empty(
            "w:footerReference",
            &[("w:type", "default"), ("r:id", "rIdFooter1")],
        );
    }
    if notes == NoteKind::End {
        // Word reads the format from settings; LibreOffice only from the section (else i, ii).
        x.open("w:endnotePr", &[])
            .empty("w:numFmt", &[("w:val", "decimal")])
            .close("w:endnotePr");
    }
    let twips = |v: briefing_model::Pt| v.twips().to_string();
    x.empty(
        "w:pgSz",
        &[
            ("w:w", &twips(p.size.width)),
            ("w:h", &twips(p.size.height)),
        ],
    );
    x.empty(
        "w:pgMar",
        &[
            ("w:top", &twips(p.margin_top)),
            ("w:right", &twips(p.margin_right)),
            ("w:bottom", &twips(p.margin_bottom)),
            ("w:left", &twips(p.margin_left)),
            ("w:header", &(p.margin_top.twips() / 2).to_string()),
            ("w:footer", &(p.margin_bottom.twips() / 2).to_string()),
            ("w:gutter", "0"),
        ],
    );
    x.empty("w:cols", &[("w:space", "720")]).close("w:sectPr");
    x.into_bytes()
}
