"""One search across assignments, cases, motions and decision points.

On PostgreSQL: full-text search with the `swedish` configuration (so "uppdragen" finds "uppdrag"),
ranked by ts_rank, with highlighted snippets from ts_headline. The parsed vectors are stored in a
generated column of each table (`search_sv`, see search_indexes/migrations/0002), GIN-indexed.
On SQLite: every word of the query must occur (case-insensitively) in the record; snippets are
cut and highlighted in Python.

The same filters on both: kind, board, party and year. A fixed number of queries per search,
whatever the number of hits.

Here: the search itself and its limits. What is asked and answered is in `results`, how each kind
is matched and shown in `kinds`, snippets in `snippets`; the names the page and the tests use are
importable from here.
"""

from __future__ import annotations

from .kinds import SEARCHERS, uses_full_text
from .results import KINDS, PARTY_KINDS, Hit, Results, SearchParams
from .snippets import python_snippet

__all__ = [
    "KINDS",
    "MAX_QUERY_LENGTH",
    "PARTY_KINDS",
    "RANK_CANDIDATES",
    "RESULTS_PER_KIND",
    "SEARCHERS",
    "Hit",
    "Results",
    "SearchParams",
    "python_snippet",
    "search",
    "uses_full_text",
]

MAX_QUERY_LENGTH = 200
RESULTS_PER_KIND = 50
# Above this many matches of one kind, the count stops ("more than 1 000") and only this many
# candidates are ranked (see _Kind.best): a very common word stays fast.
RANK_CANDIDATES = 300


def search(params: SearchParams, limit: int = RESULTS_PER_KIND) -> Results:
    """The best `limit` hits over the chosen kinds: by rank on PostgreSQL; on SQLite the newest
    of each kind in turn. At most four queries per kind on PostgreSQL and three on SQLite, whatever
    the number of hits."""
    counts: dict[str, int] = {}
    capped: set[str] = set()
    best: dict[str, list[tuple[float, int]]] = {}
    for kind in params.kinds:
        count, best[kind] = SEARCHERS[kind].count_and_best(params, limit, RANK_CANDIDATES)
        if count > RANK_CANDIDATES:
            capped.add(kind)
        counts[kind] = min(count, RANK_CANDIDATES)
    if uses_full_text():
        chosen = sorted(
            ((rank, kind, pk) for kind, rows in best.items() for rank, pk in rows), key=lambda row: row[0], reverse=True
        )[:limit]
    else:
        # Take turns between the kinds so that every kind with hits is represented.
        chosen = []
        for index in range(limit):
            chosen += [(rows[index][0], kind, rows[index][1]) for kind, rows in best.items() if index < len(rows)]
        chosen = chosen[:limit]
    hits = []
    fetched = {
        kind: SEARCHERS[kind].fetch(params, [pk for _rank, k, pk in chosen if k == kind])
        for kind in best
        if any(k == kind for _rank, k, _pk in chosen)
    }
    for rank, kind, pk in chosen:
        hit = fetched[kind][pk]
        hit.rank = rank
        hits.append(hit)
    return Results(params=params, hits=hits, counts=counts, candidate_limit=RANK_CANDIDATES, capped=capped)
