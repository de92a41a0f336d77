"""Script in the free texts of cases, motions and the budget is shown as text: on the pages and in the admin.

test_xss.py covers the assignment workflow; this covers the rest of what people type or import: a
case's title, the points of a proposal and of a motion, a party's name, a cost estimate's note, a
statement's title, group and row names, a kommuncentral post, and text pasted into the importers
(shown back in their previews).
"""

from __future__ import annotations

import pytest
from django.test import Client

from assignments import roles
from budget.models import CentralItem, CostEstimate, FinancialStatement, StatementLine
from motions.models import Case, DecisionPoint, Motion, Party

from .test_xss import ESCAPED, IMG, PAYLOADS, SCRIPT, assert_only_escaped

BOTH = f"{SCRIPT} {IMG}"


@pytest.fixture
def poisoned(real_data):
    case = Case.objects.by_url_key("SLK-2022-00921").get()
    case.title = f"Ärendet {BOTH}"
    case.save()
    point = case.proposals.get().points.get(number=5)
    point.text = f"{point.text} {BOTH}"
    point.save()
    motion = case.motions.order_by("sort_order", "id").first()
    motion.title = f"Yrkandet {BOTH}"
    motion.save()
    motion_point = motion.points.order_by("-number").first()
    motion_point.text = f"Nytt {BOTH}"
    motion_point.save()
    party = motion.parties.order_by("id").first() or Party.objects.order_by("id").first()
    party.name = f"Partiet {BOTH}"
    party.save()
    estimate = CostEstimate.objects.filter(decision_point__proposal__case=case).order_by("id").first()
    estimate.note = f"Not {BOTH}"
    estimate.save()
    statement = FinancialStatement.objects.get(board__slug="kommunstyrelsen", section="3.2.1")
    statement.title = f"Redovisning {BOTH}"
    statement.save()
    line = statement.lines.order_by("position").first()
    line.label, line.group = f"Rad {BOTH}", f"Grupp {BOTH}"
    line.save()
    item = CentralItem.objects.filter(board__slug="kommunstyrelsen").order_by("position").first()
    item.label = f"Post {BOTH}"
    item.save()
    return {
        "case": case,
        "point": point,
        "motion": motion,
        "motion_point": motion_point,
        "party": party,
        "estimate": estimate,
        "statement": statement,
        "line": line,
        "item": item,
    }


PUBLIC_PAGES = [
    "/arenden/",
    "/arenden/SLK-2022-00921/",
    "/arenden/SLK-2022-00921/jamfor/",
    "/budget/",
    "/budget/arenden/SLK-2022-00921/",
    "/budget/namnder/kommunstyrelsen/2023/augusti/",
    "/rapporter/kommunstyrelsen/2023/augusti/",
    "/rapporter/?namnd=kommunstyrelsen&period=2023-augusti",
]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_show_the_texts_escaped(poisoned, path):
    response = Client().get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert_only_escaped(html)


@pytest.fixture
def secretariat_client(real_data, secretariat):
    client = Client()
    client.force_login(secretariat)
    return client


def test_the_budget_editors_show_the_texts_escaped(poisoned, secretariat_client):
    point, estimate, statement = poisoned["point"], poisoned["estimate"], poisoned["statement"]
    pages = [
        f"/budget/arenden/SLK-2022-00921/punkter/{point.pk}/",  # the point's text and the estimate's note
        f"/budget/kostnader/{estimate.pk}/",  # the note in its textarea
        f"/budget/redovisningar/{statement.pk}/andra/",  # row names and groups as input values
        "/budget/namnder/kommunstyrelsen/2023/augusti/kommuncentrala-poster/",
    ]
    for path in pages:
        response = secretariat_client.get(path)
        assert response.status_code == 200, path
        assert_only_escaped(response.content.decode())


ADMIN_PAGES = [
    ("motions", "case", "case"),
    ("motions", "decisionpoint", "point"),
    ("motions", "decisionpoint", "motion_point"),
    ("motions", "motion", "motion"),
    ("motions", "party", "party"),
    ("budget", "costestimate", "estimate"),
    ("budget", "financialstatement", "statement"),
    ("budget", "centralitem", "item"),
]


@pytest.fixture
def admin_client(real_data, make_user):
    client = Client()
    client.force_login(make_user("xss_admin", roles.SECRETARIAT, superuser=True))
    return client


@pytest.mark.parametrize(("app", "model", "key"), ADMIN_PAGES)
def test_the_admin_escapes_the_texts(poisoned, admin_client, app, model, key):
    obj = poisoned[key]
    for path in (
        f"/admin/{app}/{model}/{obj.pk}/change/",
        f"/admin/{app}/{model}/{obj.pk}/history/",
        f"/admin/{app}/{model}/",
    ):
        response = admin_client.get(path)
        assert response.status_code == 200, path
        # The change and history pages show the text; a list may show other columns only.
        must_show = () if path.endswith(f"/{model}/") else PAYLOADS
        assert_only_escaped(response.content.decode(), must_show=must_show)


def test_the_admin_lists_show_the_texts_escaped(poisoned, admin_client):
    for path, expected in [
        ("/admin/motions/case/", f"Ärendet {ESCAPED[SCRIPT]} {ESCAPED[IMG]}"),
        ("/admin/motions/party/", f"Partiet {ESCAPED[SCRIPT]} {ESCAPED[IMG]}"),
        ("/admin/budget/centralitem/", f"Post {ESCAPED[SCRIPT]} {ESCAPED[IMG]}"),
        ("/admin/budget/financialstatement/", f"Redovisning {ESCAPED[SCRIPT]} {ESCAPED[IMG]}"),
    ]:
        html = admin_client.get(path).content.decode()
        assert expected in html, path
        assert_only_escaped(html, must_show=())


def test_the_motion_importer_previews_pasted_script_as_text(real_data, secretariat_client):
    from tests.motions.conftest import SEED_002, seed_lines

    text = seed_lines(SEED_002, 1, 57)
    text = text.replace("Yrkande angående", f"Yrkande angående {BOTH}", 1)
    lines = text.split("\n")
    first_point = next(i for i, line in enumerate(lines) if line.startswith("1."))
    lines[first_point] = f"{lines[first_point]} {BOTH}"
    before = Motion.objects.count(), DecisionPoint.objects.count()
    response = secretariat_client.post("/arenden/0064-23/las-in-yrkande/", {"text": "\n".join(lines)})
    assert response.status_code == 200 and response.context["parsed"] is not None
    html = response.content.decode()
    assert_only_escaped(html)
    assert f"Yrkande angående {ESCAPED[SCRIPT]} {ESCAPED[IMG]}" in html  # the parsed title
    assert (Motion.objects.count(), DecisionPoint.objects.count()) == before


def test_the_rollcall_importer_previews_a_scripted_name_as_text(real_data, secretariat_client):
    case = Case.objects.by_url_key("SLK-2022-00921").get()
    decision = case.decisions.order_by("id").first()
    text = "Namn Parti Plats Funktion Resultat\n<script>alert(1)</script> Andersson S 1 Ledamot Ja\n"
    response = secretariat_client.post(
        f"/arenden/{case.url_key}/beslut/{decision.pk}/las-in-omrostning/",
        {"text": text, "proposition": f"Ja för bifall {BOTH}"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert_only_escaped(html, must_show=[SCRIPT])
    assert f"{ESCAPED[SCRIPT]} Andersson" in html


def test_the_statement_lines_keep_the_payloads_as_typed(poisoned):
    """Escaping is on output only: the stored text is what the user typed."""
    line = StatementLine.objects.get(pk=poisoned["line"].pk)
    assert line.label == f"Rad {BOTH}" and line.group == f"Grupp {BOTH}"
