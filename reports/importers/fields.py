"""Reading an item's fields: its dnr and decision reference, responsible boards, deadline and status,
the labelled lines of the block layout, and the document's year, period and body from its title."""

from __future__ import annotations

import datetime
import re

from django.utils.translation import gettext as _

from assignments.deadlines import parse_deadline
from assignments.models import ReportingPeriod
from motions.importers import ImportError_
from motions.importers.joining import join_lines

from . import vocabulary as words
from .parsed import ParsedHistory, ParsedHistoryItem
from .reading import Line

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


def read_title(parsed: ParsedHistory, lines: list[Line]) -> None:
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


def read_labels(item_lines: list[Line], labels: dict[str, list[Line]]) -> list[Line]:
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


def assignment_text(text: str) -> str:
    return " ".join(text.split()).strip(" ,.;–-")


def read_reference(item: ParsedHistoryItem, text: str, labels, parsed: ParsedHistory, first: Line) -> None:
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


def read_responsible(item: ParsedHistoryItem, labels) -> None:
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


def read_deadline(item: ParsedHistoryItem, labels) -> None:
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


def read_status(item: ParsedHistoryItem, labels, heading_status, heading_words: str) -> None:
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
