"""Every URL pattern of the project, for the tests that must cover them all (the permission matrix,
the malformed-address and URL fuzz tests): one walk over the resolver."""

from __future__ import annotations

import re

from django.urls import URLPattern, URLResolver, get_resolver

# A path converter in a route: <int:pk>, <slug:board>, <key> (str).
PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


def all_routes(patterns=None, prefix: str = "", namespace: str | None = None):
    """(route, namespaced name) of every pattern, name None where the pattern has none."""
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace
            child = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
            yield from all_routes(pattern.url_patterns, route, child)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield route, name


def path_routes() -> list[str]:
    """The routes written as paths (not regular expressions), so a value can be put in each parameter."""
    return sorted({route for route, _name in all_routes() if "^" not in route and "(?P" not in route})
