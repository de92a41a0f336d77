"""seed_scale: deterministic, marked synthetic, in the promised proportions, on top of the real data."""

import hashlib
import re

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from assignments.models import Assignment, Board, Responsibility, StatusReport
from benchmarks import scale
from budget.models import FinancialStatement
from motions.models import Case, DecisionPoint, Motion

FACTOR = 0.01


def _digest() -> str:
    """The synthetic content by natural keys (ids and timestamps left out)."""
    parts = []
    for a in Assignment.objects.order_by("sort_order", "dnr").values_list(
        "dnr", "text", "source", "status", "deadline", "origin_date"
    ):
        parts.append(repr(a))
    for r in StatusReport.objects.order_by(
        "assignment__dnr", "period__year", "period__kind", "board__slug"
    ).values_list("assignment__dnr", "period__year", "period__kind", "board__slug", "text", "proposes", "decision"):
        parts.append(repr(r))
    # Every column in the order, so that ties (a decision's own points) cannot come back in another order.
    points = DecisionPoint.objects.order_by(
        "proposal__case__case_number", "motion__case__case_number", "motion__sort_order", "number", "text"
    )
    for p in points.values_list("proposal__case__case_number", "motion__case__case_number", "number", "text"):
        parts.append(repr(p))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


@pytest.mark.django_db
def test_same_seed_gives_the_same_data_and_another_seed_other_data():
    digests = []
    for seed in (7, 7, 8):
        with transaction.atomic():
            scale.seed_scale(FACTOR, seed=seed)
            digests.append(_digest())
            transaction.set_rollback(True)
    assert digests[0] == digests[1]
    assert digests[0] != digests[2]


@pytest.mark.django_db
def test_proportions_at_a_small_factor_and_a_history_row_for_each_object():
    counts = scale.seed_scale(FACTOR)
    assert counts["assignments.Assignment"] == 20
    assert 70 <= counts["assignments.StatusReport"] <= 130  # about 5 per assignment
    assert counts["motions.Case"] == 5
    assert counts["motions.Motion"] == 25
    assert counts["motions.DecisionPoint"] == 250
    assert counts["assignments.Board"] == scale.SYNTHETIC_BOARDS
    for label in ("assignments.Assignment", "assignments.StatusReport", "motions.DecisionPoint", "motions.Case"):
        assert counts[f"{label} (historik)"] == counts[label]
    synthetic = Assignment.objects.filter(text__startswith=scale.MARK)
    assert Assignment.history.filter(id__in=synthetic.values("id"), history_type="+").count() == 20
    # Every board has a financial statement for each period covered (the latest 3 of 30 at factor 0.01).
    boards = Board.objects.filter(kind__in=["committee", "company"]).count() + 1  # and KS
    assert FinancialStatement.objects.filter(period__year=2025).count() == boards * 3
    # One lead per assignment, as the model requires.
    assert Responsibility.objects.filter(assignment__in=synthetic, is_lead=True).count() == 20


@pytest.mark.django_db
def test_everything_synthetic_is_marked_and_cannot_collide_with_real_records(real_data):
    real_dnrs = set(Assignment.objects.values_list("dnr", flat=True))
    real_cases = set(Case.objects.values_list("pk", flat=True))
    scale.seed_scale(FACTOR)
    synthetic = Assignment.objects.exclude(dnr__in=real_dnrs)
    assert synthetic.count() == 20
    for assignment in synthetic:
        assert assignment.text.startswith("[Syntetisk] ")
        assert re.fullmatch(r"[0-9]{4}/9[0-9]", assignment.dnr)
    for case in Case.objects.exclude(pk__in=real_cases):
        assert case.title.startswith("[Syntetisk] ")
        assert case.case_number.startswith("SYNT-")
    assert all(
        name.startswith("[Syntetisk] ")
        for name in Board.objects.filter(slug__startswith="syntetisk-").values_list("name", flat=True)
    )
    assert all(m.title.startswith("[Syntetisk]") for m in Motion.objects.filter(case__case_number__startswith="SYNT-"))
    # The real records are untouched.
    assert Assignment.objects.filter(dnr__in=real_dnrs).count() == len(real_data["assignments"])


@pytest.mark.django_db
def test_command_loads_the_real_data_first_and_refuses_a_second_run(capsys):
    call_command("seed_scale", "--factor", str(FACTOR))
    assert "Syntetiska data skapade" in capsys.readouterr().out
    assert Assignment.objects.filter(dnr="1446/22").exists()  # real data loaded first
    with pytest.raises(CommandError, match="redan syntetiska"):
        call_command("seed_scale", "--factor", str(FACTOR))
    with pytest.raises(CommandError):
        call_command("seed_scale", "--factor", "0")


def _foreign_keys() -> set[tuple[str, str, tuple]]:
    from django.db import connection

    keys = set()
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            for name, info in connection.introspection.get_constraints(cursor, table).items():
                if info["foreign_key"]:
                    keys.add((table, name, tuple(info["columns"]), info["foreign_key"]))
    return keys


@pytest.mark.django_db
def test_the_bulk_load_leaves_every_key_and_trigger_in_place_and_moves_the_page_version():
    """bulk_load drops the foreign keys and the page-cache trigger for the load (PostgreSQL):
    afterwards they are all back, and pages cached before the load are no longer served."""
    from pagecache import cache as page_cache
    from pagecache import triggers

    keys, tables = _foreign_keys(), triggers.installed_tables()
    before, counters = page_cache.content_version(), page_cache.read_versions().tables
    scale.seed_scale(FACTOR)
    assert _foreign_keys() == keys
    assert triggers.installed_tables() == tables
    assert page_cache.content_version() != before
    # Nor fragments keyed by any table written: on PostgreSQL bump() moved every counter (the
    # triggers were off), on SQLite the triggers moved those of the tables written.
    from django.db import connection

    after = page_cache.read_versions().tables
    moved = {table for table in after if after[table] > counters.get(table, 0)}
    assert {"assignments_assignment", "assignments_statusreport", "motions_decisionpoint"} <= moved
    if connection.vendor == "postgresql":
        assert moved >= set(triggers.tracked_tables())


@pytest.mark.django_db
def test_a_bad_row_fails_the_whole_load_and_leaves_the_keys():
    """The foreign keys are checked in bulk at the end of the load: a row pointing nowhere
    rolls the whole load back instead of slipping in."""
    from django.db import IntegrityError, connection

    from benchmarks.scale import writer as scale_writer

    keys = _foreign_keys()
    original = scale_writer.Writer.through

    def broken(self, relation, pairs):
        original(self, relation, [(first, 10**9) for first, _second in pairs[:1]] + list(pairs[1:]))

    scale_writer.Writer.through = broken
    try:
        with pytest.raises(IntegrityError), transaction.atomic():
            scale.seed_scale(FACTOR)  # PostgreSQL: ADD CONSTRAINT at the end of the load
            connection.check_constraints()  # SQLite checks at COMMIT, which a test never reaches
    finally:
        scale_writer.Writer.through = original
    assert not scale.is_seeded()
    assert _foreign_keys() == keys
