"""What changed between two stored versions of a report: assignments, statuses, texts and figures."""

import pytest

from assignments.models import Assignment, Board, ReportingPeriod, StatusReport
from budget.models import StatementLine
from reports import services
from reports.models import PublishedReport
from reports.snapshot import compare_snapshots

Status = Assignment.Status


@pytest.fixture
def ks_august(real_data):
    board = Board.objects.get(slug="kommunstyrelsen")
    return board, ReportingPeriod.objects.get(year=2023, kind=ReportingPeriod.Kind.AUGUSTI)


def _url(board, period, a, b):
    return f"/rapporter/{board.slug}/{period.year}/{period.slug}/versioner/{a}/jamfor/{b}/"


def _two_versions(board, period, user):
    """Version 1 as shipped; then a text, a status, an added and a removed assignment and a figure."""
    first, _ = services.report_publish(board=board, period=period, user=user)
    reports = list(
        StatusReport.objects.filter(board=board, period=period).select_related("assignment").order_by("assignment__dnr")
    )
    assert len(reports) >= 3, "the shipped KS report of August 2023 has several status reports"
    edited, moved, dropped = reports[0], reports[1], reports[2]
    StatusReport.objects.filter(pk=edited.pk).update(text=edited.text + " Planen antogs i september.")
    target = Status.IN_PROGRESS if moved.assignment.status == Status.REPORTED_COMPLETE else Status.REPORTED_COMPLETE
    Assignment.objects.filter(pk=moved.assignment_id).update(status=target)
    added = Assignment.objects.create(
        dnr="4712/23", text="Kommunstyrelsen får i uppdrag att ta fram en ny plan.", source=Assignment.Source.KS
    )
    dropped_dnr = dropped.assignment.dnr
    dropped.delete()
    StatusReport.objects.create(
        assignment=added, period=period, board=board, text="Arbetet har börjat.", proposes=StatusReport.Proposal.PARTIAL
    )
    line = StatementLine.objects.filter(statement__board=board, statement__period=period, utfall__isnull=False).first()
    line_before = line.utfall
    StatementLine.objects.filter(pk=line.pk).update(utfall=line.utfall + 5_000_000)
    second, created = services.report_publish(board=board, period=period, user=user)
    assert created
    return (
        first,
        second,
        {
            "edited": edited.assignment,
            "moved": moved.assignment,
            "target": target,
            "dropped": dropped_dnr,
            "added": added,
            "line": line,
            "line_before": line_before,
        },
    )


def test_a_stored_version_keeps_what_it_contains(ks_august, secretariat, quick_pdf):
    board, period = ks_august
    published, _ = services.report_publish(board=board, period=period, user=secretariat)
    snapshot = PublishedReport.objects.get(pk=published.pk).snapshot
    report = StatusReport.objects.filter(board=board, period=period).select_related("assignment").first()
    entry = next(e for e in snapshot["assignments"] if e["dnr"] == report.assignment.dnr)
    assert entry["report_text"] == report.text
    assert entry["status"] == report.assignment.status
    assert entry["id"] == report.assignment.pk
    assert snapshot["tables"], "the statement's figures are kept"
    assert all(row["cells"] for table in snapshot["tables"] for row in table["rows"])


def test_the_comparison_names_added_removed_status_text_and_figures(ks_august, secretariat, quick_pdf):
    board, period = ks_august
    first, second, changed = _two_versions(board, period, secretariat)

    comparison = compare_snapshots(first.snapshot, second.snapshot)

    assert [e["dnr"] for e in comparison.added] == [changed["added"].dnr]
    assert [e["dnr"] for e in comparison.removed] == [changed["dropped"]]
    status = [c for c in comparison.status_changes if c.dnr == changed["moved"].dnr]
    assert status and status[0].new_status == Status(changed["target"]).label
    assert status[0].old_status == Status(changed["moved"].status).label
    texts = {c.dnr: c.texts for c in comparison.text_changes}
    diff = str(texts[changed["edited"].dnr][0].diff)
    assert "<ins>" in diff and "september" in diff
    assert texts[changed["edited"].dnr][0].label == "Redovisning"
    figures = [f for t in comparison.tables_changed for f in t.figures]
    assert any(f.row.endswith(changed["line"].label) and f.old != f.new for f in figures)


def test_the_page_shows_each_change_in_constant_queries(
    ks_august, secretariat, quick_pdf, client, django_assert_max_num_queries
):
    board, period = ks_august
    _first, _second, changed = _two_versions(board, period, secretariat)
    with django_assert_max_num_queries(8):
        response = client.get(_url(board, period, 1, 2))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vad som ändrats från version 1 till version 2" in html
    assert f"dnr {changed['added'].dnr}" in html and "Uppdrag som har tillkommit" in html
    assert f"dnr {changed['dropped']}" in html and "Uppdrag som har utgått" in html
    assert f"→ <strong>{Status(changed['target']).label}</strong>" in html
    assert "infogat: </span>Planen antogs i september.</ins>" in html
    assert "Belopp som har ändrats" in html
    # Either order gives the same page, from the earlier version to the later.
    assert client.get(_url(board, period, 2, 1)).content.decode().count("Uppdrag som har tillkommit") == 1


def test_versions_are_listed_with_a_link_to_what_changed(ks_august, secretariat, quick_pdf, client):
    board, period = ks_august
    _two_versions(board, period, secretariat)
    html = client.get(f"/rapporter/?namnd={board.slug}&period={period.year}-{period.slug}").content.decode()
    assert f'href="{_url(board, period, 1, 2)}"' in html
    assert "Vad som ändrats sedan version 1" in html


def test_a_version_stored_before_snapshots_says_so(ks_august, secretariat, quick_pdf, client):
    board, period = ks_august
    first, _second, _changed = _two_versions(board, period, secretariat)
    PublishedReport.objects.filter(pk=first.pk).update(snapshot=None)  # as stored before the field existed
    html = client.get(_url(board, period, 1, 2)).content.decode()
    assert "Version 1 sparades innan innehållet i sparade versioner började lagras för jämförelse" in html
    assert "Uppdrag som har tillkommit" not in html
    assert f'href="{first.get_absolute_url()}"' in html


def test_unchanged_same_and_unknown_versions(ks_august, secretariat, quick_pdf, client):
    board, period = ks_august
    first, _ = services.report_publish(board=board, period=period, user=secretariat)
    assert "Det är samma version" in client.get(_url(board, period, 1, 1)).content.decode()
    assert client.get(_url(board, period, 1, 9)).status_code == 404
    assert client.get(f"/rapporter/finns-inte/{period.year}/{period.slug}/versioner/1/jamfor/1/").status_code == 404
    assert compare_snapshots(first.snapshot, first.snapshot).is_empty
