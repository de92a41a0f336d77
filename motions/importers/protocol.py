"""The protocol-extract parser ("Utdrag ur protokoll"): one § of a meeting's minutes as the city
publishes it, read into what the decision registers — body, date, §, case, title, the decision and
its points, the motions moved, the propositionsordning, the votes with their roll calls (the table
of a "Bilaga" or the KS prose form), reservations, protokollsanteckningar and särskilda yttranden,
the justering date.

Pure: no database query (parse_protocol); protocol_resolve.py matches the names to rows. Whatever is
not certain is flagged on its field; a roll call no reader can read flags its vote, which keeps no
rows; a document that cannot be a protocol extract, or a roll call whose rows contradict the counts
the minutes state, is refused with an ImportError_ naming the line.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ..models import DecisionNote, Motion
from .points import ParsedPoint
from .protocol_layout import cells, check_votes_counted, date_beside, layout_heading, paragraph_cell
from .protocol_parts import (
    ISO_DATE_RE,
    Claim,
    MotionRef,
    Para,
    ProtocolNote,
    claim_of,
    motion_refs,
    notes_of,
    paragraphs,
    parse_date,
    points_of,
    unique_refs,
)
from .protocol_title import read_title
from .protocol_votes import (
    ProtocolVote,
    link_propositions,
    read_attachments,
    read_votes,
    split_attachments,
    stray_tables,
)
from .rollcall import unmark_tables
from .rollcall_filled import unmark_filled
from .text import ImportError_, check_text, is_furniture, line_error

PARAGRAPH_RE = re.compile(r"^§\s*(?P<number>\d{1,4})\b[,.]?\s*(?P<rest>.*)$")
CASE_NUMBER_RE = re.compile(r"\b(?P<prefix>[A-ZÅÄÖ]{2,5})[- ](?P<year>\d{4})-(?P<number>\d{5})\b")
DNR_RE = re.compile(r"\b\d{4}/\d{2}\b")
IDENTIFIER_WORDS_RE = re.compile(r"(?i)\b(?:ärendenummer|ärendenr|diarienummer|dnr|ärende)\b[:.]?")
# A meeting label that is also a word of prose ("Sammanträde", "Protokoll från sammanträde") only
# with a date and nothing else after it, or alone with its colon.
_DATE_ONLY = r"(?:den\s+)?(?:\d{4}-\d\d-\d\d|\d{1,2}\s+[a-zåäö]+\s+\d{4})\s*$"
MEETING_DATE_RE = re.compile(
    r"(?i)^(?:sammanträdes(?:datum|dag)|datum\s+för\s+sammanträdet?|mötesdatum"
    rf"|sammanträde(?:t)?(?=\s*:\s*$|\s*:?\s*{_DATE_ONLY})"
    # "Protokollsutdrag från sammanträde 2025-12-02": the extract's name with the meeting's date.
    r"|(?:(?:utdrag\s+ur\s+)?protokoll(?:et)?|protokollsutdrag)\s+(?:från|vid)\s+(?:\w+\s+)?"
    rf"sammanträde(?:t)?(?:\s+den)?(?=\s+{_DATE_ONLY}))\b:?\s*(?P<rest>.*)$"
)
# Header fields printed as "label: value" (or the value on the next line): "Paragraf: § 119",
# "Diarienummer: SOC-2025-00741", "Dnr:", "Ärende:".
# "Ärende: § 88" is the § too; "Ärende: 14" an agenda number, never the §.
# "Paragraf 241" may stand without a colon (a header's column).
PARAGRAPH_LABEL_RE = re.compile(
    r"(?i)^(?:paragraf|§|ärende(?=\s*[:.]\s*§))(?:\s*[:.]\s*|(?<=paragraf)\s+(?=(?:§\s*)?\d+$))(?P<rest>.*)$"
)
CASE_LABEL_RE = re.compile(r"(?i)^(?:ärendenummer|ärendenr|diarienummer|dnr|ärende)\b\s*[:.]?\s*(?P<rest>.*)$")
EXTRACT_RE = re.compile(r"(?i)^(?:(?:utdrag\s+ur\s+)?protokoll(?:et)?(?:\s+\d+/\d{4})?|(?:protokolls)?utdrag)$")
# A district board carries its area after the name ("Socialnämnden Centrum"): one capitalised word.
BODY_LINE_RE = re.compile(
    r"(?i)^(?:kommunfullmäktige|kommunstyrelsen|kommunstyrelsens\s+\w+|[\wåäö -]{2,60}(?:nämnden|styrelsen|"
    r"utskottet|beredningen)(?-i:\s+[A-ZÅÄÖ][a-zåäö]+)?"
    # A body named by its remit: "Nämnden för demokrati och medborgarservice".
    r"|(?-i:[NS])(?:ämnden|tyrelsen)\s+för\s+[\wåäö ,-]{3,60})$"
)
# Header lines that are neither a field nor the body as BODY_LINE_RE knows it: "Protokoll från
# sammanträde", the § line, "Paragraf: 64", "Nämnden för demokrati och medborgarservice", a company's
# board ("Förvaltnings AB Framtiden").
HEADER_LINE_RES = [
    re.compile(r"(?i)^protokoll\b"),
    PARAGRAPH_RE,
    PARAGRAPH_LABEL_RE,
    EXTRACT_RE,
    MEETING_DATE_RE,
    re.compile(r"(?i)^(?:nämnden|styrelsen|beredningen)\s+för\s+[\wåäö ,-]{3,60}$"),
    re.compile(r"^(?:styrelsen\s+för\s+)?[A-ZÅÄÖ][\wåäö -]{1,50}\sAB$"),
]
PREPOSITION_RE = re.compile(r"(?i)\b(?:av|om|för|till|över|med|i|på|vid|inom|från)\b")
# Words by which the minutes say a vote was held: if none of its votes can then be read, the extract
# must not import as if no vote was taken.
VOTE_MENTION_RE = re.compile(
    r"(?i)\bomröstning\s+(?:begärs\s+och\s+)?verkställs\b|\bomröstning\s+genomförs\b|\bomröstningsresultat\b"
    r"|\bröst(?:ar|ade)\s+(?:ja|nej)\b|^(?:ja|nej)\s+röst(?:ar|ade)\s+(?:ordförande|ledam|ersättar|tjänstg|[A-ZÅÄÖ])"
)
DECIDING_BODY_RE = re.compile(r"(?i)finner\s+att\s+(?P<body>kommunfullmäktige|kommunstyrelsen|nämnden)\s+beslutat")
SECTIONS = {
    "beslut": "decision", "kommunfullmäktiges beslut": "decision", "kommunstyrelsens beslut": "decision",
    "nämndens beslut": "decision",
    "tidigare behandling": "earlier", "handlingar": "documents", "beslutsunderlag": "documents",
    "yrkanden": "claims", "yrkande": "claims", "propositionsordning": "propositions",
    "beslutsgång": "propositions", "proposition": "propositions",
    "omröstning": "vote", "votering": "vote", "omröstningar": "vote", "omröstningsresultat": "vote",
    # A member's reasons for a vote, no verdict of the vote: its text is not read as names.
    "röstförklaring": "vote_explanation", "röstförklaringar": "vote_explanation",
    "protokollsanteckning": "protokollsanteckning", "protokollsanteckningar": "protokollsanteckning",
    "reservation": "reservation", "reservationer": "reservation",
    "särskilt yttrande": "sarskilt_yttrande", "särskilda yttranden": "sarskilt_yttrande",
    "protokollsutdrag skickas till": "sent_to", "beslutet skickas till": "sent_to", "expedieras till": "sent_to",
    "skickas till": "sent_to",
    "dag för justering": "adjusted", "justeringsdag": "adjusted", "justerat": "adjusted", "justeringsdatum": "adjusted",
    "vid protokollet": "signatures", "sekreterare": "signatures", "ordförande": "signatures",
    "justerande": "signatures", "justerare": "signatures", "justeras": "signatures",
    "protokollet justeras": "signatures",
    "ärendet": "description", "ärendebeskrivning": "description", "sammanfattning": "description",
}  # fmt: skip

# The sections that show the minutes going on under a vote's table ("Voteringslista" … "Reservation").
MINUTES_GO_ON = {"claims", "propositions", "decision", "reservation", "protokollsanteckning", "sarskilt_yttrande"}

# The sections whose paragraphs are notes in the minutes, each stored as a DecisionNote of its kind.
NOTE_KINDS = {
    "reservation": DecisionNote.Kind.RESERVATION,
    "protokollsanteckning": DecisionNote.Kind.PROTOKOLLSANTECKNING,
    "sarskilt_yttrande": DecisionNote.Kind.SARSKILT_YTTRANDE,
}


@dataclass
class ParsedProtocol:
    body_name: str = ""
    date: datetime.date | None = None
    paragraph: int | None = None
    case_number: str = ""
    dnr: str = ""
    title: str = ""
    basis: str = ""  # a decisions.Basis value, "" when not read
    basis_refs: list[MotionRef] = field(default_factory=list)
    decision_text: str = ""
    points: list[ParsedPoint] = field(default_factory=list)
    earlier: str = ""
    motions: list[MotionRef] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    propositions: list[str] = field(default_factory=list)
    votes: list[ProtocolVote] = field(default_factory=list)
    notes: list[ProtocolNote] = field(default_factory=list)
    sent_to: list[str] = field(default_factory=list)
    adjusted_on: datetime.date | None = None
    flags: list[str] = field(default_factory=list)
    field_flags: dict[str, list[str]] = field(default_factory=dict)

    def flag(self, name: str, message: str) -> None:
        self.flags.append(message)
        self.field_flags.setdefault(name, []).append(message)

    def as_json(self) -> dict:
        return {
            "body": self.body_name or None,
            "date": self.date.isoformat() if self.date else None,
            "paragraph": self.paragraph,
            "case_number": self.case_number or None,
            "dnr": self.dnr or None,
            "title": self.title,
            "basis": self.basis or None,
            "basis_motions": [r.as_json() for r in self.basis_refs],
            "decision_text": self.decision_text,
            "points": [
                {"number": p.number, **({"label": p.label} if p.label else {}), "text": p.text} for p in self.points
            ],
            "earlier": self.earlier,
            "motions": [r.as_json() for r in self.motions],
            "claims": [c.as_json() for c in self.claims],
            "propositions": self.propositions,
            "votes": [v.as_json() for v in self.votes],
            "notes": [n.as_json() for n in self.notes],
            "sent_to": self.sent_to,
            "adjusted_on": self.adjusted_on.isoformat() if self.adjusted_on else None,
            "flags": self.field_flags,
        }


def _clean(line: str) -> str:
    return " ".join(line.split())


def _heading(line: str) -> str | None:
    key = _clean(line).rstrip(":").lower()
    return SECTIONS.get(key) or layout_heading(key)


def _is_mark(raw: str) -> bool:
    """ "Utdrag ur protokoll" or "Sammanträdesdatum", alone or in a column of a two-column header."""
    return any(EXTRACT_RE.match(cell) or MEETING_DATE_RE.match(cell) for cell in cells(raw))


def _header_cluster(lines: list[str], index: int) -> bool:
    """A body name standing with "Utdrag ur protokoll" or "Sammanträdesdatum" (a page's header block)."""
    return any(_is_mark(x) for x in lines[max(0, index - 4) : index + 6])


def parse_protocol(text: str) -> ParsedProtocol:
    """Read one § of the minutes; the first § when the text holds several (flagged)."""
    # An X-marked vote table typed with its layout becomes the one-result-column table everything
    # below reads (line for line, so the line numbers stay the document's).
    lines = unmark_tables(unmark_filled(check_text(text).split("\n")))
    parsed = ParsedProtocol()
    end, attachments = split_attachments(lines, minutes_heading=lambda x: _heading(x) in MINUTES_GO_ON)
    paragraph_at = next((i for i in range(end) if _paragraph_at(lines, i, end)), None)
    if paragraph_at is None and not any(_heading(x) == "decision" for x in lines[:end]):
        raise ImportError_(
            _(
                "Texten ser inte ut som ett protokollsutdrag: varken en paragraf (”§ 4”) "
                "eller rubriken ”Beslut” hittades."
            )
        )
    start = _paragraph_at(lines, paragraph_at, end)[1] + 1 if paragraph_at is not None else 0
    later = next((i for i in range(start, end) if _another_paragraph(lines, i, end, paragraph_at)), None)
    if later is not None:
        parsed.flag(
            "paragraph",
            _("Rad %(line)d: texten har ännu en paragraf (%(text)s); bara den första läses in.")
            % {"line": later + 1, "text": _clean(lines[later])[:40]},
        )
        end = min(end, later)
        attachments = [a for a in attachments if a[1] < later]
    body_lines = _read_header(parsed, lines, end)
    first_section = _read_title(parsed, lines, paragraph_at, end, body_lines)
    sections = _sections(lines, first_section, end, body_lines)
    stray = stray_tables(sections)
    _read_sections(parsed, sections)
    read_attachments(parsed, lines, attachments + stray)
    link_propositions(parsed)
    _check(parsed, sections)
    _check_vote_mentioned(parsed, lines[:end])
    check_votes_counted(parsed, lines[:end])
    return parsed


def _another_paragraph(lines: list[str], index: int, end: int, first: int | None) -> bool:
    """A § line after the first: a running header repeating the same § ("… 2025-11-04      § 141")
    is the page's furniture, not a second §."""
    found = _paragraph_at(lines, index, end)
    if not found or first is None:
        return bool(found)
    return found[0]["number"] != _paragraph_at(lines, first, end)[0]["number"]


def _check_vote_mentioned(parsed: ParsedProtocol, lines: list[str]) -> None:
    """A vote the text speaks of but no roll call or count was read from: flagged at its line."""
    if any(v.rollcall is not None or v.declared or v.split or v.unread_reason for v in parsed.votes):
        return
    for index, raw in enumerate(lines):
        here = _clean(raw)
        # A mention wrapped over the line end ("röstar⏎ja") counts on the line where it begins.
        found = VOTE_MENTION_RE.search(f"{here} {_clean(lines[index + 1]) if index + 1 < len(lines) else ''}")
        if found and found.start() < len(here):
            parsed.flag(
                "votes",
                _(
                    "Rad %(line)d: protokollet nämner en omröstning men den kunde inte läsas "
                    "– kontrollera eller lägg till namnlistan."
                )
                % {"line": index + 1},
            )
            return


def _paragraph_at(lines: list[str], index: int, end: int) -> tuple[re.Match, int] | None:
    """The § line ("§ 119 Dnr …") or a labelled field ("Paragraf: § 119", "Paragraf:" with the
    value on the next line): its match and the last line it takes."""
    line = _clean(lines[index])
    found = PARAGRAPH_RE.match(line)
    if found:
        return found, index
    # "Ärende: § 88      Dnr: MK-2025-00655": the label in the first of the header's columns.
    labelled = PARAGRAPH_LABEL_RE.match(next(iter(cells(lines[index])), ""))
    if not labelled:
        # "Sammanträdesdatum: 2025-11-04      § 141"
        beside = paragraph_cell(lines[index], field_line=bool(MEETING_DATE_RE.match(line)))
        return (beside, index) if beside else None
    value, last = labelled["rest"], index
    if not value and index + 1 < end:
        value, last = _clean(lines[index + 1]), index + 1
    found = PARAGRAPH_RE.match(value if value.startswith("§") else f"§ {value}")
    # A labelled § holds the number alone; anything after it is no ärendemening, but it may be the
    # next column's field where a PDF kept one space of a two-column header's gap ("Paragraf: § 211
    # Diarienummer: SFN-2025-00419").
    return (found, last) if found and (not found["rest"] or CASE_LABEL_RE.match(found["rest"])) else None


def _value_of(lines: list[str], index: int, end: int, rest: str) -> tuple[str, int]:
    """A labelled field's value: after the label, or alone on the next line."""
    if rest or index + 1 >= end:
        return rest, index
    return _clean(lines[index + 1]), index + 1


def _read_case_fields(parsed: ParsedProtocol, lines: list[str], end: int, header: set[int]) -> None:
    """ "Diarienummer: SOC-2025-00741" / "Dnr: 2025/12" lines of the header block (before the
    first section), the value on the same line or the next."""
    for index in range(end):
        line = _clean(lines[index])
        if _heading(line):
            return
        # The line whole, else each column of a two-column header line alone ("Ärende: § 88      Dnr:
        # MK-2025-00655").
        row = cells(lines[index])
        for cell in [line] + (row if len(row) > 1 else []):
            if _read_case_cell(parsed, lines, index, end, cell, header):
                break


def _read_case_cell(parsed: ParsedProtocol, lines: list[str], index: int, end: int, cell: str, header) -> bool:
    labelled = CASE_LABEL_RE.match(cell)
    if not labelled:
        return False
    value, last = _value_of(lines, index, end, labelled["rest"])
    case_number, dnr = CASE_NUMBER_RE.fullmatch(value), DNR_RE.fullmatch(value)
    if not case_number and not dnr:
        return False
    header.update(range(index, last + 1))
    if case_number and not parsed.case_number:
        parsed.case_number = f"{case_number['prefix']}-{case_number['year']}-{case_number['number']}"
    if dnr and not parsed.dnr:
        parsed.dnr = dnr.group(0)
    return True


def _read_header(parsed: ParsedProtocol, lines: list[str], end: int) -> set[int]:
    """Body and meeting date, wherever their block stands (the KF extract prints it after the
    Yrkanden); returns the indexes of the header lines, which the sections skip."""
    header: set[int] = set()
    for index in range(end):
        row = cells(lines[index])
        dated = next((MEETING_DATE_RE.match(c) for c in row if MEETING_DATE_RE.match(c)), None)
        if dated:
            header.add(index)
            rest = dated["rest"] or (_clean(lines[index + 1]) if index + 1 < end else "")
            if not dated["rest"] and index + 1 < end:
                header.add(index + 1)
            date = parse_date(rest)
            if date and not parsed.date:
                parsed.date = date
            elif date and date != parsed.date:
                parsed.flag(
                    "date",
                    _("Rad %(line)d: ett annat sammanträdesdatum (%(date)s).") % {"line": index + 1, "date": date},
                )
        elif any(EXTRACT_RE.match(c) for c in row):
            header.add(index)
    if parsed.date is None:
        extracts = [i for i in range(end) if any(EXTRACT_RE.match(c) for c in cells(lines[i]))]
        beside = date_beside(lines, extracts, end)
        if beside:
            header.add(beside[0])
            parsed.date = beside[1]
    _read_case_fields(parsed, lines, end, header)
    candidates = []
    for index in range(end):
        # A two-column header prints the body beside "Protokollsutdrag": each column is read alone.
        line = next((c for c in cells(lines[index]) if BODY_LINE_RE.match(c)), "")
        if not line or _in_list(lines, index, header):
            continue
        if line.lower() in ("kommunfullmäktige", "kommunstyrelsen") or _header_cluster(lines, index):
            header.add(index)
            candidates.append((index, line))
    _choose_body(parsed, lines, candidates, header)
    return header


def _in_list(lines: list[str], index: int, header: set[int]) -> bool:
    """A body name right under another line of text is an item of a list ("Protokollsutdrag
    skickas till", a decision naming boards), not the page's header."""
    if index == 0:
        return False
    above = _clean(lines[index - 1])
    # Under a bare § line ("§ 152⏎Socialnämnden Hisingen⏎Sammanträdesdatum …") it heads the page.
    paragraph = PARAGRAPH_RE.match(above)
    if paragraph and not _clean(IDENTIFIER_WORDS_RE.sub("", DNR_RE.sub("", CASE_NUMBER_RE.sub("", paragraph["rest"])))):
        return False
    return bool(above) and index - 1 not in header and not is_furniture(lines[index - 1])


def _choose_body(parsed: ParsedProtocol, lines: list[str], candidates: list[tuple[int, str]], header) -> None:
    """The body of the header block: the name that stands with "Utdrag ur protokoll" or
    "Sammanträdesdatum" with nothing but blank lines between wins over a name merely near it.
    Where names disagree, or none stands in a block, the choice is flagged."""
    if not candidates:
        return
    marks = [i for i in header if _is_mark(lines[i])]

    def attached(index: int) -> bool:
        for mark in marks:
            low, high = sorted((index, mark))
            if all(not _clean(lines[i]) or i in header or is_furniture(lines[i]) for i in range(low + 1, high)):
                return True
        return False

    in_block = [(i, name) for i, name in candidates if attached(i)]
    chosen = in_block or candidates
    parsed.body_name = _as_named(chosen[0][1])
    others = sorted({name for _i, name in candidates if name.lower() != parsed.body_name.lower()})
    if not in_block and marks:
        parsed.flag(
            "body",
            _("Rad %(line)d: organet ”%(body)s” står inte i sidhuvudet – kontrollera.")
            % {"line": chosen[0][0] + 1, "body": parsed.body_name},
        )
    elif others and len({name.lower() for _i, name in in_block}) > 1:
        parsed.flag(
            "body",
            _("Utdraget nämner flera organ i sidhuvudet (%(others)s); ”%(body)s” lästes in – kontrollera.")
            % {"others": ", ".join(others), "body": parsed.body_name},
        )


def _year_span(text: str, found: re.Match) -> bool:
    """A dnr-shaped "2026/27" that is a school or financial year in the ärendemening ("… från och med
    läsåret 2026/27"): the second year follows the first, and a word that is no label stands before it."""
    first, second = found.group(0).split("/")
    before = text[: found.start()].split()
    word = before[-1].lower().strip(":.,") if before else ""
    return (int(first) + 1) % 100 == int(second) and word.isalpha() and not IDENTIFIER_WORDS_RE.fullmatch(word)


def _as_named(name: str) -> str:
    """A body printed in capitals as a page heading ("IDROTT- OCH FÖRENINGSNÄMNDEN") in the case its
    name is written in ("Idrott- och föreningsnämnden"): the boards are looked up without regard to case."""
    return name[:1] + name[1:].lower() if name.isupper() else name


def _header_like(lines: list[str], index: int, header: set[int]) -> bool:
    """A line of the page's header block, also one the header reading did not take ("Protokoll från
    sammanträde", "Datum: 2025-09-16", "Ärende 6, Dnr …"): never part of the ärendemening."""
    line = _clean(lines[index])
    if index in header or is_furniture(lines[index]) or any(r.match(line) for r in HEADER_LINE_RES):
        return True
    # A body's name, not an ärendemening ending in one ("Revidering av delegationsordning för
    # utbildningsnämnden"): no preposition in it.
    if BODY_LINE_RE.match(line) and not PREPOSITION_RE.search(line):
        return True
    label, colon, value = line.partition(":")
    if colon and len(label.split()) <= 4 and (parse_date(value) or CASE_NUMBER_RE.search(value)):
        return True
    bare = IDENTIFIER_WORDS_RE.sub("", DNR_RE.sub("", CASE_NUMBER_RE.sub("", line)))
    if bare != line and not re.sub(r"[\W\d_]", "", bare):
        return True  # identifiers only: "Ärende 6, Dnr IFN-2025-00287"
    dated = ISO_DATE_RE.sub("", line) if ISO_DATE_RE.search(line) else None
    return dated is not None and len(dated.split()) <= 2


def _read_title(parsed: ParsedProtocol, lines: list[str], at: int | None, end: int, header: set[int]) -> int:
    """§, identifiers and the ärendemening (after the § line, or before it as the KF prints it);
    returns where the sections begin."""
    if at is None:
        parsed.flag("paragraph", _("Paragrafen (§) står inte i texten – ange den."))
        if not parsed.case_number and not parsed.dnr:
            parsed.flag("case", _("Ärendenummer eller diarienummer står inte i utdraget – ange det."))
        reading, _start = read_title(
            lines, None, 0, end, "", skip=lambda i: _header_like(lines, i, header), heading=_heading
        )
        parsed.title = reading.title
        parsed.flag("title", reading.doubt or _("Ärendemeningen kunde inte läsas – ange den."))
        return next(i for i in range(end) if _heading(lines[i]) == "decision")
    found, last = _paragraph_at(lines, at, end)
    labelled = last != at or not PARAGRAPH_RE.match(_clean(lines[at]))
    header.update(range(at, last + 1) if labelled else ())
    parsed.paragraph = int(found["number"]) or None
    rest = found["rest"]
    case_number = CASE_NUMBER_RE.search(rest)
    if case_number:
        parsed.case_number = f"{case_number['prefix']}-{case_number['year']}-{case_number['number']}"
    dnrs = [found for found in DNR_RE.finditer(rest) if not _year_span(rest, found)]
    if dnrs:
        parsed.dnr = dnrs[0].group(0)
    for found in reversed(dnrs):
        rest = rest[: found.start()] + rest[found.end() :]
    rest = CASE_NUMBER_RE.sub("", rest)
    rest = _clean(IDENTIFIER_WORDS_RE.sub("", rest)).strip(" ,;:-")
    if not parsed.case_number and not parsed.dnr:
        parsed.flag(
            "case", _("Rad %(line)d: ärendenummer eller diarienummer saknas vid paragrafen.") % {"line": at + 1}
        )
    reading, index = read_title(
        lines, at, last, end, rest, skip=lambda i: _header_like(lines, i, header), heading=_heading
    )
    parsed.title = reading.title
    if reading.doubt:
        parsed.flag("title", reading.doubt)
    if not parsed.title:
        index = _title_below(parsed, lines, last + 1, end, header)
    if not parsed.title:
        parsed.flag("title", _("Ärendemeningen kunde inte läsas – ange den."))
    elif len(parsed.title) > 400:
        parsed.flag("title", _("Ärendemeningen är längre än 400 tecken – korta den."))
    return index


def _title_below(parsed: ParsedProtocol, lines: list[str], index: int, end: int, header: set[int]) -> int:
    """A § in a header's column ("§ 118      Dnr …") with no ärendemening above it: the
    ärendemening is the paragraph under the header, after a blank line."""
    while index < end and (index in header or not _clean(lines[index])):
        index += 1
    after = []
    while index < end and _clean(lines[index]) and not _heading(lines[index]):
        after.append(_clean(lines[index]))
        index += 1
    parsed.title = " ".join(after)
    return index


def _sections(lines: list[str], start: int, end: int, skip: set[int]) -> list[tuple[str, int, list[tuple[int, str]]]]:
    """(name, heading line, its lines) in the order printed; a heading may repeat (two votes)."""
    sections: list[tuple[str, int, list[tuple[int, str]]]] = []
    for index in range(start, end):
        raw = lines[index]
        previous = _clean(lines[index - 1]) if index > start else ""
        # A heading stands alone: a word such as "beslut" wrapped onto its own line is no heading.
        alone = not previous or previous.endswith((".", ":", "!", "?", "”", '"', ")")) or index - 1 in skip
        name = _heading(raw) if alone or index == start else None
        if name == "rollcall" and sections and sections[-1][0] == "vote":
            continue  # "Röstlista" under the vote's heading: the names of that vote
        name = "vote" if name == "rollcall" else name
        if name:
            sections.append((name, index + 1, []))
        elif index in skip or is_furniture(raw):
            continue
        elif sections:
            sections[-1][2].append((index + 1, "\f" if raw.strip() == "\f" else raw))
        elif raw.strip():
            sections.append(("description", index + 1, [(index + 1, raw)]))
    return sections


def _read_sections(parsed: ParsedProtocol, sections) -> None:
    refs: list[MotionRef] = []
    for name, heading_line, body in sections:
        paras = paragraphs(body, split_points=name == "decision")
        if name == "decision":
            if parsed.decision_text:
                parsed.flag("decision", _("Rad %(line)d: rubriken ”Beslut” står två gånger.") % {"line": heading_line})
                continue
            _read_decision(parsed, paras, heading_line)
        elif name == "earlier":
            parsed.earlier = " ".join(p.text for p in paras)
        elif name == "documents":
            for para in paras:
                refs += motion_refs(para.text, para.line)
        elif name == "claims":
            for para in paras:
                claim = claim_of(para)
                parsed.claims.append(claim)
                refs += claim.refs
        elif name == "propositions":
            parsed.propositions += [p.text for p in paras]
        elif name == "vote":
            read_votes(parsed, body, paras, heading_line)
        elif name in NOTE_KINDS:
            parsed.notes += notes_of(paras, NOTE_KINDS[name])
        elif name == "sent_to":
            parsed.sent_to += [_clean(x) for _n, x in body if _clean(x) and x.strip() != "\f"]
        elif name == "adjusted":
            date = parse_date(" ".join(x for _n, x in body[:6]))
            if date:
                parsed.adjusted_on = date
            else:
                parsed.flag(
                    "adjusted_on", _("Rad %(line)d: justeringsdagen kunde inte läsas.") % {"line": heading_line}
                )
    parsed.motions = unique_refs(parsed.basis_refs + refs)
    for note in parsed.notes:
        if not note.parties and not note.members:
            parsed.flag(
                "notes",
                _("Rad %(line)d: vem som står bakom anteckningen kunde inte läsas – ange partierna.")
                % {"line": note.line},
            )


def _read_decision(parsed: ParsedProtocol, paras: list[Para], line: int) -> None:
    intro, points = points_of(paras)
    parsed.points = points
    parsed.decision_text = "\n\n".join([p.text for p in intro] + [f"{p.list_marker} {p.text}" for p in points])
    opening = intro[0].text if intro else (points[0].text if points else "")
    lowered = opening.lower()
    refs = motion_refs(opening.split(":")[0], intro[0].line if intro else line)
    whole = parsed.decision_text.lower()
    if lowered.startswith("enligt återremissyrkande") or "återremitteras" in whole[:400]:
        parsed.basis = "aterremiss"
    elif "bordläggs" in whole[:300] or "bordlägga" in whole[:300]:
        parsed.basis = "bordlaggning"
    elif re.match(r"enligt\s+(?:\w+\s+){0,2}förslag\b", lowered):
        parsed.basis = "bifall_tillagg" if re.search(r"med\s+tillägg", lowered) else "bifall_forslag"
    elif lowered.startswith(("enligt yrkande", "enligt ändringsyrkande")):
        parsed.basis = "bifall_yrkande"
    elif re.search(r"\bavslås\b", whole[:300]):
        parsed.basis = "avslag"
    else:
        parsed.flag(
            "basis", _("Rad %(line)d: hur mötet beslutade kunde inte läsas ur beslutet – välj det.") % {"line": line}
        )
    if parsed.basis in ("aterremiss", "bifall_tillagg", "bifall_yrkande"):
        if parsed.basis == "bifall_tillagg":  # "med tillägg enligt yrkande från S, D …": a tilläggsyrkande
            for ref in refs:
                ref.kind = Motion.Kind.TILLAGGSYRKANDE if ref.kind == Motion.Kind.YRKANDE else ref.kind
        parsed.basis_refs = refs
        if not refs:
            parsed.flag(
                "motions",
                _("Rad %(line)d: beslutet nämner inget yrkande med partier – välj det bifallna.") % {"line": line},
            )
    if not parsed.decision_text:
        parsed.flag("decision", _("Rad %(line)d: beslutstexten är tom.") % {"line": line})


def _settle_split(parsed: ParsedProtocol, vote: ProtocolVote) -> None:
    """A count "med 7 röster mot 6" names no side: the roll call's Ja and Nej must be the two
    counts, in either order, and then give them their side; without names the user is asked."""
    if vote.split is None:
        return
    more, fewer = vote.split
    if vote.rollcall is None:
        if "ja" not in vote.declared or "nej" not in vote.declared:
            parsed.flag(
                "votes",
                _("Rad %(line)d: ”med %(a)d röster mot %(b)d” säger inte vilken sida som röstade Ja – ange antalen.")
                % {"line": vote.line, "a": more, "b": fewer},
            )
        return
    yes, no = vote.rollcall.totals["ja"], vote.rollcall.totals["nej"]
    if (yes, no) not in ((more, fewer), (fewer, more)):
        raise line_error(
            vote.line,
            _("Protokollet säger %(a)d röster mot %(b)d men namnlistan har %(yes)d Ja och %(no)d Nej.")
            % {"a": more, "b": fewer, "yes": yes, "no": no},
        )
    vote.declared.setdefault("ja", yes)
    vote.declared.setdefault("nej", no)


def _check(parsed: ParsedProtocol, sections) -> None:
    """The counts the minutes state must be the roll call's; what a registration needs is flagged."""
    labels = {"ja": _("Ja"), "nej": _("Nej"), "avstar": _("Avstår"), "franvarande": _("Frånvarande")}
    for vote in parsed.votes:
        _settle_split(parsed, vote)
        if vote.rollcall is None:
            if not vote.unread_reason:  # an unreadable one is flagged with why (protocol_votes.flag_unread)
                parsed.flag(
                    "votes",
                    _("Rad %(line)d: omröstningen har ingen namnlista (bilaga saknas?) – bara antalen sparas.")
                    % {"line": vote.line},
                )
            continue
        for key, count in vote.declared.items():
            if vote.rollcall.totals[key] != count:
                raise line_error(
                    vote.line,
                    _("Protokollet säger %(count)d %(what)s men namnlistan har %(listed)d.")
                    % {"count": count, "what": labels[key], "listed": vote.rollcall.totals[key]},
                )
    if not parsed.body_name:
        deciding = next((DECIDING_BODY_RE.search(p) for p in parsed.propositions if DECIDING_BODY_RE.search(p)), None)
        if deciding:
            parsed.body_name = deciding["body"].capitalize()
            parsed.flag("body", _("Organet står inte i sidhuvudet; det lästes ur propositionsordningen – kontrollera."))
        else:
            parsed.flag("body", _("Organet framgår inte av utdraget – välj det."))
    if parsed.date is None:
        parsed.flag("date", _("Sammanträdesdatum står inte i utdraget – ange det."))
    if parsed.adjusted_on and parsed.date and parsed.adjusted_on < parsed.date:
        parsed.flag("adjusted_on", _("Justeringsdagen är före sammanträdet – kontrollera."))
    begged = any(p.lower().rstrip(". ").endswith("omröstning begärs") for p in parsed.propositions)
    if begged and not parsed.votes and not any(VOTE_MENTION_RE.search(p) for p in parsed.propositions):
        parsed.flag("votes", _("Propositionsordningen säger att omröstning begärdes, men ingen omröstning hittades."))
    if not any(name == "decision" for name, _l, _b in sections):
        parsed.flag("decision", _("Rubriken ”Beslut” saknas – skriv beslutstexten."))
