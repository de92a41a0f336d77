"""The officer's pages say how the status changes, show the whole assignment text and offer no "---------"."""

import re

import pytest

from assignments import roles
from assignments.models import Assignment, Board

pytestmark = pytest.mark.django_db

STATUS_RULE = "Så ändras statusen"


@pytest.fixture
def officer_client(client, real_data, make_user):
    assignment = Assignment.objects.get(dnr="0921/22")
    user = make_user("handl", roles.OFFICER, boards=[Board.objects.get(slug="kommunstyrelsen")])
    client.force_login(user)
    return client, assignment


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.mark.parametrize("suffix", ["", "rapport/", "status/"])
def test_every_officer_page_explains_the_status_rule_and_shows_the_full_text(officer_client, suffix):
    client, assignment = officer_client
    response = client.get(f"{assignment.get_absolute_url()}{suffix}")
    assert response.status_code == 200
    text = _text(response.content.decode())
    assert STATUS_RULE in text
    assert "Genom statusrapportens förslag" in text
    assert "Av sekretariatet" in text
    assert len(assignment.text) > 90  # longer than the list's short text
    assert " ".join(assignment.text.split()) in text


def test_the_report_form_has_no_dashed_empty_choice(officer_client):
    client, assignment = officer_client
    html = client.get(f"{assignment.get_absolute_url()}rapport/").content.decode()
    options = re.findall(r"<option[^>]*>([^<]*)</option>", html)
    assert options, "the form has its selects"
    assert not [o for o in options if re.fullmatch(r"\s*-+\s*", o)]
    # The period and the board are preselected, so nothing is left to choose that could be empty.
    assert re.search(r'<select name="period"[^>]*>\s*<option value="\d+" selected', html)
    assert re.search(r'<select name="board"[^>]*>\s*<option value="\d+" selected', html)


def test_a_reader_is_not_told_how_to_change_the_status(client, real_data):
    assignment = Assignment.objects.get(dnr="0921/22")
    assert STATUS_RULE not in client.get(assignment.get_absolute_url()).content.decode()
