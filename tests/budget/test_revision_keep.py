"""A revised TU keeps what it does not mention: the stored values the revision is silent about are listed
by the preview and kept by the save unless dropped; what the revision states replaces them; every change
has its history row."""

import dataclasses

import pytest

from assignments.models import Board
from budget.models import CostEstimate, PointFinancing
from budget.proposal_import import FinancingDraft, proposal_import_with_costs, revision_preview
from budget.proposal_import_forms import cost_drafts_from, financing_drafts_from
from motions.importers.proposal_resolve import parse_proposal_text
from motions.models import Case
from tests.motions.test_proposal_import import MINIMAL

# Revised: point 2's text, and point 1's cost rises (quoted anew); still silent about the financing and years.
REVISED = (
    MINIMAL.replace("Utfärdat 2025-03-03", "Utfärdat 2025-03-03\nReviderat 2025-04-01")
    .replace("att följa upp rutinen.", "att följa upp rutinen årligen.")
    .replace("Rutinen för synpunkter hos kulturnämnden kostar 0,3 mnkr per år.", "Kulturnämnden: 0,45 mnkr per år.")
)


def _read(text):
    parsed = parse_proposal_text(text)
    return parsed, cost_drafts_from(parsed), financing_drafts_from(parsed)


def _save(user, case, text, drop=(), edit=None):
    parsed, costs, financing = _read(text)
    if edit:
        parsed, costs, financing = edit(parsed, costs, financing)
    preview = revision_preview(case, parsed, costs, financing, drop)
    proposal_import_with_costs(user=user, case=case, parsed=parsed, costs=costs, financing=financing, drop=drop)
    return preview


@pytest.fixture
def stored(real_data, secretariat):
    """The first TU saved, then completed by hand: the estimate's financing, years and note, point 2's
    financing class with its budget process."""
    case = Case.objects.create(case_number="SLK-2025-00077", title="Synpunktshantering")
    parsed, costs, financing = _read(MINIMAL)
    proposal_import_with_costs(user=secretariat, case=case, parsed=parsed, costs=costs, financing=financing)
    estimate = CostEstimate.objects.get(decision_point__proposal__case=case)
    estimate.financing, estimate.first_year, estimate.last_year = "within_frame", 2026, 2028
    estimate.note = "Beräknat av kulturförvaltningen, mejl 2025-03-10."
    estimate.save()
    two = case.proposals.get().points.get(number=2)
    PointFinancing.objects.create(
        decision_point=two, financing="extra_resources", budget_process_first_year=2026, budget_process_last_year=2027
    )
    return case


def _silences(preview):
    return {(s.number, str(s.what), s.kept) for s in preview.silences}


@pytest.mark.django_db
def test_what_the_revision_does_not_mention_is_listed_and_kept_by_default(stored, secretariat):
    preview = _save(secretariat, stored, REVISED)
    assert _silences(preview) == {
        (1, "Finansiering", True),
        (1, "Kostnadens år", True),
        (1, "Källa och kommentar", True),
        (2, "Finansieringsklass", True),
    }
    (financing,) = [s for s in preview.silences if s.what == "Finansiering"]
    assert financing.subject == "Punkt 1, kostnadsberäkning (Kulturnämnden, årlig kostnad)"
    assert financing.sentence == "Finansiering behålls: inom budgetram"
    # The preview lists the kept values as kept, not as changes: only the amount changes.
    (change,) = preview.costs
    assert [name for name, _old, _new in change.changed] == ["amount_kr"]
    estimate = CostEstimate.objects.get(decision_point__proposal__case=stored)
    assert (estimate.amount_kr, estimate.financing, estimate.first_year, estimate.last_year) == (
        450_000, "within_frame", 2026, 2028,
    )  # fmt: skip
    assert estimate.note.startswith("Beräknat av kulturförvaltningen")
    assert PointFinancing.objects.get(decision_point__number=2, decision_point__proposal__case=stored).financing == (
        "extra_resources"
    )
    latest = estimate.history.first()
    assert latest.history_change_reason == "Kostnadsberäkning ändrad" and latest.history_user == secretariat
    assert latest.prev_record.amount_kr == 300_000 and latest.financing == "within_frame"


@pytest.mark.django_db
def test_an_unticked_value_is_dropped_with_its_history(stored, secretariat):
    estimate = CostEstimate.objects.get(decision_point__proposal__case=stored)
    row = PointFinancing.objects.get(decision_point__proposal__case=stored)
    drop = {f"cost-{estimate.pk}-financing", f"cost-{estimate.pk}-note", f"class-{row.pk}"}
    preview = _save(secretariat, stored, REVISED, drop=drop)
    assert _silences(preview) == {
        (1, "Finansiering", False),
        (1, "Kostnadens år", True),
        (1, "Källa och kommentar", False),
        (2, "Finansieringsklass", False),
    }
    assert "tas bort" in [s for s in preview.silences if s.what == "Finansiering"][0].sentence
    (change,) = preview.costs
    assert {name for name, _old, _new in change.changed} == {"amount_kr", "financing", "note"}
    estimate.refresh_from_db()
    assert (estimate.financing, estimate.first_year) == ("extra_resources", 2026)
    assert estimate.note == "Ur tjänsteutlåtandet: ”Kulturnämnden: 0,45 mnkr per år.”"  # the revision's quote
    latest = estimate.history.first()
    assert (latest.prev_record.financing, latest.prev_record.note) == (
        "within_frame", "Beräknat av kulturförvaltningen, mejl 2025-03-10.",
    )  # fmt: skip
    assert not PointFinancing.objects.filter(pk=row.pk).exists()
    deleted = PointFinancing.history.filter(id=row.pk).first()
    assert deleted.history_type == "-" and deleted.history_change_reason == "Finansieringsklass borttagen"
    assert deleted.history_user == secretariat and deleted.budget_process_first_year == 2026


@pytest.mark.django_db
def test_what_the_revision_states_replaces_the_stored_value(stored, secretariat):
    def state(parsed, costs, financing):
        # The revision classes point 1's cost and point 2, gives the cost's years and quotes its source.
        (cost,) = costs
        costs = [dataclasses.replace(cost, financing="limited_within_frame", financing_stated=True,
                                     first_year=2027, last_year=2027)]  # fmt: skip
        return parsed, costs, {2: FinancingDraft("within_frame")}

    preview = _save(secretariat, stored, REVISED, edit=state)
    # The revision's quote does not replace a comment written by hand: that is kept unless dropped.
    assert _silences(preview) == {(1, "Källa och kommentar", True)}
    estimate = CostEstimate.objects.get(decision_point__proposal__case=stored)
    assert (estimate.financing, estimate.first_year, estimate.last_year) == ("limited_within_frame", 2027, 2027)
    assert estimate.note.startswith("Beräknat av kulturförvaltningen")
    row = PointFinancing.objects.get(decision_point__proposal__case=stored)
    assert (row.financing, row.budget_process_first_year) == ("within_frame", None)
    assert row.history.first().history_change_reason == "Finansieringsklass ändrad"


@pytest.mark.django_db
def test_a_stated_class_without_its_budget_process_keeps_the_stored_years(stored, secretariat):
    def state(parsed, costs, financing):
        return parsed, costs, {2: FinancingDraft("extra_resources")}

    preview = _save(secretariat, stored, REVISED, edit=state)
    assert (2, "Finansieringsklassens budgetprocess", True) in _silences(preview)
    row = PointFinancing.objects.get(decision_point__proposal__case=stored)
    assert (row.budget_process_first_year, row.budget_process_last_year) == (2026, 2027)


@pytest.mark.django_db
def test_boards_the_revision_does_not_name_are_kept_or_dropped_with_a_history_reason(stored, secretariat):
    def silent(parsed, costs, financing):
        parsed.points[1] = dataclasses.replace(parsed.points[1], boards=[])
        return parsed, costs, financing

    two = stored.proposals.get().points.get(number=2)
    preview = _save(secretariat, stored, REVISED, edit=silent)
    (boards,) = [s for s in preview.silences if s.what == "Ansvariga nämnder"]
    assert (boards.number, boards.value, boards.kept, boards.key) == (2, "Kommunstyrelsen", True, f"boards-{two.pk}")
    assert not [c for c in preview.changes.points if c.kind == "boards"]
    assert [b.name for b in two.responsible_boards.all()] == ["Kommunstyrelsen"]

    preview = _save(secretariat, stored, REVISED, drop={boards.key}, edit=silent)
    assert [(c.number, c.kind, c.old, c.new) for c in preview.changes.points] == [(2, "boards", "Kommunstyrelsen", "")]
    assert not two.responsible_boards.exists()
    reason = two.history.first().history_change_reason
    assert reason == "Reviderat tjänsteutlåtande: ansvariga nämnder ändrade (tidigare: Kommunstyrelsen)"


@pytest.mark.django_db
def test_boards_the_revision_names_replace_the_stored_ones(stored, secretariat):
    culture = Board.objects.get(name="Kulturnämnden")

    def other(parsed, costs, financing):
        parsed.points[1] = dataclasses.replace(parsed.points[1], boards=[culture])
        return parsed, costs, financing

    preview = _save(secretariat, stored, REVISED, edit=other)
    assert "Ansvariga nämnder" not in {s.what for s in preview.silences}
    assert [b.name for b in stored.proposals.get().points.get(number=2).responsible_boards.all()] == ["Kulturnämnden"]


@pytest.mark.django_db
def test_a_quote_of_the_earlier_tu_is_replaced_by_the_revisions_quote(stored, secretariat):
    estimate = CostEstimate.objects.get(decision_point__proposal__case=stored)
    estimate.note = "Ur tjänsteutlåtandet: ”Rutinen kostar 0,3 mnkr per år.”"
    estimate.save()
    preview = _save(secretariat, stored, REVISED)
    assert "Källa och kommentar" not in {s.what for s in preview.silences}
    estimate.refresh_from_db()
    assert estimate.note == "Ur tjänsteutlåtandet: ”Kulturnämnden: 0,45 mnkr per år.”"


@pytest.mark.django_db
def test_an_estimates_budget_process_is_kept_only_while_it_is_financed_by_extra_resources(stored, secretariat):
    estimate = CostEstimate.objects.get(decision_point__proposal__case=stored)
    estimate.financing, estimate.budget_process_first_year, estimate.budget_process_last_year = (
        "extra_resources", 2026, 2027,
    )  # fmt: skip
    estimate.save()
    preview = _save(secretariat, stored, REVISED)
    assert (1, "Budgetprocess", True) in _silences(preview)
    estimate.refresh_from_db()
    assert (estimate.budget_process_first_year, estimate.budget_process_last_year) == (2026, 2027)

    def within(parsed, costs, financing):
        return parsed, [dataclasses.replace(costs[0], financing="within_frame", financing_stated=True)], financing

    preview = _save(secretariat, stored, REVISED, edit=within)
    assert "Budgetprocess" not in {s.what for s in preview.silences}
    estimate.refresh_from_db()
    assert (estimate.financing, estimate.budget_process_first_year) == ("within_frame", None)
