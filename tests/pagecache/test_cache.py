"""The public pages' cache: anonymous visitors get the stored page until anything it shows changes.

Every write path bumps the content version through the database triggers: the ORM, a queryset
update, a bulk insert, raw SQL. The tests write each way and read the page again.
"""

import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client

from assignments.models import Assignment, Board
from pagecache.cache import HEADER, content_version
from pagecache.triggers import installed_tables, tracked_tables

LIST = "/uppdrag/"


def _get(client, path=LIST, **extra):
    response = client.get(path, **extra)
    assert response.status_code == 200
    return response


def _tokens(content: bytes) -> list[str]:
    return re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', content.decode())


def _without_tokens(content: bytes) -> bytes:
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", content)


def test_each_visitor_of_a_cached_page_gets_a_working_csrf_token_of_their_own(real_data):
    """The language switch posts from every page: its token must work for whoever got the page."""
    _get(Client())  # stores the page
    visitor = Client(enforce_csrf_checks=True)
    page = _get(visitor)
    assert page[HEADER] == "traff"
    tokens = _tokens(page.content)
    assert tokens and "__sidcache" not in page.content.decode()
    assert "csrftoken" in page.cookies
    switched = visitor.post("/i18n/setlang/", {"language": "en", "next": LIST, "csrfmiddlewaretoken": tokens[0]})
    assert switched.status_code == 302
    stranger = Client(enforce_csrf_checks=True)
    _get(stranger)
    refused = stranger.post("/i18n/setlang/", {"language": "en", "next": LIST, "csrfmiddlewaretoken": tokens[0]})
    assert refused.status_code == 403  # another visitor's token does not work with your cookie


def test_every_tracked_table_carries_the_trigger(db):
    """A model added later gets its trigger from the next migrate (post_migrate installs them)."""
    assert tracked_tables(), "no tables tracked"
    assert set(tracked_tables()) <= installed_tables()
    assert "assignments_statusreport" in tracked_tables()
    assert "motions_decisionpoint_responsible_boards" in tracked_tables()  # many-to-many tables too


def test_anonymous_second_visit_is_served_from_the_cache(client, real_data):
    first = _get(client)
    second = _get(client)
    assert first[HEADER] == "miss" and second[HEADER] == "traff"
    assert _without_tokens(first.content) == _without_tokens(second.content)
    assert {part.strip() for part in first["Vary"].split(",")} == {"Cookie", "Accept-Language"}
    assert {part.strip() for part in second["Vary"].split(",")} == {"Cookie", "Accept-Language"}
    assert second["Content-Security-Policy"]  # the rest of the middleware still runs on a hit


@pytest.mark.parametrize(
    "write",
    [
        pytest.param(lambda a: Assignment.objects.filter(pk=a.pk).update(text="Nytt ord: cachebrytare."), id="update"),
        pytest.param(lambda a: (setattr(a, "text", "Nytt ord: cachebrytare."), a.save()), id="save"),
        pytest.param(
            lambda a: connection.cursor().execute(
                "UPDATE assignments_assignment SET text = %s WHERE id = %s", ["Nytt ord: cachebrytare.", a.pk]
            ),
            id="raw-sql",
        ),
    ],
)
def test_every_way_of_writing_moves_the_version(client, real_data, write):
    assignment = Assignment.objects.order_by("id").first()
    path = f"/uppdrag/{assignment.pk}/"
    _get(client, path)
    assert _get(client, path)[HEADER] == "traff"
    before = content_version()
    write(assignment)
    assert content_version() != before
    page = _get(client, path)
    assert page[HEADER] == "miss"
    assert "cachebrytare" in page.content.decode()


def test_a_related_table_moves_the_version_too(client, real_data):
    _get(client)
    before = content_version()
    Board.objects.bulk_create([Board(slug="ny-namnd", name="Nya nämnden", short_name="Ny")])
    assert content_version() != before
    assert _get(client)[HEADER] == "miss"


def test_logged_in_users_always_get_a_fresh_page(client, real_data, reader):
    client.force_login(reader)
    assert HEADER not in _get(client)
    assert HEADER not in _get(client)


def test_each_language_and_query_has_its_own_entry(client, real_data):
    swedish = _get(client)
    english = _get(client, HTTP_ACCEPT_LANGUAGE="en")
    assert english[HEADER] == "miss"
    assert swedish.content != english.content
    assert _get(client, LIST + "?status=in_progress")[HEADER] == "miss"
    assert _get(client, HTTP_ACCEPT_LANGUAGE="en")[HEADER] == "traff"


def test_pages_that_are_not_200_are_not_stored(client, real_data):
    assert client.get(LIST + "?status=ingen-sadan").status_code == 400
    assert client.get(LIST + "?status=ingen-sadan")[HEADER] == "miss"


def test_a_visitor_with_a_session_is_not_served_from_the_cache(client, real_data):
    _get(client)
    client.cookies["sessionid"] = "något"
    assert HEADER not in _get(client)


def test_the_cache_can_be_turned_off(client, real_data, settings):
    settings.PAGE_CACHE = False
    _get(client)
    assert HEADER not in _get(client)
    assert len(caches["pages"]._cache) == 0  # noqa: SLF001 - LocMemCache's store


@pytest.mark.django_db(transaction=True)
def test_committed_writes_move_the_version_once_per_transaction(client):
    """As in production: on PostgreSQL the trigger fires at commit, once for the whole transaction."""
    from django.db import transaction

    from pagecache.models import ContentVersion

    board = Board.objects.create(slug="forsta", name="Första nämnden", short_name="Första")
    start = ContentVersion.objects.get().counter
    page = "/uppdrag/namnder/forsta/"
    assert _get(client, page)[HEADER] == "miss"
    assert _get(client, page)[HEADER] == "traff"
    with transaction.atomic():
        board.name = "Omdöpta nämnden"
        board.save()
        Board.objects.create(slug="andra", name="Andra nämnden", short_name="Andra")
    counter = ContentVersion.objects.get().counter
    assert counter == start + 1 if connection.vendor == "postgresql" else counter > start
    fresh = _get(client, page)
    assert fresh[HEADER] == "miss" and "Omdöpta nämnden" in fresh.content.decode()
