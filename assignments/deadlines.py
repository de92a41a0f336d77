"""The deadline a decision's text states, as the city writes it.

"senast 2024-06-30" or "senast den 30 juni 2024" is that day; "under 2024" or "till och med 2024"
is the year's last day, with the words kept as the deadline note; "i årsrapporten för 2023" or
"i delårsrapporten augusti 2024" is the last day that reporting period covers, with the words kept.
A text that states none gives no deadline: nothing is guessed.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .models import ReportingPeriod

MONTHS = {
    "januari": 1,
    "februari": 2,
    "mars": 3,
    "april": 4,
    "maj": 5,
    "juni": 6,
    "juli": 7,
    "augusti": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
}

_ISO = re.compile(r"\bsenast(?:\s+den)?\s+(?P<date>\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)
_LONG = re.compile(
    r"\bsenast(?:\s+den)?\s+(?P<day>\d{1,2})\s+(?P<month>" + "|".join(MONTHS) + r")\s+(?P<year>\d{4})\b",
    re.IGNORECASE,
)
_REPORT = re.compile(
    r"\b(?:i|till|inför)\s+(?:kommunstyrelsens\s+)?(?P<kind>årsrapport(?:en)?|delårsrapport(?:en)?)"
    r"(?:\s+(?:per\s+)?(?P<month>mars|augusti))?(?:\s+(?:för|år))?\s+(?P<year>\d{4})\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:under|till och med|senast under|senast)\s+(?:år\s+)?(?P<year>\d{4})\b", re.IGNORECASE)


@dataclass(frozen=True)
class StatedDeadline:
    date: datetime.date | None
    note: str = ""
    period_kind: int | None = None  # a ReportingPeriod.Kind when the text names a report


def _valid_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def parse_deadline(text: str) -> StatedDeadline:
    """The first deadline the text states, else StatedDeadline(None)."""
    text = " ".join((text or "").split())
    found = _ISO.search(text)
    if found:
        date = datetime.date.fromisoformat(found["date"]) if _iso_ok(found["date"]) else None
        return StatedDeadline(date, "" if date else found.group(0))
    found = _LONG.search(text)
    if found:
        date = _valid_date(int(found["year"]), MONTHS[found["month"].lower()], int(found["day"]))
        return StatedDeadline(date, found.group(0))
    found = _REPORT.search(text)
    if found:
        if found["kind"].lower().startswith("års"):
            kind = ReportingPeriod.Kind.ARSRAPPORT
        elif (found["month"] or "").lower() == "mars":
            kind = ReportingPeriod.Kind.MARS
        else:
            kind = ReportingPeriod.Kind.AUGUSTI
        period = ReportingPeriod(year=int(found["year"]), kind=kind)
        return StatedDeadline(period.closing_date, found.group(0), period_kind=kind)
    found = _YEAR.search(text)
    if found:
        return StatedDeadline(datetime.date(int(found["year"]), 12, 31), found.group(0))
    return StatedDeadline(None)


def _iso_ok(value: str) -> bool:
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True
