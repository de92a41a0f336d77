"""Saving an imported tjänsteutlåtande with the cost estimates the secretariat accepted in the preview:
the proposal and its points through motions.proposal_import, then one CostEstimate per accepted amount
through cost_estimate_save (its right, its validation, its history) — in one transaction, so a refused
estimate leaves no proposal behind.

`document`, the file the proposal was read from (or the pasted text), is kept with the case as an
attachment (bilaga) linked to the proposal, in the same transaction: a refusal keeps no file either.

cost_changes is the one rule of which estimates the save adds or updates; the preview of a revised TU
lists exactly its answer (revision_preview), so the page cannot promise other figures than those saved.
Both first fill in what the revised TU does not mention from the stored proposal (revision_keep), except
what the secretariat unticked.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.formatting import format_kronor
from core.worddiff import word_diff
from motions.attachments import Document, atomic_with_files, attachment_add
from motions.importers.proposal import ParsedProposal
from motions.models import Attachment, Case, DecisionPoint, OfficialProposal
from motions.proposal_import import proposal_import
from motions.proposal_merge import ProposalChanges, proposal_changes, proposal_merge, revised_target

from .models import CostEstimate, PointFinancing
from .revision_keep import Silence, keep_silences, stored_estimates
from .services import cost_estimate_save, point_financing_delete, point_financing_save


@dataclass
class CostDraft:
    """One accepted cost estimate as the preview confirmed it."""

    point: int
    amount_kr: int | None
    recurrence: str
    board: object  # assignments.models.Board
    financing: str
    first_year: int | None = None
    last_year: int | None = None
    budget_process_first_year: int | None = None
    budget_process_last_year: int | None = None
    note: str = ""
    # False when the TU does not state the financing and the reading defaulted it: a stored estimate's
    # financing is then kept (revision_keep).
    financing_stated: bool = True


@dataclass
class FinancingDraft:
    """How the TU classes a point: within the frame, limited within it, or extra resources (and the budget
    process that then takes it — years of the process, not of a cost)."""

    financing: str
    budget_process_first_year: int | None = None
    budget_process_last_year: int | None = None


@dataclass
class CostChange:
    """One estimate the save adds (estimate None) or updates, with the values it then has."""

    index: int  # the draft's place among the accepted costs, as a refusal names it
    number: int
    draft: CostDraft
    point: DecisionPoint | None  # None: a point the same save creates
    estimate: CostEstimate | None
    values: dict = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return "new" if self.estimate is None else "changed"

    @property
    def changed(self) -> list[tuple[str, object, object]]:
        """(field's name, stored value, new value) for each value an update changes."""
        if self.estimate is None:
            return []
        return [
            (name, getattr(self.estimate, name), v)
            for name, v in self.values.items()
            if getattr(self.estimate, name) != v
        ]

    @property
    def amount(self) -> str:
        return _amount(self.draft.amount_kr, _unit(self.draft.amount_kr))

    @property
    def recurrence(self) -> str:
        return _choice("recurrence", self.draft.recurrence)

    @property
    def shown_changes(self) -> list[tuple[str, str, str, str]]:
        """The changed values as the page prints them: (what, stored, new, word diff). Both amounts are in
        one unit; the note, a long quote, is shown as a word diff instead."""
        shown = []
        for name, old, new in self.changed:
            label = str(CostEstimate._meta.get_field(name).verbose_name)
            if name == "amount_kr":
                unit = max(_unit(old), _unit(new), key=("mnkr", "tkr", "kr").index)
                shown.append((_("belopp"), _amount(old, unit), _amount(new, unit), ""))
            elif name in ("recurrence", "financing"):
                shown.append((label, _choice(name, old), _choice(name, new), ""))
            elif name == "note":
                shown.append((label, old, new, word_diff(old, new)))
            else:
                shown.append((label, "–" if old is None else str(old), "–" if new is None else str(new), ""))
        return shown


def _unit(amount: int | None) -> str:
    # The largest unit that shows the amount exactly: the page must not round away a small revision.
    if amount is None or amount % 100_000 == 0:
        return "mnkr"
    return "tkr" if amount % 1_000 == 0 else "kr"


def _amount(amount: int | None, unit: str) -> str:
    return "–" if amount is None else format_kronor(amount, unit)


def _choice(name: str, value: str) -> str:
    if not value:
        return "–"
    return str(dict(CostEstimate._meta.get_field(name).choices).get(value, value)).lower()


def cost_changes(costs: list[CostDraft], points: Mapping[int, DecisionPoint | None]) -> list[CostChange]:
    """The estimates saving `costs` adds or changes, in the drafts' order; a draft equal to the stored
    estimate is left out. `points` maps each point number to its saved point, or to None for one not yet
    saved (it has no estimates). A revised TU updates the estimate of the same point, board and
    recurrence; it never adds a twin. A draft naming a point that does not exist is refused."""
    stored = stored_estimates(p.pk for p in points.values() if p is not None)
    changes: dict[tuple, CostChange] = {}  # two drafts of one estimate: the later one is what is saved
    for index, draft in enumerate(costs, start=1):
        if draft.point not in points:
            raise ValidationError(
                {"costs": _("Kostnad %(n)d: punkt %(point)d finns inte.") % {"n": index, "point": draft.point}}
            )
        point = points[draft.point]
        estimate = stored.get((point.pk, draft.board.pk, draft.recurrence)) if point is not None else None
        values = {
            "amount_kr": draft.amount_kr,
            "financing": draft.financing,
            "first_year": draft.first_year,
            "last_year": draft.last_year,
            "budget_process_first_year": draft.budget_process_first_year,
            "budget_process_last_year": draft.budget_process_last_year,
            "note": draft.note[:2000],
        }
        key = (draft.point, draft.board.pk, draft.recurrence)
        changes.pop(key, None)
        if estimate is not None and all(getattr(estimate, name) == value for name, value in values.items()):
            continue  # the same figure as stored: nothing to save
        changes[key] = CostChange(index, draft.point, draft, point, estimate, values)
    return sorted(changes.values(), key=lambda change: change.index)


@dataclass
class RevisionPreview:
    changes: ProposalChanges
    costs: list[CostChange]
    silences: list[Silence] = field(default_factory=list)  # what the TU does not mention: kept or dropped

    @property
    def empty(self) -> bool:
        return self.changes.empty and not self.costs


def revision_preview(
    case: Case,
    parsed: ParsedProposal,
    costs: list[CostDraft],
    financing: dict[int, FinancingDraft] | None = None,
    drop: Collection[str] = (),
) -> RevisionPreview | None:
    """What saving a revised TU changes in the stored proposal, its points and its estimates, and what of
    theirs the TU does not mention (kept unless its key is in `drop`); None for a TU that is not a
    revision. Read only."""
    target = revised_target(case, parsed)
    if target is None:
        return None
    resolved = keep_silences(target, parsed, costs, financing, drop)
    changes = proposal_changes(target, resolved.parsed)
    try:
        planned = cost_changes(resolved.costs, changes.matched)
    except ValidationError:
        planned = []  # a cost of a point that does not exist: the save refuses it with its message
    return RevisionPreview(changes, planned, resolved.silences)


def proposal_import_with_costs(
    *,
    user,
    case: Case,
    parsed: ParsedProposal,
    costs: list[CostDraft],
    financing: dict[int, FinancingDraft] | None = None,
    document: Document | None = None,
    drop: Collection[str] = (),
) -> OfficialProposal:
    """The proposal, its points, their financing classes and the accepted cost estimates; all or nothing.
    A revision keeps what it does not mention, except the values whose keys are in `drop`."""
    with atomic_with_files():
        target = revised_target(case, parsed)
        if target is not None:
            resolved = keep_silences(target, parsed, costs, financing, drop)
            parsed, costs, financing = resolved.parsed, resolved.costs, resolved.financing
            proposal, points = target, proposal_merge(user=user, proposal=target, parsed=parsed)
            for row in resolved.dropped_classes:
                point_financing_delete(financing=row, user=user)
        else:
            proposal, points = proposal_import(user=user, case=case, parsed=parsed)
        for number, draft in (financing or {}).items():
            if number not in points:
                continue
            row = PointFinancing.objects.filter(decision_point=points[number]).first() or PointFinancing(
                decision_point=points[number], note=_("Ur tjänsteutlåtandet")
            )
            values = (draft.financing, draft.budget_process_first_year, draft.budget_process_last_year)
            if row.pk and values == (row.financing, row.budget_process_first_year, row.budget_process_last_year):
                continue  # unchanged by the revised TU
            row.financing, row.budget_process_first_year, row.budget_process_last_year = values
            try:
                point_financing_save(financing=row, user=user)
            except ValidationError as error:
                message = _("Punkt %(n)d, finansiering: %(why)s") % {"n": number, "why": "; ".join(error.messages)}
                raise ValidationError({"points": message}) from error
        for change in cost_changes(costs, points):
            estimate = change.estimate or CostEstimate(
                decision_point=change.point, board=change.draft.board, recurrence=change.draft.recurrence
            )
            for name, value in change.values.items():
                setattr(estimate, name, value)
            try:
                cost_estimate_save(estimate=estimate, user=user)
            except ValidationError as error:
                messages = "; ".join(error.messages)
                why = _("Kostnad %(n)d: %(why)s") % {"n": change.index, "why": messages}
                raise ValidationError({"costs": why}) from error
        if document is not None:
            attachment_add(
                case=case,
                data=document.data,
                filename=document.filename,
                kind=Attachment.Kind.TJANSTEUTLATANDE,
                user=user,
                proposal=proposal,
            )
    return proposal
