"""The secretariat adds a single decision point to a registered tjänsteutlåtande, or removes one.

Adding: the number defaults to the next free one, a number already used is refused, and the
responsible boards are read from the text as when the proposal was registered (BoardMatcher),
then corrected with registration.decision_point_update. Removing: only a point nothing refers to
(a decision that adopted it, the assignment it gave or follows up, a review, a cost estimate,
anything another app links to it); otherwise a Swedish refusal that says what refers to it.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from assignments.matching import BoardMatcher
from core.history import with_history

from .models import DecisionPoint, OfficialProposal
from .registration import MAX_POINTS, require_registrar


def next_point_number(proposal: OfficialProposal) -> int:
    return (proposal.points.aggregate(top=Max("number"))["top"] or 0) + 1


def decision_point_add(*, user, proposal: OfficialProposal, number: int | None, text: str) -> DecisionPoint:
    """One more point of the proposal, its boards read from its text."""
    require_registrar(user)
    text = " ".join((text or "").split())
    errors = {}
    if not text:
        errors["text"] = _("Skriv punktens text.")
    if number is None:
        number = next_point_number(proposal)
    if number < 1 or number > 99:
        errors["number"] = _("Punktens nummer är ett heltal från 1 till 99.")
    elif proposal.points.filter(number=number).exists():
        errors["number"] = _("Punkt %(number)d finns redan i tjänsteutlåtandet. Nästa lediga nummer är %(free)d.") % {
            "number": number,
            "free": next_point_number(proposal),
        }
    elif proposal.points.count() >= MAX_POINTS:
        errors["number"] = _("Högst %(max)d punkter.") % {"max": MAX_POINTS}
    if errors:
        raise ValidationError(errors)
    boards = BoardMatcher().responsible_for(text)
    with transaction.atomic():
        point = with_history(
            DecisionPoint(proposal=proposal, number=number, text=text), user, _("Tillagd av sekretariatet")
        )
        point.save()
        point.responsible_boards.set(boards)
    return point


def references_to(point: DecisionPoint) -> list[str]:
    """What refers to the point, by the name of the kind of record (empty when nothing does).

    Every relation to DecisionPoint is asked, including those of apps above this one (budget's cost
    estimates), without importing them; the point's own history and boards are not references."""
    found = []
    for relation in DecisionPoint._meta.related_objects:
        model = relation.related_model
        if model._meta.model_name.startswith("historical"):
            continue
        if relation.many_to_many:
            exists = getattr(point, relation.get_accessor_name()).exists()
        else:
            exists = model._default_manager.filter(**{relation.field.name: point}).exists()
        if exists:
            found.append(str(capfirst(model._meta.verbose_name_plural)))
    for name in ("assignment", "concerns_assignment"):
        if getattr(point, f"{name}_id") is not None:
            found.append(str(capfirst(DecisionPoint._meta.get_field(name).verbose_name)))
    return found


def decision_point_remove(*, user, point: DecisionPoint) -> None:
    """Delete a proposal's point that nothing refers to."""
    require_registrar(user)
    if point.proposal_id is None:
        raise ValidationError(_("Bara tjänsteutlåtandets punkter kan tas bort här."))
    with transaction.atomic():
        point = DecisionPoint.objects.select_for_update().get(pk=point.pk)
        found = references_to(point)
        if found:
            raise ValidationError(
                _("Punkt %(number)d kan inte tas bort eftersom något hänvisar till den: %(what)s.")
                % {"number": point.number, "what": ", ".join(found)}
            )
        with_history(point, user, _("Borttagen av sekretariatet")).delete()
