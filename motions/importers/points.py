"""The decision points under "Förslag till beslut", in each layout the city writes them:

- numbered ("1." / "1)") or lettered ("a)" / "a.") points; the style of the first point is the
  list's, and items of the other style inside a point are its sub-items ("2. … i uppdrag att: ⏎
  a) … ⏎ b) …"), as are dash and bullet items ("– fler träningslägenheter,");
- "att"-clauses ("att ge … i uppdrag att …,⏎⏎att …", "…, samt⏎att …"), each a point;
- bullets ("• Stadsledningskontoret får i uppdrag …") where the list starts with one, each a point;
- one unnumbered decision ("Ärendet återremitteras …"), read as one point and flagged;
- a lead-in above numbered points or "att"-clauses ("Ärendet återremitteras till … för att", "… med
  uppdrag att:", "Kommunfullmäktige beslutar" below "I kommunfullmäktige:"): the motion's lead-in,
  kept apart from its points; any other text there is refused with its line;
- the approve-the-rest line last ("I övrigt bifalla tjänsteutlåtandet.", "Därutöver bifalla …",
  "Bifalla förvaltningens förslag i övrigt.", "att i övrigt bifalla …"): a flag with its wording.

Sub-items keep their own lines in the point's text. Footnote digits glued to words are taken out
and kept as the point's notes; the footnotes' own lines ("1 Se …") are found here too.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ..models import point_label, point_marker
from .joining import join_lines
from .text import is_furniture

POINT_RE = re.compile(r"^(?:(?P<number>\d{1,3})|(?P<letter>[a-zåäö]))(?P<mark>[.)])\s+(?P<text>\S.*)$")
# Capital letters ("A.", "B)") are points only in a list that starts with "A": elsewhere "M. Svensson"
# or "S. 4" is text.
UPPER_POINT_RE = re.compile(r"^(?P<upper>[A-ZÅÄÖ])(?P<mark>[.)])\s+(?P<text>\S.*)$")
ATT_RE = re.compile(r"^att\s+\S", re.IGNORECASE)
ITEM_RE = re.compile(r"^(?:[–•▪]\s*|[-*]\s+)\S")
_BULLET_RE = re.compile(r"^(?:[–•▪]\s*|[-*]\s+)")
LETTERS = "abcdefghijklmnopqrstuvwxyzåäö"
# Who decides, above the points: "I kommunstyrelsen:", "I kommunstyrelsen och kommunfullmäktige",
# "Kommunfullmäktige beslutar", "Kommunstyrelsen föreslår kommunfullmäktige besluta".
ADDRESSED_RE = re.compile(r"^(?:.{2,120}:|I\s+[^.]{3,100}|[^.]{3,100}\bbeslut(?:a|ar)(?:\s+att)?)$", re.IGNORECASE)
_WHAT = (
    # Whose proposal, in the genitive: "förvaltningens", and a title of two or three words
    # ("verkställande direktörens", "styrelsens ordförandes").
    r"(?:(?:[\wåäö]+\s+){0,2}[\wåäö]+s\s+)?(?:tjänsteutlåtande(?:t|ts\s+förslag(?:\s+till\s+beslut)?)?|förslag(?:et)?"
    # "förslaget till beslut", and what else the proposal is ("förslaget till ägardirektiv",
    # "förslaget till budget 2026"): a few words, no sentence of its own.
    r"(?:\s+till\s+[\w–-]+(?:\s+[\w–-]+){0,2})?|förslaget\s+i\s+tjänsteutlåtandet)"
)
# Which of the proposal's points are approved, when not all: "i punkterna 1–3", "punkt 2", "i
# punkterna 1, 2 och 4". Only numbers: any other tail is an amendment of its own, not this flag.
_POINT_REFERENCE = r"(?:\s+(?:i\s+)?punkt(?:erna)?\s+\d{1,2}(?:\s*(?:[–-]|,|och)\s*\d{1,2})*)?"
_REST_WORDS = r"(?:i\s+övrigt|därutöver|därtill)"
APPROVES_REST_RE = re.compile(
    rf"^(?:att\s+)?(?:{_REST_WORDS}\s+(?:att\s+)?(?:bifalla\s+{_WHAT}|bifalls\s+{_WHAT}){_POINT_REFERENCE}"
    rf"|bifalla\s+{_WHAT}{_POINT_REFERENCE}\s+{_REST_WORDS}|{_WHAT}{_POINT_REFERENCE}\s+bifalls\s+{_REST_WORDS})[.,;]?$",
    re.IGNORECASE,
)
# A lead-in: one sentence fragment that the points complete, ending in "att", "för att", ":" or a
# decision verb ("Kommunfullmäktige beslutar", "Kommunstyrelsen föreslås besluta följande").
LEAD_IN_RE = re.compile(
    r"^(?!.*[.!?]\s+(?-i:[A-ZÅÄÖ]))(?:.{2,400}\batt:?|.{2,400}:|.{2,300}\b(?:beslut(?:a|ar)|yrka(?:r|s)?|föreslå(?:r|s))"
    r"(?:\s+följande)?)$",
    re.IGNORECASE,
)
# An addressee line ending in "att" ("… för att:") is a lead-in, not whom the motion addresses.
_ENDS_IN_ATT_RE = re.compile(r"\batt:?$", re.IGNORECASE)
_REST_START_RE = re.compile(rf"^(?:att\s+)?(?:{_REST_WORDS}\s+(?:att\s+)?bifall|bifalla\s+\S+)", re.IGNORECASE)
# Footnote digits glued to a word or to the punctuation after it: "grooming3", "regionalt.11", and
# to the full stop after a year or a date ("i september 2025.2", "senast 2025-12-31.4"); after
# other digits they are a section number ("avsnitt 4.1.2") and stay.
FOOTNOTE_RES = [
    re.compile(r"(?<=[^\W\d_]{3})\d{1,2}(?=[\s,;:)]|$|\.(?:\s|$))"),
    re.compile(r"(?<=[^\W\d_][.,;:])\d{1,2}(?=\s|$)"),
    re.compile(r"(?<=[^\d.,]\d{4}\.)\d{1,2}(?=\s|$)"),
    re.compile(r"(?<=[^\d.,]\d{4}-\d\d-\d\d\.)\d{1,2}(?=\s|$)"),
]
# A word broken at the line end by a hyphen, the typesetter's or a plain one.
_BROKEN_WORD_RE = re.compile(r"(?P<left>[^\W\d_]+)[-\u2010\u00ad]$")
_FOOTNOTE_BODY_RE = re.compile(r"^(?P<digit>\d{1,2})\s+(?P<text>[A-ZÅÄÖ\"”“].{2,})$")


def strip_footnotes(text: str) -> tuple[str, list[str]]:
    """The text without footnote digits glued to words, and the digits removed (kept as notes)."""
    removed = []
    for pattern in FOOTNOTE_RES:
        removed += [m.group(0) for m in pattern.finditer(text)]
        text = pattern.sub("", text)
    return text, removed


def footnote_bodies(items: list[tuple[int, str]]) -> dict[int, tuple[str, str]]:
    """The lines that are footnotes ("1 Se Länsstyrelsen …"), by index: a line that starts with
    the digits of a footnote glued to a word elsewhere in the text, then a capital."""
    glued: set[str] = set()
    for position, (_n, line) in enumerate(items):
        if not _FOOTNOTE_BODY_RE.match(line.strip()):
            glued.update(strip_footnotes(line)[1])
            # The typesetter may hyphenate the word a footnote's digits are glued to ("Götebor-⏎g1."):
            # the word, joined again, is what carries them.
            broken = _BROKEN_WORD_RE.search(line.rstrip())
            rest = items[position + 1][1].split() if broken and position + 1 < len(items) else []
            if rest and rest[0][:1].islower():
                glued.update(strip_footnotes(broken["left"] + rest[0])[1])
    found = {}
    index = 0
    while index < len(items):
        match = _FOOTNOTE_BODY_RE.match(items[index][1].strip())
        if match and match["digit"] in glued and not POINT_RE.match(items[index][1].strip()):
            digit, body, first = match["digit"], [match["text"]], index
            # A footnote the typesetter hyphenated runs on to the next line ("Storgöte-⏎borg.").
            while index + 1 < len(items) and body[-1].rstrip().endswith(("-", "\u2010", "\u00ad")):
                index += 1
                body.append(items[index][1])
                found[index] = (digit, "")
            found[first] = (digit, join_lines(body))
        index += 1
    return found


def join_items(lines: list[str], uncertain: list[str] | None = None) -> str:
    """A paragraph's lines joined, each list item ("– …", "1. …", "a) …") on a line of its own."""
    segments: list[list[str]] = []
    for line in lines:
        stripped = line.strip()
        if not segments or ITEM_RE.match(stripped) or POINT_RE.match(stripped):
            segments.append([stripped])
        else:
            segments[-1].append(stripped)
    return "\n".join(join_lines(segment, uncertain) for segment in segments)


@dataclass
class ParsedPoint:
    number: int
    text: str
    line: int
    notes: list[str] = field(default_factory=list)
    continues_after_page_break: bool = False
    label: str = ""  # the printed mark of a lettered point ("a)"); "" when the number is printed

    @property
    def printed_label(self) -> str:
        return point_label(self.number, self.label)

    @property
    def list_marker(self) -> str:
        return point_marker(self.number, self.label)


def _match(stripped: str, style: str):
    """The line as a point ("1.", "a)", and "A." in a list of capitals), or None."""
    match = POINT_RE.match(stripped)
    if match:
        return match
    upper = UPPER_POINT_RE.match(stripped)
    if upper and (style == "upper" or (not style and upper["upper"] == "A")):
        return upper
    return None


def _style(match) -> str:
    groups = match.groupdict()
    if groups.get("number"):
        return "number"
    return "upper" if groups.get("upper") else "letter"


def _number(match) -> int:
    groups = match.groupdict()
    if groups.get("number"):
        return int(groups["number"])
    return LETTERS.index((groups.get("letter") or groups["upper"]).lower()) + 1


def _label(match) -> str:
    """A lettered point keeps its printed mark ("a)", "B."); a numbered one is called by its number."""
    groups = match.groupdict()
    return "" if groups.get("number") else (groups.get("letter") or groups["upper"]) + groups["mark"]


@dataclass(frozen=True)
class Mark:
    """A line read as a point: its order number, its printed label ("a)", "B."; "" for a number),
    the list style it belongs to ("number", "letter" or "upper") and the text after the mark."""

    number: int
    label: str
    style: str
    text: str

    def follows(self, previous: "Mark | None") -> bool:
        """Whether this point comes next after `previous` (the first point when None) in one list."""
        if previous is None:
            return self.number == 1
        return self.style == previous.style and self.number == previous.number + 1


def read_mark(line: str, style: str = "") -> Mark | None:
    """The one rule of what a point's mark is, for motions, TUs and protocol extracts alike: "1." /
    "1)", "a)" / "a.", and capitals ("A.") in a list of capitals (`style` "upper") or as its first
    point. None when the line is no point."""
    match = _match(line, style)
    if match is None:
        return None
    return Mark(number=_number(match), label=_label(match), style=_style(match), text=match["text"])


def label_fits(number: int, label: str) -> bool:
    """Whether a typed label ("b)", "B.") is a lettered mark, by the same rule, of point `number`."""
    mark = read_mark(f"{label.strip()} x", "upper" if label.strip()[:1].isupper() else "")
    return mark is not None and mark.style != "number" and mark.number == number


REVIEW_POINT_RE = re.compile(r"^(?:(?P<number>\d{1,3})|(?P<letter>[a-zåäöA-ZÅÄÖ]))(?P<mark>[.)])\s+(?P<text>\S.*)$")


def review_points(lines: list[str]) -> list[ParsedPoint] | tuple[int, str]:
    """The points of a review's text box, one a line ("1. text", or "a) text" as a lettered
    document prints them): the points, or (line, expected mark) for the first line out of order.
    All points are in the first one's style; a letter keeps its mark as the label."""
    points: list[ParsedPoint] = []
    first = None
    for index, line in enumerate(lines, start=1):
        line = line.strip()
        if not line:
            continue
        expected = len(points) + 1
        match = REVIEW_POINT_RE.match(line)
        first = first or match
        lettered = bool(first["letter"]) if first else False
        wanted = _expected_label(first["letter"] + first["mark"], expected) if lettered else f"{expected}."
        if not match or bool(match["letter"]) != lettered:
            return index, wanted
        if lettered:
            letter = match["letter"]
            if letter.isupper() != first["letter"].isupper() or LETTERS.index(letter.lower()) + 1 != expected:
                return index, wanted
            label = letter + match["mark"]
        elif int(match["number"]) != expected:
            return index, wanted
        else:
            label = ""
        points.append(ParsedPoint(number=expected, text=match["text"], line=index, label=label))
    return points


def relabel(label: str, number: int) -> str:
    """The mark point `number` has in the style of `label` ("c)" for 3 after "a)"); "" for a numbered list."""
    return _expected_label(label, number)


def _expected_label(label: str, expected: int) -> str:
    """The mark the expected point would have in the list's style ("c)" after "b)")."""
    if not label:
        return ""
    letter = LETTERS[expected - 1] if expected <= len(LETTERS) else ""
    return (letter.upper() if label[0].isupper() else letter) + label[-1] if letter else ""


def _preamble(parsed, section, lines, numbered: bool) -> set[int]:
    """Read the addressee and the lead-in above the first point; the indexes of `section` they took.

    The text between the addressee and the first numbered point or "att"-clause is the lead-in when
    it is one paragraph that LEAD_IN_RE accepts. Above numbered points anything else is refused with
    its line; above "att"-clauses, or with no list at all, it stays for _collect to read as before
    (one unnumbered decision).
    """
    taken: set[int] = set()
    stray: list[list[tuple[int, int, str]]] = []  # paragraphs of (index, line number, text)
    blank_before = False
    starts_list = False
    for index, (n, line) in enumerate(section):
        stripped = " ".join(line.split())
        if not stripped:
            blank_before = True
            continue
        if is_furniture(stripped):
            continue
        # "att …" right under a line of text that is no lead-in yet is that text run on
        # ("Ärendet återremitteras … med uppdrag⏎att komplettera planförslaget med:").
        wrapped = (
            ATT_RE.match(stripped)
            and stray
            and not blank_before
            and not LEAD_IN_RE.match(join_lines([text for _i, _n, text in stray[-1]]))
        )
        if not wrapped and (_match(stripped, "") or ATT_RE.match(stripped) or ITEM_RE.match(stripped)):
            starts_list = bool(_match(stripped, "") or ATT_RE.match(stripped))
            break
        if (
            not stray
            and not parsed.addressed_to
            and ADDRESSED_RE.match(stripped)
            and not _REST_START_RE.match(stripped)
            and not _ENDS_IN_ATT_RE.search(stripped)
        ):
            parsed.addressed_to = stripped.rstrip(":").strip()
            taken.add(index)
        elif blank_before or not stray:
            stray.append([(index, n, stripped)])
        else:
            stray[-1].append((index, n, stripped))
        blank_before = False
    if not stray or not starts_list:
        return taken
    lead_in = join_lines([text for _i, _n, text in stray[-1]])
    if len(stray) == 1 and LEAD_IN_RE.match(lead_in):
        parsed.lead_in = lead_in
        return taken | {index for index, _n, _text in stray[0]}
    if numbered:
        _index, n, text = stray[0][0]
        message = _("Texten står före första numrerade punkten: ”%(text)s”") % {"text": text[:80]}
        raise lines.error(n, message)
    return taken


def _collect(parsed, section, lines) -> tuple[list[dict], str]:
    """The points as lists of line segments (the point's own text, then one per sub-item)."""
    numbered = any(_match(" ".join(line.split()), "") for _n, line in section)
    taken = _preamble(parsed, section, lines, numbered)
    points: list[dict] = []
    style = ""
    previous, blank_before = "", False
    for index, (n, line) in enumerate(section):
        stripped = " ".join(line.split())
        if not stripped:
            blank_before = True
            continue
        if is_furniture(stripped) or index in taken:
            continue
        match = _match(stripped, style)
        if not style:
            if match:
                style = _style(match)
            elif ATT_RE.match(stripped):
                style = "att"
            elif ITEM_RE.match(stripped):
                style = "bullet"
            elif numbered:
                message = _("Texten står före första numrerade punkten: ”%(text)s”") % {"text": stripped[:80]}
                raise lines.error(n, message)
            else:
                style = "free"
        starts_paragraph = blank_before or previous.endswith((",", ";", ".", " samt")) or not points
        label = ""
        if match and _style(match) == style:
            number, text, label = _number(match), match["text"], _label(match)
        elif style == "bullet" and ITEM_RE.match(stripped):
            number, text = len(points) + 1, _BULLET_RE.sub("", stripped)
        elif (
            not points
            or (style == "att" and ATT_RE.match(stripped) and starts_paragraph)
            or (starts_paragraph and _REST_START_RE.match(stripped))
        ):
            number, text = len(points) + 1, stripped
        else:
            number = None
        if number is not None:
            points.append({"number": number, "label": label, "line": n, "segments": [[text]], "pages": set()})
        elif match or ITEM_RE.match(stripped):
            points[-1]["segments"].append([stripped])  # a sub-item, on a line of its own
        else:
            points[-1]["segments"][-1].append(stripped)
        points[-1]["pages"].add(lines.page_of.get(n, 1))
        previous, blank_before = stripped, False
    return points, style


def parse_points(parsed, section, lines, uncertain: list[str]) -> None:
    """Read the points of `section` (numbered lines of the text) into `parsed`."""
    points, style = _collect(parsed, section, lines)
    if style == "free" and points:
        parsed.flag(
            "points",
            _("Förslaget har inga numrerade punkter; det lästes som en beslutspunkt – kontrollera"),
        )
    expected = 1
    for point in points:
        own_uncertain: list[str] = []
        joined = "\n".join(join_lines(segment, own_uncertain) for segment in point["segments"]).strip()
        if APPROVES_REST_RE.match(joined) and point is points[-1]:
            parsed.approves_rest = True
            parsed.approves_rest_wording = joined
            continue
        if point["number"] != expected:
            raise lines.error(
                point["line"],
                _("Punkt %(number)s kommer där punkt %(expected)s väntades.")
                % {
                    "number": point_label(point["number"], point["label"]),
                    "expected": point_label(expected, _expected_label(point["label"], expected)),
                },
            )
        expected += 1
        uncertain += own_uncertain
        text, removed = strip_footnotes(joined)
        parsed_point = ParsedPoint(
            number=point["number"], text=text, line=point["line"], notes=removed, label=point["label"]
        )
        if len(point["pages"]) > 1:
            parsed_point.continues_after_page_break = True
            parsed.flag(
                "points",
                _("Punkt %(number)s fortsätter efter sidbrytning – kontrollera att texten hänger ihop")
                % {"number": parsed_point.printed_label},
            )
        if removed:
            parsed.flag(
                "points",
                _("Fotnotssiffror borttagna i punkt %(number)s och sparade som noter: %(digits)s")
                % {"number": parsed_point.printed_label, "digits": ", ".join(removed)},
            )
        parsed.points.append(parsed_point)
