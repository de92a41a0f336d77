"""The protocol-extract parser ("Utdrag ur protokoll"): one § of a meeting's minutes as the city
publishes it, read into what the decision registers — body, date, §, case, title, the decision and
its points, the motions moved, the propositionsordning, the votes with their roll calls (the table
of a "Bilaga" or the KS prose form), reservations, protokollsanteckningar and särskilda yttranden,
the justering date.

The header (body, date, §, case, ärendemening) is read in protocol_header.py; the sections,
decision and notes here. Pure: no database query (parse_protocol); protocol_resolve.py matches
the names to rows. Whatever is not certain is flagged on its field; a roll call no reader can read
flags its vote, which keeps no rows; a document that cannot be a protocol extract, or a roll call
whose rows contradict the counts the minutes state, is refused with an ImportError_ naming the line.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ..models import DecisionNote, Motion
from .points import ParsedPoint
from .protocol_header import (
    another_paragraph,
    clean,
    paragraph_at,
    read_header,
    read_paragraph_title,
    title_paragraph,
)
from .protocol_layout import check_votes_counted, layout_heading
from .protocol_parts import (
    Claim,
    MotionRef,
    Para,
    ProtocolNote,
    claim_of,
    is_conflict_notice,
    motion_refs,
    notes_of,
    paragraphs,
    parse_date,
    points_of,
    unique_refs,
)
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
from .running import running_indexes
from .text import ImportError_, check_text, is_furniture, line_error

# Words by which the minutes say a vote was held: if none of its votes can then be read, the extract
# must not import as if no vote was taken.
VOTE_MENTION_RE = re.compile(
    r"(?i)\bomröstning\s+(?:begärs\s+och\s+)?verkställs\b|\bomröstning\s+genomförs\b|\bomröstningsresultat\b"
    r"|\bröst(?:ar|ade)\s+(?:ja|nej)\b|^(?:ja|nej)\s+röst(?:ar|ade)\s+(?:ordförande|ledam|ersättar|tjänstg|[A-ZÅÄÖ])"
    # "Votering begärs", "Votering 1 gäller …", "Voteringar": never after "ingen"/"utan" ("utan omröstning").
    r"|(?<!ingen\s)(?<!utan\s)\b(?:votering|omröstning)\s+(?:begärs|begärdes|verkställs|verkställdes|\d{1,2}\b)"
    r"|^(?:voteringar|omröstningar)$"
)
DECIDING_BODY_RE = re.compile(r"(?i)finner\s+att\s+(?P<body>kommunfullmäktige|kommunstyrelsen|nämnden)\s+beslutat")
SECTIONS = {
    "beslut": "decision", "kommunfullmäktiges beslut": "decision", "kommunstyrelsens beslut": "decision",
    "nämndens beslut": "decision",
    "tidigare behandling": "earlier", "handlingar": "documents", "beslutsunderlag": "documents",
    "yrkanden": "claims", "yrkande": "claims", "propositionsordning": "propositions",
    "beslutsgång": "propositions", "proposition": "propositions",
    "omröstning": "vote", "votering": "vote", "omröstningar": "vote", "omröstningsresultat": "vote",
    "voteringar": "vote", "voteringsresultat": "vote",
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
    # Who declared a conflict of interest: no motion of the meeting, nor part of the decision.
    "jäv": "conflict", "jävsanmälan": "conflict", "anmälan om jäv": "conflict", "anmälda jäv": "conflict",
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


def _heading(line: str) -> str | None:
    key = clean(line).rstrip(":").lower()
    return SECTIONS.get(key) or layout_heading(key)


def parse_protocol(text: str) -> ParsedProtocol:
    """Read one § of the minutes; the first § when the text holds several (flagged)."""
    # An X-marked vote table typed with its layout becomes the one-result-column table everything
    # below reads (line for line, so the line numbers stay the document's).
    lines = unmark_tables(unmark_filled(check_text(text).split("\n")))
    parsed = ParsedProtocol()
    end, attachments = split_attachments(lines, minutes_heading=lambda x: _heading(x) in MINUTES_GO_ON)
    first = next((i for i in range(end) if paragraph_at(lines, i, end)), None)
    if first is None and not any(_heading(x) == "decision" for x in lines[:end]):
        raise ImportError_(
            _(
                "Texten ser inte ut som ett protokollsutdrag: varken en paragraf (”§ 4”) "
                "eller rubriken ”Beslut” hittades."
            )
        )
    start = paragraph_at(lines, first, end)[1] + 1 if first is not None else 0
    later = next((i for i in range(start, end) if another_paragraph(lines, i, end, first)), None)
    if later is not None:
        parsed.flag(
            "paragraph",
            _("Rad %(line)d: texten har ännu en paragraf (%(text)s); bara den första läses in.")
            % {"line": later + 1, "text": clean(lines[later])[:40]},
        )
        end = min(end, later)
        attachments = [a for a in attachments if a[1] < later]
    body_lines = read_header(parsed, lines, end, _heading)
    at = title_paragraph(lines, first, end) if first is not None else None
    body_lines.update(range(first, paragraph_at(lines, first, end)[1] + 1) if at != first else ())
    first_section = read_paragraph_title(parsed, lines, at, end, body_lines, _heading)
    body_lines |= running_indexes(lines[:end], [parsed.body_name], body_lines)  # a page's running line
    sections = _sections(lines, first_section, end, body_lines)
    stray = stray_tables(sections)
    _read_sections(parsed, sections)
    read_attachments(parsed, lines, attachments + stray)
    link_propositions(parsed)
    _check(parsed, sections)
    _check_vote_mentioned(parsed, lines[:end])
    check_votes_counted(parsed, lines[:end])
    return parsed


def _check_vote_mentioned(parsed: ParsedProtocol, lines: list[str]) -> None:
    """A vote the text speaks of but no roll call or count was read from: flagged at its line."""
    if any(v.rollcall is not None or v.declared or v.split or v.unread_reason for v in parsed.votes):
        return
    for index, raw in enumerate(lines):
        here = clean(raw)
        # A mention wrapped over the line end ("röstar⏎ja") counts on the line where it begins.
        found = VOTE_MENTION_RE.search(f"{here} {clean(lines[index + 1]) if index + 1 < len(lines) else ''}")
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


def _sections(lines: list[str], start: int, end: int, skip: set[int]) -> list[tuple[str, int, list[tuple[int, str]]]]:
    """(name, heading line, its lines) in the order printed; a heading may repeat (two votes)."""
    sections: list[tuple[str, int, list[tuple[int, str]]]] = []
    for index in range(start, end):
        raw = lines[index]
        previous = clean(lines[index - 1]) if index > start else ""
        # A heading stands alone: a word such as "beslut" wrapped onto its own line is no heading.
        alone = not previous or previous.endswith((".", ":", "!", "?", "”", '"', ")")) or index - 1 in skip
        name = _heading(raw) if alone or index == start else None
        if name == "rollcall" and sections and sections[-1][0] == "vote":
            continue  # "Röstlista" under the vote's heading: the names of that vote
        name = "vote" if name == "rollcall" else name
        if name == "decision_lead":
            # "Nämnden beslutar" heads the decision when none is open yet, and leads its points in.
            decided = any(section[0] == "decision" for section in sections)
            name = None if decided else "decision"
            if name:
                sections.append((name, index + 1, [(index + 1, raw)]))
                continue
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
                if is_conflict_notice(para.text):
                    continue  # "Ledamoten A (D) anmäler jäv …" under Yrkanden: no motion
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
            parsed.sent_to += [clean(x) for _n, x in body if clean(x) and x.strip() != "\f"]
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
