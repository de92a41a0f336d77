"""The search page: one field across assignments, cases, motions and decision points, with filters.

Runs on SQLite (word matching) and PostgreSQL (full-text search with the swedish configuration);
the stemming tests only on PostgreSQL.
"""

import pytest
from django.db import connection

from assignments.models import Assignment, Board, Responsibility
from motions.models import Case, DecisionPoint, Motion, Party
from search.queries import SearchParams, python_snippet, search

postgres_only = pytest.mark.skipif("connection.vendor != 'postgresql'", reason="full-text search is PostgreSQL's")


def _html(client, **params):
    response = client.get("/sok/", params)
    assert response.status_code == 200
    return response.content.decode()


def test_empty_page_shows_the_form_with_labels(client, db):
    html = _html(client)
    assert 'role="search"' in html
    assert '<label for="id_q">' in html
    assert "Resultat" not in html


def test_finds_an_assignment_by_a_word_and_marks_it(client, real_data):
    results = search(SearchParams(q="kollektivavtal"))
    assignments = [hit for hit in results.hits if hit.kind == "uppdrag"]
    assert [hit.reference for hit in assignments] == ["1443/22"]
    assert "<mark>" in str(assignments[0].snippet).lower()
    html = _html(client, q="kollektivavtal")
    assert "1443/22" in html and "<mark>" in html


def test_finds_a_case_by_its_case_number_and_by_a_title_word(client, real_data):
    by_number = search(SearchParams(q="SLK-2022-00921", kind="arenden"))
    assert [hit.reference for hit in by_number.hits] == ["SLK-2022-00921"]
    by_word = search(SearchParams(q="prostitution", kind="arenden"))
    assert "SLK-2022-00921" in [hit.reference for hit in by_word.hits]
    assert set(by_word.counts) == {"arenden"}


def test_every_kind_is_found(real_data):
    results = search(SearchParams(q="prostitution"))
    assert results.counts["arenden"] >= 1
    assert results.counts["yrkanden"] >= 1
    assert results.counts["beslutspunkter"] >= 1
    motion_hit = next(hit for hit in results.hits if hit.kind == "yrkanden")
    assert motion_hit.url.startswith("/arenden/") and "#yrkande-" in motion_hit.url


def test_board_filter(real_data):
    responsibility = Responsibility.objects.select_related("assignment", "board").order_by("id").first()
    word = max(responsibility.assignment.text.split(), key=len).strip(".,")
    other = Board.objects.exclude(responsibilities__assignment=responsibility.assignment).order_by("id").first()
    found = search(SearchParams(q=word, kind="uppdrag", board=responsibility.board))
    assert responsibility.assignment.dnr in [hit.reference for hit in found.hits]
    assert search(SearchParams(q=word, kind="uppdrag", board=other)).counts["uppdrag"] == 0


def test_party_filter_keeps_only_that_partys_motions(real_data):
    motion = Motion.objects.filter(parties__isnull=False).order_by("id").first()
    party = motion.parties.order_by("id").first()
    absent = Party.objects.exclude(motions=motion).exclude(motions__case=motion.case).order_by("id").first()
    word = "Delårsrapport"
    found = search(SearchParams(q=word, kind="yrkanden", party=party))
    assert found.counts["yrkanden"] >= 1
    assert all(party.abbreviation in hit.parties for hit in found.hits)
    assert search(SearchParams(q=word, kind="yrkanden", party=absent)).counts["yrkanden"] == 0
    assert "uppdrag" not in search(SearchParams(q=word, party=party)).counts


def test_year_filter(real_data):
    assert search(SearchParams(q="kollektivavtal", kind="uppdrag", year=2023)).counts["uppdrag"] == 1
    assert search(SearchParams(q="kollektivavtal", kind="uppdrag", year=2019)).counts["uppdrag"] == 0


def test_bad_filters_get_swedish_messages_and_keep_the_query(client, real_data):
    html = _html(client, q="kollektivavtal", ar="tjugo", namnd="finns-inte")
    assert "Skriv året med fyra siffror" in html
    assert "Välj en nämnd i listan." in html
    assert 'value="kollektivavtal"' in html
    assert "1443/22" not in html


def test_text_of_records_cannot_inject_markup(client, real_data):
    assignment = Assignment.objects.order_by("id").first()
    assignment.text = "Uppdrag om <script>alert(1)</script> zebrakorsningar"
    assignment.save()
    html = _html(client, q="zebrakorsningar")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_python_snippet_escapes_and_marks():
    snippet = python_snippet("a < b och " + "x " * 200 + "Uppdraget slut", ["uppdraget"])
    assert "<mark>Uppdraget</mark>" in snippet
    assert snippet.startswith("… ")
    assert "&lt;" not in snippet  # the start was cut away
    assert str(python_snippet("a < b", ["b"])) == "a &lt; <mark>b</mark>"


def test_query_count_does_not_grow_with_the_hits(client, real_data, django_assert_max_num_queries):
    # 18: two of them name the motion hits as the case page does (motions.naming.names_by_id).
    with django_assert_max_num_queries(18):
        _html(client, q="uppdrag")
    with django_assert_max_num_queries(18):
        _html(client, q="kommunstyrelsen")


@postgres_only
def test_swedish_stemming_finds_inflected_forms(real_data):
    assert connection.vendor == "postgresql"
    hits = search(SearchParams(q="kollektivavtalen", kind="uppdrag")).hits
    assert [hit.reference for hit in hits] == ["1443/22"]
    assert (
        search(SearchParams(q="uppdragen", kind="uppdrag")).counts["uppdrag"]
        == Assignment.objects.filter(text__icontains="uppdrag").count()
    )


@postgres_only
def test_results_are_ranked(real_data):
    hits = search(SearchParams(q="prostitution människohandel")).hits
    assert len(hits) >= 2
    ranks = [hit.rank for hit in hits]
    assert ranks == sorted(ranks, reverse=True)
    assert ranks[0] > 0


def test_decision_points_link_to_their_case(real_data):
    point = DecisionPoint.objects.filter(proposal__isnull=False).select_related("proposal__case").first()
    word = max(point.text.split(), key=len).strip(".,;:")
    hits = search(SearchParams(q=word, kind="beslutspunkter")).hits
    case = Case.objects.get(pk=point.proposal.case_id)
    assert any(hit.url == case.get_absolute_url() and hit.title.startswith(f"Punkt {point.number}") for hit in hits)


@postgres_only
@pytest.mark.parametrize(
    ("kind", "index"),
    [
        ("uppdrag", "assignments_assignment_search_sv"),
        ("arenden", "motions_case_search_sv"),
        ("yrkanden", "motions_motion_search_sv"),
        ("beslutspunkter", "motions_decisionpoint_search_sv"),
    ],
)
def test_full_text_queries_are_answered_from_the_gin_indexes(real_data, kind, index):
    """The stored vectors (search_indexes migration 0002) are what the search queries, through their index."""
    from search.queries import SEARCHERS

    queryset = SEARCHERS[kind].matching(SearchParams(q="trygghet")).order_by()
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert index in plan, plan


def test_very_common_words_are_capped_and_said_so(client, real_data, monkeypatch):
    from search import queries as search_module

    monkeypatch.setattr(search_module, "RANK_CANDIDATES", 2)
    results = search(SearchParams(q="prostitution", kind="beslutspunkter"))
    assert results.capped == {"beslutspunkter"}
    assert results.counts == {"beslutspunkter": 2}
    assert 1 <= len(results.hits) <= 50
    html = _html(client, q="prostitution", typ="beslutspunkter")
    assert "Fler än 2 träffar" in html and "fler än 2" in html


@postgres_only
def test_stored_vectors_follow_every_insert_and_update(real_data):
    """The generated column is PostgreSQL's to keep current: no code path can leave it stale."""
    assignment = Assignment.objects.order_by("id").first()
    assert not search(SearchParams(q="cykelbanorna", kind="uppdrag")).hits
    Assignment.objects.filter(pk=assignment.pk).update(text="Bygg ut cykelbanor längs älven.")
    assert [hit.reference for hit in search(SearchParams(q="cykelbanorna", kind="uppdrag")).hits] == [assignment.dnr]
    Assignment.objects.filter(pk=assignment.pk).update(text="Något helt annat.")
    assert not search(SearchParams(q="cykelbanorna", kind="uppdrag")).hits


@postgres_only
def test_capped_ranking_reads_each_candidates_own_vector(real_data, monkeypatch):
    """The capped path ranks inside a subquery (table aliased U0): every hit must itself match."""
    from search import queries as search_module

    monkeypatch.setattr(search_module, "RANK_CANDIDATES", 2)
    results = search(SearchParams(q="prostitution", kind="beslutspunkter"))
    assert 1 <= len(results.hits) <= 2  # only the two candidates are ranked, not every match
    for hit in results.hits:
        assert "<mark>" in str(hit.snippet).lower()


def test_stored_text_cannot_steer_the_highlighting(real_data):
    """A point whose text holds the private-use characters once used as ts_headline's markers gets
    exactly the highlights of the query's words, balanced, and nothing else marked."""
    assignment = Assignment.objects.get(dnr="1443/22")
    assignment.text = "\ue000Inte markerad\ue001 text om trygghet \ue000 och \ue001 mer"
    assignment.save()
    results = search(SearchParams(q="trygghet", kind="uppdrag"))
    hit = next(hit for hit in results.hits if hit.reference == "1443/22")
    snippet = str(hit.snippet)
    assert snippet.count("<mark>") == snippet.count("</mark>") >= 1
    assert "<mark>Inte" not in snippet
    assert all(part.lower().startswith("trygg") for part in snippet.split("<mark>")[1:])
