"""The seed's section 4.1 (delårsrapport augusti 2023) imported into a database with the boards and
nothing else gives the assignments and status reports the shipped fixtures hold, field by field.

Two fields of the fixtures come from elsewhere than the report, and are the only differences:
0921/22's "§ 4, punkt 3" is read from the KF minutes in the other seed document (the report writes
"KF 2022-06-16"), and 1447/22's deadline note is an editor's comment on the status report.
"""

import pytest

from assignments.models import Assignment, ReportingPeriod, StatusChange, StatusReport
from tests.motions.conftest import SEED_002, seed_lines

from .history_helpers import fixture, import_text, load_boards_only, section_41

NOT_IN_THE_REPORT = {("0921/22", "origin_paragraph"), ("0921/22", "origin_point"), ("1447/22", "deadline_note")}


def _stored(assignment: Assignment) -> dict:
    return {
        "text": assignment.text,
        "source": assignment.source,
        "budget_year": assignment.budget_year,
        "origin_body": assignment.origin_body.slug if assignment.origin_body else None,
        "origin_date": assignment.origin_date.isoformat() if assignment.origin_date else None,
        "origin_paragraph": assignment.origin_paragraph or None,
        "origin_point": assignment.origin_point or None,
        "responsible": sorted(r.board.slug for r in assignment.responsibilities.all()),
        "lead": next((r.board.slug for r in assignment.responsibilities.all() if r.is_lead), None),
        "all_boards": assignment.addressed_to_all_boards,
        "deadline": assignment.deadline.isoformat() if assignment.deadline else None,
        "deadline_note": assignment.deadline_note or None,
        "status": assignment.status,
        "sort_order": assignment.sort_order,
    }


def _expected(row: dict) -> dict:
    from assignments.loading import SECTION_ORDER

    origin = row["origin"]
    return {
        "text": row["text"],
        "source": row["source"],
        "budget_year": row["budget_year"],
        "origin_body": origin["body"],
        "origin_date": origin["date"],
        "origin_paragraph": origin["paragraph"],
        "origin_point": origin["point"],
        "responsible": sorted(row["responsible"]),
        "lead": row["lead"],
        "all_boards": row["all_boards"],
        "deadline": row["deadline"],
        "deadline_note": row["deadline_note"],
        "status": row["status"],
        "sort_order": (SECTION_ORDER.index(row["report_section"]) + 1) * 100 + row["position"],
    }


@pytest.mark.django_db
def test_section_41_imports_as_the_shipped_fixtures_field_by_field():
    load_boards_only()
    _parsed, outcomes = import_text(section_41())
    shipped = fixture("assignments.json")["assignments"]
    assert [o.action for o in outcomes] == ["create"] * len(shipped)
    assert sorted(Assignment.objects.values_list("dnr", flat=True)) == sorted(r["dnr"] for r in shipped)
    differences = set()
    for row in shipped:
        assignment = Assignment.objects.prefetch_related("responsibilities__board").get(dnr=row["dnr"])
        stored, expected = _stored(assignment), _expected(row)
        differences |= {(row["dnr"], name) for name in expected if stored[name] != expected[name]}
        reports = list(StatusReport.objects.filter(assignment=assignment).select_related("period", "board"))
        assert [
            (r.period.year, r.period.slug, r.board.slug, r.text, r.proposes, r.decision or None) for r in reports
        ] == [(r["year"], r["period"], r["board"], r["text"], r["proposes"], r["decision"]) for r in row["reports"]], (
            row["dnr"]
        )
    assert differences == NOT_IN_THE_REPORT
    assert list(ReportingPeriod.objects.values_list("year", "kind", "is_open")) == [
        (2023, ReportingPeriod.Kind.AUGUSTI, False)
    ]


@pytest.mark.django_db
def test_each_status_is_a_recorded_move_citing_the_imported_report():
    load_boards_only()
    import_text(section_41())
    changes = list(StatusChange.objects.select_related("assignment", "status_report__period"))
    assert len(changes) == Assignment.objects.count()
    for change in changes:
        assert change.from_status == Assignment.Status.NOT_STARTED
        assert change.to_status == change.assignment.status
        assert change.status_report.assignment_id == change.assignment_id
        assert change.reason.startswith("Inläst ur Delårsrapport aug 2023-Nämnder, avsnitt 4.1.")


@pytest.mark.django_db
def test_bilaga_1_whole_with_the_tu_before_it_reads_the_same_assignments():
    """The TU's decision points name the same dnr, but they are no assignment section."""
    load_boards_only()
    from reports.importers import parse_report_history

    whole = parse_report_history(seed_lines(SEED_002, 1, 2327))
    section = parse_report_history(section_41())
    assert whole.title == "Delårsrapport augusti 2023 för kommunstyrelsen"
    assert [i.as_json() | {"flags": None} for i in whole.items] == [
        i.as_json() | {"flags": None} for i in section.items
    ]
