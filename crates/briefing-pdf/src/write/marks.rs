//! Marked content: which element each part of a page's content belongs to, as the
//! content stream is written, and the page's links for the structure tree.

use super::content::Content;
use crate::layout::{NodeId, Structure, Tag, Target};

/// What a page's content stream says about structure: the element of each marked-content
/// id (MCID), and the page's links, which become annotations in the post-processing.
#[derive(Debug, Default)]
pub(crate) struct PageTags {
    /// The element each MCID belongs to, indexed by MCID.
    pub(crate) mcids: Vec<NodeId>,
    /// The links: rectangle (x, y, w, h), target (a URL or a place, never an anchor)
    /// and the link element.
    pub(crate) links: Vec<([f32; 4], Target, NodeId)>,
}

/// The marked-content sequence a page is in while its operators are written. A
/// sequence opened inside a text object (`inner`) is closed before the object ends;
/// one opened outside may span several text objects, as the lines of a heading do,
/// so that an element drawn on consecutive lines has one MCID.
pub(super) struct Marks<'a> {
    /// The open sequence's tag and whether it was opened inside a text object.
    pub(super) open: Option<(Tag, bool)>,
    /// What has been marked so far.
    pub(super) tags: PageTags,
    /// The elements, for the role each sequence is marked with.
    structure: &'a Structure,
}

/// A tag as written: content still untagged counts as the document's.
pub(super) fn norm(tag: Tag) -> Tag {
    match tag {
        Tag::Open(_) => Tag::Node(0),
        t => t,
    }
}

impl<'a> Marks<'a> {
    /// No sequence open yet, nothing marked.
    pub(super) fn new(structure: &'a Structure) -> Marks<'a> {
        Marks {
            open: None,
            tags: PageTags::default(),
            structure,
        }
    }

    /// Closes the open sequence, if any.
    pub(super) fn close(&mut self, out: &mut Content) {
        if self.open.take().is_some() {
            out.raw(b"EMC\n");
        }
    }

    /// Closes the open sequence if it was opened inside the text object now ending.
    pub(super) fn close_inner(&mut self, out: &mut Content) {
        if matches!(self.open, Some((_, true))) {
            self.close(out);
        }
    }

    /// Makes `tag` the open sequence, opened inside a text object or not.
    pub(super) fn enter(&mut self, out: &mut Content, tag: Tag, inner: bool) {
        let tag = norm(tag);
        if self.open == Some((tag, inner)) {
            return;
        }
        self.close(out);
        match tag {
            Tag::Node(node) => {
                out.raw(b"/");
                out.raw(self.structure.nodes[node].role.name().as_bytes());
                out.raw(b" <</MCID ");
                out.integer(self.tags.mcids.len() as u64);
                out.raw(b">> BDC\n");
                self.tags.mcids.push(node);
            }
            _ => out.raw(b"/Artifact BMC\n"),
        }
        self.open = Some((tag, inner));
    }
}
