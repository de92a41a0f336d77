"""The corpus's PDFs, rendered from its texts with the product's own PDF path (core.pdf, WeasyPrint)
the way the city prints them: A4, paragraphs reflowed and hyphenated in Swedish by the typesetter
(so line ends differ from the text's), a running header and "Sida N av M" or "N (M)" footers.

A line holding only a form feed in the text is a page break in the PDF (and in the text parse).
"""

import html
import re

from core.pdf import render_pdf

POINT = re.compile(r"^\s*(?:\d{1,2}|[a-zåäö])[.)]\s")
HEADING = re.compile(r"^\s*(förslag till beslut|yrkandet|namn parti plats funktion resultat)\s*:?\s*$", re.IGNORECASE)

FOOTERS = {
    "sida": 'content: "Sida " counter(page) " av " counter(pages)',
    "paren": 'content: counter(page) " (" counter(pages) ")"',
    "number": "content: counter(page)",
}


def _blocks(text: str):
    """Paragraphs of the text: a blank line, a point's first line, a heading or a form feed starts one."""
    block: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if line == "\f":
            if block:
                yield "p", block
            block = []
            yield "break", []
            continue
        if not line or POINT.match(raw) or HEADING.match(line) or (block and HEADING.match(block[-1])):
            if block:
                yield "p", block
            block = [line] if line else []
            continue
        block.append(line)
    if block:
        yield "p", block


def to_html(text: str, *, running_header: str = "", footer: str = "sida", hyphenate: bool = True) -> str:
    parts = []
    for kind, lines in _blocks(text):
        if kind == "break":
            parts.append('<div style="break-before: page"></div>')
        else:
            parts.append(f"<p>{html.escape(' '.join(lines))}</p>")
    header = f'@top-left {{ content: "{running_header}"; font-size: 8pt; color: #444 }}' if running_header else ""
    return f"""<!doctype html><html lang="sv"><head><meta charset="utf-8"><style>
    @page {{ size: A4; margin: 22mm 24mm 20mm 24mm;
      {header}
      @top-right {{ content: "Göteborgs Stad"; font-size: 8pt }}
      @bottom-center {{ {FOOTERS[footer]}; font-size: 8pt }} }}
    body {{ font-family: "DejaVu Serif", serif; font-size: 11pt; line-height: 1.35;
      {"hyphens: auto;" if hyphenate else ""} text-align: left }}
    p {{ margin: 0 0 0.6em 0 }}
    </style></head><body>{"".join(parts)}</body></html>"""


def render(text: str, **options) -> bytes:
    return render_pdf(to_html(text, **options))
