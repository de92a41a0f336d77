"""The motion parser: title, Förslag till beslut with its numbered or lettered points, Yrkandet, and the
header block (body, kind, date, parties) wherever the city's layout puts it — before the title,
after the text, or between two pages in the middle of the list of points.

read_motion() only reads: it makes no database query and returns names as printed. resolve.py
turns the body and party names into rows afterwards (parse_motion_text() does both).
"""

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ..models import Motion
from .footnotes import footnote_bodies, strip_footnotes
from .header import AGENDA_RE, KIND_WORDS, TITLE_RE, is_date, is_party_line, parse_date, split_parties
from .joining import join_lines
from .labelled_header import all_headers
from .motion_points import headless_section, parse_points
from .pdf import PAGE_BREAK
from .points import ParsedPoint, join_items, read_mark
from .running import interrupted, running_lines
from .text import ImportError_, check_text, is_furniture

__all__ = ["KIND_WORDS", "WHOLE_TEXT_KINDS", "ParsedMotion", "ParsedPoint", "read_motion", "strip_footnotes"]

# Kinds that state a position without decision points: their body is kept whole.
WHOLE_TEXT_KINDS = (Motion.Kind.YTTRANDE, Motion.Kind.PROTOKOLLSANTECKNING, Motion.Kind.RESERVATION)
PROPOSAL_HEADING_RE = re.compile(r"^förslag\s+till\s+beslut:?$", re.IGNORECASE)
JUSTIFICATION_HEADING_RE = re.compile(r"^(?:yrkandet|motivering|bakgrund):?$", re.IGNORECASE)


@dataclass
class ParsedMotion:
    kind: str
    title: str
    addressed_to: str = ""
    lead_in: str = ""  # "Ärendet återremitteras till … för att", above the points they complete
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
    unknown_parties: list[str] = field(default_factory=list)  # names as printed the party table lacks
    party_where: str = ""  # "Rad 57" / "Sida 2, rad 57": where the party names stand
    header_at: str = ""  # "start", "end", "middle" or "" (none)
    pages: int = 1
    footnotes: list[str] = field(default_factory=list)  # "1 Se Länsstyrelsen …", as printed
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
            **({"lead_in": self.lead_in} if self.lead_in else {}),
            "points": [
                {
                    "number": p.number,
                    **({"label": p.label} if p.label else {}),
                    "text": p.text,
                    **({"notes": p.notes} if p.notes else {}),
                }
                for p in self.points
            ],
            "justification": self.justification,
            **({"footnotes": list(self.footnotes)} if self.footnotes else {}),
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


RUNNING_HEADER_RE = re.compile(r"^Göteborgs\s+stad(?:\s*[–,-]\s*[^.]{1,60})?$", re.IGNORECASE)
# A page number with whatever document name the footer prints before it, punctuation and all
# ("Göteborgs Stad Stadsledningskontoret, tjänsteutlåtande   Sida 1 av 3", "Kommunstyrelsen 2 (3)").
# Only where a page turns: elsewhere text.is_furniture's stricter shapes decide. Capital "Sida", so a
# sentence "… på sida 2 av 5" is none.
PAGE_FOOTER_RE = re.compile(r"^(?:.{1,100}?\s)?(?:Sida\s+(?P<n>\d{1,3})\s+av|(?P<p>\d{1,3})\s+\()\s*(?P<m>\d{1,3})\)?$")


def _page_footer(line: str) -> bool:
    found = PAGE_FOOTER_RE.match(line)
    if not found or (found["p"] is not None) != line.endswith(")"):
        return False
    return 0 < int(found["n"] or found["p"]) <= int(found["m"])


def _alone_in_a_sentence(items: list[tuple[int, str]], index: int, neighbours: list[int]) -> bool:
    """Blank lines on both sides, the text before it unfinished and the text after it going on in
    lower case or with a number ("… beräknas till ⏎⏎ … Sida 1 av 3 ⏎⏎ 2 700 tkr per år …")."""
    if len(neighbours) < 2 or not all(0 <= j < len(items) and not items[j][1].strip() for j in (index - 1, index + 1)):
        return False
    before, after = (" ".join(items[j][1].split()) for j in neighbours)
    return not before.endswith(_SENTENCE_END) and (after[0].islower() or after[0].isdigit())


def page_furniture(lines: _Lines) -> set[int]:
    """A page's running header left in a text ("Göteborgs Stad" or "Göteborgs Stad – Kommunstyrelsen"
    beside a page number or a page break), or its footer with the page number where the page turns,
    often in mid-sentence: not part of the point it would fall into. Indexes in lines.items."""
    items = lines.items
    nonblank = [i for i, (_n, t) in enumerate(items) if t.strip()]
    found = set()
    for k, index in enumerate(nonblank):
        line = " ".join(items[index][1].split())
        header, footer = RUNNING_HEADER_RE.match(line), _page_footer(line)
        if not header and not footer:
            continue
        neighbours = [nonblank[j] for j in (k - 1, k + 1) if 0 <= j < len(nonblank)]
        page = lines.page_of.get(items[index][0])
        turns = any(lines.page_of.get(items[j][0]) != page for j in neighbours) or len(neighbours) < 2
        if turns or (header and any(is_furniture(items[j][1]) for j in neighbours)):
            found.add(index)
        elif footer and _alone_in_a_sentence(items, index, neighbours):
            found.add(index)  # a page turn the text lost (a PDF re-flowed): the sentence runs over it
    return found


# What a running title or page header carries that a line of running text does not: the document
# kind first ("Tilläggsyrkande (S, V, MP) – …"), a date, or the parties in brackets.
_HEADER_SHAPED_RE = re.compile(
    rf"^(?:{'|'.join(sorted(map(re.escape, KIND_WORDS), key=len, reverse=True))})\b"
    r"|\b\d{4}-\d{2}-\d{2}\b|\((?-i:[A-ZÅÄÖ]{1,3})(?:(?:,\s*|\s+och\s+)(?-i:[A-ZÅÄÖ]{1,3}))*\)",
    re.IGNORECASE,
)
_SENTENCE_END = (".", "!", "?", ":", ";")


def _interrupting_headers(lines: _Lines, dropped: set[int]) -> set[int]:
    """A page's header line left in the text in the middle of a sentence, which goes on in lower
    case on the line after it ("… i behov av ⏎ Förskolenämnden, yrkande L, M, KD och C 2025-10-14 ⏎
    särskilt stöd …"): a running title, not part of the point. It stands where a page turns (after a
    form feed or a page footer) and repeats verbatim or has a header's shape (kind word, date,
    parties in brackets); in pasted text without either, after a blank line, it must repeat.
    A line that ends a sentence, or is itself a point, is text however often it repeats."""
    items = lines.items
    kept = [i for i in range(len(items)) if i not in dropped]
    text = [" ".join(items[i][1].split()) for i in kept]
    content = [bool(t) and not is_furniture(t) for t in text]
    counts = Counter(t for t, c in zip(text, content, strict=True) if c)
    following: list[int | None] = [None] * len(kept)
    upcoming = None
    for k in range(len(kept) - 1, -1, -1):
        following[k] = upcoming
        if content[k]:
            upcoming = k
    found = set()
    previous, turned, blank = None, False, False  # the last line of text; a page footer or blank since
    for k, i in enumerate(kept):
        line = text[k]
        if not content[k]:
            turned, blank = turned or bool(line), blank or not line
            continue
        nxt = following[k]
        if (
            previous is not None
            and nxt is not None
            and line[0].isupper()
            and not line.endswith((*_SENTENCE_END, ","))
            and not text[previous].endswith(_SENTENCE_END)
            and text[nxt][0].islower()
            and not (read_mark(line) or PROPOSAL_HEADING_RE.match(line) or JUSTIFICATION_HEADING_RE.match(line))
        ):
            page_turned = turned or lines.page_of.get(items[kept[previous]][0]) != lines.page_of.get(items[i][0])
            repeated = counts[line] > 1
            if (page_turned and (repeated or _HEADER_SHAPED_RE.search(line))) or (blank and repeated):
                found.add(i)
                continue  # the sentence before it goes on after it
        previous, turned, blank = k, False, False
    return found


def _paragraphs(items: list[tuple[int, str]], uncertain: list[str]) -> list[str]:
    paragraphs, current = [], []
    for _n, line in items:
        if line.strip() and not is_furniture(line):
            current.append(line)
        elif current and not line.strip():
            paragraphs.append(join_items(current, uncertain))
            current = []
    if current:
        paragraphs.append(join_items(current, uncertain))
    return paragraphs


def read_motion(text: str) -> ParsedMotion:
    """Read one motion without touching the database; names stay as printed (see resolve.py)."""
    lines = _Lines(check_text(text))
    # Footnotes ("1 Se …") stand where the page ended, often inside a paragraph: taken out first.
    footnotes = footnote_bodies(lines.items)
    dropped = set(footnotes) | page_furniture(lines)
    interrupting = _interrupting_headers(lines, dropped)
    removed_headers = [" ".join(lines.items[i][1].split()) for i in sorted(interrupting)]
    dropped |= interrupting
    whole = lines.items
    lines.items = [item for index, item in enumerate(whole) if index not in dropped]
    items = lines.items
    headers = all_headers(items, lines.page_of)
    in_header = {i for h in headers for i in range(h.start, h.end)}
    # The header repeated as a page's running line ("Inköps- och upphandlingsnämnden, yrkande (S, V,
    # MP)" after "Sida 1 (2)"): furniture, known once the header block says what it repeats.
    turns = {whole[i][0] for i in dropped}
    names = [name for h in headers for name in (h.body, h.kind_word) if name]
    running = running_lines(
        whole, lines.page_of, turns, {items[i][0] for i in in_header}, names, [p for h in headers for p in h.parties]
    )
    if running:
        removed_headers += interrupted(whole, running, turns)
        lines.items = [item for item in items if item[0] not in running]
        items = lines.items
        headers = all_headers(items, lines.page_of)
        in_header = {i for h in headers for i in range(h.start, h.end)}
    content = [i for i, (_n, t) in enumerate(items) if t.strip() and i not in in_header and not is_furniture(t)]
    if not content:
        raise ImportError_(_("Texten är tom."))

    # Title: "Yrkande angående …" up to "Förslag till beslut", Yrkandet or the first blank line.
    first = content[0]
    title_match = TITLE_RE.match(" ".join(items[first][1].split()))
    leading = [h for h in headers if h.end <= first]
    kinded = [h for h in leading if h.kind_word]
    if not title_match and not kinded:
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
    kind = KIND_WORDS[title_match["kind"].lower()] if title_match else KIND_WORDS[kinded[0].kind_word]
    parsed = ParsedMotion(kind=kind, title=join_lines(title_lines), pages=lines.pages)
    parsed.is_revised = bool(title_match and title_match["kind"].lower().startswith("reviderat"))
    _flag_uncertain_title(parsed, title_match, title_lines)

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
    used = list(leading)
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
    signature = _signature_parties(items, used, content, end)
    body_items = [
        (n, t) for i, (n, t) in enumerate(items[position:end], start=position) if i not in in_header and i != signature
    ]
    _read_header(parsed, used, first, end, content, lines, title_end=position)
    if signature is not None and not parsed.party_names:
        parsed.party_names = split_parties(items[signature][1])
        parsed.party_where = lines.where(items[signature][0])

    proposal = next((k for k, (_n, t) in enumerate(body_items) if PROPOSAL_HEADING_RE.match(t.strip())), None)
    justification = next((k for k, (_n, t) in enumerate(body_items) if JUSTIFICATION_HEADING_RE.match(t.strip())), None)
    if parsed.kind in WHOLE_TEXT_KINDS and proposal is None:
        # A yttrande is kept whole: its numbered lists are argument, not decision points.
        start = justification + 1 if justification is not None else 0
        parsed.justification = "\n\n".join(strip_footnotes(p)[0] for p in _paragraphs(body_items[start:], uncertain))
        if not parsed.justification:
            parsed.flag("justification", _("Texten i yttrandet saknas."))
    else:
        headless = proposal is None
        if headless:
            proposal = headless_section(body_items, justification)
        stop = justification if justification is not None and justification > proposal else len(body_items)
        parse_points(parsed, body_items[proposal + 1 : stop], lines, uncertain, headless=headless)
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
    for line in dict.fromkeys(removed_headers):
        parsed.flag(
            "text",
            _("Raden ”%(line)s” avbröt en mening och lästes som sidhuvud, inte som text – kontrollera")
            % {"line": line},
        )
    for digit, note in dict.fromkeys(v for v in footnotes.values() if v[1]):
        parsed.footnotes.append(f"{digit} {note}")
        parsed.flag("footnotes", _("Fotnot %(digit)s: %(text)s") % {"digit": digit, "text": note})
    if not parsed.party_names:
        parsed.flag("parties", _("Partiet framgår inte av handlingen"))
    if parsed.date is None:
        parsed.flag("date", _("Datum saknas"))
    return parsed


def _flag_uncertain_title(parsed: ParsedMotion, title_match, title_lines: list[str]) -> None:
    """A title that is not "Yrkande angående …", or that takes in a header's line (a date, a
    case number, the parties), may be a header line the block did not take: the reviewer checks it."""
    shaped = [
        line
        for line in title_lines
        if is_date(" ".join(line.split())) or AGENDA_RE.match(" ".join(line.split())) or is_party_line(line)
    ]
    if shaped:
        parsed.flag(
            "title",
            _("Rubriken innehåller raden ”%(line)s”, som ser ut som en del av sidhuvudet – kontrollera rubriken")
            % {"line": shaped[0]},
        )
    elif not title_match:
        parsed.flag(
            "title",
            _("Rubriken börjar inte med ”Yrkande angående …”; raden ”%(line)s” lästes som rubrik – kontrollera")
            % {"line": title_lines[0] if title_lines else ""},
        )


def _next_is_untitled_document(items, after: list[int]) -> bool:
    """The city's files run documents together; a TU or another motion after a trailing header may
    start with its title alone (no "Yrkande angående"), then its own Förslag till beslut."""
    return any(PROPOSAL_HEADING_RE.match(items[i][1].strip()) for i in after[:8])


def _signature_parties(items, headers: list, content, end: int) -> int | None:
    """The line the parties sign with after the text ("Centerpartiet, Liberalerna"), when no header
    block names them: the document's last line, after a finished sentence (not a sentence's end)."""
    if not headers or any(h.parties or h.kind_party for h in headers):
        return None
    last = max((i for i in content if i < end), default=None)
    before = items[last - 1][1].strip() if last else ""
    if last is None or (before and not before.endswith((".", "!", "?", ":"))):
        return None
    return last if is_party_line(" ".join(items[last][1].split())) else None


def _read_header(
    parsed: ParsedMotion, headers: list, first: int, end: int, content, lines: _Lines, title_end: int
) -> None:
    if not headers:
        parsed.flag("header", _("Sidhuvud (organ, dokumenttyp, datum, partier) saknas i texten"))
        return
    main = headers[0]
    last_content = max((i for i in content if i < end), default=first)
    # A header right under the title, before any text, is the document's opening block.
    if main.end <= first or all(i < title_end for i in content if i < main.start):
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
    for doubt in (d for h in headers for d in h.doubts):
        parsed.flag("header", _("Sidhuvudets rad ”%(line)s” kunde inte läsas – kontrollera") % {"line": doubt})
    word = main.kind_word or next((h.kind_word for h in headers if h.kind_word), "")
    if not word:  # a labelled block without "Typ:": the title says the kind
        word = TITLE_RE.match(parsed.title)["kind"].lower() if TITLE_RE.match(parsed.title) else ""
    header_kind = KIND_WORDS.get(word, parsed.kind)
    if word and parsed.title and TITLE_RE.match(parsed.title):
        title_word = TITLE_RE.match(parsed.title)["kind"].lower()
        if KIND_WORDS[title_word] != header_kind:
            parsed.flag(
                "kind",
                _("Rubriken säger ”%(title)s” men sidhuvudet säger ”%(header)s”")
                % {"title": title_word.capitalize(), "header": word.capitalize()},
            )
    parsed.kind = header_kind
    parsed.is_revised = parsed.is_revised or word.startswith("reviderat") or any(h.revised for h in headers)
    dated = next((h for h in headers if h.date), None)
    if dated:
        try:
            parsed.date = parse_date(dated.date)
        except ValueError as error:
            message = _("Datumet %(value)s finns inte.") % {"value": dated.date}
            raise lines.error(dated.date_line, message) from error
    named = next((h for h in headers if h.parties), None)
    if named:
        parsed.party_names = named.parties
        parsed.party_where = lines.where(named.party_line)
    elif main.kind_party:
        parsed.party_names = split_parties(main.kind_party)
        parsed.party_where = lines.where(main.kind_line)
