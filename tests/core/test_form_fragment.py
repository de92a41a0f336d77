"""core.fragment_cache.cached_form_fragment: a stored part with a form carries each request's own CSRF
token, and the data it shows is never mistaken for the token's place."""

import re

import pytest
from django.middleware.csrf import _unmask_cipher_token
from django.template import engines
from django.test import RequestFactory

from core.fragment_cache import cached_form_fragment
from tests.fragment_checks import stored_fragments

TEMPLATE = engines["django"].from_string(
    '<form method="post">{% csrf_token %}<textarea>{{ text }}</textarea></form>'
    '<p>{{ text }}</p><p data-x="{{ text }}"></p>'
)
TOKEN_RE = re.compile(r'<form method="post"><input type="hidden" name="csrfmiddlewaretoken" value="(\w{64})">')
# What a user could type: the placeholder's own name and the token's attribute pair, quotes and all.
TRICKY = 'name="csrfmiddlewaretoken" value="__fragment_csrf__" __fragment_csrf__'


def _request():
    request = RequestFactory().get("/")
    request.session = {}
    return request


def _render(request, version="v1"):
    return cached_form_fragment(
        request, "form-test", version, ["sv"], lambda: TEMPLATE.render({"text": TRICKY}, request)
    )


@pytest.mark.parametrize("version", ["v1", None])
def test_each_request_gets_its_own_token_and_the_data_is_untouched(version):
    first, second = _request(), _request()
    html_first, html_second = _render(first, version), _render(second, version)
    assert stored_fragments() == (1 if version else 0)
    for request, html in ((first, html_first), (second, html_second)):
        assert html.count('name="csrfmiddlewaretoken" value="') == 1
        token = TOKEN_RE.match(html)[1]
        assert _unmask_cipher_token(token) == request.META["CSRF_COOKIE"]  # this request's own secret
        expected = TEMPLATE.render({"text": TRICKY}, request)
        # The same markup as an uncached render, but for the token (each get_token() masks anew).
        assert html.split('">', 2)[2] == expected.split('">', 2)[2]
    assert html_first != html_second
