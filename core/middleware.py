"""Refuse addresses no page of ours can mean, before any view or database sees them.

A NUL character in a URL's path or query reached the database as a query parameter, and
PostgreSQL refuses text with NUL (a DataError and a server error) where SQLite simply found
nothing. No identifier, slug or search of the product contains control characters, so such a
request gets a Swedish 400 page; the same for a query string that is not UTF-8.
"""

from __future__ import annotations

import re
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.http import HttpResponseBadRequest, JsonResponse
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

# C0 controls other than tab/newline/carriage return never belong in an address; NUL is the one that breaks.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _query_is_utf8(query_string: str) -> bool:
    try:
        unquote_to_bytes(query_string.replace("+", " ")).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def malformed_address(request) -> bool:
    if _CONTROL.search(request.path):
        return True
    query = request.META.get("QUERY_STRING", "")
    if not query:
        return False
    if not _query_is_utf8(query):
        return True
    return any(_CONTROL.search(key) or any(_CONTROL.search(v) for v in values) for key, values in request.GET.lists())


class MalformedAddressMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if malformed_address(request):
            if request.path.startswith(tuple(getattr(settings, "JSON_PATH_PREFIXES", ()))):
                # The open data API answers in its own error format, in JSON.
                message = _("Adressen innehåller tecken som inte kan användas (styrtecken eller icke-UTF-8).")
                return JsonResponse({"error": {"status": 400, "message": message}}, status=400)
            return HttpResponseBadRequest(render_to_string("core/bad_address.html", request=request))
        return self.get_response(request)


class PrivateCacheControlMiddleware:
    """What a signed-in user sees is theirs: no shared cache (a proxy, the city's gateway) may keep
    it, and the browser must not store it either (a shared computer in a meeting room)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            # patch_cache_control drops a "public" the view may have set in favour of "private".
            patch_cache_control(response, private=True, no_store=True)
        return response
