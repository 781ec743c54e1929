//! Lists: numbering definitions and one `w:num` per list, so numbering restarts where the
//! source restarts it.
//!
//! Numbering id 1 is docx-rs's own built-in definition, always written; ours start at 2.

use briefing_model::{Block, BlockKind, ListItem};
use docx_rs::{
    AbstractNumbering, IndentLevel, Level, LevelJc, LevelOverride, LevelText, NumberFormat,
    Numbering, NumberingId, Run, SpecialIndentType, Start,
};

use super::inline::{Fmt, Piece, fill};
use super::{Converter, Ctx, Out};
use crate::styles::{LIST_INDENT, id};

/// The abstract definition of bulleted lists.
const BULLET_ABSTRACT: usize = 2;
/// The abstract definition of numbered lists.
const NUMBER_ABSTRACT: usize = 3;
/// Word's nine list levels.
const LEVELS: usize = 9;

/// The list instances of a document.
#[derive(Debug, Default)]
pub(crate) struct Lists {
    /// `w:num` elements, in id order from 2.
    pub(crate) nums: Vec<Numbering>,
}

impl Lists {
    /// A new list instance; numbered lists restart at `start` on `level`.
    fn add(&mut self, start: Option<u64>, level: usize) -> usize {
        let id = self.nums.len() + 2;
        let num = match start {
            None => Numbering::new(id, BULLET_ABSTRACT),
            Some(s) => Numbering::new(id, NUMBER_ABSTRACT).add_override(
                LevelOverride::new(level).start(usize::try_from(s).unwrap_or(usize::MAX)),
            ),
        };
        self.nums.push(num);
        id
    }
}

/// The two abstract numbering definitions, each with nine levels.
pub(crate) fn numbering_definitions() -> [AbstractNumbering; 2] {
    let mut bullets = AbstractNumbering::new(BULLET_ABSTRACT);
    let mut numbers = AbstractNumbering::new(NUMBER_ABSTRACT);
    for level in 0..LEVELS {
        let left = Some(LIST_INDENT * (level as i32 + 2));
        let hang = Some(SpecialIndentType::Hanging(LIST_INDENT));
        let glyph = ["•", "◦", "▪"][level % 3];
        bullets = bullets.add_level(
            Level::new(
                level,
                Start::new(1),
                NumberFormat::new("bullet"),
                LevelText::new(glyph),
                LevelJc::new("left"),
            )
            .indent(left, hang, None, None),
        );
        numbers = numbers.add_level(
            Level::new(
                level,
                Start::new(1),
                // Decimal at every level, so a nested list shows the numbers its source wrote.
                NumberFormat::new("decimal"),
                LevelText::new(format!("%{}.", level + 1)),
                LevelJc::new("left"),
            )
            .indent(left, hang, None, None),
        );
    }
    [bullets, numbers]
}

impl Converter<'_> {
    /// Converts a list: each item's first paragraph carries the number or bullet.
    pub(crate) fn list(
        &mut self,
        start: Option<u64>,
        items: &[ListItem],
        ctx: &Ctx,
        out: &mut Vec<Out>,
    ) {
        let level = ctx.depth.min(LEVELS - 1);
        let num = self.lists.add(start, level);
        let style = if start.is_some() {
            id::LIST_NUMBER
        } else {
            id::LIST_BULLET
        };
        let inner = Ctx {
            style: id::LIST_CONTINUE,
            depth: ctx.depth + 1,
        };
        for item in items {
            let mut pieces = Vec::new();
            if let Some(done) = item.task {
                pieces.push(Piece::Run(Run::new().add_text(if done {
                    "☑ "
                } else {
                    "☐ "
                })));
            }
            let rest = match item.blocks.split_first() {
                Some((
                    Block {
                        kind: BlockKind::Paragraph { content },
                        line,
                    },
                    rest,
                )) => {
                    pieces.extend(self.inlines(content, Fmt::default(), *line));
                    rest
                }
                _ => &item.blocks[..],
            };
            let p = self
                .para(style)
                .numbering(NumberingId::new(num), IndentLevel::new(level));
            out.push(Out::Para(fill(p, pieces)));
            for b in rest {
                self.block(b, &inner, out);
            }
        }
    }
}
