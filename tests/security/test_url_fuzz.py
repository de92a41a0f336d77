"""A Hypothesis fuzz over every URL pattern: path parameters with NUL and other control characters,
overlong, not normalised (NFD), percent-encoded bytes that are not UTF-8, and numbers far beyond
what a column holds. Whatever the value, the answer is a page, a redirect, a refusal, 404 or a
Swedish 400 — never a server error — on SQLite and on PostgreSQL alike (CI runs both)."""

import re
import unicodedata
from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.urlpatterns import PARAMETER, path_routes

ACCEPTED = {200, 301, 302, 400, 403, 404, 405}


ROUTES = [route for route in path_routes() if "<" in route]

text_values = st.one_of(
    st.text(min_size=1, max_size=40),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x1F), min_size=1, max_size=5),
    st.sampled_from(["a" * 5000, "SLK-2022-00921" + "0" * 300, "0921-22\x00", "%FF%FE", "%C3", "..%2F..%2Fetc"]),
    st.text(alphabet="ÅÄÖåäöé", min_size=1, max_size=8).map(lambda s: unicodedata.normalize("NFD", s)),
)
numbers = st.one_of(st.integers(min_value=0, max_value=10**30), st.just(2**63), st.just(2**31))


def _segment(value: str) -> str:
    # Keep what is already percent-encoded as it is (broken UTF-8 on purpose), quote the rest.
    return value if re.fullmatch(r"(%[0-9A-F]{2})+", value) else quote(value, safe="")


@st.composite
def urls(draw, route):
    def replace(match):
        converter = match.group("converter") or "str"
        if converter == "int":
            return str(draw(numbers))
        return _segment(draw(text_values))

    return "/" + PARAMETER.sub(replace, route)


@pytest.fixture
def superuser_client(django_user_model):
    user = django_user_model.objects.create_superuser("fuzz-admin", "fuzz@example.org", "lösenord-fuzz-123")
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


@pytest.mark.parametrize("route", ROUTES)
def test_no_value_in_a_path_parameter_is_a_server_error(route, real_data, superuser_client):
    anonymous = Client(raise_request_exception=False)

    # The admin's patterns repeat per model (the same views): fewer examples each keep the suite fast.
    @settings(
        max_examples=3 if route.startswith("admin/") else 12, deadline=None, database=None, derandomize=True,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )  # fmt: skip
    @given(url=urls(route))
    def check(url):
        for client in (anonymous, superuser_client):
            for response in (client.get(url), client.post(url, {})):
                assert response.status_code in ACCEPTED, (url, response.status_code)

    check()


def test_every_pattern_with_a_parameter_is_fuzzed():
    assert len(ROUTES) >= 40
    assert any(route.startswith("arenden/") for route in ROUTES)
    assert any(route.startswith("admin/") for route in ROUTES)
