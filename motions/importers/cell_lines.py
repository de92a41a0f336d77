"""A roll-call table extracted one cell per line: the header's words each on its own line ("Namn",
"Parti", "Funktion", "Röst"), then each member's cells, one a line, in the same order. The cycle's
length is the count of the header's cells; each cycle is joined onto its first line as one row
(cells two spaces apart) and the cycle's other lines are left blank, so the line numbers stay the
document's and rollcall.parse_rollcall reads the table as typed. Pure."""

from __future__ import annotations

from .marked_table import COLUMN_WORDS, MARK_RESULT, PAGE_TURN_LINES, header_words

# How few cells a header split over lines must have to be taken as one (a name and a result are two
# words any prose may hold on lines of their own).
MIN_CELLS = 3


def _column(line: str) -> str | None:
    """The column a line names when it is nothing but one header cell ("Parti", "Röst:")."""
    words = header_words(line)
    return COLUMN_WORDS.get(words[0]) if len(words) == 1 else None


def _is_vote(cell: str) -> bool:
    return cell.strip().lower().rstrip(".") in MARK_RESULT


def _header(lines: list[str], index: int) -> list[str] | None:
    """The columns of a header written one cell per line from `index`, or None."""
    columns: list[str] = []
    while index + len(columns) < len(lines):
        column = _column(lines[index + len(columns)])
        if column is None or column in columns:
            break
        columns.append(column)
    if len(columns) < MIN_CELLS or columns[0] != "name" or "result" not in columns:
        return None
    return columns


def _cycle(lines: list[str], index: int, columns: list[str]) -> list[int] | None:
    """The lines of one member's cells from `index`, or None: the result cell a vote and no other
    cell one (a role may be a header word: "Ledamot"). A page break (blank lines, a form feed) may
    fall inside the cycle; the cells are those around it."""
    if not lines[index].strip():
        return None
    at, cells = index, []
    while len(cells) < len(columns) and at < len(lines) and at - index - len(cells) <= PAGE_TURN_LINES:
        if lines[at].replace("\f", "").strip():
            cells.append(at)
        at += 1
    if len(cells) < len(columns):
        return None
    votes = [_is_vote(lines[k]) for k in cells]
    return cells if votes == [column == "result" for column in columns] else None


def join_cell_lines(lines: list[str]) -> list[str]:
    out = list(lines)
    index = 0
    while index < len(out):
        columns = _header(out, index)
        if columns is None:
            index += 1
            continue
        width = len(columns)
        rows, at, gap = [list(range(index, index + width))], index + width, 0
        while at < len(out) and gap <= PAGE_TURN_LINES:
            cells = _cycle(out, at, columns)
            if cells:
                rows.append(cells)
                at, gap = cells[-1] + 1, 0
            else:
                at, gap = at + 1, gap + 1
        if len(rows) < 2:
            index += 1
            continue
        for cells in rows:
            joined = "  ".join(out[k].replace("\f", "").strip() for k in cells)
            for k in cells:
                out[k] = "\f" if "\f" in out[k] else ""
            out[cells[0]] = joined
        index = rows[-1][-1] + 1
    return out
