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


def _cycle(lines: list[str], index: int, columns: list[str]) -> bool:
    """Whether the lines from `index` are one member's cells: none blank, the result cell a vote and
    no other cell one (a role may be a header word: "Ledamot")."""
    cells = lines[index : index + len(columns)]
    if len(cells) < len(columns) or any(not c.strip() for c in cells):
        return False
    return all(_is_vote(cell) == (column == "result") for cell, column in zip(cells, columns, strict=True))


def join_cell_lines(lines: list[str]) -> list[str]:
    out = list(lines)
    index = 0
    while index < len(out):
        columns = _header(out, index)
        if columns is None:
            index += 1
            continue
        width = len(columns)
        rows, at, gap = [(index, "  ".join(c.strip() for c in out[index : index + width]))], index + width, 0
        while at < len(out) and gap <= PAGE_TURN_LINES:
            if _cycle(out, at, columns):
                rows.append((at, "  ".join(c.strip() for c in out[at : at + width])))
                at, gap = at + width, 0
            else:
                at, gap = at + 1, gap + 1
        if len(rows) < 2:
            index += 1
            continue
        for start, row in rows:
            out[start : start + width] = [row, *[""] * (width - 1)]
        index = rows[-1][0] + width
    return out
