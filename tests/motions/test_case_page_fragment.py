"""The case page's body comes from {% fragment_cache %} keyed by the content version, the case, the
language, the day and what the role may do: it shows exactly what an uncached render shows, and
never a stale row, whichever way a point, a motion or a party is written (ORM save, update(),
bulk_create, raw SQL, a rename). The cost section's figures: tests/budget/test_page_fragments.py."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from motions.models import Case, DecisionPoint, Party
from tests.fragment_checks import html_without_csrf, stored_fragments

CASE = "SLK-2022-00921"
URL = f"/arenden/{CASE}/"

pytestmark = pytest.mark.django_db


def _html(client, path=URL, **headers) -> str:
    response = client.get(path, **headers)
    return html_without_csrf(response)


def _uncached(client, settings, **headers) -> str:
    settings.FRAGMENT_CACHE = False
    try:
        return _html(client, **headers)
    finally:
        settings.FRAGMENT_CACHE = True


@pytest.fixture
def reader_client(client, real_data, reader):
    client.force_login(reader)
    return client


def _point() -> DecisionPoint:
    return DecisionPoint.objects.filter(proposal__case__case_number=CASE).order_by("number").first()


def test_a_second_visit_is_served_from_the_fragment_and_reads_nothing_of_the_case(reader_client, settings):
    first = _html(reader_client)
    assert stored_fragments() == 1
    with CaptureQueriesContext(connection) as queries:
        assert _html(reader_client) == first
    read = " ".join(query["sql"] for query in queries.captured_queries)
    assert "motions_motion" not in read and "motions_decisionpoint" not in read and "motions_decision" not in read
    assert _uncached(reader_client, settings) == first


def _writes(text):
    def bulk(point):
        DecisionPoint.objects.bulk_create([DecisionPoint(proposal=point.proposal, number=99, text=text)])

    return {
        "save": lambda p: (setattr(p, "text", text), p.save()),
        "update": lambda p: DecisionPoint.objects.filter(pk=p.pk).update(text=text),
        "bulk_create": bulk,
        "raw-sql": lambda p: connection.cursor().execute(
            "UPDATE motions_decisionpoint SET text = %s WHERE id = %s", [text, p.pk]
        ),
    }


@pytest.mark.parametrize("way", ["save", "update", "bulk_create", "raw-sql"])
def test_every_way_of_writing_a_point_shows_at_once(reader_client, settings, way):
    before = _html(reader_client)
    _writes("Ett nytt ord: fragmentbrytare.")[way](_point())
    after = _html(reader_client)
    assert "fragmentbrytare" in after and "fragmentbrytare" not in before
    assert after == _uncached(reader_client, settings)


def test_a_party_renamed_elsewhere_shows_at_once(reader_client):
    case = Case.objects.get(case_number=CASE)
    party = Party.objects.filter(motions__case=case).order_by("id").first()
    before = _html(reader_client)
    Party.objects.filter(pk=party.pk).update(abbreviation="OMD")
    after = _html(reader_client)
    assert ">OMD</abbr>" in after and ">OMD</abbr>" not in before


def test_a_case_renamed_shows_at_once(reader_client):
    before = _html(reader_client)
    Case.objects.filter(case_number=CASE).update(title="Ett omdöpt ärende")
    after = _html(reader_client)
    assert "<h1>Ett omdöpt ärende</h1>" in after and "Ett omdöpt ärende" not in before


def test_each_role_and_language_gets_its_own_fragment(client, real_data, secretariat, reader, settings):
    """The secretariat sees the import and attachment links; a reader never gets its cached body."""
    seen = {}
    for user in (secretariat, reader):
        client.force_login(user)
        for language in ("sv", "en"):
            cached = _html(client, HTTP_ACCEPT_LANGUAGE=language)
            assert _html(client, HTTP_ACCEPT_LANGUAGE=language) == cached
            assert _uncached(client, settings, HTTP_ACCEPT_LANGUAGE=language) == cached
            seen[user.username, language] = cached
    assert stored_fragments() == 4
    importing = reverse("motions:motion_import", args=[CASE])
    assert importing in seen[secretariat.username, "sv"] and importing not in seen[reader.username, "sv"]
    assert "Lägg till bilaga" in seen[secretariat.username, "sv"]
    assert "Lägg till bilaga" not in seen[reader.username, "sv"]
    assert seen[reader.username, "sv"] != seen[reader.username, "en"]


def test_each_day_has_its_own_fragment(reader_client, monkeypatch):
    import datetime

    from django.utils import timezone

    _html(reader_client)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    _html(reader_client)
    assert stored_fragments() == 2


def test_without_a_content_version_nothing_is_cached(reader_client, monkeypatch):
    import motions.views

    monkeypatch.setattr(motions.views, "request_content_version", lambda request, *tables: None)
    first = _html(reader_client)
    assert _html(reader_client) == first
    assert stored_fragments() == 0
