"""The ärendemening of a protocol extract: where the § line stands relative to it varies with the
body's layout. Read, in this order of trust:

1. the lines right under the § ("§ 512 Ärendenummer …⏎Yttrande till …");
2. the lines right above it, as the KF prints it ("Riktlinje för …⏎§ 18, 1236/22");
3. the first paragraph after the header block under the § ("§ 152⏎Socialnämnden Hisingen⏎
   Sammanträdesdatum …⏎⏎Förvaltningens förslag …");
4. the first paragraph of the extract that is no header line, when the header block stands apart
   ("Bidragsregler …⏎⏎Ärende 6, Dnr …⏎⏎Handlingar …⏎Idrott- och föreningsnämnden⏎Paragraf: 64").

Header lines — the body, the date, the case number, "Protokoll från sammanträde" — are never part of
it. What is read from 3 or 4 with another candidate beside it, or that reads like prose, is
flagged for the reviewer. Pure: no database query."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .joining import join_lines

# A paragraph longer than this, or ending as a sentence does, is more likely prose than an ärendemening.
TITLE_LINES = 3


@dataclass
class TitleReading:
    title: str
    line: int  # 1-based line of its first line, 0 when none was read
    doubt: str  # a flag message, "" when the reading is certain


def _paragraph(lines: list[str], index: int, end: int, skip: Callable[[int], bool], heading) -> tuple[list, int]:
    """The lines from index to the next blank line or heading, without the header lines among them;
    (their indexes, where it ended)."""
    taken = []
    while index < end and lines[index].strip() and not heading(lines[index]):
        if not skip(index):
            taken.append(index)
        index += 1
    return taken, index


def _text(lines: list[str], indexes: list[int], rest: str = "") -> str:
    return join_lines(([rest] if rest else []) + [" ".join(lines[i].split()) for i in indexes])


def read_title(
    lines: list[str],
    at: int | None,
    last: int,
    end: int,
    rest: str,
    *,
    skip: Callable[[int], bool],
    heading: Callable[[str], bool],
) -> tuple[TitleReading, int]:
    """The ärendemening around the § (lines at … last; rest: what the § line holds after its
    identifiers), and where the sections begin. skip tells a header line, heading a section's."""
    if at is not None:
        under, index = _paragraph(lines, last + 1, end, skip, heading)
        if rest or under:
            return _checked(TitleReading(_text(lines, under, rest), (under[0] if under else at) + 1, "")), index
        above = []
        back = at - 1
        while back >= 0 and lines[back].strip() and not heading(lines[back]):
            if not skip(back):
                above.insert(0, back)
            elif above:
                break  # a header line above the title's lines ends them
            if lines[back].startswith(" ") and not lines[back].startswith("  "):
                break  # the first line of a page (the seed's page-break marker)
            back -= 1
        if above:
            return _checked(TitleReading(_text(lines, above), above[0] + 1, "")), index
        after = index
        while after < end and (not lines[after].strip() or skip(after)) and not heading(lines[after]):
            after += 1
        if after < end and not heading(lines[after]):
            found, after_end = _paragraph(lines, after, end, skip, heading)
            if found:
                reading = TitleReading(_text(lines, found), found[0] + 1, "")
                return _checked(_prose_doubt(reading, lines, found)), after_end
    return _from_top(lines, at, end, skip, heading), (last + 1 if at is not None else 0)


def _from_top(lines, at, end, skip, heading) -> TitleReading:
    """The first paragraph of the extract before its first heading that is no header line."""
    candidates, index = [], 0
    while index < end and not heading(lines[index]):
        found, index = _paragraph(lines, index, end, skip, heading)
        if found and (at is None or not found[0] <= at <= found[-1]):
            candidates.append(found)
        index += 1 if index < end and not heading(lines[index]) else 0
    if not candidates:
        return TitleReading("", 0, "")
    first = candidates[0]
    reading = TitleReading(_text(lines, first), first[0] + 1, "")
    if at is None or len(candidates) > 1:
        reading.doubt = _(
            "Rad %(line)d: ärendemeningen står inte vid paragrafen; ”%(title)s” lästes som ärendemening "
            "– kontrollera den."
        ) % {"line": reading.line, "title": reading.title[:80]}
    return _checked(_prose_doubt(reading, lines, first))


def _prose_doubt(reading: TitleReading, lines: list[str], indexes: list[int]) -> TitleReading:
    if not reading.doubt and (len(indexes) > TITLE_LINES or reading.title.endswith((".", ":"))):
        reading.doubt = _(
            "Rad %(line)d: ”%(title)s” lästes som ärendemening men liknar löpande text – kontrollera ärendemeningen."
        ) % {"line": reading.line, "title": reading.title[:80]}
    return reading


def _checked(reading: TitleReading) -> TitleReading:
    if reading.title and not reading.doubt and reading.title[0].islower():
        reading.doubt = _(
            "Rad %(line)d: ärendemeningen ”%(title)s” börjar med liten bokstav – kanske är bara en del "
            "av den inläst; kontrollera den."
        ) % {"line": reading.line, "title": reading.title[:80]}
    return reading


# What a layout prints before the ärendemening on its line: the § again ("§ 24 Konstnärlig …") or
# a label ("Ärende: Ny organisation …", "Rubrik: …").
_OWN_PARAGRAPH_RE = re.compile(r"^§\s*(?P<number>\d{1,4})(?!\d)[\s,.:–-]*(?=\S)")
_LABEL_RE = re.compile(r"^(?:ärende(?:mening)?|rubrik|ämne|beslutsärende)\s*:\s*(?=\S)", re.IGNORECASE)


def without_prefix(title: str, paragraph: int | None) -> tuple[str, str]:
    """The ärendemening without the protocol's own § or a label printed before it, and a flag
    message ("" when none) when a § other than the protocol's stands there."""
    title = _LABEL_RE.sub("", title, count=1)
    found = _OWN_PARAGRAPH_RE.match(title)
    if not found:
        return title, ""
    if paragraph is not None and int(found["number"]) == paragraph:
        return _LABEL_RE.sub("", title[found.end() :], count=1), ""
    return title, _("Ärendemeningen ”%(title)s” börjar med en annan paragraf än protokollets – kontrollera den.") % {
        "title": title[:80]
    }
