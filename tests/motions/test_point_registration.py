"""Adding one decision point to a registered tjänsteutlåtande, and removing one nothing refers to."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from motions import point_registration
from motions.models import DecisionPoint
from tests.motions.cycle import new_case, new_decision


@pytest.fixture
def case(real_data, secretariat):
    return new_case(secretariat)


def _proposal(case):
    return case.proposals.get()


def test_a_point_gets_the_next_free_number_and_its_boards_from_the_text(case, secretariat):
    proposal = _proposal(case)
    point = point_registration.decision_point_add(
        user=secretariat, proposal=proposal, number=None, text="Kulturnämnden får i uppdrag att   ta fram en plan."
    )
    assert point.number == 4  # the case has points 1–3
    assert point.text == "Kulturnämnden får i uppdrag att ta fram en plan."
    assert [b.slug for b in point.responsible_boards.all()] == ["kulturnamnden"]
    assert point.history.latest().history_change_reason == "Tillagd av sekretariatet"


def test_a_number_in_use_an_empty_text_and_others_are_refused(case, secretariat, politician):
    proposal = _proposal(case)
    with pytest.raises(ValidationError) as refused:
        point_registration.decision_point_add(user=secretariat, proposal=proposal, number=2, text="Något.")
    assert refused.value.message_dict["number"] == [
        "Punkt 2 finns redan i tjänsteutlåtandet. Nästa lediga nummer är 4."
    ]
    with pytest.raises(ValidationError) as refused:
        point_registration.decision_point_add(user=secretariat, proposal=proposal, number=7, text="  ")
    assert refused.value.message_dict == {"text": ["Skriv punktens text."]}
    with pytest.raises(PermissionDenied):
        point_registration.decision_point_add(user=politician, proposal=proposal, number=7, text="Något.")
    assert proposal.points.count() == 3


def test_a_point_nothing_refers_to_is_removed_one_a_decision_adopted_is_not(case, secretariat):
    proposal = _proposal(case)
    free = point_registration.decision_point_add(user=secretariat, proposal=proposal, number=9, text="Något.")
    point_registration.decision_point_remove(user=secretariat, point=free)
    assert not DecisionPoint.objects.filter(pk=free.pk).exists()

    new_decision(secretariat, case)  # bifall: adopts points 1–3
    adopted = proposal.points.get(number=1)
    with pytest.raises(ValidationError) as refused:
        point_registration.decision_point_remove(user=secretariat, point=adopted)
    assert refused.value.messages[0].startswith("Punkt 1 kan inte tas bort eftersom något hänvisar till den:")
    assert "Beslut" in refused.value.messages[0]
    assert DecisionPoint.objects.filter(pk=adopted.pk).exists()


def test_a_point_that_gave_an_assignment_is_kept(real_data, secretariat):
    from assignments.models import Assignment

    point = DecisionPoint.objects.filter(assignment__isnull=False, proposal__isnull=False).first()
    if point is None:  # the shipped points that gave assignments are a decision's: make one a proposal's
        point = DecisionPoint.objects.filter(proposal__isnull=False).first()
        point.assignment = Assignment.objects.get(dnr="0921/22")
        point.save()
    point.adopted_in.clear()
    with pytest.raises(ValidationError, match="Uppdrag som beslutet gav"):
        point_registration.decision_point_remove(user=secretariat, point=point)


def test_the_pages_add_and_refuse_in_swedish(client, case, secretariat):
    client.force_login(secretariat)
    proposal = _proposal(case)
    url = f"/sekretariat/arenden/{case.url_key}/tjansteutlatande/{proposal.pk}/punkter/ny/"
    workspace = client.get(f"/sekretariat/arenden/{case.url_key}/").content.decode()
    assert f'href="{url}"' in workspace
    form = client.get(url)
    assert form.status_code == 200 and 'value="4"' in form.content.decode()

    refused = client.post(url, {"number": "1", "text": "Kulturnämnden får i uppdrag att ordna en fest."})
    assert refused.status_code == 400
    assert "Punkt 1 finns redan i tjänsteutlåtandet. Nästa lediga nummer är 4." in refused.content.decode()
    assert "ordna en fest" in refused.content.decode()  # nothing lost

    response = client.post(url, {"number": "", "text": "Kulturnämnden får i uppdrag att ordna en fest."})
    point = proposal.points.get(number=4)
    assert response.status_code == 302
    assert response["Location"] == f"/sekretariat/arenden/{case.url_key}/punkter/{point.pk}/"
    edit = client.get(response["Location"]).content.decode()
    assert "Punkt 4 är tillagd. Ansvariga enligt texten: KUN" in edit

    remove = f"/sekretariat/arenden/{case.url_key}/punkter/{point.pk}/ta-bort/"
    assert client.get(remove).status_code == 405
    response = client.post(remove, follow=True)
    assert "Punkt 4 är borttagen." in response.content.decode()
    assert not proposal.points.filter(number=4).exists()

    new_decision(secretariat, case)
    adopted = proposal.points.get(number=1)
    response = client.post(f"/sekretariat/arenden/{case.url_key}/punkter/{adopted.pk}/ta-bort/", follow=True)
    assert "Punkt 1 kan inte tas bort eftersom något hänvisar till den" in response.content.decode()
