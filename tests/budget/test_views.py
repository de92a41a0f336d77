"""Budget pages: public reading, editing per role, exact amounts saved, warnings shown, constant queries."""

import pytest
from django.template import Context, Template

from assignments import roles
from assignments.models import Board
from budget.models import CentralItem, CostEstimate, FinancialStatement
from motions.models import Case

STATEMENT_URL = "/budget/namnder/kommunstyrelsen/2023/augusti/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/budget/",
        "/budget/arenden/SLK-2022-00921/",
        "/budget/arenden/0064-23/",
        "/budget/namnder/socialnamnden-centrum/",
        STATEMENT_URL,
    ],
)
def test_public_pages_need_no_login(client, real_data, url):
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_unknown_case_board_and_period_are_404(client, real_data):
    assert client.get("/budget/arenden/SLK-1999-00001/").status_code == 404
    assert client.get("/budget/namnder/finns-inte/").status_code == 404
    assert client.get("/budget/namnder/kommunstyrelsen/2023/juni/").status_code == 404


@pytest.mark.django_db
def test_case_page_shows_costs_in_swedish_format_and_the_tu_classes(client, real_data):
    html = client.get("/budget/arenden/SLK-2022-00921/").content.decode()
    assert "Inom budgetram 2024" in html
    assert "Begränsad omfattning inom budgetram 2024" in html
    assert "budgetprocessen 2025–2027" in html
    assert "1,1\u00a0mnkr" in html and "0,6\u00a0mnkr" in html
    assert "Grundskolenämnden" in html and "Socialnämnden Hisingen" in html
    assert "okänd (text saknas)" in html


@pytest.mark.django_db
def test_statement_page_shows_the_seed_warnings_the_chart_and_the_tables(client, real_data):
    html = client.get(STATEMENT_URL).content.decode()
    # 21 in the table (two of them Övrig verksamhet's printed avvikelse), 2 against section 3.2.1.
    assert "Kontroll: 23 varningar" in html
    assert "Övrig verksamhet: Intäkter avvikelse är 1,8\u00a0mnkr men utfall − budget är \u22122,0\u00a0mnkr" in html
    assert "Kontroll: 3 varningar" in html  # 3.2.1: one sum, two figures printed differently in 4.3
    assert "Politisk verksamhet: Kostnader byter tecken" in html
    assert "SLK: Resultat fg prognos är 0,0\u00a0mnkr men raderna summerar till \u22120,5\u00a0mnkr" in html
    assert "Summa prognos helår är 43,73\u00a0mnkr men delraderna summerar till 43,53\u00a0mnkr" in html
    # Avvikelse as printed: Kommuninterna bidrag −7,1 (35,2 − 42,4 would be −7,2), none computed.
    assert "\u22127,1" in html and "\u22127,2" not in html
    assert "computed-mark" not in html
    # One chart per group of rows: 3.2.1 has one group, 4.3 six.
    assert html.count("<svg") == 7 and 'role="img"' in html
    assert "Bemanning, Utfall perioden: \u22120,42\u00a0mnkr" in html
    assert "13\u00a0400" in html  # central items in tkr
    assert "33\u00a0633" in html  # their computed sum


def _roles(make_user):
    ks = Board.objects.get(slug="kommunstyrelsen")
    gsn = Board.objects.get(slug="grundskolenamnden")
    return {
        "sekretariat": make_user("sek", roles.SECRETARIAT),
        "own_officer": make_user("ks_handl", roles.OFFICER, boards=[ks, gsn]),
        "other_officer": make_user("annan_handl", roles.OFFICER, boards=[Board.objects.get(slug="utbildningsnamnden")]),
        "politiker": make_user("pol", roles.POLITICIAN),
        "läsare": make_user("las", roles.READER),
    }


@pytest.mark.django_db
def test_statement_editing_per_role(client, real_data, make_user):
    users = _roles(make_user)
    statement = FinancialStatement.objects.get(section="3.2.1")
    url = f"/budget/redovisningar/{statement.pk}/andra/"
    response = client.get(url)
    assert response.status_code == 302 and "/logga-in/" in response["Location"]
    expected = {"sekretariat": 200, "own_officer": 200, "other_officer": 403, "politiker": 403, "läsare": 403}
    for name, status in expected.items():
        client.force_login(users[name])
        assert client.get(url).status_code == status, name
        page = client.get(STATEMENT_URL).content.decode()
        assert (url in page) == (status == 200), name


def _post_lines(client, statement, rows):
    data = {
        "rader-TOTAL_FORMS": str(len(rows)),
        "rader-INITIAL_FORMS": "0",
        "rader-MIN_NUM_FORMS": "0",
        "rader-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"rader-{index}-{key}"] = value
    return client.post(f"/budget/redovisningar/{statement.pk}/andra/", data)


@pytest.mark.django_db
def test_statement_rows_are_saved_exactly_and_an_empty_avvikelse_is_computed(client, real_data, make_user):
    client.force_login(_roles(make_user)["own_officer"])
    statement = FinancialStatement.objects.get(section="3.2.1")
    rows = [
        {"label": "Intäkter", "kind": "intakter", "utfall": "76,7", "budget": "76,5", "avvikelse": "0,2"},
        {"label": "Kostnader", "kind": "kostnader", "utfall": "−343,2", "budget": "-370,7", "prognos": "1,15 mnkr"},
        {"group": "Insatsområden", "label": "Bemanning", "kind": "subrow", "utfall": "-0,42", "budget": "13 400 tkr"},
        {"label": "", "kind": "", "utfall": ""},
    ]
    response = _post_lines(client, statement, rows)
    assert response.status_code == 302
    lines = list(statement.lines.order_by("position"))
    assert [(ln.label, ln.utfall, ln.budget) for ln in lines] == [
        ("Intäkter", 76_700_000, 76_500_000),
        ("Kostnader", -343_200_000, -370_700_000),
        ("Bemanning", -420_000, 13_400_000),
    ]
    assert lines[1].prognos == 1_150_000
    assert lines[0].avvikelse == 200_000  # typed in, as the document prints it
    assert lines[1].avvikelse is None and lines[1].avvikelse_computed == 27_500_000
    page = client.get(STATEMENT_URL).content.decode()
    # The computed one is shown, marked as computed.
    assert '27,5<abbr class="computed-mark" title="beräknad som utfall − budget">*</abbr>' in page
    assert lines[2].group == "Insatsområden"
    assert lines[0].history.first().history_user.username == "ks_handl"


@pytest.mark.django_db
def test_nonsense_in_a_statement_is_refused_on_the_field_and_nothing_is_lost(client, real_data, secretariat):
    client.force_login(secretariat)
    statement = FinancialStatement.objects.get(section="3.2.1")
    before = list(statement.lines.values_list("label", "utfall"))
    rows = [
        {"label": "Intäkter", "kind": "intakter", "utfall": "76,7"},
        {"label": "Kostnader", "kind": "kostnader", "utfall": "0,0001 kr", "budget": "tjugo"},
    ]
    response = _post_lines(client, statement, rows)
    assert response.status_code == 200
    html = response.content.decode()
    assert "inte ett helt antal kronor" in html and "är inte ett belopp" in html
    assert 'value="tjugo"' in html and 'value="76,7"' in html
    assert list(statement.lines.values_list("label", "utfall")) == before


@pytest.mark.django_db
def test_central_items_are_edited_in_tkr(client, real_data, secretariat):
    client.force_login(secretariat)
    url = "/budget/namnder/kommunstyrelsen/2023/augusti/kommuncentrala-poster/"
    page = client.get(url).content.decode()
    assert 'value="13 400"' in page
    data = {
        "poster-TOTAL_FORMS": "2",
        "poster-INITIAL_FORMS": "0",
        "poster-MIN_NUM_FORMS": "0",
        "poster-MAX_NUM_FORMS": "1000",
    }
    data.update(
        {
            "poster-0-label": "Kommuner mot brott",
            "poster-0-utfall": "0",
            "poster-0-prognos": "6 100",
            "poster-0-budget": "6,1 mnkr",
        }
    )
    data.update({"poster-1-label": "Ny post", "poster-1-utfall": "233"})
    assert client.post(url, data).status_code == 302
    items = list(CentralItem.objects.order_by("position").values_list("label", "utfall", "prognos", "budget"))
    assert items == [("Kommuner mot brott", 0, 6_100_000, 6_100_000), ("Ny post", 233_000, None, None)]


@pytest.mark.django_db
def test_cost_estimates_are_entered_per_point_by_the_right_roles(client, real_data, make_user):
    users = _roles(make_user)
    case = Case.objects.get(case_number="SLK-2022-00921")
    point = case.proposals.get().points.get(number=5)
    url = f"/budget/arenden/SLK-2022-00921/punkter/{point.pk}/"
    assert client.get(url).status_code == 302
    for name in ("politiker", "läsare"):
        client.force_login(users[name])
        assert client.get(url).status_code == 403
    gsn = Board.objects.get(slug="grundskolenamnden")
    ubn = Board.objects.get(slug="utbildningsnamnden")
    data = {
        "board": gsn.pk,
        "amount": "1,1 mnkr",
        "recurrence": "one_off",
        "first_year": "2025",
        "financing": "limited_within_frame",
        "note": "uppräknat utifrån budget 2023 och 2024",
    }
    client.force_login(users["other_officer"])
    response = client.post(url, data)
    assert response.status_code == 200 and "board" in response.context["form"].errors
    assert not point.cost_estimates.exists()
    client.force_login(users["own_officer"])
    assert client.post(url, data).status_code == 302
    estimate = point.cost_estimates.get()
    assert estimate.amount_kr == 1_100_000 and estimate.board == gsn
    assert estimate.history.first().history_user.username == "ks_handl"
    edit = f"/budget/kostnader/{estimate.pk}/"
    client.force_login(users["other_officer"])
    assert client.post(edit, {**data, "board": ubn.pk}).status_code == 403
    client.force_login(users["sekretariat"])
    assert client.post(edit, {**data, "amount": "0,0001 kr"}).status_code == 200
    estimate.refresh_from_db()
    assert estimate.amount_kr == 1_100_000
    assert client.post(edit, {**data, "amount": "600 tkr"}).status_code == 302
    estimate.refresh_from_db()
    assert estimate.amount_kr == 600_000
    assert client.post(edit, {"ta_bort": "1"}).status_code == 302
    assert not CostEstimate.objects.filter(pk=estimate.pk).exists()


@pytest.mark.django_db
def test_a_new_statement_is_created_by_an_officer_of_the_board(client, real_data, make_user):
    users = _roles(make_user)
    url = "/budget/namnder/grundskolenamnden/2023/augusti/ny-redovisning/"
    client.force_login(users["other_officer"])
    assert client.get(url).status_code == 403
    client.force_login(users["own_officer"])
    response = client.post(url, {"section": "3.2.1", "title": "Resultatredovisning i sammandrag", "unit": "mnkr"})
    statement = FinancialStatement.objects.get(board__slug="grundskolenamnden")
    assert response["Location"] == f"/budget/redovisningar/{statement.pk}/andra/"


@pytest.mark.django_db
@pytest.mark.parametrize("size", [1, 6])
def test_case_cost_page_query_count_does_not_grow(client, build_costs, django_assert_max_num_queries, size):
    case, _boards = build_costs(points=3 * size, motions=2 * size, boards=size)
    with django_assert_max_num_queries(16):
        response = client.get(f"/budget/arenden/{case.url_key}/")
    assert response.status_code == 200
    assert response.content.decode().count('class="owner-costs"') == 1 + 2 * size


@pytest.mark.django_db
@pytest.mark.parametrize("size", [1, 6])
def test_board_page_query_count_does_not_grow(client, build_costs, django_assert_max_num_queries, size):
    for number in range(size):
        _case, boards = build_costs(points=3 * size, motions=size, boards=1, number=number + 1)
    with django_assert_max_num_queries(8):
        response = client.get(f"/budget/namnder/{boards[0].slug}/")
    assert response.status_code == 200
    assert response.content.decode().count("<tr") > min(3 * size * size, 50)  # the table shows 50 a page


@pytest.mark.django_db
@pytest.mark.parametrize("size", [1, 6])
def test_the_case_pages_cost_section_runs_a_constant_number_of_queries(
    build_costs, django_assert_max_num_queries, size
):
    """The case page asks motions.costs, which the budget app answers; motions never loads budget's tags."""
    case, _boards = build_costs(points=3 * size, motions=2 * size, boards=size)
    template = Template("{% load case_costs %}{% cost_sections case %}")
    with django_assert_max_num_queries(11):
        html = template.render(Context({"case": case}))
    assert "Kostnader per förslag och yrkande" in html
    assert f"/budget/arenden/{case.url_key}/" in html
    # The case page has read what the comparison needs: only the estimates and classes are left.
    prefetched = Case.objects.with_everything().get(pk=case.pk)
    with django_assert_max_num_queries(2):
        assert template.render(Context({"case": prefetched})) == html


@pytest.mark.django_db
def test_statement_page_query_count(client, real_data, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        assert client.get(STATEMENT_URL).status_code == 200


@pytest.mark.django_db
def test_a_points_financing_class_is_set_by_the_secretariat_or_a_responsible_boards_officer(
    client, real_data, make_user
):
    from budget.models import PointFinancing

    users = _roles(make_user)
    case = Case.objects.get(case_number="SLK-2022-00921")
    point = case.proposals.get().points.get(number=1)
    point.responsible_boards.set([Board.objects.get(slug="grundskolenamnden")])
    url = f"/budget/arenden/SLK-2022-00921/punkter/{point.pk}/"
    data = {"klass": "1", "klass-financing": "extra_resources", "klass-budget_process_first_year": "2025",
            "klass-budget_process_last_year": "2027", "klass-note": "budgetförutsättningar 2025-2027"}  # fmt: skip
    client.force_login(users["other_officer"])
    assert client.post(url, data).status_code == 403
    client.force_login(users["own_officer"])
    response = client.post(url, {**data, "klass-financing": "within_frame"})
    assert response.status_code == 200 and "financing" in response.context["class_form"].errors
    assert client.post(url, data).status_code == 302
    financing = PointFinancing.objects.get(decision_point=point)
    assert (financing.financing, financing.budget_process_first_year, financing.budget_process_last_year) == (
        "extra_resources",
        2025,
        2027,
    )
    page = client.get("/budget/arenden/SLK-2022-00921/").content.decode()
    assert "4, 6, 7, 9, 1" in page or "1, 4, 6, 7, 9" in page
