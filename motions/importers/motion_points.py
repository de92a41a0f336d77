"""The decision points under a motion's "Förslag till beslut", in each layout the city writes them
(the rule of what a point's line is: points.read_point):

- numbered ("1." / "1)") or lettered ("a)" / "a.") points; the style of the first point is the
  list's, and items of the other style inside a point are its sub-items ("2. … i uppdrag att: ⏎
  a) … ⏎ b) …"), as are dash and bullet items ("– fler träningslägenheter,");
- "att"-clauses ("att ge … i uppdrag att …,⏎⏎att …", "…, samt⏎att …"), each a point;
- dash and bullet items ("– att komplettera …,", "• Stadsledningskontoret får i uppdrag …") where the
  list starts with one, each a point;
- one unnumbered decision ("Ärendet återremitteras …"), read as one point and flagged;
- a lead-in above the points ("Ärendet återremitteras till … för att", "… med uppdrag att:",
  "Kommunfullmäktige beslutar" below "I kommunfullmäktige:"): the motion's lead-in, kept apart from
  its points; any other text there is refused with its line;
- the approve-the-rest line last ("I övrigt bifalla tjänsteutlåtandet.", "Därutöver bifalla …",
  "Bifalla förvaltningens förslag i övrigt.", "att i övrigt bifalla …"): a flag with its wording;
- no heading at all: the lead-in and the list between the title and "Yrkandet" (headless_section).

Sub-items keep their own lines in the point's text. Footnote digits glued to words are taken out
and kept as the point's notes.
"""

from django.utils.translation import gettext as _

from ..models import point_label
from .footnotes import strip_footnotes
from .joining import join_lines
from .points import (
    _ENDS_IN_ATT_RE,
    _REST_START_RE,
    ADDRESSED_RE,
    APPROVES_REST_RE,
    ATT_RE,
    ITEM_RE,
    LEAD_IN_RE,
    ParsedPoint,
    _expected_label,
    _label,
    _match,
    _number,
    _style,
    decides,
    read_item,
    read_point,
    runs_on,
)
from .text import ImportError_, is_furniture


def headless_section(body_items, justification: int | None) -> int:
    """A motion without the heading "Förslag till beslut" whose proposal stands between the title
    and "Yrkandet" as a lead-in and its points ("Ärendet återremitteras … med följande uppdrag: ⏎ –
    att …", "Nämnden föreslås besluta ⏎⏎ att …"): the index before that section (-1). The list must
    start a line of its own there; _preamble refuses any other text above it. Else refused."""
    section = body_items[:justification] if justification is not None else []
    if not any(read_point(" ".join(t.split())) for _n, t in section):
        raise ImportError_(_("Avsnittet ”Förslag till beslut” saknas."))
    return -1


def _preamble(parsed, section, lines, numbered: bool, headless: bool = False) -> set[int]:
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
    addressee_at = -2  # the addressee's line while it may still run on to the next
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
        if not wrapped and read_point(stripped):
            lead = join_lines([text for _i, _n, text in stray[-1]]) if stray else ""
            starts_list = decides(read_point(stripped), lead)
            break
        if addressee_at == index - 1 and runs_on(parsed.addressed_to, stripped):
            # "I äldre samt vård- och ⏎ omsorgsnämnden:": the addressee wrapped over two lines.
            parsed.addressed_to = join_lines([parsed.addressed_to, stripped]).rstrip(":").strip()
            taken.add(index)
            addressee_at = index
        elif (
            not stray
            and not parsed.addressed_to
            and ADDRESSED_RE.match(stripped)
            # Without the heading only "I nämnden:" names whom it addresses; "Nämnden föreslås besluta" leads in.
            and (not headless or stripped.startswith("I "))
            and not _REST_START_RE.match(stripped)
            and not _ENDS_IN_ATT_RE.search(stripped)
        ):
            parsed.addressed_to = stripped.rstrip(":").strip()
            taken.add(index)
            addressee_at = index if not stripped.endswith(":") else -2
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


def _collect(parsed, section, lines, headless: bool = False) -> tuple[list[dict], str]:
    """The points as lists of line segments (the point's own text, then one per sub-item)."""
    numbered = any(_match(" ".join(line.split()), "") for _n, line in section)
    taken = _preamble(parsed, section, lines, numbered or headless, headless)
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
            elif read_item(stripped):
                style = read_item(stripped).style
            elif numbered:
                message = _("Texten står före första numrerade punkten: ”%(text)s”") % {"text": stripped[:80]}
                raise lines.error(n, message)
            else:
                style = "free"
        starts_paragraph = blank_before or previous.endswith((",", ";", ".", " samt")) or not points
        label, mark = "", ""
        if match and _style(match) == style:
            number, text, label = _number(match), match["text"], _label(match)
            mark = match.groupdict().get("mark") or ""
        elif style == "bullet" and ITEM_RE.match(stripped):
            number, text = len(points) + 1, read_item(stripped).text
        elif (
            not points
            or (style == "att" and ATT_RE.match(stripped) and starts_paragraph)
            or (starts_paragraph and _REST_START_RE.match(stripped))
        ):
            number, text = len(points) + 1, stripped
        else:
            number = None
        if number is not None:
            points.append(
                {"number": number, "label": label, "mark": mark, "line": n, "segments": [[text]], "pages": set()}
            )
        elif match or ITEM_RE.match(stripped):
            points[-1]["segments"].append([stripped])  # a sub-item, on a line of its own
        else:
            points[-1]["segments"][-1].append(stripped)
        points[-1]["pages"].add(lines.page_of.get(n, 1))
        previous, blank_before = stripped, False
    return points, style


def parse_points(parsed, section, lines, uncertain: list[str], headless: bool = False) -> None:
    """Read the points of `section` (numbered lines of the text) into `parsed`. `headless`: the
    section has no heading "Förslag till beslut" (the text between the title and "Yrkandet"), so
    it must be a list of points, with at most one lead-in above it; it is flagged for review."""
    points, style = _collect(parsed, section, lines, headless)
    if headless:
        parsed.flag(
            "points",
            _("Rubriken ”Förslag till beslut” saknas; texten före ”Yrkandet” lästes som förslaget – kontrollera"),
        )
    if style == "free" and points:
        parsed.flag(
            "points",
            _("Förslaget har inga numrerade punkter; det lästes som en beslutspunkt – kontrollera"),
        )
    _continue_numbering(parsed, points, style)
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


def _continue_numbering(parsed, points: list[dict], style: str) -> None:
    """New points that go on from the proposal's numbering ("Utöver förvaltningens förslag,
    punkterna 1–6, tillförs: 7. … 8. …"): a list that starts above 1 keeps its printed numbers as
    labels and is read in order from 1, flagged."""
    if style != "number" or not points or points[0]["label"] or points[0]["number"] <= 1:
        return
    offset = points[0]["number"] - 1
    for point in points:
        if not point["label"] and point["mark"]:
            point["label"] = f"{point['number']}{point['mark']}"
            point["number"] -= offset
    parsed.flag(
        "points",
        _("Punkterna börjar på %(first)s: de lästes som nya punkter efter förslagets egna – kontrollera")
        % {"first": points[0]["label"]},
    )
