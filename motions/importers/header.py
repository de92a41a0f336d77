"""The motion's header block — body, document kind, date, parties, agenda number — as the city's
layouts print it: a line that is only the kind ("Tilläggsyrkande"), the body on the line above or
below it, and the date, party and case-number lines after it, in any order. The block stands
before the title, after the text, or between two pages.

Dates: "2024-06-04", "24-06-04", "Datum: 2024-06-04", "4 juni 2024", "Göteborg den 4 juni 2024".
Parties: "S, V och MP", "Socialdemokraterna, Vänsterpartiet och Miljöpartiet", "(S)", or the
members signing ("Henrik Munck (D)").
"""

import datetime
import re
from dataclasses import dataclass, field

from ..models import Motion

KIND_WORDS = {
    "yrkande": Motion.Kind.YRKANDE,
    "reviderat yrkande": Motion.Kind.YRKANDE,
    "tilläggsyrkande": Motion.Kind.TILLAGGSYRKANDE,
    "reviderat tilläggsyrkande": Motion.Kind.TILLAGGSYRKANDE,
    "ändringsyrkande": Motion.Kind.ANDRINGSYRKANDE,
    "reviderat ändringsyrkande": Motion.Kind.ANDRINGSYRKANDE,
    "återremissyrkande": Motion.Kind.ATERREMISSYRKANDE,
    "yttrande": Motion.Kind.YTTRANDE,
    "protokollsanteckning": Motion.Kind.PROTOKOLLSANTECKNING,
    "reservation": Motion.Kind.RESERVATION,
}
_KIND_ALTERNATIVES = "|".join(sorted((re.escape(k) for k in KIND_WORDS), key=len, reverse=True))
TITLE_RE = re.compile(rf"^(?P<kind>{_KIND_ALTERNATIVES})\s+(?:angående|om|gällande|i\s+ärende)\b", re.IGNORECASE)
# The kind alone, with the parties in brackets ("Yrkande (S, V)"), or in prose after "från"
# ("Tilläggsyrkande från Liberalerna"; find_headers checks that the sender is parties).
KIND_LINE_RE = re.compile(
    rf"^(?P<kind>{_KIND_ALTERNATIVES})(?:\s*\((?P<party>[^)]{{1,60}})\)|\s+från\s+(?P<sender>[^.:;()]{{2,80}}))?$",
    re.IGNORECASE,
)
MONTHS = [
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
]  # fmt: skip
# "Reviderad 2025-11-19" / "Reviderat: 19 november 2025": the date of the revised text, which is
# the document's date (and says it is revised).
REVISED_DATE_RE = re.compile(r"^revider(?:ad|at)(?:\s+den)?:?\s+(?=\d)", re.IGNORECASE)
_DATE_PREFIX = r"(?:datum:?\s*|revider(?:ad|at)(?:\s+den)?:?\s+)"
DATE_RE = re.compile(rf"^{_DATE_PREFIX}?(?P<year>\d{{4}}|\d{{2}})-(?P<month>\d{{2}})-(?P<day>\d{{2}})$", re.IGNORECASE)
TEXT_DATE_RE = re.compile(
    rf"^(?:{_DATE_PREFIX}|göteborg,?\s+)?(?:den\s+)?(?P<day>\d{{1,2}})\s+(?P<month>{'|'.join(MONTHS)})\s+(?P<year>\d{{4}})$",
    re.IGNORECASE,
)
# The meeting the document is for, with its date and perhaps the agenda item: "Sammanträde
# 2025-11-25, ärende 9", "Nämndens sammanträde den 4 juni 2024", "Möte 2025-11-25, punkt 9".
# The meeting's owner may be a body's name in the genitive, of several words ("Idrott- och
# föreningsnämndens sammanträde den 22 januari 2026"): header.body when no line names it.
MEETING_RE = re.compile(
    r"^(?:(?P<owner>[\w-]+(?:\s+[\w-]+){0,5}?)s\s+)?(?:sammanträde(?:t|sdatum|sdag)?|möte(?:t|sdatum)?)(?:\s+den)?:?\s+(?P<date>.+?)"
    r"(?:,?\s+(?:ärende|punkt|§)\s*(?:nr\.?\s*)?\d{1,3})?$",
    re.IGNORECASE,
)
AGENDA_RE = re.compile(r"^(?:ärende\s*nr\.?|ärende|dnr|diarienummer)(?::\s*|\s+)\S+$", re.IGNORECASE)
BODY_WORD_RE = re.compile(
    r"(?:nämnd(?:en)?|styrelse(?:n)?|fullmäktige|utskott(?:et)?|beredning(?:en)?|kommunledningen|"
    r"nämnd\s+\w+|nämnden\s+\w+)$"
    # A body named by its remit: "Nämnden för funktionsstöd", "Styrelsen för Göteborgs Hamn AB".
    r"|^(?:nämnden|styrelsen)\s+för\s+\S",
    re.IGNORECASE,
)
PARTY_WORD_RE = re.compile(r"(?:partiet|demokraterna|erna|gröna|initiativ)$", re.IGNORECASE)
_POINT_START_RE = re.compile(r"^(?:\d{1,3}|[a-zåäö])[.)]\s")


def is_date(value: str) -> bool:
    return bool(DATE_RE.match(value) or TEXT_DATE_RE.match(value))


def date_parts(value: str) -> tuple[int, int, int]:
    """(year, month, day) of a header date as printed (a two-digit year is this century's)."""
    match = DATE_RE.match(value)
    if match:
        year, month = int(match["year"]), int(match["month"])
    else:
        match = TEXT_DATE_RE.match(value)
        year, month = int(match["year"]), MONTHS.index(match["month"].lower()) + 1
    return (year + 2000 if year < 100 else year), month, int(match["day"])


def parse_date(value: str) -> datetime.date:
    """The header date; ValueError for a day that does not exist ("2024-02-30")."""
    return datetime.date(*date_parts(value))


def _looks_like_party(name: str) -> bool:
    name = name.strip().strip(".")
    if not name or len(name) > 40:
        return False
    if re.fullmatch(r"[A-ZÅÄÖ]{1,4}", name):
        return True
    return bool(re.fullmatch(r"[A-ZÅÄÖ][\wåäöÅÄÖ]*(?:\s[\wåäö]+){0,3}", name)) and bool(PARTY_WORD_RE.search(name))


# A member signing with the party: "Henrik Munck (D)".
_MEMBER_RE = re.compile(r"^[A-ZÅÄÖ][\w-]+(?:\s+[A-ZÅÄÖ][\w-]+){1,3}\s*\((?P<party>[A-ZÅÄÖa-zåäö]{1,4})\)$")


def split_parties(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("(") and line.endswith(")") and not re.search(r"[()]", line[1:-1]):  # "(S)", "(S, V)"
        line = line[1:-1]
    parts = [p.strip().strip(".") for p in re.split(r"\s*,\s*|\s+och\s+|\s*&\s*|\s+samt\s+", line) if p.strip()]
    # Each party in its own brackets: "(S), (V) och (MP)".
    parts = [inner[1] if (inner := re.fullmatch(r"\(([^()]+)\)", p)) else p for p in parts]
    parties = [match["party"] if (match := _MEMBER_RE.match(p)) else p for p in parts]
    return list(dict.fromkeys(parties))


def is_party_line(line: str) -> bool:
    parts = split_parties(line)
    return bool(parts) and all(_looks_like_party(p) for p in parts)


def looks_like_body(line: str, alone: bool) -> bool:
    line = line.strip()
    if not line or len(line) > 80 or line.endswith((".", ":", ",", ";")) or _POINT_START_RE.match(line):
        return False
    if TITLE_RE.match(line) or KIND_LINE_RE.match(line) or is_date(line):
        return False
    return bool(BODY_WORD_RE.search(line)) or (
        alone and len(line) <= 60 and line[:1].isupper() and len(line.split()) <= 6
    )


@dataclass
class Header:
    start: int  # index into the lines, inclusive
    end: int  # exclusive
    body: str = ""
    kind_word: str = ""
    kind_party: str = ""
    kind_line: int = 0
    date: str = ""
    date_line: int = 0
    parties: list[str] = field(default_factory=list)
    party_line: int = 0  # the first party line; party_end the last (parties printed one a line)
    party_end: int = 0
    revised: bool = False  # a "Reviderad <date>" line
    meeting_body: str = ""  # the body owning the meeting line ("Kulturnämndens sammanträde …"), if no body line
    doubts: list[str] = field(default_factory=list)  # labelled values not read as their field, as printed


def _date_or_party_follows(items: list[tuple[int, str]], following: list[int]) -> bool:
    """Whether the line at the (one) index in `following` is a header's date or party line."""
    return any(is_date(" ".join(items[i][1].split())) or is_party_line(items[i][1]) for i in following)


# The body line may carry the date and the agenda item after the name ("Grundskolenämnden
# 2025-09-30", "Nämnden för funktionsstöd 2026-02-11, ärende 4").
_BODY_AND_DATE_RE = re.compile(
    r"^(?P<body>.+?),?\s+(?P<date>\d{4}-\d{2}-\d{2})(?:,?\s+(?:ärende|punkt|§)\s*(?:nr\.?\s*)?\d{1,3})?$",
    re.IGNORECASE,
)


def _take_body(header: Header, value: str, number: int) -> None:
    """The body line of a header, which may carry the date after the name ("Grundskolenämnden
    2025-09-30", a form the running line of each page repeats)."""
    found = _BODY_AND_DATE_RE.match(value)
    if found and not header.date and is_date(found["date"]) and looks_like_body(found["body"], True):
        header.body = found["body"]
        header.date, header.date_line = found["date"], number
        return
    header.body = value


def _take(header: Header, value: str, number: int) -> bool:
    """Take a date, party or case-number line into the header; False for any other line. Parties
    printed one a line ("Liberalerna" / "Centerpartiet") are all kept, in printed order: a party
    line right above or below the block's party lines adds to them."""
    meeting = MEETING_RE.match(value)
    if not header.date and is_date(value):
        header.date, header.date_line = value, number
        header.revised = header.revised or bool(REVISED_DATE_RE.match(value))
    elif not header.date and meeting and is_date(meeting["date"]):
        header.date, header.date_line = meeting["date"], number
        owner = meeting["owner"] or ""
        named = BODY_WORD_RE.search(owner) and owner.lower() not in ("nämnden", "styrelsen", "utskottet")
        header.meeting_body = owner if named and owner[:1].isupper() else ""
    elif not header.parties and is_party_line(value):
        header.parties, header.party_line, header.party_end = split_parties(value), number, number
    elif header.parties and number in (header.party_line - 1, header.party_end + 1) and is_party_line(value):
        before = number < header.party_line
        parties = split_parties(value) + header.parties if before else header.parties + split_parties(value)
        header.parties = list(dict.fromkeys(parties))
        header.party_line, header.party_end = min(number, header.party_line), max(number, header.party_end)
    elif not AGENDA_RE.match(value):
        return False
    return True


def _names_a_body(value: str) -> bool:
    """The line says it is a body ("…nämnden", "Nämnden för …"), also with the date after the name
    ("Kulturnämnden 2025-10-14")."""
    found = _BODY_AND_DATE_RE.match(value)
    return bool(BODY_WORD_RE.search(found["body"] if found and is_date(found["date"]) else value))


def find_headers(items: list[tuple[int, str]], page_of: dict[int, int] | None = None) -> list[Header]:
    """Every header block: a line that is only a document kind ("Tilläggsyrkande"), the body line
    above (or just below) it, and the date, party, body and case-number lines around it in any
    order ("2025-10-09 / Tilläggsyrkande / Demokraterna / Kommunfullmäktige", "Centerpartiet och
    Liberalerna / Ändringsyrkande / 2025-05-27 / Nämnden för …"). A body line stands alone after a
    blank line or at the top of a page (page_of: each line number's page)."""
    page_of = page_of or {}
    headers = []
    index = 0
    nonblank = [i for i, (_n, t) in enumerate(items) if t.strip()]
    position = {i: k for k, i in enumerate(nonblank)}

    def alone(i: int) -> bool:
        return i == 0 or not items[i - 1][1].strip() or page_of.get(items[i - 1][0]) != page_of.get(items[i][0])

    while index < len(items):
        stripped = " ".join(items[index][1].split())
        match = KIND_LINE_RE.match(stripped) if stripped else None
        if not match or (match["sender"] and not is_party_line(match["sender"])):
            index += 1
            continue
        header = Header(start=index, end=index + 1, kind_word=match["kind"].lower(), kind_line=items[index][0])
        header.kind_party = match["party"] or match["sender"] or ""
        k = position[index]
        # Upwards: the line just above, and more lines of the block when they stand right above it
        # with no blank line between (a block that starts with its date or its parties).
        for j in range(k - 1, max(k - 5, -1), -1):
            above = nonblank[j]
            if headers and headers[-1].end > above:
                break
            adjacent = above == header.start - 1 and not alone(header.start)
            text = " ".join(items[above][1].split())
            if adjacent and _take(header, text, items[above][0]):
                pass
            elif not header.body and looks_like_body(text, alone(above)) and (adjacent or j == k - 1):
                _take_body(header, text, items[above][0])
            else:
                break
            header.start = above
            if alone(above):
                break
        below = nonblank[k + 1 : k + 6]
        for step, nxt in enumerate(below):
            value = " ".join(items[nxt][1].split())
            if _take(header, value, items[nxt][0]):
                pass
            elif (
                not header.body
                and looks_like_body(value, True)
                and (
                    _names_a_body(value)
                    or (not header.date and _date_or_party_follows(items, below[step + 1 : step + 2]))
                )
            ):
                # "Reviderat yrkande / Kommunstyrelsen / 2024-08-21": a body of any name stands there
                # when the block's date or parties come right after it; after the date only a name
                # that says it is a body ("Nämnden för …", "…nämnden").
                _take_body(header, value, items[nxt][0])
            else:
                break
            header.end = nxt + 1
        header.body = header.body or header.meeting_body
        headers.append(header)
        index = header.end
    return headers


_CELL_GAP_RE = re.compile(r"\s{3,}")


def row_headers(items: list[tuple[int, str]]) -> list[Header]:
    """Header blocks printed as ONE line of cells ("Stadsfastighetsnämnden      2026-03-04
    Tilläggsyrkande (SD)      Ärende 9"): one cell is the kind line, every other cell a body,
    date, party or agenda item. A line with any other cell is no header."""
    headers = []
    for index, (number, raw) in enumerate(items):
        cells = [" ".join(c.split()) for c in _CELL_GAP_RE.split(raw.strip()) if c.strip()]
        if len(cells) < 2:
            continue
        kinds = [(c, m) for c in cells if (m := KIND_LINE_RE.match(c))]
        if len(kinds) != 1 or (kinds[0][1]["sender"] and not is_party_line(kinds[0][1]["sender"])):
            continue
        cell, match = kinds[0]
        header = Header(start=index, end=index + 1, kind_word=match["kind"].lower(), kind_line=number)
        header.kind_party = match["party"] or match["sender"] or ""
        read = True
        for other in (c for c in cells if c is not cell):
            if _take(header, other, number):
                continue
            if not header.body and (looks_like_body(other, True) or _names_a_body(other)):
                _take_body(header, other, number)
                continue
            read = False
            break
        if read:
            header.body = header.body or header.meeting_body
            headers.append(header)
    return headers
