"""Saving an imported report: idempotent, no duplicate report for a period, status through the
workflow and only forward, all or nothing, the secretariat's alone, a constant number of queries."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from assignments import roles
from assignments.history_import import HistoryRow, report_history_import, status_moves
from assignments.models import Assignment, Board, ReportingPeriod, StatusChange, StatusReport
from reports.importers import parse_report_history, read_report_history, resolve_report_history

from .history_helpers import import_text, load_boards_only, section_41

Status = Assignment.Status

ARSRAPPORT_2023 = """Årsrapport 2023 för kommunstyrelsen

4.1.3 Uppdrag från kommunfullmäktige utanför budget

1. Kommunstyrelsen får i uppdrag att i samverkan med relevanta nämnder, rättsvårdande myndigheter och
civilsamhället ta fram förslag på insatser för att motverka och agera förebyggande mot prostitution,
människohandel och sexuell exploatering, samt komplettera med hänvisning till Göteborgs Stads plan mot
våld i nära relationer 2020–2023, dnr 0921/22, KF 2022-06-16.

Status: Uppdraget föreslås förklaras fullgjort.

Stadsledningskontoret har tagit fram ett tjänsteutlåtande med åtgärdsförslag.

2. Kommunstyrelsen får i uppdrag att säkerställa textning av Göteborgs Stads förinspelade material,
dnr 1407/22 - KF 2022-12-08, punkt 1.

Status: Uppdraget förklarades fullgjort av kommunfullmäktige.

Samtliga eftersändningar är textade.
"""


def _counts():
    from assignments.models import Responsibility

    return (
        Assignment.objects.count(), StatusReport.objects.count(), StatusChange.objects.count(),
        ReportingPeriod.objects.count(), Responsibility.objects.count(), Assignment.history.count(),
        StatusReport.history.count(), list(Assignment.objects.order_by("id").values_list("version", "status")),
    )  # fmt: skip


@pytest.mark.django_db
def test_importing_the_same_report_twice_changes_nothing():
    load_boards_only()
    import_text(section_41())
    before = _counts()
    _parsed, outcomes = import_text(section_41())
    assert {o.action for o in outcomes} == {"skip"}
    assert all("finns redan – hoppas över" in " ".join(o.notes) for o in outcomes)
    assert _counts() == before


@pytest.mark.django_db
def test_the_preview_says_what_saving_would_do():
    load_boards_only()
    first = parse_report_history(section_41())
    assert {i.action for i in first.items} == {"create"}
    assert any("Delårsrapport augusti 2023 finns inte och skapas" in f for f in first.flags)
    import_text(section_41())
    again = parse_report_history(section_41())
    assert {i.action for i in again.items} == {"skip"}
    assert not any("skapas" in f for f in again.flags)


@pytest.mark.django_db
def test_a_later_report_adds_to_the_existing_assignments_and_moves_them_on():
    load_boards_only()
    import_text(section_41())
    parsed, outcomes = import_text(ARSRAPPORT_2023)
    assert [o.action for o in outcomes] == ["add", "add"]
    assert Assignment.objects.count() == 14
    prostitution = Assignment.objects.get(dnr="0921/22")
    assert prostitution.status == Status.REPORTED_COMPLETE
    assert [r.period.kind for r in prostitution.status_reports.select_related("period")] == [
        ReportingPeriod.Kind.AUGUSTI, ReportingPeriod.Kind.ARSRAPPORT,
    ]  # fmt: skip
    subtitles = Assignment.objects.get(dnr="1407/22")
    assert subtitles.status == Status.COMPLETED
    last = subtitles.status_changes.order_by("-id").first()
    assert (last.from_status, last.to_status) == (Status.REPORTED_COMPLETE, Status.COMPLETED)
    assert last.status_report.period.kind == ReportingPeriod.Kind.ARSRAPPORT
    assert "Årsrapport 2023 för kommunstyrelsen" in last.reason


@pytest.mark.django_db
def test_an_older_report_read_afterwards_adds_its_text_and_leaves_the_status():
    load_boards_only()
    import_text(ARSRAPPORT_2023)
    assert Assignment.objects.get(dnr="0921/22").status == Status.REPORTED_COMPLETE
    changes = StatusChange.objects.count()
    parsed = parse_report_history(section_41())
    item = next(i for i in parsed.items if i.dnr == "0921/22")
    assert item.action == "add" and any("senare statusrapport" in n for n in item.notes)
    import_text(section_41())
    assert Assignment.objects.get(dnr="0921/22").status == Status.REPORTED_COMPLETE
    assert Assignment.objects.get(dnr="0921/22").status_reports.count() == 2
    # The 12 assignments new to the database each got their one move; the two older ones none.
    assert StatusChange.objects.count() == changes + 12


def test_status_moves_follow_the_table_forward_only():
    assert status_moves(Status.NOT_STARTED, Status.COMPLETED) == [
        (Status.REPORTED_COMPLETE, True), (Status.COMPLETED, False),
    ]  # fmt: skip
    assert status_moves(Status.NOT_STARTED, Status.IN_PROGRESS) == [(Status.IN_PROGRESS, False)]
    assert status_moves(Status.IN_PROGRESS, Status.PARTIALLY_REPORTED) == [(Status.PARTIALLY_REPORTED, True)]
    assert status_moves(Status.PARTIALLY_REPORTED, Status.IN_PROGRESS) == []
    assert status_moves(Status.COMPLETED, Status.PARTIALLY_REPORTED) == []
    assert status_moves(Status.NOT_STARTED, Status.NOT_STARTED) == []


def _row(**changes):
    ks = Board.objects.get(slug="kommunstyrelsen")
    values = {
        "dnr": "0101/22", "text": "Kommunstyrelsen får i uppdrag att pröva.", "source": Assignment.Source.KS,
        "status": Status.PARTIALLY_REPORTED, "report_text": "Arbetet pågår.", "responsible": [ks],
        "origin_body": ks,
    }  # fmt: skip
    values.update(changes)
    return HistoryRow(**values)


@pytest.mark.django_db
@pytest.mark.parametrize("role", [None, roles.READER, roles.POLITICIAN, roles.OFFICER])
def test_only_the_secretariat_imports(make_user, role):
    load_boards_only()
    ks = Board.objects.get(slug="kommunstyrelsen")
    user = make_user(f"u-{role}", role, boards=[ks] if role == roles.OFFICER else ())
    with pytest.raises(PermissionDenied):
        report_history_import(year=2022, kind=3, board=ks, rows=[_row()], user=user)
    assert not Assignment.objects.exists() and not ReportingPeriod.objects.exists()


@pytest.mark.django_db
def test_the_secretariat_imports_and_is_the_author(secretariat):
    load_boards_only()
    ks = Board.objects.get(slug="kommunstyrelsen")
    outcomes = report_history_import(year=2022, kind=3, board=ks, rows=[_row()], user=secretariat)
    report = outcomes[0].report
    assert report.author == secretariat and report.period.year == 2022
    assert report.status_changes.get().changed_by == secretariat


@pytest.mark.django_db
def test_one_bad_row_saves_nothing_and_names_the_row():
    load_boards_only()
    ks = Board.objects.get(slug="kommunstyrelsen")
    rows = [_row(), _row(dnr="12/2022", report_text="", status="")]
    with pytest.raises(ValidationError) as refused:
        report_history_import(year=2022, kind=3, board=ks, rows=rows, user=roles.SYSTEM)
    message = " ".join(refused.value.messages)
    assert "Uppdrag 2 (12/2022)" in message and "statusrapportens text saknas" in message
    assert "välj status" in message and "0921/22" in message
    assert not Assignment.objects.exists() and not ReportingPeriod.objects.exists()


@pytest.mark.django_db
def test_a_failure_in_the_middle_rolls_everything_back(monkeypatch):
    load_boards_only()
    ks = Board.objects.get(slug="kommunstyrelsen")
    from assignments import history_import

    calls = []
    original = history_import._save_row

    def failing(row, **kwargs):
        calls.append(row.dnr)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(row, **kwargs)

    monkeypatch.setattr(history_import, "_save_row", failing)
    with pytest.raises(RuntimeError):
        report_history_import(year=2022, kind=3, board=ks, rows=[_row(), _row(dnr="0102/22")], user=roles.SYSTEM)
    assert not Assignment.objects.exists() and not StatusReport.objects.exists()


@pytest.mark.django_db
def test_not_started_keeps_its_status_and_in_progress_is_the_forms_step():
    load_boards_only()
    ks = Board.objects.get(slug="kommunstyrelsen")
    rows = [_row(status=Status.NOT_STARTED), _row(dnr="0102/22", status=Status.IN_PROGRESS)]
    report_history_import(year=2022, kind=3, board=ks, rows=rows, user=roles.SYSTEM)
    waiting, started = Assignment.objects.order_by("dnr")
    assert waiting.status == Status.NOT_STARTED and not waiting.status_changes.exists()
    assert waiting.status_reports.get().proposes == StatusReport.Proposal.PARTIAL
    assert started.status == Status.IN_PROGRESS
    assert list(started.status_changes.values_list("to_status", flat=True)) == [Status.IN_PROGRESS]


@pytest.mark.django_db
def test_the_resolve_step_takes_a_fixed_number_of_queries(django_assert_max_num_queries):
    load_boards_only()
    import_text(section_41())
    small = read_report_history(ARSRAPPORT_2023)
    large = read_report_history(section_41())
    with django_assert_max_num_queries(6):
        resolve_report_history(small)
    with django_assert_max_num_queries(6):
        resolve_report_history(large)


def test_the_parse_makes_no_database_query():
    """No django_db mark: any query would raise."""
    parsed = read_report_history(section_41())
    assert len(parsed.items) == 14
