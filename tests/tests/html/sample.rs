//! The sample briefing rendered to a file that real consumers (the Nu checker, a browser,
//! `inspect`) can read: `$TMPDIR/briefing-html/alaska-summit.html`.

use super::common::*;

#[test]
fn sample_briefing_renders_every_paragraph() {
    let mut doc = briefing_tests::sample();
    doc.meta.toc = Some(true);
    let options = briefing_html::Options {
        assets: briefing_model::Assets::in_folder(briefing_tests::root().join("input")),
        ..Default::default()
    };
    let out = briefing_html::render(&doc, &theme(), &options).expect("renders");
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    let dir = std::env::temp_dir().join("briefing-html");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("alaska-summit.html"), &out.value).unwrap();
    let (_, html) = page_with(&doc, &options);
    assert_eq!(text_of(&html, "h1"), doc.meta.title.trim());
    assert_eq!(select(&html, "main h2").len(), 6);
    assert_eq!(select(&html, "main ul > li").len(), 5);
    assert_eq!(select(&html, "nav.toc a").len(), 6);
    let main = collapse(&select(&html, "main")[0].text().collect::<String>());
    assert!(main.starts_with("The world watched closely"), "{main}");
    assert!(
        main.ends_with("deadliest conflict since World War II."),
        "{main}"
    );
}

#[test]
fn kitchen_sink_is_written_for_the_checkers() {
    let out = render_default(&kitchen_sink());
    let dir = std::env::temp_dir().join("briefing-html");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("kitchen-sink.html"), &out.value).unwrap();
    assert!(!out.value.is_empty());
}
