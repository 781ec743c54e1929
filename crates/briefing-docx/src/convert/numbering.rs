//! Numbering: the list instances of a document and `numbering.xml`, with one `w:num` per
//! list, so numbering restarts where the source restarts it.
//!
//! Numbering ids start at 2 (docx-rs reserves 1 for a built-in definition). We write
//! `numbering.xml` ourselves: building it through docx-rs's types cost more than the rest of
//! the list handling, and its built-in definition is unused.

use std::fmt::Write as _;

/// The abstract definition of bulleted lists.
const BULLET_ABSTRACT: usize = 2;
/// The abstract definition of numbered lists.
const NUMBER_ABSTRACT: usize = 3;
/// Word's nine list levels.
pub(super) const LEVELS: usize = 9;

/// One list instance (`w:num`): numbered lists restart at their start on their level.
#[derive(Debug, Clone, Copy)]
pub(super) struct Num {
    abstract_id: usize,
    /// (level, start) of a numbered list.
    restart: Option<(usize, u64)>,
}

/// The list instances of a document.
#[derive(Debug, Default)]
pub(super) struct Lists {
    /// `w:num` elements, in id order from 2.
    pub(super) nums: Vec<Num>,
}

impl Lists {
    /// A new list instance; numbered lists restart at `start` on `level`.
    pub(super) fn add(&mut self, start: Option<u64>, level: usize) -> usize {
        let id = self.nums.len() + 2;
        self.nums.push(match start {
            None => Num {
                abstract_id: BULLET_ABSTRACT,
                restart: None,
            },
            Some(s) => Num {
                abstract_id: NUMBER_ABSTRACT,
                restart: Some((level, s)),
            },
        });
        id
    }
}

/// `word/numbering.xml`: the two abstract definitions (nine levels each), then `nums`.
/// Each level's text starts `indent` twips further in, its marker hanging in the indent.
pub(super) fn numbering_xml(nums: &[Num], indent: i32) -> String {
    let mut s = String::with_capacity(4096 + 128 * nums.len());
    s.push_str(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#
    ));
    for (id, bullets) in [(BULLET_ABSTRACT, true), (NUMBER_ABSTRACT, false)] {
        let _ = write!(s, r#"<w:abstractNum w:abstractNumId="{id}">"#);
        for level in 0..LEVELS {
            let (format, text) = if bullets {
                ("bullet", ["•", "◦", "▪"][level % 3].to_owned())
            } else {
                // Decimal at every level, so a nested list shows the numbers its source wrote.
                ("decimal", format!("%{}.", level + 1))
            };
            let _ = write!(
                s,
                concat!(
                    r#"<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{format}"/>"#,
                    r#"<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>"#,
                    r#"<w:pPr><w:ind w:left="{left}" w:hanging="{hang}"/></w:pPr></w:lvl>"#
                ),
                level = level,
                format = format,
                text = text,
                left = indent * (level as i32 + 1),
                hang = indent,
            );
        }
        s.push_str("</w:abstractNum>");
    }
    for (i, n) in nums.iter().enumerate() {
        let _ = write!(
            s,
            r#"<w:num w:numId="{}"><w:abstractNumId w:val="{}"/>"#,
            i + 2,
            n.abstract_id
        );
        if let Some((level, start)) = n.restart {
            let _ = write!(
                s,
                r#"<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/></w:lvlOverride>"#
            );
        }
        s.push_str("</w:num>");
    }
    s.push_str("</w:numbering>");
    s
}
