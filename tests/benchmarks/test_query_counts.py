"""The number of queries of each page must not grow with the data (no N+1 anywhere).

Every page the benchmark measures (benchmarks.pages.discover, which keeps those whose URL
resolves; all of them must) is requested on a small and on a three times larger synthetic data
set; the heaviest instance of each page (the assignment with most reports, the case with most
motions, the board and period with most status reports) must cost no more queries on the larger
one.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from benchmarks import pages, scale

# The HTML pages benchmarks.pages.discover() finds (its PDFs are measured by the benchmark alone).
EXPECTED_PAGES = {
    "list",
    "list_filtered",
    "detail",
    "case",
    "compare",
    "report",
    "budget_case",
    "budget_board",
    "budget_statement",
    "search",
    "register",
    "register_filtered",
    "secretariat",
    "meeting",
    "review",
}


def _query_counts(factor: float, warm: bool) -> dict[str, tuple[int, int, str]]:
    counts = {}
    with transaction.atomic():
        scale.seed_scale(factor, seed=11)
        admin = get_user_model().objects.create_superuser("bench", "bench@example.invalid", "x")
        client = Client()
        client.force_login(admin)
        for page in pages.discover():
            if page.kind != "html":
                continue
            if warm:
                client.get(page.path)  # warm caches that are per process, not per data size
            # The results' fragment cache (keyed by the data's version) would answer the warm
            # request's repeat; both sizes are measured rendering the page in full.
            caches["fragments"].clear()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(page.path)
            counts[page.key] = (response.status_code, len(queries), page.path)
        transaction.set_rollback(True)
    return counts


@pytest.mark.django_db
def test_queries_per_page_do_not_grow_with_the_data():
    small = _query_counts(0.01, warm=True)
    large = _query_counts(0.03, warm=False)
    # Every page lands by now: one that no longer resolves (a URL renamed, say) must fail here,
    # not drop out of the measurement unnoticed.
    assert small.keys() == EXPECTED_PAGES, f"pages that do not resolve: {sorted(EXPECTED_PAGES - small.keys())}"
    assert small.keys() == large.keys()
    for key, (status, queries, path) in small.items():
        large_status, large_queries, large_path = large[key]
        assert status == large_status == 200, (key, path, status, large_status)
        # Equal for a page of one object; a search may find fewer kinds of hits, never more queries.
        assert large_queries <= queries, f"{key}: {queries} queries on {path}, {large_queries} on {large_path}"
