"""What a case costs: one rule (budget.costs) for the case's cost page and the comparison's cost row."""

import pytest
from django.urls import reverse

from budget.costs import case_owner_costs
from budget.selectors import case_for_costs
from motions.models import Case


def _costs(key):
    return case_owner_costs(case_for_costs().by_url_key(key).get())


@pytest.mark.django_db
def test_the_proposal_of_slk_2022_00921_sorted_like_the_tu(real_data):
    proposal = _costs("SLK-2022-00921")[0]
    assert proposal.kind == "proposal"
    assert proposal.one_off == 1_700_000  # 1,1 mnkr GSN + 0,6 mnkr UBN
    assert proposal.yearly == 1_600_000  # 0,8 + 0,8 mnkr SN Centrum
    assert proposal.unknown == 4  # point 9: four social boards, no amount
    classes = {g.label: g.point_numbers for g in proposal.financing}
    assert classes["Inom budgetram 2024"] == "2, 3, 10, 11, 12"
    assert classes["Begränsad omfattning inom budgetram 2024"] == "5, 8"
    assert classes["Kräver extra resurser: budgetprocessen 2025–2027"] == "4, 6, 7, 9"
    assert proposal.years == [2025, 2026, 2027]
    assert proposal.year_totals == [3_300_000, 1_600_000, 1_600_000]
    by_board = {row.board.slug: row for row in proposal.boards}
    assert by_board["grundskolenamnden"].one_off == 1_100_000
    assert by_board["socialnamnden-centrum"].by_year == {2025: 1_600_000, 2026: 1_600_000, 2027: 1_600_000}
    assert by_board["socialnamnden-hisingen"].unknown == 1


@pytest.mark.django_db
def test_motions_count_unchanged_and_kept_points_as_the_comparison_does(real_data):
    owners = _costs("SLK-2022-00921")[1:]
    first, second = owners[0], owners[1]
    # KD/M/D/L-style rewrite: point 4 changed (no own estimate), 6 and 7 unchanged -> 1,6 mnkr/yr.
    assert (first.one_off, first.yearly, first.unknown) == (0, 1_600_000, 0)
    assert first.inherited == 2
    # "i övrigt bifall": every proposal point it does not address is kept, with its estimates.
    assert second.owner.approves_rest
    assert (second.one_off, second.yearly, second.unknown) == (1_700_000, 1_600_000, 4)
    # Motions whose text is missing have an unknown cost, not zero.
    assert [o.has_text for o in owners[3:]] == [False, False, False]


@pytest.mark.django_db
def test_every_shipped_case_costs_the_same_on_the_comparison_and_on_its_cost_page(client, real_data):
    """The comparison's cost row, per proposal and motion, is what the case's cost page (budget:case) shows."""
    counted = 0
    for case in Case.objects.order_by("id"):
        page = client.get(reverse("budget:case", args=[case.url_key]))
        comparison = client.get(reverse("motions:compare", args=[case.url_key])).context["comparison"]
        assert page.status_code == 200
        owners = page.context["owners"]
        row = [("proposal", None, comparison.proposal_cost)] if comparison.proposal else []
        row += [("motion", column.motion.pk, column.cost) for column in comparison.shown_columns]
        assert [(o.kind, o.owner.pk if o.kind == "motion" else None) for o in owners] == [r[:2] for r in row]
        for owner, (_kind, _pk, cost) in zip(owners, row, strict=True):
            if not owner.has_text:
                assert cost is None, (case, owner.title)
                continue
            shown = (owner.one_off, owner.yearly, owner.unknown, owner.count, owner.inherited)
            assert (cost.one_off, cost.yearly, cost.unknown, cost.count, cost.from_proposal) == shown, (case, owner)
            counted += owner.count
        if not comparison.proposal:
            assert not comparison.proposal_cost.count
    assert counted > 0  # the shipped data has estimates: the comparison above compared figures, not zeros
