from django.urls import get_resolver, URLPattern, URLResolver

def walk(patterns, prefix="", ns=None):
    for p in patterns:
        if isinstance(p, URLResolver):
            n = p.namespace
            yield from walk(p.url_patterns, prefix + str(p.pattern), (f"{ns}:{n}" if ns and n else n or ns))
        else:
            yield prefix + str(p.pattern), (f"{ns}:{p.name}" if ns else p.name)

def test_x():
    for route, name in walk(get_resolver().url_patterns):
        if not route.startswith("admin/"):
            print(route, name)
