"""Amounts in a TU's economic section that restate a point's own cost are not offered again, and
not to another point that a shared word happens to tie them to (proposal_costs.read_costs)."""

from motions.importers.proposal import read_proposal

TU = """Tjänsteutlåtande
Utfärdat 2025-11-05
Diarienummer SLK-2025-01188
Stadsledningskontoret

Fler platser i yrkesvux

Förslag till beslut
I kommunstyrelsen:

1. Nämnden för arbetsmarknad och vuxenutbildning får i uppdrag att utöka antalet platser inom
yrkesvux. Kostnaden uppgår till 2 000 000 kronor.

2. Stadsledningskontoret får i uppdrag att följa upp satsningen.

Ekonomiska konsekvenser
Satsningen kostar 2 mnkr under 2026. Reserven uppgår efter tidigare beslut till 38 mnkr.
"""


def _costs(parsed):
    return sorted((c.point, c.amount_kr) for c in parsed.costs if c.accepted)


def test_the_economic_section_restating_a_points_cost_offers_no_second_cost():
    parsed = read_proposal(TU)
    assert _costs(parsed) == [(1, 2_000_000)]


def test_a_new_amount_the_section_ties_to_a_point_without_one_is_still_offered():
    parsed = read_proposal(TU.replace("Satsningen kostar 2 mnkr", "Uppföljningen av satsningen kostar 300 tkr"))
    assert (2, 300_000) in _costs(parsed)


def test_what_a_reserve_holds_is_no_cost_but_a_cost_within_the_budget_is():
    parsed = read_proposal(TU)
    balance = next(c for c in parsed.costs if c.amount_kr == 38_000_000)
    assert not balance.accepted and "reserv" in " ".join(balance.reasons)
    text = TU.replace(
        "Reserven uppgår efter tidigare beslut till 38 mnkr.", "Kostnaden som ryms inom budgeten uppgår till 38 mnkr."
    )
    assert (1, 38_000_000) in _costs(read_proposal(text)) or (2, 38_000_000) in _costs(read_proposal(text))
