"""Two or more votes side by side in one X-marked table: a line of group headings ("Votering 1
Votering 2") over a header whose result columns repeat per vote ("Ledamot  Ja Nej Avst  Ja Nej
Avst"), a row per member with a mark for each vote, a "Summa" row with each vote's counts. Which
vote a mark belongs to is read from its character position: a vote's columns run from its first
result column to the next vote's. Each vote is given back as the lines of a table of its own (the
other votes' cells blanked, the headings line left blank), line for line, for the X-table reader
(marked_table.unmark_tables). Pure."""

from __future__ import annotations

import re

from .marked_table import MARK_COLUMNS, SUM_RE, header_words

# The result columns as headers abbreviate them ("Avst", "Frånv"), spelled out for the X-table reader.
SHORT_MARKS = {"avst": "Avstår", "avst.": "Avstår", "avs": "Avstår", "frånv": "Frånvarande", "frånv.": "Frånvarande"}
MARK_WORDS = MARK_COLUMNS | {w.strip(".") for w in SHORT_MARKS}
CELL_RE = re.compile(r"\S+(?: \S+)*")
# How many lines a table side by side may hold (its rows, page furniture, its Summa row).
MAX_ROWS = 80


def _groups(heading: str, header: str) -> list[int] | None:
    """The character positions where each vote's columns begin, or None when the header's result
    columns are not the same run repeated once per group heading."""
    headings = [m.start() for m in CELL_RE.finditer(heading)]
    marks = [(m.start(), m.group().lower().strip(".:")) for m in re.finditer(r"\S+", header)]
    marks = [(at, w) for at, w in marks if w in MARK_WORDS]
    count = len(headings)
    if count < 2 or len(marks) < 2 * count or len(marks) % count:
        return None
    size = len(marks) // count
    runs = [marks[k * size : (k + 1) * size] for k in range(count)]
    if any([w for _a, w in run] != [w for _a, w in runs[0]] for run in runs) or len({w for _a, w in runs[0]}) < 2:
        return None
    starts = [run[0][0] for run in runs]
    # Each heading stands over its own run: right of the previous run's start, left of the next's.
    if any(not (starts[k - 1] < headings[k] <= starts[k] + 2 * size * 4) for k in range(1, count)):
        return None
    return starts


def side_by_side(lines: list[str]) -> list[list[str]] | None:
    """Each vote of a table holding several side by side, as the lines of a table of its own."""
    for index in range(1, len(lines)):
        words = header_words(lines[index])
        if sum(w in MARK_WORDS for w in words) < 4:
            continue
        heading = next((k for k in range(index - 1, max(-1, index - 3), -1) if lines[k].strip()), None)
        starts = _groups(lines[heading], lines[index]) if heading is not None else None
        if starts is None:
            continue
        # The table ends at its Summa row, else at the first blank line.
        end = next(
            (k + 1 for k in range(index + 1, min(len(lines), index + MAX_ROWS)) if SUM_RE.match(lines[k].strip())),
            next((k for k in range(index + 1, len(lines)) if not lines[k].strip()), len(lines)),
        )
        tables = []
        for k, start in enumerate(starts):
            stop = starts[k + 1] if k + 1 < len(starts) else None
            out = list(lines)
            out[heading] = ""
            for at in range(index, end):
                line = out[at]
                kept = line[:start].ljust(start)[: starts[0]].ljust(start) + line[start:stop]
                out[at] = kept.rstrip()
            out[index] = " ".join(SHORT_MARKS.get(w.lower(), w) if w else "" for w in out[index].split(" "))
            tables.append(out)
        return tables
    return None
