"""A motion's header block printed in two columns ("Kulturnämnden            Ändringsyrkande" /
"Sammanträde 2025-12-11, ärende 6     Socialdemokraterna" / "                 Vänsterpartiet"): each
column is read top to bottom, the one with the kind line first, by the same rules
as a one-column block (header.find_headers). The lines keep their numbers, so flags still name the
printed line. Pure: no database query."""

import re

from .header import KIND_LINE_RE, Header, find_headers

GAP_RE = re.compile(r"\S(?P<gap>\s{3,})\S")
# A block this long is a table or a paragraph laid out in columns, not a header.
MAX_LINES = 8


def _cells(line: str) -> tuple[int, list[str]]:
    """The line's indentation and its cells, split at gaps of three spaces or more."""
    stripped = line.rstrip()
    return len(stripped) - len(stripped.lstrip()), re.split(r"\s{3,}", stripped.strip())


def _blocks(items: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """Runs of nonblank lines, as (first index, index after the last)."""
    runs, start = [], None
    for index, (_number, text) in enumerate([*items, (0, "")]):
        if text.strip() and start is None:
            start = index
        elif not text.strip() and start is not None:
            runs.append((start, index))
            start = None
    return runs


def _columns(items: list[tuple[int, str]], start: int, end: int) -> list[tuple[int, str]] | None:
    """The block's lines as one column's cells then the other's; None when the block is not two
    columns (no line with two cells, or a line with more)."""
    left, right, split = [], [], None
    for number, text in items[start:end]:
        indent, cells = _cells(text)
        if len(cells) > 2:
            return None
        if len(cells) == 2:
            split = split or len(text) - len(text.lstrip()) + text.strip().index(cells[1])
            left.append((number, cells[0]))
            right.append((number, cells[1]))
        elif split is not None and indent >= split - 3 or indent >= 20:
            right.append((number, cells[0]))  # a line of the right column only
        else:
            left.append((number, cells[0]))
    if not right or not left:
        return None
    # The column with the kind line first, the other right after it, as a one-column block prints
    # its lines around the kind.
    if any(KIND_LINE_RE.match(" ".join(text.split())) for _n, text in right):
        return right + left
    return left + right


def column_headers(items: list[tuple[int, str]], page_of: dict[int, int] | None = None) -> list[Header]:
    """Header blocks in two columns, with start and end the block's own indexes in items."""
    found = []
    for start, end in _blocks(items):
        if end - start > MAX_LINES or not any(GAP_RE.search(items[i][1].strip()) for i in range(start, end)):
            continue
        virtual = _columns(items, start, end)
        if virtual is None:
            continue
        pages = {number: (page_of or {}).get(number, 1) for number, _text in virtual if number}
        headers = [h for h in find_headers(virtual, pages) if h.kind_word]
        if len(headers) == 1:
            header = headers[0]
            header.start, header.end = start, end
            found.append(header)
    return found
