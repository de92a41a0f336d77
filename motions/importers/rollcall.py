"""The roll-call parser: optional "Antal Ja: 39" lines, then the Namn Parti Plats Funktion Resultat table
(or, without a table, the KS prose form: prose_rollcall.py)."""

import re
from dataclasses import asdict, dataclass
from itertools import combinations

from django.utils.translation import gettext as _

from ..models import VoteRecord
from .marked_table import (
    COLUMN_WORDS,
    PAGE_NUMBER_RE,
    RUNNING_LINE_RE,
    SUM_RE,
    is_marked_header,
    unmark_tables,
)
from .text import ImportError_, check_text, is_furniture, line_error

# A member whose table has no Funktion column is a ledamot, as in the prose form (prose_rollcall).
DEFAULT_ROLE = "Ledamot"
STANDARD_COLUMNS = ["name", "party", "seat", "role", "result"]
TOTAL_RE = re.compile(r"^antal\s+(?P<what>ja|nej|avstår|frånv(?:arande)?)\s*:\s*(?P<count>\d+)$", re.IGNORECASE)
# A totals line under the table: "Summa 7 6 0 2" (Ja, Nej, Avstår, Frånvarande in that order) or
# "Summa: Ja 7, Nej 6, Avstår 0, Frånvarande 2" or, count first, "Resultat: 10 ja, 2 nej, 1 avstår".
SUM_PAIR_RE = re.compile(r"(?i)(?P<what>ja|nej|avstår|frånv(?:arande)?)\s*:?\s*(?P<count>\d{1,3})")
SUM_COUNT_FIRST_RE = re.compile(r"(?i)(?P<count>\d{1,3})\s+(?P<what>ja|nej|avstår|frånv(?:arande)?)\b")
RESULTS = {
    "ja": VoteRecord.Result.YES,
    "nej": VoteRecord.Result.NO,
    "avstår": VoteRecord.Result.ABSTAIN,
    "avstod": VoteRecord.Result.ABSTAIN,
    "avstått": VoteRecord.Result.ABSTAIN,
    "frånvarande": VoteRecord.Result.ABSENT,
    "frånv": VoteRecord.Result.ABSENT,
    "frånv.": VoteRecord.Result.ABSENT,
}
TOTAL_KEYS = {"ja": "ja", "nej": "nej", "avstår": "avstar", "frånv": "franvarande", "frånvarande": "franvarande"}
PARTY_RE = re.compile(r"^\(?(?P<party>[A-ZÅÄÖa-zåäö]{1,4})\)?$")
NAME_WORD_RE = re.compile(r"^[A-ZÅÄÖÉÜa-zåäöéüèáíóúñ][\w'’.-]*$")
# The functions a Göteborg roll call prints; a function outside this list is read only where the
# columns around it fix its words (between Plats and Resultat).
ROLE_RE = re.compile(
    r"(?i)^(?:tjänstgörande\s+|tj\.?\s*)?(?:ledamot|ersättare|ers\.?|ordförande|ordf\.?"
    r"|(?:(?:1:e|2:e|1:a|2:a|förste|andre|första|andra)\s+)?(?:v\.?|vice)\s+(?:ordf\.?|ordförande))$"
)
LOOKAHEAD = 4
MAX_NAME_WORDS = 6
MAX_ROLE_WORDS = 4


class UnreadMarksError(ImportError_):  # noqa: N818 - an ImportError_ like the others
    """A table marking the votes with X under a column per result, whose columns the text does not
    show (marked_table could not place every X): which way each member voted cannot be read."""

    def __init__(self, number: int, message: str):
        super().__init__(str(line_error(number, message)))
        self.line = number


@dataclass
class RollCallRow:
    name: str
    party: str
    seat: int | None  # None in the prose form and in a table without Plats
    role: str
    result: str
    line: int


@dataclass
class ParsedRollCall:
    rows: list[RollCallRow]
    totals: dict[str, int]
    declared_totals: dict[str, int]

    def as_json(self) -> dict:
        return {
            "totals": self.totals,
            "declared_totals": self.declared_totals,
            "records": [{k: v for k, v in asdict(r).items() if k != "line"} for r in self.rows],
        }


# What Member's columns hold (seat: a small integer; name and role: varchar(120) and varchar(60)).
MAX_SEAT = 999
MAX_NAME = 120
MAX_ROLE = 60


def table_columns(line: str) -> list[str] | None:
    """The columns of a roll-call table's header line ("Namn Parti Plats Funktion Resultat" in any
    order, Plats and Funktion optional), or None when the line is no such header."""
    words = " ".join(line.split()).lower().rstrip(":").split()
    columns = [COLUMN_WORDS.get(w.strip(".:")) for w in words]
    if not words or None in columns or len(set(columns)) != len(columns):
        return None
    return columns if {"name", "party", "result"} <= set(columns) else None


def is_rollcall_header(line: str) -> bool:
    return table_columns(line) is not None


def _spans(count: int, columns: list[str]):
    """Every way to cut `count` tokens into one span per column: name and role take several words."""
    wide = [i for i, c in enumerate(columns) if c in ("name", "role")]
    extra = count - len(columns)
    if extra < 0:
        return
    if not wide:
        if extra == 0:
            yield [(i, i + 1) for i in range(len(columns))]
        return
    for sizes in _compositions(extra, len(wide)):
        widths = [1] * len(columns)
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


def _read_cells(tokens: list[str], columns: list[str]) -> tuple[int, dict] | None:
    """The likeliest reading of the row's words under the columns: every cell must fit its column;
    a function from the list and a party in capitals make a reading likelier."""
    if len(tokens) > len(columns) + MAX_NAME_WORDS + MAX_ROLE_WORDS - 2:
        return None  # longer than any row: no cutting need be tried
    best = None
    for spans in _spans(len(tokens), columns):
        cells, score = {}, 0
        for column, (start, end) in zip(columns, spans, strict=True):
            words = tokens[start:end]
            text = " ".join(words)
            if column == "result":
                if text.lower() not in RESULTS:
                    break
                cells["result"] = RESULTS[text.lower()]
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


def _column_list(columns: list[str]) -> str:
    labels = {
        "name": _("namn"), "party": _("parti"), "seat": _("plats"), "role": _("funktion"), "result": _("resultat"),
    }  # fmt: skip
    names = [str(labels[c]) for c in columns]
    return _("%(first)s och %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


def _rollcall_row(line: str, number: int, columns: list[str] | None = None) -> RollCallRow:
    columns = columns or STANDARD_COLUMNS
    tokens = line.split()
    read = _read_cells(tokens, columns) if len(tokens) >= len(columns) + 1 else None
    if read is None:
        _refuse_row(line, number, tokens, columns)
    cells = read[1]
    name, seat = cells["name"], cells.get("seat")
    role = cells.get("role", "") if "role" in columns else DEFAULT_ROLE
    if seat is not None and not 1 <= seat <= MAX_SEAT:
        raise line_error(
            number,
            _("Platsnumret ska vara mellan 1 och %(max)d: ”%(text)s”") % {"max": MAX_SEAT, "text": str(seat)[:20]},
        )
    if len(name) > MAX_NAME or len(role) > MAX_ROLE:
        raise line_error(
            number,
            _("Namnet får vara högst %(name)d tecken och funktionen högst %(role)d: ”%(text)s”")
            % {"name": MAX_NAME, "role": MAX_ROLE, "text": line.strip()[:80]},
        )
    return RollCallRow(name=name, party=cells["party"], seat=seat, role=role, result=cells["result"], line=number)


def _refuse_row(line: str, number: int, tokens: list[str], columns: list[str]):
    """Why the line is no row, as near to the cell at fault as the words allow."""
    if len(tokens) < len(columns) + 1:
        if columns == STANDARD_COLUMNS:
            message = _("Raden ska ha namn, parti, plats, funktion och resultat: ”%(text)s”") % {
                "text": line.strip()[:80]
            }
        else:
            message = _("Raden ska ha %(columns)s: ”%(text)s”") % {
                "columns": _column_list(columns),
                "text": line.strip()[:80],
            }
        raise line_error(number, message)
    if columns[-1] == "result" and tokens[-1].lower() not in RESULTS:
        raise line_error(
            number, _("Okänt resultat ”%(value)s” (Ja, Nej, Avstår eller Frånvarande).") % {"value": tokens[-1][:20]}
        )
    if "seat" in columns and not any(re.fullmatch(r"[0-9]+", t) for t in tokens):
        raise line_error(number, _("Platsnumret saknas: ”%(text)s”") % {"text": line.strip()[:80]})
    if "seat" in columns and any(re.fullmatch(r"[0-9]{5,}", t) for t in tokens):
        big = next(t for t in tokens if re.fullmatch(r"[0-9]{5,}", t))
        raise line_error(
            number, _("Platsnumret ska vara mellan 1 och %(max)d: ”%(text)s”") % {"max": MAX_SEAT, "text": big[:20]}
        )
    raise line_error(
        number,
        _("Raden kunde inte delas upp i %(columns)s: ”%(text)s”")
        % {"columns": _column_list(columns), "text": line.strip()[:80]},
    )


def _sum_line(line: str) -> dict[str, int] | None:
    """The counts of a totals line under the table, or None when the line is none."""
    found = SUM_RE.match(line)
    if not found:
        return None
    rest = found["rest"]
    numbers = re.fullmatch(r"(\d{1,3})\s+(\d{1,3})(?:\s+(\d{1,3}))?(?:\s+(\d{1,3}))?", rest.strip())
    if numbers:
        keys = ("ja", "nej", "avstar", "franvarande")
        return {k: int(n) for k, n in zip(keys, numbers.groups(), strict=True) if n is not None}
    pairs = SUM_PAIR_RE.findall(rest)
    if pairs and not SUM_PAIR_RE.sub("", rest).strip(" ,;.:"):
        return {TOTAL_KEYS[what.lower().rstrip(".")]: int(count) for what, count in pairs}
    pairs = SUM_COUNT_FIRST_RE.findall(rest)
    if pairs and not re.sub(r"(?i)\boch\b", "", SUM_COUNT_FIRST_RE.sub("", rest)).strip(" ,;.:"):
        return {TOTAL_KEYS[what.lower()]: int(count) for count, what in pairs}
    return None


def _declare(declared: dict[str, int], counts: dict[str, int], number: int) -> None:
    labels = {"ja": _("Ja"), "nej": _("Nej"), "avstar": _("Avstår"), "franvarande": _("Frånvarande")}
    for key, count in counts.items():
        if key in declared and declared[key] != count:
            raise line_error(
                number,
                _("Antal %(what)s står som %(one)d på ett ställe och %(other)d på ett annat.")
                % {"what": labels[key], "one": declared[key], "other": count},
            )
        declared[key] = count


def parse_rollcall(text: str, *, ends_at_prose: bool = False) -> ParsedRollCall:
    """Read a roll-call attachment: optional "Antal Ja: 39" lines, then the table under its
    column header, over as many pages as it runs; a totals line ("Summa 7 6 0 2") may close it.

    ends_at_prose: the table stands in a section of the minutes, whose text may go on under it
    ("Nämnden har således beslutat …"): a sentence after a blank line ends the table."""
    from .rollcall_filled import is_subheading, unmark_filled

    lines = unmark_tables(unmark_filled(check_text(text).split("\n")))
    declared: dict[str, int] = {}
    rows: list[RollCallRow] = []
    columns: list[str] | None = None
    cleaned = [" ".join(raw.split()) for raw in lines]

    def upcoming(index: int) -> list[int]:
        """The next few lines that hold something, skipping the blank ones."""
        return [i for i in range(index + 1, min(len(lines), index + 12)) if cleaned[i]][:LOOKAHEAD]

    skip_to = -1
    subheading = ""  # "Tjänstgörande ersättare" over the rows of a table without a Funktion column
    for index, raw in enumerate(lines):
        number = index + 1
        stripped = cleaned[index]
        if index <= skip_to or not stripped or is_furniture(raw):
            continue
        total = TOTAL_RE.match(stripped)
        if total:
            _declare(declared, {TOTAL_KEYS[total["what"].lower()]: int(total["count"])}, number)
            continue
        if is_marked_header(stripped):
            raise UnreadMarksError(
                number,
                _(
                    "Tabellen ”%(text)s” markerar rösterna med kryss i en kolumn per resultat; i texten syns "
                    "inte under vilken kolumn krysset står. Skriv in rösterna med en kolumn Resultat "
                    "(Ja, Nej, Avstår eller Frånvarande)."
                )
                % {"text": stripped[:80]},
            )
        if columns is None:
            columns = table_columns(stripped)
            continue
        if is_rollcall_header(stripped):  # the header repeated on a new page: its order rules on
            columns = table_columns(stripped)
            continue
        counts = _sum_line(stripped)
        if counts is not None:
            _declare(declared, counts, number)
            continue
        if "role" not in columns and is_subheading(stripped):
            subheading = stripped
            continue
        try:
            rows.append(_rollcall_row(raw, number, columns))
            rows[-1].role = subheading if subheading and "role" not in columns else rows[-1].role
            continue
        except ImportError_ as error:
            refusal = error
        ahead = upcoming(index)
        # A page break: the page's furniture, then the column header again; the table goes on.
        header_at = next((i for i in ahead if is_rollcall_header(cleaned[i])), None)
        if header_at is not None and not any(_is_row(cleaned[i], columns) for i in ahead if i < header_at):
            skip_to, columns = header_at, table_columns(cleaned[header_at])
            continue
        if PAGE_NUMBER_RE.match(stripped) or (RUNNING_LINE_RE.search(stripped) and not _ends_in_result(stripped)):
            continue
        # A row wrapped over two lines ("… Tjänstgörande⏎ersättare Ja"): the two read as one row.
        # Only when the second line is no row on its own: a row that lost its cells ("Rasmus
        # Ragnarsson") must not take the next member's name into its own.
        if ahead and not _is_row(cleaned[ahead[0]], columns) and _is_row(f"{stripped} {cleaned[ahead[0]]}", columns):
            rows.append(_rollcall_row(f"{stripped} {cleaned[ahead[0]]}", number, columns))
            skip_to = ahead[0]
            continue
        # A function wrapped within its cell: "… Tjänstgörande Nej" and "ersättare" under it.
        if rows and stripped.islower() and ROLE_RE.match(f"{rows[-1].role} {stripped}"):
            rows[-1].role = f"{rows[-1].role} {stripped}"
            continue
        if ends_at_prose and rows and not cleaned[index - 1] and _is_sentence(stripped):
            break
        raise refusal
    if columns is None:
        from .prose_rollcall import looks_like_prose_rollcall, parse_prose_rollcall

        if looks_like_prose_rollcall(text):  # the KS minutes' "… röstar Ja (7)." instead of a table
            return parse_prose_rollcall(text)
        raise ImportError_(
            _("Rubrikraden ”Namn Parti Plats Funktion Resultat” saknas, och ingen mening ”… röstar Ja (7).” hittades.")
        )
    if not rows:
        raise ImportError_(_("Listan har inga ledamöter."))
    seen_names, seen_seats = {}, {}
    for row in rows:
        if row.name.lower() in seen_names:
            raise line_error(
                row.line,
                _("%(name)s står redan på rad %(other)d.") % {"name": row.name, "other": seen_names[row.name.lower()]},
            )
        if row.seat is not None and row.seat in seen_seats:
            raise line_error(
                row.line,
                _("Plats %(seat)d står redan på rad %(other)d.") % {"seat": row.seat, "other": seen_seats[row.seat]},
            )
        seen_names[row.name.lower()] = row.line
        seen_seats[row.seat] = row.line
    totals = {key: sum(1 for r in rows if r.result == key) for key in ("ja", "nej", "avstar", "franvarande")}
    labels = {"ja": _("Ja"), "nej": _("Nej"), "avstar": _("Avstår"), "franvarande": _("Frånvarande")}
    for key, count in declared.items():
        if totals[key] != count:
            raise ImportError_(
                _("Antal %(what)s enligt sidhuvudet är %(declared)d men listan har %(counted)d.")
                % {"what": labels[key], "declared": count, "counted": totals[key]}
            )
    return ParsedRollCall(rows=rows, totals=totals, declared_totals=declared)


def rollcall_or_flag(parsed, text: str) -> ParsedRollCall | None:
    """The roll call of a protocol's vote; a table whose X marks cannot be placed under their columns
    is flagged on the vote, not the protocol refused: the rest of the § reads as it stands."""
    try:
        return parse_rollcall(text, ends_at_prose=True)
    except UnreadMarksError as error:
        parsed.flag(
            "votes",
            _(
                "Rad %(line)d: omröstningens namnlista kunde inte läsas: tabellen markerar rösterna med kryss, "
                "men i texten syns inte under vilken kolumn (Ja, Nej, Avstår …) varje kryss står. "
                "Lägg till namnlistan med en kolumn Resultat."
            )
            % {"line": error.line},
        )
        return None


def _is_sentence(line: str) -> bool:
    words = line.split()
    return len(words) >= 4 and line.endswith((".", ":")) and sum(w[:1].islower() for w in words) >= 2


def _is_row(line: str, columns: list[str]) -> bool:
    tokens = line.split()
    return len(tokens) >= len(columns) + 1 and _read_cells(tokens, columns) is not None


def _ends_in_result(line: str) -> bool:
    return line.split()[-1].lower() in RESULTS
