//! The document outline (bookmarks), nested by heading level.

use lopdf::{Dictionary, Object, ObjectId};

use super::file::text;
use crate::layout::Bookmark;

/// Builds the nested outline; returns the `/Outlines` dictionary's id.
pub(super) fn write_outline(
    lo: &mut lopdf::Document,
    outline: &[Bookmark],
    pages: &[ObjectId],
) -> ObjectId {
    /// A bookmark with its children.
    struct Node<'a> {
        mark: &'a Bookmark,
        children: Vec<Node<'a>>,
    }
    fn insert<'a>(nodes: &mut Vec<Node<'a>>, mark: &'a Bookmark) {
        match nodes.last_mut() {
            Some(last) if last.mark.level < mark.level => insert(&mut last.children, mark),
            _ => nodes.push(Node {
                mark,
                children: Vec::new(),
            }),
        }
    }
    fn add(
        lo: &mut lopdf::Document,
        parent: ObjectId,
        nodes: &[Node<'_>],
        pages: &[ObjectId],
    ) -> (ObjectId, ObjectId, i64) {
        let ids: Vec<ObjectId> = nodes.iter().map(|_| lo.new_object_id()).collect();
        let mut count = 0;
        for (i, n) in nodes.iter().enumerate() {
            let mut d = Dictionary::new();
            d.set("Title", text(&n.mark.title));
            d.set("Parent", Object::Reference(parent));
            let page = pages[n.mark.page.min(pages.len() - 1)];
            let dest = vec![
                Object::Reference(page),
                "XYZ".into(),
                Object::Null,
                Object::Real(n.mark.y.0),
                Object::Null,
            ];
            d.set("Dest", Object::Array(dest));
            if i > 0 {
                d.set("Prev", Object::Reference(ids[i - 1]));
            }
            if i + 1 < ids.len() {
                d.set("Next", Object::Reference(ids[i + 1]));
            }
            count += 1;
            if !n.children.is_empty() {
                let (first, last, c) = add(lo, ids[i], &n.children, pages);
                d.set("First", Object::Reference(first));
                d.set("Last", Object::Reference(last));
                d.set("Count", Object::Integer(c));
                count += c;
            }
            lo.objects.insert(ids[i], Object::Dictionary(d));
        }
        (ids[0], ids[ids.len() - 1], count)
    }
    let mut roots = Vec::new();
    for mark in outline {
        insert(&mut roots, mark);
    }
    let id = lo.new_object_id();
    let (first, last, count) = add(lo, id, &roots, pages);
    let mut d = Dictionary::new();
    d.set("Type", Object::Name(b"Outlines".to_vec()));
    d.set("First", Object::Reference(first));
    d.set("Last", Object::Reference(last));
    d.set("Count", Object::Integer(count));
    lo.objects.insert(id, Object::Dictionary(d));
    id
}
