"""Lineage both ways: a decision point's timeline to the assignment and back from the assignment page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assignments.models import Assignment, Board, ReportingPeriod, StatusChange, StatusReport
from motions.lineage import point_lineage
from motions.models import Case, Decision, DecisionPoint, Meeting, Motion, OfficialProposal, Party

pytestmark = pytest.mark.django_db


def _kf_point_3():
    return DecisionPoint.objects.get(
        decision__case__dnr="0355/20", decision__meeting__date="2022-06-16", decision__paragraph=4, number=3
    )


def test_kf_point_3_leads_to_0921_22_its_reports_and_its_follow_up(real_data, client):
    point = _kf_point_3()
    response = client.get(f"/arenden/0355-20/punkter/{point.pk}/")
    assert response.status_code == 200
    kinds = [step.kind for step in response.context["steps"]]
    assert kinds == ["motion", "decision", "assignment", "report", "follow_up", "follow_up"]
    steps = response.context["steps"]
    assert steps[0].title.startswith("Tilläggsyrkande från S, D, M, L, C, KD")  # as printed
    assert "39 ja, 21 nej" in " ".join(steps[1].lines)
    assert steps[2].url == Assignment.objects.get(dnr="0921/22").get_absolute_url()
    assert str(steps[3].title).startswith("Delårsrapport augusti 2023")
    assert "förklaras fullgjort" in steps[4].text
    assert "Kommunstyrelsen 2024-04-24 § 355: återremitterat" in steps[4].lines
    html = response.content.decode()
    assert 'class="timeline lineage"' in html


def test_the_case_page_links_the_point_that_gave_an_assignment(real_data, client):
    point = _kf_point_3()
    html = client.get("/arenden/0355-20/").content.decode()
    assert f'href="/arenden/0355-20/punkter/{point.pk}/"' in html


def test_a_point_of_another_case_is_a_404(real_data, client):
    point = _kf_point_3()
    assert client.get(f"/arenden/SLK-2022-00921/punkter/{point.pk}/").status_code == 404
    assert client.get("/arenden/0355-20/punkter/999999/").status_code == 404


def test_the_assignment_page_shows_where_it_came_from(real_data, client):
    assignment = Assignment.objects.get(dnr="0921/22")
    response = client.get(assignment.get_absolute_url())
    passages = response.context["passages"]
    labels = [passage.label for passage in passages]
    assert labels[0] == "Beslutet: Kommunfullmäktige 2022-06-16 § 4: beslutat, punkt 3"
    assert "Ja för avslag och Nej för bifall till tilläggsyrkandet från SD" in passages[0].votes[0]
    assert "I tilläggsyrkande från S, D, M, L, C, KD" in labels
    html = response.content.decode()
    assert "Varifrån uppdraget kommer" in html
    assert f'href="/arenden/0355-20/punkter/{_kf_point_3().pk}/"' in html


@pytest.fixture
def typed_case(real_data):
    """A case typed in from scratch: proposal point, a motion that rewords it, the adopting decision."""
    kf = Board.objects.get(slug="kommunfullmaktige")
    case = Case.objects.create(case_number="SLK-2025-00001", title="Parker")
    proposal = OfficialProposal.objects.create(case=case, title="Parker", issued="2025-01-10")
    DecisionPoint.objects.create(proposal=proposal, number=1, text="Parknämnden får i uppdrag att utreda nya parker.")
    motion = Motion.objects.create(case=case, kind=Motion.Kind.YRKANDE, date="2025-02-01")
    motion.parties.set([Party.objects.get(abbreviation="S")])
    motion_point = DecisionPoint.objects.create(
        motion=motion, number=2, text="Parknämnden får i uppdrag att utreda och anlägga nya parker <b>snart</b>."
    )
    decision = Decision.objects.create(
        meeting=Meeting.objects.create(body=kf, date="2025-02-20"), paragraph=9, case=case, outcome="adopted"
    )
    decision.adopted_motions.add(motion)
    assignment = Assignment.objects.create(
        dnr="0001/25",
        text=motion_point.text,
        source=Assignment.Source.KF_OUTSIDE_BUDGET,
        origin_body=kf,
        origin_date="2025-02-20",
        origin_paragraph="9",
        origin_point="1",
    )
    given = DecisionPoint.objects.create(decision=decision, number=1, text=motion_point.text, assignment=assignment)
    period = ReportingPeriod.objects.create(year=2025, kind=ReportingPeriod.Kind.ARSRAPPORT)
    StatusReport.objects.create(
        assignment=assignment,
        period=period,
        board=Board.objects.get(slug="kulturnamnden"),
        text="Klart.",
        proposes=StatusReport.Proposal.COMPLETE,
    )
    StatusChange.objects.create(
        assignment=assignment, from_status="reported_complete", to_status="completed", reason="KF 2026-03-01 § 3"
    )
    return case, motion_point, given, assignment


def test_a_motion_point_is_traced_through_the_decision_to_fullgjort(typed_case):
    _case, motion_point, _given, assignment = typed_case
    origin, steps = point_lineage(motion_point)
    assert origin.assignment == assignment
    assert origin.proposal_point.text == "Parknämnden får i uppdrag att utreda nya parker."
    assert [step.kind for step in steps] == ["proposal", "motion", "decision", "assignment", "report", "completed"]
    assert steps[-1].text == "KF 2026-03-01 § 3"


def test_the_texts_are_escaped(typed_case, client):
    case, _motion_point, given, assignment = typed_case
    html = client.get(f"/arenden/{case.url_key}/punkter/{given.pk}/").content.decode()
    assert "<b>snart</b>" not in html and "&lt;b&gt;snart&lt;/b&gt;" in html
    html = client.get(assignment.get_absolute_url()).content.decode()
    assert "<b>snart</b>" not in html


def _queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_the_point_page_query_count_does_not_grow(typed_case, client):
    case, _motion_point, given, assignment = typed_case
    path = f"/arenden/{case.url_key}/punkter/{given.pk}/"
    first = Motion.objects.create(case=case, kind=Motion.Kind.YRKANDE)
    DecisionPoint.objects.create(motion=first, number=1, text="Följer upp", concerns_assignment=assignment)
    few = _queries(client, path)
    period = ReportingPeriod.objects.get(year=2023, kind=ReportingPeriod.Kind.AUGUSTI)
    for board in Board.objects.exclude(slug="kulturnamnden")[:6]:
        StatusReport.objects.create(
            assignment=assignment, period=period, board=board, text="Pågår.", proposes=StatusReport.Proposal.PARTIAL
        )
    for number in range(2, 8):
        motion = Motion.objects.create(case=case, kind=Motion.Kind.YRKANDE)
        DecisionPoint.objects.create(
            motion=motion, number=number, text=f"Annat {number}", concerns_assignment=assignment
        )
    assert _queries(client, path) == few
