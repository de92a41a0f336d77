"""Shared by the fragment-cache tests (issue 18): a page's HTML with its CSRF token taken out (the one
part of a page that differs between two visits), the number of fragments stored, and the three ways of
writing one column that a cached fragment must notice (the ORM's save, update(), raw SQL)."""

import re

from django.core.cache import caches
from django.db import connection

_CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def html_without_csrf(response) -> str:
    assert response.status_code == 200
    return _CSRF_RE.sub("", response.content.decode())


def stored_fragments() -> int:
    return len(caches["fragments"]._cache)  # noqa: SLF001 - LocMemCache's store


def ways_of_writing(field: str, value) -> dict:
    """{"save", "update", "raw-sql"}: each a function of the instance that writes `value` to `field`."""

    def raw_sql(instance):
        meta = type(instance)._meta
        quote = connection.ops.quote_name
        connection.cursor().execute(
            f"UPDATE {quote(meta.db_table)} SET {quote(meta.get_field(field).column)} = %s WHERE id = %s",  # noqa: S608 - the model's own quoted names
            [value, instance.pk],
        )

    return {
        "save": lambda instance: (setattr(instance, field, value), instance.save()),
        "update": lambda instance: type(instance).objects.filter(pk=instance.pk).update(**{field: value}),
        "raw-sql": raw_sql,
    }
