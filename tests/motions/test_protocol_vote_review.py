"""Issue 15: the roll-call rows are editable in the protocol review; the declared counts are checked
again on what was typed, and nothing is saved until the corrected rows pass."""

import pytest
from django import forms

from motions.importers.protocol import parse_protocol
from motions.models import Decision, VoteRecord
from motions.protocol_vote_rows import rows_read, rows_text

from .test_protocol_import import P02, URL, _counts, _review_data, case, client_s  # noqa: F401


def test_rows_text_round_trips_the_parsed_roll_call_keeping_seat_and_role():
    vote = parse_protocol(P02.read_text("utf-8")).votes[0]
    text = rows_text(vote.rollcall)
    assert "Hampus Magnusson; M; Ja" in text and "Björn Tidland; SD; Avstår" in text
    read = rows_read(text, declared=vote.rollcall.declared_totals, original=vote.rollcall)
    assert [(r.name, r.party, r.result, r.role) for r in read.rows] == [
        (r.name, r.party, r.result, r.role) for r in vote.rollcall.rows
    ]
    assert read.totals == vote.rollcall.totals


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Anna Andersson; S", "Rad 1: skriv ”Namn; Parti; Ja”"),
        ("Anna Andersson; S; Kanske", "Rad 1: okänt resultat ”Kanske”"),
        ("Anna Andersson; S; Ja\nanna andersson; S; Nej", "Rad 2: anna andersson står redan på rad 1."),
        ("Anna Andersson; S; Ja\nBo Berg; M; Ja", "Protokollet anger 1 nej men namnlistan har 0."),
    ],
)
def test_a_bad_row_or_a_count_that_does_not_match_is_refused_in_swedish(text, message):
    with pytest.raises(forms.ValidationError) as error:
        rows_read(text, declared={"ja": 2, "nej": 1}, original=None)
    assert message in error.value.messages[0]


def test_no_names_means_counts_only():
    assert rows_read("\n  \n", declared={"ja": 2}, original=None) is None


def test_an_edited_row_is_what_is_saved(client_s, case):  # noqa: F811
    data = _review_data(client_s, P02.read_text("utf-8"))
    assert "Hampus Magnusson; M; Ja" in data["vote_0_names"]
    data["vote_0_names"] = data["vote_0_names"].replace("Björn Tidland; SD; Avstår", "Björn Tidlund; SD; Avstår")
    assert client_s.post(URL, {**data, "bekrafta": "1"}).status_code == 302
    vote = Decision.objects.get(case=case).votes.get()
    names = {r.member.name: r.result for r in vote.records.select_related("member")}
    assert names["Björn Tidlund"] == VoteRecord.Result.ABSTAIN and "Björn Tidland" not in names and len(names) == 13


def test_rows_that_break_the_stated_counts_are_refused_keeping_what_was_typed(client_s, case):  # noqa: F811
    data = _review_data(client_s, P02.read_text("utf-8"))
    edited = data["vote_0_names"].replace("Hampus Magnusson; M; Ja", "Hampus Magnusson; M; Nej")
    before = _counts()
    response = client_s.post(URL, {**data, "vote_0_names": edited, "bekrafta": "1"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Protokollet anger 6 ja men namnlistan har 5." in page
    assert "Hampus Magnusson; M; Nej" in page
    assert _counts() == before


def test_a_malformed_row_is_refused_with_its_line(client_s, case):  # noqa: F811
    data = _review_data(client_s, P02.read_text("utf-8"))
    response = client_s.post(URL, {**data, "vote_0_names": "Bara ett namn\n" + data["vote_0_names"], "bekrafta": "1"})
    assert response.status_code == 400
    assert "Rad 1: skriv ”Namn; Parti; Ja”" in response.content.decode()
    assert not Decision.objects.filter(case=case).exists()
