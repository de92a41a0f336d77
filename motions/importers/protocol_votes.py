"""The votes of a protocol extract: each "Godkänd voteringsproposition" with the counts the minutes
state and its names — the KS prose form in the section itself, or the table of a "Bilaga N" after
the minutes (rollcall.py, prose_rollcall.py). Pure: no database query."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from .prose_rollcall import looks_like_prose_rollcall, parse_prose_rollcall
from .protocol_propositions import Proposition, explicit, propositions
from .rollcall import ParsedRollCall, is_marked_header, is_rollcall_header, rollcall_or_flag, unmark_tables
from .text import ImportError_, line_error
from .vote_counts import stated_counts, stated_split
from .vote_general import LINE_RE, general_rollcall, second_opinion
from .vote_grid import grid_columns
from .vote_pairs import side_by_side

if TYPE_CHECKING:
    from .protocol import ParsedProtocol
    from .protocol_parts import Para

# The heading of a roll call's attachment: "Bilaga 1", "Bilaga 1 till § 187", "Bilaga 2: Omröstningslista",
# "Omröstningsbilaga § 187", "Voteringslista".
ATTACHMENT_RE = re.compile(
    r"(?i)^(?:bilaga\s+(?P<number>\d{1,2})(?:\s+till\s+(?:protokoll(?:et)?\s+(?:\d{4}-\d\d-\d\d\s+)?)?§\s*\d{1,4})?(?:\s*[:–-]\s*(?:omröstning|votering)\w*)?"
    r"|(?:omröstnings|voterings)(?:bilaga|lista)(?:n)?(?:\s+(?:till\s+)?§\s*\d{1,4})?)$"
)
ATTACHMENT_REF_RE = re.compile(r"(?i)framgår\s+av\s+bilaga\s+(?P<number>\d{1,2})")
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
    # A roll call no reader could read: its lines as printed and why (flag_unread), shown to the user.
    unread: str = ""
    unread_reason: str = ""

    def as_json(self) -> dict:
        out = {
            "proposition": self.proposition,
            "declared": self.declared,
            "attachment": self.attachment or None,
            "rollcall": self.rollcall.as_json() if self.rollcall else None,
        }
        return out | ({"unread": {"reason": self.unread_reason, "text": self.unread}} if self.unread_reason else {})


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
        tables = members and side_by_side([x if members[0].line <= n <= last else "" for n, x in body])
        if tables:  # several votes side by side in one X table (vote_pairs): a vote each, in order
            pad = ["" for _n in range(body[0][0] - 1)]
            for k, lines in enumerate(tables):
                read = rollcall_or_flag(parsed, "\n".join(pad + unmark_tables(lines)))
                parsed.votes.append(replace(vote, proposition=vote.proposition if k == 0 else "", rollcall=read))
            continue
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
        unreadable: ImportError_ | None = None  # why the tuned reader could not read the names
        first = members[0].line if members else vote.line
        if table is not None:
            members = [p for p in members if p.line < table]
            rows = [x if table <= n <= last else "" for n, x in body]
            try:
                vote.rollcall = rollcall_or_flag(parsed, "\n".join(["" for _n in range(body[0][0] - 1)] + rows))
            except ImportError_ as error:
                unreadable = error
        vote.declared = stated_counts(" ".join(p.text for p in members))
        vote.split = stated_split(" ".join(p.text for p in members))
        vote.line = next((p.line for p in members if stated_counts(p.text) or stated_split(p.text)), vote.line)
        reference = ATTACHMENT_REF_RE.search(" ".join(p.text for p in members))
        if reference:
            vote.attachment = reference["number"]
        if table is None and any(looks_like_prose_rollcall(p.text) for p in members):
            # From the paragraph after the proposition: a page break may split the names' paragraph.
            lines = ["" for _n in range(first - 1)] + [x for n, x in body if first <= n <= last]
            try:
                vote.rollcall = parse_prose_rollcall("\n".join(lines))
            except ImportError_ as error:
                unreadable = error
        if vote.rollcall is None and members:
            # vote_general: lists, tables; what none of them reads either is flagged, not refused.
            if not general_rollcall(parsed, vote, body, first, last) and unreadable is not None:
                flag_unread(parsed, vote, unreadable, [x for n, x in body if first <= n <= last])
        elif vote.rollcall is None and unreadable is not None:
            flag_unread(parsed, vote, unreadable, [x for n, x in body if first <= n <= last])
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
        try:
            rollcall, unreadable = rollcall_or_flag(parsed, text), None
        except ImportError_ as error:
            rollcall, unreadable = None, error
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
        if unreadable is not None:
            body = [(n + 1, lines[n]) for n in range(start, end)]
            if not general_rollcall(parsed, vote, body, start + 1, end):
                flag_unread(parsed, vote, unreadable, lines[start:end])


def flag_unread(parsed: ParsedProtocol, vote: ProtocolVote, error: ImportError_, lines: list[str]) -> None:
    """A roll call that no reader could read does not refuse the protocol: its vote is flagged at the
    line the reader stopped on, keeps no rows (only the counts the minutes state) and carries its lines
    as printed, so that the user can type the names in the review; the rest of the § is kept."""
    message = str(error)
    at = LINE_RE.match(message)
    line = int(at["line"]) if at else vote.line
    reason = message[at.end() :].strip() if at else message
    vote.rollcall = None
    vote.unread = "\n".join(x.rstrip() for x in lines if x.strip() and not x.startswith("\f")).strip()
    vote.unread_reason = _(
        "Omröstningen på rad %(line)d kunde inte läsas: %(reason)s – för in namnlistan för hand."
    ) % {"line": line, "reason": reason.rstrip(".")}
    parsed.flag("votes", vote.unread_reason)


def _clean(line: str) -> str:
    return " ".join(line.split())
