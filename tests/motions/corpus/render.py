"""The corpus's PDFs, rendered from its texts with the product's own PDF path (core.pdf, WeasyPrint)
the way the city prints them: A4, the text's lines as lines (a line too long for the page broken and
hyphenated in Swedish by the typesetter), a running header and "Sida N av M", "N (M)" or "N" footers.

A line holding only a form feed in the text is a page break in the PDF (and in the text parse).
A line whose words stand in columns (a gap of three spaces or more: a table's row, a header's fields
side by side) is printed as a table's row is: each cell, a run of words two or more spaces from the
next, set at its column, the same column the same distance from the margin on every line.
"""

import html
import re

from core.pdf import render_pdf
from motions.importers import is_furniture

FOOTERS = {
    "sida": 'content: "Sida " counter(page) " av " counter(pages)',
    "paren": 'content: counter(page) " (" counter(pages) ")"',
    "number": "content: counter(page)",
}


def _blocks(text: str):
    """Paragraphs of the text (blank lines between), each a list of its lines; a form feed, or a
    furniture line the text kept from its own PDF ("Sida 1 av 2"), is a page break."""
    block: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip()
        # str.strip() also removes a form feed, so the page break is asked of the line with
        # only its spaces and tabs removed.
        if raw.strip(" \t\r") == "\f" or is_furniture(line):
            if block:
                yield "p", block
            block = []
            yield "break", []
        elif not line:
            if block:
                yield "p", block
            block = []
        else:
            block.append(raw.rstrip() if COLUMN_GAP.search(raw) else line)
    if block:
        yield "p", block


# A gap this wide between two words is a column's, not a typing slip's (the seeds' texts have many
# "Emma  Ahlström" from their own PDFs).
COLUMN_GAP = re.compile(r"\S {3,}\S")
CELL = re.compile(r"\S+(?: \S+)*")
# The width of one character of the text's columns on the page: DejaVu Serif's letters are some
# 0.55em wide on average, so a cell never runs into the next one's column.
COLUMN_EM = 0.62


def _line_html(line: str) -> str:
    """A column line as a table's row: each cell a box as wide as its columns up to the next cell
    (in the flow, so the row is drawn in its place among the lines, as a table is)."""
    if not COLUMN_GAP.search(line):
        return html.escape(line.strip())
    cells = list(CELL.finditer(line))
    starts = [m.start() for m in cells]
    boxes = [f'<span style="display: inline-block; width: {starts[0] * COLUMN_EM:.2f}em"></span>'] if starts[0] else []
    for index, cell in enumerate(cells):
        width = f"width: {(starts[index + 1] - starts[index]) * COLUMN_EM:.2f}em" if index + 1 < len(cells) else ""
        boxes.append(f'<span style="display: inline-block; {width}">{html.escape(cell.group())}</span>')
    return f'<span style="display: block; white-space: nowrap">{"".join(boxes)}</span>'


def _join(lines: list[str]) -> str:
    """The paragraph's lines, a line break after each but a column line (a block of its own)."""
    out = ""
    for index, line in enumerate(lines):
        out += _line_html(line)
        if index + 1 < len(lines) and not COLUMN_GAP.search(line) and not COLUMN_GAP.search(lines[index + 1]):
            out += "<br>"
    return out


def to_html(text: str, *, running_header: str = "", footer: str = "sida", hyphenate: bool = True) -> str:
    """The text's lines stay lines (the typesetter breaks, and hyphenates, those too long for A4)."""
    parts = []
    for kind, lines in _blocks(text):
        if kind == "break":
            parts.append('<div style="break-before: page"></div>')
        else:
            parts.append(f"<p>{_join(lines)}</p>")
    header = f'@top-left {{ content: "{running_header}"; font-size: 8pt; color: #444 }}' if running_header else ""
    return f"""<!doctype html><html lang="sv"><head><meta charset="utf-8"><style>
    @page {{ size: A4; margin: 22mm 24mm 20mm 24mm;
      {header}
      @top-right {{ content: "Göteborgs Stad"; font-size: 8pt }}
      @bottom-center {{ {FOOTERS[footer]}; font-size: 8pt }} }}
    body {{ font-family: "DejaVu Serif", serif; font-size: 10.5pt; line-height: 1.3;
      {"hyphens: auto;" if hyphenate else ""} text-align: left }}
    p {{ margin: 0 0 0.9em 0 }}
    </style></head><body>{"".join(parts)}</body></html>"""


def render(text: str, **options) -> bytes:
    return render_pdf(to_html(text, **options))
