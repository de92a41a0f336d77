"""The votes of a protocol extract: each "Godkänd voteringsproposition" with the counts the minutes
state and its names — the KS prose form in the section itself, or the table of a "Bilaga N" after
the minutes (rollcall.py, prose_rollcall.py). Pure: no database query."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from .number_words import NUMBER_WORDS, WORD_PATTERN
from .prose_rollcall import looks_like_prose_rollcall, parse_prose_rollcall
from .protocol_propositions import Proposition, explicit, propositions
from .rollcall import ParsedRollCall, is_marked_header, is_rollcall_header, rollcall_or_flag
from .text import ImportError_, line_error
from .vote_general import general_rollcall, second_opinion
from .vote_grid import grid_columns
from .vote_lists import NUMBERED_MEMBER_AHEAD

if TYPE_CHECKING:
    from .protocol import ParsedProtocol
    from .protocol_parts import Para

# The heading of a roll call's attachment: "Bilaga 1", "Bilaga 1 till § 187", "Bilaga 2: Omröstningslista",
# "Omröstningsbilaga § 187", "Voteringslista".
ATTACHMENT_RE = re.compile(
    r"(?i)^(?:bilaga\s+(?P<number>\d{1,2})(?:\s+till\s+§\s*\d{1,4})?(?:\s*[:–-]\s*(?:omröstning|votering)\w*)?"
    r"|(?:omröstnings|voterings)(?:bilaga|lista)(?:n)?(?:\s+(?:till\s+)?§\s*\d{1,4})?)$"
)
ATTACHMENT_REF_RE = re.compile(r"(?i)framgår\s+av\s+bilaga\s+(?P<number>\d{1,2})")
# Counts the minutes write out in words ("med sju röster mot sex") read as the digits.
NUMBER = r"(?:\d{1,3}|" + WORD_PATTERN + r")"
# The label first, digits after it: "Ja-röster: 7, nej-röster: 5, avstår: 1."
# Not the list number of "Ja:" "1. Anna Berg (S)" (vote_lists: names numbered one a line).
LABELLED = rf"(?:\s*:\s*|(?<=röster)\s+)(?P<l>\d{{1,3}})\b(?!(?<=[\s:]1){NUMBERED_MEMBER_AHEAD})"
DECLARED_RES = {
    "ja": re.compile(rf"(?i)\b(?P<n>{NUMBER})\s+ja\b|\bja(?:-röster)?{LABELLED}"),
    "nej": re.compile(rf"(?i)\bmot\s+(?P<n>{NUMBER})\s+nej\b|\b(?P<m>{NUMBER})\s+nej\b|\bnej(?:-röster)?{LABELLED}"),
    "avstar": re.compile(
        rf"(?i)\b(?P<n>{NUMBER})\s+(?:ledamöter|ledamot|ersättare|som)?\s*(?:avstår|avstod|avstått)"
        rf"|\b(?:avstår|avstående|avstod|nedlagda\s+röster){LABELLED}"
    ),
    "franvarande": re.compile(
        rf"(?i)\b(?P<n>{NUMBER})\s+(?:ledamöter|ledamot|ersättare)?\s*(?:är|var)\s+frånvarande"
        rf"|\bfrånvarande{LABELLED}"
    ),
}
# "med 7 röster mot 6": the two sides' counts, not which is Ja; the roll call settles it (protocol._check).
SPLIT_RE = re.compile(rf"(?i)\bmed\s+(?P<a>{NUMBER})\s+röster\s+mot\s+(?P<b>{NUMBER})\b(?!\s+(?:ja|nej)\b)")
MAX_VOTES = 20


@dataclass
class ProtocolVote:
    """One omröstning: the approved proposition, the counts the minutes state, the roll call."""

    proposition: str
    declared: dict[str, int]
    line: int
    rollcall: ParsedRollCall | None = None
    read: Proposition | None = None  # what Ja and Nej stand for, read from sentences (protocol_propositions)
    attachment: str = ""  # "3" when the names stand in "Bilaga 3"
    split: tuple[int, int] | None = None  # "med 7 röster mot 6", sides not named

    def as_json(self) -> dict:
        return {
            "proposition": self.proposition,
            "declared": self.declared,
            "attachment": self.attachment or None,
            "rollcall": self.rollcall.as_json() if self.rollcall else None,
        }


def split_attachments(lines: list[str], minutes_heading=None) -> tuple[int, list[tuple[str, int, int]]]:
    """Where the minutes end, and each "Bilaga N" that holds a roll call: (N, first line, end).

    minutes_heading(line): the line heads a section of the minutes ("Reservation"). A list without
    a number ("Voteringslista") after which such a heading stands is the vote's table inside the
    minutes, not an attachment after them: the sections under it are the minutes' own."""
    starts = []
    for index, raw in enumerate(lines):
        found = ATTACHMENT_RE.match(_clean(raw))
        if not found:
            continue
        near = lines[index + 1 : index + 40]
        following = " ".join(_clean(x) for x in near).lower()
        if (
            "antal ja" in following
            or "ärende:" in following
            or any(is_rollcall_header(x) or is_marked_header(x) for x in near)
        ):
            starts.append((found["number"] or "", index))
    if minutes_heading is not None and starts:
        bounds = [start for _number, start in starts[1:]] + [len(lines)]
        starts = [
            (number, start)
            for (number, start), end in zip(starts, bounds, strict=True)
            if number or not any(minutes_heading(lines[i]) and not lines[i - 1].strip() for i in range(start + 1, end))
        ]
    ends = [start for _number, start in starts[1:]] + [len(lines)] if starts else []
    attachments = [(number, start, end) for (number, start), end in zip(starts, ends, strict=True)]
    return (starts[0][1] if starts else len(lines)), attachments


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


def _declared(text: str) -> dict[str, int]:
    found = {}
    for key, regex in DECLARED_RES.items():
        match = regex.search(text)
        if match:
            found[key] = _number(next(group for group in match.groups() if group))
    return found


def _split(text: str) -> tuple[int, int] | None:
    found = SPLIT_RE.search(text)
    return (_number(found["a"]), _number(found["b"])) if found else None


def read_votes(parsed: ParsedProtocol, body: list[tuple[int, str]], paras: list[Para], heading_line: int) -> None:
    """Each "Godkänd voteringsproposition" begins a vote; the sentences after it give its counts
    and, in the KS prose form, its names. A vote without one may state its proposition in sentences
    ("Den som vill bifalla … röstar ja"); one that does not is settled by link_propositions."""
    groups: list[tuple[ProtocolVote, list[Para]]] = []
    for para in paras:
        found, proposition = explicit(para.text)
        if found or not groups:
            groups.append((ProtocolVote(proposition=proposition, declared={}, line=para.line), []))
            if found:
                continue
        groups[-1][1].append(para)
    last_line = max((n for n, _x in body), default=heading_line)
    for position, (vote, members) in enumerate(groups):
        if len(parsed.votes) >= MAX_VOTES:
            raise line_error(vote.line, _("Fler än %(max)d omröstningar i en paragraf.") % {"max": MAX_VOTES})
        last = groups[position + 1][0].line - 1 if position + 1 < len(groups) else last_line
        # The "Namn Parti Plats Funktion Resultat" table may stand in the section itself, not in a
        # Bilaga: its rows are the names, and the counts are those stated above it.
        table = next(
            (
                n
                for n, x in body
                if members
                and members[0].line <= n <= last
                and (is_rollcall_header(x) or is_marked_header(x) or grid_columns(x))
            ),
            None,
        )
        if table is not None:
            members = [p for p in members if p.line < table]
            rows = [x if table <= n <= last else "" for n, x in body]
            vote.rollcall = rollcall_or_flag(parsed, "\n".join(["" for _n in range(body[0][0] - 1)] + rows))
        vote.declared = _declared(" ".join(p.text for p in members))
        vote.split = _split(" ".join(p.text for p in members))
        vote.line = next((p.line for p in members if _declared(p.text) or _split(p.text)), vote.line)
        reference = ATTACHMENT_REF_RE.search(" ".join(p.text for p in members))
        if reference:
            vote.attachment = reference["number"]
        if table is None and any(looks_like_prose_rollcall(p.text) for p in members):
            # From the paragraph after the proposition: a page break may split the names' paragraph.
            first = members[0].line
            lines = ["" for _n in range(first - 1)] + [x for n, x in body if first <= n <= last]
            try:
                vote.rollcall = parse_prose_rollcall("\n".join(lines))
            except ImportError_:
                if not general_rollcall(parsed, vote, body, first, last):  # vote_general: lists, tables
                    raise
        if vote.rollcall is None and members:
            general_rollcall(parsed, vote, body, members[0].line, last)
        elif members:
            second_opinion(parsed, vote, body, members[0].line, last)
        if not vote.proposition:
            stated = propositions(" ".join(p.text for p in members))
            vote.read = stated[0] if stated else None
        parsed.votes.append(vote)


def link_propositions(parsed: ParsedProtocol) -> None:
    """The votes whose proposition their own section did not state take, in order, those the
    Propositionsordning states in sentences; what is then still missing, half read or contradicted
    is flagged at the vote."""
    stated = propositions(" ".join(parsed.propositions))
    waiting = [v for v in parsed.votes if not v.proposition and v.read is None]
    for vote, proposition in zip(waiting, stated, strict=False):
        vote.read = proposition
    if len(waiting) == 1 and any(p.text().lower() != stated[0].text().lower() for p in stated[1:]):
        waiting[0].read.conflict = stated[1].text()
    for vote in parsed.votes:
        if vote.proposition:
            continue
        read = vote.read
        if read is None:
            parsed.flag(
                "votes", _("Rad %(line)d: voteringspropositionen kunde inte läsas – skriv den.") % {"line": vote.line}
            )
            continue
        vote.proposition = read.text()
        if read.conflict:
            parsed.flag(
                "votes",
                _(
                    "Rad %(line)d: protokollet säger två olika saker om vad Ja och Nej står för "
                    "(”%(other)s”) – kontrollera voteringspropositionen."
                )
                % {"line": vote.line, "other": read.conflict},
            )
        elif not read.ja or not read.nej:
            parsed.flag(
                "votes",
                _("Rad %(line)d: voteringspropositionen säger inte vad %(side)s står för – komplettera den.")
                % {"line": vote.line, "side": _("Nej") if read.ja else _("Ja")},
            )


def stray_tables(sections: list[tuple[str, int, list[tuple[int, str]]]]) -> list[tuple[str, int, int]]:
    """A roll-call table standing under another section than the vote's, with no "Bilaga" heading
    over it (after the decision text, under the Reservation): it is cut from that section, whose
    text it is not, and read as an attachment (number "", first line index, end)."""
    found = []
    for position, (name, heading_line, body) in enumerate(sections):
        if name == "vote":
            continue  # read_votes reads a table in the vote section with the vote it follows
        at = next((k for k, (_n, x) in enumerate(body) if is_rollcall_header(x) or is_marked_header(x)), None)
        if at is None:
            continue
        found.append(("", body[at][0] - 1, body[-1][0]))
        sections[position] = (name, heading_line, body[:at])
    return found


def read_attachments(parsed: ParsedProtocol, lines: list[str], attachments) -> None:
    for number, start, end in attachments:
        text = "\n".join(["" for _n in range(start)] + lines[start:end])
        rollcall = rollcall_or_flag(parsed, text)
        vote = next((v for v in parsed.votes if number and v.attachment == number), None)
        if vote is None:
            vote = next((v for v in parsed.votes if v.rollcall is None and not v.attachment), None)
        if vote is None:
            parsed.flag(
                "votes",
                _("Rad %(line)d: bilaga %(number)s hör inte till någon omröstning i paragrafen.")
                % {"line": start + 1, "number": number}
                if number
                else _("Rad %(line)d: namnlistan hör inte till någon omröstning i paragrafen.") % {"line": start + 1},
            )
            vote = ProtocolVote(proposition="", declared={}, line=start + 1)
            parsed.votes.append(vote)
        vote.attachment, vote.rollcall = number, rollcall


def _clean(line: str) -> str:
    return " ".join(line.split())
