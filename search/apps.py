from django.apps import AppConfig


class SearchIndexesConfig(AppConfig):
    """Full-text indexes for the search page (search/queries.py) on PostgreSQL.

    The indexed expressions are exactly those search.py queries, so PostgreSQL answers a search
    from the GIN indexes instead of computing every record's tsvector. The tables belong to the
    assignments and motions apps; this app only adds (and on rollback removes) the indexes, and
    does nothing on SQLite.
    """

    name = "search"
    label = "search_indexes"
    verbose_name = "Sökindex"
