"""Fuzzing the other forms and the importers through the test client (Hypothesis).

The budget forms (a cost estimate, a point's financing class, a new statement, the rows of a
statement, the kommuncentrala poster), the motion importer (pasted text and uploaded files), the
e-mail preferences and the report pages (choosing a report, storing and adopting a version) get the
values of tests/security/fuzzing.py. Each is posted as a user who may use it. The app must never
answer 500 (the test client re-raises a view's exception), a refused form must say why on the page,
and a refused form must leave the database as it was.

Each example runs in its own savepoint, so what one example saves does not change the next one's.
"""

from __future__ import annotations

import io
import re

import pytest
from django.test import Client
from django.utils.html import escape
from hypothesis import event, example, given
from hypothesis import strategies as st

from assignments.models import Board, ReportingPeriod
from budget.models import CentralItem, CostEstimate, FinancialStatement, PointFinancing, StatementLine
from motions.importers import MAX_TEXT_CHARS
from motions.models import Case, DecisionPoint, Motion
from notifications.models import NotificationPreference
from reports.models import PublishedReport
from tests.motions.conftest import SEED_002, seed_lines

from .fuzzing import (
    FUZZ,
    MALFORMED_NUMBERS,
    NASTY,
    OMIT,
    VALID,
    assert_address_refused,
    assert_refusal_explained,
    chars,
    form_data,
    in_savepoint,
    maybe,
    nasty_text,
    numbers,
    refused_address,
)

AMOUNTS = [
    "1,1 mnkr", "800 tkr", "250 000 kr", "13 400", "−7,1", "- 5", "−", "-", ",5", "5,", "0,0001 kr", "1,1 MKR",
    "1.1 mnkr", "1,1mnkr", "12\u00a0400", "12\u202f400", "1 000 000 000 000 000 mnkr", "9" * 16, "9" * 41,
    "１２", "١٢", "1,1 mnkr\x00", "1 kr kr", "tjugo", "1e6", "0x10",
]  # fmt: skip
amounts = st.one_of(st.sampled_from(AMOUNTS), st.sampled_from(MALFORMED_NUMBERS), nasty_text)
years = st.one_of(
    st.sampled_from(["2025", "2026", "1999", "2101", "0", "-2025", "32767", "32768", "65536", str(2**31)]),
    numbers,
)


@pytest.fixture
def as_secretariat(real_data, secretariat):
    client = Client()  # re-raises any exception of the view: a 500 fails with its traceback
    client.force_login(secretariat)
    return client


def _posted(client, url, data, snapshot, **extra):
    """Post in a savepoint; the response and the snapshot of the data before and after."""

    def request():
        before = snapshot()
        response = client.post(url, data, **extra)
        return response, before, snapshot()

    return in_savepoint(request)


def _assert_formset_refusal_explained(formset, html: str) -> None:
    """A refused formset says why: its own errors and every error of every row are on the page."""
    messages = list(formset.non_form_errors())
    for form in formset.forms:
        messages += [message for messages_ in form.errors.values() for message in messages_]
    assert messages, "a refused formset without errors"
    for message in messages:
        assert escape(message) in html, f"the error {message!r} is not on the page"


# --- a cost estimate of a decision point ------------------------------------------------------------------------------

ESTIMATE_FIELDS = (
    "board", "amount", "recurrence", "first_year", "last_year", "financing", "budget_process_first_year",
    "budget_process_last_year", "note",
)  # fmt: skip


@pytest.fixture
def point(real_data):
    return Case.objects.get(case_number="SLK-2022-00921").proposals.get().points.get(number=5)


def _estimates(point):
    return lambda: (
        list(CostEstimate.objects.filter(decision_point=point).order_by("pk").values()),
        CostEstimate.history.count(),
        list(PointFinancing.objects.filter(decision_point=point).values()),
    )


@FUZZ
@given(
    fuzzed=st.sets(st.sampled_from(ESTIMATE_FIELDS), max_size=3),
    board=maybe([], numbers),
    amount=maybe(["", "0"], amounts),
    recurrence=maybe(["", "one_off", "yearly"], nasty_text),
    first_year=maybe([""], years),
    last_year=maybe([""], years),
    financing=maybe(["within_frame", "limited_within_frame", "extra_resources"], nasty_text),
    budget_process_first_year=maybe([""], years),
    budget_process_last_year=maybe([""], years),
    note=maybe([""], nasty_text),
)
@example(fuzzed={"amount"}, amount="1,1 mnkr\x00", **dict.fromkeys(set(ESTIMATE_FIELDS) - {"amount"}, VALID))
@example(fuzzed={"first_year"}, first_year=str(2**64), **dict.fromkeys(set(ESTIMATE_FIELDS) - {"first_year"}, VALID))
@example(fuzzed={"recurrence"}, recurrence="\x00" * 3, **dict.fromkeys(set(ESTIMATE_FIELDS) - {"recurrence"}, VALID))
@example(fuzzed={"note"}, note="x" * 20001, **dict.fromkeys(set(ESTIMATE_FIELDS) - {"note"}, VALID))
def test_cost_estimate_form_never_crashes_and_explains_a_refusal(as_secretariat, point, fuzzed, **fields):
    url = f"/budget/arenden/SLK-2022-00921/punkter/{point.pk}/"
    valid = {
        "board": str(Board.objects.get(slug="grundskolenamnden").pk),
        "amount": "1,1 mnkr",
        "recurrence": "one_off",
        "first_year": "2025",
        "last_year": "2026",
        "financing": "extra_resources",
        "budget_process_first_year": "2025",
        "budget_process_last_year": "2026",
        "note": "Uppräknat utifrån budget 2023.",
    }
    data = form_data({name: value if name in fuzzed else VALID for name, value in fields.items()}, valid)
    response, before, after = _posted(as_secretariat, url, data, _estimates(point))
    assert response.status_code in {200, 302}, (response.status_code, data)
    event(f"HTTP {response.status_code}")
    if response.status_code == 200:
        assert_refusal_explained(response, response.content.decode())
        assert after == before, "a refused estimate changed the data"
    else:
        assert len(after[0]) == len(before[0]) + 1


CLASS_FIELDS = ("financing", "budget_process_first_year", "budget_process_last_year", "note")


@FUZZ
@given(
    fuzzed=st.sets(st.sampled_from(CLASS_FIELDS), max_size=3),
    financing=maybe(["within_frame", "limited_within_frame", "extra_resources"], nasty_text),
    budget_process_first_year=maybe([""], years),
    budget_process_last_year=maybe([""], years),
    note=maybe([""], nasty_text),
)
def test_financing_class_form_never_crashes_and_explains_a_refusal(as_secretariat, point, fuzzed, **fields):
    url = f"/budget/arenden/SLK-2022-00921/punkter/{point.pk}/"
    valid = {
        "financing": "extra_resources",
        "budget_process_first_year": "2025",
        "budget_process_last_year": "2027",
        "note": "Budgetförutsättningar 2025–2027.",
    }
    data = form_data({name: value if name in fuzzed else VALID for name, value in fields.items()}, valid)
    data = {"klass": "1", **{f"klass-{name}": value for name, value in data.items()}}
    response, before, after = _posted(as_secretariat, url, data, _estimates(point))
    assert response.status_code in {200, 302}, (response.status_code, data)
    event(f"HTTP {response.status_code}")
    if response.status_code == 200:
        assert_refusal_explained(response, response.content.decode(), form=response.context["class_form"])
        assert after == before, "a refused financing class changed the data"
    else:
        assert len(after[2]) == 1


# --- a new statement --------------------------------------------------------------------------------------------------

NEW_STATEMENT_URL = "/budget/namnder/kommunstyrelsen/2023/augusti/ny-redovisning/"


def _statements():
    return (
        list(FinancialStatement.objects.order_by("pk").values()),
        FinancialStatement.history.count(),
    )


@FUZZ
@given(
    fuzzed=st.sets(st.sampled_from(("section", "title", "unit")), max_size=3),
    section=maybe(["", "3.2.1", "3.2.4", "3.2.1 "], nasty_text),
    title=maybe([""], nasty_text),
    unit=maybe(["mnkr", "tkr", "kr", "MNKR"], nasty_text),
)
@example(fuzzed={"section"}, section="3.2.1", title=VALID, unit=VALID)  # the board has that section already
@example(fuzzed={"section"}, section="x" * 21, title=VALID, unit=VALID)
def test_new_statement_form_never_crashes_and_explains_a_refusal(as_secretariat, fuzzed, section, title, unit):
    valid = {"section": "3.2.9", "title": "Resultatredovisning i sammandrag", "unit": "mnkr"}
    fields = {"section": section, "title": title, "unit": unit}
    data = form_data({name: value if name in fuzzed else VALID for name, value in fields.items()}, valid)
    response, before, after = _posted(as_secretariat, NEW_STATEMENT_URL, data, _statements)
    assert response.status_code in {200, 302}, (response.status_code, data)
    event(f"HTTP {response.status_code}")
    if response.status_code == 200:
        assert_refusal_explained(response, response.content.decode())
        assert after == before, "a refused statement changed the data"
    else:
        assert len(after[0]) == len(before[0]) + 1


def test_a_second_statement_with_the_same_section_is_refused_on_the_field(as_secretariat):
    """Was a 500: the model's unique (board, period, section) was only checked by the service."""
    before = _statements()
    response = as_secretariat.post(NEW_STATEMENT_URL, {"section": "3.2.1", "title": "Igen", "unit": "mnkr"})
    assert response.status_code == 200
    assert response.context["form"].errors["section"] == [
        "Nämnden har redan en resultatredovisning med avsnitt ”3.2.1” för perioden."
    ]
    assert "Nämnden har redan en resultatredovisning med avsnitt ”3.2.1” för perioden." in response.content.decode()
    assert _statements() == before


# --- the rows of a statement and the kommuncentrala poster (formsets) -------------------------------------------------

ROW_FLAGS = ["on", "", "false", "0", "\x00"]
line_row = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(st.just(VALID), numbers),  # VALID: the id of the saved row at that place
        "group": st.one_of(st.sampled_from(["", "Insatsområden"]), nasty_text),
        "label": st.one_of(st.sampled_from(["Intäkter", "Kostnader", "Resultat", ""]), nasty_text),
        "kind": st.one_of(st.sampled_from([*StatementLine.Kind.values, ""]), nasty_text),
        "utfall": amounts,
        "budget": amounts,
        "prognos": amounts,
        "DELETE": st.sampled_from(ROW_FLAGS),
    },
)
item_row = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(st.sampled_from([VALID, "#0", "#4"]), numbers),  # "#4": the id of the fifth saved post
        "label": st.one_of(st.sampled_from(["Kommuner mot brott", "Extern visselblåsarfunktion", ""]), nasty_text),
        "utfall": amounts,
        "prognos": amounts,
        "budget": amounts,
        "DELETE": st.sampled_from(ROW_FLAGS),
    },
)
# Row counts stay small here: a count above the formset's absolute maximum builds (and shows) 2,000
# empty rows, a few seconds an example; the explicit examples below send such counts once each.
row_count = st.one_of(st.integers(-3, 8).map(str), st.sampled_from(["", "x", "1.5", "1e3", "²", "٣", "\x00"]))
management = st.fixed_dictionaries(
    {},
    optional={
        "TOTAL_FORMS": st.one_of(st.just(VALID), row_count),  # VALID: the number of rows sent
        "INITIAL_FORMS": st.one_of(st.just("0"), row_count, st.sampled_from(["9" * 25])),
        "MAX_NUM_FORMS": st.one_of(st.just("1000"), row_count),
    },
)


def _formset_data(prefix: str, rows: list[dict], management_fields: dict, ids: list[int]) -> dict:
    data = {f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}
    for name, value in management_fields.items():
        data[f"{prefix}-{name}"] = str(len(rows)) if value == VALID else value
    for index, row in enumerate(rows):
        for name, value in row.items():
            if name == "id" and value == VALID:
                value = str(ids[index]) if index < len(ids) else ""
            elif name == "id" and value.startswith("#"):
                value = str(ids[int(value[1:])])
            data[f"{prefix}-{index}-{name}"] = value
    return data


@pytest.fixture
def statement(real_data):
    return FinancialStatement.objects.get(board__slug="kommunstyrelsen", section="3.2.1")


@FUZZ
@given(rows=st.lists(line_row, max_size=4), management_fields=management)
@example(rows=[{"id": "abc", "label": "Intäkter", "kind": "intakter"}], management_fields={})
@example(rows=[{"label": "Intäkter", "kind": "\x00", "utfall": "1\x00"}], management_fields={})
@example(rows=[], management_fields={"TOTAL_FORMS": "x"})
@example(rows=[{"label": "Intäkter", "kind": "intakter"}], management_fields={"TOTAL_FORMS": "1e309"})
@example(rows=[{"label": "Intäkter", "kind": "intakter"}], management_fields={"TOTAL_FORMS": "2001"})
@example(rows=[{"label": "Intäkter", "kind": "intakter"}], management_fields={"TOTAL_FORMS": "9" * 25})
def test_statement_rows_never_crash_and_explain_a_refusal(as_secretariat, statement, rows, management_fields):
    ids = list(statement.lines.order_by("position").values_list("pk", flat=True))
    data = _formset_data("rader", rows, management_fields, ids)

    def snapshot():
        lines = StatementLine.objects.filter(statement=statement).order_by("pk")
        return list(lines.values()), StatementLine.history.count()

    url = f"/budget/redovisningar/{statement.pk}/andra/"
    response, before, after = _posted(as_secretariat, url, data, snapshot)
    assert response.status_code in {200, 302}, (response.status_code, data)
    event(f"HTTP {response.status_code}")
    if response.status_code == 200:
        _assert_formset_refusal_explained(response.context["formset"], response.content.decode())
        assert after == before, "a refused statement changed its rows"
    else:
        lines = after[0]
        assert all(line["label"].strip() for line in lines)
        assert sorted(line["position"] for line in lines) == list(range(1, len(lines) + 1))


CENTRAL_URL = "/budget/namnder/kommunstyrelsen/2023/augusti/kommuncentrala-poster/"


@pytest.mark.parametrize("total", ["201", "2001", "9" * 25])
def test_a_forged_row_count_builds_at_most_200_rows_and_says_so(as_secretariat, statement, total):
    """Django's default bound is 2,000 forms, built, validated and shown again: seconds for one request."""
    data = _formset_data("rader", [{"label": "Intäkter", "kind": "intakter"}], {"TOTAL_FORMS": total}, [])
    before = list(statement.lines.values_list("label", "utfall"))
    response = as_secretariat.post(f"/budget/redovisningar/{statement.pk}/andra/", data)
    assert response.status_code == 200
    formset = response.context["formset"]
    assert len(formset.forms) == 200
    assert list(formset.non_form_errors()) == ["Skicka högst 200 rader."]
    assert "Skicka högst 200 rader." in response.content.decode()
    assert list(statement.lines.values_list("label", "utfall")) == before


def test_a_tampered_row_count_is_explained(as_secretariat, statement):
    response = as_secretariat.post(f"/budget/redovisningar/{statement.pk}/andra/", {"rader-TOTAL_FORMS": "x"})
    assert response.status_code == 200
    assert "Formuläret kom inte fram helt. Ladda om sidan och försök igen." in response.content.decode()


def test_two_posts_may_swap_names(as_secretariat):
    """Was a 500: the first rename collided with the other post's name under the unique (board, period, label)."""
    board = Board.objects.get(slug="kommunstyrelsen")
    items = list(CentralItem.objects.filter(board=board).order_by("position"))
    first, last = items[0], items[-1]
    rows = [{"id": str(item.pk), "label": item.label} for item in items]
    rows[0]["label"], rows[-1]["label"] = last.label, first.label
    response = as_secretariat.post(CENTRAL_URL, _formset_data("poster", rows, {}, []))
    assert response.status_code == 302
    assert CentralItem.objects.get(pk=first.pk).label == last.label
    assert CentralItem.objects.get(pk=last.pk).label == first.label
    assert CentralItem.objects.filter(board=board).count() == len(items)


def _central_items():
    board = Board.objects.get(slug="kommunstyrelsen")
    return (
        list(CentralItem.objects.filter(board=board).order_by("pk").values()),
        CentralItem.history.count(),
    )


@FUZZ
@given(rows=st.lists(item_row, max_size=4), management_fields=management)
@example(rows=[{"id": VALID, "label": "Ny"}, {"label": "Kommuner mot brott"}], management_fields={})
@example(rows=[{"label": "Samma"}, {"label": "Samma"}], management_fields={})
@example(
    rows=[{"id": "#0", "label": "Kommuner mot brott"}, {"id": "#4", "label": "Extern visselblåsarfunktion"}],
    management_fields={},
)  # two saved posts swap their names
@example(rows=[{"label": "Post", "utfall": "−"}], management_fields={"TOTAL_FORMS": "-1"})
def test_central_items_never_crash_and_explain_a_refusal(as_secretariat, rows, management_fields):
    board = Board.objects.get(slug="kommunstyrelsen")
    period = ReportingPeriod.objects.get(year=2023, kind=ReportingPeriod.Kind.AUGUSTI)
    ids = list(CentralItem.objects.filter(board=board, period=period).order_by("position").values_list("pk", flat=True))
    data = _formset_data("poster", rows, management_fields, ids)
    response, before, after = _posted(as_secretariat, CENTRAL_URL, data, _central_items)
    assert response.status_code in {200, 302}, (response.status_code, data)
    event(f"HTTP {response.status_code}")
    if response.status_code == 200:
        _assert_formset_refusal_explained(response.context["formset"], response.content.decode())
        assert after == before, "refused posts changed the data"


# --- the motion importer: pasted text and uploaded files --------------------------------------------------------------

MOTION_URL = "/arenden/0064-23/las-in-yrkande/"
MOTION_TEXT = seed_lines(SEED_002, 1, 57)


def _motions():
    return Motion.objects.count(), DecisionPoint.objects.count(), Motion.history.count()


def _mangled(text: str, junk: str, at: int) -> str:
    lines = text.split("\n")
    lines.insert(at % (len(lines) + 1), junk)
    return "\n".join(lines)


UPLOADS = [
    b"",
    b"\x00",
    b"\xff\xfe" + "Yrkande angående".encode("utf-16-le"),
    "Yrkande angående åäö".encode("latin-1"),
    "Yrkande angående åäö".encode("cp1252"),
    b"\xc0\xaf",  # an overlong encoding of "/"
    b"\xed\xa0\x80",  # an encoded surrogate
    b"\xef\xbb\xbf" + MOTION_TEXT.encode(),
    MOTION_TEXT.encode(),
    MOTION_TEXT.encode().replace(b"\n", b"\r\n"),
    b"a" * (MAX_TEXT_CHARS * 4 + 1),
]
uploads = st.one_of(st.sampled_from([OMIT, *UPLOADS]), st.binary(max_size=200))
motion_texts = st.one_of(
    st.sampled_from([OMIT, "", MOTION_TEXT, MOTION_TEXT.replace("\n", "\r\n"), "x" * (MAX_TEXT_CHARS + 1)]),
    nasty_text,
    st.builds(_mangled, st.just(MOTION_TEXT), st.one_of(st.sampled_from(NASTY), st.text(chars, max_size=30)),
              st.integers(0, 60)),
)  # fmt: skip


@FUZZ
@given(text=motion_texts, upload=uploads, confirm=st.booleans())
@example(text=OMIT, upload="Yrkande angående åäö".encode("latin-1"), confirm=True)
@example(text=OMIT, upload=b"a" * (MAX_TEXT_CHARS * 4 + 1), confirm=True)
@example(text="x" * (MAX_TEXT_CHARS + 1), upload=OMIT, confirm=True)
@example(text=MOTION_TEXT.replace("Förslag till beslut", "Förslag till beslut\x1b[31m"), upload=OMIT, confirm=True)
@example(text=MOTION_TEXT, upload=OMIT, confirm=True)
def test_motion_import_never_crashes_and_explains_a_refusal(as_secretariat, text, upload, confirm):
    data = {} if text == OMIT else {"text": text}
    if upload != OMIT:
        file = io.BytesIO(upload)
        file.name = "yrkande.txt"
        data["file"] = file
    data["bekrafta" if confirm else "forhandsgranska"] = "1"
    response, before, after = _posted(as_secretariat, MOTION_URL, data, _motions)
    assert response.status_code in {200, 302}, response.status_code
    event(f"HTTP {response.status_code}")
    if response.status_code == 302:
        assert confirm and after[0] == before[0] + 1
        return
    assert after == before, "a refused or previewed motion was saved"
    html = response.content.decode()
    form = response.context["form"]
    if form.errors:
        assert "Texten kunde inte läsas in. Inget har sparats." in html
        assert_refusal_explained(response, html)
        for message in (m for messages in form.errors.values() for m in messages):
            assert "\x00" not in message and "\x1b" not in message
    else:
        assert response.context["parsed"] is not None and not confirm


# --- the e-mail preferences -------------------------------------------------------------------------------------------


@pytest.fixture
def as_officer(real_data, make_user):
    from assignments import roles

    client = Client()
    client.force_login(make_user("fuzz_handl", roles.OFFICER, boards=[Board.objects.get(slug="kommunstyrelsen")]))
    return client


flag = st.one_of(st.sampled_from([OMIT, "on", "", "true", "false", "False", "0", "1"]), nasty_text)


@FUZZ
@given(new_assignments=flag, report_reminders=flag)
def test_preferences_never_crash(as_officer, new_assignments, report_reminders):
    from notifications.forms import PreferencesForm

    client = as_officer
    data = form_data({"new_assignments": new_assignments, "report_reminders": report_reminders}, {})
    expected = PreferencesForm(data)
    assert expected.is_valid()

    def snapshot():
        return list(NotificationPreference.objects.values_list("new_assignments", "report_reminders"))

    response, _before, after = _posted(client, "/konto/aviseringar/", data, snapshot)
    assert response.status_code == 302, response.status_code
    assert after == [(expected.cleaned_data["new_assignments"], expected.cleaned_data["report_reminders"])]


# --- the report pages: choosing a report, storing and adopting a version ----------------------------------------------


@FUZZ
@given(
    namnd=st.one_of(st.sampled_from([OMIT, "kommunstyrelsen", "stadsledningskontoret", ""]), nasty_text),
    period=st.one_of(st.sampled_from([OMIT, "2023-augusti", "2023-", "-augusti", "9" * 30 + "-augusti"]), nasty_text),
)
def test_report_choice_never_crashes_and_explains_a_refusal(real_data, namnd, period):
    query = form_data({"namnd": namnd, "period": period}, {})
    response = Client().get("/rapporter/", query)
    if refused_address("/rapporter/", query):
        assert_address_refused(response)
        return
    assert response.status_code == 200
    form = response.context["form"]
    if form.is_bound and form.errors:
        html = response.content.decode()
        assert_refusal_explained(response, html)
        assert "\x00" not in "".join(m for messages in form.errors.values() for m in messages)


@pytest.fixture
def quick_pdf(monkeypatch, settings, tmp_path):
    """The renderer is replaced here (tests/reports renders the real thing): an example must take milliseconds."""
    from reports import services

    monkeypatch.setattr(services, "render_pdf", lambda html: b"%PDF-1.7\n" + html.encode()[:64])
    settings.MEDIA_ROOT = tmp_path / "media"


@FUZZ
@given(
    adopt=flag,
    board=st.sampled_from(["kommunstyrelsen", "finns-inte", "a" * 300]),
    year=st.sampled_from(["2023", "0", "9" * 30]),
    period=st.sampled_from(["augusti", "mars", "finns-inte"]),
    version=st.sampled_from([None, "1", "0", "9" * 30]),
)
def test_storing_and_adopting_a_report_never_crash(as_secretariat, quick_pdf, adopt, board, year, period, version):
    data = form_data({"adopt": adopt}, {})
    path = f"/rapporter/{board}/{year}/{period}/versioner/" + (f"{version}/faststall/" if version else "")

    def snapshot():
        return list(PublishedReport.objects.values_list("board__slug", "version", "is_adopted"))

    response, before, after = _posted(as_secretariat, path, data, snapshot)
    assert response.status_code in {302, 404}, (response.status_code, path, data)
    event(f"HTTP {response.status_code}")
    if response.status_code == 404:
        assert after == before


# --- values echoed in error messages ----------------------------------------------------------------------------------
#
# Found while fuzzing: a message that repeats the refused value ("Okänd status: …") carried a NUL or
# an escape sequence back to the page as it was sent. Now every form's messages replace control
# characters with U+FFFD and cut a long value.

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _messages(form) -> list[str]:
    return [message for messages in form.errors.values() for message in messages]


def _assert_echo_is_printable(response, form, expected: str) -> None:
    messages = _messages(form)
    assert expected in messages, messages
    assert not any(CONTROL.search(message) for message in messages), messages
    assert escape(expected) in response.content.decode()


def test_the_status_form_does_not_echo_a_nul(as_secretariat):
    from assignments.models import Assignment

    assignment = Assignment.objects.get(dnr="1446/22")
    data = {"target": "a\x00b", "reason": "", "version": str(assignment.version)}
    response = as_secretariat.post(f"/uppdrag/{assignment.pk}/status/", data)
    assert response.status_code == 400
    _assert_echo_is_printable(
        response, response.context["form"], "Statusen ”a\ufffdb” går inte att välja för uppdraget nu."
    )


def test_the_list_filters_do_not_echo_control_characters(as_secretariat):
    # C0 control characters never reach the form: the address itself is refused (core.middleware).
    assert_address_refused(as_secretariat.get("/uppdrag/", {"status": "x\x00\x1b[31m\u202e"}))
    # A bidirectional override is no control character, so the form refuses it and echoes it printable.
    response = as_secretariat.get("/uppdrag/", {"status": "x\u202e[31m\u2066"})
    assert response.status_code == 400
    _assert_echo_is_printable(response, response.context["form"], "Okänd status: x\ufffd[31m\ufffd.")


def test_a_long_refused_value_is_cut_in_the_message(as_secretariat):
    response = as_secretariat.get("/uppdrag/", {"sortera": "å" * 5000})
    assert response.status_code == 400
    _assert_echo_is_printable(response, response.context["form"], f"Okänd sortering: {'å' * 79}….")


def test_a_statement_row_does_not_echo_a_nul(as_secretariat, statement):
    data = _formset_data("rader", [{"label": "Intäkter", "kind": "intakter", "utfall": "1\x00"}], {}, [])
    response = as_secretariat.post(f"/budget/redovisningar/{statement.pk}/andra/", data)
    assert response.status_code == 200
    form = response.context["formset"].forms[0]
    _assert_echo_is_printable(
        response, form, "”1\ufffd” är inte ett belopp. Skriv till exempel 1,1 mnkr, 13 400 tkr eller 250 000 kr."
    )


def test_the_motion_importer_does_not_echo_an_escape_sequence(as_secretariat):
    text = "Yrkande angående x\n\nFörslag till beslut\nfoo\x1b[31m bar\n1. Ett.\n"
    before = _motions()
    response = as_secretariat.post(MOTION_URL, {"text": text, "bekrafta": "1"})
    assert response.status_code == 200
    _assert_echo_is_printable(
        response, response.context["form"], "Rad 4: Texten står före första numrerade punkten: ”foo\ufffd[31m bar”"
    )
    assert _motions() == before


def test_the_rollcall_importer_does_not_echo_control_characters(as_secretariat):
    from motions.models import Vote

    case = Case.objects.by_url_key("SLK-2022-00921").get()
    decision = case.decisions.order_by("id").first()
    url = f"/arenden/{case.url_key}/beslut/{decision.pk}/las-in-omrostning/"
    text = "Namn Parti Plats Funktion Resultat\nAnna\x07 S 1 Ledamot Ja\n"
    votes = Vote.objects.count()
    response = as_secretariat.post(url, {"text": text, "proposition": "Ja för bifall", "bekrafta": "1"})
    assert response.status_code == 200
    _assert_echo_is_printable(
        response,
        response.context["form"],
        "Rad 2: Raden ska ha namn, parti, plats, funktion och resultat: ”Anna\ufffd S 1 Ledamot Ja”",
    )
    assert Vote.objects.count() == votes
