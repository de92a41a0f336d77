"""An X-marked roll-call table whose empty cells are filled ("Ledamöter Parti Ja Nej Avstår" over
"Emil Forsberg S X - -"): every result column holds a token, so the column of the X is its place
among the last tokens and no layout is needed. Rewritten line for line into the one-result-column
table rollcall.parse_rollcall reads (the line numbers stay the document's). Pure."""

from __future__ import annotations

import re

from .cell_lines import join_cell_lines
from .marked_table import MARK_RE, MARK_RESULT, SUM_RE, is_marked_header
from .party_groups import add_group_parties
from .rollcall import ROLE_RE
from .text import is_furniture

# What an empty cell holds in such a table: a dash of any kind, or a zero-width placeholder dot.
EMPTY_CELL_RE = re.compile(r"^[-–—.]$")
# A row of only a function ("Tjänstgörande ersättare", "Ersättare") heads the rows under it.
SUBHEADING_RE = re.compile(r"(?i)^(?:tjänstgörande\s+ersättare|ersättare|ledamöter|ledamot|ordförande)$")


def is_subheading(line: str) -> bool:
    """A row naming only a function, which the rows under it hold (rollcall.parse_rollcall)."""
    cleaned = " ".join(line.split())
    return bool(SUBHEADING_RE.match(cleaned) or (ROLE_RE.match(cleaned) and len(cleaned.split()) > 1))


def unmark_filled(lines: list[str]) -> list[str]:
    out = add_group_parties(join_cell_lines(lines))
    index = 0
    while index < len(out):
        header = " ".join(out[index].split())
        words = [w.lower().strip(".:") for w in header.split()]
        marks = [MARK_RESULT[w] for w in words if w in MARK_RESULT]
        # The result columns must close the header, so that they are the row's last tokens.
        closing = words[-len(marks) :] == [w for w in words if w in MARK_RESULT] if marks else False
        if not is_marked_header(header) or len(marks) < 2 or not closing:
            index += 1
            continue
        rewritten = _rows(out, index + 1, marks)
        if not rewritten:
            index += 1
            continue
        kept = header.split()[: -len(marks)]
        out[index] = "  ".join([*kept, "Resultat"])
        for row_index, text in rewritten:
            out[row_index] = text
        index = rewritten[-1][0] + 1
    return out


def _rows(lines: list[str], start: int, marks: list[str]) -> list[tuple[int, str]]:
    """The rewritten rows under the header, up to the first line that is none of the table's."""
    rewritten: list[tuple[int, str]] = []
    for row_index in range(start, len(lines)):
        row = " ".join(lines[row_index].split())
        if not row or is_furniture(lines[row_index]):
            break
        if is_subheading(row):
            continue
        tokens = row.split()
        if SUM_RE.match(row):
            numbers = tokens[1:]
            if len(numbers) != len(marks) or not all(n.isdigit() for n in numbers):
                break
            counts = ", ".join(f"{m} {n}" for m, n in zip(marks, numbers, strict=True))
            rewritten.append((row_index, f"Summa: {counts}"))
            continue
        cells, before = tokens[-len(marks) :], tokens[: -len(marks)]
        marked = [k for k, cell in enumerate(cells) if MARK_RE.fullmatch(cell)]
        filled = all(MARK_RE.fullmatch(cell) or EMPTY_CELL_RE.match(cell) for cell in cells)
        if len(before) < 2 or not filled or len(marked) != 1:
            break
        rewritten.append((row_index, "  ".join([*before, marks[marked[0]]])))
    return rewritten
