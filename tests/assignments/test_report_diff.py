"""What changed between two consecutive status reports of a board, on the assignment page."""

import pytest

from assignments.models import Assignment, Board, ReportingPeriod, StatusReport

pytestmark = pytest.mark.django_db


@pytest.fixture
def reported(real_data):
    assignment = Assignment.objects.get(dnr="0921/22")
    board = Board.objects.get(slug="kommunstyrelsen")
    later = ReportingPeriod.objects.create(year=2023, kind=ReportingPeriod.Kind.ARSRAPPORT)
    first = assignment.status_reports.get()
    first.text = "Kontoret har samlat in kunskap. Nästa steg följer."
    first.save()
    StatusReport.objects.create(
        assignment=assignment,
        period=later,
        board=board,
        text='Kontoret har samlat in kunskap och <script>alert("x")</script> lämnat förslag.',
        proposes=StatusReport.Proposal.COMPLETE,
    )
    return assignment


def test_the_later_report_shows_a_word_diff_against_the_earlier(reported, client):
    html = client.get(reported.get_absolute_url()).content.decode()
    assert "Vad som ändrats sedan Delårsrapport augusti 2023" in html
    diff = html[html.index('class="word-diff"') :]
    diff = diff[: diff.index("</p>")]
    assert "<del>" in diff and "<ins>" in diff
    # Announced in words too, not by colour alone.
    assert "borttaget:" in diff and "infogat:" in diff
    assert "Nästa steg följer." in diff.split("<del>")[1]
    # The payload is text, never markup.
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in diff


def test_the_first_report_has_no_diff(real_data, client):
    html = client.get(Assignment.objects.get(dnr="0921/22").get_absolute_url()).content.decode()
    assert "Vad som ändrats sedan" not in html


def test_reports_of_different_boards_are_not_compared(reported, client):
    other = Board.objects.get(slug="kulturnamnden")
    StatusReport.objects.create(
        assignment=reported,
        period=ReportingPeriod.objects.create(year=2024, kind=ReportingPeriod.Kind.MARS),
        board=other,
        text="Egen text.",
        proposes=StatusReport.Proposal.PARTIAL,
    )
    html = client.get(reported.get_absolute_url()).content.decode()
    assert html.count('class="report-diff"') == 1
