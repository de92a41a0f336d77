"""A part of a page cached by the version of the data it shows: what {% fragment_cache %}
(core/templatetags/fragments.py) does inside a template, for a view that renders the part itself.

The version is the page cache's content version of the tables the part shows (pagecache/cache.py:
request_content_version(request, *models)), which database triggers move on every committed write
to those tables (ORM, update(), bulk or raw SQL alike), so a part cached under one version is never
shown once the data has changed, and a write to any other table leaves it valid. That the declared
tables are all a part reads is checked by tests/pagecache/test_fragment_dependencies.py.
Without a version nothing is cached. Everything
else the part depends on (the language, the day, the objects shown) goes into `vary`. A part must
not show anything of the user's own: it is shared by everyone who asks with the same values.
"""

import hashlib
import re
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.conf import settings
from django.core.cache import caches
from django.middleware.csrf import get_token
from django.utils.safestring import mark_safe

CACHE_ALIAS = "fragments"

T = TypeVar("T")


def fragment_key(name, version, vary: Iterable) -> str:
    values = [str(name), str(version)] + [str(v) for v in vary]
    return "fragment:" + hashlib.sha256("\x1f".join(values).encode()).hexdigest()


def cached_fragment(name: str, version: str | None, vary: Iterable, render: Callable[[], T]) -> T:
    """render(), or what it returned for the same name, version and vary values."""
    if version is None or not getattr(settings, "FRAGMENT_CACHE", True):
        return build(name, version, render)
    key = fragment_key(name, version, vary)
    cache = caches[CACHE_ALIAS]
    value = cache.get(key)
    if value is None:
        value = build(name, version, render)
        cache.set(key, value)
    return value


def build(name: str, version, render: Callable[[], T]) -> T:
    """The one place where a fragment is rendered: the dependency test watches it to see which
    tables each fragment reads against those its version declares."""
    return render()


# The CSRF input as {% csrf_token %} writes it. In stored HTML the token is replaced by a value no
# rendered data can contain: escaped text never holds a bare quote, so the whole attribute pair
# with its quotes is a marker found only where the tag wrote it.
_CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="[A-Za-z0-9]+"')
_CSRF_STORED = 'name="csrfmiddlewaretoken" value="__fragment_csrf__"'


def cached_form_fragment(request, name: str, version: str | None, vary: Iterable, render: Callable[[], str]) -> str:
    """cached_fragment() for a part that holds a form: its CSRF token, the one thing in it that is the
    visitor's own, is stored as a placeholder and each request gets its own token in its place
    (what the page cache does for public pages). The result is marked safe: it is rendered HTML."""
    html = cached_fragment(name, version, vary, lambda: _CSRF_INPUT.sub(_CSRF_STORED, render()))
    if _CSRF_STORED in html:
        html = html.replace(_CSRF_STORED, f'name="csrfmiddlewaretoken" value="{get_token(request)}"')
    return mark_safe(html)  # noqa: S308 - a template's output, its values escaped by the template
