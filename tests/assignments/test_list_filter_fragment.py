"""The assignment list's filter panel is a fragment keyed by the content version, the language and the
query string (issue 18): it shows the board register and the reporting periods, so no way of writing
them (ORM save, update(), bulk_create, bulk_update, raw SQL) may leave a stale option, and a refused
filter answered from the fragment is refused as before: 400, its messages, the page unchanged."""

import pytest
from django.db import connection

from assignments.models import Board, ReportingPeriod
from tests.fragment_checks import _CSRF_RE, stored_fragments, ways_of_writing

pytestmark = pytest.mark.django_db

LIST = "/uppdrag/?namnd="


@pytest.fixture
def reader_client(client, real_data, reader):
    client.force_login(reader)
    return client


def _html(client, path=LIST, status=200) -> str:
    response = client.get(path)
    assert response.status_code == status
    return _CSRF_RE.sub("", response.content.decode())  # html_without_csrf() asks for a 200


def _uncached(client, settings, path=LIST, status=200) -> str:
    settings.FRAGMENT_CACHE = False
    try:
        return _html(client, path, status)
    finally:
        settings.FRAGMENT_CACHE = True


def _board() -> Board:
    return Board.objects.order_by("name").first()


@pytest.mark.parametrize("way", ["save", "update", "raw-sql"])
def test_every_way_of_renaming_a_board_shows_in_the_filter_at_once(reader_client, settings, way):
    before = _html(reader_client)
    ways_of_writing("name", "Filterbrytarnämnden")[way](_board())
    after = _html(reader_client)
    assert ">Filterbrytarnämnden</option>" in after and "Filterbrytarnämnden" not in before
    assert after == _uncached(reader_client, settings)


def test_boards_and_periods_written_in_bulk_show_in_the_filter_at_once(reader_client, settings):
    before = _html(reader_client)
    board = _board()
    board.name = "Klumpnämnden"
    Board.objects.bulk_update([board], ["name"])
    renamed = _html(reader_client)
    assert ">Klumpnämnden</option>" in renamed and "Klumpnämnden" not in before
    ReportingPeriod.objects.bulk_create([ReportingPeriod(year=2099, kind=ReportingPeriod.Kind.MARS)])
    added = _html(reader_client)
    assert 'value="2099-mars"' in added and 'value="2099-mars"' not in renamed
    assert added == _uncached(reader_client, settings)


def test_a_refused_filter_from_the_fragment_is_refused_the_same(reader_client, settings):
    path = "/uppdrag/?namnd=finns-inte&ar=tjugo"
    first = _html(reader_client, path, status=400)
    assert "Nämnden finns-inte finns inte." in first and "Skriv året med fyra siffror" in first
    assert _html(reader_client, path, status=400) == first
    assert stored_fragments() == 1  # the filter panel: a refused filter has no results to store
    assert _uncached(reader_client, settings, path, status=400) == first


def test_a_cached_filter_reads_neither_boards_nor_periods(reader_client):
    from django.test.utils import CaptureQueriesContext

    first = _html(reader_client)
    with CaptureQueriesContext(connection) as queries:
        assert _html(reader_client) == first
    read = " ".join(query["sql"] for query in queries.captured_queries)
    assert '"assignments_board"' not in read and '"assignments_reportingperiod"' not in read
