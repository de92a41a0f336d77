"""The tjänsteutlåtande (TU) parser: title, the header block (office, Utfärdat, Reviderat, ärendenummer
or diarienummer) wherever the city's layout puts it — before the title, after the points or between two
of them at a page break — "Förslag till beslut" with its numbered points (lettered sub-lists kept in
their point), the boards each point gives its assignment to, and the amounts the TU states per point
(proposal_costs.py).

read_proposal() only reads: no database query, board names stay as printed; proposal_resolve.py turns
them into boards afterwards. Case officers' names, phone numbers and e-mail addresses in the header
are read past and never kept.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ..models import point_label
from .joining import join_lines
from .motion import PROPOSAL_HEADING_RE, _Lines, page_furniture
from .points import POINT_RE, UNLABELLED, opens_point, read_point, runs_on, strip_footnotes
from .proposal_boards import board_names_of
from .proposal_costs import SuggestedCost, read_costs
from .proposal_sections import opens_section, without_own_part
from .running import interrupted, running_lines
from .text import ImportError_, check_text, is_furniture

KIND_RE = re.compile(r"^tjänst(?:e)?utlåtande$", re.IGNORECASE)  # "Tjänstutlåtande": a typo the city makes
FIELD_RE = re.compile(
    r"^(?P<name>utfärdat|reviderat?|ärendenummer|ärendenr|diarienummer|dnr)\s*:?\s*(?P<value>\S.*)$", re.IGNORECASE
)
FIELD_SPLIT_RE = re.compile(r"\s+(?=(?:utfärdat|reviderat?|ärendenummer|ärendenr|diarienummer|dnr)\b)", re.IGNORECASE)
PERSONAL_RE = re.compile(r"^(?:handläggare|telefon|tfn|e-post|epost|mejl)\b|@", re.IGNORECASE)
DATE_RE = re.compile(r"^(?P<year>\d{4}|\d{2})-(?P<month>\d{2})-(?P<day>\d{2})$")
CASE_NUMBER_RE = re.compile(r"^[A-ZÅÄÖ]{2,5}[- ]?\d{4}-\d{5}$")
DNR_RE = re.compile(r"^\d{3,4}/\d{2}$")
# Headings of the TU's body: the list of points ends at the first of them.
SECTION_RE = re.compile(
    r"^(?:sammanfattning|bedömning(?:\s+ur\s+.+)?|ärendet|beskrivning\s+av\s+ärendet|bakgrund|samverkan|bilag(?:a|or)"
    r"(?:\s+\d+)?|ekonomiska\s+konsekvenser|inledning|förvaltningens\s+bedömning|stadsledningskontorets\s+bedömning|"
    r"kostnadsredovisning.*|yttrande|motivering)\s*:?$",
    re.IGNORECASE,
)
# A district office carries its area after the name ("Socialförvaltningen Hisingen"): one capitalised word.
OFFICE_RE = re.compile(
    r"(?:kontor(?:et)?|förvaltning(?:en)?|nämnd(?:en)?|styrelse(?:n)?|sekretariat(?:et)?)(?-i:\s+[A-ZÅÄÖ][a-zåäö]+)?$",
    re.I,
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


def _date(value: str, lines: _Lines, number: int) -> datetime.date:
    match = DATE_RE.match(value.split()[0] if value.split() else "")
    if not match:
        raise lines.error(number, _("”%(value)s” är inget datum (ÅÅÅÅ-MM-DD).") % {"value": value[:40]})
    year = int(match["year"]) + (2000 if len(match["year"]) == 2 else 0)
    try:
        return datetime.date(year, int(match["month"]), int(match["day"]))
    except ValueError as error:
        raise lines.error(number, _("Datumet %(value)s finns inte.") % {"value": value[:40]}) from error


def _find_header(items, parsed: ParsedProposal, lines: _Lines) -> set[int]:
    """The indexes of the header block's lines (read into parsed); the block starts at the line that
    is only "Tjänsteutlåtande", takes the office line above it (or among the field lines below it,
    where some offices print it last) and the field lines below it."""
    taken: set[int] = set()
    kinds = [i for i, (_n, t) in enumerate(items) if KIND_RE.match(_clean(t)) or _office_beside(t)]
    if not kinds:
        return taken
    if len(kinds) > 1:
        parsed.flag("header", _("Handlingen har flera sidhuvuden ”Tjänsteutlåtande”; det första lästes."))
    start = kinds[0]
    taken.add(start)
    above = next((i for i in range(start - 1, -1, -1) if items[i][1].strip()), None)
    beside = _office_beside(items[start][1])
    if beside:
        parsed.author_name = beside
    elif above is not None and start - above <= 6:
        text = _clean(items[above][1])
        if _office_line(text):
            parsed.author_name = text
            taken.add(above)
    # After "Handläggare": the officers' names, then "Telefon"/"E-post" and addresses wrapped onto
    # lines of their own — read past, never kept. A blank line or any other line ends the block.
    index, personal, after_field = start + 1, "", False
    while index < len(items):
        number, raw = items[index]
        text = _clean(raw)
        field_match = FIELD_RE.match(text) or _beside_office(parsed, text)
        if not text:
            personal, after_field = "", False
            index += 1
            continue
        if field_match:
            personal, after_field = "", True
            # Two fields side by side on one line ("Utfärdat 2025-09-29      Reviderat 2025-11-24").
            for part in FIELD_SPLIT_RE.split(text):
                if found := FIELD_RE.match(part):
                    _read_field(parsed, found["name"].lower(), found["value"].strip(), lines, number)
        elif re.match(r"^handläggare\b", text, re.IGNORECASE):
            personal = "names"
        elif PERSONAL_RE.search(text):
            personal = "contact"
        elif not parsed.author_name and (after_field or index == start + 1) and _named_office(text):
            # Right under the kind line or the field lines, with no blank between, and named as an
            # office: a title such as "Yttrande till kommunstyrelsen" after the block is never read
            # as the issuer.
            parsed.author_name = text
        elif personal == "names" and not POINT_RE.match(text) and not PROPOSAL_HEADING_RE.match(text):
            pass
        else:
            break
        taken.add(index)
        index += 1
    return taken


OFFICE_NAME_RE = re.compile(r"(?i)^\w*(?:kontor|förvaltning|nämnd|styrelse|sekretariat)\w*(?:\s+\w+)?$")
# An office named by its task after "för": "Förvaltningen för funktionsstöd", "Förvaltningen för inköp
# och upphandling", "Nämnden för demokrati och medborgarservice" – a name, not a sentence: no verb's
# punctuation, a few words.
OFFICE_FOR_RE = re.compile(r"^(?:förvaltningen|kontoret|nämnden)\s+för\s+[\w-]+(?:\s+[\w-]+){0,4}$", re.I)
# The header line that prints the office beside the kind, in two columns or (from a PDF, which
# loses the gap) one space apart: "Stadsmiljöförvaltningen            Tjänsteutlåtande".
BESIDE_KIND_RE = re.compile(r"^(?P<office>[A-ZÅÄÖ][\w ,-]{2,80}?)\s+Tjänst(?:e)?utlåtande$")


# A two-column header line: the office on the left, a field in the right column ("Inköps- och
# upphandlingsförvaltningen      Utfärdat 2025-08-20").
OFFICE_AND_FIELD_RE = re.compile(
    r"^(?P<office>\S.*?)\s+(?P<field>(?:utfärdat|reviderat?|ärendenummer|ärendenr|diarienummer|dnr)\s*:?\s*\d.*)$",
    re.IGNORECASE,
)


def _beside_office(parsed: ParsedProposal, text: str):
    """The field of a header line that prints the office beside it (the office read as the issuer
    when none is yet); None for any other line."""
    found = OFFICE_AND_FIELD_RE.match(text)
    if not found or not _office_line(found["office"]):
        return None
    parsed.author_name = parsed.author_name or found["office"]
    return FIELD_RE.match(found["field"])


def _office_beside(raw: str) -> str:
    """The office of a header line that prints it beside "Tjänsteutlåtande", else ""."""
    found = BESIDE_KIND_RE.match(_clean(raw))
    if found and len(found["office"].split()) <= 6 and _office_line(found["office"]):
        return found["office"]
    return ""


def _named_office(text: str) -> bool:
    return bool(OFFICE_NAME_RE.match(text) or OFFICE_FOR_RE.match(text)) and _office_line(text)


def _office_line(text: str) -> bool:
    named = OFFICE_RE.search(text) or OFFICE_FOR_RE.match(text)
    return bool(named) and len(text) <= 80 and not POINT_RE.match(text)


def _read_field(parsed: ParsedProposal, name: str, value: str, lines: _Lines, number: int) -> None:
    if name == "utfärdat":
        parsed.issued = _date(value, lines, number)
    elif name.startswith("reviderat") or name == "revidera":
        parsed.revised = _date(value, lines, number)
    else:
        value = value.replace(" ", "") if re.fullmatch(r"[A-ZÅÄÖ]{2,5}-?\s?\d{4}-\d{5}", value) else value
        if CASE_NUMBER_RE.match(value):
            parsed.case_number = value.replace(" ", "-")
        elif DNR_RE.match(value):
            parsed.dnr = value.zfill(7)
        else:
            parsed.flag("case", _("%(where)s: ”%(value)s” är varken ärendenummer eller diarienummer.")
                        % {"where": lines.where(number), "value": value[:40]})  # fmt: skip


def read_proposal(text: str) -> ParsedProposal:
    """Read one tjänsteutlåtande without touching the database; board names stay as printed."""
    lines = _Lines(check_text(text))
    items = lines.items
    parsed = ParsedProposal(title="", pages=lines.pages)
    header = _find_header(items, parsed, lines)
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
    found = running_lines(items, lines.page_of, turns, {items[i][0] for i in header}, names)
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
