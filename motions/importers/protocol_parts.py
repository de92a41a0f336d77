"""The pieces of a protocol extract ("Utdrag ur protokoll") that protocol.py reads out of its sections:
paragraphs and their numbered points, the motions a sentence names ("tilläggsyrkande från S, D och
M den 15 juni 2022"), who moved what (Yrkanden), the reservations, protokollsanteckningar and
särskilda yttranden. Pure: no database query."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from ..models import Motion
from .joining import join_lines
from .points import UNLABELLED, Mark, ParsedPoint, decides, opens_point, read_point
from .prose_rollcall import ROLE_RE, _role_label

MONTHS = {
    "januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6,
    "juli": 7, "augusti": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}  # fmt: skip
ISO_DATE_RE = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")
PROSE_DATE_RE = re.compile(
    r"\b(?:den\s+)?(?P<d>\d{1,2})\s+(?P<month>[a-zåäö]+)\s+(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE
)
PARTY = r"[A-ZÅÄÖ][A-ZÅÄÖa-zåäö]{0,3}"
PARTY_LIST = rf"{PARTY}(?:\s*,\s*{PARTY})*(?:\s+(?:och|samt)\s+{PARTY})?"
MOTION_REF_RE = re.compile(
    rf"(?P<kind>(?i:tilläggsyrkande(?:t)?|ändringsyrkande(?:t)?|återremissyrkande(?:t)?|yrkande(?:t)?))\s+"
    rf"från\s+(?P<parties>{PARTY_LIST})\b(?P<tail>(?:\s+(?:den\s+)?\d{{1,2}}\s+[a-zåäö]+\s+\d{{4}})?"
    rf"(?:\s+i\s+(?:kommunstyrelsen|kommunfullmäktige|nämnden|utskottet))?)",
)
KINDS = {
    "tilläggsyrkande": Motion.Kind.TILLAGGSYRKANDE,
    "ändringsyrkande": Motion.Kind.ANDRINGSYRKANDE,
    "återremissyrkande": Motion.Kind.ATERREMISSYRKANDE,
    "yrkande": Motion.Kind.YRKANDE,
}
MEMBER_RE = re.compile(
    r"(?P<name>[A-ZÅÄÖÉ][\w'’.-]*(?:\s+[\w'’.-]+){1,5}?)\s*\(\s*(?P<party>[A-ZÅÄÖ][A-ZÅÄÖa-zåäö]{0,3})\s*\)"
)
NOTE_SUBJECT_RE = re.compile(
    r"^(?:(?:ledamöterna|ledamoten|representanterna|representanten|ersättarna|ersättaren|gruppen|partierna|"
    r"tjänstgörande\s+\w+)\s+(?:för|från)\s+|[A-ZÅÄÖÉ][\w'’.-]*(?:\s+[\w'’.-]+){0,4}\s*\([A-ZÅÄÖ]{1,4}\))",
    re.IGNORECASE,
)
NOTE_VERB_RE = re.compile(
    r"reserverar\s+sig|antecknar|till\s+protokollet"
    r"|(?:lämnar|anmäler|avger)\s+(?:en\s+|ett\s+)?(?:protokollsanteckning|särskilt\s+yttrande)"
)

# "Ledamoten A (D) anmäler jäv och deltar inte i handläggningen": a conflict of interest, no motion.
CONFLICT_RE = re.compile(
    r"(?i)\b(?:anmäler|anmälde|anmält|anmäla)\s+(?:sig\s+)?(?:som\s+)?jäv(?:ig)?\b|\b(?:är|var|anser\s+sig)\s+jävig"
    r"|^jäv\b"
)


def is_conflict_notice(text: str) -> bool:
    """A paragraph that declares a member's conflict of interest (jäv) and moves nothing."""
    return bool(CONFLICT_RE.search(text)) and " yrkar " not in f" {text} "


def parse_date(text: str) -> datetime.date | None:
    """The first date of the text, ISO ("2022-06-28") or prose ("den 15 juni 2022"), if valid."""
    for regex in (ISO_DATE_RE, PROSE_DATE_RE):
        found = regex.search(text)
        if not found:
            continue
        month = int(found["m"]) if "m" in found.groupdict() else MONTHS.get(found["month"].lower())
        try:
            return datetime.date(int(found["y"]), month or 0, int(found["d"]))
        except ValueError:
            continue
    return None


@dataclass
class Para:
    """A paragraph: its lines joined as Swedish is written, and the line it starts on."""

    text: str
    line: int


def paragraphs(lines: list[tuple[int, str]], *, split_points: bool = False) -> list[Para]:
    """Blank lines end a paragraph, so does a line ending in ":"; with split_points a numbered or
    lettered line ("1. …", "a) …", "A. …"), an "att"-clause or a dash item (the motions' rule,
    points.read_point) begins one when it is the next point expected."""
    out: list[Para] = []
    current: list[str] = []
    start = 0
    expected: Mark | None = None

    def close():
        nonlocal current
        if current:
            # "2022–⏎2026": a range broken at its dash is one range again.
            out.append(Para(re.sub(r"(\d)([–-]) (\d)", r"\1\2\3", join_lines(current)), start))
        current = []

    for number, raw in lines:
        line = raw.strip()
        if not line or line == "\f":
            if line != "\f":
                close()
            continue
        point = read_point(" ".join(line.split()), expected.style if expected else "") if split_points else None
        if point and point.style in UNLABELLED:
            before = join_lines(current) if expected is None else (current[-1] if current else "")
            lead = (before or (out[-1].text if out else "")) if expected is None else ""
            opens = opens_point(point, before, not current, first=expected is None)
            point = point if opens and (expected is not None or decides(point, lead)) else None
        if point and point.follows(expected):
            close()
            expected = point
        if not current:
            start = number
        current.append(line)
        if line.endswith(":"):
            close()
    close()
    return out


def points_of(paras: list[Para]) -> tuple[list[Para], list[ParsedPoint]]:
    """The paragraphs before the first point, and the points in order, each with its printed label."""
    intro: list[Para] = []
    points: list[ParsedPoint] = []
    expected: Mark | None = None
    for para in paras:
        found = read_point(para.text, expected.style if expected else "")
        if found and expected is None and not decides(found, intro[-1].text if intro else ""):
            found = None  # "… med: ⏎ – en värdering,": what the one decision names, no points
        if found and found.follows(expected):
            number = found.number or len(points) + 1  # an unlabelled point is numbered by its place
            points.append(ParsedPoint(number=number, text=found.text.strip(), line=para.line, label=found.label))
            expected = found
        elif points:
            points[-1].text = f"{points[-1].text} {para.text}"
        else:
            intro.append(para)
    return intro, points


@dataclass
class MotionRef:
    """A motion a sentence of the minutes names, e.g. "tilläggsyrkande från SD i kommunstyrelsen"."""

    kind: str
    parties: list[str]
    date: datetime.date | None
    elsewhere: str  # "i kommunstyrelsen": moved in the preparing body, not at this meeting
    text: str
    line: int

    def key(self) -> tuple:
        return (self.kind, tuple(sorted(self.parties)), self.date, self.elsewhere)

    def as_json(self) -> dict:
        return {
            "kind": self.kind,
            "parties": self.parties,
            "date": self.date.isoformat() if self.date else None,
            "elsewhere": self.elsewhere,
            "text": self.text,
        }


def party_list(text: str) -> list[str]:
    return [p for p in re.split(r"\s*,\s*|\s+och\s+|\s+samt\s+", text.strip()) if p]


def motion_refs(text: str, line: int) -> list[MotionRef]:
    """Every motion the text names; "enligt yrkande från MP och V" in a sentence about återremiss is
    an återremissyrkande."""
    refs = []
    for found in MOTION_REF_RE.finditer(text):
        word = found["kind"].lower().removesuffix("t")
        kind = KINDS[word]
        sentence_start = max(text.rfind(".", 0, found.start()), 0)
        if kind == Motion.Kind.YRKANDE and "återremitt" in text[sentence_start : found.start()].lower():
            kind = Motion.Kind.ATERREMISSYRKANDE
        tail = found["tail"] or ""
        where = re.search(r"\bi\s+(?:kommunstyrelsen|kommunfullmäktige|nämnden|utskottet)$", tail)
        refs.append(
            MotionRef(
                kind=kind,
                parties=party_list(found["parties"]),
                date=parse_date(tail),
                elsewhere=where.group(0) if where else "",
                text=" ".join(found.group(0).split()),
                line=line,
            )
        )
    return refs


def unique_refs(refs: list[MotionRef]) -> list[MotionRef]:
    """The refs in first-named order, one per motion (a dated mention fills in an undated one)."""
    out: list[MotionRef] = []
    for ref in refs:
        same = next(
            (
                r
                for r in out
                if r.kind == ref.kind
                and sorted(r.parties) == sorted(ref.parties)
                and r.elsewhere == ref.elsewhere
                and (r.date == ref.date or r.date is None or ref.date is None)
            ),
            None,
        )
        if same is None:
            out.append(ref)
        elif same.date is None and ref.date is not None:
            same.date, same.text = ref.date, ref.text
    return out


@dataclass
class Claim:
    """A yrkande made at the meeting: who moved it (name, party, role) and what they moved."""

    movers: list[dict]
    action: str  # bifall, avslag, återremiss, bordläggning, or "" when not read
    text: str
    line: int
    refs: list[MotionRef] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "movers": self.movers,
            "action": self.action,
            "text": self.text,
            "motions": [r.as_json() for r in self.refs],
        }


def members_in(text: str) -> list[tuple[str, str, str]]:
    """(name, party, role) of every "Name (P)" in the text; a role written before the name
    ("tjänstgörande ersättaren Marie Brynolfsson (V)") is taken off it."""
    out = []
    for found in MEMBER_RE.finditer(text):
        name, role = " ".join(found["name"].split()), ""
        role_match = ROLE_RE.match(name)
        if role_match:
            role, name = _role_label(role_match["role"]), role_match["rest"]
        out.append((name, found["party"], role))
    return out


def claim_of(para: Para) -> Claim:
    subject, _verb, rest = para.text.partition(" yrkar ")
    movers = [{"name": name, "party": party, "role": role} for name, party, role in members_in(subject)]
    lowered = rest.lower()
    if "återremitt" in lowered or lowered.startswith("återremiss"):
        action = "återremiss"
    elif "bordl" in lowered:
        action = "bordläggning"
    elif lowered.startswith("bifall"):
        action = "bifall"
    elif lowered.startswith("avslag"):
        action = "avslag"
    else:
        action = ""
    return Claim(
        movers=movers,
        action=action,
        text=para.text,
        line=para.line,
        refs=motion_refs(rest, para.line),
    )


@dataclass
class ProtocolNote:
    """A reservation, protokollsanteckning or särskilt yttrande as the minutes print it, with who
    stands behind it."""

    kind: str  # DecisionNote.Kind value
    parties: list[str]
    members: list[str]
    text: str
    line: int

    def as_json(self) -> dict:
        return {"kind": self.kind, "parties": self.parties, "members": self.members, "text": self.text}


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?”\"])\s+(?=[A-ZÅÄÖÉ])", text) if s]


def notes_of(paras: list[Para], kind: str) -> list[ProtocolNote]:
    """One note per sentence that has a subject and a note's verb ("Ledamöterna från SD reserverar
    sig …"); the sentences after it that have neither are its written reasons."""
    notes: list[ProtocolNote] = []
    for para in paras:
        for sentence in _sentences(para.text):
            head = sentence[:240]
            if NOTE_SUBJECT_RE.match(head) and NOTE_VERB_RE.search(head) or not notes:
                subject = re.split(NOTE_VERB_RE, head, maxsplit=1)[0]
                found = members_in(subject)
                members = [name for name, _party, _role in found]
                parties = [party for _name, party, _role in found]
                listed = re.search(rf"\b(?:för|från)\s+(?P<list>{PARTY_LIST})\b", subject)
                if listed:
                    parties += party_list(listed["list"])
                notes.append(
                    ProtocolNote(
                        kind=kind, parties=list(dict.fromkeys(parties)), members=members, text=sentence, line=para.line
                    )
                )
            else:
                notes[-1].text = f"{notes[-1].text} {sentence}"
    return notes
