"""The parser of an earlier delårsrapport or årsrapport: its year, period and reporting body, and
each assignment of its assignment sections with the status report it gives for that period.

The sections are found by their headings (vocabulary.py): "4.1.2 Uppdrag från kommunfullmäktiges
budget" gives the source, "4.1.2.1 Uppdrag stadsledningskontoret föreslår kommunstyrelsen som nämnd
att för egen del förklara genomförda" the status of the items under it; a heading outside that
vocabulary ends them. An item is a numbered paragraph that gives an assignment ("1. Kommunstyrelsen
får i uppdrag att …, dnr 1446/22 - KF 2022-12-08, punkt 1.") or a block of labelled lines
("Uppdrag: …", "Dnr: …", "Beslut: …", "Ansvarig: …", "Slutdatum: …", "Status: …", "Redovisning: …");
what follows it up to the next item or heading is its status report.

read_report_history() makes no database query: names stay as printed, resolve.py looks them up.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from motions.importers import ImportError_, check_text
from motions.importers.joining import join_lines

from . import vocabulary as words
from .fields import (
    BARE_DNR_RE,
    CASE_REF_RE,
    DNR_RE,
    HAS_VERB_RE,
    LABEL_RE,
    ORIGIN_RE,
    assignment_text,
    read_deadline,
    read_labels,
    read_reference,
    read_responsible,
    read_status,
    read_title,
)
from .parsed import ParsedHistory, ParsedHistoryItem
from .reading import Line, body, paragraphs, read_lines, report_text

# Headings of a report's other parts: an unnumbered one ends the assignment sections too.
END_HEADING_RE = re.compile(
    r"^(?:ekonomi|ekonomisk\s+uppföljning|ekonomiskt\s+utfall|styrning\s+och\s+ledning|intern\s+kontroll|"
    r"personal|personaluppföljning|verksamhetens\s+utveckling|sammanfattning|bilagor?|resultatredovisning|"
    r"uppföljning\s+av\s+(?:ekonomi|personal|mål)\w*|måluppfyllelse|nämndens\s+mål)\b.{0,60}$",
    re.I,
)
LEVEL_ONE_RE = re.compile(r"^(?P<number>\d{1,2})\s+(?P<title>[A-ZÅÄÖ][^.!?]{1,80})$")
HEADING_RE = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2}){1,5})\.?\s+(?P<title>[A-ZÅÄÖ].{1,200})$")
ITEM_RE = re.compile(r"^(?P<number>\d{1,3})[.)]\s+(?P<text>\S.*)$")
BODY_IN_HEADING_RES = [
    re.compile(r"\bföreslår\s+(?P<body>[\wåäöÅÄÖ]+(?:\s+för\s+[\wåäö ]+?)?)\s+(?:som\s+nämnd\s+)?att\b", re.I),
    re.compile(r"\b(?:delrapporterar|rapporterar|redovisar)\s+till\s+(?P<body>[\wåäöÅÄÖ]+)\s*$", re.I),
]


_SERIALS = itertools.count(1)


@dataclass
class _Section:
    level: int
    number: str
    title: str
    source: str | None
    status: str | None
    sorts: bool  # a status heading (its items take its status)
    serial: int = field(default_factory=lambda: next(_SERIALS))


def read_report_history(text: str) -> ParsedHistory:
    """Read the document without touching the database; refused whole (ImportError_) when it has no
    assignment section or an impossible date, with the page and line that failed."""
    every = read_lines(check_text(text))
    parsed = ParsedHistory(pages=max((line.page for line in every), default=1))
    read_title(parsed, every)
    items = _read_sections(parsed, body(every))
    if not items:
        raise ImportError_(
            _(
                "Handlingen har inga avsnitt om uppdrag med numrerade uppdrag (rubriker som ”Uppdrag från "
                "kommunfullmäktiges budget” eller ”Uppdrag … delrapporterar till …” följda av ”1. … får i "
                "uppdrag att …, dnr 1234/22”)."
            )
        )
    seen: dict[str, ParsedHistoryItem] = {}
    for item in items:
        if item.dnr and item.dnr in seen:
            item.flag(
                "dnr",
                _("Dnr %(dnr)s står redan vid avsnitt %(section)s punkt %(position)d")
                % {"dnr": item.dnr, "section": seen[item.dnr].section, "position": seen[item.dnr].position},
            )
        seen.setdefault(item.dnr, item)
    parsed.items = items
    return parsed


def _read_sections(parsed: ParsedHistory, lines: list[Line]) -> list[ParsedHistoryItem]:
    stack: list[_Section] = []
    items: list[ParsedHistoryItem] = []
    current: list[Line] | None = None
    current_section: _Section | None = None
    counters: dict[int, int] = {}
    positions: list[int] = []
    budget_year_assumed = False

    def close():
        nonlocal budget_year_assumed
        if current:
            item = _read_item(current, current_section, stack, parsed, positions[-1])
            if item.source == words.Source.KF_BUDGET and item.budget_year is None and parsed.year:
                item.budget_year = parsed.year
                if not budget_year_assumed:
                    budget_year_assumed = True
                    parsed.flag(
                        "budget_year",
                        _("Budgetåret står inte i rubriken; budgetuppdragen antas vara från budget %(year)d")
                        % {"year": parsed.year},
                    )
            items.append(item)

    index = 0
    while index < len(lines):
        line = lines[index]
        heading = _heading_at(lines, index)
        if heading is not None:
            close()
            current = None
            section, index = heading
            while stack and stack[-1].level >= section.level:
                stack.pop()
            stack.append(section)
            current_section = section
            if section.sorts and not parsed.body_name:
                for pattern in BODY_IN_HEADING_RES:
                    found = pattern.search(section.title)
                    if found:
                        parsed.body_name = found["body"]
                        break
            if not _active(stack):
                stack.clear()
            continue
        if _active(stack) and line.text and _starts_item(lines, index, current, counters, current_section):
            close()
            current = [line]
            key = current_section.serial if current_section else 0
            counters[key] = counters.get(key, 0) + 1
            positions.append(counters[key])
        elif current is not None:
            current.append(line)
        index += 1
    close()
    return items


def _active(stack: list[_Section]) -> bool:
    return any(s.source or s.sorts for s in stack)


def _heading_at(lines: list[Line], index: int):
    """(section, index after it) when a heading starts at lines[index]."""
    line = lines[index]
    text = line.text
    match = HEADING_RE.match(text)
    single = LEVEL_ONE_RE.match(text) if not match and (index == 0 or not lines[index - 1].text) else None
    if single and index + 1 < len(lines) and not lines[index + 1].text:
        match = single
    if match and not text.endswith((".", ",", ";", ":")):
        number, title = match["number"], match["title"]
        level = number.count(".") + 1
        end = index + 1
        # A heading set on two lines goes on in lower case: "… som nämnd att ⏎ för egen del förklara genomförda".
        while end < len(lines) and lines[end].text[:1].islower() and len(title) < 200:
            title = f"{title} {lines[end].text}"
            end += 1
    elif (
        text
        and len(text) <= 120
        and not text.endswith((".", ",", ";", ":"))
        and (
            words.source_heading(text)
            or words.status_heading(text)[0]
            and text.lower().startswith(
                (
                    "uppdrag",
                    "pågående",
                    "ej ",
                    "inte ",
                    "fullgjorda",
                    "slutredovisade",
                    "genomförda",
                    "slutförda",
                    "delrapporterade",
                    "delredovisade",
                )
            )
        )
        and (index == 0 or not lines[index - 1].text)
    ):
        number, title, end = "", text, index + 1
        level = 98 if words.source_heading(text) else 99
    elif (
        END_HEADING_RE.match(text)
        and (index == 0 or not lines[index - 1].text)
        and (index + 1 >= len(lines) or not lines[index + 1].text)
    ):
        return _Section(0, "", text, None, None, False), index + 1
    else:
        return None
    title = " ".join(title.split())
    sorts, status = words.status_heading(title)
    source = words.source_heading(title)
    if source is None and not sorts and not number:
        return None
    return _Section(level, number, title, source, status, sorts and source is None), end


def _starts_item(lines, index, current, counters, section) -> bool:
    text = lines[index].text
    label = LABEL_RE.match(text)
    if label and label["label"].lower() == "uppdrag":
        return True
    if label and label["label"].lower() in {"dnr", "diarienummer", "diarienr", "ärendenummer"}:
        # A labelled block that starts with its dnr; one already under way takes it as its own.
        return current is None or any(
            (m := LABEL_RE.match(line.text)) and m["label"].lower() in {"dnr", "diarienummer", "diarienr"}
            for line in current
        )
    match = ITEM_RE.match(text)
    if not match:
        return False
    expected = counters.get(section.serial if section else 0, 0) + 1
    if int(match["number"]) not in {expected, 1}:
        return False
    head = " ".join(line.text for line in _head_lines(lines, index))
    return bool(DNR_RE.search(head) or HAS_VERB_RE.search(head) or re.search(r"\bi\s+uppdrag\s+att\b", head))


def _head_lines(lines: list[Line], index: int) -> list[Line]:
    """The item's first paragraph; a dnr set after a blank line ("dnr ⏎⏎ 0424/23") still belongs to it."""
    head = [lines[index]]
    k = index + 1
    while k < len(lines):
        text = lines[k].text
        if not text:
            following = next((ln for ln in lines[k + 1 : k + 4] if ln.text), None)
            joined = " ".join(ln.text for ln in head)
            if (
                following is not None
                and not DNR_RE.search(joined)
                and (following.text[:1].islower() or BARE_DNR_RE.match(following.text.split(",")[0].rstrip(".")))
            ):
                k += 1
                continue
            break
        if DNR_RE.search(" ".join(ln.text for ln in head)) and head[-1].text.rstrip().endswith("."):
            break
        if LABEL_RE.match(text) or ITEM_RE.match(text):
            break
        head.append(lines[k])
        k += 1
    return head


def _key(section: _Section | None) -> str:
    return (section.number or section.title) if section else ""


def _read_item(item_lines, section, stack, parsed: ParsedHistory, position: int) -> ParsedHistoryItem:
    first = item_lines[0]
    source = next((s.source for s in reversed(stack) if s.source), None)
    heading_status = next((s.status for s in reversed(stack) if s.sorts), None)
    item = ParsedHistoryItem(
        section=_key(section),
        position=position,
        line=first.number,
        page=first.page,
        source=source or "",
    )
    budget = next((s for s in reversed(stack) if s.source == words.Source.KF_BUDGET), None)
    if budget is not None:
        year = re.search(r"\b(20\d\d)\b", budget.title)
        item.budget_year = int(year[1]) if year else None
    labels: dict[str, list[Line]] = {}
    body_lines: list[Line]
    if LABEL_RE.match(first.text):
        body_lines = read_labels(item_lines, labels)
        head_text = join_lines([ln.text for ln in labels.get("uppdrag", [])])
        ref_text = " ".join(join_lines([ln.text for ln in labels.get(k, [])]) for k in ("dnr", "beslut"))
        head_text_for_ref = f"{head_text} {ref_text}"
    else:
        match = ITEM_RE.match(first.text)
        head = _head_lines(item_lines, 0)
        raw = [match["text"]] + [ln.text for ln in head[1:]]
        after_head = next(k for k, ln in enumerate(item_lines) if ln is head[-1]) + 1
        body_lines = read_labels(item_lines[after_head:], labels)
        head_text = join_lines(raw)
        head_text_for_ref = " ".join([head_text, *(ln.text for ln in labels.get("beslut", []))])
        ref = DNR_RE.search(head_text) or CASE_REF_RE.search(head_text)
        if ref is None:
            ending = [m for m in ORIGIN_RE.finditer(head_text) if not head_text[m.end() :].strip(" .,;")]
            ref = ending[-1] if ending else None
            if ref is not None:
                head_text_for_ref = head_text
                head_text = head_text[: ref.start()].rstrip(" ,-–")
                ref = None
        if ref:
            tail = head_text[ref.end() :]
            after = ORIGIN_RE.match(tail.lstrip(" ,-–"))
            cut = ref.end() + (len(tail) - len(tail.lstrip(" ,-–")) + after.end() if after else 0)
            rest = head_text[cut:].strip(" .,;")
            if rest:  # the report starts on the item's own line: "…, dnr 1446/22. Arbetet har …"
                body_lines = [Line(first.number, first.page, rest)] + body_lines
            head_text = head_text[: ref.start()]
    read_reference(item, head_text_for_ref, labels, parsed, first)
    item.text = assignment_text(head_text)
    if not item.text:
        item.flag("text", _("Uppdragets text saknas"))
    elif not HAS_VERB_RE.search(item.text):
        item.flag("text", _("Uppdragstexten saknar ”får i uppdrag” – kontrollera att den är hel"))
    read_responsible(item, labels)
    read_deadline(item, labels)
    if any(line.page != first.page for line in item_lines if line.text):
        item.flag("report_text", _("Avsnittet fortsätter efter sidbrytning – kontrollera att texten hänger ihop"))
    uncertain: list[str] = []
    item.report_text = report_text(paragraphs(body_lines), uncertain)
    for word in dict.fromkeys(uncertain):
        item.flag(
            "report_text",
            _("Osäker avstavning: ”%(word)s” lästes som ”%(joined)s”")
            % {"word": word, "joined": word.replace("-", "")},
        )
    if not item.report_text:
        item.flag("report_text", _("Statusrapportens text saknas"))
    heading_words = next((s.title for s in reversed(stack) if s.sorts), "")
    read_status(item, labels, heading_status, heading_words)
    if not item.source:
        item.flag("source", _("Källan (KF:s budget, KF utanför budget, KS) framgår inte av rubrikerna – välj den"))
    return item


__all__ = ["ParsedHistory", "ParsedHistoryItem", "read_report_history"]
