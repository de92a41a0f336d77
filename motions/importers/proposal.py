"""The tjänsteutlåtande (TU) parser: title, the header block (office, Utfärdat, Reviderat, ärendenummer
or diarienummer) wherever the city's layout puts it — before the title, after the points or between two
of them at a page break — "Förslag till beslut" with its numbered points (lettered sub-lists kept in
their point), the boards each point gives its assignment to, and the amounts the TU states per point
(proposal_costs.py).

read_proposal() only reads: no database query, board names stay as printed; proposal_resolve.py turns
them into boards afterwards. The header block is read by proposal_header.py.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ..models import point_label
from .joining import join_lines
from .motion import PROPOSAL_HEADING_RE, _Lines, page_furniture
from .points import UNLABELLED, opens_point, read_point, runs_on, strip_footnotes
from .proposal_boards import board_names_of
from .proposal_costs import SuggestedCost, read_costs
from .proposal_header import find_header
from .proposal_sections import opens_section, without_own_part
from .running import interrupted, running_lines
from .text import ImportError_, check_text, is_furniture

# Headings of the TU's body: the list of points ends at the first of them.
SECTION_RE = re.compile(
    r"^(?:sammanfattning|bedömning(?:\s+ur\s+.+)?|ärendet|beskrivning\s+av\s+ärendet|bakgrund|samverkan|bilag(?:a|or)"
    r"(?:\s+\d+)?|ekonomiska\s+konsekvenser|inledning|förvaltningens\s+bedömning|stadsledningskontorets\s+bedömning|"
    r"kostnadsredovisning.*|yttrande|motivering)\s*:?$",
    re.IGNORECASE,
)


@dataclass
class ParsedProposalPoint:
    number: int
    text: str
    line: int
    board_names: list[str] = field(default_factory=list)
    boards: list = field(default_factory=list)  # assignments.models.Board once resolved
    notes: list[str] = field(default_factory=list)
    continues_after_page_break: bool = False
    label: str = ""  # the printed mark of a lettered point ("a)", "B."); "" when the number is printed

    @property
    def printed_label(self) -> str:
        return point_label(self.number, self.label)


@dataclass
class ParsedProposal:
    title: str
    issued: datetime.date | None = None
    revised: datetime.date | None = None
    case_number: str = ""
    dnr: str = ""
    author_name: str = ""
    author_body: object = None  # assignments.models.Board once resolved
    addressed_to: str = ""
    points: list[ParsedProposalPoint] = field(default_factory=list)
    costs: list[SuggestedCost] = field(default_factory=list)
    financing: dict[int, dict] = field(default_factory=dict)  # point number -> {"financing", "years", "line"}
    header_at: str = ""
    pages: int = 1
    flags: list[str] = field(default_factory=list)
    field_flags: dict[str, list[str]] = field(default_factory=dict)

    def flag(self, name: str, message: str) -> None:
        """An uncertainty the preview shows next to the field `name` (and in the list of all)."""
        self.flags.append(message)
        self.field_flags.setdefault(name, []).append(message)

    def as_json(self) -> dict:
        return {
            "title": self.title,
            "issued": self.issued.isoformat() if self.issued else None,
            "revised": self.revised.isoformat() if self.revised else None,
            "case_number": self.case_number or None,
            "dnr": self.dnr or None,
            "author": self.author_body.short_name if self.author_body else (self.author_name or None),
            "addressed_to": self.addressed_to,
            "header_at": self.header_at,
            "points": [
                {
                    "number": p.number,
                    **({"label": p.label} if p.label else {}),
                    "text": p.text,
                    "boards": [b.slug for b in p.boards] if p.boards else list(p.board_names),
                    **({"notes": p.notes} if p.notes else {}),
                }
                for p in self.points
            ],
            "financing": {
                str(k): {"financing": v["financing"], "years": v["years"]} for k, v in self.financing.items()
            },
            "costs": [cost.as_json() for cost in self.costs],
            "flags": list(self.flags),
        }


def _clean(line: str) -> str:
    return " ".join(line.split())


def read_proposal(text: str) -> ParsedProposal:
    """Read one tjänsteutlåtande without touching the database; board names stay as printed."""
    lines = _Lines(check_text(text))
    items = lines.items
    parsed = ParsedProposal(title="", pages=lines.pages)
    header = find_header(items, parsed, lines)
    heading = next(
        (i for i, (_n, t) in enumerate(items) if i not in header and PROPOSAL_HEADING_RE.match(_clean(t))), None
    )
    if heading is None:
        raise ImportError_(_("Avsnittet ”Förslag till beslut” saknas; det är inte ett tjänsteutlåtande."))
    # A footer or running header where a page turns is furniture, not part of the point it splits.
    furniture = page_furniture(lines)
    furniture |= _running(parsed, items, lines, header, furniture)
    parsed.title = _title(items, heading, header | furniture, lines)
    end = _read_points(parsed, items, heading + 1, header | furniture, lines)
    if not parsed.addressed_to:
        parsed.addressed_to = _addressee_above(items, heading, header | furniture)
    first_header = min(header) if header else None
    if first_header is None:
        parsed.flag("header", _("Sidhuvudet (Tjänsteutlåtande, Utfärdat, ärendenummer) saknas i texten"))
    elif first_header < heading:
        parsed.header_at = "start"
    elif items[first_header][0] < parsed.points[-1].line:
        parsed.header_at = "middle"
    else:
        parsed.header_at = "end"
    if parsed.issued is None:
        parsed.flag("issued", _("Datum för Utfärdat saknas"))
    if parsed.revised and parsed.issued and parsed.revised < parsed.issued:
        parsed.flag("revised", _("Reviderat (%(revised)s) är före Utfärdat (%(issued)s)")
                    % {"revised": parsed.revised, "issued": parsed.issued})  # fmt: skip
    if not parsed.case_number and not parsed.dnr:
        parsed.flag("case", _("Ärendenummer eller diarienummer saknas i sidhuvudet"))
    body = [(n, t) for i, (n, t) in enumerate(items[end:], start=end) if i not in header | furniture]
    read_costs(parsed, body, lines)
    return parsed


def _running(parsed: ParsedProposal, items, lines: _Lines, header: set[int], furniture: set[int]) -> set[int]:
    """The header's office and kind repeated at a page edge ("Stadsmiljöförvaltningen" /
    "Tjänsteutlåtande 2025-08-28"): furniture; flagged where it stood inside a sentence."""
    names = [parsed.author_name, "Tjänsteutlåtande", "Tjänstutlåtande"]
    turns = {items[i][0] for i in furniture}
    own = [items[i][1] for i in header]  # the block itself, repeated at the top of every page
    found = running_lines(items, lines.page_of, turns, {items[i][0] for i in header}, names, repeats=own)
    for line in dict.fromkeys(interrupted(items, found, turns | {items[i][0] for i in header})):
        message = _("Raden ”%(line)s” avbröt en mening och lästes som sidhuvud, inte som text – kontrollera")
        parsed.flag("points", message % {"line": line})
    return {i for i, (n, _t) in enumerate(items) if n in found}


def _title(items, heading: int, header: set[int], lines: _Lines) -> str:
    """The paragraph just above "Förslag till beslut" (the header block and furniture skipped)."""
    title: list[str] = []
    for index in range(heading - 1, -1, -1):
        stripped = items[index][1].strip()
        if index in header or is_furniture(stripped):
            if title:
                break
            continue
        if not stripped:
            if title:
                break
            continue
        title.insert(0, stripped)
    if not title:
        raise lines.error(items[heading][0], _("Rubriken saknas före ”Förslag till beslut”."))
    return join_lines(title)[:400]


# The addressee on a line of its own above the title ("Till idrotts- och föreningsnämnden"), where the
# "Förslag till beslut" has no "I …" line: a body's name, a few words, no sentence.
TO_BODY_RE = re.compile(
    r"^till\s+(?P<body>[\w-]+(?:\s+[\w-]+){0,5}?(?:nämnd(?:en)?|styrelse(?:n)?|fullmäktige)(?-i:\s+[A-ZÅÄÖ]\w+)?)$",
    re.IGNORECASE,
)


def _addressee_above(items, heading: int, skipped: set[int]) -> str:
    for index in range(heading - 1, -1, -1):
        found = index not in skipped and TO_BODY_RE.match(_clean(items[index][1]))
        if found:
            return found["body"]
    return ""


def _read_points(parsed: ParsedProposal, items, start: int, header: set[int], lines: _Lines) -> int:
    """The numbered points after "Förslag till beslut"; returns the index where the list ended."""
    points: list[dict] = []
    sections: list[tuple[str, int]] = []  # (addressee line, its first point) after the first section
    current = None
    blank = False
    index = start
    for index in range(start, len(items)):
        if index in header:
            continue
        number, raw = items[index]
        stripped = _clean(raw)
        if not stripped:
            blank = True
            continue
        if is_furniture(stripped):
            continue
        # The motions' rule for a point's line (points.read_point: a mark, or an "att"-clause or dash
        # item as an unlabelled point); the first point sets the list's style.
        match = read_point(stripped, points[0]["style"] if points else "")
        if match and match.style in UNLABELLED:
            previous = current["parts"][-1][-1] if current else parsed.addressed_to
            match = match if opens_point(match, previous, blank, first=not points) else None
        if SECTION_RE.match(stripped) and not match:
            break
        if current is None and not match:
            if not points and not blank and runs_on(parsed.addressed_to, stripped):
                parsed.addressed_to = join_lines([parsed.addressed_to, stripped])  # wrapped over two lines
                continue
            if points or parsed.addressed_to:
                raise lines.error(number, _("Texten står före första numrerade punkten: ”%(text)s”")
                                  % {"text": stripped[:80]})  # fmt: skip
            parsed.addressed_to, blank = without_own_part(stripped), False
            continue
        following = None if match else opens_section(stripped, blank, current, items, index, header)
        if following:
            if following.style != points[0]["style"] or following.number != len(points) + 1:
                # A section numbered afresh: which of its points is which is not certain; not guessed.
                message = _("Punkterna under ”%(section)s” numreras om från %(number)s och lästes inte – kontrollera")
                printed = point_label(following.number, following.label)
                parsed.flag("points", message % {"section": stripped, "number": printed})
                break
            sections.append((stripped, following.number))
            blank = False
            continue
        if match and (match.style == "number" or not points or points[0]["style"] != "number"):
            current = {
                "number": match.number or len(points) + 1,
                "label": match.label,
                "style": match.style,
                "line": number,
                "parts": [[match.text]],
                "pages": set(),
            }
            points.append(current)
        elif match:  # "a) …" inside a numbered point: its sub-list, kept in the point, one item a line
            current["parts"].append([f"{match.label[:-1]}) {match.text}"])
        elif blank and stripped[:1].isupper() and re.search(r"[.!?]$", current["parts"][-1][-1]):
            if _next_point_on_next_page(items, index, header, lines, len(points) + 1):
                # "Göteborgs Stad Kulturförvaltningen" above "Sida 1 av 2", and point 4 on the next
                # page: a footer no repetition revealed, not the end of the list.
                parsed.flag("points", _("%(where)s: ”%(text)s” mellan två punkter lästes som sidfot – kontrollera")
                            % {"where": lines.where(number), "text": stripped[:80]})  # fmt: skip
                continue
            break  # a new paragraph after a finished point: the text after the list
        else:
            current["parts"][-1].append(stripped)
        current["pages"].add(lines.page_of.get(number, 1))
        blank = False
    else:
        index = len(items)
    _finish_points(parsed, points, lines)
    for section, first in sections:
        message = _("Från punkt %(number)d riktas förslaget till ”%(section)s”, inte till ”%(first)s” – kontrollera")
        values = {"number": first, "section": section.rstrip(":"), "first": parsed.addressed_to.rstrip(":")}
        parsed.flag("points", message % values)
    return index


def _next_point_on_next_page(items, index: int, header: set[int], lines: _Lines, expected: int) -> bool:
    """Whether the next line of text, on a later page and within a few lines, is point `expected`."""
    here = lines.page_of.get(items[index][0], 1)
    for later in range(index + 1, min(index + 6, len(items))):
        number, raw = items[later]
        text = _clean(raw)
        if later in header or not text or is_furniture(text):
            continue
        found = read_point(text, "number")
        return bool(found and found.number == expected and lines.page_of.get(number, 1) > here)
    return False


# "Förvaltningen får i uppdrag …" in a TU is the office that wrote it (named in its header).
OWN_OFFICE_RE = re.compile(r"(?i)^(?:förvaltningen|kontoret)$")


def _own_office(names: list[str], author_name: str) -> list[str]:
    if not author_name:
        return names
    return list(dict.fromkeys(author_name if OWN_OFFICE_RE.match(name) else name for name in names))


def _finish_points(parsed: ParsedProposal, points: list[dict], lines: _Lines) -> None:
    if not points:
        raise ImportError_(_("Inga numrerade beslutspunkter hittades under ”Förslag till beslut”."))
    for expected, point in enumerate(points, start=1):
        if point["number"] != expected:
            name = point_label(point["number"], point["label"])
            message = _("Punkt %(number)s kommer där punkt %(expected)d väntades.")
            raise lines.error(point["line"], message % {"number": name, "expected": expected})
        uncertain: list[str] = []
        joined = "\n".join(join_lines(part, uncertain) for part in point["parts"])
        text, removed = strip_footnotes(joined)
        parsed_point = ParsedProposalPoint(
            number=expected, text=text, line=point["line"], notes=removed, label=point["label"]
        )
        name = parsed_point.printed_label
        parsed_point.board_names = _own_office(board_names_of(text), parsed.author_name)
        for word in dict.fromkeys(uncertain):
            parsed.flag("points", _("Punkt %(number)s: osäker avstavning: ”%(word)s” lästes som ”%(joined)s”")
                        % {"number": name, "word": word, "joined": word.replace("-", "")})  # fmt: skip
        if len(point["pages"]) > 1:
            parsed_point.continues_after_page_break = True
            message = _("Punkt %(number)s fortsätter efter sidbrytning – kontrollera att texten hänger ihop")
            parsed.flag("points", message % {"number": name})
        if removed:
            parsed.flag("points", _("Fotnotssiffror borttagna i punkt %(number)s och sparade som noter: %(digits)s")
                        % {"number": name, "digits": ", ".join(removed)})  # fmt: skip
        parsed.points.append(parsed_point)
