//! The page's structure, read back with an HTML parser.

use super::common::*;

#[test]
fn head_has_language_title_and_social_metadata() {
    let (text, html) = page(&kitchen_sink());
    assert!(text.starts_with("<!DOCTYPE html>\n"));
    assert_eq!(select(&html, "html")[0].value().attr("lang"), Some("en-GB"));
    assert_eq!(
        text_of(&html, "head > title"),
        "Arctic <Talks> & \"Beyond\""
    );
    assert_eq!(
        select(&html, "meta[charset]")[0].value().attr("charset"),
        Some("utf-8")
    );
    let meta = |css: &str| {
        select(&html, css)[0]
            .value()
            .attr("content")
            .map(str::to_owned)
    };
    assert_eq!(
        meta("meta[name=viewport]").as_deref(),
        Some("width=device-width, initial-scale=1")
    );
    assert_eq!(
        meta("meta[name=description]").as_deref(),
        Some("A short summary of the talks.")
    );
    assert_eq!(
        meta("meta[name=author]").as_deref(),
        Some("Ada Lovelace, Grace O'Hopper")
    );
    assert_eq!(
        meta("meta[property='og:title']").as_deref(),
        Some("Arctic <Talks> & \"Beyond\"")
    );
    assert_eq!(meta("meta[property='og:type']").as_deref(), Some("article"));
    assert_eq!(
        meta("meta[property='og:description']").as_deref(),
        Some("A short summary of the talks.")
    );
}

#[test]
fn title_block_has_h1_subtitle_byline_and_date() {
    let (_, html) = page(&kitchen_sink());
    assert_eq!(select(&html, "h1").len(), 1);
    assert_eq!(
        text_of(&html, "body > header h1"),
        "Arctic <Talks> & \"Beyond\""
    );
    assert_eq!(
        text_of(&html, "header .subtitle"),
        "What the summit changed"
    );
    let byline = text_of(&html, "header .byline");
    assert!(
        byline.contains("Ada Lovelace, Grace O'Hopper") && byline.contains("Policy Unit"),
        "{byline}"
    );
    let time = select(&html, "header time[datetime]");
    assert_eq!(time[0].value().attr("datetime"), Some("2025-08-15"));
    assert_eq!(
        collapse(&time[0].text().collect::<String>()),
        "15 August 2025"
    );
}

#[test]
fn headings_shift_down_one_level_never_skip_and_keep_ids_and_order() {
    let (_, html) = page(&kitchen_sink());
    let headings: Vec<(String, Option<String>)> =
        select(&html, "main h2, main h3, main h4, main h5, main h6")
            .iter()
            .map(|h| {
                (
                    h.value().name().to_owned(),
                    h.value().id().map(str::to_owned),
                )
            })
            .collect();
    assert_eq!(
        headings,
        [
            ("h2".into(), Some("background".into())),
            ("h3".into(), Some("detail".into())),
            // Level 6 after level 2 would skip ranks; it comes one rank down instead.
            ("h4".into(), Some("deep".into())),
            ("h2".into(), Some("briefing:notes".into())),
        ]
    );
}

#[test]
fn contents_link_to_every_heading_in_order() {
    let (_, html) = page(&kitchen_sink());
    let links: Vec<_> = select(&html, "nav.toc a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_owned())
        .collect();
    assert_eq!(links, ["#background", "#detail"]);
    let mut no_toc = kitchen_sink();
    no_toc.meta.toc = Some(false);
    assert!(select(&page(&no_toc).1, "nav").is_empty());
    // Left to the theme, whose default has no contents.
    no_toc.meta.toc = None;
    assert!(select(&page(&no_toc).1, "nav").is_empty());
}

#[test]
fn inline_markup_is_semantic() {
    let (_, html) = page(&kitchen_sink());
    let p = "main article > p:first-of-type";
    assert_eq!(text_of(&html, &format!("{p} em")), "bravo");
    assert_eq!(text_of(&html, &format!("{p} strong")), "charlie");
    assert_eq!(text_of(&html, &format!("{p} del")), "delta");
    assert_eq!(text_of(&html, &format!("{p} code")), "echo <x>");
    let a = &select(&html, &format!("{p} a.external"))[0];
    assert_eq!(
        a.value().attr("href"),
        Some("https://example.org/a?b=1&c=2")
    );
    assert_eq!(select(&html, &format!("{p} br")).len(), 1);
}

#[test]
fn lists_quotes_callouts_code_and_rules() {
    let (_, html) = page(&kitchen_sink());
    assert_eq!(text_of(&html, "main ul > li:first-child"), "kilo");
    assert_eq!(select(&html, "main ul ol[start='3'] > li").len(), 1);
    let tasks: Vec<_> = select(&html, "ul.task-list .task-box")
        .iter()
        .map(|b| b.text().collect::<String>())
        .collect();
    assert_eq!(tasks, ["☑", "☐"]);
    assert_eq!(text_of(&html, "blockquote p"), "papa");
    assert_eq!(text_of(&html, "aside.callout .callout-label"), "Warning");
    assert_eq!(text_of(&html, "aside.callout p:last-child"), "quebec");
    let code = &select(&html, "pre > code.language-rust")[0];
    assert_eq!(
        code.text().collect::<String>(),
        "fn romeo() {}\n// </code></pre><script>"
    );
    assert_eq!(select(&html, "main hr").len(), 1);
}

#[test]
fn tables_have_header_scope_alignment_and_full_rows() {
    let (_, html) = page(&kitchen_sink());
    let th = select(&html, "table > thead > tr > th");
    assert_eq!(th.len(), 3);
    assert!(th.iter().all(|t| t.value().attr("scope") == Some("col")));
    let classes: Vec<_> = th
        .iter()
        .map(|t| t.value().attr("class").unwrap_or(""))
        .collect();
    assert_eq!(classes, ["align-left", "align-center", "align-right"]);
    let rows = select(&html, "table > tbody > tr");
    assert_eq!(rows.len(), 2);
    // The short row is padded so every column has a cell.
    assert_eq!(
        rows[1]
            .children()
            .filter(|c| c.value().is_element())
            .count(),
        3
    );
    assert_eq!(text_of(&html, "tbody td.align-right"), "1.5");
}

#[test]
fn footnotes_link_both_ways() {
    let (_, html) = page(&kitchen_sink());
    let refs = select(&html, "sup.fnref a");
    let pairs: Vec<_> = refs
        .iter()
        .map(|a| (a.value().attr("href").unwrap(), a.value().id().unwrap()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("#fn:1", "fnref:1"),
            ("#fn:2", "fnref:2"),
            ("#fn:1", "fnref:1:2")
        ]
    );
    let notes = select(&html, "section.footnotes ol > li");
    assert_eq!(
        notes
            .iter()
            .map(|n| n.value().id().unwrap())
            .collect::<Vec<_>>(),
        ["fn:1", "fn:2"]
    );
    let back = |li: &scraper::ElementRef| -> Vec<String> {
        li.select(&scraper::Selector::parse("a.fnback").unwrap())
            .map(|a| a.value().attr("href").unwrap().to_owned())
            .collect()
    };
    assert_eq!(back(&notes[0]), ["#fnref:1", "#fnref:1:2"]);
    assert_eq!(back(&notes[1]), ["#fnref:2"]);
    // Every link target exists exactly once.
    for a in select(&html, "a[href^='#']") {
        let id = &a.value().attr("href").unwrap()[1..];
        let found = select(&html, "[id]")
            .iter()
            .filter(|e| e.value().id() == Some(id))
            .count();
        assert_eq!(found, 1, "target #{id}");
    }
}

#[test]
fn marking_is_shown_at_top_and_bottom() {
    let (_, html) = page(&kitchen_sink());
    let markings = select(&html, ".marking");
    assert_eq!(markings.len(), 2);
    assert_eq!(
        text_of(&html, "body > header .marking"),
        "OFFICIAL-SENSITIVE · DRAFT"
    );
    assert_eq!(
        text_of(&html, "body > footer .marking"),
        "OFFICIAL-SENSITIVE · DRAFT"
    );
}

#[test]
fn every_word_is_there_in_order() {
    let (_, html) = page(&kitchen_sink());
    let body = collapse(&select(&html, "main")[0].text().collect::<String>());
    let words = [
        "Alpha",
        "bravo",
        "charlie",
        "delta",
        "echo",
        "foxtrot",
        "golf",
        "Background",
        "Hotel",
        "india",
        "juliet",
        "again",
        "Detail",
        "kilo",
        "lima",
        "mike",
        "november",
        "oscar",
        "papa",
        "Warning",
        "quebec",
        "romeo",
        "Sierra",
        "Tango",
        "Uniform",
        "Victor",
        "whiskey",
        "xray",
        "yankee",
        "Zulu chart",
        "Figure caption",
        "last",
        "word",
        "pixel",
        "First note.",
        "Second note.",
    ];
    let mut at = 0;
    for w in words {
        let found = body[at..]
            .find(w)
            .unwrap_or_else(|| panic!("{w:?} missing or out of order in {body}"));
        at += found + w.len();
    }
}

#[test]
fn theme_reaches_the_stylesheet() {
    let (text, _) = page(&kitchen_sink());
    assert!(
        text.contains("--font-body: \"Noto Serif\", Georgia"),
        "body font stack"
    );
    assert!(
        text.contains("--font-code: \"JetBrains Mono\", ui-monospace"),
        "code font stack"
    );
    assert!(text.contains("--color-accent: #1f4e79;"));
    assert!(text.contains("--size-title: 2.286rem;"));
    assert!(text.contains("max-width: 68ch"));
    assert!(text.contains("@media screen and (prefers-color-scheme: dark)"));
    assert!(text.contains(
        "@page { size: 595.276pt 841.89pt; margin: 68.031pt 62.362pt 68.031pt 62.362pt; }"
    ));
    assert!(text.contains("a.external::after { content: \" (\" attr(href) \")\""));
}

#[test]
fn deep_headings_clamp_to_h6() {
    let mut doc = kitchen_sink();
    doc.blocks = (1..=6)
        .map(|l| heading(l.into(), l, &format!("l{l}"), "H"))
        .collect();
    let (_, html) = page(&doc);
    let names: Vec<_> = select(&html, "main [id^=l]")
        .iter()
        .map(|h| h.value().name().to_owned())
        .collect();
    assert_eq!(names, ["h2", "h3", "h4", "h5", "h6", "h6"]);
}
