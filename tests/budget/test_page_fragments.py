"""The cost pages' bodies (the case page's cost section, a case's costs, a board's economy) come from
{% fragment_cache %} keyed by the content version: they show exactly what an uncached render shows,
and never a stale figure, whichever way an estimate or a board is written (ORM save, update(),
bulk_create, raw SQL, a rename) — as tests/core/test_fragments.py checks for the assignment list."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assignments import roles
from assignments.models import Board
from budget.models import CostEstimate
from motions.models import Case, DecisionPoint
from tests.fragment_checks import html_without_csrf, stored_fragments

CASE = "SLK-2022-00921"
PAGES = {
    "case": f"/arenden/{CASE}/",
    "case_costs": f"/budget/arenden/{CASE}/",
    "board": "/budget/namnder/grundskolenamnden/",
}

pytestmark = pytest.mark.django_db

# The rows of budget/board.html's estimates table before {% board_estimate_rows %} replaced them.
OLD_BOARD_ROWS = """{% load i18n swedish %}    {% for case, estimates in costs.cases %}
      {% for estimate in estimates %}
      <tr>
        {% if forloop.first %}<th scope="row" rowspan="{{ estimates|length }}">{% if case %}<a href="{% url 'budget:case' case.url_key %}"><span class="identifier">{{ case.reference }}</span></a>{% else %}{% translate "Uppdrag" %}{% endif %}</th>{% endif %}
        <td>{% if estimate.decision_point %}{% if estimate.source == "motion" %}{% translate "yrkande" %}{% else %}{% translate "tjänsteutlåtande" %}{% endif %}, {% translate "punkt" %} {{ estimate.decision_point.printed_label }}{% elif estimate.assignment %}{{ estimate.assignment.dnr }}{% endif %}</td>
        <td class="num">{% if estimate.amount_kr is None %}<span class="flag">{% translate "belopp saknas" %}</span>{% else %}{{ estimate.amount_kr|kronor:"mnkr" }}{% endif %}</td>
        <td>{{ estimate.get_recurrence_display|default:"–" }}</td>
        <td class="identifier">{% if estimate.first_year %}{{ estimate.first_year }}{% if estimate.last_year and estimate.last_year != estimate.first_year %}–{{ estimate.last_year }}{% endif %}{% else %}–{% endif %}</td>
        <td>{{ estimate.get_financing_display }}</td>
        <td>{% if estimate.adopted %}{% translate "Ja" %}{% else %}{% translate "Nej" %}{% endif %}</td>
      </tr>
      {% endfor %}
    {% endfor %}
"""  # noqa: E501


def _html(client, path, **headers) -> str:
    response = client.get(path, **headers)
    return html_without_csrf(response)


def _uncached(client, path, settings, **headers) -> str:
    settings.FRAGMENT_CACHE = False
    try:
        return _html(client, path, **headers)
    finally:
        settings.FRAGMENT_CACHE = True


@pytest.fixture
def secretariat_client(client, real_data, secretariat):
    client.force_login(secretariat)
    return client


def _estimate() -> CostEstimate:
    """An estimate the three pages all show: of the case's proposal, borne by grundskolenämnden."""
    case = Case.objects.get(case_number=CASE)
    return (
        CostEstimate.objects.filter(
            decision_point__proposal__case=case, board__slug="grundskolenamnden", amount_kr__isnull=False
        )
        .order_by("id")
        .first()
    )


@pytest.mark.parametrize("page", PAGES)
def test_a_second_visit_is_served_from_the_fragment_and_shows_the_same(secretariat_client, settings, page):
    first = _html(secretariat_client, PAGES[page])
    assert stored_fragments() == 1
    assert _html(secretariat_client, PAGES[page]) == first
    assert _uncached(secretariat_client, PAGES[page], settings) == first


@pytest.mark.parametrize("page", PAGES)
def test_the_cached_body_reads_no_costs(secretariat_client, page):
    _html(secretariat_client, PAGES[page])
    with CaptureQueriesContext(connection) as queries:
        _html(secretariat_client, PAGES[page])
    read = " ".join(query["sql"] for query in queries.captured_queries)
    assert "budget_costestimate" not in read and "motions_decisionpoint" not in read


def _writes():
    amount = 987_650_000  # 987,7 mnkr: in every sum the pages show

    def bulk(estimate):
        copy = CostEstimate.objects.get(pk=estimate.pk)
        copy.pk = None
        copy.amount_kr = amount
        CostEstimate.objects.bulk_create([copy])

    return {
        "save": lambda e: (setattr(e, "amount_kr", amount), e.save()),
        "update": lambda e: CostEstimate.objects.filter(pk=e.pk).update(amount_kr=amount),
        "bulk_create": bulk,
        "raw-sql": lambda e: connection.cursor().execute(
            "UPDATE budget_costestimate SET amount_kr = %s WHERE id = %s", [amount, e.pk]
        ),
    }


@pytest.mark.parametrize("way", ["save", "update", "bulk_create", "raw-sql"])
@pytest.mark.parametrize("page", PAGES)
def test_every_way_of_writing_an_estimate_shows_at_once(secretariat_client, settings, page, way):
    before = _html(secretariat_client, PAGES[page])
    _writes()[way](_estimate())
    after = _html(secretariat_client, PAGES[page])
    assert after != before
    assert after == _uncached(secretariat_client, PAGES[page], settings)


@pytest.mark.parametrize("page", ["case_costs", "board"])
def test_a_board_renamed_elsewhere_shows_at_once(secretariat_client, page):
    before = _html(secretariat_client, PAGES[page])
    Board.objects.filter(slug="grundskolenamnden").update(name="Omdöpta skolnämnden")
    after = _html(secretariat_client, PAGES[page])
    assert "Omdöpta skolnämnden" in after and "Omdöpta skolnämnden" not in before


@pytest.mark.parametrize("page", ["case_costs", "board"])
def test_each_role_and_language_gets_its_own_fragment(client, real_data, make_user, settings, page):
    """The case's cost page shows editing links to who may estimate costs; neither role gets the other's."""
    board = Board.objects.get(slug="grundskolenamnden")
    users = {
        "secretariat": make_user("sekr", roles.SECRETARIAT),
        "officer": make_user("handl", roles.OFFICER, boards=[board]),
        "reader": make_user("lasare", roles.READER),
    }
    seen = {}
    for name, user in users.items():
        client.force_login(user)
        for language in ("sv", "en"):
            cached = _html(client, PAGES[page], HTTP_ACCEPT_LANGUAGE=language)
            assert _html(client, PAGES[page], HTTP_ACCEPT_LANGUAGE=language) == cached
            assert _uncached(client, PAGES[page], settings, HTTP_ACCEPT_LANGUAGE=language) == cached
            seen[name, language] = cached
    if page == "case_costs":
        assert "/punkter/" in seen["secretariat", "sv"] and "/punkter/" not in seen["reader", "sv"]
    assert seen["reader", "sv"] != seen["reader", "en"]


def test_each_page_of_a_boards_estimates_has_its_own_fragment(secretariat_client, settings):
    board = Board.objects.get(slug="grundskolenamnden")
    estimate = _estimate()
    copies = []
    for index in range(60):  # more than one page of 50
        copy = CostEstimate.objects.get(pk=estimate.pk)
        copy.pk, copy.note = None, f"kopia {index}"
        copies.append(copy)
    CostEstimate.objects.bulk_create(copies)
    assert CostEstimate.objects.filter(board=board).count() > 50
    first = _html(secretariat_client, PAGES["board"])
    second = _html(secretariat_client, PAGES["board"] + "?sida=2")
    assert first != second and 'rel="prev"' in second and 'rel="prev"' not in first
    assert _html(secretariat_client, PAGES["board"] + "?sida=2") == second
    assert _uncached(secretariat_client, PAGES["board"] + "?sida=2", settings) == second


def test_without_a_content_version_nothing_is_cached(secretariat_client, monkeypatch):
    import budget.views
    import motions.views

    monkeypatch.setattr(budget.views, "request_content_version", lambda request, *tables: None)
    monkeypatch.setattr(motions.views, "request_content_version", lambda request, *tables: None)
    for path in PAGES.values():
        first = _html(secretariat_client, path)
        assert _html(secretariat_client, path) == first
    assert stored_fragments() == 0


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_board_rows_tag_writes_what_the_template_block_wrote(real_data, language):
    from django.template import Context, Template
    from django.utils import translation

    from assignments.models import Assignment
    from budget.selectors import board_costs

    board = Board.objects.get(slug="grundskolenamnden")
    estimate = _estimate()
    # Every branch: an assignment's estimate (no case), no amount, no year, a range, a motion's point.
    variants = [
        {"decision_point": None, "assignment": Assignment.objects.order_by("id").first(), "note": "<&>"},
        {"amount_kr": None, "recurrence": ""},
        {"first_year": None, "last_year": None},
        {"first_year": 2030, "last_year": 2033, "recurrence": "yearly"},
        {"decision_point": DecisionPoint.objects.filter(motion__case__case_number=CASE).order_by("id").first()},
    ]
    copies = []
    for changes in variants:
        copy = CostEstimate.objects.get(pk=estimate.pk)
        copy.pk = None
        for field, value in changes.items():
            setattr(copy, field, value)
        copies.append(copy)
    CostEstimate.objects.bulk_create(copies)
    with translation.override(language):
        costs = board_costs(board, per_page=500)
        assert any(case is None for case, _rows in costs.cases)
        old = Template(OLD_BOARD_ROWS).render(Context({"costs": costs}))
        new = Template("{% load budget_tags %}    {% board_estimate_rows costs.cases %}\n").render(
            Context({"costs": costs})
        )
    assert new == old
    assert '<span class="flag">' in new and 'rowspan="' in new and "–2033" in new
