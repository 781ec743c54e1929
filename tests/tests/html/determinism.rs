//! The same input gives the same bytes, on any thread, any number of times.

use super::common::*;

#[test]
fn same_bytes_every_time_and_on_every_thread() {
    let doc = kitchen_sink();
    let first = render_default(&doc).value;
    assert_eq!(first, render_default(&doc).value);
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let doc = doc.clone();
            std::thread::spawn(move || render_default(&doc).value)
        })
        .collect();
    for t in threads {
        assert_eq!(t.join().unwrap(), first);
    }
}

#[test]
fn a_broken_template_is_an_error_not_a_partial_page() {
    let mut theme = (*theme()).clone();
    theme.html.page = "<html>{{header}}{{body}}</html>".into();
    let err = briefing_html::render(&kitchen_sink(), &theme, &Default::default()).unwrap_err();
    assert!(err.to_string().contains("{{footnotes}}"), "{err}");
}
