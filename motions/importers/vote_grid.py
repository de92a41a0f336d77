"""Any roll-call TABLE, read from its header line: the columns are found by their header words
(Namn/Ledamot, Parti, Funktion/Roll, Nr/Plats, Ersätter, Röst/Resultat, or a column per result
Ja/Nej/Avstår/Frånvarande) in whatever order they stand, and each row's cells are put under the
column they stand under (a typed table or a PDF's laid-out text keeps its columns, pdf.laid_out).
A mark is any of X x 1 ✓ × •. After a page break the furniture and the repeated header are skipped
and the table goes on; a "Summa"/"Totalt"/"Antal" row gives the declared counts. Used where the
tuned readers (rollcall.py, marked_table.py) read nothing. Pure: no database query."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .rollcall import ParsedRollCall, RollCallRow
from .rollcall_vocab import results_of
from .vote_columns import read_columns
from .vote_counts import declared_counts
from .vote_words import (
    DEFAULT_ROLE,
    RESULT_WORDS,
    duplicate_flags,
    is_break_furniture,
    role_of,
    rollcall_of,
)

HEADER_WORDS = {
    "namn": "name", "ledamot": "name", "ledamöter": "name", "ledamot/ersättare": "name",
    "parti": "party", "funktion": "role", "roll": "role", "uppdrag": "role",
    "nr": "seat", "plats": "seat", "stol": "seat", "platsnr": "seat",
    "ersätter": "stands_in", "tjänstgör": "stands_in",
    # "Ledamot   Tjänstgörande ersättare   Ja Nej": the ersättare who serves for the member beside.
    "tjänstgörande": "substitute",
    "röst": "result", "resultat": "result", "votering": "result", "röstade": "result",
    "ja": "ja", "nej": "nej", "avstår": "avstar", "avstod": "avstar",
    "frånvarande": "franvarande", "frånv": "franvarande",
}  # fmt: skip
MARKS = {"x", "1", "✓", "✔", "×", "•"}
MARK_KINDS = ("ja", "nej", "avstar", "franvarande")
SUM_WORD_RE = re.compile(r"(?i)^(?:summa|totalt|antal|total)\s*:?$")
NAME_RE = re.compile(r"^[A-ZÅÄÖÉÜ][\w'’.-]*(?:\s+[\w'’.-]+){1,5}$")
PARTY_RE = re.compile(r"^\(?(?P<party>[A-ZÅÄÖ]{1,4})\)?$")
# A role inside the name cell: "Jonas Attar, ordförande", "Irja Lund (tjg ers)".
ROLE_IN_NAME_RE = re.compile(r"^(?P<name>.+?)(?:,\s*(?P<comma>[^,()]+)|\s*\((?P<paren>[^()]+)\))$")
# An abbreviated role, kept as printed: "ordf", "v ordf", "1:e v ordf", "2:e v. ordf.".
SHORT_ROLE_RE = re.compile(r"(?i)^(?:[12]:[ae]\s+)?(?:v\.?\s+)?ordf\.?$")
# A totals row's labelled counts under a one-result-column table: "Summa   Ja 4   Nej 3   Avstår 1",
# "Summa: Ja 4, Nej 3".
LABELLED_SUM_RE = re.compile(r"(?i)^(?:summa|totalt|antal|total)\s*:?\s+(?P<rest>.+)$")
LABELLED_COUNT_RE = re.compile(r"(?i)(?P<side>ja|nej|avstår|frånvarande)\s*:?\s*(?P<count>\d{1,3})\b")
KEYS = {"avstår": "avstar", "frånvarande": "franvarande"}
MARK_SLACK = 4
SUBSTITUTE_ROLE = "tjänstgörande ersättare"


@dataclass
class Column:
    kind: str
    start: int
    end: int


def _cells(raw: str) -> list[tuple[int, int, str]]:
    """A line's cells: runs of words one space apart, as (start, end, text)."""
    text = raw.replace("\f", "").replace("\t", "    ")  # a form feed takes no place on the page
    return [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+(?: \S+)*", text)]


def grid_columns(raw: str) -> list[Column] | None:
    """The columns of a roll-call table's header line, or None when the line is no such header:
    every cell opens with a header word, a name column and either a result column or two result
    columns; a header typed with one space between all its words is read word by word."""
    columns: list[Column] = []
    for start, end, text in _cells(raw):
        words = text.split()
        kinds = [HEADER_WORDS.get(w.lower().strip(".:").split("/")[0]) for w in words]
        if kinds[0] is None:
            return None
        # "Ledamot/tjänstgörande ersättare Parti …" one space apart: the word after the slash's goes on.
        joined = [k is None and "/" in words[i - 1] and kinds[i - 1] == "name" for i, k in enumerate(kinds)]
        if len(words) > 1 and all(k is not None or j for k, j in zip(kinds, joined, strict=True)):
            at = start
            for word, kind, goes_on in zip(words, kinds, joined, strict=True):
                at = raw.index(word, at)
                if goes_on:
                    columns[-1].end = at + len(word)
                else:
                    columns.append(Column(kind, at, at + len(word)))
                at += len(word)
        elif len(words) <= 3:  # "Ledamot/tjänstgörande ersättare", "Tjänstgör för"
            columns.append(Column(kinds[0], start, end))
        else:
            return None
    kinds = [c.kind for c in columns]
    marks = [k for k in kinds if k in MARK_KINDS]
    if len(set(kinds)) != len(kinds) or "name" not in kinds:
        return None
    return columns if "result" in kinds or len(marks) >= 2 else None


def _mark_column(columns: list[Column], start: int, end: int) -> Column | None:
    """The result column a mark stands under: the nearest by centre, within a few characters."""
    centre = (start + end) / 2
    marks = [c for c in columns if c.kind in MARK_KINDS]
    if not marks:
        return None
    best = min(marks, key=lambda c: abs((c.start + c.end) / 2 - centre))
    return best if best.start - MARK_SLACK <= centre <= best.end + MARK_SLACK else None


def _is_mark(text: str, columns: list[Column], start: int, end: int) -> bool:
    """A mark: X (or the like) – not a seat numbered 1 under Plats – or the side's own word under its
    column ("Ja" under Ja)."""
    if text.lower() in MARKS:
        return not (text.isdigit() and _text_column(columns, start).kind == "seat")
    column = _mark_column(columns, start, end)
    side = {"avstår": "avstar", "frånvarande": "franvarande"}.get(text.lower(), text.lower())
    return column is not None and column.kind == side


def _text_column(columns: list[Column], start: int) -> Column:
    """The column a left-aligned cell stands in: the last whose header starts at or before it."""
    placed = [c for c in columns if c.start <= start + 1]
    return placed[-1] if placed else columns[0]


def _sum_row(raw: str, columns: list[Column]) -> dict[str, int] | None:
    """A totals row: counts under the mark columns ("Summa  4  3  1"), or labelled counts after the
    word ("Summa   Ja 4   Nej 3   Avstår 1", under a table with one result column)."""
    labelled = LABELLED_SUM_RE.match(" ".join(raw.split()))
    if labelled and not LABELLED_COUNT_RE.sub("", labelled["rest"]).strip(" ,;."):
        found = list(LABELLED_COUNT_RE.finditer(labelled["rest"]))
        keys = [KEYS.get(m["side"].lower(), m["side"].lower()) for m in found]
        return dict(zip(keys, (int(m["count"]) for m in found), strict=True)) if len(set(keys)) == len(keys) else None
    cells = _cells(raw)
    if not cells or not SUM_WORD_RE.match(cells[0][2]) or len(cells) < 2:
        return None
    counts = {}
    for start, end, text in cells[1:]:
        column = _mark_column(columns, start, end)
        if not text.isdigit() or column is None or column.kind in counts:
            return None
        counts[column.kind] = int(text)
    return counts


def _row_cells(raw: str, columns: list[Column]) -> list[tuple[int, int, str]]:
    """The row's cells; a row typed with one space between all its words, under a header typed so,
    split by the header: one word for each column beside the name (party, seat, result), the words
    of a role for a role column ("Vice ordförande"), the name the words between. Left as one cell
    where a mark column or a substitute column makes the split unsure."""
    cells = _cells(raw)
    if len(cells) == len(columns) > 2 and not any(c.kind in MARK_KINDS for c in columns):
        # As many cells as columns, two spaces apart but not aligned (a table typed so, or an X-marked
        # table marked_table rewrote): each cell under its column in order.
        return [(c.start, c.end, text) for c, (_s, _e, text) in zip(columns, cells, strict=True)]
    single = all(b.start - a.end == 1 for a, b in zip(columns, columns[1:], strict=False))
    kinds = [c.kind for c in columns]
    if len(cells) != 1 or not single or "name" not in kinds or {"substitute", "stands_in"} & set(kinds):
        return cells
    if any(k in MARK_KINDS for k in kinds):
        return cells
    words = cells[0][2].split()
    at = kinds.index("name")
    left = _take(words, kinds[:at])
    right = _take(words[::-1], kinds[at + 1 :][::-1], reverse=True)
    if left is None or right is None:
        return cells
    used_left, used_right = sum(len(t.split()) for t in left), sum(len(t.split()) for t in right)
    name = words[used_left : len(words) - used_right]
    if len(name) < 2:
        return cells
    split = [*left, " ".join(name), *right[::-1]]
    return [(c.start, c.end, text) for c, text in zip(columns, split, strict=True)]


def _take(words: list[str], kinds: list[str], reverse: bool = False) -> list[str] | None:
    """The cells of the columns beside the name, from the row's edge inwards: one word each, a role
    the most words (up to three) that make a role; None when a role column finds no role."""
    taken: list[str] = []
    at = 0
    for kind in kinds:
        size = 1
        if kind == "role":
            sizes = [k for k in (3, 2, 1) if _is_role(" ".join(_ordered(words[at : at + k], reverse)))]
            if not sizes:
                return None
            size = sizes[0]
        taken.append(" ".join(_ordered(words[at : at + size], reverse)))
        at += size
    return taken


def _is_role(text: str) -> bool:
    return bool(role_of(text) or SHORT_ROLE_RE.match(text))


def _ordered(words: list[str], reverse: bool) -> list[str]:
    return words[::-1] if reverse else words


def _row(raw: str, number: int, columns: list[Column], legend: dict[str, str] | None = None) -> RollCallRow | None:
    """The row under the columns, or None when the line is no row of the table."""
    cells: dict[str, str] = {}
    result = ""
    for start, end, text in _row_cells(raw, columns):
        if _is_mark(text, columns, start, end):
            column = _mark_column(columns, start, end)
            if column is None or result:
                return None
            result = RESULT_WORDS[{"avstar": "avstår", "franvarande": "frånvarande"}.get(column.kind, column.kind)]
            continue
        column = _text_column(columns, start)
        if column.kind in MARK_KINDS or column.kind in cells:
            return None
        cells[column.kind] = text
    if "result" in cells:
        # A letter or dash the table's legend defines ("– = Frånvarande"), or a result word.
        printed = (legend or {}).get(cells["result"]) or RESULT_WORDS.get(cells["result"].lower().rstrip("."))
        if result or printed is None:
            return None
        result = printed
    name = cells.get("name", "")
    role = cells.get("role", "")
    if cells.get("substitute"):
        # The ersättare in the substitute column voted in the member's stead: the row is theirs.
        name, role = cells["substitute"], SUBSTITUTE_ROLE
    inside = ROLE_IN_NAME_RE.match(name)
    printed = (inside["comma"] or inside["paren"] or "").strip() if inside else ""
    if inside and (role_of(printed) or SHORT_ROLE_RE.match(printed)):
        name, role = inside["name"].strip(), role or role_of(printed) or printed
    party = cells.get("party", "")
    if not party and "party" not in {c.kind for c in columns}:
        found = re.match(r"^(?P<name>.+?)\s*\((?P<party>[A-ZÅÄÖ]{1,4})\)$", name)
        name, party = (found["name"], found["party"]) if found else (name, "")
    party_found = PARTY_RE.match(party)
    if not result or not NAME_RE.match(name) or not party_found:
        return None
    if role and role_of(role):
        role = role_of(role) if role.lower().startswith(("tjg", "ers.")) else role
    return RollCallRow(
        name=name, party=party_found["party"], seat=None, role=role or DEFAULT_ROLE, result=result, line=number
    )


def _looks_like_row(raw: str, columns: list[Column]) -> bool:
    """A line that holds a mark under a result column or a name-like cell: a member the table
    meant to list, not prose after it."""
    cells = _cells(raw)
    if any(t.lower() in MARKS and _mark_column(columns, s, e) for s, e, t in cells):
        return True
    return len(cells) >= 2 and bool(NAME_RE.match(cells[0][2]))


def read_grid(lines: list[str]) -> tuple[ParsedRollCall | None, list[str]]:
    """The first roll-call table in the lines (the text of one vote), and what to flag. A row that
    cannot be read makes no roll call but a flag: no member is dropped unsaid."""
    start = next((i for i, raw in enumerate(lines) if grid_columns(raw)), None)
    if start is None:
        return read_columns(lines)  # no table: perhaps name columns under "Ja  Nej  Avstår"
    columns = grid_columns(lines[start])
    legend = results_of(lines).legend  # "J = Ja, N = Nej, A = Avstår, – = Frånvarande" under the table
    rows: list[RollCallRow] = []
    declared: dict[str, int] = {}
    flags: list[str] = []
    for index in range(start + 1, len(lines)):
        raw = lines[index]
        if not raw.strip() or is_break_furniture(lines, index):
            continue
        again = grid_columns(raw)
        if again:  # the header repeated after a page break: its order rules on
            columns = again
            continue
        counts = _sum_row(raw, columns)
        if counts is not None:
            declared.update(counts)
            continue
        row = _row(raw, index + 1, columns, legend)
        if row is not None:
            rows.append(row)
            continue
        if _looks_like_row(raw, columns) and not declared:
            flags.append(
                _("Rad %(line)d: raden i omröstningstabellen kunde inte läsas: ”%(text)s” – skriv in namnlistan.")
                % {"line": index + 1, "text": " ".join(raw.split())[:80]}
            )
            return None, flags
        break
    if not rows:
        return None, flags
    return rollcall_of(rows, declared), flags + duplicate_flags(rows)


def grid_instead(text: str) -> ParsedRollCall | None:
    """A table the tuned reader (rollcall.parse_rollcall) refuses, read by its columns instead: the
    roll call when every row is read with nothing to flag, else None (the refusal stands)."""
    lines = text.split("\n")
    rollcall, flags = read_grid(lines)
    if rollcall is None or flags:
        return None
    # The counts the text around the table states ("Sammanräkning: sex (6) ja, …"), as vote_general does.
    used = {row.line for row in rollcall.rows}
    counts, unsure = declared_counts("\n".join(x for n, x in enumerate(lines, start=1) if n not in used))
    for key, count in {} if unsure else counts.items():
        rollcall.declared_totals.setdefault(key, count)
    return rollcall
