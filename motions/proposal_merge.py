"""A revised tjänsteutlåtande ("Reviderat", a revised date beside the original) read into a case that
already has the proposal: what changes, point by point, against the stored one (proposal_changes), and
saving exactly that (proposal_merge) — the existing points keep their identities, since decisions,
motions, reviews, costs and assignment links refer to them.

A point the revised TU no longer has is deleted only when nothing refers to it (point_registration's
references_to, the same rule as removing a point by hand); otherwise it is kept and its history says why.
Importing the same TU twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.history import with_history

from .importers.proposal import ParsedProposal
from .models import Case, DecisionPoint, OfficialProposal
from .point_registration import references_to
from .proposal_import import points_error
from .registration import require_registrar

HEADER_FIELDS = ("title", "revised", "author_body", "addressed_to")


@dataclass
class PointChange:
    number: int
    kind: str  # "new", "text", "boards", "removed", "kept"
    old: str = ""
    new: str = ""
    references: list[str] = field(default_factory=list)


@dataclass
class ProposalChanges:
    proposal: OfficialProposal
    header: list[tuple[str, str, str]] = field(default_factory=list)  # (label, old, new)
    points: list[PointChange] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.header and not self.points


def revised_target(case: Case, parsed: ParsedProposal) -> OfficialProposal | None:
    """The stored proposal a revised TU revises: the one with its Utfärdat date; None for a TU that is not
    revised (a second unrevised TU with the same date stays refused, as before)."""
    if parsed.revised is None or parsed.issued is None:
        return None
    return case.proposals.filter(issued=parsed.issued).first()


def _header(proposal: OfficialProposal, parsed: ParsedProposal) -> dict:
    return {
        "title": " ".join((parsed.title or "").split())[:400],
        "revised": parsed.revised,
        "author_body": parsed.author_body if parsed.author_body is not None else proposal.author_body,
        # A revised TU that leaves out the addressee keeps the stored one (the preview shows no change).
        "addressed_to": (parsed.addressed_to or "")[:200] or proposal.addressed_to,
    }


def _shown(value) -> str:
    if value is None:
        return "–"
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def proposal_changes(proposal: OfficialProposal, parsed: ParsedProposal) -> ProposalChanges:
    """What saving `parsed` into `proposal` would change; read only."""
    changes = ProposalChanges(proposal=proposal)
    for name, value in _header(proposal, parsed).items():
        old = getattr(proposal, name)
        if old != value:
            label = str(OfficialProposal._meta.get_field(name).verbose_name)
            changes.header.append((label, _shown(old), _shown(value)))
    stored = {p.number: p for p in proposal.points.prefetch_related("responsible_boards")}
    for draft in parsed.points:
        point = stored.pop(draft.number, None)
        text = draft.text.strip()
        if point is None:
            changes.points.append(PointChange(draft.number, "new", new=text))
            continue
        if point.text != text:
            changes.points.append(PointChange(draft.number, "text", old=point.text, new=text))
        old_boards = {b.pk for b in point.responsible_boards.all()}
        if old_boards != {b.pk for b in draft.boards}:
            names = sorted(b.name for b in point.responsible_boards.all())
            changes.points.append(
                PointChange(
                    draft.number, "boards", old=", ".join(names), new=", ".join(sorted(b.name for b in draft.boards))
                )
            )
    for number, point in sorted(stored.items()):
        found = references_to(point)
        changes.points.append(PointChange(number, "kept" if found else "removed", old=point.text, references=found))
    return changes


def proposal_merge(*, user, proposal: OfficialProposal, parsed: ParsedProposal) -> dict[int, DecisionPoint]:
    """Apply a revised TU to the stored proposal; returns the proposal's points by number (kept ones too)."""
    require_registrar(user)
    errors = {}
    if not " ".join((parsed.title or "").split()):
        errors["title"] = _("Skriv tjänsteutlåtandets rubrik.")
    if parsed.revised and parsed.revised < proposal.issued:
        errors["revised"] = _("Reviderat kan inte vara före Utfärdat.")
    if message := points_error(parsed):
        errors["points"] = message
    if errors:
        raise ValidationError(errors)
    reason = _("Reviderat tjänsteutlåtande inläst")
    with transaction.atomic():
        proposal = OfficialProposal.objects.select_for_update().get(pk=proposal.pk)
        header = _header(proposal, parsed)
        if any(getattr(proposal, name) != value for name, value in header.items()):
            for name, value in header.items():
                setattr(proposal, name, value)
            proposal.full_clean()
            with_history(proposal, user, reason).save()
        stored = {p.number: p for p in proposal.points.select_for_update()}
        points = {}
        for draft in parsed.points:
            text = draft.text.strip()
            point = stored.pop(draft.number, None)
            if point is None:
                point = with_history(DecisionPoint(proposal=proposal, number=draft.number, text=text), user, reason)
                point.save()
            elif point.text != text:
                point.text = text
                with_history(point, user, reason).save()
            if {b.pk for b in point.responsible_boards.all()} != {b.pk for b in draft.boards}:
                point.responsible_boards.set(draft.boards)  # the history row below says the boards changed
                with_history(point, user, _("Reviderat tjänsteutlåtande: ansvariga nämnder ändrade")).save()
            points[draft.number] = point
        for number, point in sorted(stored.items()):
            found = references_to(point)
            if found:
                # Kept, flagged in its history: the revised TU no longer has it but something refers to it.
                why = _("Saknas i det reviderade tjänsteutlåtandet men behålls: %(what)s hänvisar till punkten.")
                with_history(point, user, why % {"what": ", ".join(found)}).save()
                points[number] = point
            else:
                with_history(point, user, reason).delete()
    return points
