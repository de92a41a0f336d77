"""The motion parser: title, Förslag till beslut with its numbered or lettered points, Yrkandet, and the
header block (body, kind, date, parties) wherever the city's layout puts it — before the title,
after the text, or between two pages in the middle of the list of points.

read_motion() only reads: it makes no database query and returns names as printed. resolve.py
turns the body and party names into rows afterwards (parse_motion_text() does both).
"""

import datetime
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ..models import Motion
from .joining import join_lines
from .pdf import PAGE_BREAK
from .text import ImportError_, check_text, is_furniture

KIND_WORDS = {
    "yrkande": Motion.Kind.YRKANDE,
    "reviderat yrkande": Motion.Kind.YRKANDE,
    "tilläggsyrkande": Motion.Kind.TILLAGGSYRKANDE,
    "reviderat tilläggsyrkande": Motion.Kind.TILLAGGSYRKANDE,
    "ändringsyrkande": Motion.Kind.ANDRINGSYRKANDE,
    "återremissyrkande": Motion.Kind.ATERREMISSYRKANDE,
    "yttrande": Motion.Kind.YTTRANDE,
    "protokollsanteckning": Motion.Kind.PROTOKOLLSANTECKNING,
    "reservation": Motion.Kind.RESERVATION,
}
# Kinds that state a position without decision points: their body is kept whole.
WHOLE_TEXT_KINDS = (Motion.Kind.YTTRANDE, Motion.Kind.PROTOKOLLSANTECKNING, Motion.Kind.RESERVATION)
_KIND_ALTERNATIVES = "|".join(sorted((re.escape(k) for k in KIND_WORDS), key=len, reverse=True))
TITLE_RE = re.compile(rf"^(?P<kind>{_KIND_ALTERNATIVES})\s+(?:angående|om|gällande|i\s+ärende)\b", re.IGNORECASE)
KIND_LINE_RE = re.compile(rf"^(?P<kind>{_KIND_ALTERNATIVES})(?:\s*\((?P<party>[^)]{{1,60}})\))?$", re.IGNORECASE)
PROPOSAL_HEADING_RE = re.compile(r"^förslag\s+till\s+beslut:?$", re.IGNORECASE)
JUSTIFICATION_HEADING_RE = re.compile(r"^(?:yrkandet|motivering|bakgrund):?$", re.IGNORECASE)
POINT_RE = re.compile(r"^(?:(?P<number>\d{1,3})|(?P<letter>[a-zåäö]))[.)]\s+(?P<text>\S.*)$")
APPROVES_REST_RE = re.compile(
    r"^(?:att\s+)?(?P<which>i\s+övrigt|därutöver|därtill)\s+(?:att\s+)?bifalla\s+"
    r"(?P<what>(?:stadsledningskontorets\s+|kommunstyrelsens\s+|förvaltningens\s+)?"
    r"(?:tjänsteutlåtande(?:t|ts\s+förslag)?|förslag(?:et)?(?:\s+till\s+beslut)?|förslaget\s+i\s+tjänsteutlåtandet))\.?$",
    re.IGNORECASE,
)
DATE_RE = re.compile(r"^(?:datum:?\s*)?(?P<year>\d{4}|\d{2})-(?P<month>\d{2})-(?P<day>\d{2})$", re.IGNORECASE)
AGENDA_RE = re.compile(r"^(?:ärende\s*nr|dnr|diarienummer):?\s*\S+$", re.IGNORECASE)
BODY_WORD_RE = re.compile(
    r"(?:nämnd(?:en)?|styrelse(?:n)?|fullmäktige|utskott(?:et)?|beredning(?:en)?|kommunledningen|"
    r"nämnd\s+\w+|nämnden\s+\w+)$",
    re.IGNORECASE,
)
PARTY_WORD_RE = re.compile(r"(?:partiet|demokraterna|erna|gröna|initiativ)$", re.IGNORECASE)
LETTERS = "abcdefghijklmnopqrstuvwxyzåäö"
# Footnote digits glued to a word or to the punctuation after it: "grooming3", "regionalt.11".
FOOTNOTE_RES = [
    re.compile(r"(?<=[^\W\d_]{3})\d{1,2}(?=[\s,;:)]|$|\.(?:\s|$))"),
    re.compile(r"(?<=[^\W\d_][.,;:])\d{1,2}(?=\s|$)"),
]


def strip_footnotes(text: str) -> tuple[str, list[str]]:
    """The text without footnote digits glued to words, and the digits removed (kept as notes)."""
    removed = []
    for pattern in FOOTNOTE_RES:
        removed += [m.group(0) for m in pattern.finditer(text)]
        text = pattern.sub("", text)
    return text, removed


@dataclass
class ParsedPoint:
    number: int
    text: str
    line: int
    notes: list[str] = field(default_factory=list)
    continues_after_page_break: bool = False


@dataclass
class ParsedMotion:
    kind: str
    title: str
    addressed_to: str = ""
    points: list[ParsedPoint] = field(default_factory=list)
    approves_rest: bool = False
    approves_rest_wording: str = ""
    justification: str = ""
    body_name: str = ""
    body: object = None  # assignments.models.Board once resolved
    date: datetime.date | None = None
    is_revised: bool = False
    party_names: list[str] = field(default_factory=list)
    parties: list = field(default_factory=list)  # motions.models.Party once resolved
    party_where: str = ""  # "Rad 57" / "Sida 2, rad 57": where the party names stand
    header_at: str = ""  # "start", "end", "middle" or "" (none)
    pages: int = 1
    flags: list[str] = field(default_factory=list)
    field_flags: dict[str, list[str]] = field(default_factory=dict)

    def flag(self, name: str, message: str) -> None:
        """An uncertainty the preview shows next to the field `name` (and in the list of all)."""
        self.flags.append(message)
        self.field_flags.setdefault(name, []).append(message)

    @property
    def kind_label(self) -> str:
        return Motion.Kind(self.kind).label

    def as_json(self) -> dict:
        return {
            "kind": self.kind,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "body": self.body.short_name if self.body else (self.body_name or None),
            "parties": [p.abbreviation for p in self.parties] if self.parties else list(self.party_names),
            "revised": self.is_revised,
            "addressed_to": self.addressed_to,
            "approves_rest": self.approves_rest,
            "approves_rest_wording": self.approves_rest_wording,
            "header_at": self.header_at,
            "points": [
                {"number": p.number, "text": p.text, **({"notes": p.notes} if p.notes else {})} for p in self.points
            ],
            "justification": self.justification,
            "flags": list(self.flags),
        }


class _Lines:
    """The document's lines with their numbers and the page each stands on (pages split at form feeds)."""

    def __init__(self, text: str):
        self.items: list[tuple[int, str]] = []
        self.page_of: dict[int, int] = {}
        page = 1
        for index, raw in enumerate(text.split("\n")):
            number = index + 1
            if PAGE_BREAK in raw:
                page += raw.count(PAGE_BREAK)
                raw = raw.replace(PAGE_BREAK, "")
                if not raw.strip():
                    continue  # a page break alone is no blank line: a paragraph may run on over it
            self.page_of[number] = page
            self.items.append((number, raw.rstrip()))
        self.pages = page

    def where(self, number: int) -> str:
        if self.pages > 1:
            return _("Sida %(page)d, rad %(line)d") % {"page": self.page_of.get(number, 1), "line": number}
        return _("Rad %(line)d") % {"line": number}

    def error(self, number: int, message: str) -> ImportError_:
        return ImportError_(f"{self.where(number)}: {message}")


def _looks_like_party(name: str) -> bool:
    name = name.strip().strip(".")
    if not name or len(name) > 40:
        return False
    if re.fullmatch(r"[A-ZÅÄÖ]{1,4}", name):
        return True
    return bool(re.fullmatch(r"[A-ZÅÄÖ][\wåäöÅÄÖ]*(?:\s[\wåäö]+){0,3}", name)) and bool(PARTY_WORD_RE.search(name))


def split_parties(line: str) -> list[str]:
    return [p.strip().strip(".") for p in re.split(r"\s*,\s*|\s+och\s+|\s*&\s*|\s+samt\s+", line.strip()) if p.strip()]


def _is_party_line(line: str) -> bool:
    parts = split_parties(line)
    return bool(parts) and all(_looks_like_party(p) for p in parts)


def _looks_like_body(line: str, alone: bool) -> bool:
    line = line.strip()
    if not line or len(line) > 80 or line.endswith((".", ":", ",", ";")) or POINT_RE.match(line):
        return False
    return bool(BODY_WORD_RE.search(line)) or (
        alone and len(line) <= 60 and line[:1].isupper() and len(line.split()) <= 6
    )


@dataclass
class _Header:
    start: int  # index into lines.items, inclusive
    end: int  # exclusive
    body: str = ""
    kind_word: str = ""
    kind_party: str = ""
    kind_line: int = 0
    date: str = ""
    date_line: int = 0
    parties: list[str] = field(default_factory=list)
    party_line: int = 0


def _find_headers(items: list[tuple[int, str]]) -> list[_Header]:
    """Every header block: a line that is only a document kind ("Tilläggsyrkande"), the body line
    above it and the date, party and case-number lines below it."""
    headers = []
    index = 0
    nonblank = [i for i, (_n, t) in enumerate(items) if t.strip()]
    position = {i: k for k, i in enumerate(nonblank)}
    while index < len(items):
        stripped = " ".join(items[index][1].split())
        match = KIND_LINE_RE.match(stripped) if stripped else None
        if not match:
            index += 1
            continue
        header = _Header(start=index, end=index + 1, kind_word=match["kind"].lower(), kind_line=items[index][0])
        header.kind_party = match["party"] or ""
        k = position[index]
        if k > 0:
            above = nonblank[k - 1]
            alone = above == 0 or not items[above - 1][1].strip()
            text = " ".join(items[above][1].split())
            already = headers and headers[-1].end > above
            if not already and _looks_like_body(text, alone):
                header.body = text
                header.start = above
        following = nonblank[k + 1 :]
        for nxt in following[:4]:
            value = " ".join(items[nxt][1].split())
            if not header.date and DATE_RE.match(value):
                header.date, header.date_line = value, items[nxt][0]
            elif not header.parties and _is_party_line(value):
                header.parties, header.party_line = split_parties(value), items[nxt][0]
            elif AGENDA_RE.match(value):
                pass
            else:
                break
            header.end = nxt + 1
        headers.append(header)
        index = header.end
    return headers


def _parse_date(value: str, lines: _Lines, number: int) -> datetime.date:
    match = DATE_RE.match(value)
    year = int(match["year"])
    if year < 100:
        year += 2000
    try:
        return datetime.date(year, int(match["month"]), int(match["day"]))
    except ValueError as error:
        raise lines.error(number, _("Datumet %(value)s finns inte.") % {"value": value}) from error


def _paragraphs(items: list[tuple[int, str]], uncertain: list[str]) -> list[str]:
    paragraphs, current = [], []
    for _n, line in items:
        if line.strip() and not is_furniture(line):
            current.append(line)
        elif current and not line.strip():
            paragraphs.append(join_lines(current, uncertain))
            current = []
    if current:
        paragraphs.append(join_lines(current, uncertain))
    return paragraphs


def read_motion(text: str) -> ParsedMotion:
    """Read one motion without touching the database; names stay as printed (see resolve.py)."""
    lines = _Lines(check_text(text))
    items = lines.items
    headers = _find_headers(items)
    in_header = {i for h in headers for i in range(h.start, h.end)}
    content = [i for i, (_n, t) in enumerate(items) if t.strip() and i not in in_header and not is_furniture(t)]
    if not content:
        raise ImportError_(_("Texten är tom."))

    # Title: "Yrkande angående …" up to "Förslag till beslut", Yrkandet or the first blank line.
    first = content[0]
    title_match = TITLE_RE.match(" ".join(items[first][1].split()))
    leading = [h for h in headers if h.end <= first]
    if not title_match and not leading:
        raise lines.error(
            items[first][0],
            _(
                "Texten ska börja med rubriken ”Yrkande angående …” (eller Yttrande, Tilläggsyrkande …) "
                "eller med sidhuvudet."
            ),
        )
    title_lines, position = [], first
    while position < len(items):
        stripped = items[position][1].strip()
        if PROPOSAL_HEADING_RE.match(stripped) or JUSTIFICATION_HEADING_RE.match(stripped) or position in in_header:
            break
        if not stripped and title_lines:
            break
        if stripped and not is_furniture(stripped):
            title_lines.append(stripped)
        position += 1
    uncertain: list[str] = []
    kind = KIND_WORDS[title_match["kind"].lower()] if title_match else KIND_WORDS[leading[0].kind_word]
    parsed = ParsedMotion(kind=kind, title=join_lines(title_lines), pages=lines.pages)
    parsed.is_revised = bool(title_match and title_match["kind"].lower().startswith("reviderat"))

    # Where the document ends: a header block after the justification, or one after which another
    # document begins (its own title or Förslag till beslut), closes this one; a header block in
    # the title or the list of points is a page's, read and skipped.
    end = len(items)
    own_proposal = next(
        (i for i in range(position, len(items)) if PROPOSAL_HEADING_RE.match(items[i][1].strip())), None
    )
    own_justification = next(
        (
            i
            for i in range(position, len(items))
            if i not in in_header and JUSTIFICATION_HEADING_RE.match(items[i][1].strip())
        ),
        None,
    )
    used: list[_Header] = list(leading)
    for header in headers:
        if header.end <= first:
            continue
        after = [i for i in range(header.end, len(items)) if items[i][1].strip() and i not in in_header]
        starts_another = any(
            TITLE_RE.match(items[i][1].strip())
            or (PROPOSAL_HEADING_RE.match(items[i][1].strip()) and own_proposal is not None and i > own_proposal)
            for i in after
        ) or _next_is_untitled_document(items, after)
        used.append(header)
        if starts_another or (own_justification is not None and header.start > own_justification):
            end = header.start
            break
    body_items = [(n, t) for i, (n, t) in enumerate(items[position:end], start=position) if i not in in_header]
    _read_header(parsed, used, first, end, content, lines)

    proposal = next((k for k, (_n, t) in enumerate(body_items) if PROPOSAL_HEADING_RE.match(t.strip())), None)
    justification = next((k for k, (_n, t) in enumerate(body_items) if JUSTIFICATION_HEADING_RE.match(t.strip())), None)
    if parsed.kind in WHOLE_TEXT_KINDS and proposal is None:
        # A yttrande is kept whole: its numbered lists are argument, not decision points.
        start = justification + 1 if justification is not None else 0
        parsed.justification = "\n\n".join(strip_footnotes(p)[0] for p in _paragraphs(body_items[start:], uncertain))
        if not parsed.justification:
            parsed.flag("justification", _("Texten i yttrandet saknas."))
    else:
        if proposal is None:
            raise ImportError_(_("Avsnittet ”Förslag till beslut” saknas."))
        stop = justification if justification is not None and justification > proposal else len(body_items)
        _parse_points(parsed, body_items[proposal + 1 : stop], lines, uncertain)
        if justification is not None:
            parsed.justification = "\n\n".join(
                strip_footnotes(p)[0] for p in _paragraphs(body_items[justification + 1 :], uncertain)
            )
        if not parsed.points and not parsed.approves_rest:
            raise ImportError_(_("Inga numrerade beslutspunkter hittades under ”Förslag till beslut”."))
    for word in dict.fromkeys(uncertain):
        parsed.flag(
            "text",
            _("Osäker avstavning: ”%(word)s” lästes som ”%(joined)s”")
            % {"word": word, "joined": word.replace("-", "")},
        )
    if not parsed.party_names:
        parsed.flag("parties", _("Partiet framgår inte av handlingen"))
    if parsed.date is None:
        parsed.flag("date", _("Datum saknas"))
    return parsed


def _next_is_untitled_document(items, after: list[int]) -> bool:
    """The city's files run documents together; a TU or another motion after a trailing header may
    start with its title alone (no "Yrkande angående"), then its own Förslag till beslut."""
    return any(PROPOSAL_HEADING_RE.match(items[i][1].strip()) for i in after[:8])


def _read_header(parsed: ParsedMotion, headers: list[_Header], first: int, end: int, content, lines: _Lines) -> None:
    if not headers:
        parsed.flag("header", _("Sidhuvud (organ, dokumenttyp, datum, partier) saknas i texten"))
        return
    main = headers[0]
    last_content = max((i for i in content if i < end), default=first)
    if main.end <= first:
        parsed.header_at = "start"
    elif main.start > last_content:
        parsed.header_at = "end"
    else:
        parsed.header_at = "middle"
        parsed.flag(
            "header",
            _("Sidhuvudet stod mitt i texten (%(where)s) och lästes som sidhuvud, inte som text.")
            % {"where": lines.where(lines.items[main.start][0])},
        )
    parsed.body_name = next((h.body for h in headers if h.body), "")
    word = main.kind_word
    header_kind = KIND_WORDS[word]
    if parsed.title and TITLE_RE.match(parsed.title):
        title_word = TITLE_RE.match(parsed.title)["kind"].lower()
        if KIND_WORDS[title_word] != header_kind:
            parsed.flag(
                "kind",
                _("Rubriken säger ”%(title)s” men sidhuvudet säger ”%(header)s”")
                % {"title": title_word.capitalize(), "header": word.capitalize()},
            )
    parsed.kind = header_kind
    parsed.is_revised = parsed.is_revised or word.startswith("reviderat")
    dated = next((h for h in headers if h.date), None)
    if dated:
        parsed.date = _parse_date(dated.date, lines, dated.date_line)
    named = next((h for h in headers if h.parties), None)
    if named:
        parsed.party_names = named.parties
        parsed.party_where = lines.where(named.party_line)
    elif main.kind_party:
        parsed.party_names = split_parties(main.kind_party)
        parsed.party_where = lines.where(main.kind_line)


def _parse_points(parsed: ParsedMotion, section, lines: _Lines, uncertain: list[str]) -> None:
    points: list[dict] = []
    current = None
    for n, line in section:
        stripped = line.strip()
        if not stripped or is_furniture(line):
            continue
        match = POINT_RE.match(stripped)
        if not points and current is None and not match:
            if stripped.endswith(":"):
                parsed.addressed_to = stripped.rstrip(":").strip()
                continue
            raise lines.error(n, _("Texten står före första numrerade punkten: ”%(text)s”") % {"text": stripped[:80]})
        if match:
            number = (
                int(match["number"]) if match["number"] else "abcdefghijklmnopqrstuvwxyzåäö".index(match["letter"]) + 1
            )
            current = {"number": number, "line": n, "lines": [match["text"]], "page": lines.page_of.get(n, 1)}
            current["pages"] = {current["page"]}
            points.append(current)
            continue
        current["lines"].append(stripped)
        current["pages"].add(lines.page_of.get(n, 1))
    expected = 1
    for point in points:
        own_uncertain: list[str] = []
        joined = join_lines(point["lines"], own_uncertain)
        rest = APPROVES_REST_RE.match(joined.strip())
        if rest and point is points[-1]:
            parsed.approves_rest = True
            parsed.approves_rest_wording = joined.strip()
            continue
        if point["number"] != expected:
            raise lines.error(
                point["line"],
                _("Punkt %(number)d kommer där punkt %(expected)d väntades.")
                % {"number": point["number"], "expected": expected},
            )
        expected += 1
        uncertain += own_uncertain
        text, removed = strip_footnotes(joined)
        parsed_point = ParsedPoint(number=point["number"], text=text, line=point["line"], notes=removed)
        if len(point["pages"]) > 1:
            parsed_point.continues_after_page_break = True
            parsed.flag(
                "points",
                _("Punkt %(number)d fortsätter efter sidbrytning – kontrollera att texten hänger ihop")
                % {"number": point["number"]},
            )
        if removed:
            parsed.flag(
                "points",
                _("Fotnotssiffror borttagna i punkt %(number)d och sparade som noter: %(digits)s")
                % {"number": point["number"], "digits": ", ".join(removed)},
            )
        parsed.points.append(parsed_point)
