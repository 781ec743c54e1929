//! The package: the parts docx-rs wrote, finished structurally; the relationships and content
//! types; and a deterministic ZIP.
//!
//! Every part that carries ids or metadata is ours (relationships, content types, properties,
//! styles, settings), so nothing depends on `HashMap` order or process-wide counters.

mod finish;
mod rels;
mod zip;

use crate::error::Error;
use crate::parts::Parts;
use finish::{Finished, Job};
use zip::Entry;

/// The bytes of the `.docx` holding `parts`.
pub(crate) fn write(parts: &Parts) -> Result<Vec<u8>, Error> {
    let job = Job {
        edits: &parts.edits,
        notes: parts.note_kind,
        table_properties: None,
        section: None,
        separators: false,
    };
    let finish = |part: &'static str, xml: &[u8], job: &Job<'_>| {
        finish::finish(xml, job).map_err(|reason| Error::Part { part, reason })
    };
    let document = finish(
        "word/document.xml",
        &parts.document,
        &Job {
            table_properties: Some(&parts.table_properties),
            section: Some(&parts.section),
            ..job
        },
    )?;
    let notes = parts
        .notes
        .as_deref()
        .map(|n| {
            let job = Job {
                separators: true,
                ..job
            };
            finish(parts.note_kind.path(), n, &job)
        })
        .transpose()?;
    let header = parts
        .header
        .as_deref()
        .map(|h| finish("word/header1.xml", h, &job))
        .transpose()?;
    let footer = parts
        .footer
        .as_deref()
        .map(|f| finish("word/footer1.xml", f, &job))
        .transpose()?;
    check_edits(
        parts,
        [
            Some(&document),
            notes.as_ref(),
            header.as_ref(),
            footer.as_ref(),
        ],
    )?;

    let content_types = rels::content_types(parts);
    let package_rels = rels::package(parts);
    let document_rels = rels::document(parts);
    let note_rels = (notes.is_some() && !parts.note_links.is_empty())
        .then(|| rels::rels(&[], &parts.note_links));
    let note_rels_name = format!("word/_rels/{}.rels", parts.note_kind.part());
    let media_names: Vec<String> = parts
        .media
        .iter()
        .map(|m| format!("word/media/{}.{}", m.rid, m.picture.ext))
        .collect();

    let mut entries = Vec::with_capacity(16 + parts.media.len());
    entries.push(Entry::xml("[Content_Types].xml", &content_types));
    entries.push(Entry::xml("_rels/.rels", &package_rels));
    entries.push(Entry::xml("docProps/core.xml", parts.core.as_bytes()));
    entries.push(Entry::xml(
        "docProps/app.xml",
        crate::props::app_xml().as_bytes(),
    ));
    if let Some(custom) = &parts.custom {
        entries.push(Entry::xml("docProps/custom.xml", custom.as_bytes()));
    }
    entries.push(Entry::xml("word/document.xml", &document.xml));
    entries.push(Entry::xml("word/_rels/document.xml.rels", &document_rels));
    entries.push(Entry::xml("word/styles.xml", parts.styles.as_bytes()));
    entries.push(Entry::xml("word/settings.xml", parts.settings.as_bytes()));
    if let Some(numbering) = &parts.numbering {
        entries.push(Entry::xml("word/numbering.xml", numbering.as_bytes()));
    }
    if let Some(notes) = &notes {
        entries.push(Entry::xml(parts.note_kind.path(), &notes.xml));
        if let Some(rels) = &note_rels {
            entries.push(Entry::xml(&note_rels_name, rels));
        }
    }
    if let Some(header) = &header {
        entries.push(Entry::xml("word/header1.xml", &header.xml));
    }
    if let Some(footer) = &footer {
        entries.push(Entry::xml("word/footer1.xml", &footer.xml));
    }
    for (m, name) in parts.media.iter().zip(&media_names) {
        entries.push(Entry {
            name,
            data: &m.picture.bytes,
            compress: false,
        });
    }
    Ok(zip::zip(&entries)?)
}

/// Fails unless every paragraph with edits was found in a part: when docx-rs writes
/// something other than what was built, the edits must not go astray silently.
fn check_edits<const N: usize>(
    parts: &Parts,
    finished: [Option<&Finished>; N],
) -> Result<(), Error> {
    let edited: usize = finished.into_iter().flatten().map(|f| f.edited).sum();
    let built = parts.edits.paragraphs.len();
    if edited == built {
        return Ok(());
    }
    Err(Error::Part {
        part: "word/document.xml",
        reason: format!("{built} paragraphs with edits were built and {edited} were written"),
    })
}
