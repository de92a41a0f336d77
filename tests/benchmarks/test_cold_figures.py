"""The bench reports a page built afresh (the fragment cache off) for every HTML page, and the README
table shows it (issue 18: a detail page fast only because its fragments answer the repeats)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.test import Client

from benchmarks import measure, pages, run, scale
from tests.fragment_checks import stored_fragments


@pytest.mark.django_db
def test_time_cold_renders_with_the_fragment_cache_off():
    scale.seed_scale(0.01, seed=11)
    admin = get_user_model().objects.create_superuser("bench", "bench@example.invalid", "x")
    client = Client()
    client.force_login(admin)
    case = next(page for page in pages.discover() if page.key == "case")
    caches["fragments"].clear()
    cold = measure.time_cold(client, case.path, requests=2)
    assert set(cold) == {"median_ms", "p95_ms", "queries"}
    assert cold["median_ms"] > 0
    assert stored_fragments() == 0  # nothing came from, or went into, the fragment cache
    warm = measure.time_path(client, case.path, requests=2)
    assert stored_fragments() > 0  # the same page with the cache on does store its fragments
    assert cold["queries"] >= warm["queries"]


def _page(key, label, median, cold=None):
    row = {"key": key, "label": label, "kind": "html", "status": 200, "median_ms": median, "p95_ms": median + 1}
    row["queries"] = 7
    if cold is not None:
        row["cold"] = {"median_ms": cold, "p95_ms": cold + 2, "queries": 9}
    return row


def test_the_table_shows_each_pages_cold_median_in_its_own_column():
    runs = {
        "sqlite": {
            "prepare": {"seed_seconds": None},
            "inprocess": {
                "data": {"assignments": 1, "status_reports": 2, "decision_points": 3},
                "pages": [
                    _page("case", "Ärende", 4.2, cold=61.4),
                    _page("detail", "Uppdrag", 3.0, cold=8.25),
                    _page("old", "Sida utan kall mätning", 5.0),
                ],
            },
        }
    }
    lines = run.table(runs).splitlines()
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    column = header.index("median ms utan fragmentcache")
    assert header[column - 1] == "p95 ms"  # the rest of the table keeps its columns and order
    assert len(lines[1].strip("|").split("|")) == len(header)
    rows = {cells[0]: cells for cells in ([c.strip() for c in line.strip("|").split("|")] for line in lines[2:5])}
    assert rows["Ärende"][column] == "61"
    assert rows["Uppdrag"][column] == "8.2"
    assert rows["Sida utan kall mätning"][column] == "–"
    assert all(len(cells) == len(header) for cells in rows.values())
    assert "Ärende 61 ms, Uppdrag 8.2 ms." in run.table(runs)  # the line below the table stays
