"""Script in free text is shown as text, never run: stored and reflected cross-site scripting.

Two payloads go into every free text the workflow keeps: the assignment's text, a status report
(through assignments.services.status_report_submit), the reason of a status change (through
assignments.services.assignment_status_change) and the name of the user who wrote them. Every page that shows
them must contain them escaped (&lt;script&gt;) and never raw. The same payloads sent as query
parameters must come back escaped too.
"""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils.html import escape

from assignments import roles, services
from assignments.models import Assignment, Board, ReportingPeriod, StatusReport

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
PAYLOADS = (SCRIPT, IMG)
# The dangerous part of each payload as a browser would parse it, if it ever came through unescaped.
RAW = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")
ESCAPED = {
    SCRIPT: "&lt;script&gt;alert(1)&lt;/script&gt;",
    IMG: "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;",
}


def test_the_expected_escaping_is_djangos():
    assert {payload: escape(payload) for payload in PAYLOADS} == ESCAPED


def assert_only_escaped(html: str, *, must_show=PAYLOADS) -> None:
    for raw in RAW:
        assert raw not in html, f"raw {raw!r} in the page"
    assert "<script>" not in html.replace('<script src="', "").replace("<script type=", ""), "an inline <script>"
    for payload in must_show:
        assert ESCAPED[payload] in html, f"{payload!r} is not on the page (escaped)"


@pytest.mark.parametrize("payload", PAYLOADS, ids=["script", "img"])
def test_the_check_catches_a_raw_payload(payload):
    with pytest.raises(AssertionError):
        assert_only_escaped(f"<p>{escape(payload)}</p><p>{payload}</p>", must_show=[payload])
    with pytest.raises(AssertionError):
        assert_only_escaped("<p>nothing here</p>", must_show=[payload])


@pytest.fixture
def poisoned(real_data, make_user):
    """Assignment 0921/22 with both payloads in its text, its status report, a status change and its author."""
    ks = Board.objects.get(slug="kommunstyrelsen")
    period = ReportingPeriod.objects.get(year=2023, kind=ReportingPeriod.kind_from_slug("augusti"))
    assignment = Assignment.objects.get(dnr="0921/22")
    assignment.text = f"{SCRIPT} {IMG} {assignment.text}"
    # Overdue, so the board's overview lists it.
    assignment.deadline = datetime.date.today() - datetime.timedelta(days=10)
    assignment.save()

    author = make_user("xss_forfattare", roles.SECRETARIAT)
    author.first_name, author.last_name = SCRIPT, IMG
    author.save()

    stored = StatusReport.objects.get(assignment=assignment, board=ks, period=period)
    services.status_report_submit(
        assignment=Assignment.objects.for_detail().get(pk=assignment.pk),
        period=period,
        board=ks,
        author=author,
        text=f"Slutredovisning {SCRIPT}\n\n{IMG}",
        proposes=StatusReport.Proposal.COMPLETE,
        expected_version=stored.version,
    )
    fresh = Assignment.objects.for_detail().get(pk=assignment.pk)
    assert fresh.status == Assignment.Status.REPORTED_COMPLETE
    services.assignment_status_change(
        assignment=fresh,
        target=Assignment.Status.IN_PROGRESS,
        user=author,
        reason=f"Inte godkänd: {SCRIPT} {IMG}",
        expected_version=fresh.version,
    )
    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.IN_PROGRESS
    assert StatusReport.objects.get(pk=stored.pk).text.startswith("Slutredovisning <script>")
    return assignment


def _client(kind: str, make_user) -> Client:
    client = Client()
    if kind == "sekretariat":
        client.force_login(make_user("xss_sekretariat", roles.SECRETARIAT))
    elif kind == "handläggare":
        client.force_login(make_user("xss_handl", roles.OFFICER, boards=[Board.objects.get(slug="kommunstyrelsen")]))
    return client


VIEWERS = ["anonym", "handläggare", "sekretariat"]


@pytest.mark.parametrize("viewer", VIEWERS)
def test_the_assignment_list_shows_the_text_escaped(poisoned, make_user, viewer):
    response = _client(viewer, make_user).get("/uppdrag/", {"namnd": "kommunstyrelsen"})
    assert response.status_code == 200
    assert_only_escaped(response.content.decode())


@pytest.mark.parametrize("viewer", VIEWERS)
def test_the_detail_page_shows_text_report_reason_and_author_escaped(poisoned, make_user, viewer):
    response = _client(viewer, make_user).get(f"/uppdrag/{poisoned.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert_only_escaped(html)
    assert f"Slutredovisning {ESCAPED[SCRIPT]}" in html  # the status report
    assert f"Inte godkänd: {ESCAPED[SCRIPT]} {ESCAPED[IMG]}" in html  # the reason of the status change
    assert f"{ESCAPED[SCRIPT]} {ESCAPED[IMG]}" in html  # the author's name (and the text)


@pytest.mark.parametrize("viewer", VIEWERS)
def test_the_board_overview_shows_the_text_escaped(poisoned, make_user, viewer):
    response = _client(viewer, make_user).get("/uppdrag/namnder/kommunstyrelsen/")
    assert response.status_code == 200
    assert poisoned in response.context["overdue"]
    assert_only_escaped(response.content.decode())


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/sok/?q=alert",
        "/rapporter/kommunstyrelsen/2023/augusti/",  # the delårsrapport: text and status report
    ],
)
def test_other_pages_that_show_the_text_escape_it(poisoned, client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert_only_escaped(response.content.decode())


def test_the_status_forms_of_the_secretariat_escape_the_text(poisoned, make_user):
    client = _client("sekretariat", make_user)
    for path in (f"/uppdrag/{poisoned.pk}/status/", f"/uppdrag/{poisoned.pk}/rapport/"):
        response = client.get(path)
        assert response.status_code == 200
        # The forms show the assignment's (shortened) text; the report form its stored report.
        assert_only_escaped(response.content.decode())


@pytest.mark.parametrize("page", ["change", "history"])
def test_the_admin_escapes_the_text(poisoned, make_user, page):
    client = Client()
    client.force_login(make_user("xss_admin", roles.SECRETARIAT, superuser=True))
    response = client.get(f"/admin/assignments/assignment/{poisoned.pk}/{page}/")
    assert response.status_code == 200
    html = response.content.decode()
    # The admin ships its own <script src=...> tags; the payload must not add one.
    assert_only_escaped(html)
    if page == "change":
        assert f"{ESCAPED[SCRIPT]} {ESCAPED[IMG]} " in html  # the assignment's textarea
        assert f"Slutredovisning {ESCAPED[SCRIPT]}" in html  # the status report inline


def test_the_admin_status_report_page_escapes_the_report(poisoned, make_user):
    client = Client()
    client.force_login(make_user("xss_admin", roles.SECRETARIAT, superuser=True))
    report = StatusReport.objects.get(assignment=poisoned, board__slug="kommunstyrelsen")
    response = client.get(f"/admin/assignments/statusreport/{report.pk}/change/")
    assert response.status_code == 200
    assert_only_escaped(response.content.decode())


# --- reflected: the payloads as query parameters ----------------------------------------------------------------------


@pytest.mark.parametrize("payload", PAYLOADS, ids=["script", "img"])
@pytest.mark.parametrize(
    ("path", "parameter", "status", "echoed"),
    [
        ("/uppdrag/", "q", 200, True),  # in the search field
        ("/uppdrag/", "status", 400, True),  # "Okänd status: <payload>."
        ("/uppdrag/", "namnd", 400, True),  # "Nämnden <payload> finns inte."
        ("/uppdrag/", "period", 400, True),
        ("/uppdrag/", "sortera", 400, True),
        ("/uppdrag/", "ar", 400, True),
        ("/sok/", "q", 200, True),
        ("/rapporter/", "namnd", 200, False),  # "Nämnden finns inte. Välj en i listan." without the value
    ],
)
def test_query_parameters_come_back_escaped(real_data, client, path, parameter, status, echoed, payload):
    response = client.get(path, {parameter: payload})
    assert response.status_code == status
    assert_only_escaped(response.content.decode(), must_show=[payload] if echoed else [])


def test_the_login_page_escapes_next(db, client):
    response = client.get("/logga-in/", {"next": f"/{SCRIPT}{IMG}"})
    assert response.status_code == 200
    html = response.content.decode()
    for raw in RAW:
        assert raw not in html
