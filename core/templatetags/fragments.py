"""{% fragment_cache "name" version vary… %}…{% endfragment_cache %}: a part of a page cached by the
version of the data it shows.

The version is the page cache's content version (pagecache/), which database triggers move on
every committed write to the tables shown — through the ORM, update(), bulk or raw SQL alike — so
a fragment cached under one version is never shown once the data has changed. Without a version
(the database could not say) nothing is cached. Everything else the fragment depends on (the
language, the day, the query string) goes into the vary values. A fragment must not show anything
of the user's own: it is shared by everyone who asks with the same values.
"""

import hashlib

from django import template
from django.conf import settings
from django.core.cache import caches

register = template.Library()

CACHE_ALIAS = "fragments"


class FragmentCacheNode(template.Node):
    def __init__(self, nodelist, name, version, vary):
        self.nodelist, self.name, self.version, self.vary = nodelist, name, version, vary

    def render(self, context):
        version = self.version.resolve(context)
        if version is None or not getattr(settings, "FRAGMENT_CACHE", True):
            return self.nodelist.render(context)
        values = [str(self.name.resolve(context)), str(version)] + [str(v.resolve(context)) for v in self.vary]
        key = "fragment:" + hashlib.sha256("\x1f".join(values).encode()).hexdigest()
        cache = caches[CACHE_ALIAS]
        html = cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, html)
        return html


@register.tag
def fragment_cache(parser, token):
    bits = token.split_contents()[1:]
    if len(bits) < 2:
        raise template.TemplateSyntaxError("fragment_cache needs a name and a version.")
    nodelist = parser.parse(("endfragment_cache",))
    parser.delete_first_token()
    name, version, *vary = (parser.compile_filter(bit) for bit in bits)
    return FragmentCacheNode(nodelist, name, version, vary)
