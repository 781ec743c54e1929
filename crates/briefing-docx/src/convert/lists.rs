//! Lists: each item's first paragraph carries the number or bullet of its list instance.

use briefing_model::{Block, BlockKind, ListItem};
use docx_rs::Run;

use super::converter::{Converter, Ctx, Out};
use super::inline::Fmt;
use super::numbering::LEVELS;
use super::para::Piece;
use crate::styles::id;

impl Converter<'_> {
    /// Converts a list: each item's first paragraph carries the number or bullet.
    pub(super) fn list(
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
            let p = self.para(style).numbering(num, level).pieces(pieces);
            out.push(Out::Para(p));
            for b in rest {
                self.block(b, &inner, out);
            }
        }
    }
}
