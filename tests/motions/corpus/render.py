"""The corpus's PDFs, rendered from its texts with the product's own PDF path (core.pdf, WeasyPrint)
the way the city prints them: A4, the text's lines as lines (a line too long for the page broken and
hyphenated in Swedish by the typesetter), a running header and "Sida N av M", "N (M)" or "N" footers.

A line holding only a form feed in the text is a page break in the PDF (and in the text parse).
"""

import html

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
        if line == "\f" or is_furniture(line):
            if block:
                yield "p", block
            block = []
            yield "break", []
        elif not line:
            if block:
                yield "p", block
            block = []
        else:
            block.append(line)
    if block:
        yield "p", block


def to_html(text: str, *, running_header: str = "", footer: str = "sida", hyphenate: bool = True) -> str:
    """The text's lines stay lines (the typesetter breaks, and hyphenates, those too long for A4)."""
    parts = []
    for kind, lines in _blocks(text):
        if kind == "break":
            parts.append('<div style="break-before: page"></div>')
        else:
            parts.append(f"<p>{'<br>'.join(html.escape(line) for line in lines)}</p>")
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
