"""Saving a tjänsteutlåtande read from the city's document (motions.importers.proposal) once the
secretariat has confirmed the preview: the proposal with its dates, office and addressee, and its points
with the boards chosen for each. All or nothing, with the history's who and why.

budget.proposal_import calls this inside its own transaction to save the accepted cost estimates too.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.history import with_history

from .importers.proposal import ParsedProposal
from .models import Case, DecisionPoint, OfficialProposal
from .registration import MAX_POINTS, require_registrar


def points_error(parsed: ParsedProposal) -> str:
    """What is wrong with a TU's points, or "": one rule for a first import and a revision."""
    if not parsed.points:
        return _("Tjänsteutlåtandet behöver minst en beslutspunkt.")
    if len(parsed.points) > MAX_POINTS:
        return _("Högst %(max)d punkter.") % {"max": MAX_POINTS}
    if [p.number for p in parsed.points] != list(range(1, len(parsed.points) + 1)):
        return _("Punkterna ska vara numrerade 1, 2, 3 … i ordning.")
    if any(not " ".join(p.text.split()) for p in parsed.points):
        return _("En punkt får inte vara tom.")
    return ""


def _errors(case: Case, parsed: ParsedProposal) -> dict:
    errors = {}
    if not " ".join((parsed.title or "").split()):
        errors["title"] = _("Skriv tjänsteutlåtandets rubrik.")
    if parsed.issued is None:
        errors["issued"] = _("Ange datum för Utfärdat.")
    elif case.proposals.filter(issued=parsed.issued).exists():
        errors["issued"] = _("Ärendet har redan ett tjänsteutlåtande daterat %(date)s.") % {
            "date": parsed.issued.isoformat()
        }
    if parsed.revised and parsed.issued and parsed.revised < parsed.issued:
        errors["revised"] = _("Reviderat kan inte vara före Utfärdat.")
    if message := points_error(parsed):
        errors["points"] = message
    return errors


def proposal_import(*, user, case: Case, parsed: ParsedProposal) -> tuple[OfficialProposal, dict[int, DecisionPoint]]:
    """Save the reviewed proposal and its points; returns it and its points by number."""
    require_registrar(user)
    errors = _errors(case, parsed)
    if errors:
        raise ValidationError(errors)
    reason = _("Inläst ur tjänsteutlåtandet")
    with transaction.atomic():
        proposal = with_history(
            OfficialProposal(
                case=case,
                title=" ".join(parsed.title.split())[:400],
                issued=parsed.issued,
                revised=parsed.revised,
                author_body=parsed.author_body,
                addressed_to=(parsed.addressed_to or "")[:200],
            ),
            user,
            reason,
        )
        proposal.full_clean()
        proposal.save()
        points = {}
        for draft in parsed.points:
            point = with_history(
                DecisionPoint(proposal=proposal, number=draft.number, label=draft.label, text=draft.text.strip()),
                user,
                reason,
            )
            point.save()
            point.responsible_boards.set(draft.boards)
            points[draft.number] = point
    return proposal, points
