"""A total of the whole proposal in the TU's economic section ("Satsningen kostar totalt 30 mnkr") is
offered but not accepted as a point's cost when only shared words tie it to the point
(motions/importers/proposal_costs.py); named with its point it is that point's."""

import pytest

from motions.importers.proposal import read_proposal

TU = """Tjänsteutlåtande
Utfärdat 2027-02-01
Diarienummer KUN-2027-00044
Kulturförvaltningen

Upprustning av stadsdelsbiblioteken

Förslag till beslut
I kulturnämnden:

1. Förvaltningen får i uppdrag att rusta upp biblioteken i Bergsjön och Biskopsgården.

2. Förvaltningen får i uppdrag att förlänga öppettiderna på lördagar.

Ekonomiska konsekvenser
SENTENCE
"""


@pytest.mark.parametrize(
    "sentence",
    [
        "Upprustningen av biblioteken bedöms kosta totalt 30 mnkr under perioden.",
        "Den sammanlagda kostnaden för upprustningen av biblioteken är 30 mnkr.",
    ],
)
def test_a_total_tied_by_words_alone_is_offered_not_accepted(sentence):
    parsed = read_proposal(TU.replace("SENTENCE", sentence))
    assert [(c.amount_kr, c.accepted) for c in parsed.costs] == [(30_000_000, False)]
    assert any("hela förslaget" in reason for reason in parsed.costs[0].reasons)


def test_a_total_named_with_its_point_is_that_points_cost():
    parsed = read_proposal(TU.replace("SENTENCE", "Förslag 1 kostar totalt 30 mnkr."))
    assert [(c.point, c.amount_kr, c.accepted) for c in parsed.costs] == [(1, 30_000_000, True)]


def test_an_amount_tied_by_words_without_a_total_is_accepted():
    parsed = read_proposal(TU.replace("SENTENCE", "Upprustningen av biblioteken bedöms kosta 30 mnkr."))
    assert [(c.point, c.amount_kr, c.accepted) for c in parsed.costs] == [(1, 30_000_000, True)]
