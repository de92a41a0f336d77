"""The motion's header printed as a block of labelled lines, often in columns ("Nämnd:   Nämnden för
…", "Typ:   Yrkande", "Parti:   Socialdemokraterna, Miljöpartiet", "Datum:   2025-12-04"), beside
the unlabelled blocks header.py reads. Each label says what its value is, so the value is read as
that field whatever it looks like; a kind or date that does not read as one is left out, kept in the
header's doubts for the motion parser to flag, never guessed. A line under a value with no label of its own and
indented, or starting in lower case, continues that value ("Nämnd:  Nämnden för demokrati och ⏎
medborgarservice").

Pure: no database query; resolve.py looks the body and party names up afterwards.
"""

import re

from .column_header import column_headers
from .header import KIND_LINE_RE, Header, find_headers, is_date, row_headers, split_parties
from .joining import join_lines

# The labels the city's templates use, by the field they name.
LABELS = {
    "body": r"nämnd|organ|beslutsorgan|instans|beslutsinstans|styrelse|utskott",
    "kind": r"typ|dokumenttyp|handlingstyp|yrkandetyp|slag|handling",
    "parties": r"partier|parti|från|avsändare|förslagsställare|inlämnat\s+av|inlämnad\s+av",
    "date": r"datum|sammanträdesdatum|sammanträde|mötesdatum|möte|inlämnat|inlämningsdatum|revider(?:at|ad)",
    "agenda": r"ärende\s*nr\.?|ärendenummer|ärendenr|ärende|dnr|diarienummer|dagordningspunkt|punkt|paragraf",
}
LABEL_RE = re.compile(
    r"^(?P<label>" + "|".join(f"(?P<{name}>{words})" for name, words in LABELS.items()) + r")\s*:\s*(?P<value>\S.*)$",
    re.IGNORECASE,
)
# The least a block needs to be a header: two labelled lines, one of them what a header is for.
_NEEDED = ("body", "kind", "parties", "date")
_DATE_IN_RE = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}\s+[a-zåäö]+\s+\d{4}", re.IGNORECASE)


def _field(line: str) -> tuple[str, str, str] | None:
    """(field, label as printed, value) of a labelled header line, or None."""
    found = LABEL_RE.match(" ".join(line.split()))
    if not found:
        return None
    name = next(name for name in LABELS if found[name])
    return name, found["label"].lower(), found["value"].strip()


def _date_of(value: str) -> str:
    """The date a labelled date value holds, as header.is_date reads it ("onsdag 2025-11-19" and
    "2025-11-25, ärende 9" hold one); "" when none."""
    if is_date(value):
        return value
    found = _DATE_IN_RE.search(value)
    return found.group(0) if found and is_date(found.group(0)) else ""


def _read_block(items: list[tuple[int, str]], start: int) -> tuple[Header | None, int]:
    """The labelled block starting at `start`, and the index after it."""
    fields: list[list] = []  # [field, label, value lines, line number]
    index = start
    while index < len(items):
        raw = items[index][1]
        stripped = " ".join(raw.split())
        if not stripped:
            break
        found = _field(raw)
        if found:
            fields.append([*found[:2], [found[2]], items[index][0]])
        elif fields and (raw[:1].isspace() or stripped[:1].islower()) and not fields[-1][2][-1].endswith("."):
            fields[-1][2].append(stripped)
        else:
            break
        index += 1
    if len(fields) < 2 or not any(name in _NEEDED for name, *_rest in fields):
        return None, start + 1
    header = Header(start=start, end=index)
    for name, label, value_lines, number in fields:
        value = join_lines(value_lines)
        if name in ("kind", "date") and not (KIND_LINE_RE.match(value) if name == "kind" else _date_of(value)):
            header.doubts.append(f"{label.capitalize()}: {value}")
        if name == "body" and not header.body:
            header.body = value
        elif name == "kind" and not header.kind_word and KIND_LINE_RE.match(value):
            header.kind_word, header.kind_line = KIND_LINE_RE.match(value)["kind"].lower(), number
            header.kind_party = KIND_LINE_RE.match(value)["party"] or KIND_LINE_RE.match(value)["sender"] or ""
        elif name == "parties" and not header.parties:
            header.parties, header.party_line = split_parties(value), number
        elif name == "date" and not header.date and _date_of(value):
            header.date, header.date_line = _date_of(value), number
            header.revised = header.revised or label.startswith("revider")
    return header, index


def labelled_headers(items: list[tuple[int, str]]) -> list[Header]:
    """Every block of two or more labelled header lines, standing after a blank line or at the top."""
    headers = []
    index = 0
    while index < len(items):
        if _field(items[index][1]) and (index == 0 or not items[index - 1][1].strip()):
            header, index = _read_block(items, index)
            if header:
                headers.append(header)
        else:
            index += 1
    return headers


def all_headers(items: list[tuple[int, str]], page_of: dict[int, int] | None = None) -> list[Header]:
    """The unlabelled header blocks (header.find_headers) and the labelled ones, in the text's order;
    a block inside a labelled one is that block's."""
    labelled = labelled_headers(items)
    inside = {i for h in labelled for i in range(h.start, h.end)}
    columned = [h for h in column_headers(items, page_of) if not inside & set(range(h.start, h.end))]
    inside |= {i for h in columned for i in range(h.start, h.end)}
    rowed = [h for h in row_headers(items) if not inside & set(range(h.start, h.end))]
    inside |= {i for h in rowed for i in range(h.start, h.end)}
    plain = [h for h in find_headers(items, page_of) if not inside & set(range(h.start, h.end))]
    return sorted(labelled + columned + rowed + plain, key=lambda h: h.start)
