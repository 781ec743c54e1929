//! XMP metadata (the same facts as the Info dictionary, plus the standards claimed)
//! and the sRGB OutputIntent PDF/A needs.

use std::fmt::Write as _;

use briefing_model::Date;
use lopdf::{Dictionary, Object, ObjectId, Stream};

use super::icc;
use super::info::{CREATOR, Metadata, PRODUCER};
use briefing_model::PdfStandard;

/// Adds the XMP metadata stream; returns its id for the catalog's `/Metadata`.
pub(super) fn write_metadata(
    lo: &mut lopdf::Document,
    meta: &Metadata,
    standard: Option<PdfStandard>,
) -> ObjectId {
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"Metadata".to_vec()));
    dict.set("Subtype", Object::Name(b"XML".to_vec()));
    // PDF/A wants the packet readable without decoding.
    let stream = Stream::new(dict, packet(meta, standard).into_bytes()).with_compression(false);
    lo.add_object(Object::Stream(stream))
}

/// Adds the sRGB OutputIntent with its ICC profile; returns the intent's id.
pub(super) fn write_output_intent(lo: &mut lopdf::Document) -> ObjectId {
    let mut dict = Dictionary::new();
    dict.set("N", Object::Integer(3));
    let profile = lo.add_object(Object::Stream(Stream::new(dict, icc::srgb())));
    let mut intent = Dictionary::new();
    intent.set("Type", Object::Name(b"OutputIntent".to_vec()));
    intent.set("S", Object::Name(b"GTS_PDFA1".to_vec()));
    intent.set(
        "OutputConditionIdentifier",
        Object::string_literal(icc::DESCRIPTION),
    );
    intent.set("Info", Object::string_literal(icc::DESCRIPTION));
    intent.set("DestOutputProfile", Object::Reference(profile));
    lo.add_object(Object::Dictionary(intent))
}

/// An XMP date at midnight UTC, the same instant as Info's `D:YYYYMMDD000000Z`.
fn xmp_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}T00:00:00Z", d.year, d.month, d.day)
}

/// Escapes text for XML element content.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // XML 1.0 cannot carry most control characters.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The XMP packet.
fn packet(meta: &Metadata, standard: Option<PdfStandard>) -> String {
    let mut x = String::new();
    x.push_str("<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
    x.push_str("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n");
    x.push_str(" <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
    x.push_str("  <rdf:Description rdf:about=\"\"");
    x.push_str(" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"");
    x.push_str(" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"");
    x.push_str(" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"");
    x.push_str(" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"");
    x.push_str(" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n");
    x.push_str("   <dc:format>application/pdf</dc:format>\n");
    let alt = |x: &mut String, tag: &str, value: &str| {
        let _ = writeln!(
            x,
            "   <dc:{tag}><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:{tag}>",
            esc(value)
        );
    };
    alt(&mut x, "title", &meta.title);
    if !meta.authors.is_empty() {
        // One entry: Info's /Author is the joined list, and PDF/A wants them equal.
        let _ = writeln!(
            x,
            "   <dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>",
            esc(&meta.authors.join(", "))
        );
    }
    if let Some(s) = &meta.subject {
        alt(&mut x, "description", s);
    }
    if !meta.lang.is_empty() {
        let _ = writeln!(
            x,
            "   <dc:language><rdf:Bag><rdf:li>{}</rdf:li></rdf:Bag></dc:language>",
            esc(&meta.lang)
        );
    }
    if !meta.keywords.is_empty() {
        let _ = writeln!(
            x,
            "   <pdf:Keywords>{}</pdf:Keywords>",
            esc(&meta.keywords.join(", "))
        );
    }
    let _ = writeln!(x, "   <pdf:Producer>{}</pdf:Producer>", esc(PRODUCER));
    let _ = writeln!(x, "   <xmp:CreatorTool>{}</xmp:CreatorTool>", esc(CREATOR));
    if let Some(d) = meta.date {
        let _ = writeln!(x, "   <xmp:CreateDate>{}</xmp:CreateDate>", xmp_date(d));
        let _ = writeln!(x, "   <xmp:ModifyDate>{}</xmp:ModifyDate>", xmp_date(d));
    }
    if let Some(level) = standard.and_then(PdfStandard::pdfa_conformance) {
        x.push_str("   <pdfaid:part>2</pdfaid:part>\n");
        let _ = writeln!(x, "   <pdfaid:conformance>{level}</pdfaid:conformance>");
    }
    if standard.is_some_and(PdfStandard::is_ua) {
        x.push_str("   <pdfuaid:part>1</pdfuaid:part>\n");
    }
    x.push_str("  </rdf:Description>\n");
    if standard.is_some_and(|s| s.is_ua() && s.pdfa_conformance().is_some()) {
        // PDF/A accepts only schemas it predefines or that the file describes: pdfuaid is not predefined.
        x.push_str(UA_EXTENSION_SCHEMA);
    }
    x.push_str(" </rdf:RDF>\n</x:xmpmeta>\n");
    x.push_str("<?xpacket end=\"w\"?>");
    x
}

/// The PDF/A extension schema that describes the `pdfuaid` namespace.
const UA_EXTENSION_SCHEMA: &str = r#"  <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <pdfaExtension:schemas>
    <rdf:Bag>
     <rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>PDF/UA identification schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>
        <rdf:li rdf:parseType="Resource">
         <pdfaProperty:name>part</pdfaProperty:name>
         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
         <pdfaProperty:category>internal</pdfaProperty:category>
         <pdfaProperty:description>The part of ISO 14289 the file conforms to</pdfaProperty:description>
        </rdf:li>
       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
    </rdf:Bag>
   </pdfaExtension:schemas>
  </rdf:Description>
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_the_claims_follow_the_standard() {
        let meta = Metadata {
            title: "Gas & <power>".into(),
            ..Metadata::default()
        };
        let plain = packet(&meta, None);
        assert!(
            plain.contains(">Gas &amp; &lt;power&gt;</rdf:li>"),
            "{plain}"
        );
        assert!(!plain.contains("<pdfaid:part>") && !plain.contains("<pdfuaid:part>"));
        let both = packet(&meta, Some(PdfStandard::A2aUa1));
        assert!(both.contains("<pdfaid:part>2</pdfaid:part>"));
        assert!(both.contains("<pdfaid:conformance>A</pdfaid:conformance>"));
        assert!(both.contains("<pdfuaid:part>1</pdfuaid:part>"));
        assert!(both.contains("pdfaSchema:prefix>pdfuaid<"));
        let ua = packet(&meta, Some(PdfStandard::Ua1));
        assert!(ua.contains("<pdfuaid:part>1</pdfuaid:part>") && !ua.contains("pdfaid:part"));
    }
}
