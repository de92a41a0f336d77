"""Saving an imported tjänsteutlåtande with the cost estimates the secretariat accepted in the preview:
the proposal and its points through motions.proposal_import, then one CostEstimate per accepted amount
through cost_estimate_save (its right, its validation, its history) — in one transaction, so a refused
estimate leaves no proposal behind.

`document`, the file the proposal was read from (or the pasted text), is kept with the case as an
attachment (bilaga) linked to the proposal, in the same transaction: a refusal keeps no file either.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from motions.attachments import Document, atomic_with_files, attachment_add
from motions.importers.proposal import ParsedProposal
from motions.models import Attachment, Case, OfficialProposal
from motions.proposal_import import proposal_import
from motions.proposal_merge import proposal_merge, revised_target

from .models import CostEstimate, PointFinancing
from .services import cost_estimate_save, point_financing_save


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


@dataclass
class FinancingDraft:
    """How the TU classes a point: within the frame, limited within it, or extra resources (and the budget
    process that then takes it — years of the process, not of a cost)."""

    financing: str
    budget_process_first_year: int | None = None
    budget_process_last_year: int | None = None


def proposal_import_with_costs(
    *,
    user,
    case: Case,
    parsed: ParsedProposal,
    costs: list[CostDraft],
    financing: dict[int, FinancingDraft] | None = None,
    document: Document | None = None,
) -> OfficialProposal:
    """The proposal, its points, their financing classes and the accepted cost estimates; all or nothing."""
    with atomic_with_files():
        target = revised_target(case, parsed)
        if target is not None:
            proposal, points = target, proposal_merge(user=user, proposal=target, parsed=parsed)
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
        for index, draft in enumerate(costs, start=1):
            point = points.get(draft.point)
            if point is None:
                raise ValidationError(
                    {"costs": _("Kostnad %(n)d: punkt %(point)d finns inte.") % {"n": index, "point": draft.point}}
                )
            # A revised TU updates the estimate of the same point, board and recurrence; it never adds a twin.
            estimate = CostEstimate.objects.filter(
                decision_point=point, board=draft.board, recurrence=draft.recurrence
            ).first() or CostEstimate(decision_point=point, board=draft.board, recurrence=draft.recurrence)
            values = {
                "amount_kr": draft.amount_kr,
                "financing": draft.financing,
                "first_year": draft.first_year,
                "last_year": draft.last_year,
                "budget_process_first_year": draft.budget_process_first_year,
                "budget_process_last_year": draft.budget_process_last_year,
                "note": draft.note[:2000],
            }
            if estimate.pk and all(getattr(estimate, name) == value for name, value in values.items()):
                continue  # the same figure as stored: nothing to save
            for name, value in values.items():
                setattr(estimate, name, value)
            try:
                cost_estimate_save(estimate=estimate, user=user)
            except ValidationError as error:
                messages = "; ".join(error.messages)
                raise ValidationError({"costs": _("Kostnad %(n)d: %(why)s") % {"n": index, "why": messages}}) from error
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
