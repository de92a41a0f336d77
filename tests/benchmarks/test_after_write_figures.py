"""The bench reports the first visit after a write to a table the page's fragments do not show
(issue 18: a status report saved must not cost the case page its fragments), and the README says it."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

import core.fragment_cache
from benchmarks import measure, pages, run, scale
from pagecache.cache import read_versions


@pytest.mark.django_db
def test_the_write_elsewhere_moves_a_table_the_page_does_not_show_and_the_page_stays_cached(monkeypatch):
    scale.seed_scale(0.01, seed=11)
    admin = get_user_model().objects.create_superuser("bench", "bench@example.invalid", "x")
    client = Client()
    client.force_login(admin)
    case = next(page for page in pages.discover() if page.key == "case")
    built = []
    original = core.fragment_cache.build
    monkeypatch.setattr(
        core.fragment_cache,
        "build",
        lambda name, version, render: built.append(name) or original(name, version, render),
    )
    before = read_versions().tables.get("assignments_statusreport", 0)
    result = measure.time_after_write_elsewhere(client, case.path, requests=3)
    assert result["table"] == "assignments_statusreport" and result["n"] == 3
    assert read_versions().tables["assignments_statusreport"] >= before + 3  # each sample wrote once
    assert built == ["case-detail"]  # built once, then every visit after a write came from the cache


@pytest.mark.django_db
def test_a_page_without_fragments_has_no_such_figure():
    scale.seed_scale(0.01, seed=11)
    admin = get_user_model().objects.create_superuser("bench", "bench@example.invalid", "x")
    client = Client()
    client.force_login(admin)
    assert measure.time_after_write_elsewhere(client, "/sekretariat/", requests=1) is None


def test_the_readme_lists_the_figure_below_the_table():
    row = {"key": "case", "label": "Ärende", "kind": "html", "status": 200, "median_ms": 4.0, "p95_ms": 5.0}
    row.update(queries=7, after_write_elsewhere={"table": "assignments_statusreport", "median_ms": 4.4, "p95_ms": 6})
    runs = {
        "sqlite": {
            "prepare": {"seed_seconds": None},
            "inprocess": {"data": {"assignments": 1, "status_reports": 2, "decision_points": 3}, "pages": [row]},
        }
    }
    assert "inte visar (tabellen inom parentes): Ärende 4.4 ms (assignments_statusreport)." in run.table(runs)
