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

import datetime
import itertools
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from assignments.deadlines import parse_deadline
from assignments.models import ReportingPeriod
from motions.importers import ImportError_, check_text, is_furniture
from motions.importers.joining import join_lines
from motions.importers.pdf import PAGE_BREAK

from . import vocabulary as words
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
LABEL_RE = re.compile(
    r"^(?P<label>uppdrag|dnr|diarienummer|diarienr|ärendenummer|beslut|beslutat|ursprung|ansvarig|ansvariga|"
    r"ansvar|slutdatum|tidplan|klart senast|status|redovisning|kommentar|statusrapport|återrapportering)"
    r"\s*:\s*(?P<value>.*)$",
    re.I,
)
DNR_RE = re.compile(r"\b(?:dnr|diarienummer|diarienr)\.?:?\s*(?P<dnr>\d{3,4}/\d{2})\b", re.I)
BARE_DNR_RE = re.compile(r"^(?P<dnr>\d{3,4}/\d{2})$")
CASE_NUMBER_RE = re.compile(r"\b[A-ZÅÄÖ]{2,4}-(?P<year>20\d\d)-(?P<number>\d{5})\b")
CASE_REF_RE = re.compile(r"(?:\b(?:ärendenummer|ärendenr)\.?:?\s*)?\b[A-ZÅÄÖ]{2,4}-20\d\d-\d{5}\b", re.I)
ORIGIN_RE = re.compile(
    r"(?P<body>\bKF\b|\bKS\b|[Kk]ommunfullmäktige|[Kk]ommunstyrelsen|\b[A-ZÅÄÖ][\wåäö]*nämnden)\s*,?\s*(?:den\s+)?"
    r"(?P<date>\d{4}-\d{2}-\d{2})(?:\s*,?\s*§\s*(?P<paragraph>\d{1,4}))?(?:\s*,?\s*punkt\s+(?P<point>\d{1,3}))?"
)
VERB_RE = re.compile(r"\s(?:(?:får|ges|ge|ger)\s+)?i\s+uppdrag\b|\suppdras\b", re.I)
HAS_VERB_RE = re.compile(r"\b(?:får|ges|ge|ger)\s+(?:\w+\s+){0,2}i\s+uppdrag\b|\buppdras\b", re.I)
BODY_IN_HEADING_RES = [
    re.compile(r"\bföreslår\s+(?P<body>[\wåäöÅÄÖ]+(?:\s+för\s+[\wåäö ]+?)?)\s+(?:som\s+nämnd\s+)?att\b", re.I),
    re.compile(r"\b(?:delrapporterar|rapporterar|redovisar)\s+till\s+(?P<body>[\wåäöÅÄÖ]+)\s*$", re.I),
]


@dataclass
class ParsedHistoryItem:
    section: str  # the heading's number ("4.1.2.1") or, unnumbered, its words
    position: int  # the item's number in its section
    line: int
    page: int
    dnr: str = ""
    text: str = ""
    source: str = ""
    budget_year: int | None = None
    origin_body_name: str = ""
    origin_date: datetime.date | None = None
    origin_paragraph: str = ""
    origin_point: str = ""
    responsible_text: str = ""
    all_boards: bool = False
    deadline: datetime.date | None = None
    deadline_note: str = ""
    status: str = ""
    status_expressed: str = ""
    report_text: str = ""
    flags: list[str] = field(default_factory=list)
    field_flags: dict[str, list[str]] = field(default_factory=dict)
    # Filled in by resolve.py.
    origin_body: object = None
    responsible: list = field(default_factory=list)
    existing: object = None
    action: str = ""
    notes: list[str] = field(default_factory=list)

    def flag(self, name: str, message: str) -> None:
        """An uncertainty shown next to the field `name` and in the list of all (each once)."""
        if message not in self.field_flags.get(name, []):
            self.field_flags.setdefault(name, []).append(message)
        if message not in self.flags:
            self.flags.append(message)

    def flags_text(self) -> str:
        """The flags as a hidden field keeps them between two reviews: one "field<TAB>message" a line."""
        return "\n".join(f"{name}\t{message}" for name, messages in self.field_flags.items() for message in messages)

    def restore_flags(self, text: str) -> None:
        for line in (text or "").splitlines():
            name, _tab, message = line.partition("\t")
            if message.strip():
                self.flag(name.strip()[:40], message.strip()[:300])

    def as_json(self) -> dict:
        return {
            "section": self.section,
            "position": self.position,
            "dnr": self.dnr or None,
            "text": self.text,
            "source": self.source or None,
            "budget_year": self.budget_year,
            "origin": {
                "body": self.origin_body.short_name if self.origin_body else (self.origin_body_name or None),
                "date": self.origin_date.isoformat() if self.origin_date else None,
                "paragraph": self.origin_paragraph or None,
                "point": self.origin_point or None,
            },
            "responsible": [b.short_name for b in self.responsible] if self.responsible else self.responsible_text,
            "all_boards": self.all_boards,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "deadline_note": self.deadline_note or None,
            "status": self.status or None,
            "status_expressed": self.status_expressed,
            "report_text": self.report_text,
            "flags": list(self.flags),
        }


@dataclass
class ParsedHistory:
    year: int | None = None
    kind: int | None = None
    body_name: str = ""
    title: str = ""
    pages: int = 1
    items: list[ParsedHistoryItem] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    field_flags: dict[str, list[str]] = field(default_factory=dict)
    # Filled in by resolve.py.
    body: object = None
    period: object = None

    def flag(self, name: str, message: str) -> None:
        """An uncertainty shown next to the field `name` and in the list of all (each once)."""
        if message not in self.field_flags.get(name, []):
            self.field_flags.setdefault(name, []).append(message)
        if message not in self.flags:
            self.flags.append(message)

    def flags_text(self) -> str:
        """The flags as a hidden field keeps them between two reviews: one "field<TAB>message" a line."""
        return "\n".join(f"{name}\t{message}" for name, messages in self.field_flags.items() for message in messages)

    def restore_flags(self, text: str) -> None:
        for line in (text or "").splitlines():
            name, _tab, message = line.partition("\t")
            if message.strip():
                self.flag(name.strip()[:40], message.strip()[:300])

    @property
    def period_slug(self) -> str | None:
        return ReportingPeriod.SLUGS.get(self.kind) if self.kind else None

    def as_json(self) -> dict:
        return {
            "year": self.year,
            "period": self.period_slug,
            "body": self.body.short_name if self.body else (self.body_name or None),
            "title": self.title,
            "assignments": [item.as_json() for item in self.items],
            "flags": list(self.flags),
        }


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
    _read_title(parsed, every)
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


def _read_title(parsed: ParsedHistory, lines: list[Line]) -> None:
    """Year, period and body from the title or the running footer ("Delårsrapport aug 2023-Nämnder 24 (35)")."""
    found = []
    for index, line in enumerate(lines):
        value = re.sub(r"\s+\d{1,3}\s*\(\d{1,3}\)$", "", line.text).strip()
        if value.lower().endswith(" för") and index + 1 < len(lines):
            value = f"{value} {lines[index + 1].text}".strip()
        match = words.TITLE_RE.match(value) if len(value) <= 120 else None
        if match:
            found.append((match, line))
    if not found:
        parsed.flag("year", _("År och rapporttillfälle framgår inte av handlingen – ange dem"))
        return
    kinds = {}
    for match, line in found:
        key = (int(match["year"]), words.period_kind(match["kind"], match["month"]))
        kinds.setdefault(key, (match, line))
        body = (match["body"] or match["owner"] or "").strip()
        if body and body.lower() not in words.GENERIC_BODIES and not parsed.body_name:
            parsed.body_name = body
            parsed.title = " ".join(match.group(0).split())
    (year, kind), (match, line) = next(iter(kinds.items()))
    parsed.year, parsed.kind = year, kind
    if not parsed.title:
        parsed.title = " ".join(match.group(0).split())
    if len(kinds) > 1:
        other = [
            f"{ReportingPeriod(year=y, kind=k or 1).get_kind_display() if k else _('Delårsrapport')} {y}"
            for (y, k) in list(kinds)[1:]
        ]
        parsed.flag(
            "year",
            _("Handlingen nämner också %(other)s; %(chosen)s valdes (%(where)s)")
            % {"other": ", ".join(other), "chosen": f"{year}", "where": line.where},
        )
    if kind is None:
        parsed.flag("kind", _("Rapporttillfället (mars eller augusti) framgår inte – välj det"))


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
        body_lines = _read_labels(item_lines, labels)
        head_text = join_lines([ln.text for ln in labels.get("uppdrag", [])])
        ref_text = " ".join(join_lines([ln.text for ln in labels.get(k, [])]) for k in ("dnr", "beslut"))
        head_text_for_ref = f"{head_text} {ref_text}"
    else:
        match = ITEM_RE.match(first.text)
        head = _head_lines(item_lines, 0)
        raw = [match["text"]] + [ln.text for ln in head[1:]]
        after_head = next(k for k, ln in enumerate(item_lines) if ln is head[-1]) + 1
        body_lines = _read_labels(item_lines[after_head:], labels)
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
    _read_reference(item, head_text_for_ref, labels, parsed, first)
    item.text = _assignment_text(head_text)
    if not item.text:
        item.flag("text", _("Uppdragets text saknas"))
    elif not HAS_VERB_RE.search(item.text):
        item.flag("text", _("Uppdragstexten saknar ”får i uppdrag” – kontrollera att den är hel"))
    _read_responsible(item, labels)
    _read_deadline(item, labels)
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
    _read_status(item, labels, heading_status, heading_words)
    if not item.source:
        item.flag("source", _("Källan (KF:s budget, KF utanför budget, KS) framgår inte av rubrikerna – välj den"))
    return item


def _read_labels(item_lines: list[Line], labels: dict[str, list[Line]]) -> list[Line]:
    """The labelled lines of a block, each with its continuation lines; the report text is returned."""
    names = {"dnr": "dnr", "diarienummer": "dnr", "diarienr": "dnr", "ärendenummer": "dnr", "beslut": "beslut",
             "beslutat": "beslut", "ursprung": "beslut", "ansvarig": "ansvarig", "ansvariga": "ansvarig",
             "ansvar": "ansvarig", "slutdatum": "slutdatum", "tidplan": "slutdatum", "klart senast": "slutdatum",
             "status": "status", "uppdrag": "uppdrag", "redovisning": "redovisning", "kommentar": "redovisning",
             "statusrapport": "redovisning", "återrapportering": "redovisning"}  # fmt: skip
    current = None
    body: list[Line] = []
    for line in item_lines:
        match = LABEL_RE.match(line.text)
        if match and names[match["label"].lower()] not in labels:
            current = names[match["label"].lower()]
            value = [Line(line.number, line.page, match["value"].strip())] if match["value"].strip() else []
            labels[current] = [] if current == "redovisning" else value
            if current == "redovisning":
                body.extend(value)
            continue
        if current == "redovisning" or (current is not None and not line.text and current != "uppdrag"):
            current = "redovisning" if current == "redovisning" else None
        if current == "redovisning" or current is None:
            body.append(line)
        elif line.text:
            labels[current].append(line)
        else:
            current = None
    return body


def _assignment_text(text: str) -> str:
    return " ".join(text.split()).strip(" ,.;–-")


def _read_reference(item: ParsedHistoryItem, text: str, labels, parsed: ParsedHistory, first: Line) -> None:
    dnr = DNR_RE.search(text)
    bare = BARE_DNR_RE.match(" ".join(ln.text for ln in labels.get("dnr", [])).strip(" .,"))
    case = CASE_NUMBER_RE.search(text)
    if dnr or bare:
        item.dnr = (dnr or bare)["dnr"]
        if len(item.dnr) == 6:
            item.dnr = "0" + item.dnr
    elif case:
        item.dnr = f"{case['number'][-4:]}/{case['year'][2:]}"
        item.flag("dnr", _("Dnr %(dnr)s härlett ur ärendenumret %(case)s") % {"dnr": item.dnr, "case": case.group(0)})
    else:
        item.flag("dnr", _("Dnr saknas"))
    origin = ORIGIN_RE.search(text[dnr.end() :] if dnr else text) or ORIGIN_RE.search(text)
    if origin:
        body = origin["body"]
        item.origin_body_name = {"KF": "Kommunfullmäktige", "KS": "Kommunstyrelsen"}.get(
            body, body[:1].upper() + body[1:]
        )
        try:
            item.origin_date = datetime.date.fromisoformat(origin["date"])
        except ValueError as error:
            raise ImportError_(
                _("Sida %(page)d, rad %(line)d: datumet %(date)s finns inte.")
                % {"page": first.page, "line": first.number, "date": origin["date"]}
            ) from error
        item.origin_paragraph = origin["paragraph"] or ""
        item.origin_point = origin["point"] or ""
    elif item.source in (words.Source.KF_BUDGET, words.Source.KF_OUTSIDE_BUDGET):
        item.origin_body_name = "Kommunfullmäktige"
        if item.source == words.Source.KF_OUTSIDE_BUDGET:
            item.flag("origin", _("Beslutet (organ och datum) står inte vid uppdraget"))
    elif item.source == words.Source.KS:
        item.origin_body_name = "Kommunstyrelsen"
        item.flag("origin", _("Beslutsdatum står inte vid uppdraget"))


def _read_responsible(item: ParsedHistoryItem, labels) -> None:
    named = join_lines([ln.text for ln in labels.get("ansvarig", [])])
    subject = VERB_RE.split(item.text, maxsplit=1)[0] if VERB_RE.search(item.text) else ""
    text = named or subject
    if words.COLLECTIVE_RE.match(text.strip()):
        item.all_boards = True
        item.flag(
            "responsible", _("Riktat till alla nämnder och styrelser: rapporten gäller den rapporterande nämndens del")
        )
        return
    item.responsible_text = text.strip()
    if not item.responsible_text:
        item.flag("responsible", _("Ansvarig nämnd framgår inte – välj den"))


def _read_deadline(item: ParsedHistoryItem, labels) -> None:
    stated_text = join_lines([ln.text for ln in labels.get("slutdatum", [])])
    if stated_text and re.fullmatch(r"\d{4}-\d{2}-\d{2}", stated_text.strip(" .")):
        try:
            item.deadline = datetime.date.fromisoformat(stated_text.strip(" ."))
            return
        except ValueError:
            item.flag("deadline", _("Slutdatumet %(value)s finns inte") % {"value": stated_text})
            return
    stated = parse_deadline(f"senast {stated_text}" if stated_text and stated_text[:1].isdigit() else stated_text)
    if stated.date is None:
        stated = parse_deadline(item.text)
    if stated.date is not None:
        item.deadline = stated.date
        if stated.note:
            item.deadline_note = _("%(words)s (tolkat som senast %(date)s)") % {
                "words": stated.note,
                "date": stated.date.isoformat(),
            }
    elif stated_text:
        item.deadline_note = stated_text[:300]
        item.flag("deadline", _("Tidplanen ”%(value)s” ger inget datum") % {"value": stated_text[:80]})


def _read_status(item: ParsedHistoryItem, labels, heading_status, heading_words: str) -> None:
    stated = join_lines([ln.text for ln in labels.get("status", [])])
    sentence = words.STATUS_SENTENCE.search(item.report_text)
    said = words.status_of(sentence["sentence"]) if sentence else None
    if stated:
        item.status_expressed = stated
        item.status = words.status_of(stated) or ""
        if not item.status:
            item.flag("status", _("Status kunde inte tolkas: ”%(words)s”") % {"words": stated[:80]})
    elif heading_status:
        item.status = heading_status
        item.status_expressed = heading_words
        if said is not None and words.RANK[said] != words.RANK[heading_status]:
            item.flag(
                "status",
                _("Rubriken säger ”%(heading)s” men texten säger ”%(sentence)s”")
                % {"heading": words.Status(heading_status).label, "sentence": sentence["sentence"].strip()},
            )
    elif said is not None:
        item.status = said
        item.status_expressed = sentence["sentence"].strip()
    else:
        item.flag("status", _("Status kunde inte tolkas"))


__all__ = ["PAGE_BREAK", "ParsedHistory", "ParsedHistoryItem", "is_furniture", "read_report_history"]
