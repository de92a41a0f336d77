"""The layouts a protocol extract's header and headings take besides one field to a line: a header
printed in two columns ("Protokollsutdrag        Utbildningsnämnden", "Sammanträdesdatum:
2025-11-04      § 141"), a decision heading in the body's genitive ("Utbildningsnämndens beslut"),
numbered vote headings ("Omröstning 2") and a roll call's own heading ("Röstlista § 141").
Pure: no database query."""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from .protocol_parts import ISO_DATE_RE, PROSE_DATE_RE, parse_date
from .protocol_propositions import EXPLICIT_RE as PROPOSITION_RE

if TYPE_CHECKING:
    from .protocol import ParsedProtocol

# Columns of a header line stand apart by a run of spaces no sentence holds.
COLUMN_GAP_RE = re.compile(r"\s{3,}|\t")
# "§ 141" alone in a header's column, or with the case number after it.
PARAGRAPH_CELL_RE = re.compile(
    r"^§\s*(?P<number>\d{1,4})(?P<rest>(?:\s+(?:dnr|ärendenummer|ärendenr|diarienummer)?:?\s*"
    r"(?:[A-ZÅÄÖ]{2,5}-\d{4}-\d{5}|\d{4}/\d{2}))?)$",
    re.IGNORECASE,
)
# "Utbildningsnämndens beslut", "Socialnämnden Sydvästs beslut", "Nämndens beslut": the body's
# decision, whichever body's name stands in the genitive.
GENITIVE_DECISION_RE = re.compile(
    # "Miljö- och klimatnämndens beslut": a name with a suspended first word ("Miljö- och").
    r"(?i)^(?:(?:[\wåäö]{2,30}-\s+(?:och|samt)\s+)?(?:[\wåäö-]{2,40}(?:nämnden|styrelsen|utskottet|beredningen|fullmäktige))"
    r"(?:\s+[a-zåäö]+)?|nämnden|styrelsen|utskottet|beredningen|kommunfullmäktige)s\s+beslut$"
)
# "Förskolenämnden beslutar" alone on its line, the decision's "att"-clauses under it: the body's
# decision, whose lead-in the line is too (protocol._sections keeps it in the decision's text).
DECIDES_LEAD_RE = re.compile(
    r"(?i)^(?:(?:[\wåäö]{2,30}-\s+(?:och|samt)\s+)?[\wåäö-]{2,40}(?:nämnden|styrelsen|utskottet|beredningen)"
    r"(?:\s+[a-zåäö]+)?|kommunstyrelsen|kommunfullmäktige)\s+beslutar$"
)
# "Omröstning 1", "Votering 2", "Omröstning nr 2": one of several votes, each under its heading,
# which may say what the vote is about ("Omröstning 2, huvudfrågan", "Votering 1 (återremiss)"; no
# sentence: no full stop).
NUMBERED_VOTE_RE = re.compile(
    r"(?i)^(?:omröstning|votering)\s+(?:nr\.?\s*)?\d{1,2}(?:\s*[,:–-]\s*[^.]{1,80}|\s*\([^().]{1,80}\))?$"
)
# The roll call's own heading over a table ("Röstlista", "Röstlista § 141", "Omröstningslista").
ROLLCALL_HEADING_RE = re.compile(r"(?i)^(?:röst|omröstnings|voterings)lista(?:n)?(?:\s+(?:till\s+)?§\s*\d{1,4})?$")


# The extract's own name beside the body where the columns' gap is lost (a PDF's text closes it up):
# "Protokollsutdrag Utbildningsnämnden", "Socialnämnden Sydväst Protokollsutdrag".
_BODY = r"\S.*?(?:nämnden|styrelsen|fullmäktige|utskottet|beredningen)(?-i:\s+[A-ZÅÄÖ][a-zåäö]+)?"
_EXTRACT = r"(?:utdrag\s+ur\s+protokoll(?:et)?|protokollsutdrag)"
EXTRACT_BESIDE_RE = re.compile(
    rf"(?i)^(?P<before>{_BODY})\s+(?P<after>{_EXTRACT})$|^(?P<first>{_EXTRACT})\s+(?P<rest>{_BODY})$"
)


def cells(raw: str) -> list[str]:
    """The columns of a line, each with its spaces closed up: one cell for a line of prose."""
    out = []
    for cell in COLUMN_GAP_RE.split(raw.strip()):
        cell = " ".join(cell.split())
        beside = EXTRACT_BESIDE_RE.match(cell)
        out += [part for part in (beside.groups() if beside else (cell,)) if part]
    return out


def paragraph_cell(raw: str, *, field_line: bool = False) -> re.Match | None:
    """The "§ 141" a two-column header prints beside another field (never its first column, which
    protocol_header.paragraph_at reads as the § line); on a header field's line (field_line: "Sammanträdes-
    datum: 2025-11-04 § 141") also where the columns' gap is lost."""
    for cell in cells(raw)[1:]:
        found = PARAGRAPH_CELL_RE.match(cell)
        if found:
            return found
    line = " ".join(raw.split())
    at = line.rfind(" §")
    return PARAGRAPH_CELL_RE.match(line[at + 1 :]) if field_line and at > 0 else None


def date_beside(lines: list[str], extracts: list[int], end: int) -> tuple[int, datetime.date] | None:
    """A date printed without a label in the extract's own header block ("Utdrag ur protokoll⏎
    2025-11-11"): the meeting's. It stands beside the extract's name (extracts: those lines), in
    its column or as the nearest line above or below with only blank lines between; (line, date)."""
    for index in extracts:
        above = next((i for i in range(index - 1, -1, -1) if lines[i].strip()), None)
        below = next((i for i in range(index + 1, end) if lines[i].strip()), None)
        for at in (index, below, above):
            for cell in cells(lines[at]) if at is not None else []:
                if ISO_DATE_RE.fullmatch(cell) or PROSE_DATE_RE.fullmatch(cell):
                    date = parse_date(cell)
                    if date:
                        return at, date
    return None


def layout_heading(key: str) -> str | None:
    """The section a heading outside protocol.SECTIONS opens (key: the cleaned, lower-cased line)."""
    if GENITIVE_DECISION_RE.match(key):
        return "decision"
    if DECIDES_LEAD_RE.match(key):
        return "decision_lead"
    if NUMBERED_VOTE_RE.match(key):
        return "vote"
    if ROLLCALL_HEADING_RE.match(key):
        return "rollcall"
    return None


def _joined(line: str) -> str:
    return " ".join(line.split())


def check_votes_counted(parsed: ParsedProtocol, lines: list[str]) -> None:
    """Each "Godkänd voteringsproposition" (or "Omröstning 2" heading) the text holds is a vote: one
    standing where no vote was read from (under another heading) is flagged, not lost."""
    propositions, headings = [], []
    for index, raw in enumerate(lines):
        here = _joined(raw)
        joined = f"{here} {_joined(lines[index + 1]) if index + 1 < len(lines) else ''}"
        found = PROPOSITION_RE.search(joined)
        if found and found.start() < len(here):
            propositions.append(index)
        if NUMBERED_VOTE_RE.match(here):
            headings.append(index)
    mentioned = max(propositions, headings, key=len)
    if len(mentioned) > len(parsed.votes) and (parsed.votes or "votes" not in parsed.field_flags):
        parsed.flag(
            "votes",
            _(
                "Rad %(line)d: protokollet nämner %(mentioned)d omröstningar men %(read)d lästes "
                "– kontrollera eller lägg till namnlistan."
            )
            % {"line": mentioned[len(parsed.votes)] + 1, "mentioned": len(mentioned), "read": len(parsed.votes)},
        )
