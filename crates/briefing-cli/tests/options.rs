//! Format options through the built binary: --pdf-standard, --allow-raw-html, --html-assets.

use std::path::PathBuf;

use crate::common::{briefing, root, stderr};

/// A folder with `brief/a.md` and `brief/b.md` (both showing `chart.png`) and `brief/chart.png`.
fn sources(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("briefing-options-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("brief/sub")).unwrap();
    std::fs::copy(
        root().join("input/images/chart.png"),
        dir.join("brief/chart.png"),
    )
    .unwrap();
    let text = "# Raw\n\nE = mc<sup>2</sup> <script>alert(1)</script> and \
                <a href=\"javascript:alert(2)\">a link</a>.\n\n<div onclick=\"steal()\">boxed</div>\n\n![Chart](chart.png)\n";
    std::fs::write(dir.join("brief/a.md"), text).unwrap();
    std::fs::write(
        dir.join("brief/sub/b.md"),
        text.replace("chart.png", "../chart.png"),
    )
    .unwrap();
    dir
}

#[test]
fn raw_html_is_text_unless_allowed_and_then_sanitized() {
    let dir = sources("raw");
    let o = briefing(&dir, &["render", "brief/a.md", "-o", "plain", "-f", "html"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = std::fs::read_to_string(dir.join("plain/a.html")).unwrap();
    assert!(
        html.contains("&lt;sup&gt;2&lt;/sup&gt;"),
        "shown as text by default"
    );
    assert!(!html.contains("<script"));

    let o = briefing(
        &dir,
        &[
            "render",
            "brief/a.md",
            "-o",
            "raw",
            "-f",
            "html",
            "--allow-raw-html",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let html = std::fs::read_to_string(dir.join("raw/a.html")).unwrap();
    assert!(html.contains("mc<sup>2</sup>"), "harmless markup passes");
    assert!(html.contains("boxed"));
    for bad in ["<script", "javascript:", "onclick", "steal()"] {
        assert!(!html.contains(bad), "{bad} survived");
    }
}

#[test]
fn html_assets_are_shared_files_linked_relatively() {
    let dir = sources("assets");
    let o = briefing(
        &dir,
        &[
            "render",
            "brief",
            "-o",
            "site",
            "-f",
            "html",
            "--html-assets",
            "site/img",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let files: Vec<String> = std::fs::read_dir(dir.join("site/img"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files.len(), 1, "two pages, one shared image: {files:?}");
    assert!(files[0].ends_with(".png"));
    let a = std::fs::read_to_string(dir.join("site/a.html")).unwrap();
    let b = std::fs::read_to_string(dir.join("site/sub/b.html")).unwrap();
    assert!(a.contains(&format!("src=\"img/{}\"", files[0])), "{a}");
    assert!(b.contains(&format!("src=\"../img/{}\"", files[0])));
    assert!(!a.contains("data:image/png"));
    assert_eq!(
        std::fs::read(dir.join("site/img").join(&files[0])).unwrap(),
        std::fs::read(dir.join("brief/chart.png")).unwrap()
    );
}

#[test]
fn a_pdf_standard_is_claimed_when_asked_and_a_bad_one_is_a_usage_error() {
    let dir = sources("standard");
    let o = briefing(
        &dir,
        &[
            "render",
            "brief/a.md",
            "-o",
            "a2b",
            "-f",
            "pdf",
            "--pdf-standard",
            "a-2b",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let pdf = std::fs::read(dir.join("a2b/a.pdf")).unwrap();
    let doc = lopdf::Document::load_mem(&pdf).expect("the PDF opens");
    let catalog = doc.catalog().unwrap();
    assert!(
        catalog.get(b"OutputIntents").is_ok(),
        "PDF/A needs an output intent"
    );
    let metadata = catalog
        .get(b"Metadata")
        .and_then(|m| m.as_reference())
        .unwrap();
    let xmp = doc.get_object(metadata).unwrap().as_stream().unwrap();
    let xmp = String::from_utf8_lossy(&xmp.get_plain_content().unwrap()).into_owned();
    assert!(xmp.contains("pdfaid:part") && xmp.contains('B'), "{xmp}");

    let o = briefing(
        &dir,
        &["render", "brief/a.md", "-o", "bad", "--pdf-standard", "a-3"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("choose one of: a-2b, a-2a, ua-1, a-2a,ua-1"),
        "{}",
        stderr(&o)
    );
}

/// The XMP packet of a rendered PDF.
fn xmp(pdf: &std::path::Path) -> String {
    let doc = lopdf::Document::load(pdf).expect("the PDF opens");
    let metadata = doc
        .catalog()
        .unwrap()
        .get(b"Metadata")
        .and_then(|m| m.as_reference())
        .unwrap();
    let stream = doc.get_object(metadata).unwrap().as_stream().unwrap();
    String::from_utf8_lossy(&stream.get_plain_content().unwrap()).into_owned()
}

#[test]
fn the_accessible_theme_claims_pdf_ua_unless_told_otherwise() {
    let dir = sources("accessible");
    let render = |out: &str, extra: &[&str]| {
        let mut args = vec!["render", "brief/a.md", "-o", out, "-f", "pdf"];
        args.extend(extra);
        let o = briefing(&dir, &args);
        assert!(o.status.success(), "{}", stderr(&o));
        xmp(&dir.join(out).join("a.pdf"))
    };
    let claimed = render("theme", &["--theme", "accessible"]);
    assert!(
        claimed.contains("<pdfuaid:part>1</pdfuaid:part>") && claimed.contains("pdfaid:part"),
        "{claimed}"
    );
    let dropped = render("none", &["--theme", "accessible", "--pdf-standard", "none"]);
    assert!(
        !dropped.contains("pdfuaid:part") && !dropped.contains("pdfaid:part"),
        "{dropped}"
    );
    let other = render("a2b", &["--theme", "accessible", "--pdf-standard", "a-2b"]);
    assert!(
        !other.contains("pdfuaid:part") && other.contains("pdfaid:conformance>B<"),
        "{other}"
    );
    let plain = render("briefing", &[]);
    assert!(!plain.contains("pdfuaid:part"), "{plain}");
}
