#!/usr/bin/env python3
"""Typst's PDF of a corpus document, for comparison with ours.

Reads our parse of the document (`briefing parse FILE`, JSON), writes it as Typst markup set
as the `briefing` theme sets it (A4, margins 24 mm top and bottom and 22 mm at the sides,
10.5 pt Noto Serif justified on a 14.7 pt line, Noto Sans headings, 9 pt JetBrains Mono code)
and compiles it with Typst's Python binding (`pip install typst`). Both programs then set the
same text in the same fonts on the same measure; only the line breaking differs.

    python3 tests/corpus/typeset/typst_pdf.py tests/corpus/typeset/cargo-book.md -o out/typst.pdf

Straight quotes stay straight and `--` stays two hyphens, as our renderer prints them, so the
comparison is of spacing, not of punctuation. `--typ FILE` keeps the Typst source.
"""
import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
FONTS = ROOT / "templates" / "briefing" / "fonts"
HEADING_SIZES = ["16pt", "13pt", "11.5pt", "10.5pt", "10.5pt", "10.5pt"]

PREAMBLE = """\
#set document(title: "{title}")
#set page(paper: "a4", margin: (x: 22mm, y: 24mm), numbering: "1 of 1")
#set text(font: "Noto Serif", size: 10.5pt, lang: "{lang}")
#set smartquote(enabled: false)
// 14.7 pt from baseline to baseline (1.4 x 10.5 pt): the cap height is 0.714 em
#set par(justify: true, leading: 14.7pt - 0.714em, spacing: 14.7pt - 0.714em + 6pt)
#show heading: set text(font: "Noto Sans")
{heading_sizes}
#show raw: set text(font: "JetBrains Mono", size: 9pt)

#text(font: "Noto Sans", size: 24pt, weight: "bold")[{title_markup}]

"""


def quoted(text):
    """The inside of a Typst string literal."""
    return (text.replace("\\", "\\\\").replace('"', '\\"')
            .replace("\n", "\\n").replace("\t", "\\t").replace("\r", ""))


def escape(text):
    """Markup text with every character Typst could read as syntax escaped."""
    out = []
    for c in text:
        if c in "\\#$*_`<>@[]~=-+/.'\"":
            out.append("\\" + c)
        elif c == "\n":
            out.append(" ")
        else:
            out.append(c)
    return "".join(out)


def inlines(items, notes):
    out = []
    for it in items:
        kind, value = it["type"], it.get("value")
        if kind == "text":
            out.append(escape(value))
        elif kind == "emph":
            out.append(f"#emph[{inlines(value, notes)}];")
        elif kind == "strong":
            out.append(f"#strong[{inlines(value, notes)}];")
        elif kind == "strike":
            out.append(f"#strike[{inlines(value, notes)}];")
        elif kind == "code":
            out.append(f'#raw("{quoted(value)}");')
        elif kind == "link":
            out.append(f'#link("{quoted(value["url"])}")[{inlines(value["content"], notes)}];')
        elif kind == "image":
            out.append(escape(value.get("alt", "")))
        elif kind == "footnote_ref":
            note = notes.get(value["number"])
            body = blocks(note["blocks"], notes).strip() if note else ""
            out.append(f"#footnote[{body}];")
        elif kind == "line_break":
            out.append("#linebreak();")
        elif kind == "html":
            out.append(escape(value))
        else:
            out.append(escape(json.dumps(value)))
    return "".join(out)


def blocks(items, notes):
    out = []
    for b in items:
        kind = b["type"]
        if kind == "heading":
            level = max(1, min(6, b["level"]))
            out.append("=" * level + " " + inlines(b["content"], notes))
        elif kind == "paragraph":
            out.append(inlines(b["content"], notes))
        elif kind == "list":
            inner = ", ".join(f"[{blocks(i['blocks'], notes)}]" for i in b["items"])
            start = b.get("start")
            out.append(f"#enum(start: {start}, {inner})" if start is not None
                       else f"#list({inner})")
        elif kind in ("quote", "callout"):
            out.append(f"#quote(block: true)[{blocks(b['blocks'], notes)}]")
        elif kind == "code":
            out.append(f'#raw(block: true, "{quoted(b.get("text", b.get("value", "")))}")')
        elif kind == "table":
            cells = [f"[{inlines(c, notes)}]" for c in b["header"]]
            cells += [f"[{inlines(c, notes)}]" for row in b["rows"] for c in row]
            out.append(f"#table(columns: {max(1, len(b['header']))}, {', '.join(cells)})")
        elif kind == "figure":
            out.append(escape(b.get("alt", "")))
        elif kind == "rule":
            out.append("#line(length: 100%)")
        elif kind == "html":
            out.append(escape(b.get("html", b.get("value", ""))))
        else:
            raise SystemExit(f"typst.py: no Typst form for block kind {kind!r}")
    return "\n\n".join(out) + "\n"


def source(doc):
    notes = {n["number"]: n for n in doc.get("footnotes", [])}
    meta = doc["meta"]
    sizes = "\n".join(f"#show heading.where(level: {i + 1}): set text(size: {s})"
                      for i, s in enumerate(HEADING_SIZES))
    head = PREAMBLE.format(title=quoted(meta.get("title", "")), lang=meta.get("lang", "en"),
                           heading_sizes=sizes, title_markup=escape(meta.get("title", "")))
    if meta.get("subtitle"):
        head += f"#text(size: 14pt)[{escape(meta['subtitle'])}]\n\n"
    return head + blocks(doc["blocks"], notes)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="a corpus document (.md or .txt), or our parse of it (.json)")
    ap.add_argument("-o", "--output", required=True, help="the PDF to write")
    ap.add_argument("--typ", help="also write the Typst source here")
    ap.add_argument("--briefing", default=os.environ.get("BRIEFING", "briefing"),
                    help="our binary, for `briefing parse` (default: $BRIEFING or briefing)")
    args = ap.parse_args()
    if args.input.endswith(".json"):
        doc = json.loads(Path(args.input).read_text(encoding="utf-8"))
    else:
        out = subprocess.run([args.briefing, "parse", args.input], check=True,
                             capture_output=True, text=True).stdout
        doc = json.loads(out)
    typ = source(doc)
    if args.typ:
        Path(args.typ).write_text(typ, encoding="utf-8")
    import typst  # PyPI's `typst`: the Typst compiler as a Python module

    Path(args.output).parent.mkdir(parents=True, exist_ok=True)

    typst.compile(typ.encode("utf-8"), output=args.output, font_paths=[str(FONTS)],
                  ignore_system_fonts=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
