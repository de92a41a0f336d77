"""A vote table that marks each vote with an X under a column per result ("Namn Parti Ja Nej Avstår"),
rewritten line for line as the one-result-column table rollcall.py reads. Which column an X stands
under is read from the layout of the text: a table typed or pasted with its columns (two or more
spaces or a tab apart), or a PDF's text, whose lines keep their columns (pdf.laid_out). Without the
layout (one space between all words) the table is left as it is, and rollcall refuses it by name.
"""

import re

from .text import is_furniture

# The column header's words, each under the names clerks give the column, in whatever order the
# table prints them; Plats and Funktion may be left out.
COLUMN_WORDS = {
    "namn": "name", "ledamot": "name", "ledamöter": "name", "parti": "party", "plats": "seat", "platsnr": "seat",
    "nr": "seat", "funktion": "role", "roll": "role", "uppdrag": "role", "resultat": "result", "röst": "result",
    "röstning": "result", "ställningstagande": "result", "ersätter": "serves_for", "tjänstgör_för": "serves_for",
}  # fmt: skip
# A column named in two or three words ("Tjänstgör för": the absent member an ersättare serves for),
# read as the one word COLUMN_WORDS knows.
COLUMN_PHRASES_RE = re.compile(r"(?i)\b(?:tjänstgör(?:ande)?\s+för|i\s*stället\s+för|ersättare\s+för)\b")
MARK_COLUMNS = {"ja", "nej", "avstår", "frånvarande", "frånv", "frånv."}
MARK_RE = re.compile(r"(?<!\S)[Xx×✓](?!\S)")
MARK_RESULT = {"ja": "Ja", "nej": "Nej", "avstår": "Avstår", "frånvarande": "Frånvarande", "frånv": "Frånvarande"}
SUM_RE = re.compile(r"(?i)^(?:summa|totalt|total|resultat)\s*:?\s+(?P<rest>.+)$")
# A page number standing alone between the table's pages: "2", "- 2 -", "2/3", "Sida 2".
PAGE_NUMBER_RE = re.compile(r"(?i)^(?:sida\s+)?[-–]?\s*\d{1,3}\s*[-–]?(?:\s*(?:/|av)\s*\d{1,3})?$")
# A running header or footer over a page of the table: it names the attachment, the page or the
# meeting's date ("Grundskolenämnden 2025-10-28, bilaga 1") and is no row.
RUNNING_LINE_RE = re.compile(r"(?i)\bbilaga\s+\d{1,2}\b|\bsida\s+\d{1,3}\b|\b(?:19|20)\d\d-\d\d-\d\d\b")
# How far past a page break (its blank lines, the form feed, furniture the PDF reading left) the
# table's next row is looked for.
PAGE_TURN_LINES = 8


def header_words(line: str) -> list[str]:
    """A header line's words, lower-cased, a column named in several words as one."""
    return [w.strip(".:") for w in COLUMN_PHRASES_RE.sub("tjänstgör_för", " ".join(line.split()).lower()).split()]


def is_marked_header(line: str) -> bool:
    """A header with a column per result ("Namn Parti Plats Ja Nej Avstår Frånvarande")."""
    words = header_words(line)
    marks = [w for w in words if w in MARK_COLUMNS]
    known = {COLUMN_WORDS.get(w) for w in words if w not in MARK_COLUMNS}
    return len(marks) >= 2 and None not in known and "name" in known


def _mark_cells(raw: str) -> list[tuple[int, int, str]]:
    """The cells of a raw line as (start, end, text): at tabs when there are any (start and end are
    then the cell's index, so that cells line up by their place, not their width), else at runs of
    two or more spaces (the columns of a table typed or pasted with its layout). A form feed takes no
    place on the page: it is dropped before the positions are measured (a header repeated after a
    bare page break, "\\fLedamot  Parti …", stands where the first one stood)."""
    raw = raw.replace("\f", "")
    if "\t" in raw:
        return [(i, i, cell.strip()) for i, cell in enumerate(raw.split("\t"))]
    return [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+(?: \S+)*", raw)]


def _column_of(marks: list[tuple[int, int, str]], start: int, end: int, slack: int = 2) -> str | None:
    """The result column a mark (or a count) stands under: the one header cell it overlaps, with two
    characters' slack for a centred or slightly shifted X (none between tabs, where a cell is its
    place); None when it is under none, or under two."""
    centre = (start + end) / 2
    under = [result for s, e, result in marks if s - slack <= centre <= e + slack]
    return under[0] if len(under) == 1 else None


def _side_word_mark(cell: tuple[int, int, str], marks: list[tuple[int, int, str]], slack: int) -> bool:
    """A cell marked with its column's own word ("Ja" under Ja, "Avstår" under Avstår): a mark."""
    start, end, text = cell
    side = MARK_RESULT.get(text.lower().strip(".:"))
    return side is not None and _column_of(marks, start, end, slack) == side


def _row(raw: str, marks: list[tuple[int, int, str]], slack: int) -> str | None:
    """The row with its X as the result it stands under ("Anna Berg  S  Ja"), a totals line as
    labelled counts ("Summa: Ja 6, Nej 5"); None when the line is neither, or its marks are not
    placed under one column each."""
    cells = [cell for cell in _mark_cells(raw) if cell[2]]
    if SUM_RE.match(" ".join(raw.split())):
        numbers = [(s, e, text) for s, e, text in cells if text.isdigit()]
        columns = [_column_of(marks, s, e, slack) for s, e, _t in numbers]
        if not numbers or None in columns:
            return None
        return "Summa: " + ", ".join(f"{c} {t}" for c, (_s, _e, t) in zip(columns, numbers, strict=True))
    marked = [cell for cell in cells if MARK_RE.fullmatch(cell[2]) or _side_word_mark(cell, marks, slack)]
    result = _column_of(marks, marked[0][0], marked[0][1], slack) if len(marked) == 1 else None
    if result is None:
        return None
    # The other cells in their order, wherever the result columns stand among them.
    return "  ".join([*(cell[2] for cell in cells if cell is not marked[0]), result])


def _next_page_row(lines: list[str], index: int) -> int | None:
    """Past a page break (blank lines, the form feed, a page number or running line) the index of
    the line the table may go on with, or None when none is near."""
    for ahead in range(index, min(len(lines), index + PAGE_TURN_LINES)):
        stripped = " ".join(lines[ahead].split())
        if not stripped or is_furniture(lines[ahead]) or PAGE_NUMBER_RE.match(stripped):
            continue
        if RUNNING_LINE_RE.search(stripped) and not MARK_RE.search(stripped):
            continue
        return ahead
    return None


def unmark_tables(lines: list[str]) -> list[str]:
    """Every X-marked table whose layout places each mark under one result column, rewritten line
    for line as the one-result-column table the reader takes (the line numbers stay the
    document's): each X goes to the column it stands under, a totals line to labelled counts. The
    table runs over a page break when its rows go on on the next page, under a repeated header or
    without one. A table is rewritten whole or not at all: where one row's X cannot be placed, the
    table keeps its marks and the reader refuses (or the protocol flags) it, rather than read half."""
    out = list(lines)
    index = 0
    while index < len(out):
        header = _mark_cells(out[index])
        words = [text.lower().strip(".:") for _s, _e, text in header]
        marks = [(s, e, MARK_RESULT[w]) for (s, e, _t), w in zip(header, words, strict=True) if w in MARK_RESULT]
        if not is_marked_header(" ".join(out[index].split())) or len(marks) < 2:
            index += 1
            continue  # no marked header, or its words are not apart as columns: no layout to read
        slack = 0 if "\t" in out[index] else 2
        rewritten: list[tuple[int, str]] = []
        failed = False
        row_index = index + 1
        while row_index < len(out):
            raw = out[row_index]
            if not raw.strip() or is_furniture(raw):
                ahead = _next_page_row(out, row_index)
                if ahead is None or ahead == row_index or _row(out[ahead], marks, slack) is None:
                    break  # the table's end (a repeated header is read as a table of its own)
                row_index = ahead
                continue
            row = _row(raw, marks, slack)
            if row is None:
                # A line with a mark the layout does not place is the table's, unread; one without
                # any mark is what follows the table.
                failed = bool(MARK_RE.search(raw)) or bool(SUM_RE.match(" ".join(raw.split())))
                break
            rewritten.append((row_index, row))
            row_index += 1
        if not rewritten or failed:
            index = (rewritten[-1][0] if rewritten else index) + 1
            continue
        kept = [text for (_s, _e, text), w in zip(header, words, strict=True) if w not in MARK_RESULT]
        out[index] = "  ".join([*kept, "Resultat"])
        for at, text in rewritten:
            out[at] = text
        index = rewritten[-1][0] + 1
    return out
