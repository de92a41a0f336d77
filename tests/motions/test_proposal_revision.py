"""A revised TU imported into a case that already has the proposal: the preview shows what changes and
the save applies exactly that to the stored proposal, keeping its points' identities."""

import pytest

from budget.models import CostEstimate, PointFinancing

from .test_proposal_import import MINIMAL, _review_data, _url, new_case  # noqa: F401

REVISED = MINIMAL.replace("Utfärdat 2025-03-03", "Utfärdat 2025-03-03\nReviderat 2025-04-01").replace(
    "att följa upp rutinen.", "att följa upp rutinen årligen."
)


def _import(client, case, text):
    preview = client.post(_url(case), {"text": text, "forhandsgranska": ""})
    assert preview.status_code == 200
    response = client.post(_url(case), {**_review_data(preview), "bekrafta": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    return preview


@pytest.mark.django_db
def test_a_revised_tu_updates_the_proposal_and_a_second_import_changes_nothing(client, secretariat, new_case):  # noqa: F811
    client.force_login(secretariat)
    _import(client, new_case, MINIMAL)
    (proposal,) = new_case.proposals.all()
    ids = list(proposal.points.order_by("number").values_list("pk", flat=True))
    preview = _import(client, new_case, REVISED)
    page = preview.content.decode()
    assert "ändrad text" in page and "årligen." in page and "2025-04-01" in page
    (proposal,) = new_case.proposals.all()
    assert proposal.revised.isoformat() == "2025-04-01"
    assert list(proposal.points.order_by("number").values_list("pk", flat=True)) == ids
    assert proposal.points.get(number=2).text.endswith("årligen.")
    assert CostEstimate.objects.filter(decision_point__proposal=proposal).count() == 1
    assert proposal.points.get(number=2).history.first().history_change_reason == "Reviderat tjänsteutlåtande inläst"
    history = proposal.history.count() + sum(p.history.count() for p in proposal.points.all())
    again = _import(client, new_case, REVISED)
    assert again.context["revision"].empty
    assert proposal.history.count() + sum(p.history.count() for p in proposal.points.all()) == history
    assert CostEstimate.objects.filter(decision_point__proposal=proposal).count() == 1


@pytest.mark.django_db
def test_a_referenced_point_the_revision_drops_is_kept_and_an_unreferenced_one_removed(client, secretariat, new_case):  # noqa: F811
    client.force_login(secretariat)
    _import(client, new_case, MINIMAL.replace("rutinen.\n", "rutinen.\n\n3. Punkt tre.\n", 1))
    proposal = new_case.proposals.get()
    assert proposal.points.count() == 3
    two = proposal.points.get(number=2)
    PointFinancing.objects.create(decision_point=two, financing="within_frame")
    revised = REVISED.replace("\n2. Kommunstyrelsen får i uppdrag att följa upp rutinen årligen.\n", "")
    preview = _import(client, new_case, revised)
    kinds = {c.number: c.kind for c in preview.context["revision"].changes.points}
    assert kinds == {2: "kept", 3: "removed"}
    assert "behålls" in preview.content.decode()
    assert set(proposal.points.values_list("number", flat=True)) == {1, 2}
    assert "behålls" in two.history.first().history_change_reason


@pytest.mark.django_db
def test_a_revision_without_an_addressee_keeps_the_stored_one(client, secretariat, new_case):  # noqa: F811
    client.force_login(secretariat)
    _import(client, new_case, MINIMAL)
    stored = new_case.proposals.get().addressed_to
    assert stored
    _import(client, new_case, REVISED.replace("I kommunstyrelsen:\n", "", 1))
    assert new_case.proposals.get().addressed_to == stored
