"""The TU's classing of a point's financing (motions/importers/proposal_financing.py): the frame of
investments or running costs is a frame as the budget frame is."""

import pytest

from motions.importers.proposal import read_proposal
from motions.importers.proposal_financing import point_numbers

TU = """Tjänsteutlåtande
Utfärdat 2027-05-03
Diarienummer TK-2027-00301
Trafikkontoret

Nya busskörfält

Förslag till beslut
I trafiknämnden:

1. Förvaltningen får i uppdrag att anlägga busskörfält på Dag Hammarskjöldsleden. Kostnaden, omkring
8 mnkr, FINANCING.

2. Förvaltningen får i uppdrag att utvärdera körfälten.
"""


@pytest.mark.parametrize(
    "financing",
    ["ryms inom nämndens investeringsram", "finansieras inom driftramen", "ryms inom befintlig budgetram"],
)
def test_a_point_paid_within_a_frame_of_any_kind_is_within_the_frame(financing):
    parsed = read_proposal(TU.replace("FINANCING", financing))
    assert parsed.financing[1]["financing"] == "within_frame"
    assert [(c.point, c.amount_kr, c.financing) for c in parsed.costs] == [(1, 8_000_000, "within_frame")]


def test_a_frame_the_text_does_not_name_leaves_the_point_unclassed():
    parsed = read_proposal(TU.replace("FINANCING", "betalas av staten via Trafikverket"))
    assert 1 not in parsed.financing


@pytest.mark.parametrize(
    ("text", "numbers"),
    [("Förslag 2 och 3 kostar", [2, 3]), ("punkterna 1–3 ryms", [1, 2, 3]), ("punkt 9 finns inte", [])],
)
def test_the_points_a_sentence_names(text, numbers):
    assert point_numbers(text, {1, 2, 3}) == numbers
