"""The header of a protocol extract: body, meeting date, §, case number and the ärendemening, as
the city prints them – one a line with or without colons, in two columns, or on the § line
("§ 27   Dnr SFN-2026-00031"). parse_protocol (protocol.py) calls read_header and then
read_paragraph_title; the lines they take are skipped by the sections.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from .protocol_layout import cells, date_beside, paragraph_cell
from .protocol_parts import ISO_DATE_RE, parse_date
from .protocol_title import read_title, without_prefix
from .text import is_furniture

if TYPE_CHECKING:
    from .protocol import ParsedProtocol

# The section a line heads ("decision", "vote" …) or None: protocol.py's reading of headings.
Heading = Callable[[str], "str | None"]

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
    rf"sammanträde(?:t)?(?:\s+den)?(?=\s+{_DATE_ONLY})"
    # "Utdrag ur protokoll 2026-02-19": the extract's name with the meeting's date alone after it.
    rf"|(?:utdrag\s+ur\s+protokoll(?:et)?|protokollsutdrag)(?=\s+{_DATE_ONLY}))\b:?\s*(?P<rest>.*)$"
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
# The body with the meeting on one line of the header block: "Stadsfastighetsnämnden, sammanträde
# nr 2, 2026-02-09", "Idrottsnämnden 2026-03-04".
BODY_MEETING_RE = re.compile(
    r"(?i)^(?P<body>[^,\d]{2,80}?)\s*,?\s+(?:sammanträde(?:t)?(?:\s+nr\.?\s*\d{1,3})?\s*,?\s+)?"
    r"(?P<date>(?:den\s+)?(?:\d{4}-\d\d-\d\d|\d{1,2}\s+[a-zåäö]+\s+\d{4}))$"
)
CITY_RE = re.compile(r"(?i)^göteborgs\s+stad$")
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


def clean(line: str) -> str:
    return " ".join(line.split())


def _is_mark(raw: str) -> bool:
    """ "Utdrag ur protokoll" or "Sammanträdesdatum", alone or in a column of a two-column header."""
    return any(EXTRACT_RE.match(cell) or MEETING_DATE_RE.match(cell) for cell in cells(raw))


def _header_cluster(lines: list[str], index: int) -> bool:
    """A body name standing with "Utdrag ur protokoll" or "Sammanträdesdatum" (a page's header block)."""
    return any(_is_mark(x) for x in lines[max(0, index - 4) : index + 6])


def another_paragraph(lines: list[str], index: int, end: int, first: int | None) -> bool:
    """A § line after the first: a running header repeating the same § ("… 2025-11-04      § 141")
    is the page's furniture, not a second §."""
    found = paragraph_at(lines, index, end)
    if not found or first is None:
        return bool(found)
    return found[0]["number"] != paragraph_at(lines, first, end)[0]["number"]


def paragraph_at(lines: list[str], index: int, end: int) -> tuple[re.Match, int] | None:
    """The § line ("§ 119 Dnr …") or a labelled field ("Paragraf: § 119", "Paragraf:" with the
    value on the next line): its match and the last line it takes."""
    line = clean(lines[index])
    found = PARAGRAPH_RE.match(line)
    if found:
        return found, index
    # "Ärende: § 88      Dnr: MK-2025-00655": the label in the first of the header's columns.
    row = cells(lines[index])
    labelled = PARAGRAPH_LABEL_RE.match(next(iter(row), ""))
    if not labelled:
        # "Sammanträdesdatum: 2025-11-04      § 141"
        beside = paragraph_cell(lines[index], field_line=bool(MEETING_DATE_RE.match(line)))
        return (beside, index) if beside else None
    value, last = labelled["rest"], index
    if not value and len(row) == 2:
        value = row[1]  # aligned labels: "Paragraf:          § 19", the value in the label's row
    elif not value and index + 1 < end:
        value, last = clean(lines[index + 1]), index + 1
    found = PARAGRAPH_RE.match(value if value.startswith("§") else f"§ {value}")
    # A labelled § holds the number alone; anything after it is no ärendemening, but it may be the
    # next column's field where a PDF kept one space of a two-column header's gap ("Paragraf: § 211
    # Diarienummer: SFN-2025-00419").
    return (found, last) if found and (not found["rest"] or CASE_LABEL_RE.match(found["rest"])) else None


def title_paragraph(lines: list[str], first: int, end: int) -> int:
    """The line the ärendemening is read from: the header's labelled § ("Ärende: § 14") unless a §
    line with the same number carries the ärendemening ("§ 14 Avgifter för …") further down."""
    found, last = paragraph_at(lines, first, end)
    if PARAGRAPH_RE.match(clean(lines[first])) and last == first:
        return first
    for index in range(last + 1, end):
        line = PARAGRAPH_RE.match(clean(lines[index]))
        if line and line["number"] == found["number"] and _words_beyond_identifiers(line["rest"]):
            return index
    return first


def _words_beyond_identifiers(text: str) -> bool:
    bare = IDENTIFIER_WORDS_RE.sub("", DNR_RE.sub("", CASE_NUMBER_RE.sub("", text)))
    return bool(re.sub(r"[\W\d_]", "", bare))


def _value_of(lines: list[str], index: int, end: int, rest: str) -> tuple[str, int]:
    """A labelled field's value: after the label, or alone on the next line."""
    if rest or index + 1 >= end:
        return rest, index
    return clean(lines[index + 1]), index + 1


def _read_case_fields(parsed: ParsedProtocol, lines: list[str], end: int, header: set[int], heading: Heading) -> None:
    """ "Diarienummer: SOC-2025-00741" / "Dnr: 2025/12" lines of the header block (before the
    first section), the value on the same line or the next."""
    for index in range(end):
        line = clean(lines[index])
        if heading(line):
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


def read_header(parsed: ParsedProtocol, lines: list[str], end: int, heading: Heading) -> set[int]:
    """Body and meeting date, wherever their block stands (the KF extract prints it after the
    Yrkanden); returns the indexes of the header lines, which the sections skip."""
    header: set[int] = set()
    for index in range(end):
        row = cells(lines[index])
        at = next((k for k, c in enumerate(row) if MEETING_DATE_RE.match(c)), None)
        if at is not None:
            dated = MEETING_DATE_RE.match(row[at])
            header.add(index)
            # The value after the label's gap in its own row ("Datum för sammanträdet:    2026-05-06").
            beside = row[at + 1] if not dated["rest"] and at + 1 < len(row) and parse_date(row[at + 1]) else ""
            rest = dated["rest"] or beside or (clean(lines[index + 1]) if index + 1 < end else "")
            if not dated["rest"] and not beside and index + 1 < end:
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
        _body_meeting_date(parsed, lines, end, header)
    if parsed.date is None:
        extracts = [i for i in range(end) if any(EXTRACT_RE.match(c) for c in cells(lines[i]))]
        beside = date_beside(lines, extracts, end)
        if beside:
            header.add(beside[0])
            parsed.date = beside[1]
    _read_case_fields(parsed, lines, end, header, heading)
    candidates = []
    for index in range(end):
        # A two-column header prints the body beside "Protokollsutdrag": each column is read alone.
        line = next((_body_of(c) for c in cells(lines[index]) if _body_of(c)), "")
        if not line or _in_list(lines, index, header):
            continue
        if line.lower() in ("kommunfullmäktige", "kommunstyrelsen") or _header_cluster(lines, index):
            header.add(index)
            candidates.append((index, line))
    _choose_body(parsed, lines, candidates, header)
    return header


def _body_of(cell: str) -> str:
    """The body a header cell names: the whole cell, or its body before the meeting's date."""
    if BODY_LINE_RE.match(cell):
        return cell
    found = BODY_MEETING_RE.match(cell)
    return found["body"] if found and BODY_LINE_RE.match(found["body"]) else ""


def _body_meeting_date(parsed: ParsedProtocol, lines: list[str], end: int, header: set[int]) -> None:
    """The meeting's date on the body's line of the header block ("Stadsfastighetsnämnden,
    sammanträde nr 2, 2026-02-09") standing with "Protokollsutdrag"."""
    for index in range(end):
        for cell in cells(lines[index]):
            found = BODY_MEETING_RE.match(cell)
            if found and BODY_LINE_RE.match(found["body"]) and _header_cluster(lines, index):
                date = parse_date(found["date"])
                if date:
                    parsed.date = date
                    header.add(index)
                    return


def _in_list(lines: list[str], index: int, header: set[int]) -> bool:
    """A body name right under another line of text is an item of a list ("Protokollsutdrag
    skickas till", a decision naming boards), not the page's header."""
    if index == 0:
        return False
    above = clean(lines[index - 1])
    # Under a bare § line ("§ 152⏎Socialnämnden Hisingen⏎Sammanträdesdatum …") it heads the page.
    paragraph = PARAGRAPH_RE.match(above)
    if paragraph and not clean(IDENTIFIER_WORDS_RE.sub("", DNR_RE.sub("", CASE_NUMBER_RE.sub("", paragraph["rest"])))):
        return False
    if all(CITY_RE.match(cell) or EXTRACT_RE.match(cell) for cell in cells(lines[index - 1])):
        return False  # under the city's name ("Göteborgs Stad⏎Kommunstyrelsen"): the page's header
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
            if all(not clean(lines[i]) or i in header or is_furniture(lines[i]) for i in range(low + 1, high)):
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
    line = clean(lines[index])
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


def read_paragraph_title(
    parsed: ParsedProtocol, lines: list[str], at: int | None, end: int, header: set[int], heading: Heading
) -> int:
    """§, identifiers and the ärendemening (after the § line, or before it as the KF prints it);
    returns where the sections begin."""
    if at is None:
        parsed.flag("paragraph", _("Paragrafen (§) står inte i texten – ange den."))
        if not parsed.case_number and not parsed.dnr:
            parsed.flag("case", _("Ärendenummer eller diarienummer står inte i utdraget – ange det."))
        reading, _start = read_title(
            lines, None, 0, end, "", skip=lambda i: _header_like(lines, i, header), heading=heading
        )
        parsed.title = reading.title
        parsed.flag("title", reading.doubt or _("Ärendemeningen kunde inte läsas – ange den."))
        return next(i for i in range(end) if heading(lines[i]) == "decision")
    found, last = paragraph_at(lines, at, end)
    labelled = last != at or not PARAGRAPH_RE.match(clean(lines[at]))
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
    rest = clean(IDENTIFIER_WORDS_RE.sub("", rest)).strip(" ,;:-")
    if not parsed.case_number and not parsed.dnr:
        parsed.flag(
            "case", _("Rad %(line)d: ärendenummer eller diarienummer saknas vid paragrafen.") % {"line": at + 1}
        )
    reading, index = read_title(
        lines, at, last, end, rest, skip=lambda i: _header_like(lines, i, header), heading=heading
    )
    parsed.title, other = without_prefix(reading.title, parsed.paragraph)
    if reading.doubt or other:
        parsed.flag("title", reading.doubt or other)
    if not parsed.title:
        index = _title_below(parsed, lines, last + 1, end, header, heading)
        parsed.title, other = without_prefix(parsed.title, parsed.paragraph)
        if other:
            parsed.flag("title", other)
    if not parsed.title:
        parsed.flag("title", _("Ärendemeningen kunde inte läsas – ange den."))
    elif len(parsed.title) > 400:
        parsed.flag("title", _("Ärendemeningen är längre än 400 tecken – korta den."))
    return index


def _title_below(
    parsed: ParsedProtocol, lines: list[str], index: int, end: int, header: set[int], heading: Heading
) -> int:
    """A § in a header's column ("§ 118      Dnr …") with no ärendemening above it: the
    ärendemening is the paragraph under the header, after a blank line."""
    while index < end and (index in header or not clean(lines[index])):
        index += 1
    after = []
    while index < end and clean(lines[index]) and not heading(lines[index]):
        after.append(clean(lines[index]))
        index += 1
    parsed.title = " ".join(after)
    return index
