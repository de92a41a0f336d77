"""Hypothesis on what is typed into, or forged onto, the search page, the login form and the API.

Never a 500; a refused search or login says why on the page, a refused API query answers 400
with a Swedish message in JSON.
"""

import json

import pytest
from django.test import Client
from django.utils.html import escape
from hypothesis import given
from hypothesis import strategies as st

from api.resources import RESOURCES

from .fuzzing import (
    FUZZ,
    NASTY,
    OMIT,
    VALID,
    assert_address_refused,
    dates,
    form_data,
    maybe,
    nasty_text,
    numbers,
    refused_address,
)

pytestmark = pytest.mark.django_db


@FUZZ
@given(
    q=maybe(["uppdrag", "trygghet", "SLK-2022-00921", '"kollektivavtal" -skola'], nasty_text),
    typ=maybe(["uppdrag", "arenden", "yrkanden", "beslutspunkter"], nasty_text),
    namnd=maybe(["grundskolenamnden", "kommunstyrelsen"], nasty_text),
    parti=maybe(["S", "M", "V"], nasty_text),
    ar=maybe(["2022", "2023"], numbers),
)
def test_search_never_crashes_and_explains_a_refusal(real_data, q, typ, namnd, parti, ar):
    valid = {"q": "uppdrag", "typ": "", "namnd": "", "parti": "", "ar": ""}
    data = form_data({"q": q, "typ": typ, "namnd": namnd, "parti": parti, "ar": ar}, valid)
    response = Client().get("/sok/", data)
    if refused_address("/sok/", data):
        assert_address_refused(response)
        return
    assert response.status_code == 200, response.status_code
    form = response.context["form"]
    html = response.content.decode()
    for messages in form.errors.values():
        for message in messages:
            assert escape(message) in html


@FUZZ
@given(username=nasty_text, password=nasty_text)
def test_login_never_crashes_and_says_why(real_data, username, password):
    response = Client().post("/logga-in/", {"username": username, "password": password})
    # 200: the form again with its message; 403/429: django-axes' lockout page after repeated failures.
    assert response.status_code in {200, 403, 429}, response.status_code
    html = response.content.decode()
    if response.status_code == 200:
        errors = response.context["form"].errors
        assert errors, "a refused login without a message"
        for messages in errors.values():
            for message in messages:
                assert escape(message) in html


_RESOURCE_NAMES = [resource.name for resource in RESOURCES]


@FUZZ
@given(
    resource=st.sampled_from(_RESOURCE_NAMES),
    modified_since=st.one_of(st.sampled_from([OMIT, "2020-01-01", "2020-01-01T00:00:00+01:00"]), dates, nasty_text),
    page=st.one_of(st.sampled_from([OMIT, "1", "2"]), numbers),
    page_size=st.one_of(st.sampled_from([OMIT, "10", "100"]), numbers),
)
def test_api_queries_never_crash_and_a_refusal_is_explained(real_data, resource, modified_since, page, page_size):
    params = {
        name: value
        for name, value in {"modified_since": modified_since, "page": page, "page_size": page_size}.items()
        if value not in (OMIT, VALID)
    }
    response = Client().get(f"/api/v1/{resource}/", params)
    assert response.status_code in {200, 400, 404}, response.status_code
    body = json.loads(response.content)
    if response.status_code == 400:
        message = body["error"]["message"]
        assert message and "\x00" not in message
    elif response.status_code == 200:
        assert isinstance(body["data"], list)


def test_the_nasty_values_include_a_nul():
    """The strategies above would miss the bug class that matters most on PostgreSQL without it."""
    assert any("\x00" in value for value in NASTY)


def test_an_overlong_username_is_a_field_error_not_a_server_error(real_data):
    """Found by the test above on PostgreSQL: django-axes' failure record holds 255 characters."""
    response = Client().post("/logga-in/", {"username": "å" * 300, "password": "x"})
    assert response.status_code == 200
    assert "Användarnamnet kan vara högst 150 tecken." in response.content.decode()
