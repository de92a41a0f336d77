"""Lines, pages and paragraphs of a report's text as the city's files give them.

A page break is a form feed (the PDF reader's), a furniture line ("Delårsrapport aug 2023-Nämnder
24 (35)", "Sida 3 av 9") or, in the city's own text exports, a line that starts with a single space
(" 4. Alla nämnder …", or a lone " "). Paragraphs are separated by blank lines; a paragraph that
stops mid-sentence and goes on in lower case after a blank line (a hanging indent, a page break) is
one paragraph. Bullets (•, –, -) each start a line of their own; a list's lines are kept together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from motions.importers import is_furniture
from motions.importers.joining import join_lines
from motions.importers.pdf import PAGE_BREAK

BULLET_RE = re.compile(r"^[•▪●◦*–-](?!\d)\s*\S")


@dataclass
class Line:
    number: int
    page: int
    text: str  # without the whitespace around it; "" for a blank line
    furniture: bool = False

    @property
    def where(self) -> str:
        return _("sida %(page)d, rad %(line)d") % {"page": self.page, "line": self.number}


def read_lines(text: str) -> list[Line]:
    """Every line with its number and page; furniture lines are kept, marked, for the title's sake."""
    lines: list[Line] = []
    page, content_since_break = 1, False

    def page_break():
        nonlocal page, content_since_break
        if content_since_break:
            page += 1
            content_since_break = False

    for index, raw in enumerate(text.split("\n")):
        if PAGE_BREAK in raw:
            page_break()
            raw = raw.replace(PAGE_BREAK, "")
        if is_furniture(raw):
            page_break()
            lines.append(Line(index + 1, page, " ".join(raw.split()), furniture=True))
            continue
        if raw.startswith(" ") and not raw.startswith("  "):
            page_break()
        stripped = " ".join(raw.split())
        if stripped:
            content_since_break = True
        lines.append(Line(index + 1, page, stripped))
    return lines


def body(lines: list[Line]) -> list[Line]:
    return [line for line in lines if not line.furniture]


def paragraphs(lines: list[Line]) -> list[tuple[str, list]]:
    """("p", [lines]) and ("list", [[lines of a bullet], …]) blocks, in order."""
    blocks: list[tuple[str, list]] = []
    blank = False
    for line in lines:
        text = line.text
        if not text:
            blank = True
            continue
        last = blocks[-1] if blocks else None
        if BULLET_RE.match(text):
            if last and last[0] == "list":
                last[1].append([text])
            else:
                blocks.append(("list", [[text]]))
        elif last and last[0] == "list" and (not blank or text[:1].islower()):
            last[1][-1].append(text)  # the bullet goes on, after a hanging indent's blank line too
        elif (
            last
            and last[0] == "p"
            and (not blank or (text[:1].islower() and not last[1][-1].rstrip().endswith((".", ":", "!", "?"))))
        ):
            last[1].append(text)
        else:
            blocks.append(("p", [text]))
        blank = False
    return blocks


def report_text(blocks: list[tuple[str, list]], uncertain: list[str]) -> str:
    out = []
    for kind, content in blocks:
        if kind == "p":
            out.append(join_lines(content, uncertain))
        else:
            out.append("\n".join(join_lines(bullet, uncertain) for bullet in content))
    return "\n\n".join(part for part in out if part)
