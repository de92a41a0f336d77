"""The shipped cases link their decision points to the assignments they give and follow up."""

from pathlib import Path

import pytest

from assignments.models import Assignment
from motions.loading import load_cases
from motions.models import DecisionPoint

SEEDS = Path("/work/shared/seeds")

# (case, owner, point number, dnr): every assignment_dnr of fixtures/cases.json, read off the seeds.
FOLLOW_UPS = {
    ("SLK-2022-00921", "proposal", 1, "0921/22"),
    ("SLK-2022-00921", "yrkande", 1, "0921/22"),
    ("0064/23", "proposal", 2, "1446/22"),
    ("0064/23", "proposal", 3, "1447/22"),
    ("0064/23", "proposal", 4, "1443/22"),
    ("0064/23", "proposal", 5, "0198/23"),
    ("0064/23", "proposal", 6, "0200/23"),
    ("0064/23", "proposal", 7, "0197/23"),
    ("0064/23", "proposal", 8, "1407/22"),
    ("0064/23", "proposal", 9, "0630/23"),
    ("0064/23", "yrkande", 1, "1443/22"),
    ("0064/23", "yrkande", 2, "1443/22"),
    ("0064/23", "yrkande", 3, "0630/23"),
    ("0064/23", "yrkande", 4, "0630/23"),
}


def _key(point: DecisionPoint):
    owner = point.proposal or point.motion
    case = owner.case
    kind = "proposal" if point.proposal_id else point.motion.kind
    return (case.case_number or case.dnr, kind, point.number, point.concerns_assignment.dnr)


@pytest.mark.django_db
def test_the_fourteen_follow_up_links_are_loaded(real_data):
    points = DecisionPoint.objects.filter(concerns_assignment__isnull=False).select_related(
        "proposal__case", "motion__case", "concerns_assignment"
    )
    assert {_key(point) for point in points} == FOLLOW_UPS
    assert points.count() == 14


def test_each_follow_up_link_is_in_the_seed_text():
    """The point names the assignment by its dnr, or (the motion's own new points) by its wording."""
    text = " ".join(" ".join(path.read_text(encoding="utf-8").split()) for path in sorted(SEEDS.glob("*.txt")))
    for dnr in {"1446/22", "1447/22", "1443/22", "0198/23", "0200/23", "0197/23", "1407/22", "0630/23"}:
        assert "redovisningen av uppdraget från budget 2023" in text
        assert f"diarienummer {dnr}" in text
    assert "Redovisning av kommunfullmäktiges uppdrag 2022-06-16 § 4 till kommunstyrelsen" in text
    assert "hålla personalutskottet löpande informerat om omhändertagandet av uppdraget att säkerställa att ett" in text
    assert "fördjupad beskrivning av omhändertagandet av uppdraget att möjliggöra för anställningar" in text


@pytest.mark.django_db
def test_kf_2022_06_16_paragraph_4_point_3_leads_to_0921_22_and_its_reports(real_data):
    point = DecisionPoint.objects.select_related("decision__meeting__body", "assignment").get(
        decision__case__dnr="0355/20",
        decision__meeting__body__slug="kommunfullmaktige",
        decision__meeting__date="2022-06-16",
        decision__paragraph=4,
        number=3,
    )
    assert point.assignment.dnr == "0921/22"
    assert point.assignment.origin_reference == "KF 2022-06-16 § 4, punkt 3"
    reports = list(point.assignment.status_reports.select_related("period"))
    assert [str(report.period) for report in reports] == ["Delårsrapport augusti 2023"]
    # And the case that reports the assignment back proposes it fullgjort.
    follow_up = point.assignment.follow_up_points.select_related("proposal__case").get(proposal__isnull=False)
    assert follow_up.proposal.case.case_number == "SLK-2022-00921"
    assert "förklaras fullgjort" in follow_up.text


@pytest.mark.django_db
def test_a_link_to_an_assignment_that_is_not_loaded_is_refused(real_data):
    row = {
        "dnr": "0999/24",
        "title": "Ett ärende",
        "proposal": {"issued": "2024-01-10", "points": [{"number": 1, "text": "x", "assignment_dnr": "0998/24"}]},
    }
    assert not Assignment.objects.filter(dnr="0998/24").exists()
    with pytest.raises(ValueError, match="0998/24"):
        load_cases([row], real_data["boards"], real_data["parties"])
