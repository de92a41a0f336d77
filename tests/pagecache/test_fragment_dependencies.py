"""Every cached fragment is keyed by the tables it shows, and those are all the tables it reads.

A fragment's version counts only the tables it declares (pagecache.cache.request_content_version
with dependencies), so a table it reads but does not declare could change without the fragment
changing: a stale page. Each page with fragments is rendered afresh with its SQL captured; every
table named in a statement run from the start of the view (the visitor's session and user already
read) to the end of a fragment's build must be among that fragment's dependencies. That is more
than the fragment's own queries: the view's earlier reads (the object it shows, looked up before)
and the earlier fragments' (objects they loaded and the later fragment reuses) count too.

A fragment added to a template or view without a row here fails test_every_fragment_is_checked.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import core.fragment_cache
from assignments.models import Assignment
from pagecache.cache import DependentVersion

ROOT = Path(django_settings.BASE_DIR)
CASE = "SLK-2022-00921"
_MARK = {}


class ViewStartMark:
    """The last middleware: reads the session and the user (per visitor, before any fragment), then
    notes where in the captured SQL the view begins."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        _ = request.user.is_authenticated
        _MARK["view"] = len(connection.queries_log)


def _detail_with_history():
    # The assignment with the most status reports and changes: every part of the timeline is built.
    from django.db.models import Count

    assignment = (
        Assignment.objects.annotate(n=Count("status_reports") + Count("status_changes")).order_by("-n", "id").first()
    )
    return assignment.get_absolute_url()


def _with_period_report(user):
    from assignments.models import ReportingPeriod

    period = ReportingPeriod.objects.filter(status_reports__isnull=False).order_by("-year", "-kind").first()
    return f"/uppdrag/?period={period.year}-{period.slug}&rapport=finns&sortera=andrad"


def _review(secretariat):
    from tests.motions.cycle import new_case, new_decision

    return f"/sekretariat/beslut/{new_decision(secretariat, new_case(secretariat)).pk}/uppdrag/"


# page: (path, or a function of the secretariat user giving it; the fragments it builds)
PAGES = {
    "assignment-list": ("/uppdrag/?per_sida=200", {"assignment-filter", "assignment-results"}),
    "assignment-list-reports": (_with_period_report, {"assignment-filter", "assignment-results"}),
    "assignment-list-filtered": (
        "/uppdrag/?status=in_progress&sortera=status&namnd=grundskolenamnden&frist=passerad&q=skola",
        {"assignment-filter", "assignment-results"},
    ),
    "assignment-detail": (lambda user: _detail_with_history(), {"assignment-facts", "assignment-history"}),
    "case-detail": (f"/arenden/{CASE}/", {"case-detail"}),
    "case-comparison": (f"/arenden/{CASE}/jamfor/", {"case-comparison"}),
    "case-costs": (f"/budget/arenden/{CASE}/", {"case-costs"}),
    "board-economy": ("/budget/namnder/grundskolenamnden/", {"board-economy"}),
    "report-preview": (
        lambda user: reverse("reports:preview", args=("kommunstyrelsen", 2023, "augusti")),
        {"reports:preview"},
    ),
    "register": ("/rapporter/verkstallighetsregister/", {"register-results"}),
    "register-filtered": ("/rapporter/verkstallighetsregister/?ar=2023", {"register-results"}),
    "search": ("/sok/?q=kollektivavtal", {"search-page"}),
    "search-points": ("/sok/?q=prostitution&typ=beslutspunkter", {"search-page"}),
    "search-empty": ("/sok/", {"search-page"}),
    "search-board-year": ("/sok/?q=uppdrag&namnd=grundskolenamnden&ar=2023", {"search-page"}),
    "secretariat-review": (_review, {"secretariat-review"}),
}


def _all_tables() -> list[str]:
    return connection.introspection.table_names()


def tables_in(sql: str, names) -> set[str]:
    return {name for name in names if re.search(rf"\b{re.escape(name)}\b", sql)}


def _builds(client, path, monkeypatch):
    """[(name, version, tables read from the view's start to the end of its build)] of one GET."""
    builds = []
    original = core.fragment_cache.build

    def watching(name, version, render):
        value = original(name, version, render)
        builds.append((name, version, len(connection.queries_log)))
        return value

    monkeypatch.setattr(core.fragment_cache, "build", watching)
    with CaptureQueriesContext(connection) as captured:
        start = captured.initial_queries
        response = client.get(path)
    assert response.status_code == 200
    names = _all_tables()
    view = _MARK["view"]
    assert view >= start and len(connection.queries_log) < connection.queries_log.maxlen
    result = []
    for name, version, end in builds:
        sql = "\n".join(connection.queries_log[i]["sql"] for i in range(view, end))
        result.append((name, version, tables_in(sql, names) - {t for t in names if t.startswith("pagecache_")}))
    return result


@pytest.fixture
def watched(settings):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "tests.pagecache.test_fragment_dependencies.ViewStartMark"]


@pytest.mark.parametrize("role", ["reader", "secretariat"])
@pytest.mark.parametrize("page", sorted(PAGES))
def test_a_fragment_reads_only_the_tables_it_is_keyed_by(
    client, real_data, secretariat, reader, watched, monkeypatch, page, role
):
    path, expected = PAGES[page]
    if page == "secretariat-review" and role == "reader":
        pytest.skip("the secretariat's page")
    if callable(path):
        path = path(secretariat)
    client.force_login(secretariat if role == "secretariat" else reader)
    builds = _builds(client, path, monkeypatch)
    assert {name for name, _, _ in builds} == expected
    for name, version, read in builds:
        assert isinstance(version, DependentVersion), f"{name}: keyed by the global version, not its tables"
        undeclared = read - version.tables
        assert not undeclared, f"{name} reads {sorted(undeclared)} but is not keyed by them"


def test_a_forgotten_dependency_is_found(client, real_data, reader, watched, monkeypatch):
    """The check is not vacuous: the detail page keyed without its status reports is caught."""
    import assignments.views

    narrower = tuple(t for t in assignments.views.DETAIL_TABLES if t != "assignments_statusreport")
    monkeypatch.setattr(assignments.views, "DETAIL_TABLES", narrower)
    client.force_login(reader)
    builds = _builds(client, _detail_with_history(), monkeypatch)
    missing = {name: read - version.tables for name, version, read in builds}
    assert missing["assignment-history"] == {"assignments_statusreport"}


def _fragment_names_in_source() -> set[str]:
    names = set()
    for template in (ROOT / "templates").rglob("*.html"):
        names |= set(re.findall(r'{%\s*fragment_cache\s+"([^"]+)"', template.read_text()))
    packages = [path.parent for path in ROOT.glob("*/__init__.py")]
    for package in packages:
        if package.name in ("tests", "benchmarks", "core"):  # core defines them; tests and benchmarks use none
            continue
        for module in package.rglob("*.py"):
            text = module.read_text()
            names |= set(re.findall(r'cached_(?:form_)?fragment\(\s*(?:request,\s*)?"([^"]+)"', text))
    return names


def test_every_fragment_is_checked():
    in_source = _fragment_names_in_source()
    assert len(in_source) >= 12
    assert in_source == set().union(*(expected for _, expected in PAGES.values()))
