"""The comparison of SLK-2022-00921 and 0064/23 as the seed inventory (section 5.1) describes them."""

import re

import pytest

from motions.comparison import build_comparison
from motions.models import Case, Motion


def comparison_of(key, **kwargs):
    case = Case.objects.with_everything().by_url_key(key).get()
    return build_comparison(case, **kwargs)


def column_of(comparison, title_start):
    return next(i for i, c in enumerate(comparison.shown_columns) if c.motion.title.startswith(title_start))


def motion_a_column(comparison):
    # 000-A: the full motion of 11 points that does not approve the rest.
    return next(
        i
        for i, c in enumerate(comparison.shown_columns)
        if c.motion.full_text_available and len(c.motion.points.all()) == 11
    )


@pytest.mark.django_db
def test_motion_a_maps_to_the_proposal_as_the_seed_inventory_says(real_data):
    comparison = comparison_of("SLK-2022-00921")
    a = motion_a_column(comparison)
    # Which proposal point each of A's points sits on (None = a new point on its own row).
    placed = {}
    for row in comparison.rows:
        cell = row.cells[a]
        if cell.point is not None:
            placed[cell.point.number] = row.proposal_point.number if row.kind == "point" else None
    assert placed == {1: 1, 2: 2, 3: 3, 4: 4, 5: 6, 6: 7, 7: 8, 8: None, 9: 10, 10: 11, 11: 12}
    by_number = {row.proposal_point.number: row.cells[a] for row in comparison.rows if row.kind == "point"}
    assert by_number[5].status == "dropped"
    assert by_number[5].merged_into.number == 4  # TU 4 and 5 merged into A's point 4
    assert by_number[9].status == "dropped"
    assert by_number[9].merged_into is None
    assert by_number[4].status == "changed"
    assert "<ins>" in by_number[4].html and "<del>" in by_number[4].html
    assert {by_number[n].status for n in (1, 2, 3, 6, 7, 8, 10, 11, 12)} == {"same"}


@pytest.mark.django_db
def test_the_new_point_of_a_sits_after_the_proposal_point_before_it(real_data):
    comparison = comparison_of("SLK-2022-00921")
    a = motion_a_column(comparison)
    kinds = [(row.kind, row.proposal_point.number if row.proposal_point else None) for row in comparison.rows]
    new_row = next(i for i, row in enumerate(comparison.rows) if row.cells[a].status == "new")
    assert kinds[new_row - 1] == ("point", 8)
    assert kinds[new_row + 1] == ("point", 9)


@pytest.mark.django_db
def test_approve_the_rest_keeps_unaddressed_points_visibly(real_data):
    comparison = comparison_of("0064/23")
    (column,) = [c for c in comparison.shown_columns if c.motion.approves_rest]
    index = comparison.shown_columns.index(column)
    statuses = {row.proposal_point.number: row.cells[index].status for row in comparison.rows if row.kind == "point"}
    assert statuses[4] == "changed"  # "… 1443/22, godkännes ej"
    assert statuses[9] == "changed"  # "… 0630/23 avslås"
    assert {statuses[n] for n in (1, 2, 3, 5, 6, 7, 8)} == {"kept"}
    new_points = [row.cells[index].point.number for row in comparison.rows if row.kind == "new"]
    assert new_points == [2, 4]


@pytest.mark.django_db
def test_motion_b_adds_five_points_and_keeps_all_twelve(real_data):
    comparison = comparison_of("SLK-2022-00921")
    b = next(i for i, c in enumerate(comparison.shown_columns) if c.motion.approves_rest)
    assert [row.cells[b].status for row in comparison.rows if row.kind == "point"] == ["kept"] * 12
    assert [row.cells[b].point.number for row in comparison.rows if row.cells[b].status == "new"] == [1, 2, 3, 4, 5]


@pytest.mark.django_db
def test_motions_known_only_from_the_minutes_say_text_is_missing(real_data):
    comparison = comparison_of("SLK-2022-00921")
    missing = [i for i, c in enumerate(comparison.shown_columns) if not c.motion.full_text_available]
    assert len(missing) == 3
    for row in comparison.rows:
        if row.kind == "point":
            assert all(row.cells[i].status == "missing" for i in missing)


@pytest.mark.django_db
def test_the_referral_motion_is_one_row_with_what_the_office_is_asked_to_do(real_data):
    comparison = comparison_of("SLK-2022-00921")
    referral_rows = [row for row in comparison.rows if row.kind == "referral"]
    assert len(referral_rows) == 1
    index = next(i for i, c in enumerate(comparison.shown_columns) if c.motion.kind == Motion.Kind.ATERREMISSYRKANDE)
    cell = referral_rows[0].cells[index]
    assert "nollvision" in cell.html
    assert "355" in cell.note


@pytest.mark.django_db
def test_costs_sum_the_points_one_off_and_yearly_apart(real_data):
    comparison = comparison_of("SLK-2022-00921")
    # The proposal: 1,1 + 0,6 mnkr one-off (point 4), 0,8 + 0,8 mnkr a year (points 6, 7), 4 unknown (point 9).
    assert comparison.proposal_cost.one_off == 1_700_000
    assert comparison.proposal_cost.yearly == 1_600_000
    assert comparison.proposal_cost.unknown == 4
    a = comparison.shown_columns[motion_a_column(comparison)]
    # A keeps 6 and 7 unchanged, rewrites 4 (no estimate of its own) and drops 9.
    assert (a.cost.one_off, a.cost.yearly, a.cost.unknown) == (0, 1_600_000, 0)
    b = next(c for c in comparison.shown_columns if c.motion.approves_rest)
    # B approves the rest: the proposal's costs count in B's line.
    assert (b.cost.one_off, b.cost.yearly, b.cost.unknown) == (1_700_000, 1_600_000, 4)
    assert b.cost.from_proposal == 8


@pytest.mark.django_db
def test_outcome_has_the_vote_broken_down_per_party(real_data):
    comparison = comparison_of("0355/20")
    (outcome,) = comparison.outcomes
    assert outcome.decision.paragraph == 4
    (summary,) = outcome.votes
    tallies = {t.party.abbreviation: (t.yes, t.no, t.abstain, t.absent) for t in summary.tallies}
    assert tallies == {
        "S": (17, 0, 0, 0), "M": (12, 0, 0, 0), "L": (5, 0, 0, 1), "C": (3, 0, 0, 0), "KD": (2, 0, 0, 1),
        "D": (0, 14, 0, 0), "SD": (0, 7, 0, 0), "V": (0, 0, 11, 0), "MP": (0, 0, 6, 0), "FI": (0, 0, 2, 0),
    }  # fmt: skip
    assert sum(t.total for t in summary.tallies) == 81
    assert [c.motion.parties.count() for c in outcome.adopted_columns] == [6]


@pytest.mark.django_db
def test_only_the_chosen_motions_are_shown(real_data):
    case = Case.objects.by_url_key("SLK-2022-00921").get()
    chosen = case.motions.filter(full_text_available=True).order_by("sort_order").first()
    comparison = comparison_of("SLK-2022-00921", shown_ids={chosen.pk})
    assert [c.motion.pk for c in comparison.shown_columns] == [chosen.pk]
    assert len(comparison.hidden_columns) == 5
    assert all(len(row.cells) == 1 for row in comparison.rows)


@pytest.mark.django_db
def test_a_written_referral_motion_is_one_row_and_decides_no_point(real_data):
    from motions.models import DecisionPoint

    case = Case.objects.by_url_key("0064-23").get()
    referral = Motion.objects.create(case=case, kind=Motion.Kind.ATERREMISSYRKANDE)
    DecisionPoint.objects.create(motion=referral, number=1, text="Ärendet återremitteras för att belysa kostnaderna.")
    DecisionPoint.objects.create(motion=referral, number=2, text="Stadsledningskontoret återkommer i december.")
    comparison = comparison_of("0064/23")
    index = next(i for i, c in enumerate(comparison.shown_columns) if c.motion.pk == referral.pk)
    (row,) = [r for r in comparison.rows if r.kind == "referral"]
    assert "1. Ärendet återremitteras för att belysa kostnaderna." in row.cells[index].html
    assert "2. Stadsledningskontoret återkommer i december." in row.cells[index].html
    assert all(r.cells[index].status == "not_addressed" for r in comparison.rows if r.kind == "point")
    assert all(r.cells[index].status == "blank" for r in comparison.rows if r.kind == "new")


@pytest.mark.django_db
def test_every_display_names_a_motions_parties_in_printed_order(client, real_data):
    """The comparison's columns, its CSV, the case page, the API and the search show V, S, MP."""
    case = Case.objects.get(dnr="0921/22")
    columns = build_comparison(Case.objects.with_everything().get(pk=case.pk)).columns
    assert ["S", "V", "MP"] not in [[p.abbreviation for p in c.parties] for c in columns]
    assert ["V", "S", "MP"] in [[p.abbreviation for p in c.parties] for c in columns]
    assert ["KD", "M", "D", "L"] in [[p.abbreviation for p in c.parties] for c in columns]
    page = client.get(case.get_absolute_url()).content.decode()
    chips = re.findall(r'<abbr class="party"[^>]*>([A-ZÅÄÖ]+)</abbr>', page)
    assert "V S MP" in " ".join(chips) and "S V MP" not in " ".join(chips)
    csv_text = client.get(f"/arenden/{case.url_key}/jamfor.csv").content.decode("utf-8-sig")
    assert "V, S, MP" in csv_text and "S, V, MP" not in csv_text
    motion = Motion.objects.get(case__dnr="0064/23", kind="yrkande")
    body = client.get(f"/api/v1/motions/{motion.pk}/").json()
    data = body.get("data", body)
    assert data["partyAbbreviations"] == ["V", "S", "MP"]
