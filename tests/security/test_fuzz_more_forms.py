"""Fuzzing the other forms and the importers through the test client (Hypothesis).

The motion importer (pasted text and uploaded files), the e-mail preferences and the report pages
(choosing a report, storing and adopting a version) get the values of tests/security/fuzzing.py,
and the error messages that echo a value are checked for control characters (the budget's forms:
test_fuzz_budget_forms.py). Each is posted as a user who may use it. The app must never answer 500
(the test client re-raises a view's exception), a refused form must say why on the page, and a
refused form must leave the database as it was.

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

from assignments.models import Board
from motions.importers import MAX_TEXT_CHARS
from motions.models import Case, DecisionPoint, Motion
from notifications.models import NotificationPreference
from reports.models import PublishedReport
from tests.motions.conftest import SEED_002, seed_lines

from .fuzzing import (
    FUZZ,
    NASTY,
    OMIT,
    assert_address_refused,
    assert_refusal_explained,
    chars,
    form_data,
    formset_data,
    nasty_text,
    posted,
    refused_address,
)

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
    response, before, after = posted(as_secretariat, MOTION_URL, data, _motions)
    assert response.status_code in {200, 302}, response.status_code
    event(f"HTTP {response.status_code}")
    if response.status_code == 302:
        assert confirm and after[0] == before[0] + 1
        return
    assert after == before, "a refused or previewed motion was saved"
    html = response.content.decode()
    form = response.context["form"]
    if form.errors:
        assert "Handlingen kunde inte läsas in. Inget har sparats." in html
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

    response, _before, after = posted(client, "/konto/aviseringar/", data, snapshot)
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

    response, before, after = posted(as_secretariat, path, data, snapshot)
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
    data = formset_data("rader", [{"label": "Intäkter", "kind": "intakter", "utfall": "1\x00"}], {}, [])
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
