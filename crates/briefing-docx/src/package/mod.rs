//! The package: finishing the XML parts docx-rs leaves incomplete, and the ZIP itself.
//!
//! We write every part that carries ids or metadata ourselves (relationships, content types,
//! properties, styles, settings) so nothing depends on `HashMap` order or process-wide counters,
//! and the ZIP gets fixed timestamps, a fixed entry order and Deflate.

mod patch;

use std::cell::RefCell;
use std::fmt::Write as _;
use std::io::Write as _;

use libdeflater::{CompressionLvl, Compressor};
use rawzip::time::UtcDateTime;
use rawzip::{CompressionMethod, DataDescriptorOutput, ZipArchiveWriter};

use crate::convert::Media;
use crate::notes::NoteKind;

use crate::text::escape;
use patch::{finish_notes, replace_elements, splice_langs, splice_raw, text, tidy};

/// Everything the package needs, gathered by `render`.
pub(crate) struct Package {
    /// `word/document.xml` as docx-rs wrote it.
    pub(crate) document: Vec<u8>,
    /// `word/styles.xml`.
    pub(crate) styles: String,
    /// `word/numbering.xml`, when there are lists.
    pub(crate) numbering: Option<Vec<u8>>,
    /// The notes as docx-rs wrote them (always as `word/footnotes.xml`), when there are notes.
    pub(crate) notes: Option<Vec<u8>>,
    /// Whether the notes are footnotes or endnotes.
    pub(crate) note_kind: NoteKind,
    /// `word/header1.xml`.
    pub(crate) header: Option<Vec<u8>>,
    /// `word/footer1.xml`.
    pub(crate) footer: Option<Vec<u8>>,
    /// Pictures, in the order their relationship ids were given.
    pub(crate) media: Vec<Media>,
    /// Alt text of each body picture, in document order.
    pub(crate) alts: Vec<String>,
    /// External links of the body: (rid, url).
    pub(crate) body_links: Vec<(String, String)>,
    /// External links in notes: (rid, url).
    pub(crate) note_links: Vec<(String, String)>,
    /// Raw run contents by marker number.
    pub(crate) raw: Vec<String>,
    /// Run languages by marker number.
    pub(crate) langs: Vec<String>,
    /// The `w:tblPr` every table gets.
    pub(crate) table_properties: String,
    /// `docProps/core.xml`.
    pub(crate) core: String,
    /// `docProps/custom.xml`.
    pub(crate) custom: Option<String>,
    /// Document language, for settings.
    pub(crate) lang: String,
    /// Whether the document holds a TOC field Word should refresh on open.
    pub(crate) has_toc: bool,
    /// The body's `w:sectPr` in schema order (docx-rs puts the header references last).
    pub(crate) sect_pr: String,
}

/// Namespace of package relationships.
const REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
/// Prefix of officeDocument relationship types.
const REL_TYPE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

impl Package {
    /// Post-processes the parts and writes the ZIP.
    pub(crate) fn write(self) -> std::io::Result<Vec<u8>> {
        let document = self.finish_document();
        let notes = self
            .notes
            .as_deref()
            .map(|f| finish_notes(&tidy(self.splice(f)), self.note_kind));
        let header = self
            .header
            .as_deref()
            .map(|h| tidy(splice_raw(h, &self.raw)));
        let footer = self
            .footer
            .as_deref()
            .map(|f| tidy(splice_raw(f, &self.raw)));
        let numbering = self
            .numbering
            .as_deref()
            .map(|n| tidy(text(n).into_owned()));

        let mut parts: Vec<(String, Vec<u8>, bool)> = Vec::new();
        let mut add = |name: &str, data: Vec<u8>| parts.push((name.to_owned(), data, true));
        add("[Content_Types].xml", self.content_types().into_bytes());
        add("_rels/.rels", self.package_rels().into_bytes());
        add("docProps/core.xml", self.core.clone().into_bytes());
        add(
            "docProps/app.xml",
            crate::props::app_xml().as_bytes().to_vec(),
        );
        if let Some(c) = &self.custom {
            add("docProps/custom.xml", c.clone().into_bytes());
        }
        add("word/document.xml", document.into_bytes());
        add(
            "word/_rels/document.xml.rels",
            self.document_rels().into_bytes(),
        );
        add("word/styles.xml", self.styles.clone().into_bytes());
        add("word/settings.xml", self.settings().into_bytes());
        if let Some(n) = numbering {
            add("word/numbering.xml", n.into_bytes());
        }
        if let Some(n) = notes {
            let part = self.note_kind.part();
            add(&format!("word/{part}"), n.into_bytes());
            if !self.note_links.is_empty() {
                add(
                    &format!("word/_rels/{part}.rels"),
                    rels(&[], &self.note_links).into_bytes(),
                );
            }
        }
        if let Some(h) = header {
            add("word/header1.xml", h.into_bytes());
        }
        if let Some(f) = footer {
            add("word/footer1.xml", f.into_bytes());
        }
        for m in &self.media {
            parts.push((
                format!("word/media/{}.{}", m.rid, m.picture.ext),
                m.picture.bytes.clone(),
                false,
            ));
        }

        zip(&parts)
    }

    /// A part with its raw runs and run languages in place.
    fn splice(&self, xml: &[u8]) -> String {
        splice_langs(splice_raw(xml, &self.raw), &self.langs)
    }

    /// document.xml with raw runs, picture ids and alt text, table properties and repeating header rows.
    fn finish_document(&self) -> String {
        let xml = self.splice(&self.document);
        // docx-rs gives every picture `id="1"`; ids must be unique, and descr carries the alt text.
        let mut out = String::with_capacity(xml.len() + 1024);
        let mut rest = xml.as_str();
        let mut k = 0;
        while let Some(i) = rest.find("<wp:docPr ") {
            let end = i + rest[i..].find("/>").map_or(0, |e| e + 2);
            out.push_str(&rest[..i]);
            k += 1;
            let alt = self.alts.get(k - 1).map(String::as_str).unwrap_or("");
            let _ = write!(
                out,
                r#"<wp:docPr id="{k}" name="Picture {k}" descr="{}"/>"#,
                escape(alt)
            );
            rest = &rest[end..];
        }
        out.push_str(rest);
        let mut xml = replace_elements(
            &tidy(out),
            "<w:tblPr>",
            "</w:tblPr>",
            &self.table_properties,
        );
        xml = replace_elements(&xml, "<w:sectPr>", "</w:sectPr>", &self.sect_pr);
        // The header row is the only one with cantSplit: give it tblHeader so it repeats.
        xml = xml.replace("<w:cantSplit />", "<w:cantSplit /><w:tblHeader />");
        self.note_kind.rename(xml)
    }

    fn document_rels(&self) -> String {
        let mut internal: Vec<(String, String, String)> = vec![
            ("rIdStyles".into(), "styles".into(), "styles.xml".into()),
            (
                "rIdSettings".into(),
                "settings".into(),
                "settings.xml".into(),
            ),
        ];
        if self.numbering.is_some() {
            internal.push((
                "rIdNumbering".into(),
                "numbering".into(),
                "numbering.xml".into(),
            ));
        }
        if self.notes.is_some() {
            let (id, ty) = match self.note_kind {
                NoteKind::Foot => ("rIdFootnotes", "footnotes"),
                NoteKind::End => ("rIdEndnotes", "endnotes"),
            };
            internal.push((id.into(), ty.into(), self.note_kind.part().into()));
        }
        if self.header.is_some() {
            internal.push(("rIdHeader1".into(), "header".into(), "header1.xml".into()));
        }
        if self.footer.is_some() {
            internal.push(("rIdFooter1".into(), "footer".into(), "footer1.xml".into()));
        }
        for m in &self.media {
            internal.push((
                m.rid.clone(),
                "image".into(),
                format!("media/{}.{}", m.rid, m.picture.ext),
            ));
        }
        rels(&internal, &self.body_links)
    }

    fn package_rels(&self) -> String {
        let mut s = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{}<Relationships xmlns="{REL_NS}">"#,
            "\n"
        );
        s.push_str(&format!(r#"<Relationship Id="rId1" Type="{REL_TYPE}officeDocument" Target="word/document.xml"/>"#));
        s.push_str(r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#);
        s.push_str(&format!(r#"<Relationship Id="rId3" Type="{REL_TYPE}extended-properties" Target="docProps/app.xml"/>"#));
        if self.custom.is_some() {
            s.push_str(&format!(r#"<Relationship Id="rId4" Type="{REL_TYPE}custom-properties" Target="docProps/custom.xml"/>"#));
        }
        s.push_str("</Relationships>");
        s
    }

    fn content_types(&self) -> String {
        let mut s = String::from(concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            "\n",
            r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
            r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
            r#"<Default Extension="xml" ContentType="application/xml"/>"#
        ));
        if self.media.iter().any(|m| m.picture.ext == "png") {
            s.push_str(r#"<Default Extension="png" ContentType="image/png"/>"#);
        }
        if self.media.iter().any(|m| m.picture.ext == "jpeg") {
            s.push_str(r#"<Default Extension="jpeg" ContentType="image/jpeg"/>"#);
        }
        let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml";
        let mut over = |part: &str, ty: &str| {
            let _ = write!(s, r#"<Override PartName="{part}" ContentType="{ty}"/>"#);
        };
        over("/word/document.xml", &format!("{wml}.document.main+xml"));
        over("/word/styles.xml", &format!("{wml}.styles+xml"));
        over("/word/settings.xml", &format!("{wml}.settings+xml"));
        if self.numbering.is_some() {
            over("/word/numbering.xml", &format!("{wml}.numbering+xml"));
        }
        if self.notes.is_some() {
            let part = self.note_kind.part();
            // The content type is named after the part: footnotes+xml, endnotes+xml.
            let ty = part.trim_end_matches(".xml");
            over(&format!("/word/{part}"), &format!("{wml}.{ty}+xml"));
        }
        if self.header.is_some() {
            over("/word/header1.xml", &format!("{wml}.header+xml"));
        }
        if self.footer.is_some() {
            over("/word/footer1.xml", &format!("{wml}.footer+xml"));
        }
        over(
            "/docProps/core.xml",
            "application/vnd.openxmlformats-package.core-properties+xml",
        );
        over(
            "/docProps/app.xml",
            "application/vnd.openxmlformats-officedocument.extended-properties+xml",
        );
        if self.custom.is_some() {
            over(
                "/docProps/custom.xml",
                "application/vnd.openxmlformats-officedocument.custom-properties+xml",
            );
        }
        s.push_str("</Types>");
        s
    }

    fn settings(&self) -> String {
        let mut s = String::from(concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            "\n",
            r#"<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
            r#"<w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>"#
        ));
        if self.has_toc {
            // Asks Word to refresh the contents (page numbers) when the file is opened.
            s.push_str(r#"<w:updateFields w:val="true"/>"#);
        }
        if self.notes.is_some() {
            s.push_str(self.note_kind.settings());
        }
        // Justified lines ending in a manual line break stay unstretched, as in Word's own defaults.
        s.push_str(r#"<w:compat><w:doNotExpandShiftReturn/><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>"#);
        let _ = write!(s, r#"<w:themeFontLang w:val="{}"/>"#, escape(&self.lang));
        s.push_str("</w:settings>");
        s
    }
}

/// A relationships part: internal targets (id, type suffix, target), then external links.
fn rels(internal: &[(String, String, String)], external: &[(String, String)]) -> String {
    let mut s = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{}<Relationships xmlns="{REL_NS}">"#,
        "\n"
    );
    for (id, ty, target) in internal {
        let _ = write!(
            s,
            r#"<Relationship Id="{id}" Type="{REL_TYPE}{ty}" Target="{}"/>"#,
            escape(target)
        );
    }
    for (id, url) in external {
        let _ = write!(
            s,
            r#"<Relationship Id="{id}" Type="{REL_TYPE}hyperlink" Target="{}" TargetMode="External"/>"#,
            escape(url)
        );
    }
    s.push_str("</Relationships>");
    s
}

/// libdeflate's level for the XML parts: its fastest. On the seed briefing (cold process,
/// callgrind) levels 1/4/6/9 cost 5.7/6.5/6.7/7.5 M instructions for 10610/10311/10139/10042
/// bytes. Level 1 alone uses the small hash-table match finder, so it also touches fewer
/// pages: a cold DOCX process is about 0.5 ms (10 %) faster than at 6, for files about 5 %
/// (500 bytes) larger. Level 1 is also what the PDF streams use.
const LEVEL: i32 = 1;

thread_local! {
    /// Two compressors per thread, allocated once, not per part: level 0 for pictures
    /// (already compressed: Deflate's stored blocks, no search) and `LEVEL` for XML.
    static COMPRESSORS: RefCell<[Compressor; 2]> = RefCell::new([0, LEVEL].map(|level| {
        Compressor::new(CompressionLvl::new(level).unwrap_or_default())
    }));
}

/// The ZIP: entries in the order given (name, data, whether to compress), all dated
/// 1980-01-01 00:00 (UTC) with rw-r--r-- permissions, so the same parts give the same bytes.
/// Every entry is Deflate: rawzip writes each with a data descriptor, and streaming ZIP
/// readers (Java's `ZipInputStream`, Apache Commons Compress by default) refuse a Stored
/// entry that has one, so pictures go in Deflate's stored blocks, which cost a copy.
fn zip(parts: &[(String, Vec<u8>, bool)]) -> std::io::Result<Vec<u8>> {
    let size = parts.iter().map(|(_, d, _)| d.len()).sum::<usize>();
    let mut archive = ZipArchiveWriter::builder()
        .with_capacity(parts.len())
        .build(Vec::with_capacity(size / 3 + 4096));
    let date = UtcDateTime::from_components(1980, 1, 1, 0, 0, 0, 0)
        .ok_or_else(|| std::io::Error::other("invalid ZIP date"))?;
    let mut deflated = Vec::new();
    COMPRESSORS.with_borrow_mut(|compressors| {
        for (name, data, compress) in parts {
            let compressor = &mut compressors[usize::from(*compress)];
            deflated.resize(compressor.deflate_compress_bound(data.len()), 0);
            let n = compressor
                .deflate_compress(data, &mut deflated)
                .map_err(std::io::Error::other)?;
            let body = &deflated[..n];
            let (mut entry, _) = archive
                .new_file(name.as_str())
                .compression_method(CompressionMethod::DEFLATE)
                .last_modified(date)
                .unix_permissions(0o644)
                .start()
                .map_err(std::io::Error::other)?;
            entry.write_all(body)?;
            let len = u64::try_from(data.len()).map_err(std::io::Error::other)?;
            entry
                .finish(DataDescriptorOutput::new(libdeflater::crc32(data), len))
                .map_err(std::io::Error::other)?;
        }
        Ok::<_, std::io::Error>(())
    })?;
    archive.finish().map_err(std::io::Error::other)
}
