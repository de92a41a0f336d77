"""The motion parser: title, Förslag till beslut with its numbered points, Yrkandet, and the trailing
header (body, kind, date, parties) of a motion as the city publishes it."""

import datetime
import re
from dataclasses import dataclass, field
from functools import cached_property

from django.utils.translation import gettext as _

from assignments.models import Board

from ..models import Motion, Party
from .text import ImportError_, check_text, is_furniture, line_error

KIND_WORDS = {
    "yrkande": Motion.Kind.YRKANDE,
    "reviderat yrkande": Motion.Kind.YRKANDE,
    "tilläggsyrkande": Motion.Kind.TILLAGGSYRKANDE,
    "ändringsyrkande": Motion.Kind.ANDRINGSYRKANDE,
    "återremissyrkande": Motion.Kind.ATERREMISSYRKANDE,
    "yttrande": Motion.Kind.YTTRANDE,
    "protokollsanteckning": Motion.Kind.PROTOKOLLSANTECKNING,
    "reservation": Motion.Kind.RESERVATION,
}
_KIND_ALTERNATIVES = "|".join(sorted((re.escape(k) for k in KIND_WORDS), key=len, reverse=True))
TITLE_RE = re.compile(rf"^(?P<kind>{_KIND_ALTERNATIVES})\s+angående\b", re.IGNORECASE)
KIND_LINE_RE = re.compile(rf"^(?P<kind>{_KIND_ALTERNATIVES})$", re.IGNORECASE)
PROPOSAL_HEADING_RE = re.compile(r"^förslag till beslut:?$", re.IGNORECASE)
JUSTIFICATION_HEADING_RE = re.compile(r"^yrkandet:?$", re.IGNORECASE)
POINT_RE = re.compile(r"^(?:(?P<number>\d{1,2})|(?P<letter>[a-z]))[.)]\s+(?P<text>\S.*)$")
APPROVES_REST_RE = re.compile(
    r"^(?:att\s+)?(?:i\s+övrigt|därutöver|i\s+övrigt\s+att)\s+bifalla\s+(?:stadsledningskontorets\s+)?"
    r"tjänsteutlåtandet\.?$",
    re.IGNORECASE,
)
DATE_RE = re.compile(r"^(?P<year>\d{4}|\d{2})-(?P<month>\d{2})-(?P<day>\d{2})$")
AGENDA_RE = re.compile(r"^ärende\s*nr:?\s*\S+$", re.IGNORECASE)
# Footnote digits glued to a word or to the punctuation after it: "grooming3", "regionalt.11".
FOOTNOTE_RES = [
    re.compile(r"(?<=[^\W\d_]{3})\d{1,2}(?=[\s,;:)]|$|\.(?:\s|$))"),
    re.compile(r"(?<=[^\W\d_][.,;:])\d{1,2}(?=\s|$)"),
]


def strip_footnotes(text: str) -> tuple[str, list[str]]:
    removed = []
    for pattern in FOOTNOTE_RES:
        removed += [m.group(0) for m in pattern.finditer(text)]
        text = pattern.sub("", text)
    return text, removed


def _join(lines: list[str]) -> str:
    text = " ".join(line.strip() for line in lines if line.strip())
    text = re.sub(r"(\w)- (\w)", lambda m: m.group(0) if m.group(2).isupper() else m.group(1) + "-" + m.group(2), text)
    return " ".join(text.split())


@dataclass
class ParsedPoint:
    number: int
    text: str
    line: int


@dataclass
class ParsedMotion:
    kind: str
    title: str
    addressed_to: str = ""
    points: list[ParsedPoint] = field(default_factory=list)
    approves_rest: bool = False
    justification: str = ""
    body_name: str = ""
    body: Board | None = None
    date: datetime.date | None = None
    is_revised: bool = False
    party_names: list[str] = field(default_factory=list)
    parties: list[Party] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return Motion.Kind(self.kind).label

    def as_json(self) -> dict:
        return {
            "kind": self.kind,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "body": self.body.short_name if self.body else (self.body_name or None),
            "parties": [p.abbreviation for p in self.parties],
            "revised": self.is_revised,
            "approves_rest": self.approves_rest,
            "points": [{"number": p.number, "text": p.text} for p in self.points],
            "flags": list(self.flags),
        }


class _Lookups:
    """The boards and parties a parse may look up, each read at most once per parse, so that the
    number of queries does not grow with the document."""

    @cached_property
    def board(self):
        return Board.objects.resolver()

    @cached_property
    def parties(self) -> list[Party]:
        return list(Party.objects.all())


def _parse_date(value: str, line: int) -> datetime.date:
    match = DATE_RE.match(value)
    year = int(match["year"])
    if year < 100:
        year += 2000
    try:
        return datetime.date(year, int(match["month"]), int(match["day"]))
    except ValueError as error:
        raise line_error(line, _("Datumet %(value)s finns inte.") % {"value": value}) from error


def _resolve_party(name: str, line: int, lookups: _Lookups) -> Party:
    cleaned = " ".join(name.split()).strip(" .")
    for party in lookups.parties:
        if cleaned.lower() in (party.abbreviation.lower(), party.name.lower()) or (
            len(cleaned) > 4 and party.name.lower().startswith(cleaned.lower())
        ):
            return party
    raise line_error(line, _("Partiet ”%(name)s” finns inte i partitabellen.") % {"name": cleaned})


def _split_parties(line: str) -> list[str]:
    return [p for p in re.split(r"\s*,\s*|\s+och\s+|\s*&\s*", line.strip()) if p]


def parse_motion_text(text: str) -> ParsedMotion:
    """Parse one motion: title, Förslag till beslut, numbered points, Yrkandet and the trailing header."""
    lines = check_text(text).split("\n")
    lookups = _Lookups()
    numbered = [(index + 1, line.rstrip()) for index, line in enumerate(lines)]
    content = [(n, line) for n, line in numbered if line.strip() and not is_furniture(line)]
    if not content:
        raise ImportError_(_("Texten är tom."))

    # Title: "Yrkande angående …" up to "Förslag till beslut" or the first blank line.
    first_number, first_line = content[0]
    title_match = TITLE_RE.match(first_line.strip())
    if not title_match:
        raise line_error(
            first_number,
            _("Texten ska börja med rubriken ”Yrkande angående …” (eller Yttrande, Tilläggsyrkande …)."),
        )
    kind = KIND_WORDS[title_match["kind"].lower()]
    title_lines = []
    position = first_number - 1
    while position < len(numbered):
        stripped = numbered[position][1].strip()
        if PROPOSAL_HEADING_RE.match(stripped) or JUSTIFICATION_HEADING_RE.match(stripped):
            break
        if not stripped and title_lines:
            break
        if stripped:
            title_lines.append(stripped)
        position += 1
    title = _join(title_lines)
    parsed = ParsedMotion(kind=kind, title=title)
    rest = [(n, line) for n, line in numbered[position:]]

    # Sections.
    proposal_start = next((i for i, (_n, text) in enumerate(rest) if PROPOSAL_HEADING_RE.match(text.strip())), None)
    justification_start = next(
        (i for i, (_n, text) in enumerate(rest) if JUSTIFICATION_HEADING_RE.match(text.strip())), None
    )
    header_start = _find_header(
        rest, justification_start if justification_start is not None else proposal_start or 0, lookups
    )
    end_of_points = next(x for x in (justification_start, header_start, len(rest)) if x is not None)
    if proposal_start is not None:
        _parse_points(parsed, rest[proposal_start + 1 : end_of_points])
    elif kind not in (Motion.Kind.YTTRANDE, Motion.Kind.PROTOKOLLSANTECKNING, Motion.Kind.RESERVATION):
        raise ImportError_(_("Avsnittet ”Förslag till beslut” saknas."))
    if justification_start is not None:
        body_end = header_start if header_start is not None else len(rest)
        justification_lines = [t for _n, t in rest[justification_start + 1 : body_end] if not is_furniture(t)]
        paragraphs, current = [], []
        for line in justification_lines:
            if line.strip():
                current.append(line)
            elif current:
                paragraphs.append(_join(current))
                current = []
        if current:
            paragraphs.append(_join(current))
        parsed.justification = "\n\n".join(strip_footnotes(p)[0] for p in paragraphs)
    if header_start is not None:
        _parse_header(parsed, rest[header_start:], lookups)
    else:
        parsed.flags.append(_("Sidhuvud (organ, dokumenttyp, datum, partier) saknas i texten"))
    if not parsed.parties:
        parsed.flags.append(_("Parti saknas i dokumentet"))
    if parsed.date is None:
        parsed.flags.append(_("Datum saknas i dokumentet"))
    if parsed.body_name and parsed.body is None:
        parsed.flags.append(_("Organet ”%(name)s” är okänt") % {"name": parsed.body_name})
    proposes = parsed.kind not in (Motion.Kind.YTTRANDE, Motion.Kind.PROTOKOLLSANTECKNING, Motion.Kind.RESERVATION)
    if proposes and not parsed.points and not parsed.approves_rest:
        raise ImportError_(_("Inga numrerade beslutspunkter hittades under ”Förslag till beslut”."))
    return parsed


def _find_header(rest, start: int, lookups: _Lookups) -> int | None:
    """Index in rest of the body line of the trailing header (the line before a kind line)."""
    for index in range(start + 1, len(rest)):
        if KIND_LINE_RE.match(rest[index][1].strip()):
            previous = index - 1
            while previous > start and not rest[previous][1].strip():
                previous -= 1
            candidate = rest[previous][1].strip() if previous > start else ""
            stands_alone = previous - 1 > start and not rest[previous - 1][1].strip()
            if candidate and (
                lookups.board(candidate) is not None
                or (stands_alone and len(candidate) <= 80 and not candidate.endswith((".", ":", ",")))
            ):
                return previous
            return index
    return None


def _parse_points(parsed: ParsedMotion, section) -> None:
    current: list = []  # [number, first line, [lines]]
    points: list = []
    for n, line in section:
        stripped = line.strip()
        if not stripped or is_furniture(line):
            continue
        if not points and not current and stripped.endswith(":") and not POINT_RE.match(stripped):
            parsed.addressed_to = stripped.rstrip(":").strip()
            continue
        if APPROVES_REST_RE.match(re.sub(r"^\d{1,2}[.)]\s+", "", stripped)):
            parsed.approves_rest = True
            current = []
            continue
        match = POINT_RE.match(stripped)
        if match:
            number = int(match["number"]) if match["number"] else ord(match["letter"]) - ord("a") + 1
            current = [number, n, [match["text"]]]
            points.append(current)
            continue
        if not current:
            raise line_error(n, _("Texten står före första numrerade punkten: ”%(text)s”") % {"text": stripped[:80]})
        current[2].append(stripped)
    expected = 1
    for number, line, texts in points:
        if number != expected:
            raise line_error(
                line,
                _("Punkt %(number)d kommer där punkt %(expected)d väntades.")
                % {"number": number, "expected": expected},
            )
        expected += 1
        text, removed = strip_footnotes(_join(texts))
        if removed:
            parsed.flags.append(
                _("Fotnotssiffror borttagna i punkt %(number)d: %(digits)s")
                % {"number": number, "digits": ", ".join(removed)}
            )
        parsed.points.append(ParsedPoint(number=number, text=text, line=line))


def _parse_header(parsed: ParsedMotion, section, lookups: _Lookups) -> None:
    items = [(n, text.strip()) for n, text in section if text.strip() and not is_furniture(text)]
    index = 0
    if items and not KIND_LINE_RE.match(items[0][1]):
        parsed.body_name = items[0][1]
        parsed.body = lookups.board(items[0][1])
        index = 1
    if index < len(items) and KIND_LINE_RE.match(items[index][1]):
        word = items[index][1].lower()
        parsed.kind = KIND_WORDS[word]
        parsed.is_revised = word.startswith("reviderat")
        title_word = parsed.title.split(" ", 1)[0].lower()
        if KIND_WORDS.get(title_word) and title_word != word:
            parsed.flags.append(
                _("Rubriken säger ”%(title)s” men sidhuvudet säger ”%(header)s”")
                % {"title": title_word.capitalize(), "header": items[index][1]}
            )
        index += 1
    for n, value in items[index:]:
        if DATE_RE.match(value) and parsed.date is None:
            parsed.date = _parse_date(value, n)
        elif AGENDA_RE.match(value):
            continue
        elif not parsed.parties and all(_looks_like_party(p) for p in _split_parties(value)):
            parsed.party_names = _split_parties(value)
            parsed.parties = [_resolve_party(p, n, lookups) for p in parsed.party_names]
        else:
            # The next document starts here (the city's files run documents together).
            break


def _looks_like_party(name: str) -> bool:
    return bool(re.fullmatch(r"[A-ZÅÄÖ][\wåäöÅÄÖ]*(?:\s[\wåäö]+){0,3}", name.strip())) and (
        name.strip().lower().endswith(("partiet", "erna", "demokraterna", "gröna", "initiativ"))
        or name.strip().isupper()
    )
