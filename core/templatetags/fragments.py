"""{% fragment_cache "name" version vary… %}…{% endfragment_cache %}: a part of a page cached by the
version of the data it shows (core/fragment_cache.py; the same for a part a view renders itself).

The version is the content version of the tables the fragment shows (pagecache/cache.py:
request_content_version(request, *tables), put in the context by the view), which database triggers
move on every committed write to those tables — through the ORM, update(), bulk or raw SQL alike —
so a fragment cached under one version is never shown once the data has changed, and one cached
before a write to another table is still served. Without a version
(the database could not say) nothing is cached. Everything else the fragment depends on (the
language, the day, the query string) goes into the vary values. A fragment must not show anything
of the user's own: it is shared by everyone who asks with the same values.
"""

from django import template

from core.fragment_cache import cached_fragment

register = template.Library()


class FragmentCacheNode(template.Node):
    def __init__(self, nodelist, name, version, vary):
        self.nodelist, self.name, self.version, self.vary = nodelist, name, version, vary

    def render(self, context):
        return cached_fragment(
            self.name.resolve(context),
            self.version.resolve(context),
            [v.resolve(context) for v in self.vary],
            lambda: self.nodelist.render(context),
        )


@register.tag
def fragment_cache(parser, token):
    bits = token.split_contents()[1:]
    if len(bits) < 2:
        raise template.TemplateSyntaxError("fragment_cache needs a name and a version.")
    nodelist = parser.parse(("endfragment_cache",))
    parser.delete_first_token()
    name, version, *vary = (parser.compile_filter(bit) for bit in bits)
    return FragmentCacheNode(nodelist, name, version, vary)
