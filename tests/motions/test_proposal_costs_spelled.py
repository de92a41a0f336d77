"""An amount a TU writes out in words ("tre miljoner kronor") is offered as its digits would be."""

import pytest

from motions.importers.proposal import read_proposal

TU = """Tjänsteutlåtande
Utfärdat 2025-11-05
Diarienummer SLK-2025-01188
Stadsledningskontoret

Fler introduktionsanställningar

Förslag till beslut
I kommunstyrelsen:

1. Nämnden för arbetsmarknad och vuxenutbildning får i uppdrag att anställa fler. Kommunstyrelsen anvisar
AMOUNT för 2026 för introduktionsanställningar.
"""


@pytest.mark.parametrize(
    ("printed", "amount"),
    [("tre miljoner kronor", 3_000_000), ("tolv miljoner kr", 12_000_000), ("fem tusen kronor", 5_000)],
)
def test_an_amount_in_words_is_read_as_its_digits(printed, amount):
    parsed = read_proposal(TU.replace("AMOUNT", printed))
    assert [(c.point, c.amount_kr) for c in parsed.costs if c.accepted] == [(1, amount)]


def test_a_number_word_that_is_no_amount_stays_a_word():
    parsed = read_proposal(TU.replace("AMOUNT", "tre tjänster"))
    assert parsed.costs == []


@pytest.mark.parametrize(
    ("printed", "amount"),
    [
        ("en halv miljon kronor", 500_000),
        ("två och en halv miljoner kronor", 2_500_000),
        ("4 och en halv miljoner kr", 4_500_000),
        ("en halv tusen kronor", 500),
    ],
)
def test_half_a_unit_is_read_as_its_digits(printed, amount):
    parsed = read_proposal(TU.replace("AMOUNT", printed))
    assert [(c.point, c.amount_kr) for c in parsed.costs if c.accepted] == [(1, amount)]


def test_half_without_a_unit_is_no_amount():
    parsed = read_proposal(TU.replace("AMOUNT", "en halv tjänst"))
    assert parsed.costs == []
