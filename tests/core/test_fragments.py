"""{% fragment_cache %}: the assignment list's results, cached by the content version, are never
stale — whichever way the data is written (ORM save, update(), bulk, raw SQL), as tests/pagecache
checks for the public pages' cache — and show exactly what an uncached render shows."""

import pytest
from django.db import connection

from assignments.models import Assignment, Board, Responsibility
from tests.fragment_checks import html_without_csrf, stored_fragments

LIST = "/uppdrag/?per_sida=200"


def _html(client, path=LIST) -> str:
    response = client.get(path)
    return html_without_csrf(response)


@pytest.fixture
def officer_client(client, real_data, reader):
    client.force_login(reader)
    return client


def test_a_second_visit_is_served_from_the_fragment_and_shows_the_same(officer_client, settings):
    first = _html(officer_client)
    assert stored_fragments() == 2  # the results and the filter panel
    assert _html(officer_client) == first
    settings.FRAGMENT_CACHE = False
    assert _html(officer_client) == first


def test_the_cached_results_cost_no_queries_of_their_own(officer_client, django_assert_max_num_queries):
    _html(officer_client)
    # Session, user, groups, content version: the filter panel is a fragment too, so the filter
    # form's boards and periods are not read either.
    with django_assert_max_num_queries(4):
        _html(officer_client)


def _rename_all(text):
    return {
        "save": lambda a: (setattr(a, "text", text), a.save()),
        "update": lambda a: Assignment.objects.filter(pk=a.pk).update(text=text),
        "raw-sql": lambda a: connection.cursor().execute(
            "UPDATE assignments_assignment SET text = %s WHERE id = %s", [text, a.pk]
        ),
    }


@pytest.mark.parametrize("way", ["save", "update", "raw-sql"])
def test_every_way_of_writing_a_row_shows_at_once(officer_client, way):
    assignment = Assignment.objects.order_by("sort_order", "dnr", "id").first()
    _html(officer_client)
    _rename_all("Nytt ord: fragmentbrytare.")[way](assignment)
    assert "fragmentbrytare" in _html(officer_client)


def test_a_bulk_insert_and_a_board_renamed_elsewhere_show_at_once(officer_client):
    assignment = Assignment.objects.order_by("sort_order", "dnr", "id").first()
    before = _html(officer_client)
    board = Board.objects.bulk_create([Board(slug="ny-namnd", name="Nya nämnden", short_name="NYNAMND")])[0]
    Responsibility.objects.bulk_create([Responsibility(assignment=assignment, board=board)])
    after = _html(officer_client)
    assert "NYNAMND" in after and "NYNAMND" not in before
    Board.objects.filter(pk=board.pk).update(short_name="OMDOPT")
    assert "OMDOPT" in _html(officer_client)


def test_each_query_language_and_day_has_its_own_fragment(officer_client, monkeypatch):
    import datetime

    from django.utils import timezone

    first = Assignment.objects.order_by("sort_order", "dnr", "id").first()
    Assignment.objects.filter(pk=first.pk).update(
        deadline=timezone.localdate() - datetime.timedelta(days=1), status=Assignment.Status.IN_PROGRESS
    )
    swedish = _html(officer_client)
    assert _html(officer_client, LIST + "&status=completed") != swedish
    assert stored_fragments() == 4  # each query its results and its filter panel
    english = officer_client.get(LIST, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert english != swedish and stored_fragments() == 6
    # Another day: what is overdue changes, so the fragment of another day is not reused.
    earlier = timezone.localdate() - datetime.timedelta(days=2)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: earlier)
    assert _html(officer_client).count("flag--overdue") == swedish.count("flag--overdue") - 1
    assert stored_fragments() == 7  # the results of that day; the filter shows nothing of the day


def test_without_a_content_version_nothing_is_cached(officer_client, monkeypatch):
    import assignments.views

    monkeypatch.setattr(assignments.views, "request_content_version", lambda request, *tables: None)
    first = _html(officer_client)
    assert stored_fragments() == 0
    assert _html(officer_client) == first
