"""The search page's form and results, cached by the content version ({% fragment_cache %}): never
stale — whichever way the data is written (ORM save, update(), bulk, raw SQL, a delete, a board or
party renamed) — and exactly what an uncached render shows, in both languages and with filters."""

import pytest
from django.db import connection

from assignments.models import Assignment, Board
from motions.models import Motion, Party
from tests.fragment_checks import html_without_csrf, stored_fragments

WORD = "kollektivavtal"  # finds exactly one assignment of the real data, 1443/22


def _html(client, path=f"/sok/?q={WORD}", **headers) -> str:
    response = client.get(path, **headers)
    return html_without_csrf(response)


@pytest.fixture
def reader_client(client, real_data, reader):
    client.force_login(reader)
    return client


def _paths():
    party = Party.objects.order_by("id").first()
    board = Board.objects.order_by("id").first()
    return [
        "/sok/",
        "/sok/?q=",
        f"/sok/?q={WORD}",
        "/sok/?q=prostitution",
        "/sok/?q=ordetsomintefinns",
        f"/sok/?q=prostitution&parti={party.abbreviation}",
        "/sok/?q=prostitution&typ=beslutspunkter",
        f"/sok/?q=uppdrag&namnd={board.slug}&ar=2023",
        "/sok/?q=uppdrag&ar=tjugo&namnd=finns-inte",
        "/sok/?q=%3Cscript%3E",
        "/sok/?typ=uppdrag",
    ]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_second_visit_is_served_from_the_fragment_and_shows_the_same(reader_client, settings, language):
    paths = _paths()
    first = [_html(reader_client, path, HTTP_ACCEPT_LANGUAGE=language) for path in paths]
    assert stored_fragments() == len(paths)  # one fragment for each query string
    assert [_html(reader_client, path, HTTP_ACCEPT_LANGUAGE=language) for path in paths] == first
    settings.FRAGMENT_CACHE = False
    assert [_html(reader_client, path, HTTP_ACCEPT_LANGUAGE=language) for path in paths] == first


def test_the_cached_page_makes_no_search_queries(reader_client, django_assert_max_num_queries):
    _html(reader_client)
    # Session, user and the content version: neither the search nor the form's boards and parties.
    with django_assert_max_num_queries(3):
        html = _html(reader_client)
    assert "1443/22" in html and "<mark>" in html


def _write_text(text):
    return {
        "save": lambda a: (setattr(a, "text", text), a.save()),
        "update": lambda a: Assignment.objects.filter(pk=a.pk).update(text=text),
        "raw-sql": lambda a: connection.cursor().execute(
            "UPDATE assignments_assignment SET text = %s WHERE id = %s", [text, a.pk]
        ),
    }


@pytest.mark.parametrize("way", ["save", "update", "raw-sql"])
def test_every_way_of_writing_a_hit_shows_at_once(reader_client, way):
    assignment = Assignment.objects.get(dnr="1443/22")
    assert "fragmentbrytare" not in _html(reader_client)
    _write_text(f"Förhandla om {WORD}, nytt ord: fragmentbrytare.")[way](assignment)
    assert "fragmentbrytare" in _html(reader_client)


def test_a_bulk_insert_and_a_delete_show_at_once(reader_client):
    model = Assignment.objects.get(dnr="1443/22")
    before = _html(reader_client)
    copy = Assignment.objects.get(pk=model.pk)
    copy.pk = None
    copy.dnr = "9998/24"
    copy.text = f"En kopia om {WORD}."
    Assignment.objects.bulk_create([copy])
    after = _html(reader_client)
    assert "9998/24" in after and "9998/24" not in before
    Assignment.objects.filter(dnr="9998/24").delete()
    assert _html(reader_client) == before


def test_a_party_or_a_board_renamed_elsewhere_shows_at_once(reader_client):
    motion = Motion.objects.filter(parties__isnull=False, title__icontains="Delårsrapport").order_by("id").first()
    party = motion.parties.order_by("id").first()
    path = "/sok/?q=Delårsrapport&typ=yrkanden"
    assert "OMDÖPT" not in _html(reader_client, path)
    Party.objects.filter(pk=party.pk).update(abbreviation="OMDÖPT")
    assert "<span>OMDÖPT</span>" in _html(reader_client, path)  # the hit's party
    board = Board.objects.order_by("id").first()
    Board.objects.filter(pk=board.pk).update(name="Den omdöpta nämnden")
    assert ">Den omdöpta nämnden</option>" in _html(reader_client, path)  # the filter's choices


def test_each_query_filter_and_language_has_its_own_fragment(reader_client):
    swedish = _html(reader_client)
    assert _html(reader_client, f"/sok/?q={WORD}&typ=arenden") != swedish
    assert stored_fragments() == 2
    english = _html(reader_client, HTTP_ACCEPT_LANGUAGE="en")
    assert english != swedish and stored_fragments() == 3
    assert _html(reader_client, f"/sok/?q={WORD}&ar=2019") != swedish and stored_fragments() == 4


def test_without_a_content_version_nothing_is_cached(reader_client, monkeypatch):
    import search.views

    monkeypatch.setattr(search.views, "request_content_version", lambda request, *tables: None)
    first = _html(reader_client)
    assert stored_fragments() == 0
    assert _html(reader_client) == first
