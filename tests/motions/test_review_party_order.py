"""The import preview keeps the parties in the order the document prints them ("V, S, MP") through
"Granska igen" and "Spara", though the party list it shows (and a browser posts) is alphabetical."""

import pytest
from django.urls import reverse

from motions.models import Motion, Party

from .conftest import SEED_002, seed_lines


def _ids(*abbreviations) -> list[int]:
    return [Party.objects.get(abbreviation=a).pk for a in abbreviations]


def _review_data(preview, **changes) -> dict:
    review = preview.context["review"]
    data = {k: v for k, v in review.initial.items() if v not in (None, False, [], "")}
    data["body"] = data["body"].pk
    data.pop("parties")
    return data | changes


@pytest.fixture
def preview(client, real_data, secretariat):
    client.force_login(secretariat)
    url = reverse("motions:motion_import", args=["0064-23"])
    # 002-Y: "Vänsterpartiet, Socialdemokraterna, Miljöpartiet" in its header.
    response = client.post(url, {"text": seed_lines(SEED_002, 1, 57), "forhandsgranska": "1"})
    assert response.status_code == 200
    return url, response


@pytest.mark.django_db
def test_the_preview_shows_the_printed_order(preview):
    _, response = preview
    assert [p.abbreviation for p in response.context["review"].initial["parties"]] == ["V", "S", "MP"]
    assert "Sparas i handlingens ordning: V, S, MP" in response.content.decode()


@pytest.mark.django_db
def test_the_printed_order_survives_a_second_review_and_the_save(client, preview):
    url, response = preview
    # A browser posts the selected options in the list's (alphabetical) order.
    again = client.post(url, _review_data(response, parties=_ids("MP", "S", "V"), forhandsgranska="1"))
    assert again.status_code == 200 and not again.context["review"].errors
    assert "Sparas i handlingens ordning: V, S, MP" in again.content.decode()
    before = Motion.objects.count()
    saved = client.post(url, _review_data(response, parties=_ids("MP", "S", "V"), bekrafta="1"))
    assert saved.status_code == 302 and Motion.objects.count() == before + 1
    motion = Motion.objects.prefetch_related("parties").latest("pk")
    assert [p.abbreviation for p in motion.ordered_parties] == ["V", "S", "MP"]


@pytest.mark.django_db
def test_a_party_added_in_the_review_comes_after_the_printed_ones_and_a_removed_one_goes(client, preview):
    url, response = preview
    saved = client.post(url, _review_data(response, parties=_ids("C", "MP", "V"), bekrafta="1"))
    assert saved.status_code == 302
    motion = Motion.objects.prefetch_related("parties").latest("pk")
    assert [p.abbreviation for p in motion.ordered_parties] == ["V", "MP", "C"]


@pytest.mark.django_db
def test_a_tampered_order_is_ignored_not_an_error(client, preview):
    url, response = preview
    data = _review_data(response, parties=_ids("S", "V"), party_order="x,999999,,", bekrafta="1")
    saved = client.post(url, data)
    assert saved.status_code == 302
    motion = Motion.objects.prefetch_related("parties").latest("pk")
    assert [p.abbreviation for p in motion.ordered_parties] == ["S", "V"]
