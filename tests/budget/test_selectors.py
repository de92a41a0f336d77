"""A board's costs summed per year, proposed and adopted, in a fixed number of queries."""

import datetime

import pytest

from assignments.models import Board
from budget.models import CostEstimate
from budget.selectors import board_costs
from motions.models import Decision, Meeting


@pytest.mark.django_db
def test_board_costs_split_proposed_and_adopted(build_costs):
    case, boards = build_costs(points=2, motions=0, boards=1)
    costs = board_costs(boards[0])
    # point 1: one-off 100 000 in 2032; point 2: yearly 200 000 in 2032–2034.
    assert [(r.year, r.proposal, r.adopted) for r in costs.years] == [
        (2032, 300_000, 0),
        (2033, 200_000, 0),
        (2034, 200_000, 0),
    ]
    meeting = Meeting.objects.create(body=boards[0], date=datetime.date(2031, 3, 1))
    # A referred-back decision adopts nothing.
    Decision.objects.create(meeting=meeting, case=case, outcome=Decision.Outcome.REFERRED_BACK, paragraph=1)
    assert board_costs(boards[0]).one_off["adopted"] == 0
    # An adopted decision without motions or points: decided as proposed.
    Decision.objects.create(meeting=meeting, case=case, outcome=Decision.Outcome.ADOPTED, paragraph=2)
    costs = board_costs(boards[0])
    assert costs.one_off["adopted"] == 100_000
    assert costs.yearly["adopted"] == 200_000


@pytest.mark.django_db
def test_only_the_adopted_points_and_motions_count_as_adopted(build_costs):
    case, boards = build_costs(points=2, motions=1, boards=1)
    motion = case.motions.get()
    new_point = motion.points.order_by("-number").first()
    CostEstimate.objects.create(
        decision_point=new_point, amount_kr=5_000_000, recurrence="one_off", first_year=2033, board=boards[0],
        financing="extra_resources",
    )  # fmt: skip
    meeting = Meeting.objects.create(body=boards[0], date=datetime.date(2031, 3, 1))
    decision = Decision.objects.create(meeting=meeting, case=case, outcome=Decision.Outcome.ADOPTED, paragraph=1)
    decision.adopted_points.add(case.proposals.get().points.get(number=2))
    costs = board_costs(boards[0])
    assert costs.one_off == {"proposal": 100_000, "motion": 5_000_000, "adopted": 0}
    assert costs.yearly["adopted"] == 200_000
    decision.adopted_motions.add(motion)
    assert board_costs(Board.objects.get(pk=boards[0].pk)).one_off["adopted"] == 5_000_000


@pytest.mark.django_db
def test_board_page_sums_every_estimate_but_shows_one_page_of_them(client, real_data, django_assert_max_num_queries):
    """At city scale a board bears hundreds of estimates: the sums cover all, the table pages."""
    from assignments.models import Assignment

    board = Board.objects.get(slug="grundskolenamnden")
    before = board_costs(board)
    assignment = Assignment.objects.order_by("id").first()
    CostEstimate.objects.bulk_create(
        CostEstimate(
            assignment=assignment,
            amount_kr=1_000,
            recurrence=CostEstimate.Recurrence.ONE_OFF,
            first_year=2030,
            board=board,
            financing=CostEstimate.Financing.WITHIN_FRAME,
        )
        for _ in range(120)
    )
    costs = board_costs(board)
    assert costs.count == before.count + 120
    assert costs.one_off["proposal"] == before.one_off["proposal"] + 120_000
    assert next(row for row in costs.years if row.year == 2030).proposal == 120_000
    assert len(costs.estimates) == 50
    assert sum(len(estimates) for _case, estimates in costs.cases) == 50
    last = board_costs(board, page_number=costs.page.paginator.num_pages)
    assert len(last.estimates) == costs.count - 50 * (costs.page.paginator.num_pages - 1)
    with django_assert_max_num_queries(8):
        page = client.get(f"/budget/namnder/{board.slug}/", {"sida": 2})
    html = page.content.decode()
    assert page.status_code == 200
    assert f"51–100 av {costs.count}" in html and 'rel="next"' in html and 'rel="prev"' in html
