"""The deadline a decision's text states: a day, a year (with the words kept) or a reporting period."""

import datetime

import pytest

from assignments.deadlines import parse_deadline
from assignments.models import ReportingPeriod


@pytest.mark.parametrize(
    ("text", "date", "note", "kind"),
    [
        ("Kommunstyrelsen får i uppdrag att utreda X senast 2024-06-30.", datetime.date(2024, 6, 30), "", None),
        ("… redovisa senast den 15 mars 2025 till KS", datetime.date(2025, 3, 15), "senast den 15 mars 2025", None),
        ("… genomföra arbetet under 2024.", datetime.date(2024, 12, 31), "under 2024", None),
        (
            "… återrapportera i årsrapporten för 2023.",
            datetime.date(2023, 12, 31),
            "i årsrapporten för 2023",
            ReportingPeriod.Kind.ARSRAPPORT,
        ),
        (
            "… redovisa i delårsrapporten augusti 2024",
            datetime.date(2024, 8, 31),
            "i delårsrapporten augusti 2024",
            ReportingPeriod.Kind.AUGUSTI,
        ),
        ("Kommunstyrelsen får i uppdrag att utreda frågan.", None, "", None),
    ],
)
def test_stated_deadlines(text, date, note, kind):
    stated = parse_deadline(text)
    assert (stated.date, stated.note, stated.period_kind) == (date, note, kind)


def test_an_impossible_day_gives_no_date_but_keeps_the_words():
    stated = parse_deadline("senast 2024-02-30")
    assert stated.date is None and stated.note == "senast 2024-02-30"
