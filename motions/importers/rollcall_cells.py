"""How a line of a roll-call table is cut into its cells (rollcall.parse_rollcall): the columns a
header names, and the likeliest reading of a row's words under them — the name and function of
several words, a party, a seat number, the result as the table writes it (rollcall_vocab.Results),
and the "Tjänstgör för" cell that names the absent member an ersättare serves for, or is empty. Pure."""

import re
from itertools import combinations

from django.utils.translation import gettext as _

from .marked_table import COLUMN_WORDS, MARK_RE, header_words
from .rollcall_vocab import DASHES, Results

STANDARD_COLUMNS = ["name", "party", "seat", "role", "result"]
# The columns a cell of several words may fill; "Tjänstgör för" (serves_for) may also be empty.
WIDE_COLUMNS = {"name": 6, "role": 4, "serves_for": 7}
PARTY_RE = re.compile(r"^\(?(?P<party>[A-ZÅÄÖa-zåäö]{1,4})\)?$")
NAME_WORD_RE = re.compile(r"^[A-ZÅÄÖÉÜa-zåäöéüèáíóúñ][\w'’.-]*$")
# The functions a Göteborg roll call prints; a function outside this list is read only where the
# columns around it fix its words (between Plats and Resultat).
ROLE_RE = re.compile(
    r"(?i)^(?:tjänstgörande\s+|tj\.?\s*)?(?:ledamot|ersättare|ers\.?|ordförande|ordf\.?"
    r"|(?:(?:1:e|2:e|1:a|2:a|förste|andre|första|andra)\s+)?(?:v\.?|vice)\s+(?:ordf\.?|ordförande))$"
)
MAX_NAME_WORDS = WIDE_COLUMNS["name"]
MAX_ROLE_WORDS = WIDE_COLUMNS["role"]
CONVENTION = Results()


def table_columns(line: str) -> list[str] | None:
    """The columns of a roll-call table's header line ("Namn Parti Plats Funktion Resultat" in any
    order, Plats and Funktion optional), or None when the line is no such header."""
    words = [w for w in header_words(line) if w]
    columns = [COLUMN_WORDS.get(w) for w in words]
    if not words or None in columns or len(set(columns)) != len(columns):
        return None
    return columns if {"name", "party", "result"} <= set(columns) else None


def is_rollcall_header(line: str) -> bool:
    return table_columns(line) is not None


def _base_widths(columns: list[str]) -> list[int]:
    return [0 if c == "serves_for" else 1 for c in columns]


def min_tokens(columns: list[str]) -> int:
    """The fewest words a row holds: a cell each (the name two), an empty Tjänstgör för none."""
    return sum(_base_widths(columns)) + 1


def _spans(count: int, columns: list[str]):
    """Every way to cut `count` tokens into one span per column: name, role and Tjänstgör för take
    several words."""
    wide = [i for i, c in enumerate(columns) if c in WIDE_COLUMNS]
    extra = count - sum(_base_widths(columns))
    if extra < 0:
        return
    if not wide:
        if extra == 0:
            yield [(i, i + 1) for i in range(len(columns))]
        return
    for sizes in _compositions(extra, len(wide)):
        widths = _base_widths(columns)
        for position, more in zip(wide, sizes, strict=True):
            widths[position] += more
        spans, start = [], 0
        for width in widths:
            spans.append((start, start + width))
            start += width
        yield spans


def _compositions(total: int, parts: int):
    for cuts in combinations(range(total + parts - 1), parts - 1):
        bounds = (-1, *cuts, total + parts - 1)
        yield [bounds[i + 1] - bounds[i] - 1 for i in range(parts)]


def read_cells(tokens: list[str], columns: list[str], results: Results = CONVENTION) -> tuple[int, dict] | None:
    """The likeliest reading of the row's words under the columns: every cell must fit its column;
    a function from the list and a party in capitals make a reading likelier."""
    if len(tokens) > sum(WIDE_COLUMNS.get(c, 1) for c in columns):
        return None  # longer than any row: no cutting need be tried
    best = None
    for spans in _spans(len(tokens), columns):
        cells, score = {}, 0
        for column, (start, end) in zip(columns, spans, strict=True):
            words = tokens[start:end]
            text = " ".join(words)
            if column in ("name", "party", "serves_for") and any(MARK_RE.fullmatch(w) for w in words):
                break  # an X is a mark, no one's name or party: the row of an X table left unread
            if column == "result":
                if len(words) != 1 or results.of(text) is None:
                    break
                cells["result"] = results.of(text)
            elif column == "serves_for":
                if words and text not in DASHES and not _is_member(words):
                    break
                cells["serves_for"] = "" if text in DASHES else text
            elif column == "seat":
                if not re.fullmatch(r"[0-9]{1,4}", text):
                    break
                cells["seat"] = int(text)
            elif column == "party":
                found = PARTY_RE.match(text)
                if not found:
                    break
                score += 2 if found["party"].isupper() else 0
                cells["party"] = found["party"].upper()
            elif column == "name":
                if len(words) < 2 or len(words) > MAX_NAME_WORDS or not all(NAME_WORD_RE.match(w) for w in words):
                    break
                cells["name"] = text
            else:
                listed = bool(ROLE_RE.match(text))
                if not listed and (len(words) > MAX_ROLE_WORDS or any(re.search(r"[()]", w) for w in words)):
                    break
                score += 3 if listed else 0
                cells["role"] = text
        else:
            if best is None or score > best[0]:
                best = (score, cells)
    return best


def _is_member(words: list[str]) -> bool:
    """A "Tjänstgör för" cell: a name, its party in parentheses after it or not."""
    names = words[:-1] if re.fullmatch(r"\([A-ZÅÄÖ]{1,4}\)", words[-1]) else words
    return 2 <= len(names) <= MAX_NAME_WORDS and all(NAME_WORD_RE.match(w) for w in names)


def column_list(columns: list[str]) -> str:
    labels = {
        "name": _("namn"), "party": _("parti"), "seat": _("plats"), "role": _("funktion"), "result": _("resultat"),
        "serves_for": _("tjänstgör för"),
    }  # fmt: skip
    names = [str(labels[c]) for c in columns]
    return _("%(first)s och %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


def is_row(line: str, columns: list[str], results: Results = CONVENTION) -> bool:
    tokens = line.split()
    return len(tokens) >= min_tokens(columns) and read_cells(tokens, columns, results) is not None


def person_line(line: str, columns: list[str], results: Results) -> str | None:
    """A line under a heading of people who do not vote: "person" when it holds the table's cells
    without a result ("Kim Östlund  S"; an empty cell "–" for the result), "voter" when it holds a
    result, None when it is neither. Any of seat, function and "Tjänstgör för" may be left out."""
    tokens = line.split()
    optional = [c for c in columns if c in ("seat", "role", "serves_for")]
    variants = [
        [c for c in columns if c not in left_out]
        for dropped in range(len(optional) + 1)
        for left_out in combinations(optional, dropped)
    ]

    def reads(words: list[str], kept: list[str]) -> bool:
        return len(words) >= min_tokens(kept) and read_cells(words, kept, results) is not None

    if tokens[-1] in DASHES and any(reads(tokens[:-1], [c for c in v if c != "result"]) for v in variants):
        return "person"
    if any(reads(tokens, v) for v in variants):
        return "voter"
    return "person" if any(reads(tokens, [c for c in v if c != "result"]) for v in variants) else None


def ends_in_result(line: str, results: Results = CONVENTION) -> bool:
    return results.of(line.split()[-1]) is not None
