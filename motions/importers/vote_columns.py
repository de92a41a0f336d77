"""A roll call printed as side-by-side NAME COLUMNS, one column per result:

    Ja                          Nej                          Avstår
    Anna Berg (S), ordförande   Per Holm (M)                 Eva Lind (C)
    Olof Ek (V)                 Kim Ros (SD), tjänstgörande
                                ersättare

The header holds result words only (no name column, which vote_grid's tables have). Each name
belongs to the column its text starts in, by character position: a column runs from its header
word's start to the next header word's start (a PDF's laid-out text keeps the positions,
pdf.laid_out). A cell that is no "Name (P)" continues the name above it in its column (a role
wrapped inside the column). A line that cannot be read is flagged, never guessed. Pure: no database
query."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .rollcall import ParsedRollCall, RollCallRow
from .vote_words import DEFAULT_ROLE, RESULT_WORDS, duplicate_flags, is_break_furniture, role_of, rollcall_of

COLUMN_WORDS = {
    "ja": "ja", "nej": "nej", "avstår": "avstår", "avstod": "avstår", "avstående": "avstår",
    "frånvarande": "frånvarande",
}  # fmt: skip
# "Karin Ek (S)", "Karin Ek (S), vice ordförande": a name, its party and perhaps its role.
ENTRY_RE = re.compile(
    r"^(?P<name>[A-ZÅÄÖÉÜ][\w'’.-]*(?:\s+[\w'’.-]+){1,5})\s*\((?P<party>[A-ZÅÄÖ]{1,4})\)(?:\s*,\s*(?P<role>.+))?$"
)
# A list mark before a name ("- Karin Ek (S)", "• …", "3. …"): it starts an entry and is not part of it.
BULLET_RE = re.compile(r"^(?:[-–•*]|\d{1,2}[.)])\s+")
# A column's text may start a little left of its header word.
SLACK = 2


@dataclass
class _Column:
    result: str  # a RESULT_WORDS key
    start: int


@dataclass
class _Entry:
    text: str
    line: int


def _cells(raw: str) -> list[tuple[int, str]]:
    """A line's cells: runs of words one space apart, as (start, text)."""
    text = raw.replace("\f", "").replace("\t", "    ")  # a form feed takes no place on the page
    return [(m.start(), m.group()) for m in re.finditer(r"\S+(?: \S+)*", text)]


def column_header(raw: str) -> list[_Column] | None:
    """The columns of a header of result words alone ("Ja      Nej      Avstår"), two or more,
    each once; None for any other line."""
    cells = _cells(raw)
    # "Ja:   Nej:" heads lists side by side, with all a list's forms (vote_lists reads them).
    if any(text.endswith(":") for _start, text in cells):
        return None
    words = [COLUMN_WORDS.get(text.lower()) for _start, text in cells]
    if len(cells) < 2 or None in words or len(set(words)) != len(words):
        return None
    return [_Column(word, start) for (start, _text), word in zip(cells, words, strict=True)]


def _column_of(columns: list[_Column], start: int) -> int:
    """The column a cell starting at start stands in: the last whose header starts at or before it."""
    placed = [i for i, c in enumerate(columns) if c.start <= start + SLACK]
    return placed[-1] if placed else 0


def _row(entry: _Entry, result: str) -> RollCallRow | None:
    found = ENTRY_RE.match(" ".join(entry.text.split()))
    if not found:
        return None
    role = DEFAULT_ROLE
    if found["role"]:
        role = role_of(found["role"])
        if role is None:
            return None
    return RollCallRow(
        name=found["name"], party=found["party"], seat=None, role=role, result=RESULT_WORDS[result], line=entry.line
    )


def _header_after_break(lines: list[str], index: int) -> int | None:
    """After a blank line: the index of the column header repeated after a page break (a form
    feed, then only furniture, blank lines and a short running header), else None."""
    fed, other = False, 0
    for at in range(index, min(len(lines), index + 14)):
        raw = lines[at]
        if column_header(raw):
            return at if fed else None
        if "\f" in raw:
            fed = True
        elif raw.strip() and not is_break_furniture(lines, at):
            other += 1
            if not fed or other > 3:
                return None
    return None


def read_columns(lines: list[str]) -> tuple[ParsedRollCall | None, list[str]]:
    """The first roll call in name columns under a result header in the lines, and what to flag."""
    start = next((i for i, raw in enumerate(lines) if column_header(raw)), None)
    if start is None:
        return None, []
    columns = column_header(lines[start])
    entries: list[list[_Entry]] = [[] for _c in columns]
    index = start + 1
    while index < len(lines):
        raw = lines[index]
        if is_break_furniture(lines, index) or (not raw.strip() and not any(entries)):
            index += 1
            continue
        if not raw.strip():
            again = _header_after_break(lines, index)
            if again is None:
                break
            index = again  # the columns go on under their header repeated on the next page
            continue
        again = column_header(raw)
        if again:
            columns = again
            index += 1
            continue
        for at, text in _cells(raw):
            column = entries[_column_of(columns, at)]
            bulleted = BULLET_RE.match(text)
            text = text[bulleted.end() :] if bulleted else text
            if bulleted or ENTRY_RE.match(text.split(",")[0].strip()) or not column:
                column.append(_Entry(text, index + 1))
            else:
                column[-1].text = f"{column[-1].text} {text}"  # a role wrapped inside the column
        index += 1
    rows: list[RollCallRow] = []
    for column, listed in zip(columns, entries, strict=True):
        for entry in listed:
            row = _row(entry, column.result)
            if row is None:
                message = _(
                    "Rad %(line)d: namnet i kolumnen ”%(column)s” kunde inte läsas: ”%(text)s” – skriv in namnlistan."
                )
                return None, [
                    message % {"line": entry.line, "column": column.result.capitalize(), "text": entry.text[:80]}
                ]
            rows.append(row)
    if not rows:
        return None, []
    return rollcall_of(rows, {}), duplicate_flags(rows)
