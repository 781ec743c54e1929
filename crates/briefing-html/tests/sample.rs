//! The sample briefing rendered to a file that real consumers (the Nu checker, a browser,
//! `inspect`) can read: `$TMPDIR/briefing-html/alaska-summit.html`.

mod common;

use common::*;

#[test]
fn sample_briefing_renders_every_paragraph() {
    let doc = alaska();
    let out = render_default(&doc);
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    let dir = std::env::temp_dir().join("briefing-html");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("alaska-summit.html"), &out.value).unwrap();
    let (_, html) = page(&doc);
    assert_eq!(select(&html, "main h2").len(), 6);
    assert_eq!(select(&html, "main ul > li").len(), 5);
    assert_eq!(select(&html, "nav.toc a").len(), 6);
    let main = collapse(&select(&html, "main")[0].text().collect::<String>());
    assert!(main.starts_with("The world watched closely"));
    assert!(main.ends_with("deadliest conflict since World War II."));
}

#[test]
fn kitchen_sink_is_written_for_the_checkers() {
    let out = render_default(&kitchen_sink());
    let dir = std::env::temp_dir().join("briefing-html");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("kitchen-sink.html"), &out.value).unwrap();
    assert!(!out.value.is_empty());
}

#[test]
fn sample_briefing_as_parsed_by_the_model() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../input/alaska-summit.txt");
    let doc = briefing_model::parse_file(&path, None)
        .expect("the sample parses")
        .value;
    let options = briefing_html::Options {
        assets: briefing_model::Assets {
            base_dir: path.parent().map(Into::into),
            ..Default::default()
        },
        ..Default::default()
    };
    let out = briefing_html::render(&doc, &theme(), &options).expect("renders");
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    let dir = std::env::temp_dir().join("briefing-html");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("alaska-parsed.html"), &out.value).unwrap();
    let (_, html) = page_with(&doc, &options);
    assert_eq!(text_of(&html, "h1"), doc.meta.title.trim());
    let main = collapse(&select(&html, "main")[0].text().collect::<String>());
    assert!(
        main.ends_with("deadliest conflict since World War II."),
        "{main}"
    );
}
