"""The comparison page (/arenden/<key>/jamfor/) for logged-in readers: its body is cached by the
content version ({% fragment_cache %}), shows exactly what an uncached render shows, costs no query
of its own when cached, and is never stale, whichever way the data is written."""

import re

import pytest

from budget.models import CostEstimate
from motions.comparison import COMPARABLE_KINDS
from motions.models import Case, DecisionPoint, Party
from tests.fragment_checks import html_without_csrf, stored_fragments, ways_of_writing

KEY = "SLK-2022-00921"
URL = f"/arenden/{KEY}/jamfor/"

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader_client(client, real_data, reader):
    client.force_login(reader)
    return client


def _html(client, path=URL, **headers) -> str:
    response = client.get(path, **headers)
    return html_without_csrf(response)


def _motion_ids():
    case = Case.objects.by_url_key(KEY).get()
    return [m.pk for m in case.motions.order_by("sort_order", "id") if m.kind in COMPARABLE_KINDS]


def _queries():
    ids = _motion_ids()
    return [
        "",
        "?skillnader=1",
        "?urval=1",
        f"?jamfor={ids[0]}&jamfor={ids[2]}",
        f"?urval=1&visa={ids[1]}&visa={ids[0]}&skillnader=1",
        "?jamfor=x&skillnader=ja",
    ]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_cached_comparison_is_the_uncached_one_byte_for_byte(reader_client, settings, language):
    for query in _queries():
        first = _html(reader_client, URL + query, HTTP_ACCEPT_LANGUAGE=language)
        stored = stored_fragments()
        assert _html(reader_client, URL + query, HTTP_ACCEPT_LANGUAGE=language) == first
        assert stored_fragments() == stored  # the second visit was answered from the fragment
        settings.FRAGMENT_CACHE = False
        assert _html(reader_client, URL + query, HTTP_ACCEPT_LANGUAGE=language) == first
        settings.FRAGMENT_CACHE = True
    assert stored_fragments() == len(_queries())


def test_the_cached_comparison_costs_no_queries_of_its_own(reader_client, django_assert_max_num_queries):
    _html(reader_client)
    # Session, user, the content version and the case itself (its 404 and the page title).
    with django_assert_max_num_queries(4):
        _html(reader_client)


def test_the_fragment_holds_nothing_of_the_reader(reader_client, secretariat):
    from django.test import Client

    secretariat_client = Client()
    secretariat_client.force_login(secretariat)  # before any render: a login is a write (last_login)
    as_reader = _html(reader_client)
    assert "lasaren" in as_reader
    as_secretariat = _html(secretariat_client)
    assert stored_fragments() == 1  # the same fragment
    assert "lasaren" not in as_secretariat and "sekretariatet" in as_secretariat
    # Only the header differs: the secretariat's link and the name of who is logged in.
    body = re.compile(r'<main id="main".*</main>', re.S)
    assert body.search(as_secretariat).group(0) == body.search(as_reader).group(0)


def _point():
    case = Case.objects.by_url_key(KEY).get()
    motion = case.motions.filter(full_text_available=True).order_by("sort_order").first()
    return motion.points.order_by("number").first()


def _writes(text):
    return ways_of_writing("text", text)


@pytest.mark.parametrize("way", ["save", "update", "raw-sql"])
def test_every_way_of_writing_a_motion_point_shows_at_once(reader_client, way):
    point = _point()
    assert "jamforelsebrytare" not in _html(reader_client)
    _writes("Nytt ord: jamforelsebrytare.")[way](point)
    assert "jamforelsebrytare" in _html(reader_client)


def test_a_bulk_created_point_and_a_renamed_party_show_at_once(reader_client):
    point = _point()
    before = _html(reader_client)
    DecisionPoint.objects.bulk_create(
        [DecisionPoint(motion=point.motion, number=99, text="Helt ny punkt om massinsatta lekplatser.")]
    )
    assert "massinsatta lekplatser" in _html(reader_client) and "massinsatta lekplatser" not in before
    party = Party.objects.filter(motions__case__case_number=KEY).order_by("id").first()
    assert f">{party.abbreviation}</abbr>" in before
    Party.objects.filter(pk=party.pk).update(abbreviation="XQ", name="Omdöpta partiet")
    renamed = _html(reader_client)
    assert ">XQ</abbr>" in renamed and 'title="Omdöpta partiet"' in renamed


def test_a_changed_cost_estimate_shows_at_once(reader_client, settings):
    estimate = CostEstimate.objects.filter(decision_point__proposal__case__case_number=KEY).order_by("id").first()
    assert estimate is not None
    before = _html(reader_client)
    CostEstimate.objects.filter(pk=estimate.pk).update(amount_kr=987_600_000, recurrence="one_off")
    after = _html(reader_client)
    assert after != before
    settings.FRAGMENT_CACHE = False
    assert _html(reader_client) == after


def test_each_query_and_language_has_its_own_fragment(reader_client):
    swedish = _html(reader_client)
    assert _html(reader_client, URL + "?skillnader=1") != swedish
    assert stored_fragments() == 2
    english = _html(reader_client, HTTP_ACCEPT_LANGUAGE="en")
    assert english != swedish and stored_fragments() == 3
    # The same case under its dnr has its own entry, with the links it was asked under.
    dnr = Case.objects.by_url_key(KEY).get().dnr.replace("/", "-")
    assert _html(reader_client, f"/arenden/{dnr}/jamfor/") and stored_fragments() == 4


def test_without_a_content_version_nothing_is_cached(reader_client, monkeypatch):
    import motions.comparison_views

    monkeypatch.setattr(motions.comparison_views, "request_content_version", lambda request, *tables: None)
    first = _html(reader_client)
    assert stored_fragments() == 0
    assert _html(reader_client) == first


def test_an_unknown_case_is_still_a_404(reader_client):
    _html(reader_client)
    response = reader_client.get("/arenden/SLK-1999-99999/jamfor/")
    assert response.status_code == 404


@pytest.mark.parametrize("path", [URL, f"/arenden/{KEY}/", f"/budget/arenden/{KEY}/"])
def test_a_page_built_afresh_aligns_the_case_once_for_itself_and_its_costs(reader_client, settings, monkeypatch, path):
    import motions.comparison

    calls = []
    align = motions.comparison._align_case  # noqa: SLF001 - counted, not replaced

    def counted(case, **kwargs):
        calls.append(case.pk)
        return align(case, **kwargs)

    monkeypatch.setattr(motions.comparison, "_align_case", counted)
    settings.FRAGMENT_CACHE = False
    _html(reader_client, path)
    assert len(calls) == 1
    # Motions chosen by the reader are aligned on their own; the costs keep the full alignment.
    calls.clear()
    first, second = _motion_ids()[:2]
    if path == URL:
        _html(reader_client, f"{URL}?urval=1&visa={first}&visa={second}")
        assert len(calls) == 2
