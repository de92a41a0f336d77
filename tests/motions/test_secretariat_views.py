"""The secretariat's pages, posted as a browser would: every step of the cycle, refusals on the form,
and the same number of queries however many points a page shows."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assignments.models import Assignment, Board
from motions import registration
from motions.models import Case, Decision, DecisionPoint, Meeting
from tests.motions.cycle import POINTS, new_case, new_decision


@pytest.fixture
def client_s(client, real_data, secretariat):
    client.force_login(secretariat)
    return client


def test_the_cycle_through_the_pages(client_s):
    office = Board.objects.get(slug="stadsledningskontoret")
    response = client_s.post(
        "/sekretariat/arenden/ny/",
        {
            "case_number": "SLK-2030-04711",
            "dnr": "4711/30",
            "title": "Plan mot hemlöshet",
            "responsible_office": office.pk,
        },
    )
    assert response.status_code == 302 and response["Location"] == "/sekretariat/arenden/SLK-2030-04711/"
    response = client_s.post(
        "/sekretariat/arenden/SLK-2030-04711/tjansteutlatande/ny/",
        {"title": "Plan mot hemlöshet", "issued": "2030-10-01", "author_body": office.pk, "points": POINTS},
    )
    assert response.status_code == 302
    page = client_s.get("/sekretariat/arenden/SLK-2030-04711/").content.decode()
    assert "NFS, SN Centrum, SN Hisingen, SN Nordost, SN Sydväst" in page  # read from point 1
    assert "/budget/arenden/SLK-2030-04711/punkter/" in page  # the cost editor per point

    kf = Board.objects.get(slug="kommunfullmaktige")
    response = client_s.post("/sekretariat/sammantraden/ny/", {"body": kf.pk, "date": "2030-12-03"})
    meeting = Meeting.objects.get(body=kf, date=datetime.date(2030, 12, 3))
    assert response["Location"] == f"/sekretariat/sammantraden/{meeting.pk}/"
    url = f"/sekretariat/sammantraden/{meeting.pk}/beslut/ny/?arende=SLK-2030-04711"
    assert client_s.get(url).status_code == 200
    response = client_s.post(url, {"paragraph": "12", "basis": "bifall_forslag", "adjusted_on": "2030-12-10"})
    decision = Decision.objects.get(meeting=meeting, paragraph=12)
    assert response["Location"] == f"/sekretariat/beslut/{decision.pk}/"
    assert decision.adopted_points.count() == 3

    # The same § again is refused on the form, in Swedish, and nothing is saved.
    response = client_s.post(url, {"paragraph": "12", "basis": "bifall_forslag"})
    assert response.status_code == 400
    assert "§ 12 är redan använd vid sammanträdet KF 2030-12-03." in response.content.decode()
    assert Decision.objects.filter(meeting=meeting).count() == 1

    review = f"/sekretariat/beslut/{decision.pk}/uppdrag/"
    page = client_s.get(review)
    [(first, form1), (second, form2)] = page.context["rows"]
    data = {}
    for candidate, _form in page.context["rows"]:
        prefix = f"p{candidate.point.pk}"
        data.update(
            {
                f"{prefix}-action": "confirm",
                f"{prefix}-text": candidate.text,
                f"{prefix}-boards": [str(i) for i in candidate.board_ids],
                f"{prefix}-source": candidate.source,
                f"{prefix}-number": str(candidate.number),
                f"{prefix}-deadline": candidate.deadline.isoformat() if candidate.deadline else "",
                f"{prefix}-deadline_note": candidate.deadline_note,
            }
        )
    # One row refused (a deadline before the decision): neither row is saved.
    bad = {**data, f"p{second.point.pk}-deadline": "2030-01-01"}
    response = client_s.post(review, bad)
    assert response.status_code == 400
    assert "Slutdatumet 2030-01-01 är före beslutet 2030-12-03." in response.content.decode()
    assert not Assignment.objects.filter(dnr="4711/30").exists()
    response = client_s.post(review, data)
    assert response.status_code == 302
    assert Assignment.objects.filter(dnr="4711/30").count() == 2
    # Posting the same answers again creates nothing more: the points are reviewed.
    client_s.post(review, data)
    assert Assignment.objects.filter(dnr="4711/30").count() == 2
    assert DecisionPoint.objects.filter(proposal__case__dnr="4711/30", assignment__isnull=False).count() == 2


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_pages_read_the_same_number_of_queries_for_more_points(client_s, secretariat):
    small = new_case(secretariat)
    small_decision = new_decision(secretariat, small)
    many = "\n".join(
        f"{n}. Kommunstyrelsen får i uppdrag att utreda fråga {n} senast 2031-0{1 + n % 9}-01." for n in range(1, 13)
    )
    large = registration.case_register(user=secretariat, dnr="4799/30", title="Stort", responsible_office=None)
    registration.proposal_register(
        user=secretariat, case=large, title="TU", issued=datetime.date(2030, 10, 1), author_body=None, points_text=many
    )
    large_decision = new_decision(secretariat, large, paragraph=13)
    for url_small, url_large in [
        (f"/sekretariat/arenden/{small.url_key}/", f"/sekretariat/arenden/{large.url_key}/"),
        (f"/sekretariat/beslut/{small_decision.pk}/", f"/sekretariat/beslut/{large_decision.pk}/"),
        (f"/sekretariat/beslut/{small_decision.pk}/uppdrag/", f"/sekretariat/beslut/{large_decision.pk}/uppdrag/"),
    ]:
        assert _count(client_s, url_small) == _count(client_s, url_large), url_large
    assert Case.objects.filter(dnr="4799/30").exists()
