"""Whatever text the parser is given, it reads it or refuses it with ImportError_ (a Swedish message
naming what failed): never another exception, never a query, and what it reads is well-formed."""

import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assignments.models import Assignment, ReportingPeriod
from motions.importers import ImportError_
from reports.importers import read_report_history

from .history_helpers import section_41

SECTION = section_41().split("\n")
PIECES = [
    "4.1.2 Uppdrag från kommunfullmäktiges budget", "4.1.2.1 Uppdrag som föreslås förklaras fullgjorda",
    "Pågående uppdrag", "Ej påbörjade uppdrag", "1. Kommunstyrelsen får i uppdrag att pröva, dnr 0101/22.",
    "2. Nämnder och styrelser i uppdrag att", "dnr", "0424/23, KF 2023-03-23, punkt 10.", "Status: pågår",
    "Status:", "Uppdrag:", "Dnr: 12/3", "Slutdatum: 2023-02-30", "Uppdraget är slutfört.", "• punkt", "–",
    " ", "", "\f", "Delårsrapport aug 2023-Nämnder 24 (35)", "Årsrapport 2022 för", "4 Ekonomi", "KS 2022-",
    "12-14.", "Redovisning:", "ärendenummer SLK-2021-00456",
]  # fmt: skip


def _well_formed(text: str) -> None:
    try:
        parsed = read_report_history(text)
    except ImportError_ as refusal:
        assert str(refusal)
        return
    assert parsed.items
    assert parsed.kind in (None, *ReportingPeriod.Kind.values)
    for item in parsed.items:
        assert item.status in ("", *Assignment.Status.values)
        assert item.source in ("", *Assignment.Source.values)
        assert item.origin_date is None or isinstance(item.origin_date, datetime.date)
        assert not item.dnr or len(item.dnr) == 7
        assert item.position >= 1
        item.as_json()
    parsed.as_json()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=3000))
def test_any_text_is_read_or_refused(text):
    _well_formed(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=60))
def test_any_arrangement_of_the_reports_own_lines_is_read_or_refused(lines):
    _well_formed("\n".join(lines))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    cut=st.integers(0, len(SECTION)),
    drops=st.lists(st.integers(0, len(SECTION) - 1), max_size=12),
    inserts=st.lists(st.tuples(st.integers(0, len(SECTION) - 1), st.sampled_from(PIECES)), max_size=8),
)
def test_the_seed_section_damaged_is_read_or_refused(cut, drops, inserts):
    lines = list(SECTION)
    for index, piece in inserts:
        lines.insert(index, piece)
    lines = [line for i, line in enumerate(lines) if i not in set(drops)][: max(cut, 1)]
    _well_formed("\n".join(lines))
