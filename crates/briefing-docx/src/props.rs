//! Document properties: `docProps/core.xml`, `app.xml` and `custom.xml`.
//!
//! docx-rs has no setters for title or creator and keeps custom properties in a `HashMap`
//! (random order), so these parts are written here.

use std::fmt::Write as _;

use briefing_model::Meta;

use crate::text::escape;

/// `docProps/core.xml`: title, creator, subject, keywords, language and dates.
///
/// Dates come only from the briefing; without one they are left out (never the clock).
pub(crate) fn core_xml(meta: &Meta) -> String {
    let mut s = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        "\n",
        r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
        r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
        r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
    ));
    let _ = write!(s, "<dc:title>{}</dc:title>", escape(&meta.title));
    if let Some(summary) = &meta.summary {
        let _ = write!(s, "<dc:subject>{}</dc:subject>", escape(summary));
    }
    if !meta.authors.is_empty() {
        let _ = write!(
            s,
            "<dc:creator>{}</dc:creator>",
            escape(&meta.authors.join("; "))
        );
    }
    if !meta.keywords.is_empty() {
        let _ = write!(
            s,
            "<cp:keywords>{}</cp:keywords>",
            escape(&meta.keywords.join(", "))
        );
    }
    let _ = write!(s, "<dc:language>{}</dc:language>", escape(&meta.lang));
    if let Some(d) = meta.date {
        let stamp = format!("{:04}-{:02}-{:02}T00:00:00Z", d.year, d.month, d.day);
        let _ = write!(
            s,
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>"#
        );
    }
    s.push_str("</cp:coreProperties>");
    s
}

/// `docProps/app.xml`: the producing application.
pub(crate) fn app_xml() -> &'static str {
    concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        "\n",
        r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" "#,
        r#"xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#,
        r#"<Application>briefing</Application><DocSecurity>0</DocSecurity></Properties>"#
    )
}

/// `docProps/custom.xml` with Classification and Status, or `None` when neither is set.
pub(crate) fn custom_xml(meta: &Meta) -> Option<String> {
    let props: Vec<(&str, &str)> = [
        ("Classification", meta.classification.as_deref()),
        ("Status", meta.status.as_deref()),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.map(|v| (k, v)))
    .collect();
    if props.is_empty() {
        return None;
    }
    let mut s = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        "\n",
        r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" "#,
        r#"xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#
    ));
    for (i, (name, value)) in props.iter().enumerate() {
        // pid 0 and 1 are reserved by the property-set format.
        let _ = write!(
            s,
            r#"<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{}" name="{name}"><vt:lpwstr>{}</vt:lpwstr></property>"#,
            i + 2,
            escape(value)
        );
    }
    s.push_str("</Properties>");
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_has_title_creator_and_dates_from_meta_only() {
        let mut meta = Meta {
            title: "A & B".into(),
            authors: vec!["Ann".into(), "Bo".into()],
            lang: "en".into(),
            ..Meta::default()
        };
        let x = core_xml(&meta);
        assert!(x.contains("<dc:title>A &amp; B</dc:title>"));
        assert!(x.contains("<dc:creator>Ann; Bo</dc:creator>"));
        assert!(
            !x.contains("dcterms:created"),
            "no date in meta, so no date at all"
        );
        meta.date = briefing_model::Date::new(2025, 8, 15);
        assert!(core_xml(&meta).contains(">2025-08-15T00:00:00Z</dcterms:created>"));
    }

    #[test]
    fn custom_props_are_ordered_and_optional() {
        let mut meta = Meta::default();
        assert!(custom_xml(&meta).is_none());
        meta.classification = Some("OFFICIAL".into());
        meta.status = Some("DRAFT".into());
        let x = custom_xml(&meta).unwrap();
        let c = x.find("Classification").unwrap();
        let s = x.find("Status").unwrap();
        assert!(c < s && x.contains(r#"pid="3" name="Status""#));
    }
}
