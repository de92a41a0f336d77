"""The review of a decision's assignments (/sekretariat/beslut/<id>/uppdrag/): its unbound body is a
fragment keyed by the content version, the decision and the language (issue 18). The cached page is
byte for byte the uncached one, reads none of the points, carries each visitor's own CSRF token,
and no way of writing what it shows (ORM save, update(), bulk_create, bulk_update, raw SQL) ever
shows a stale row. A posted page, with the posted values and their errors, is never stored."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import motions.secretariat_views
from assignments.models import Board
from motions import decisions
from motions.models import AssignmentReview, DecisionPoint
from tests.fragment_checks import html_without_csrf, stored_fragments, ways_of_writing
from tests.motions.cycle import new_case, new_decision

pytestmark = pytest.mark.django_db

# Session, user, its groups (the secretariat's right), the decision with its meeting and case, the
# content version: all a cached page reads.
CACHED_QUERIES = 5
# The same and the points with their boards, the reviews, the board register and its spellings.
UNCACHED_QUERIES = 11


@pytest.fixture
def decision(real_data, secretariat):
    return new_decision(secretariat, new_case(secretariat))


@pytest.fixture
def client_s(client, secretariat):
    client.force_login(secretariat)
    return client


def _url(decision) -> str:
    return f"/sekretariat/beslut/{decision.pk}/uppdrag/"


def _html(client, decision, **headers) -> str:
    return html_without_csrf(client.get(_url(decision), **headers))


def _uncached(client, decision, settings, **headers) -> str:
    settings.FRAGMENT_CACHE = False
    try:
        return _html(client, decision, **headers)
    finally:
        settings.FRAGMENT_CACHE = True


def _first_point(decision) -> DecisionPoint:
    return decisions.assignment_candidates(decision)[0].point


def test_a_second_visit_is_the_same_page_and_reads_none_of_the_points(
    client_s, decision, settings, django_assert_max_num_queries
):
    with django_assert_max_num_queries(UNCACHED_QUERIES):
        first = _html(client_s, decision)
    assert stored_fragments() == 1
    with CaptureQueriesContext(connection) as queries:
        assert _html(client_s, decision) == first
    assert len(queries) <= CACHED_QUERIES
    read = " ".join(query["sql"] for query in queries.captured_queries)
    for table in ("motions_decisionpoint", "motions_assignmentreview", "assignments_boardnamevariant"):
        assert f'"{table}"' not in read
    assert _uncached(client_s, decision, settings) == first
    assert 'name="p' in first and "Spara valen" in first  # the rows' forms are in the stored body


def test_the_page_costs_the_same_queries_for_many_rows(client_s, decision, settings, django_assert_max_num_queries):
    """However many points the decision adopts: UNCACHED_QUERIES with the cache off, CACHED_QUERIES on."""
    many = decisions.assignment_candidates(decision)
    assert len(many) >= 2
    settings.FRAGMENT_CACHE = False
    with django_assert_max_num_queries(UNCACHED_QUERIES):
        client_s.get(_url(decision))
    settings.FRAGMENT_CACHE = True
    client_s.get(_url(decision))
    with django_assert_max_num_queries(CACHED_QUERIES):
        client_s.get(_url(decision))


def test_rows_stay_in_the_context_while_lazy(client_s, decision):
    """The tests read page.context["rows"]: a cached page still gives them, read on demand."""
    client_s.get(_url(decision))
    page = client_s.get(_url(decision))
    rows = list(page.context["rows"])
    assert [candidate.point.pk for candidate, _form in rows] == [
        c.point.pk for c in decisions.assignment_candidates(decision)
    ]


def test_each_visitor_gets_a_csrf_token_of_their_own_that_posts(decision, secretariat, make_user):
    from assignments import roles

    other = make_user("sekretariat2", roles.SECRETARIAT)
    clients = []
    for user in (secretariat, other, secretariat):
        clients.append(Client(enforce_csrf_checks=True))
        clients[-1].force_login(user)  # before any page: a login writes the user's row (a new version)
    tokens = []
    for client in clients:
        response = client.get(_url(decision))
        token = re.search(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"', response.content.decode())[1]
        assert "__fragment_csrf__" not in response.content.decode()
        tokens.append(token)
        # The cached page's token is this visitor's: a post with it is let through (400: nothing chosen).
        assert client.post(_url(decision), {"csrfmiddlewaretoken": token}).status_code == 400
        assert client.post(_url(decision), {"csrfmiddlewaretoken": "x" * 64}).status_code == 403
    assert stored_fragments() == 1  # the three visits shared one fragment
    assert len(set(tokens)) == 3


def test_a_posted_page_is_never_stored_nor_answered_from_the_fragment(client_s, decision):
    cached = _html(client_s, decision)
    response = client_s.post(_url(decision), {})
    assert response.status_code == 400
    posted = response.content.decode()
    assert "Inget har sparats. Rätta det som är markerat." in posted
    assert "Inget har sparats" not in cached
    assert stored_fragments() == 1


def test_each_language_gets_its_own_fragment(client_s, decision, settings):
    seen = {}
    for language in ("sv", "en"):
        cached = _html(client_s, decision, HTTP_ACCEPT_LANGUAGE=language)
        assert _html(client_s, decision, HTTP_ACCEPT_LANGUAGE=language) == cached
        assert _uncached(client_s, decision, settings, HTTP_ACCEPT_LANGUAGE=language) == cached
        seen[language] = cached
    assert stored_fragments() == 2
    assert seen["sv"] != seen["en"]


def test_each_decision_gets_its_own_fragment(client_s, decision, secretariat):
    other = new_decision(secretariat, new_case(secretariat, number="SLK-2030-04712", dnr="4712/30"), paragraph=14)
    assert _html(client_s, decision) != _html(client_s, other)
    assert stored_fragments() == 2


@pytest.mark.parametrize("way", ["save", "update", "raw-sql"])
def test_every_way_of_writing_a_point_shows_at_once(client_s, decision, settings, way):
    before = _html(client_s, decision)
    ways_of_writing("text", "Kommunstyrelsen får i uppdrag att bryta fragmentet.")[way](_first_point(decision))
    after = _html(client_s, decision)
    assert "bryta fragmentet" in after and "bryta fragmentet" not in before
    assert after == _uncached(client_s, decision, settings)


def test_a_point_written_by_bulk_update_shows_at_once(client_s, decision, settings):
    before = _html(client_s, decision)
    point = _first_point(decision)
    point.text = "Kommunstyrelsen får i uppdrag att bryta fragmentet i klump."
    DecisionPoint.objects.bulk_update([point], ["text"])
    after = _html(client_s, decision)
    assert "bryta fragmentet i klump" in after and "bryta fragmentet i klump" not in before
    assert after == _uncached(client_s, decision, settings)


def test_a_review_made_by_bulk_create_moves_the_row_at_once(client_s, decision, secretariat, settings):
    point = _first_point(decision)
    before = _html(client_s, decision)
    assert f'id="punkt-{point.pk}"' in before and "Redan granskade" not in before
    AssignmentReview.objects.bulk_create(
        [AssignmentReview(decision=decision, point=point, skipped=True, reviewed_by=secretariat)]
    )
    after = _html(client_s, decision)
    assert f'id="punkt-{point.pk}"' not in after and "Redan granskade" in after and "överhoppad" in after
    assert after == _uncached(client_s, decision, settings)


def test_a_board_renamed_or_added_shows_in_every_picker_at_once(client_s, decision, settings):
    before = _html(client_s, decision)
    board = Board.objects.get(slug="stadsledningskontoret")
    board.name = "Stadsledningskontoret i nytt namn"
    Board.objects.bulk_update([board], ["name"])
    renamed = _html(client_s, decision)
    assert "Stadsledningskontoret i nytt namn" in renamed and "i nytt namn" not in before
    kind = board.kind
    Board.objects.bulk_create([Board(name="Fragmentnämnden", short_name="FRN", slug="fragmentnamnden", kind=kind)])
    added = _html(client_s, decision)
    assert "Fragmentnämnden" in added and "Fragmentnämnden" not in renamed
    assert added == _uncached(client_s, decision, settings)


def test_without_a_content_version_nothing_is_cached(client_s, decision, monkeypatch):
    monkeypatch.setattr(motions.secretariat_views, "request_content_version", lambda request, *tables: None)
    first = _html(client_s, decision)
    assert _html(client_s, decision) == first
    assert stored_fragments() == 0
