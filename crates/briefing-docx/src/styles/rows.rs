//! The style sheet as a table: one row per Word style, naming where each value comes
//! from in the theme; `super::StyleSheet` resolves the rows against a theme and writes them.

use super::id;
use super::row::{Font, Frame, Gap, Indent, Ink, Kind, Line, Row, Size, Tabs};

/// A paragraph style based on Normal, followed by Normal, with empty run properties.
const PARA: Row = Row {
    kind: Kind::Paragraph,
    id: "",
    name: "",
    based_on: Some(id::NORMAL),
    next: Some(id::NORMAL),
    keep_next: false,
    keep_lines: false,
    frame: None,
    tabs: None,
    before: None,
    after: None,
    line: None,
    indent: None,
    jc: None,
    outline: None,
    rpr: true,
    font: None,
    size: None,
    bold: false,
    italic: false,
    color: None,
    underline: false,
    superscript: false,
    shade: None,
};

/// A character style based on the default paragraph font.
const CHAR: Row = Row {
    kind: Kind::Character,
    based_on: Some(id::DEFAULT_PARAGRAPH_FONT),
    next: None,
    ..PARA
};

/// A heading of `level`.
const fn heading(level: u8, id: &'static str, name: &'static str) -> Row {
    Row {
        id,
        name,
        keep_next: true,
        keep_lines: true,
        before: Some(Gap::HeadingBefore(level)),
        after: Some(Gap::HeadingAfter(level)),
        line: Some(Line::Leading),
        jc: Some("left"),
        outline: Some(level - 1),
        font: Some(Font::Heading),
        size: Some(Size::Heading(level)),
        bold: true,
        italic: level >= 5,
        color: Some(Ink::Accent),
        ..PARA
    }
}

/// A contents entry of `level`.
const fn toc(level: u8, id: &'static str, name: &'static str) -> Row {
    Row {
        id,
        name,
        tabs: Some(Tabs::Leader),
        before: Some(if level == 1 {
            Gap::TocSpacing
        } else {
            Gap::Twips(0)
        }),
        after: Some(Gap::Twips(0)),
        line: Some(Line::Leading),
        indent: Some(Indent::Toc(level)),
        jc: Some("left"),
        ..PARA
    }
}

/// The running header or footer: the furniture family, small and muted, so running lines
/// stay apart from the text whatever fonts the body and headings use.
const fn running(id: &'static str, name: &'static str) -> Row {
    Row {
        id,
        name,
        tabs: Some(Tabs::Furniture),
        before: Some(Gap::Twips(0)),
        after: Some(Gap::Twips(0)),
        line: Some(Line::Auto(240)),
        jc: Some("center"),
        font: Some(Font::Furniture),
        color: Some(Ink::Muted),
        size: Some(Size::Small),
        ..PARA
    }
}

/// Footnote and endnote text.
const fn note(id: &'static str, name: &'static str) -> Row {
    Row {
        id,
        name,
        before: Some(Gap::Twips(0)),
        after: Some(Gap::NoteSpacing),
        line: Some(Line::Leading),
        jc: Some("left"),
        size: Some(Size::Small),
        ..PARA
    }
}

/// A note mark.
const fn note_ref(id: &'static str, name: &'static str) -> Row {
    Row {
        id,
        name,
        superscript: true,
        ..CHAR
    }
}

/// Every style, in the order `styles.xml` lists them.
pub(super) static ROWS: [Row; 39] = [
    Row {
        id: id::NORMAL,
        name: "Normal",
        based_on: None,
        next: None,
        before: Some(Gap::Paragraph),
        after: Some(Gap::Paragraph),
        line: Some(Line::Leading),
        jc: Some(""),
        font: Some(Font::Body),
        color: Some(Ink::Text),
        size: Some(Size::Body),
        ..PARA
    },
    Row {
        id: id::DEFAULT_PARAGRAPH_FONT,
        name: "Default Paragraph Font",
        based_on: None,
        rpr: false,
        ..CHAR
    },
    Row {
        kind: Kind::Table,
        id: id::TABLE_NORMAL,
        name: "Normal Table",
        ..PARA
    },
    Row {
        id: id::LOGO,
        name: "Logo",
        keep_next: true,
        frame: Some(Frame::Band),
        before: Some(Gap::Twips(0)),
        after: Some(Gap::Paragraph),
        line: Some(Line::Auto(240)),
        indent: Some(Indent::Band),
        jc: Some("left"),
        ..PARA
    },
    Row {
        id: id::TITLE,
        name: "Title",
        keep_next: true,
        frame: Some(Frame::Band),
        before: Some(Gap::Twips(0)),
        after: Some(Gap::Paragraph),
        line: Some(Line::Leading),
        indent: Some(Indent::Band),
        jc: Some("left"),
        font: Some(Font::Heading),
        bold: true,
        color: Some(Ink::Title),
        size: Some(Size::Title),
        ..PARA
    },
    Row {
        id: id::SUBTITLE,
        name: "Subtitle",
        keep_next: true,
        frame: Some(Frame::Band),
        before: Some(Gap::Twips(0)),
        after: Some(Gap::Paragraph),
        line: Some(Line::Leading),
        indent: Some(Indent::Band),
        jc: Some("left"),
        font: Some(Font::Heading),
        color: Some(Ink::Subtitle),
        size: Some(Size::Subtitle),
        ..PARA
    },
    Row {
        id: id::BYLINE,
        name: "Byline",
        frame: Some(Frame::Byline),
        before: Some(Gap::MastheadTwoParagraphs),
        after: Some(Gap::TwoParagraphs),
        line: Some(Line::Leading),
        jc: Some("left"),
        font: Some(Font::Heading),
        color: Some(Ink::Muted),
        size: Some(Size::Small),
        ..PARA
    },
    Row {
        id: id::ABSTRACT,
        name: "Abstract",
        italic: true,
        ..PARA
    },
    heading(1, "Heading1", "heading 1"),
    heading(2, "Heading2", "heading 2"),
    heading(3, "Heading3", "heading 3"),
    heading(4, "Heading4", "heading 4"),
    heading(5, "Heading5", "heading 5"),
    heading(6, "Heading6", "heading 6"),
    Row {
        id: id::QUOTE,
        name: "Quote",
        frame: Some(Frame::Quote),
        indent: Some(Indent::Quote),
        italic: true,
        color: Some(Ink::Muted),
        ..PARA
    },
    Row {
        id: id::INTENSE_QUOTE,
        name: "Intense Quote",
        frame: Some(Frame::Callout),
        indent: Some(Indent::Callout),
        ..PARA
    },
    Row {
        id: id::LIST_BULLET,
        name: "List Bullet",
        before: Some(Gap::ListSpacing),
        after: Some(Gap::ListSpacing),
        ..PARA
    },
    Row {
        id: id::LIST_NUMBER,
        name: "List Number",
        before: Some(Gap::ListSpacing),
        after: Some(Gap::ListSpacing),
        ..PARA
    },
    Row {
        id: id::LIST_CONTINUE,
        name: "List Continue",
        before: Some(Gap::Paragraph),
        after: Some(Gap::ListSpacing),
        ..PARA
    },
    Row {
        id: id::FIGURE,
        name: "Figure",
        keep_next: true,
        before: Some(Gap::FigureBefore),
        // The caption's style carries the space below; without one the next paragraph's
        // space above applies.
        after: Some(Gap::Twips(0)),
        line: Some(Line::Auto(240)),
        jc: Some("center"),
        ..PARA
    },
    Row {
        id: id::CAPTION,
        name: "caption",
        before: Some(Gap::Caption),
        after: Some(Gap::FigureAfter),
        line: Some(Line::Leading),
        jc: Some("center"),
        italic: true,
        color: Some(Ink::Muted),
        size: Some(Size::Small),
        ..PARA
    },
    note(id::FOOTNOTE_TEXT, "footnote text"),
    note(id::ENDNOTE_TEXT, "endnote text"),
    Row {
        id: id::CODE,
        name: "Source Code",
        frame: Some(Frame::Code),
        line: Some(Line::Code),
        indent: Some(Indent::Code),
        jc: Some("left"),
        font: Some(Font::Code),
        size: Some(Size::Code),
        ..PARA
    },
    Row {
        id: id::TABLE_HEADING,
        name: "Table Heading",
        keep_next: true,
        before: Some(Gap::Twips(0)),
        after: Some(Gap::Twips(0)),
        line: Some(Line::Leading),
        jc: Some("left"),
        font: Some(Font::Heading),
        bold: true,
        size: Some(Size::Small),
        ..PARA
    },
    Row {
        id: id::TABLE_TEXT,
        name: "Table Text",
        before: Some(Gap::Twips(0)),
        after: Some(Gap::Twips(0)),
        line: Some(Line::Leading),
        jc: Some("left"),
        size: Some(Size::Small),
        ..PARA
    },
    Row {
        id: id::RULE,
        name: "Horizontal Rule",
        frame: Some(Frame::Rule),
        before: Some(Gap::Paragraph),
        after: Some(Gap::RuleAfter),
        line: Some(Line::RuleGap),
        ..PARA
    },
    running(id::HEADER, "header"),
    running(id::FOOTER, "footer"),
    Row {
        id: id::CLASSIFICATION,
        name: "Classification",
        frame: Some(Frame::Banner),
        before: Some(Gap::Twips(0)),
        after: Some(Gap::Twips(60)),
        line: Some(Line::Auto(240)),
        jc: Some("center"),
        font: Some(Font::Furniture),
        bold: true,
        color: Some(Ink::BannerText),
        size: Some(Size::Small),
        ..PARA
    },
    Row {
        id: id::TOC_HEADING,
        name: "TOC Heading",
        keep_next: true,
        before: Some(Gap::HeadingBefore(1)),
        after: Some(Gap::HeadingAfter(1)),
        line: Some(Line::Leading),
        jc: Some("left"),
        font: Some(Font::Heading),
        bold: true,
        color: Some(Ink::Accent),
        size: Some(Size::Heading(1)),
        ..PARA
    },
    toc(1, "TOC1", "toc 1"),
    toc(2, "TOC2", "toc 2"),
    toc(3, "TOC3", "toc 3"),
    Row {
        id: id::CODE_CHAR,
        name: "Verbatim Char",
        font: Some(Font::Code),
        size: Some(Size::Code),
        shade: Some(Ink::CodeBackground),
        ..CHAR
    },
    Row {
        id: id::HYPERLINK,
        name: "Hyperlink",
        color: Some(Ink::Link),
        underline: true,
        ..CHAR
    },
    note_ref(id::FOOTNOTE_REF, "footnote reference"),
    note_ref(id::ENDNOTE_REF, "endnote reference"),
    Row {
        kind: Kind::Table,
        id: id::TABLE,
        name: "Briefing Table",
        ..PARA
    },
];
