"""The TU import page for a revision: the preview lists what the revised TU does not mention, ticked to be
kept; an unticked value is shown as a change after "Granska igen" and dropped by "Spara"."""

import pytest

from budget.models import CostEstimate
from tests.motions.test_proposal_import import _review_data, _url

from .test_revision_keep import REVISED, stored  # noqa: F401


def _section(response):
    return " ".join(response.content.decode().split('class="revision-changes"')[1].split("</section>")[0].split())


@pytest.mark.django_db
def test_the_preview_keeps_unmentioned_values_and_the_save_drops_only_the_unticked(client, secretariat, stored):  # noqa: F811
    client.force_login(secretariat)
    estimate = CostEstimate.objects.get(decision_point__proposal__case=stored)
    key = f"cost-{estimate.pk}-financing"
    preview = client.post(_url(stored), {"text": REVISED, "forhandsgranska": ""})
    assert preview.status_code == 200
    section = _section(preview)
    assert "Sparat som det reviderade tjänsteutlåtandet inte nämner" in section
    assert f'name="behall" value="{key}" id="behall-{key}" checked' in section
    subject = "Punkt 1, kostnadsberäkning (Kulturnämnden, årlig kostnad)"
    assert f'<p class="revision-keep__subject">{subject}</p>' in section
    assert f'<span class="visually-hidden">{subject}: </span>Finansiering behålls: inom budgetram</label>' in section
    assert "Finansiering: <del>" not in section  # kept, so not listed as a change
    keys = [s.key for s in preview.context["revision"].silences]
    assert key in keys and len(keys) == 4
    data = {**_review_data(preview), "behall_visad": keys, "behall": [k for k in keys if k != key]}

    again = client.post(_url(stored), {**data, "forhandsgranska": ""})
    section = _section(again)
    assert f'name="behall" value="{key}" id="behall-{key}">' in section  # unticked stays unticked
    assert "Finansiering tas bort: inom budgetram" in section
    assert 'Finansiering: <del><span class="visually-hidden">tidigare: </span>inom budgetram</del>' in section
    assert CostEstimate.objects.get(pk=estimate.pk).financing == "within_frame"  # a preview saves nothing

    response = client.post(_url(stored), {**data, "bekrafta": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    estimate.refresh_from_db()
    assert (estimate.amount_kr, estimate.financing, estimate.first_year) == (450_000, "extra_resources", 2026)
    assert estimate.note.startswith("Beräknat av kulturförvaltningen")
    assert estimate.history.first().prev_record.financing == "within_frame"


@pytest.mark.django_db
def test_a_value_not_yet_shown_is_kept_even_when_no_box_is_ticked(client, secretariat, stored):  # noqa: F811
    client.force_login(secretariat)
    preview = client.post(_url(stored), {"text": REVISED, "forhandsgranska": ""})
    response = client.post(_url(stored), {**_review_data(preview), "bekrafta": ""})
    assert response.status_code == 302
    estimate = CostEstimate.objects.get(decision_point__proposal__case=stored)
    assert (estimate.financing, estimate.first_year) == ("within_frame", 2026)


@pytest.mark.django_db
def test_only_the_secretariat_may_read_in_a_revision(client, politician, stored):  # noqa: F811
    client.force_login(politician)
    response = client.post(_url(stored), {"text": REVISED, "forhandsgranska": ""})
    assert response.status_code == 403
    assert CostEstimate.objects.get(decision_point__proposal__case=stored).financing == "within_frame"
