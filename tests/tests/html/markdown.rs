//! A Markdown briefing with every construct, parsed by the model and rendered: what a user
//! of the CLI gets. Written to `$TMPDIR/briefing-html/markdown.html` for the checkers.

use super::common::*;

const SOURCE: &str = r#"---
title: "Trade & Security <Update>"
subtitle: Week 33
author: [Ada Lovelace, Grace Hopper]
organization: Policy Unit
date: 2025-08-15
summary: What changed this week.
classification: OFFICIAL
status: DRAFT
toc: true
---

Opening paragraph with *emphasis*, **strong**, ~~struck~~, `code` and a [link](https://example.org/?a=1&b=2).[^one]

## Background

> Quoted words.

> [!WARNING]
> Careful words.

1. First
2. Second
   - nested

- [x] done item
- [ ] open item

| Left | Centre | Right |
|:-----|:------:|------:|
| a    | b      | 1.25  |

![Bar chart of trade](chart.png "Trade by quarter")

```rust
fn main() { println!("<hi>"); }
```

---

A [bad link](javascript:alert(1)) and a second note.[^two]

[^one]: The first note.
[^two]: The second note.
"#;

#[test]
fn markdown_briefing_renders_cleanly() {
    let dir = std::env::temp_dir().join(format!("briefing-html-md-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let png: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\x9cc\xf8\x0f\x04\0\x09\xfb\x03\xfd\xe3U\xf2\x9c\0\0\0\0IEND\xaeB`\x82";
    std::fs::write(dir.join("chart.png"), png).unwrap();
    std::fs::write(dir.join("brief.md"), SOURCE).unwrap();
    let doc = briefing_model::parse_file(&dir.join("brief.md"), None)
        .expect("parses")
        .value;
    let options = briefing_html::Options {
        assets: briefing_model::Assets::in_folder(dir.clone()),
        ..Default::default()
    };
    let out = briefing_html::render(&doc, &theme(), &options).expect("renders");
    // The only warning is the script link.
    let messages: Vec<_> = out.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(messages[0].contains("javascript"), "{messages:?}");
    let out_dir = std::env::temp_dir().join("briefing-html");
    std::fs::create_dir_all(&out_dir).unwrap();
    std::fs::write(out_dir.join("markdown.html"), &out.value).unwrap();

    let (_, html) = page_with(&doc, &options);
    assert_eq!(text_of(&html, "h1"), "Trade & Security <Update>");
    assert_eq!(
        select(&html, "figure > img[src^='data:image/png;base64,']").len(),
        1
    );
    // Which text becomes the caption is the parser's choice; the figure must have one.
    assert!(!text_of(&html, "figure figcaption").is_empty());
    assert_eq!(select(&html, "sup.fnref a").len(), 2);
    assert_eq!(select(&html, "section.footnotes li a.fnback").len(), 2);
    assert_eq!(select(&html, "aside.callout").len(), 1);
    assert_eq!(select(&html, ".task-box").len(), 2);
    assert_eq!(select(&html, "th[scope=col]").len(), 3);
    assert_eq!(select(&html, "nav.toc a").len(), 1);
    assert!(select(&html, "a[href^='javascript']").is_empty());
    std::fs::remove_dir_all(dir).ok();
}
