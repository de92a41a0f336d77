"""What a decision point's line is, for motions, TUs and protocol extracts alike (read_point): a
numbered ("1." / "1)") or lettered ("a)" / "a.", "A." in a list of capitals) point, or an unlabelled
one — an "att"-clause ("att ge … i uppdrag …,") or a dash or bullet item ("– godkänna …,", "• …") —
where the list starts with one; the list's first point sets its style, and items of another style
inside a point are its sub-items. Also the shared vocabulary around the points (addressee, lead-in,
the approve-the-rest line), a review box's points and the labels of lettered points.
motion_points.py reads a motion's "Förslag till beslut" section with these rules.
"""

import re
from dataclasses import dataclass, field

from ..models import point_label, point_marker
from .footnotes import strip_footnotes  # noqa: F401 - re-exported, where the points' notes come from
from .joining import join_lines

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
        """Whether this point comes next after `previous` (the first point when None) in one list.
        An unlabelled point (number 0) follows any point of its own style."""
        if self.style in UNLABELLED:
            return previous is None or previous.style == self.style
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


# Points printed without a number or letter: "att"-clauses ("att ge förvaltningen i uppdrag …,"; the
# "att" is the point's first word) and dash or bullet items ("– godkänna …,", "• Förvaltningen får …";
# the glyph is no part of the text). They are points only in a list that starts with one; inside a
# numbered point they are its sub-items.
UNLABELLED = ("att", "bullet")


def read_item(line: str) -> Mark | None:
    """The line as an unlabelled point (number 0: it is numbered by its place), or None."""
    if ATT_RE.match(line):
        return Mark(number=0, label="", style="att", text=line)
    if ITEM_RE.match(line):
        return Mark(number=0, label="", style="bullet", text=_BULLET_RE.sub("", line))
    return None


def read_point(line: str, style: str = "") -> Mark | None:
    """The one rule of a point's line for motions, TUs and protocol extracts alike: its mark
    (read_mark), or — as a list's first point or in a list of unlabelled points — an "att"-clause or
    a dash or bullet item (read_item)."""
    mark = read_mark(line, style if style not in UNLABELLED else "")
    if mark is not None and style not in UNLABELLED:
        return mark
    item = read_item(line)
    if item is not None and style in ("", item.style):
        return item
    return None if style in UNLABELLED else mark


def runs_on(text: str, line: str) -> bool:
    """Whether `line` goes on with `text` (an addressee or lead-in wrapped over lines: "I äldre samt
    vård- och ⏎ omsorgsnämnden:"): the text ends no sentence or clause and the line starts in lower
    case and is no point of its own."""
    return (
        bool(text)
        and not text.rstrip().endswith((".", ":", ";", "!", "?"))
        and line[:1].islower()
        and read_point(line) is None
    )


def decides(mark: Mark, lead: str) -> bool:
    """Whether a list under the lead-in `lead` is the list of decision points. A dash list is when its
    items are clauses ("– att komplettera …,") or complete a lead-in ending in "att" ("… beslutar att
    ⏎ – godkänna …,"); under any other lead ("… underlaget med: ⏎ – en värdering,") it names what the
    one decision covers: that decision's sub-items."""
    if mark.style != "bullet" or not lead:
        return True
    return bool(ATT_RE.match(mark.text) or _ENDS_IN_ATT_RE.search(lead))


def opens_point(mark: Mark, previous: str, blank_before: bool, first: bool = False) -> bool:
    """Whether an unlabelled point's line begins a point rather than running on the text above it.
    A dash item always does; an "att" at a line's start only after a blank line, after a line that
    ends a clause (",", ";", ".", "samt") or, as the list's first point, after its lead-in
    ("Kommunstyrelsen beslutar" / "… följande:") — "… visar ⏎ att …" is one sentence."""
    if mark.style != "att" or blank_before or not previous:
        return True
    previous = " ".join(previous.split())
    return previous.endswith((",", ";", ".", " samt")) or (first and bool(LEAD_IN_RE.match(previous)))


def label_fits(number: int, label: str) -> bool:
    """Whether a typed label ("b)", "B.") is a lettered mark, by the same rule, of point `number`."""
    mark = read_mark(f"{label.strip()} x", "upper" if label.strip()[:1].isupper() else "")
    return mark is not None and mark.style != "number" and mark.number == number


REVIEW_POINT_RE = re.compile(r"^(?:(?P<number>\d{1,3})|(?P<letter>[a-zåäöA-ZÅÄÖ]))(?P<mark>[.)])\s+(?P<text>\S.*)$")


def review_points(lines: list[str]) -> list[ParsedPoint] | tuple[int, str]:
    """The points of a review's text box, one a line ("1. text", or "a) text" as a lettered
    document prints them): the points, or (line, expected mark) for the first line out of order.
    All points are in the first one's style; a letter keeps its mark as the label, and so does a
    number when the list starts above 1."""
    points: list[ParsedPoint] = []
    first = None
    offset = 0  # new points going on from the proposal's numbering ("7.", "8."): their numbers are labels
    for index, line in enumerate(lines, start=1):
        line = line.strip()
        if not line:
            continue
        expected = len(points) + 1
        match = REVIEW_POINT_RE.match(line)
        if first is None and match and match["number"]:
            offset = max(int(match["number"]) - 1, 0)
        first = first or match
        lettered = bool(first["letter"]) if first else False
        wanted = _expected_label(first["letter"] + first["mark"], expected) if lettered else f"{expected + offset}."
        if not match or bool(match["letter"]) != lettered:
            return index, wanted
        if lettered:
            letter = match["letter"]
            if letter.isupper() != first["letter"].isupper() or LETTERS.index(letter.lower()) + 1 != expected:
                return index, wanted
            label = letter + match["mark"]
        elif int(match["number"]) != expected + offset:
            return index, wanted
        else:
            label = f"{match['number']}{match['mark']}" if offset else ""
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
