"""Per-table versions: the content-version trigger also bumps the written table's counter, so a
fragment keyed by its tables (request_content_version(request, *tables)) is rebuilt after a write to
one of them, whichever way it is written, and still served after a write to any other table."""

import pytest
from django.db import connection
from django.test import RequestFactory

import core.fragment_cache
from assignments.models import Assignment
from budget.models import StatementLine
from pagecache import triggers
from pagecache.cache import read_versions, request_content_version
from tests.fragment_checks import html_without_csrf, ways_of_writing

pytestmark = pytest.mark.django_db


def _counters() -> dict[str, int]:
    return dict(read_versions().tables)


def test_a_write_bumps_the_written_table_and_the_global_version_alone(real_data):
    before, global_before = _counters(), read_versions().counter
    Assignment.objects.filter(pk=Assignment.objects.order_by("id").first().pk).update(text="Ny text.")
    after = _counters()
    assert after["assignments_assignment"] > before.get("assignments_assignment", 0)
    assert read_versions().counter > global_before
    moved = {table for table in after if after[table] != before.get(table, 0)}
    assert moved == {"assignments_assignment"}


def test_bump_moves_every_tracked_table_and_the_global_version(real_data):
    before, global_before = _counters(), read_versions().counter
    triggers.bump()
    after = _counters()
    assert read_versions().counter == global_before + 1
    assert set(after) >= set(triggers.tracked_tables())
    assert all(after[table] == before.get(table, 0) + 1 for table in triggers.tracked_tables())


def test_the_versions_are_read_once_per_request_whatever_the_dependencies(db, django_assert_num_queries):
    request = RequestFactory().get("/")
    with django_assert_num_queries(1):
        overall = request_content_version(request)
        one = request_content_version(request, Assignment, "assignments_board")
        other = request_content_version(request, StatementLine)
    assert one.tables == {"assignments_assignment", "assignments_board"}
    assert len({overall, one, other}) == 3
    assert one.split("-")[0] == other.split("-")[0] == overall.split("-")[0]  # the one epoch


def test_an_untracked_table_cannot_be_a_dependency(db):
    # No trigger moves it: a fragment showing it would never change.
    with pytest.raises(ValueError, match="django_session"):
        request_content_version(RequestFactory().get("/"), "django_session")


def test_a_new_epoch_changes_every_dependent_version(db):
    request = RequestFactory().get("/")
    before = request_content_version(request, Assignment)
    triggers.start_new_epoch()
    assert request_content_version(RequestFactory().get("/"), Assignment) != before


@pytest.fixture
def reader_client(client, real_data, reader):
    client.force_login(reader)
    return client


@pytest.fixture
def builds(monkeypatch):
    built = []
    original = core.fragment_cache.build

    def counting(name, version, render):
        built.append(name)
        return original(name, version, render)

    monkeypatch.setattr(core.fragment_cache, "build", counting)
    return built


def _assignment():
    return Assignment.objects.order_by("id").first()


def _line():
    return StatementLine.objects.order_by("id").first()


def _statement_line_writes():
    line = _line()
    return {
        "save": lambda: (setattr(line, "label", "Annan rad"), line.save()),
        "update": lambda: StatementLine.objects.filter(pk=line.pk).update(label="Annan rad"),
        "bulk_create": lambda: StatementLine.objects.bulk_create(
            [StatementLine(statement=line.statement, position=999, label="Ny rad", kind=line.kind)]
        ),
        "raw-sql": lambda: connection.cursor().execute(
            "UPDATE budget_statementline SET label = %s WHERE id = %s", ["Annan rad", line.pk]
        ),
    }


@pytest.mark.parametrize("way", ["save", "update", "bulk_create", "raw-sql"])
def test_a_statement_line_written_leaves_the_assignment_page_a_hit(reader_client, builds, way):
    assert _line() is not None, "the real data has statement lines"
    path = _assignment().get_absolute_url()
    first = html_without_csrf(reader_client.get(path))
    assert set(builds) == {"assignment-facts", "assignment-history"}
    builds.clear()
    _statement_line_writes()[way]()
    assert html_without_csrf(reader_client.get(path)) == first
    assert builds == []  # both fragments from the cache


@pytest.mark.parametrize("way", ["save", "update", "raw-sql"])
def test_the_assignment_written_rebuilds_its_page(reader_client, builds, way):
    assignment = _assignment()
    path = assignment.get_absolute_url()
    reader_client.get(path)
    builds.clear()
    ways_of_writing("text", "Nytt ord: tabellbrytare.")[way](assignment)
    assert "tabellbrytare" in html_without_csrf(reader_client.get(path))
    assert set(builds) == {"assignment-facts", "assignment-history"}


def test_a_status_report_rewritten_rebuilds_the_assignment_page(reader_client, builds):
    from assignments.models import StatusReport

    report = StatusReport.objects.select_related("assignment").order_by("id").first()
    path = report.assignment.get_absolute_url()
    reader_client.get(path)
    builds.clear()
    StatusReport.objects.filter(pk=report.pk).update(text="Ny rapport: tabellbrytare.")
    assert "tabellbrytare" in html_without_csrf(reader_client.get(path))
    assert "assignment-history" in builds


def test_an_assignment_written_leaves_the_comparison_a_hit(reader_client, builds):
    path = "/arenden/SLK-2022-00921/jamfor/"
    first = html_without_csrf(reader_client.get(path))
    builds.clear()
    Assignment.objects.filter(pk=_assignment().pk).update(text="Ny text.")
    assert html_without_csrf(reader_client.get(path)) == first
    assert builds == []


@pytest.mark.django_db(transaction=True)
def test_committed_writes_move_each_written_table_once_per_transaction():
    """As in production: on PostgreSQL the trigger fires at commit, once per table and transaction
    (the content version first); on SQLite at each write."""
    from django.db import transaction

    from assignments.models import Board, ReportingPeriod

    first = Board.objects.create(slug="forsta", name="Första nämnden", short_name="Första")
    before, global_before = _counters(), read_versions().counter
    with transaction.atomic():
        first.name = "Omdöpta nämnden"
        first.save()
        Board.objects.create(slug="andra", name="Andra nämnden", short_name="Andra")
        ReportingPeriod.objects.create(year=2031, kind=ReportingPeriod.Kind.MARS)
    after, global_after = _counters(), read_versions().counter
    boards = after["assignments_board"] - before["assignments_board"]
    periods = after["assignments_reportingperiod"] - before.get("assignments_reportingperiod", 0)
    if connection.vendor == "postgresql":
        assert (boards, periods, global_after - global_before) == (1, 1, 1)
    else:
        assert (boards, periods) == (2, 1) and global_after - global_before >= 3
    moved = {t for t in after if after[t] != before.get(t, 0)}
    assert moved >= {"assignments_board", "assignments_reportingperiod"}
    assert not moved & {"assignments_assignment", "assignments_statusreport", "budget_statementline"}, moved
