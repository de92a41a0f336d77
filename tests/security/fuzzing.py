"""What the fuzzing tests of the forms share: hostile values, Hypothesis settings and the checks of a refusal.

The values are what a user might paste or a forged request might carry: empty and blank strings,
control characters (NUL included), mixed scripts and bidirectional overrides, markup, and
malformed numbers and dates. VALID and OMIT stand for "a value the form accepts" and "not sent".
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils.html import escape
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

FUZZ = settings(
    max_examples=40,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
ACCEPTED = {200, 302, 400, 409}

VALID = "<giltigt värde>"  # replaced by a value the form accepts (a real period, board, version)
OMIT = "<utelämnat>"  # the field is not sent at all

NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\x00" * 3,
    "%00",
    "\x01\x02\x07\x08\x0b\x0c\x1b[31m\x7f",
    "\r\n\t\r",
    "\u202e\u200b\u200d\ufeff\u2028",
    "Göteborg ÅÄÖ åäö",
    "Привет, мир",
    "مرحبا بالعالم",
    "עברית",
    "中文字符 日本語 한국어",
    "𝕬𝖑𝖑 🏛️👩🏽‍⚖️",
    "e\u0301\u0301\u0301",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' OR '1'='1' --",
    "{{ 7*7 }}{% debug %}",
    "../../etc/passwd",
]
MALFORMED_NUMBERS = [
    "1.5", "1,5", " 1 ", "+1", "-1", "-0", "0", "1_000", "1e3", "1e309", "0x1f", "NaN", "Infinity",
    "٣", "０１", "²", "9" * 25, "-" + "9" * 25, str(2**63), str(2**64),
]  # fmt: skip
MALFORMED_DATES = [
    "2023-02-30", "2023-13-01", "2023-00-10", "0000-00-00", "0001-01-01", "9999-12-31", "99999-01-01",
    "2023-1-1", "1/2/2023", "27.09.2023", "2023-09-27T12:00", "2023-09-27\x00", "i dag", "٢٠٢٣-٠٩-٢٧",
]  # fmt: skip

chars = st.characters(exclude_categories=["Cs"])  # lone surrogates cannot be sent as UTF-8 at all
long_text = st.builds(
    lambda chunk, count: chunk * count,
    st.sampled_from(["a", "å", "\x00", "𝕏", "<b>", "a\r\n"]),
    st.sampled_from([199, 201, 2001, 20001]),  # around the limits of q, reason and the report text
)
nasty_text = st.one_of(st.sampled_from(NASTY), st.text(chars, max_size=40), long_text)
numbers = st.one_of(
    st.integers(-(2**70), 2**70).map(str), st.sampled_from(MALFORMED_NUMBERS), st.sampled_from(NASTY[:8])
)
dates = st.one_of(
    st.dates(datetime.date(1, 1, 1), datetime.date(9999, 12, 31)).map(datetime.date.isoformat),
    st.sampled_from(MALFORMED_DATES),
    st.sampled_from(NASTY[:8]),
)


def maybe(valid_choices, nasty):
    """A field as a user might send it, or as a forged request might."""
    return st.one_of(st.sampled_from([VALID, OMIT, *valid_choices]), nasty)


def form_data(fields: dict, valid: dict) -> dict:
    data = {}
    for name, value in fields.items():
        if value == OMIT:
            continue
        data[name] = valid[name] if value == VALID else value
    return data


def visible_errors(form) -> list[str]:
    """The error messages of the fields the user sees (and of the form as a whole)."""
    return [
        message
        for name, messages in form.errors.items()
        if name == "__all__" or not form.fields[name].widget.is_hidden
        for message in messages
    ]


def assert_refusal_explained(response, html: str, *, silent_ok=frozenset(), form=None) -> None:
    """Every error of a visible field is on the page, and a refusal is never silent.

    form is the refused form (response.context["form"] unless given); silent_ok names hidden fields
    whose errors need not be listed among the visible ones.
    """
    form = form if form is not None else response.context["form"]
    visible = visible_errors(form)
    assert form.is_bound and form.errors, "a refused form without errors"
    assert visible or set(form.errors) <= silent_ok, f"refused without a visible message: {dict(form.errors)}"
    for message in visible:
        assert escape(message) in html, f"the error {message!r} is not on the page"


def in_savepoint(request):
    with transaction.atomic():
        response = request()
        transaction.set_rollback(True)
    return response


def refused_address(path: str, query: dict) -> bool:
    """Whether the query makes an address no page can mean (core.middleware answers it with a Swedish 400)."""
    from django.test import RequestFactory

    from core.middleware import malformed_address

    return malformed_address(RequestFactory().get(path, query))


def assert_address_refused(response) -> None:
    assert response.status_code == 400, response.status_code
    assert "Adressen" in response.content.decode()


def posted(client, url, data, snapshot, **extra):
    """Post in a savepoint; the response and the snapshot of the data before and after."""

    def request():
        before = snapshot()
        response = client.post(url, data, **extra)
        return response, before, snapshot()

    return in_savepoint(request)


def assert_formset_refusal_explained(formset, html: str) -> None:
    """A refused formset says why: its own errors and every error of every row are on the page."""
    messages = list(formset.non_form_errors())
    for form in formset.forms:
        messages += [message for messages_ in form.errors.values() for message in messages_]
    assert messages, "a refused formset without errors"
    for message in messages:
        assert escape(message) in html, f"the error {message!r} is not on the page"


def formset_data(prefix: str, rows: list[dict], management_fields: dict, ids: list[int]) -> dict:
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
