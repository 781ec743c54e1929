//! Readers of PDF bytes for the tests: a loaded file with helpers to follow its
//! references, its pages' text, outline, links and structure tree.

use lopdf::{Dictionary, Object, ObjectId};

/// Text of every page, in order, as lopdf extracts it.
pub fn page_texts(pdf: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(pdf).expect("lopdf opens the PDF");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    pages
        .iter()
        .map(|p| doc.extract_text(&[*p]).expect("page text"))
        .collect()
}

/// A PDF text string decoded (literal ASCII or UTF-16BE with a BOM).
pub fn decode(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(rest) => {
            let units: Vec<u16> = rest
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16(&units).expect("UTF-16")
        }
        None => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// The numbers of the array under `key` in `d` (a rectangle, a border).
pub fn numbers(d: &Dictionary, key: &[u8]) -> Vec<f32> {
    d.get(key)
        .expect("key present")
        .as_array()
        .expect("an array")
        .iter()
        .map(|o| o.as_float().expect("a number"))
        .collect()
}

/// A structure element's kids: `/K` is an array, or a single kid written bare.
pub fn kids(d: &Dictionary) -> Vec<Object> {
    match d.get(b"K").expect("/K") {
        Object::Array(a) => a.clone(),
        other => vec![other.clone()],
    }
}

/// A loaded PDF with helpers to follow references.
pub struct Pdf {
    /// The file as lopdf reads it.
    pub lo: lopdf::Document,
    /// The page objects in page order.
    pub pages: Vec<ObjectId>,
}

impl Pdf {
    /// Loads `bytes`.
    pub fn new(bytes: &[u8]) -> Pdf {
        let lo = lopdf::Document::load_mem(bytes).expect("lopdf opens the PDF");
        let pages = lo.get_pages().values().copied().collect();
        Pdf { lo, pages }
    }

    /// `o`, or the object it refers to.
    pub fn deref<'a>(&'a self, o: &'a Object) -> &'a Object {
        match o {
            Object::Reference(r) => self.lo.get_object(*r).expect("referenced object"),
            o => o,
        }
    }

    /// The dictionary under `key` in `d`, following a reference.
    pub fn dict<'a>(&'a self, d: &'a Dictionary, key: &[u8]) -> &'a Dictionary {
        self.dict_of(d.get(key).expect("key present"))
    }

    /// `o` as a dictionary, following a reference.
    pub fn dict_of<'a>(&'a self, o: &'a Object) -> &'a Dictionary {
        self.deref(o).as_dict().expect("a dictionary")
    }

    /// The document catalog.
    pub fn catalog(&self) -> &Dictionary {
        self.lo.catalog().expect("a catalog")
    }

    /// The Info dictionary.
    pub fn info(&self) -> &Dictionary {
        self.dict_of(self.lo.trailer.get(b"Info").expect("/Info"))
    }

    /// The XMP packet as text.
    pub fn xmp(&self) -> String {
        let s = self
            .deref(self.catalog().get(b"Metadata").expect("/Metadata"))
            .as_stream()
            .expect("a stream");
        String::from_utf8(s.content.clone()).expect("UTF-8 XMP")
    }

    /// An element's structure type (`/S`).
    pub fn role(d: &Dictionary) -> String {
        String::from_utf8_lossy(d.get(b"S").expect("/S").as_name().expect("a name")).into_owned()
    }

    /// The structure elements in reading (depth-first) order, with their ids.
    pub fn elements(&self) -> Vec<(ObjectId, &Dictionary)> {
        let root = self.dict(self.catalog(), b"StructTreeRoot");
        let mut out = Vec::new();
        let first = root
            .get(b"K")
            .expect("/K")
            .as_reference()
            .expect("a reference");
        let mut stack = vec![first];
        while let Some(id) = stack.pop() {
            let d = self.lo.get_dictionary(id).expect("an element");
            out.push((id, d));
            for k in kids(d).iter().rev() {
                if let Object::Reference(r) = k {
                    stack.push(*r);
                }
            }
        }
        out
    }

    /// The structure element names in depth-first order.
    pub fn roles(&self) -> Vec<String> {
        self.elements().iter().map(|(_, d)| Pdf::role(d)).collect()
    }

    /// A `/Dest` array's page index and y.
    pub fn dest(&self, d: &Dictionary) -> (usize, f32) {
        let a = d.get(b"Dest").expect("/Dest").as_array().expect("an array");
        let page = a[0].as_reference().expect("a page");
        let index = self.pages.iter().position(|p| *p == page).expect("a page");
        (index, a[3].as_float().expect("a y"))
    }

    /// Every link annotation in page order: its page index, /Contents and dictionary.
    pub fn links(&self) -> Vec<(usize, String, &Dictionary)> {
        let mut out = Vec::new();
        for (p, id) in self.pages.iter().enumerate() {
            let page = self.lo.get_dictionary(*id).expect("a page");
            let Ok(annots) = page.get(b"Annots") else {
                continue;
            };
            for a in annots.as_array().expect("an array") {
                let d = self.dict_of(a);
                let contents = decode(
                    d.get(b"Contents")
                        .expect("/Contents")
                        .as_str()
                        .expect("a string"),
                );
                out.push((p, contents, d));
            }
        }
        out
    }

    /// The outline in order: title, page index, y.
    pub fn outline(&self) -> Vec<(String, usize, f32)> {
        fn walk(pdf: &Pdf, d: &Dictionary, out: &mut Vec<(String, usize, f32)>) {
            let mut next = d.get(b"First").ok().map(|f| pdf.dict_of(f));
            while let Some(item) = next {
                let title = decode(
                    item.get(b"Title")
                        .expect("/Title")
                        .as_str()
                        .expect("a string"),
                );
                let (page, y) = pdf.dest(item);
                out.push((title, page, y));
                walk(pdf, item, out);
                next = item.get(b"Next").ok().map(|n| pdf.dict_of(n));
            }
        }
        let mut out = Vec::new();
        if let Ok(o) = self.catalog().get(b"Outlines") {
            walk(self, self.dict_of(o), &mut out);
        }
        out
    }

    /// The text of page `p` (0-based), as lopdf extracts it.
    pub fn page_text(&self, p: usize) -> String {
        self.lo.extract_text(&[p as u32 + 1]).expect("page text")
    }
}
