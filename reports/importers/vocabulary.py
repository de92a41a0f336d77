"""The words the city's reports use for where an assignment comes from and how far it has come.

Headings name the source ("Uppdrag från kommunfullmäktiges budget", "… utanför budget", "… från
kommunstyrelsen") and the status of the items under them ("… föreslår kommunstyrelsen som nämnd att
för egen del förklara genomförda", "… delrapporterar till kommunstyrelsen", "Pågående uppdrag").
An item may state its own status ("Status: pågår") or say it in a sentence of its own
("Uppdraget är slutfört."); status_of() turns such words into a status of the workflow.
"""

from __future__ import annotations

import re

from assignments.models import Assignment, ReportingPeriod

Status = Assignment.Status
Source = Assignment.Source

SOURCE_HEADINGS = [
    (re.compile(r"^(?:uppdrag\s+(?:från|i|ur)\s+kommunfullmäktiges\s+budget|budgetuppdrag)\b", re.I), Source.KF_BUDGET),
    (
        re.compile(
            r"^(?:uppdrag\s+från\s+kommunfullmäktige\s+utanför\s+budget(?:en)?|övriga\s+uppdrag\s+från\s+"
            r"kommunfullmäktige|uppdrag\s+från\s+kommunfullmäktige)\b",
            re.I,
        ),
        Source.KF_OUTSIDE_BUDGET,
    ),
    (re.compile(r"^uppdrag\s+från\s+kommunstyrelsen\b", re.I), Source.KS),
]

# Status headings: the words that place every item under them.
STATUS_HEADINGS = [
    (
        re.compile(r"föresl\w*\b.*\b(?:förklara|förklaras)\s+(?:genomförda?|fullgjorda?)", re.I),
        Status.REPORTED_COMPLETE,
    ),
    (
        re.compile(r"\b(?:förklarade|förklarades|förklarats|förklarat)\s+fullgjorda?|^fullgjorda\s+uppdrag\b", re.I),
        Status.COMPLETED,
    ),
    (
        re.compile(r"^(?:slutredovisade|slutrapporterade|genomförda|slutförda)\s+uppdrag\b", re.I),
        Status.REPORTED_COMPLETE,
    ),
    (re.compile(r"\bdelrapporter\w*|\bdelredovis\w*", re.I), Status.PARTIALLY_REPORTED),
    (re.compile(r"^pågående\s+uppdrag\b", re.I), Status.IN_PROGRESS),
    (re.compile(r"^(?:ej|inte)\s+påbörjade\s+uppdrag\b|\bsom\s+(?:ej|inte)\s+påbörjats\b", re.I), Status.NOT_STARTED),
]

# Status words, most specific first: "föreslås förklaras fullgjort" before "fullgjort".
STATUS_WORDS = [
    (re.compile(r"\b(?:ej|inte)\s+(?:\w+\s+)?påbörja", re.I), Status.NOT_STARTED),
    (
        re.compile(r"föresl\w*\s+(?:\w+\s+){0,3}(?:förklara|förklaras)\s+(?:fullgjor|genomför)", re.I),
        Status.REPORTED_COMPLETE,
    ),
    (re.compile(r"\b(?:förklarades|förklarats|är\s+förklarat|förklarat)\s+fullgjor", re.I), Status.COMPLETED),
    (
        re.compile(r"\b(?:slutför|genomför|fullgjor|avslutat|klart|slutredovisa|slutrapporter)", re.I),
        Status.REPORTED_COMPLETE,
    ),
    (re.compile(r"\bdelrapporter|\bdelredovis", re.I), Status.PARTIALLY_REPORTED),
    (re.compile(r"\bpågå|\bpåbörja|\bstartat", re.I), Status.IN_PROGRESS),
]

# A sentence of the report's own about the assignment: "Uppdraget är slutfört." (never "när uppdraget
# är fullgjort", which is about the future).
STATUS_SENTENCE = re.compile(
    r"(?:^|[.!?]\s+)(?P<sentence>(?:Uppdraget|Arbetet\s+med\s+uppdraget)\s+"
    r"(?:är|har|föreslås|bedöms|pågår|förklarades|delrapporteras|delredovisas)\b[^.!?,]{0,60})",
)

# How far each status is along the workflow: an import moves an assignment forward only.
RANK = {
    Status.NOT_STARTED: 0,
    Status.IN_PROGRESS: 1,
    Status.PARTIALLY_REPORTED: 2,
    Status.REPORTED_COMPLETE: 3,
    Status.COMPLETED: 4,
}

COLLECTIVE_RE = re.compile(r"^(?:alla|samtliga|berörda)?\s*nämnder(?:na)?\s+och\s+(?:bolags)?styrelser(?:na)?$", re.I)

# "Delårsrapport augusti 2023 för kommunstyrelsen", "Kulturnämndens årsrapport 2022",
# "Delårsrapport aug 2023-Nämnder" (a footer without its page number).
TITLE_RE = re.compile(
    r"^(?:(?P<owner>[A-ZÅÄÖ][\wåäöÅÄÖ&\- ]{2,60}?s)\s+)?(?P<kind>delårsrapport|årsrapport|årsredovisning)"
    r"(?:\s+(?:per\s+)?(?P<month>mars|april|augusti|aug)\.?)?\s*(?P<year>20\d\d)"
    r"(?:\s*[-–]\s*|\s+för\s+|\s+)?(?P<body>[A-Za-zÅÄÖåäö][\wåäöÅÄÖ&\- ]{1,80}?)?\s*$",
    re.I,
)
GENERIC_BODIES = {"nämnder", "styrelser", "bolag", "nämnder och styrelser", "göteborgs stad"}


def status_heading(title: str):
    """(matched, status) for a heading: matched when the heading sorts its items by status."""
    for pattern, status in STATUS_HEADINGS:
        if pattern.search(title):
            return True, status
    return False, None


def source_heading(title: str):
    for pattern, source in SOURCE_HEADINGS:
        if pattern.search(title):
            return source
    return None


def status_of(words: str):
    """The status the words express, or None when they express none."""
    for pattern, status in STATUS_WORDS:
        if pattern.search(words or ""):
            return status
    return None


def period_kind(kind: str, month: str | None):
    kind = kind.lower()
    if kind in {"årsrapport", "årsredovisning"}:
        return ReportingPeriod.Kind.ARSRAPPORT
    month = (month or "").lower()
    if month in {"mars", "april"}:
        return ReportingPeriod.Kind.MARS
    if month in {"augusti", "aug"}:
        return ReportingPeriod.Kind.AUGUSTI
    return None
