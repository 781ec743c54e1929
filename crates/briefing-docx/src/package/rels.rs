//! The package's relationships and content types, from the parts it holds.

use crate::notes::NoteKind;
use crate::parts::{Link, Parts};
use crate::xml::Xml;

/// Namespace of package relationships.
const REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
/// Prefix of officeDocument relationship types.
const REL_TYPE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
/// Prefix of WordprocessingML content types.
const WML: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";

/// `_rels/.rels`: the document and its properties.
pub(super) fn package(parts: &Parts) -> Vec<u8> {
    let mut x = Xml::part(1024);
    x.open("Relationships", &[("xmlns", REL_NS)]);
    let mut rel = |id: &str, ty: &str, target: &str| {
        x.empty(
            "Relationship",
            &[("Id", id), ("Type", ty), ("Target", target)],
        );
    };
    rel(
        "rId1",
        &format!("{REL_TYPE}officeDocument"),
        "word/document.xml",
    );
    rel(
        "rId2",
        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
        "docProps/core.xml",
    );
    rel(
        "rId3",
        &format!("{REL_TYPE}extended-properties"),
        "docProps/app.xml",
    );
    if parts.custom.is_some() {
        rel(
            "rId4",
            &format!("{REL_TYPE}custom-properties"),
            "docProps/custom.xml",
        );
    }
    x.close("Relationships");
    x.into_bytes()
}

/// `word/_rels/document.xml.rels`: the parts the document uses, its pictures and its links.
pub(super) fn document(parts: &Parts) -> Vec<u8> {
    let mut internal: Vec<(&str, &str, String)> = vec![
        ("rIdStyles", "styles", "styles.xml".into()),
        ("rIdSettings", "settings", "settings.xml".into()),
    ];
    if parts.numbering.is_some() {
        internal.push(("rIdNumbering", "numbering", "numbering.xml".into()));
    }
    if parts.notes.is_some() {
        let (id, ty) = match parts.note_kind {
            NoteKind::Foot => ("rIdFootnotes", "footnotes"),
            NoteKind::End => ("rIdEndnotes", "endnotes"),
        };
        internal.push((id, ty, parts.note_kind.part().into()));
    }
    if parts.header.is_some() {
        internal.push(("rIdHeader1", "header", "header1.xml".into()));
    }
    if parts.footer.is_some() {
        internal.push(("rIdFooter1", "footer", "footer1.xml".into()));
    }
    for m in &parts.media {
        let target = format!("media/{}.{}", m.rid, m.picture.ext);
        internal.push((&m.rid, "image", target));
    }
    rels(&internal, &parts.body_links)
}

/// A relationships part: internal targets (id, type suffix, target), then external links.
pub(super) fn rels(internal: &[(&str, &str, String)], external: &[Link]) -> Vec<u8> {
    let mut x = Xml::part(256 + 160 * (internal.len() + external.len()));
    x.open("Relationships", &[("xmlns", REL_NS)]);
    for (id, ty, target) in internal {
        let ty = format!("{REL_TYPE}{ty}");
        x.empty(
            "Relationship",
            &[("Id", id), ("Type", &ty), ("Target", target)],
        );
    }
    let hyperlink = format!("{REL_TYPE}hyperlink");
    for link in external {
        x.empty(
            "Relationship",
            &[
                ("Id", &link.rid),
                ("Type", &hyperlink),
                ("Target", &link.url),
                ("TargetMode", "External"),
            ],
        );
    }
    x.close("Relationships");
    x.into_bytes()
}

/// `[Content_Types].xml`: a type for every part and picture format the package holds.
pub(super) fn content_types(parts: &Parts) -> Vec<u8> {
    let mut x = Xml::part(2048);
    x.open(
        "Types",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/content-types",
        )],
    )
    .empty(
        "Default",
        &[
            ("Extension", "rels"),
            (
                "ContentType",
                "application/vnd.openxmlformats-package.relationships+xml",
            ),
        ],
    )
    .empty(
        "Default",
        &[("Extension", "xml"), ("ContentType", "application/xml")],
    );
    for (ext, ty) in [("png", "image/png"), ("jpeg", "image/jpeg")] {
        if parts.media.iter().any(|m| m.picture.ext == ext) {
            x.empty("Default", &[("Extension", ext), ("ContentType", ty)]);
        }
    }
    let mut over = |part: &str, ty: &str| {
        x.empty("Override", &[("PartName", part), ("ContentType", ty)]);
    };
    over("/word/document.xml", &format!("{WML}.document.main+xml"));
    over("/word/styles.xml", &format!("{WML}.styles+xml"));
    over("/word/settings.xml", &format!("{WML}.settings+xml"));
    if parts.numbering.is_some() {
        over("/word/numbering.xml", &format!("{WML}.numbering+xml"));
    }
    if parts.notes.is_some() {
        let part = parts.note_kind.part();
        // The content type is named after the part: footnotes+xml, endnotes+xml.
        let ty = part.trim_end_matches(".xml");
        over(&format!("/word/{part}"), &format!("{WML}.{ty}+xml"));
    }
    if parts.header.is_some() {
        over("/word/header1.xml", &format!("{WML}.header+xml"));
    }
    if parts.footer.is_some() {
        over("/word/footer1.xml", &format!("{WML}.footer+xml"));
    }
    over(
        "/docProps/core.xml",
        "application/vnd.openxmlformats-package.core-properties+xml",
    );
    over(
        "/docProps/app.xml",
        "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    );
    if parts.custom.is_some() {
        over(
            "/docProps/custom.xml",
            "application/vnd.openxmlformats-officedocument.custom-properties+xml",
        );
    }
    x.close("Types");
    x.into_bytes()
}
