"""The roll-call parser: optional "Antal Ja: 39" lines, then the Namn Parti Plats Funktion Resultat table
(or, without a table, the KS prose form: prose_rollcall.py)."""

import re
from dataclasses import asdict, dataclass

from django.utils.translation import gettext as _

from ..models import VoteRecord
from .text import ImportError_, check_text, is_furniture, line_error

ROLLCALL_HEADER_RE = re.compile(r"^namn\s+parti\s+plats\s+funktion\s+resultat$", re.IGNORECASE)
TOTAL_RE = re.compile(r"^antal\s+(?P<what>ja|nej|avstår|frånv(?:arande)?)\s*:\s*(?P<count>\d+)$", re.IGNORECASE)
RESULTS = {
    "ja": VoteRecord.Result.YES,
    "nej": VoteRecord.Result.NO,
    "avstår": VoteRecord.Result.ABSTAIN,
    "frånvarande": VoteRecord.Result.ABSENT,
}
TOTAL_KEYS = {"ja": "ja", "nej": "nej", "avstår": "avstar", "frånv": "franvarande", "frånvarande": "franvarande"}


@dataclass
class RollCallRow:
    name: str
    party: str
    seat: int | None  # None in the prose form, which prints no seats
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


def _rollcall_row(line: str, number: int) -> RollCallRow:
    tokens = line.split()
    if len(tokens) < 6:
        raise line_error(
            number,
            _("Raden ska ha namn, parti, plats, funktion och resultat: ”%(text)s”") % {"text": line.strip()[:80]},
        )
    result = RESULTS.get(tokens[-1].lower())
    if result is None:
        raise line_error(
            number,
            _("Okänt resultat ”%(value)s” (Ja, Nej, Avstår eller Frånvarande).") % {"value": tokens[-1]},
        )
    # The function is every word between the seat and the result: "Ledamot", "1:e v Ordf",
    # "Tjänstgörande ersättare".
    seat_at = next((i for i in range(len(tokens) - 3, 1, -1) if re.fullmatch(r"[0-9]+", tokens[i])), None)
    if seat_at is not None and seat_at >= 3:
        role, rest = " ".join(tokens[seat_at + 1 : -1]), tokens[: seat_at + 1]
    else:
        role, rest = tokens[-2], tokens[:-2]
    if not re.fullmatch(r"[0-9]+", rest[-1]):
        raise line_error(number, _("Platsnumret saknas: ”%(text)s”") % {"text": line.strip()[:80]})
    if not 1 <= int(rest[-1]) <= MAX_SEAT:
        raise line_error(
            number,
            _("Platsnumret ska vara mellan 1 och %(max)d: ”%(text)s”") % {"max": MAX_SEAT, "text": rest[-1][:20]},
        )
    seat, party, name = int(rest[-1]), rest[-2], " ".join(rest[:-2])
    if len(rest[:-2]) < 2:
        raise line_error(number, _("Namnet saknas eller är ofullständigt: ”%(text)s”") % {"text": line.strip()[:80]})
    if len(name) > MAX_NAME or len(role) > MAX_ROLE:
        raise line_error(
            number,
            _("Namnet får vara högst %(name)d tecken och funktionen högst %(role)d: ”%(text)s”")
            % {"name": MAX_NAME, "role": MAX_ROLE, "text": line.strip()[:80]},
        )
    return RollCallRow(name=name, party=party, seat=seat, role=role, result=result, line=number)


def parse_rollcall(text: str) -> ParsedRollCall:
    """Read a roll-call attachment: optional "Antal Ja: 39" lines, then the Namn Parti Plats Funktion Resultat table."""
    lines = check_text(text).split("\n")
    declared: dict[str, int] = {}
    rows: list[RollCallRow] = []
    in_table = False
    for index, raw in enumerate(lines):
        number = index + 1
        stripped = " ".join(raw.split())
        if not stripped or is_furniture(raw):
            continue
        if not in_table:
            total = TOTAL_RE.match(stripped)
            if total:
                declared[TOTAL_KEYS[total["what"].lower()]] = int(total["count"])
            elif ROLLCALL_HEADER_RE.match(stripped):
                in_table = True
            continue
        if ROLLCALL_HEADER_RE.match(stripped):  # the header repeated on a new page
            continue
        rows.append(_rollcall_row(raw, number))
    if not in_table:
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
        if row.seat in seen_seats:
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
