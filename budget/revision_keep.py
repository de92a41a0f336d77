"""What a revised tjänsteutlåtande does not mention is kept: the one rule of the revision's preview and its
save (keep_silences), so the page cannot promise to keep what the save then drops.

A revised TU replaces what it states. What it leaves out, but the stored proposal has (entered by hand or
read from the earlier TU), would otherwise be overwritten by the empty or defaulted value of the revised
reading: a point's responsible boards, its financing class and that class's budget-process years, and for
a cost estimate the revision updates, its financing (the reading defaults an unstated one to extra
resources), its years, its budget-process years and its note. Each such value is a Silence, kept unless the
secretariat unticks it in the preview (its key in `drop`); dropping it is then an ordinary change, saved
with its history row like any other.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from motions.importers.proposal import ParsedProposal
from motions.models import DecisionPoint, OfficialProposal
from motions.proposal_merge import point_plan

from .models import CostEstimate, PointFinancing


@dataclass
class Silence:
    """One stored value the revised TU does not mention."""

    key: str  # stable across previews (stored primary keys): the checkbox's value
    number: int  # the point's number after the save
    what: str
    value: str
    where: str = ""  # a cost estimate's board and kind
    kept: bool = True

    @property
    def subject(self) -> str:
        if self.where:
            return _("Punkt %(n)d, kostnadsberäkning (%(where)s)") % {"n": self.number, "where": self.where}
        return _("Punkt %(n)d") % {"n": self.number}

    @property
    def sentence(self) -> str:
        values = {"what": self.what, "value": self.value}
        if self.kept:
            return _("%(what)s behålls: %(value)s") % values
        return _("%(what)s tas bort: %(value)s") % values


@dataclass
class Resolved:
    """The revised TU as the save takes it: what it does not mention filled in from the stored values the
    secretariat keeps."""

    parsed: ParsedProposal
    costs: list
    financing: dict
    silences: list[Silence] = field(default_factory=list)
    # Financing classes the secretariat dropped: the save deletes them.
    dropped_classes: list[PointFinancing] = field(default_factory=list)


def quote_note(quote: str) -> str:
    """An estimate's note that quotes the TU it was read from."""
    return _("Ur tjänsteutlåtandet: ”%(quote)s”") % {"quote": quote} if quote else ""


def is_quote(note: str) -> bool:
    # Notes saved under another language keep that language's prefix.
    prefixes = {"Ur tjänsteutlåtandet: ”", _("Ur tjänsteutlåtandet: ”%(quote)s”").split("%")[0]}
    return note.endswith("”") and any(note.startswith(prefix) for prefix in prefixes)


def stored_estimates(point_ids: Iterable[int]) -> dict[tuple, CostEstimate]:
    """The stored estimates by (point, board, recurrence): the one a revised TU's cost updates."""
    stored: dict[tuple, CostEstimate] = {}
    for estimate in CostEstimate.objects.filter(decision_point__in=list(point_ids)).order_by("pk"):
        stored.setdefault((estimate.decision_point_id, estimate.board_id, estimate.recurrence), estimate)
    return stored


def _choice(value: str) -> str:
    return str(dict(CostEstimate.Financing.choices).get(value, value)).lower()


def _years(first, last) -> str:
    if first and last and first != last:
        return f"{first}–{last}"
    return str(first or last)


def _boards(point: DecisionPoint, draft, number: int, drop, silences) -> object:
    stored = sorted(point.responsible_boards.all(), key=lambda board: board.name)
    if draft.boards or not stored:
        return draft
    key = f"boards-{point.pk}"
    silence = Silence(key, number, _("Ansvariga nämnder"), ", ".join(b.name for b in stored), kept=key not in drop)
    silences.append(silence)
    return dataclasses.replace(draft, boards=stored) if silence.kept else draft


def _point_class(point: DecisionPoint, number: int, financing: dict, drop, resolved: Resolved) -> None:
    try:
        row = point.financing
    except PointFinancing.DoesNotExist:
        return
    draft = financing.get(number)
    if draft is None:
        key = f"class-{row.pk}"
        silence = Silence(key, number, _("Finansieringsklass"), _choice(row.financing), kept=key not in drop)
        resolved.silences.append(silence)
        if not silence.kept:
            resolved.dropped_classes.append(row)
        return
    stored = (row.budget_process_first_year, row.budget_process_last_year)
    silent = draft.budget_process_first_year is None and draft.budget_process_last_year is None
    # Budget-process years belong to extra resources: a class changed to within the frame drops them.
    if silent and any(stored) and draft.financing == CostEstimate.Financing.EXTRA_RESOURCES:
        key = f"class-years-{row.pk}"
        silence = Silence(key, number, _("Finansieringsklassens budgetprocess"), _years(*stored), kept=key not in drop)
        resolved.silences.append(silence)
        if silence.kept:
            financing[number] = dataclasses.replace(
                draft, budget_process_first_year=stored[0], budget_process_last_year=stored[1]
            )


def _cost(draft, estimate: CostEstimate, number: int, drop, silences: list[Silence]):
    where = f"{estimate.board.name}, {_choice_recurrence(estimate.recurrence)}"
    silent = []  # (key part, what, shown, the draft's fields the stored ones fill in)
    financing = draft.financing
    if not draft.financing_stated and draft.financing != estimate.financing:
        silent.append(("financing", _("Finansiering"), _choice(estimate.financing), ("financing",)))
        if f"cost-{estimate.pk}-financing" not in drop:
            financing = estimate.financing
    years = ("first_year", "last_year")
    if all(getattr(draft, n) is None for n in years) and any(getattr(estimate, n) for n in years):
        silent.append(("years", _("Kostnadens år"), _years(estimate.first_year, estimate.last_year), years))
    process = ("budget_process_first_year", "budget_process_last_year")
    if (
        financing == CostEstimate.Financing.EXTRA_RESOURCES
        and all(getattr(draft, n) is None for n in process)
        and any(getattr(estimate, n) for n in process)
    ):
        shown = _years(estimate.budget_process_first_year, estimate.budget_process_last_year)
        silent.append(("process", _("Budgetprocess"), shown, process))
    # The revision's quote replaces the earlier one, not a comment written by hand.
    if estimate.note and (not draft.note or (is_quote(draft.note) and not is_quote(estimate.note))):
        silent.append(("note", _("Källa och kommentar"), estimate.note, ("note",)))
    for part, what, shown, names in silent:
        key = f"cost-{estimate.pk}-{part}"
        silence = Silence(key, number, what, shown, where=where, kept=key not in drop)
        silences.append(silence)
        if silence.kept:
            draft = dataclasses.replace(draft, **{n: getattr(estimate, n) for n in names})
    return draft


def _choice_recurrence(value: str) -> str:
    return str(dict(CostEstimate.Recurrence.choices).get(value, value)).lower()


def keep_silences(
    proposal: OfficialProposal,
    parsed: ParsedProposal,
    costs: list,
    financing: Mapping | None = None,
    drop: Collection[str] = (),
) -> Resolved:
    """The revised TU with what it does not mention taken from the stored proposal, except the values whose
    keys are in `drop`; and the list of those values (Silence), kept and dropped, in point order. Read only."""
    financing = dict(financing or {})
    resolved = Resolved(parsed=copy.copy(parsed), costs=[], financing=financing)
    stored = list(proposal.points.select_related("financing").prefetch_related("responsible_boards"))
    points: dict[int, DecisionPoint] = {}
    filled = {}  # id of a revised point -> the point with the boards kept
    for item in point_plan(stored, parsed):
        if item.point is not None and item.draft is not None:
            points[item.number] = item.point
            filled[id(item.draft)] = _boards(item.point, item.draft, item.number, drop, resolved.silences)
            _point_class(item.point, item.number, financing, drop, resolved)
    resolved.parsed.points = [filled.get(id(draft), draft) for draft in parsed.points]
    estimates = stored_estimates(p.pk for p in points.values())
    for draft in costs:
        point = points.get(draft.point)
        estimate = estimates.get((point.pk, draft.board.pk, draft.recurrence)) if point else None
        resolved.costs.append(_cost(draft, estimate, draft.point, drop, resolved.silences) if estimate else draft)
    resolved.silences.sort(key=lambda silence: (silence.number, silence.where))  # grouped as the page shows them
    return resolved
