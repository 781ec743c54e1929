//! The elements the structural pass writes itself.

use crate::edits::RunContent;
use crate::notes::NoteKind;
use crate::xml::Xml;

/// `w:lang` giving all three scripts the tag, as the document default does, so Latin, East
/// Asian and complex-script text alike take the span's language.
pub(super) fn lang(out: &mut Xml, tag: &str) {
    out.empty(
        "w:lang",
        &[("w:val", tag), ("w:eastAsia", tag), ("w:bidi", tag)],
    );
}

/// The content docx-rs cannot put in a run.
pub(super) fn content(out: &mut Xml, content: RunContent, notes: NoteKind) {
    let field = |out: &mut Xml, kind: &str| {
        out.empty("w:fldChar", &[("w:fldCharType", kind)]);
    };
    match content {
        RunContent::NoteMark => {
            out.empty(&format!("w:{}Ref", notes.element()), &[]);
        }
        RunContent::FieldBegin => {
            out.empty(
                "w:fldChar",
                &[("w:fldCharType", "begin"), ("w:dirty", "true")],
            );
        }
        RunContent::FieldCode(code) => {
            out.open("w:instrText", &[("xml:space", "preserve")])
                .text(code)
                .close("w:instrText");
        }
        RunContent::FieldSeparate => field(out, "separate"),
        RunContent::FieldEnd => field(out, "end"),
    }
}

/// A picture's drawing properties: ids must be unique (docx-rs gives every picture 1), and
/// the description carries the alt text.
pub(super) fn picture(out: &mut Xml, number: usize, alt: &str) {
    let id = number.to_string();
    let name = format!("Picture {number}");
    out.empty("wp:docPr", &[("id", &id), ("name", &name), ("descr", alt)]);
}

/// Word's separator notes (ids -1 and 0, as Word writes them), first in a notes part.
pub(super) fn separators(out: &mut Xml, notes: NoteKind) {
    let note = format!("w:{}", notes.element());
    for (kind, id, mark) in [
        ("separator", "-1", "w:separator"),
        ("continuationSeparator", "0", "w:continuationSeparator"),
    ] {
        out.open(&note, &[("w:type", kind), ("w:id", id)])
            .open("w:p", &[])
            .open("w:pPr", &[])
            .empty(
                "w:spacing",
                &[("w:after", "0"), ("w:line", "240"), ("w:lineRule", "auto")],
            )
            .close("w:pPr")
            .open("w:r", &[])
            .empty(mark, &[])
            .close("w:r")
            .close("w:p")
            .close(&note);
    }
}
