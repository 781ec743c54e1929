//! The structure tree of a tagged PDF: elements in reading order, their marked
//! content, the ParentTree that maps content back to elements, and link annotations
//! that belong to their `Link` elements.

use lopdf::{Dictionary, Object, ObjectId};

use super::file::text;
use super::marks::PageTags;
use crate::layout::{NodeId, Role, Structure, Target};

/// A child of a structure element.
#[derive(Debug, Clone, Copy)]
enum Kid {
    /// Another element.
    Node(NodeId),
    /// Marked content: page index and MCID.
    Content(usize, usize),
    /// An annotation on a page (index).
    Annot(usize, ObjectId),
}

/// The elements' children in reading order. An element takes its place in its parent
/// when its first content is drawn, after any earlier-made siblings that have not yet
/// appeared (empty cells keep their column); elements never drawn come last.
struct Order {
    parent: Vec<Option<NodeId>>,
    children: Vec<Vec<NodeId>>,
    /// Each node's position among its parent's children.
    position: Vec<usize>,
    /// For each node, how many of its children (in creation order) are all placed.
    cursor: Vec<usize>,
    placed: Vec<bool>,
    kids: Vec<Vec<Kid>>,
}

impl Order {
    fn new(structure: &Structure) -> Order {
        let n = structure.nodes.len();
        let mut children = vec![Vec::new(); n];
        let mut position = vec![0; n];
        let parent: Vec<Option<NodeId>> = structure.nodes.iter().map(|n| n.parent).collect();
        for (id, p) in parent.iter().enumerate() {
            if let Some(p) = p {
                position[id] = children[*p].len();
                children[*p].push(id);
            }
        }
        let mut placed = vec![false; n];
        placed[0] = true;
        Order {
            parent,
            children,
            position,
            cursor: vec![0; n],
            placed,
            kids: vec![Vec::new(); n],
        }
    }

    fn place(&mut self, node: NodeId) {
        if self.placed[node] {
            return;
        }
        let Some(parent) = self.parent[node] else {
            return;
        };
        self.place(parent);
        // Children before the cursor are placed already, so each is looked at once.
        let at = self.position[node];
        for k in self.cursor[parent]..at {
            let s = self.children[parent][k];
            if !self.placed[s] {
                self.placed[s] = true;
                self.kids[parent].push(Kid::Node(s));
            }
        }
        self.placed[node] = true;
        self.kids[parent].push(Kid::Node(node));
        if self.cursor[parent] <= at {
            self.cursor[parent] = at + 1;
        }
    }
}

/// Writes the structure tree and the link annotations; returns the StructTreeRoot's id
/// and each page's annotations, for its `/Annots`.
pub(super) fn write_structure(
    lo: &mut lopdf::Document,
    structure: &Structure,
    tags: &[PageTags],
    pages: &[ObjectId],
) -> (ObjectId, Vec<Vec<Object>>) {
    let mut order = Order::new(structure);
    // Annotations go after the page's content in the ParentTree's keys.
    let mut annots: Vec<(ObjectId, NodeId)> = Vec::new();
    let mut next_key = pages.len() as i64;
    let mut page_annots = Vec::with_capacity(tags.len());
    for (p, page_tags) in tags.iter().enumerate() {
        for (mcid, node) in page_tags.mcids.iter().enumerate() {
            order.place(*node);
            order.kids[*node].push(Kid::Content(p, mcid));
        }
        let mut refs = Vec::new();
        for (rect, target, node) in &page_tags.links {
            let [x, y, w, h] = *rect;
            let mut a = Dictionary::new();
            match target {
                Target::Url(url) => {
                    let mut action = Dictionary::new();
                    action.set("S", Object::Name(b"URI".to_vec()));
                    action.set("URI", Object::string_literal(url.as_bytes().to_vec()));
                    a.set("A", Object::Dictionary(action));
                }
                Target::Dest { page, y } => {
                    let dest = vec![
                        Object::Reference(pages[(*page).min(pages.len() - 1)]),
                        "XYZ".into(),
                        Object::Null,
                        Object::Real(y.0),
                        Object::Null,
                    ];
                    a.set("Dest", Object::Array(dest));
                }
                // Layout resolves every anchor, and the page writer skips any left.
                Target::Anchor(_) => continue,
            }
            // What assistive technology reads out: where the link goes.
            let contents = match (&structure.nodes[*node].alt, target) {
                (Some(alt), _) => alt.as_str(),
                (None, Target::Url(url)) => url.as_str(),
                (None, _) => "Link",
            };
            let id = lo.new_object_id();
            a.set("Type", Object::Name(b"Annot".to_vec()));
            a.set("Subtype", Object::Name(b"Link".to_vec()));
            a.set(
                "Rect",
                Object::Array(vec![x.into(), y.into(), (x + w).into(), (y + h).into()]),
            );
            a.set("Border", Object::Array(vec![0.into(), 0.into(), 0.into()]));
            // Printable (PDF/A); the description assistive technology reads out.
            a.set("F", Object::Integer(4));
            a.set("Contents", text(contents));
            a.set("P", Object::Reference(pages[p]));
            a.set("StructParent", Object::Integer(next_key));
            next_key += 1;
            lo.objects.insert(id, Object::Dictionary(a));
            order.place(*node);
            order.kids[*node].push(Kid::Annot(p, id));
            annots.push((id, *node));
            refs.push(Object::Reference(id));
        }
        page_annots.push(refs);
    }
    for node in 1..structure.nodes.len() {
        order.place(node);
    }
    let root_id = lo.new_object_id();
    let ids: Vec<ObjectId> = structure.nodes.iter().map(|_| lo.new_object_id()).collect();
    for (n, node) in structure.nodes.iter().enumerate() {
        let mut d = Dictionary::new();
        d.set("Type", Object::Name(b"StructElem".to_vec()));
        d.set("S", Object::Name(node.role.name().as_bytes().to_vec()));
        let parent = node.parent.map_or(root_id, |p| ids[p]);
        d.set("P", Object::Reference(parent));
        let first_page = order.kids[n].iter().find_map(|k| match k {
            Kid::Content(p, _) | Kid::Annot(p, _) => Some(*p),
            Kid::Node(_) => None,
        });
        if let Some(p) = first_page {
            d.set("Pg", Object::Reference(pages[p]));
        }
        let kids: Vec<Object> = order.kids[n]
            .iter()
            .map(|k| match *k {
                Kid::Node(c) => Object::Reference(ids[c]),
                Kid::Content(p, mcid) if Some(p) == first_page => Object::Integer(mcid as i64),
                Kid::Content(p, mcid) => {
                    let mut mcr = Dictionary::new();
                    mcr.set("Type", Object::Name(b"MCR".to_vec()));
                    mcr.set("Pg", Object::Reference(pages[p]));
                    mcr.set("MCID", Object::Integer(mcid as i64));
                    Object::Dictionary(mcr)
                }
                Kid::Annot(p, id) => {
                    let mut objr = Dictionary::new();
                    objr.set("Type", Object::Name(b"OBJR".to_vec()));
                    objr.set("Pg", Object::Reference(pages[p]));
                    objr.set("Obj", Object::Reference(id));
                    Object::Dictionary(objr)
                }
            })
            .collect();
        // A single kid is written bare: shorter, and some checkers only follow that form.
        let k = if kids.len() == 1 {
            kids.into_iter().next().expect("one kid")
        } else {
            Object::Array(kids)
        };
        d.set("K", k);
        if let Some(lang) = &node.lang {
            // ISO 32000-1 14.9.2: the language of the element's content and its children.
            d.set("Lang", text(lang));
        }
        match node.role {
            Role::Figure => {
                d.set("Alt", text(node.alt.as_deref().unwrap_or("")));
            }
            Role::Note => {
                let id = node.alt.clone().unwrap_or_else(|| format!("note-{n}"));
                d.set("ID", Object::string_literal(id.into_bytes()));
            }
            Role::TH => {
                let mut a = Dictionary::new();
                a.set("O", Object::Name(b"Table".to_vec()));
                a.set("Scope", Object::Name(b"Column".to_vec()));
                d.set("A", Object::Dictionary(a));
            }
            _ => {}
        }
        lo.objects.insert(ids[n], Object::Dictionary(d));
    }
    // The ParentTree: each page's MCIDs to their elements, each annotation to its link.
    let mut nums = Vec::new();
    for (p, page_tags) in tags.iter().enumerate() {
        nums.push(Object::Integer(p as i64));
        let elems = page_tags
            .mcids
            .iter()
            .map(|n| Object::Reference(ids[*n]))
            .collect();
        nums.push(Object::Array(elems));
    }
    for (k, (_, node)) in annots.iter().enumerate() {
        nums.push(Object::Integer(pages.len() as i64 + k as i64));
        nums.push(Object::Reference(ids[*node]));
    }
    let mut tree = Dictionary::new();
    tree.set("Nums", Object::Array(nums));
    let tree_id = lo.add_object(Object::Dictionary(tree));
    let mut root = Dictionary::new();
    root.set("Type", Object::Name(b"StructTreeRoot".to_vec()));
    root.set("K", Object::Reference(ids[0]));
    root.set("ParentTree", Object::Reference(tree_id));
    root.set("ParentTreeNextKey", Object::Integer(next_key));
    lo.objects.insert(root_id, Object::Dictionary(root));
    (root_id, page_annots)
}
