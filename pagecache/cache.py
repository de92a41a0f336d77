"""The public pages' cache: an anonymous GET is answered from the cache when the content
version, the language, the day and the full URL are the same as when the page was rendered.

Only what every anonymous visitor would get alike is stored: no page that set a cookie, showed a
message or answered with anything but 200. The forms' CSRF tokens are the one per-visitor part
of a public page (the language switch posts): they are stored as a placeholder and each visitor
gets their own token in its place, with the CSRF cookie that goes with it.
"""

from __future__ import annotations

import functools
import hashlib
import re

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from .triggers import TABLE_VERSIONS, VERSION_TABLE, tracked_tables

CACHE_ALIAS = "pages"
MAX_PAGE_BYTES = 512 * 1024
HEADER = "X-Sidcache"  # "traff" or "miss"; lets tests and operators see what happened
CSRF_PLACEHOLDER = b"__sidcache_csrf__"
_CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]+(")')
# A visitor with one of these has a state of their own (a session, a pending message).
PRIVATE_COOKIES = ("sessionid", "messages")


def enabled() -> bool:
    return getattr(settings, "PAGE_CACHE", True)


def content_version() -> str | None:
    """The version of everything public pages show; None when unknown (then nothing is cached)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT epoch, counter FROM {VERSION_TABLE} WHERE id = 1")  # noqa: S608 - constant
            row = cursor.fetchone()
    except DatabaseError:
        return None
    return f"{row[0]}-{row[1]}" if row else None


class Versions:
    """The content version's epoch and counter and every table's counter, as one query read them."""

    def __init__(self, epoch: str, counter: int, tables: dict[str, int]):
        self.epoch, self.counter, self.tables = epoch, counter, tables

    def __str__(self):
        return f"{self.epoch}-{self.counter}"


def read_versions() -> Versions | None:
    """The content version and the table counters in one statement (one snapshot: a counter is never
    newer than another); None when unknown."""
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT NULL, counter, epoch FROM {VERSION_TABLE} WHERE id = 1 "  # noqa: S608 - constants
                f"UNION ALL SELECT table_name, counter, NULL FROM {TABLE_VERSIONS}"
            )
            rows = cursor.fetchall()
    except DatabaseError:
        return None
    own = [row for row in rows if row[0] is None]
    if not own:
        return None
    return Versions(own[0][2], own[0][1], {row[0]: row[1] for row in rows if row[0] is not None})


class DependentVersion(str):
    """A fragment's version: the epoch and the counters of the tables it shows (`tables`, for the
    test that checks a fragment reads no other table: tests/pagecache/test_fragment_dependencies.py)."""

    tables: frozenset[str]


@functools.cache
def _tracked() -> frozenset[str]:
    return frozenset(tracked_tables())


def _table_names(dependencies) -> frozenset[str]:
    names = frozenset(d if isinstance(d, str) else d._meta.db_table for d in dependencies)
    untracked = names - _tracked()
    if untracked:
        # No trigger moves their counter: a fragment showing them would never change.
        raise ValueError(f"Not tracked by the content version's triggers: {sorted(untracked)}")
    return names


def request_content_version(request: HttpRequest, *dependencies) -> str | None:
    """The content version, read once per request (the middleware and every fragment of the page
    share the one query). Without dependencies: the version of everything (any write moves it).
    With dependencies (models or table names; a many-to-many table is named or given as its
    `through`): the version of those tables alone, for a fragment that shows nothing else."""
    if not hasattr(request, "_content_versions"):
        request._content_versions = read_versions()
    versions = request._content_versions
    if versions is None:
        return None
    if not dependencies:
        return str(versions)
    tables = _table_names(dependencies)
    version = DependentVersion(
        versions.epoch + "-" + ".".join(f"{name}:{versions.tables.get(name, 0)}" for name in sorted(tables))
    )
    version.tables = tables
    return version


def _cacheable_request(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD") or not enabled():
        return False
    if getattr(request, "user", None) is not None and request.user.is_authenticated:
        return False
    cookie_names = {settings.SESSION_COOKIE_NAME, *PRIVATE_COOKIES}
    return not any(name in request.COOKIES for name in cookie_names)


def _key(request: HttpRequest, version: str) -> str:
    parts = [
        version,
        get_language() or "",
        timezone.localdate().isoformat(),
        request.get_full_path(),
    ]
    return "page:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _cacheable_response(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not getattr(request, "_messages", None)
        and len(response.content) <= MAX_PAGE_BYTES
    )


class PublicPageCacheMiddleware:
    """Answers the public pages (settings.PAGE_CACHE_VIEWS, by URL name) from the cache.

    A middleware rather than a decorator so that the apps stay unaware of it (dependencies point
    from goteborg_uppdrag to the apps). It runs after authentication, messages and the locale.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.views = frozenset(getattr(settings, "PAGE_CACHE_VIEWS", ()))

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "_page_cache_key", None)
        if key is not None:
            if _cacheable_response(request, response):
                content = _CSRF_INPUT.sub(rb"\1" + CSRF_PLACEHOLDER + rb"\2", response.content)
                caches[CACHE_ALIAS].set(key, (content, response["Content-Type"]))
            response[HEADER] = "miss"
            patch_vary_headers(response, ("Cookie", "Accept-Language"))
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.view_name not in self.views or not _cacheable_request(request):
            return None
        version = request_content_version(request)
        if version is None:
            return None
        key = _key(request, version)
        stored = caches[CACHE_ALIAS].get(key)
        if stored is None:
            request._page_cache_key = key
            return None
        content, content_type = stored
        if CSRF_PLACEHOLDER in content:
            content = content.replace(CSRF_PLACEHOLDER, get_token(request).encode())
        response = HttpResponse(content, content_type=content_type)
        response[HEADER] = "traff"
        patch_vary_headers(response, ("Cookie", "Accept-Language"))
        return response
