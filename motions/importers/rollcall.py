"""The roll-call parser: optional "Antal Ja: 39" lines, then the Namn Parti Plats Funktion Resultat table
(or, without a table, the KS prose form: prose_rollcall.py). How a row is cut into its cells is
rollcall_cells.py's; the results, count lines, legends and non-voting sections are rollcall_vocab.py's."""

import re
from dataclasses import asdict, dataclass, field

from django.utils.translation import gettext as _

from ..models import VoteRecord
from .marked_table import PAGE_NUMBER_RE, RUNNING_LINE_RE, is_marked_header, unmark_tables
from .rollcall_cells import (
    CONVENTION,
    ROLE_RE,
    STANDARD_COLUMNS,
    Results,
    column_list,
    ends_in_result,
    is_rollcall_header,
    is_row,
    min_tokens,
    person_line,
    read_cells,
    table_columns,
)
from .rollcall_vocab import is_non_voting_heading, legend_of, results_of
from .text import ImportError_, check_text, is_furniture, line_error
from .vote_counts import count_line, declare

# A member whose table has no Funktion column is a ledamot, as in the prose form (prose_rollcall).
DEFAULT_ROLE = "Ledamot"
LOOKAHEAD = 4


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
    serves_for: str = ""  # "Mattias Öst (S)": the absent member an ersättare serves for, no row of its own


@dataclass
class ParsedRollCall:
    rows: list[RollCallRow]
    totals: dict[str, int]
    declared_totals: dict[str, int]
    flags: list[str] = field(default_factory=list)  # what was read but is not certain, in Swedish

    def as_json(self) -> dict:
        out = {
            "totals": self.totals,
            "declared_totals": self.declared_totals,
            # serves_for only where a table prints it, so that every other record keeps its keys.
            "records": [
                {k: v for k, v in asdict(r).items() if k != "line" and (k != "serves_for" or v)} for r in self.rows
            ],
        }
        return out | ({"flags": self.flags} if self.flags else {})


# What Member's columns hold (seat: a small integer; name and role: varchar(120) and varchar(60)).
MAX_SEAT = 999
MAX_NAME = 120
MAX_ROLE = 60


def _rollcall_row(
    line: str, number: int, columns: list[str] | None = None, results: Results = CONVENTION
) -> RollCallRow:
    columns = columns or STANDARD_COLUMNS
    tokens = line.split()
    read = read_cells(tokens, columns, results) if len(tokens) >= min_tokens(columns) else None
    if read is None:
        _refuse_row(line, number, tokens, columns, results)
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
    return RollCallRow(
        name=name,
        party=cells["party"],
        seat=seat,
        role=role,
        result=cells["result"],
        line=number,
        serves_for=cells.get("serves_for", ""),
    )


def _refuse_row(line: str, number: int, tokens: list[str], columns: list[str], results: Results = CONVENTION):
    """Why the line is no row, as near to the cell at fault as the words allow."""
    if len(tokens) < min_tokens(columns):
        if columns == STANDARD_COLUMNS:
            message = _("Raden ska ha namn, parti, plats, funktion och resultat: ”%(text)s”") % {
                "text": line.strip()[:80]
            }
        else:
            message = _("Raden ska ha %(columns)s: ”%(text)s”") % {
                "columns": column_list(columns),
                "text": line.strip()[:80],
            }
        raise line_error(number, message)
    if columns[-1] == "result" and results.of(tokens[-1]) is None:
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
        % {"columns": column_list(columns), "text": line.strip()[:80]},
    )


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
    results = results_of(lines)  # a legend under the table defines the letters above it

    def upcoming(index: int) -> list[int]:
        """The next few lines that hold something, skipping the blank ones."""
        return [i for i in range(index + 1, min(len(lines), index + 12)) if cleaned[i]][:LOOKAHEAD]

    skip_to = -1
    subheading = ""  # "Tjänstgörande ersättare" over the rows of a table without a Funktion column
    non_voting = ""  # "Närvarande ersättare (deltar ej i omröstningen)" over people who do not vote
    unsure: list[int] = []  # the lines whose dash was read as frånvarande without a legend
    for index, raw in enumerate(lines):
        number = index + 1
        stripped = cleaned[index]
        if index <= skip_to or not stripped or is_furniture(raw):
            continue
        counted = count_line(stripped)
        if counted is not None:
            declare(declared, counted[0], number)
            if counted[1] and rows:
                break  # "Resultat: 4 ja, 4 nej, 1 avstår. Ordföranden har …": the prose under the table
            continue
        if "=" in stripped and legend_of(stripped) is not None:
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
        if is_non_voting_heading(stripped):
            non_voting = stripped
            continue
        if non_voting and not is_subheading(stripped):
            kind = person_line(stripped, columns, results)
            if kind == "voter":
                raise line_error(
                    number,
                    _(
                        "”%(text)s” står under ”%(heading)s”, som inte deltar i omröstningen, men har ett "
                        "resultat – kontrollera listan."
                    )
                    % {"text": stripped[:80], "heading": non_voting[:60]},
                )
            if kind:
                continue  # present, not voting: counted nowhere
        non_voting = ""
        if "role" not in columns and is_subheading(stripped):
            subheading = stripped
            continue
        try:
            rows.append(_rollcall_row(raw, number, columns, results))
            rows[-1].role = subheading if subheading and "role" not in columns else rows[-1].role
            if rows[-1].result == VoteRecord.Result.ABSENT and any(results.unsure(t) for t in stripped.split()):
                unsure.append(number)
            continue
        except ImportError_ as error:
            refusal = error
        ahead = upcoming(index)
        # A page break: the page's furniture, then the column header again; the table goes on.
        header_at = next((i for i in ahead if is_rollcall_header(cleaned[i])), None)
        # (A line ending in a result is a row refused, not the page's furniture: it is not skipped.)
        if (
            header_at is not None
            and not ends_in_result(stripped, results)
            and not any(is_row(cleaned[i], columns, results) for i in ahead if i < header_at)
        ):
            skip_to, columns = header_at, table_columns(cleaned[header_at])
            continue
        if PAGE_NUMBER_RE.match(stripped) or (
            RUNNING_LINE_RE.search(stripped) and not ends_in_result(stripped, results)
        ):
            continue
        # A row wrapped over two lines ("… Tjänstgörande⏎ersättare Ja"): the two read as one row.
        # Only when the second line is no row on its own: a row that lost its cells ("Rasmus
        # Ragnarsson") must not take the next member's name into its own.
        joined = f"{stripped} {cleaned[ahead[0]]}" if ahead else ""
        if ahead and not is_row(cleaned[ahead[0]], columns, results) and is_row(joined, columns, results):
            rows.append(_rollcall_row(joined, number, columns, results))
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
    flags = []
    if unsure:
        flags.append(
            _(
                "Rad %(lines)s: ”–” i resultatkolumnen lästes som frånvarande, men ingen teckenförklaring "
                "säger vad strecket står för – kontrollera."
            )
            % {"lines": ", ".join(str(n) for n in unsure)}
        )
    return ParsedRollCall(rows=rows, totals=totals, declared_totals=declared, flags=flags)


def rollcall_or_flag(parsed, text: str) -> ParsedRollCall | None:
    """The roll call of a protocol's vote; a table whose X marks cannot be placed under their columns
    is flagged on the vote, not the protocol refused: the rest of the § reads as it stands."""
    from .vote_grid import grid_instead

    try:
        rollcall = parse_rollcall(text, ends_at_prose=True)
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
    except ImportError_:
        rollcall = grid_instead(text)  # vote_grid: a table laid out in columns the tuned reader does not know
        if rollcall is None:
            raise
    for flag in rollcall.flags:
        parsed.flag("votes", flag)
    return rollcall


def _is_sentence(line: str) -> bool:
    """Prose, not a row: words, most in lower case, ending in a full stop or a colon – or in a word
    the typesetter broke at the line end with its hyphen ("… mot 3 nej-rös‐"), the sentence going on."""
    words = line.split()
    ends = line.endswith((".", ":")) or bool(re.search(r"[a-zåäö][‐\u00ad-]$", line))
    return len(words) >= 4 and ends and sum(w[:1].islower() for w in words) >= 2
