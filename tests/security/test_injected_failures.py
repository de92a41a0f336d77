"""A write that fails halfway leaves nothing behind: no row, no history, no stored file.

Each test lets a write get part of the way, then makes the next step raise (a storage that breaks
off mid-file, a database that refuses a row, a renderer that crashes) and checks that everything is
as it was before: the report export and the publishing of a version, both importers, the budget's
row editors and the status report of the officer's workflow.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.test import Client

from assignments import services as assignment_services
from assignments.models import Assignment, Board, ReportingPeriod, StatusChange, StatusReport
from budget import services as budget_services
from budget.models import CentralItem, FinancialStatement, StatementLine
from motions import services as motion_services
from motions.importers import parse_motion_text, parse_rollcall
from motions.models import Case, Decision, DecisionPoint, Meeting, Member, Motion, Vote, VoteRecord
from reports import services as report_services
from reports.models import PublishedReport
from tests.motions.conftest import SEED_000, SEED_002, seed_lines


class Injected(Exception):
    """The failure a test injects; nothing else raises it."""


def fail_on_call(number: int, original):
    """A stand-in for `original` that works number - 1 times, then raises Injected."""
    calls = {"count": 0}

    def wrapper(*args, **kwargs):
        calls["count"] += 1
        if calls["count"] >= number:
            raise Injected(f"call {calls['count']}")
        return original(*args, **kwargs)

    return wrapper


def stored_files(root: Path) -> list[str]:
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()) if root.exists() else []


# --- publishing a version of the delårsrapport ------------------------------------------------------------------------


@pytest.fixture
def ks_report(real_data):
    board = Board.objects.get(slug="kommunstyrelsen")
    period = ReportingPeriod.objects.get(year=2023, kind=ReportingPeriod.Kind.AUGUSTI)
    return board, period


@pytest.fixture
def quick_render(monkeypatch):
    """A stand-in renderer: these tests are about what is stored, tests/reports renders the real PDF."""
    monkeypatch.setattr(report_services, "render_pdf", lambda html, **options: b"%PDF-1.7\n" + b"x" * 200_000)


def _published_state():
    return list(
        PublishedReport.objects.values_list("board_id", "period_id", "version")
    ), PublishedReport.history.count()


def test_a_renderer_that_crashes_stores_nothing(ks_report, storage, secretariat, monkeypatch):
    board, period = ks_report
    monkeypatch.setattr(report_services, "render_pdf", fail_on_call(1, report_services.render_pdf))
    before = _published_state()
    with pytest.raises(Injected):
        report_services.report_publish(board=board, period=period, user=secretariat)
    assert _published_state() == before
    assert stored_files(storage) == []


def test_a_storage_that_breaks_off_mid_file_leaves_no_partial_file(
    ks_report, storage, secretariat, quick_render, monkeypatch
):
    """The storage has written part of the PDF when the disk fills up."""
    board, period = ks_report

    class BreaksOff(ContentFile):
        def chunks(self, chunk_size=None):
            yield self.read(64 * 1024)
            raise Injected("disken är full")

    monkeypatch.setattr(report_services, "ContentFile", BreaksOff)
    before = _published_state()
    with pytest.raises(Injected):
        report_services.report_publish(board=board, period=period, user=secretariat)
    assert _published_state() == before
    assert stored_files(storage) == []


@pytest.mark.parametrize("failing", ["row", "history"])
def test_a_database_that_refuses_the_row_leaves_no_stored_file(
    ks_report, storage, secretariat, quick_render, monkeypatch, failing
):
    """The PDF is in the storage when the row (or its history record) cannot be saved."""
    board, period = ks_report
    if failing == "row":
        monkeypatch.setattr(PublishedReport, "save", fail_on_call(1, PublishedReport.save))
    else:
        history = PublishedReport.history.model
        monkeypatch.setattr(history, "save", fail_on_call(1, history.save))
    before = _published_state()
    with pytest.raises(Injected):
        report_services.report_publish(board=board, period=period, user=secretariat)
    assert _published_state() == before
    assert stored_files(storage) == []


def test_a_failed_publish_in_the_browser_leaves_nothing_and_the_next_one_works(
    ks_report, storage, secretariat, quick_render, monkeypatch
):
    board, period = ks_report
    client = Client(raise_request_exception=False)
    client.force_login(secretariat)
    url = f"/rapporter/{board.slug}/{period.year}/{period.slug}/versioner/"
    original = PublishedReport.save
    monkeypatch.setattr(PublishedReport, "save", fail_on_call(1, original))
    assert client.post(url).status_code == 500
    assert _published_state() == ([], 0) and stored_files(storage) == []
    monkeypatch.setattr(PublishedReport, "save", original)
    assert client.post(url).status_code == 302
    published = PublishedReport.objects.get()
    assert published.version == 1 and stored_files(storage) == [published.file.name]


def test_a_concurrent_version_is_refused_and_its_file_removed(
    ks_report, storage, secretariat, quick_render, monkeypatch
):
    """The unique version refuses the row (someone else saved version 1 a moment ago): the file goes too."""
    from django.core.exceptions import ValidationError
    from django.db import IntegrityError

    board, period = ks_report

    def taken(self, *args, **kwargs):
        raise IntegrityError("published_report_unique_version")

    monkeypatch.setattr(PublishedReport, "save", taken)
    with pytest.raises(ValidationError, match="Någon annan sparade en version samtidigt"):
        report_services.report_publish(board=board, period=period, user=secretariat)
    assert stored_files(storage) == []


# --- exporting the report to a file (manage.py export_report) ---------------------------------------------------------


def test_an_export_that_fails_while_writing_leaves_no_partial_file(ks_report, tmp_path, monkeypatch):
    """The export writes to a temporary file beside the target and renames it only when it is complete."""
    from reports.management.commands import export_report

    monkeypatch.setattr(export_report, "render_report_pdf", lambda report, fetcher=None: b"%PDF-1.7\n" + b"x" * 1000)
    target = tmp_path / "rapport.pdf"
    real_write = Path.write_bytes

    def breaks_off(self, data):
        real_write(self, data[:100])
        raise Injected("disken är full")

    monkeypatch.setattr(Path, "write_bytes", breaks_off)
    with pytest.raises(Injected):
        call_command("export_report", board="kommunstyrelsen", year=2023, period="augusti", output=str(target))
    assert list(tmp_path.iterdir()) == []


def test_an_export_over_an_earlier_file_keeps_it_until_the_new_one_is_complete(ks_report, tmp_path, monkeypatch):
    from reports.management.commands import export_report

    target = tmp_path / "rapport.pdf"
    target.write_bytes(b"%PDF-1.7 den tidigare exporten")

    def crashes(report, fetcher=None):
        raise Injected("renderingen kraschade")

    monkeypatch.setattr(export_report, "render_report_pdf", crashes)
    with pytest.raises(Injected):
        call_command("export_report", board="kommunstyrelsen", year=2023, period="augusti", output=str(target))
    assert target.read_bytes() == b"%PDF-1.7 den tidigare exporten"
    assert [path.name for path in tmp_path.iterdir()] == ["rapport.pdf"]


def test_an_export_still_writes_the_file(ks_report, tmp_path, monkeypatch):
    from reports.management.commands import export_report

    monkeypatch.setattr(export_report, "render_report_pdf", lambda report, fetcher=None: b"%PDF-1.7 ny")
    target = tmp_path / "rapport.pdf"
    call_command("export_report", board="kommunstyrelsen", year=2023, period="augusti", output=str(target))
    assert target.read_bytes() == b"%PDF-1.7 ny"
    assert [path.name for path in tmp_path.iterdir()] == ["rapport.pdf"]
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask  # not the temporary file's private 0600


def test_an_export_to_a_missing_folder_is_refused_in_swedish(ks_report, tmp_path):
    with pytest.raises(CommandError, match="finns inte"):
        call_command(
            "export_report", board="kommunstyrelsen", year=2023, period="augusti", output=str(tmp_path / "x" / "r.pdf")
        )


# --- the importers ----------------------------------------------------------------------------------------------------


def _motion_state():
    return (
        Motion.objects.count(),
        DecisionPoint.objects.count(),
        Motion.history.count(),
        DecisionPoint.history.count(),
        Motion.parties.through.objects.count(),
    )


def test_a_motion_import_that_fails_at_its_third_point_saves_nothing(real_data, secretariat, monkeypatch):
    case = Case.objects.by_url_key("0064-23").get()
    parsed = parse_motion_text(seed_lines(SEED_002, 1, 57))
    assert len(parsed.points) >= 3
    monkeypatch.setattr(DecisionPoint, "save", fail_on_call(3, DecisionPoint.save))
    before = _motion_state()
    with pytest.raises(Injected):
        motion_services.motion_import(case=case, parsed=parsed, user=secretariat)
    assert _motion_state() == before


def test_a_motion_import_that_fails_in_the_browser_saves_nothing(real_data, secretariat, monkeypatch):
    client = Client(raise_request_exception=False)
    client.force_login(secretariat)
    monkeypatch.setattr(DecisionPoint, "save", fail_on_call(2, DecisionPoint.save))
    before = _motion_state()
    response = client.post("/arenden/0064-23/las-in-yrkande/", {"text": seed_lines(SEED_002, 1, 57), "bekrafta": "1"})
    assert response.status_code == 500
    assert _motion_state() == before


def _rollcall_state():
    return (
        Member.objects.count(),
        Vote.objects.count(),
        VoteRecord.objects.count(),
        Member.history.count(),
        Vote.history.count(),
        VoteRecord.history.count(),
    )


@pytest.mark.parametrize("failing", ["member", "records"])
def test_a_rollcall_import_that_fails_halfway_saves_nothing(real_data, secretariat, monkeypatch, failing):
    """After 40 new members (or once the vote is saved, at its records) the database refuses."""
    body = Board.objects.create(slug="testfullmaktige", name="Testfullmäktige", short_name="TF", kind="decision_body")
    meeting = Meeting.objects.create(body=body, date=datetime.date(2030, 6, 1))
    decision = Decision.objects.create(
        meeting=meeting,
        paragraph=1,
        case=Case.objects.create(dnr="0001/30", title="Test"),
        outcome=Decision.Outcome.ADOPTED,
    )
    parsed = parse_rollcall(seed_lines(SEED_000, 1486, 1601))
    if failing == "member":
        monkeypatch.setattr(Member, "save", fail_on_call(41, Member.save))
    else:
        monkeypatch.setattr(
            motion_services, "bulk_create_with_history", fail_on_call(1, motion_services.bulk_create_with_history)
        )
    before = _rollcall_state()
    with pytest.raises(Injected):
        motion_services.rollcall_import(decision=decision, parsed=parsed, proposition="Ja för avslag", user=secretariat)
    assert _rollcall_state() == before


# --- the budget's row editors -----------------------------------------------------------------------------------------


@pytest.fixture
def ks_statement(real_data):
    return FinancialStatement.objects.get(board__slug="kommunstyrelsen", section="3.2.1")


def _lines(statement):
    return list(
        StatementLine.objects.filter(statement=statement).order_by("pk").values()
    ), StatementLine.history.count()


def test_statement_rows_that_fail_at_the_third_row_leave_the_old_rows(ks_statement, secretariat, monkeypatch):
    lines = list(ks_statement.lines.order_by("position"))
    rows = [{"id": None, "group": "", "label": "Ny rad", "kind": "subrow", "utfall": 1_000}] + [
        {"id": line.pk, "group": line.group, "label": f"{line.label} (ändrad)", "kind": line.kind} for line in lines
    ]
    monkeypatch.setattr(StatementLine, "full_clean", fail_on_call(3, StatementLine.full_clean))
    before = _lines(ks_statement)
    with pytest.raises(Injected):
        budget_services.statement_lines_save(statement=ks_statement, rows=rows, user=secretariat)
    assert _lines(ks_statement) == before


def test_posts_that_fail_halfway_keep_their_names_and_order(real_data, secretariat, monkeypatch):
    """Also the names parked for a swap (budget.services.central_items_save) come back."""
    board = Board.objects.get(slug="kommunstyrelsen")
    period = ReportingPeriod.objects.get(year=2023, kind=ReportingPeriod.Kind.AUGUSTI)
    items = list(CentralItem.objects.filter(board=board, period=period).order_by("position"))
    rows = [{"id": item.pk, "label": item.label, "utfall": item.utfall} for item in items]
    rows[0]["label"], rows[-1]["label"] = items[-1].label, items[0].label

    def state():
        return list(CentralItem.objects.filter(board=board).order_by("pk").values()), CentralItem.history.count()

    monkeypatch.setattr(CentralItem, "full_clean", fail_on_call(2, CentralItem.full_clean))
    before = state()
    with pytest.raises(Injected):
        budget_services.central_items_save(board=board, period=period, rows=rows, user=secretariat)
    assert state() == before


# --- the officer's workflow -------------------------------------------------------------------------------------------


def test_a_status_report_whose_status_change_fails_is_not_saved(real_data, secretariat, monkeypatch):
    """The report is saved and the assignment's version claimed before the status moves; then the database refuses."""
    board = Board.objects.get(slug="kommunstyrelsen")
    period = ReportingPeriod.objects.get(year=2023, kind=ReportingPeriod.Kind.AUGUSTI)
    assignment = Assignment.objects.for_detail().get(dnr="0921/22")
    stored = StatusReport.objects.get(assignment=assignment, board=board, period=period)

    def state():
        return (
            list(StatusReport.objects.filter(assignment=assignment).values()),
            list(Assignment.objects.filter(pk=assignment.pk).values("status", "version")),
            StatusChange.objects.count(),
            StatusReport.history.count(),
            Assignment.history.count(),
        )

    monkeypatch.setattr(StatusChange.objects, "create", fail_on_call(1, StatusChange.objects.create))
    before = state()
    with pytest.raises(Injected):
        assignment_services.status_report_submit(
            assignment=assignment,
            period=period,
            board=board,
            author=secretariat,
            text="Slutredovisning.",
            proposes=StatusReport.Proposal.COMPLETE,
            expected_version=stored.version,
        )
    assert state() == before
