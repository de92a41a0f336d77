"""A part of a page cached by the version of the data it shows: what {% fragment_cache %}
(core/templatetags/fragments.py) does inside a template, for a view that renders the part itself.

The version is the page cache's content version, which database triggers move on every committed
write to the tables shown (ORM, update(), bulk or raw SQL alike), so a part cached under one
version is never shown once the data has changed. Without a version nothing is cached. Everything
else the part depends on (the language, the day, the objects shown) goes into `vary`. A part must
not show anything of the user's own: it is shared by everyone who asks with the same values.
"""

import hashlib
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.conf import settings
from django.core.cache import caches

CACHE_ALIAS = "fragments"

T = TypeVar("T")


def fragment_key(name, version, vary: Iterable) -> str:
    values = [str(name), str(version)] + [str(v) for v in vary]
    return "fragment:" + hashlib.sha256("\x1f".join(values).encode()).hexdigest()


def cached_fragment(name: str, version: str | None, vary: Iterable, render: Callable[[], T]) -> T:
    """render(), or what it returned for the same name, version and vary values."""
    if version is None or not getattr(settings, "FRAGMENT_CACHE", True):
        return render()
    key = fragment_key(name, version, vary)
    cache = caches[CACHE_ALIAS]
    value = cache.get(key)
    if value is None:
        value = render()
        cache.set(key, value)
    return value
