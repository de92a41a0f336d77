"""The report preview's composed title, check and body, cached by the content version
(core/fragment_cache.py): the page shows exactly what an uncached render shows, in both languages,
and never a stale report, whichever way the data is written (ORM save, update(), bulk_create, raw
SQL, a renamed board) or when the day changes."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from assignments.models import Assignment, Board, Responsibility, StatusReport
from assignments.selectors import board_and_period_or_404
from reports.composition import compose_report
from reports.rendering import report_body_html
from tests.fragment_checks import html_without_csrf, stored_fragments, ways_of_writing

pytestmark = pytest.mark.django_db

REPORT = ("kommunstyrelsen", 2023, "augusti")
URL = reverse("reports:preview", args=REPORT)


def _board_and_period():
    return board_and_period_or_404(*REPORT)


def _html(client, language="sv") -> str:
    client.cookies["django_language"] = language
    response = client.get(URL)
    return html_without_csrf(response)


@pytest.fixture
def officer_client(client, real_data, reader):
    client.force_login(reader)
    return client


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_second_visit_is_served_from_the_cache_and_shows_the_same(officer_client, settings, language):
    first = _html(officer_client, language)
    assert stored_fragments() == 1
    assert _html(officer_client, language) == first
    settings.FRAGMENT_CACHE = False
    assert _html(officer_client, language) == first


def test_each_language_has_its_own_entry_and_the_body_stays_swedish(officer_client):
    swedish, english = _html(officer_client, "sv"), _html(officer_client, "en")
    assert stored_fragments() == 2
    assert 'lang="en"' in english and 'lang="sv"' in swedish
    board, period = _board_and_period()
    body = report_body_html(compose_report(board, period))
    assert body in swedish and body in english


def test_the_cached_report_costs_none_of_its_own_queries(officer_client, django_assert_max_num_queries):
    _html(officer_client)
    # Session, user, board, period, content version, stored versions.
    with django_assert_max_num_queries(6):
        _html(officer_client)


def _report():
    board, period = _board_and_period()
    return StatusReport.objects.filter(board=board, period=period).order_by("id")[0]


def _writes(text):
    return ways_of_writing("text", text)


@pytest.mark.parametrize("way", ["save", "update", "raw-sql"])
def test_every_way_of_writing_a_status_report_shows_at_once(officer_client, way):
    report = _report()
    assert "rapportbrytare" not in _html(officer_client)
    _writes("Nytt ord: rapportbrytare.")[way](report)
    assert "rapportbrytare" in _html(officer_client)


def test_a_bulk_created_status_report_shows_at_once(officer_client):
    board, period = _board_and_period()
    assignment = Assignment.objects.create(
        dnr="0999/23", text="Kommunstyrelsen får i uppdrag att massinföra.", source="ks"
    )
    Responsibility.objects.create(assignment=assignment, board=board, is_lead=True)
    before = _html(officer_client)
    assert "Ingen statusrapport för perioden:" in before and "0999/23" in before
    StatusReport.objects.bulk_create(
        [StatusReport(assignment=assignment, period=period, board=board, text="Massinfört.", proposes="partial")]
    )
    after = _html(officer_client)
    assert "Massinfört." in after and "Massinfört." not in before


def test_a_renamed_board_shows_at_once(officer_client):
    assert "Kommunstyrelsen med nytt namn" not in _html(officer_client)
    Board.objects.filter(slug=REPORT[0]).update(name="Kommunstyrelsen med nytt namn")
    assert "Kommunstyrelsen med nytt namn" in _html(officer_client)


def test_an_undated_report_is_dated_the_day_it_is_shown(officer_client, monkeypatch):
    """Without a proposal or a deadline the report is dated today: another day, another entry."""
    _board, period = _board_and_period()
    period.report_deadline = None
    period.save()
    Board.objects.get(slug=REPORT[0]).report_cases.all().update(reports_on_board=None, reports_on_period=None)
    today = timezone.localdate()
    assert f'datetime="{today.isoformat()}"' in _html(officer_client)
    tomorrow = today + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    assert f'datetime="{tomorrow.isoformat()}"' in _html(officer_client)
