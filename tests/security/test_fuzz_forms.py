"""Fuzzing the forms of the assignment workflow through the test client (Hypothesis).

As the secretariat (who may send anything anywhere): the status report form, the status form and
the filters of the assignment list get long strings, control characters (NUL included), mixed
scripts, malformed numbers and dates, stale and absurd versions. The app must never answer 500
(the test client re-raises the exception, so a crash shows its traceback and the input), and a
refused form must say why: every error on a field the user can see is on the page.

Each example runs in its own savepoint, so a report saved by one example does not change what the
next one meets.
"""

from __future__ import annotations

import pytest
from django.test import Client
from hypothesis import event, example, given
from hypothesis import strategies as st

from assignments.models import Assignment, Board, ReportingPeriod, StatusReport

from .fuzzing import (
    ACCEPTED,
    FUZZ,
    OMIT,
    VALID,
    assert_address_refused,
    assert_refusal_explained,
    dates,
    form_data,
    in_savepoint,
    maybe,
    nasty_text,
    numbers,
    refused_address,
)

REPORT_FIELDS = ("period", "board", "proposes", "text", "decision", "decided_on", "version")


def report_example(fuzzed, **values):
    """An explicit example for the report form: the given fields, all others valid."""
    return example(fuzzed=set(fuzzed), **{**dict.fromkeys(REPORT_FIELDS, VALID), **values})


# --- the status report form -------------------------------------------------------------------------------------------


@pytest.fixture
def report_target(real_data):
    """0921/22: delrapporterat, kommunstyrelsen's, with a stored report for 2023 augusti (version 1)."""
    assignment = Assignment.objects.get(dnr="0921/22")
    board = Board.objects.get(slug="kommunstyrelsen")
    period = ReportingPeriod.objects.get(year=2023, kind=ReportingPeriod.kind_from_slug("augusti"))
    report = StatusReport.objects.get(assignment=assignment, board=board, period=period)
    return assignment, {
        "period": str(period.pk),
        "board": str(board.pk),
        "proposes": "partial",
        "text": "Arbetet pågår.",
        "decision": "",
        "decided_on": "",
        "version": str(report.version),
    }


@FUZZ
@given(
    fuzzed=st.sets(st.sampled_from(REPORT_FIELDS), max_size=3),
    period=maybe([], numbers),
    board=maybe([], numbers),
    proposes=maybe(["partial", "complete"], nasty_text),
    text=maybe([], nasty_text),
    decision=maybe(["", "approved", "not_approved"], nasty_text),
    decided_on=maybe(["", "2023-09-27"], dates),
    version=maybe(["0", "1", "2"], numbers),
)
@report_example({"text"}, text="a\x00b")
@report_example(REPORT_FIELDS, period="1\x00", board="\x00", proposes="\x00", text="\x00", decision="\x00",
                decided_on="\x00", version="\x00")  # fmt: skip
@report_example({"text"}, text="x" * 20001)
@report_example({"version"}, version=str(2**64))
@report_example({"version"}, version="0")  # a new report where one is stored: a conflict
@report_example({"decision", "decided_on"}, decision="approved", decided_on="99999-01-01")
@report_example({"decision", "decided_on"}, decision="not_approved", decided_on="0001-01-01")
def test_report_form_never_crashes_and_explains_a_refusal(
    as_secretariat, report_target, fuzzed, period, board, proposes, text, decision, decided_on, version
):
    """Up to three fields get a fuzzed value (or none: the valid report); the others are valid."""
    assignment, valid = report_target
    fields = {
        "period": period,
        "board": board,
        "proposes": proposes,
        "text": text,
        "decision": decision,
        "decided_on": decided_on,
        "version": version,
    }
    data = form_data({name: value if name in fuzzed else VALID for name, value in fields.items()}, valid)
    response = in_savepoint(lambda: as_secretariat.post(f"/uppdrag/{assignment.pk}/rapport/", data))
    assert response.status_code in ACCEPTED, (response.status_code, data)
    event(f"HTTP {response.status_code}")
    html = response.content.decode()
    if response.status_code == 400:
        # A refused version is hidden, but the summary above the form still says the report was not saved.
        assert "Rapporten sparades inte." in html
        assert_refusal_explained(response, html, silent_ok={"version"})
    elif response.status_code == 409:
        assert "Någon annan har sparat under tiden" in html
    elif response.status_code == 302:
        assert response["Location"] == f"/uppdrag/{assignment.pk}/#tidslinje"
        assert "\x00" not in data.get("text", "")


# --- the status form --------------------------------------------------------------------------------------------------


@pytest.fixture
def status_target(real_data):
    """1446/22: föreslås förklarat fullgjort, so the secretariat is offered two transitions."""
    assignment = Assignment.objects.get(dnr="1446/22")
    assert assignment.status == Assignment.Status.REPORTED_COMPLETE
    return assignment, {
        "target": "completed",
        "reason": "Redovisningen är godkänd.",
        "version": str(assignment.version),
    }


@FUZZ
@given(
    fuzzed=st.sets(st.sampled_from(("target", "reason", "version")), max_size=2),
    target=maybe(list(Assignment.Status.values), nasty_text),
    reason=maybe([""], nasty_text),
    version=maybe(["0", "1", "2"], numbers),
)
@example(fuzzed={"target", "reason"}, target="in_progress", reason="a\x00b", version=VALID)
@example(fuzzed={"target", "reason"}, target="in_progress", reason="x" * 2001, version=VALID)
@example(fuzzed={"target", "reason"}, target="in_progress", reason=" \r\n\t ", version=VALID)
@example(fuzzed={"target", "reason"}, target="\x00", reason="\x00", version=VALID)
@example(fuzzed={"version"}, target=VALID, reason=VALID, version=str(2**64))
@example(fuzzed={"target"}, target="not_started", reason=VALID, version=VALID)
def test_status_form_never_crashes_and_explains_a_refusal(
    as_secretariat, status_target, fuzzed, target, reason, version
):
    """Up to two fields get a fuzzed value; the others are valid (a refused version is tested below)."""
    assignment, valid = status_target
    fields = {"target": target, "reason": reason, "version": version}
    data = form_data({name: value if name in fuzzed else VALID for name, value in fields.items()}, valid)
    data.setdefault("reason", "")  # a browser always sends the textarea; the empty POST is tested below
    response = in_savepoint(lambda: as_secretariat.post(f"/uppdrag/{assignment.pk}/status/", data))
    assert response.status_code in ACCEPTED, (response.status_code, data)
    event(f"HTTP {response.status_code}")
    html = response.content.decode()
    if response.status_code == 400:
        # Only a refused (hidden) version goes unexplained: test_a_refused_version_is_explained_on_the_status_form.
        assert_refusal_explained(response, html, silent_ok={"version"})
    elif response.status_code == 409:
        assert "Någon annan har sparat under tiden" in html
    elif response.status_code == 302:
        assert response["Location"] == f"/uppdrag/{assignment.pk}/#tidslinje"


def test_an_empty_status_post_says_what_is_missing(as_secretariat, status_target):
    assignment, _valid = status_target
    response = as_secretariat.post(f"/uppdrag/{assignment.pk}/status/", {})
    assert response.status_code == 400
    assert "Välj vilken status uppdraget ska få." in response.content.decode()


@pytest.mark.parametrize("version", ["abc", None])
def test_a_refused_version_is_explained_on_the_status_form(as_secretariat, status_target, version):
    assignment, _valid = status_target
    data = {"target": "completed", "reason": ""}
    if version is not None:
        data["version"] = version
    response = as_secretariat.post(f"/uppdrag/{assignment.pk}/status/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html or "field-error" in html


# --- the filters of the list (GET /uppdrag/) --------------------------------------------------------------------------

filter_value = st.one_of(st.sampled_from(["", OMIT]), nasty_text)
many = st.lists(filter_value, max_size=3)


LIST_PARAMETERS = ("q", "status", "namnd", "period", "rapport", "frist", "sortera", "sida", "per_sida", "ar")
LIST_NUL = {name: ["\x00"] if name in ("status", "namnd") else "\x00" for name in LIST_PARAMETERS}
LIST_HUGE = {
    "q": "x" * 201,
    "status": [],
    "namnd": ["a" * 2001],
    "period": "9" * 30 + "-augusti",
    "rapport": "finns",
    "frist": OMIT,
    "sortera": OMIT,
    "sida": "1e309",
    "per_sida": str(2**64),
    "ar": str(2**64),
}
LIST_MIXED = {
    "q": "ÅÄÖ Привет 中文 مرحبا",
    "status": [],
    "namnd": [],
    "period": "2023-augusti",
    "rapport": "saknas",
    "frist": "passerad",
    "sortera": "status",
    "sida": "-1",
    "per_sida": "0",
    "ar": "٢٠٢٣",
}


@FUZZ
@given(
    sent=st.sets(st.sampled_from(LIST_PARAMETERS), min_size=1, max_size=4),
    q=st.one_of(st.sampled_from(["0921/22", "klimat", "Göteborg"]), filter_value),
    status=st.one_of(st.lists(st.sampled_from(list(Assignment.Status.values)), max_size=2), many),
    namnd=st.one_of(st.lists(st.sampled_from(["kommunstyrelsen", "stadsledningskontoret", ""]), max_size=2), many),
    period=st.one_of(st.sampled_from(["2023-augusti", "2023-mars", "2023-", "-augusti", "٢٠٢٣-augusti"]), filter_value),
    rapport=st.one_of(st.sampled_from(["finns", "saknas"]), filter_value),
    frist=st.one_of(st.sampled_from(["passerad", "snart"]), filter_value),
    sortera=st.one_of(st.sampled_from(["dnr", "-dnr", "slutdatum", "-slutdatum", "status", "andrad"]), filter_value),
    sida=st.one_of(numbers, filter_value),
    per_sida=st.one_of(st.sampled_from(["25", "50", "100", "200"]), numbers, filter_value),
    ar=st.one_of(st.sampled_from(["2022", "2023"]), numbers, filter_value),
)
@example(sent=set(LIST_PARAMETERS), **LIST_NUL)
@example(sent=set(LIST_PARAMETERS), **LIST_HUGE)
@example(sent=set(LIST_PARAMETERS), **LIST_MIXED)
def test_list_filters_never_crash_and_explain_a_refusal(
    as_secretariat, sent, q, status, namnd, period, rapport, frist, sortera, sida, per_sida, ar
):
    params = {
        "q": q, "status": status, "namnd": namnd, "period": period, "rapport": rapport, "frist": frist,
        "sortera": sortera, "sida": sida, "per_sida": per_sida, "ar": ar,
    }  # fmt: skip
    query = {}
    for name, value in params.items():
        if name not in sent:
            continue
        values = [v for v in (value if isinstance(value, list) else [value]) if v != OMIT]
        if values:
            query[name] = values
    query.setdefault("sida", ["1"])  # never the bare list, whatever was omitted
    response = as_secretariat.get("/uppdrag/", query)
    if refused_address("/uppdrag/", query):  # a control character: core.middleware refuses before any view
        assert_address_refused(response)
        assert_address_refused(as_secretariat.get("/uppdrag/export.csv", query))
        return
    assert response.status_code in {200, 400}, (response.status_code, query)
    event(f"HTTP {response.status_code}")
    html = response.content.decode()
    if response.status_code == 400:
        assert "Filtret kunde inte användas." in html
        assert_refusal_explained(response, html)
    else:
        assert response.context["page"] is not None

    export = as_secretariat.get("/uppdrag/export.csv", query)  # the same filters, as a download
    assert export.status_code == response.status_code, (export.status_code, query)
    if export.status_code == 400:
        assert export.content.decode().startswith("Exporten kunde inte göras.")


# --- found while fuzzing: the same kinds of input on other pages ------------------------------------------------------
#
# "²" passes str.isdigit() but int() refuses it; numbers and names are not checked against the
# columns they are stored in (SQLite does not enforce a varchar length or a smallint range,
# PostgreSQL does and raises DataError).

COMPARISON_PATHS = ["/arenden/SLK-2022-00921/jamfor/", "/arenden/SLK-2022-00921/jamfor.csv",
                    "/arenden/SLK-2022-00921/jamfor.pdf"]  # fmt: skip


@pytest.mark.parametrize("path", COMPARISON_PATHS)
def test_a_superscript_digit_in_the_motion_selection_is_ignored(real_data, path):
    response = Client(raise_request_exception=False).get(path, {"urval": "1", "visa": "²"})
    assert response.status_code == 200


@pytest.mark.parametrize("path", COMPARISON_PATHS)
@pytest.mark.parametrize("visa", ["\x00", "-1", "9" * 30, "٣", "1e3", "<script>"])
def test_other_odd_motion_selections_are_ignored(real_data, path, visa):
    response = Client(raise_request_exception=False).get(path, {"urval": "1", "visa": visa})
    if refused_address(path, {"urval": "1", "visa": visa}):  # NUL: refused before the view, not ignored
        assert_address_refused(response)
        return
    assert response.status_code == 200


ROLLCALL_HEADER = "Namn Parti Plats Funktion Resultat\n"


@pytest.fixture
def rollcall_url(real_data):
    from motions.models import Case

    case = Case.objects.by_url_key("SLK-2022-00921").get()
    decision = case.decisions.order_by("id").first()
    return f"/arenden/{case.url_key}/beslut/{decision.pk}/las-in-omrostning/"


@pytest.mark.parametrize(
    ("line", "confirm"),
    [
        pytest.param(
            "Anna Andersson S ² Ledamot Ja",
            False,
            id="seat-superscript-preview",
        ),
        pytest.param(
            "Anna Andersson S 99999999999999999999999 Ledamot Ja",
            True,
            id="seat-huge-confirm",
        ),
        pytest.param(
            "Anna Andersson S 40000 Ledamot Ja",
            True,
            id="seat-40000-confirm",
        ),
        pytest.param(
            "Anna " + "B" * 130 + " S 90 Ledamot Ja",
            True,
            id="name-130-chars-confirm",
        ),
        pytest.param(
            "Anna Andersson S 91 " + "L" * 70 + " Ja",
            True,
            id="role-70-chars-confirm",
        ),
    ],
)
def test_a_rollcall_row_the_database_cannot_hold_is_refused_with_its_line(secretariat, rollcall_url, line, confirm):
    from motions.models import Member, Vote

    client = Client(raise_request_exception=False)
    client.force_login(secretariat)
    data = {"text": ROLLCALL_HEADER + line + "\n", "proposition": "Ja för bifall, Nej för avslag"}
    if confirm:
        data["bekrafta"] = "1"
    members, votes = Member.objects.count(), Vote.objects.count()
    response = client.post(rollcall_url, data)
    assert response.status_code == 200, response.status_code
    assert "Rad 2" in response.content.decode()
    assert (Member.objects.count(), Vote.objects.count()) == (members, votes)


# A version beyond what the column holds cannot be one the user was shown: it is refused on the
# form like any other bad version. It used to pass the form and reach the service, which found no
# such version and showed the conflict page ("someone else has saved") instead.
ABSURD_VERSIONS = [str(2**31), str(2**63), str(2**64), "9" * 30]


@pytest.mark.parametrize("version", ABSURD_VERSIONS)
def test_an_absurd_version_on_the_report_form_is_a_field_error(as_secretariat, report_target, version):
    assignment, valid = report_target
    stored = list(StatusReport.objects.filter(assignment=assignment).values_list("version", "text"))
    response = as_secretariat.post(f"/uppdrag/{assignment.pk}/rapport/", {**valid, "version": version})
    assert response.status_code == 400
    assert response.context["form"].errors["version"] == [
        "Formulärets versionsuppgift är ogiltig. Ladda om sidan och försök igen."
    ]
    html = response.content.decode()
    assert "Formulärets versionsuppgift är ogiltig. Ladda om sidan och försök igen." in html
    assert "Någon annan har sparat under tiden" not in html
    assert list(StatusReport.objects.filter(assignment=assignment).values_list("version", "text")) == stored


@pytest.mark.parametrize("version", ABSURD_VERSIONS)
def test_an_absurd_version_on_the_status_form_is_a_field_error(as_secretariat, status_target, version):
    assignment, valid = status_target
    response = as_secretariat.post(f"/uppdrag/{assignment.pk}/status/", {**valid, "version": version})
    assert response.status_code == 400
    assert response.context["form"].errors["version"] == [
        "Formulärets versionsuppgift är ogiltig. Ladda om sidan och försök igen."
    ]
    assert "Någon annan har sparat under tiden" not in response.content.decode()
    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.REPORTED_COMPLETE and str(assignment.version) == valid["version"]


def test_the_largest_version_the_column_holds_is_still_a_conflict_not_a_field_error(as_secretariat, status_target):
    assignment, valid = status_target
    response = as_secretariat.post(f"/uppdrag/{assignment.pk}/status/", {**valid, "version": str(2**31 - 1)})
    assert response.status_code == 409
