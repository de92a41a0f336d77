"""A revised tjänsteutlåtande ("Reviderat", a revised date beside the original) read into a case that
already has the proposal: what changes, point by point, against the stored one (proposal_changes), and
saving exactly that (proposal_merge) — the existing points keep their identities, since decisions,
motions, reviews, costs and assignment links refer to them.

Points are paired by content, not by number (point_plan): a point removed or added in the middle is shown
and saved as removed or new, and the points after it keep their identities under their new numbers.

A point the revised TU no longer has is deleted only when nothing refers to it (point_registration's
references_to, the same rule as removing a point by hand); otherwise it is kept, numbered after the
revised points, and its history says why. Importing the same TU twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from core.history import with_history
from core.worddiff import word_diff

from .importers.points import relabel
from .importers.proposal import ParsedProposal, ParsedProposalPoint
from .models import Case, DecisionPoint, OfficialProposal, point_label
from .point_registration import references_to
from .proposal_import import points_error
from .registration import require_registrar

HEADER_FIELDS = ("title", "revised", "author_body", "addressed_to")


# Two texts at least this alike (difflib's ratio over their words) are the same point, edited.
SAME_POINT = 0.5
# Moved points wait above every real number while the others take theirs: (proposal, number) is unique.
PARKED = 10_000


def _words(text: str) -> list[str]:
    return text.lower().split()


def similarity(old: str, new: str) -> float:
    """How alike two point texts are, 0–1, word by word."""
    return SequenceMatcher(None, _words(old), _words(new), autojunk=False).ratio()


def _align(old: Sequence[str], new: Sequence[str], rows: range, cols: range) -> list[tuple[int | None, int | None]]:
    """The order-keeping pairing of old[rows] with new[cols] with the greatest total likeness, counting only
    pairs at least SAME_POINT alike; the rest are removed (old) or new."""
    n, m = len(rows), len(cols)
    alike = [[similarity(old[rows[i]], new[cols[j]]) for j in range(m)] for i in range(n)]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best[i][j] = max(best[i + 1][j], best[i][j + 1])
            if alike[i][j] >= SAME_POINT:
                best[i][j] = max(best[i][j], alike[i][j] + best[i + 1][j + 1])
    pairs: list[tuple[int | None, int | None]] = []
    i = j = 0
    while i < n or j < m:
        if i < n and j < m and alike[i][j] >= SAME_POINT and best[i][j] == alike[i][j] + best[i + 1][j + 1]:
            pairs.append((rows[i], cols[j]))
            i, j = i + 1, j + 1
        elif i < n and (j == m or best[i][j] == best[i + 1][j]):
            pairs.append((rows[i], None))
            i += 1
        else:
            pairs.append((None, cols[j]))
            j += 1
    return pairs


def pair_points(old: Sequence[str], new: Sequence[str]) -> list[tuple[int | None, int | None]]:
    """Which stored point (index into `old`) each revised point (index into `new`) is, in document order:
    (i, j) the same point, (i, None) removed, (None, j) new. Unchanged points anchor the pairing (difflib on
    the point sequence); between anchors, edited points pair by how alike their texts are."""
    a, b = [" ".join(_words(t)) for t in old], [" ".join(_words(t)) for t in new]
    pairs: list[tuple[int | None, int | None]] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            pairs.extend(zip(range(i1, i2), range(j1, j2), strict=True))
        else:
            pairs.extend(_align(old, new, range(i1, i2), range(j1, j2)))
    return pairs


@dataclass
class PlannedPoint:
    """One point after the save: a stored one (kept, edited or renumbered), a new one, or a removed one
    (number None)."""

    point: DecisionPoint | None
    draft: ParsedProposalPoint | None
    number: int | None
    label: str = ""
    references: list[str] = field(default_factory=list)


def point_plan(stored: Sequence[DecisionPoint], parsed: ParsedProposal) -> list[PlannedPoint]:
    """What becomes of each stored point and each revised one; the one rule of the preview and the save."""
    stored = sorted(stored, key=lambda p: p.number)
    pairs = pair_points([p.text for p in stored], [d.text.strip() for d in parsed.points])
    plan, dropped = [], []
    for i, j in pairs:
        if j is None:
            dropped.append(stored[i])
            continue
        draft = parsed.points[j]
        plan.append(PlannedPoint(stored[i] if i is not None else None, draft, draft.number, draft.label))
    after = len(parsed.points)
    for point in dropped:
        found = references_to(point)
        if found:
            after += 1
            plan.append(PlannedPoint(point, None, after, relabel(point.label, after), found))
        else:
            plan.append(PlannedPoint(point, None, None))
    return plan


@dataclass
class PointChange:
    number: int  # the point's number as stored (the revised number for a new point)
    kind: str  # "new", "text", "boards", "label", "renumbered", "removed", "kept"
    old: str = ""
    new: str = ""
    references: list[str] = field(default_factory=list)
    new_number: int | None = None
    diff: str = ""  # for "text": the new text with the words removed and added marked (escaped)
    through: int | None = None  # for "renumbered": the last of a run of points moved alike (4–12 → 3–11)

    @property
    def new_through(self) -> int | None:
        return None if self.through is None else self.through + self.new_number - self.number


@dataclass
class ProposalChanges:
    proposal: OfficialProposal
    header: list[tuple[str, str, str]] = field(default_factory=list)  # (label, old, new)
    points: list[PointChange] = field(default_factory=list)
    # Each point's number after the save to the stored point it is (None: the save creates it); the keys
    # are those of proposal_merge's answer, kept points included.
    matched: dict[int, DecisionPoint | None] = field(default_factory=dict)

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
    stored = list(proposal.points.prefetch_related("responsible_boards"))
    moved: list[PointChange] = []
    for item in point_plan(stored, parsed):
        point, draft = item.point, item.draft
        if item.number is not None:
            changes.matched[item.number] = point
        if point is None:
            changes.points.append(PointChange(draft.number, "new", new=draft.text.strip()))
            continue
        if item.number is None:
            changes.points.append(PointChange(point.number, "removed", old=point.text))
            continue
        if draft is None:
            changes.points.append(
                PointChange(point.number, "kept", old=point.text, references=item.references, new_number=item.number)
            )
            continue
        if point.number != item.number:
            last = moved[-1] if moved else None
            end = last and (last.through or last.number)
            if last and point.number == end + 1 and item.number - point.number == last.new_number - last.number:
                last.through = point.number  # one line for a run: a removal early in a long TU moves many
            else:
                moved.append(PointChange(point.number, "renumbered", new_number=item.number))
        text = draft.text.strip()
        if point.text != text:
            changes.points.append(
                PointChange(item.number, "text", old=point.text, new=text, diff=word_diff(point.text, text))
            )
        if point.label != item.label:
            old_label, new_label = point_label(point.number, point.label), point_label(item.number, item.label)
            changes.points.append(PointChange(item.number, "label", old=old_label, new=new_label))
        old_boards = {b.pk for b in point.responsible_boards.all()}
        if old_boards != {b.pk for b in draft.boards}:
            names = sorted(b.name for b in point.responsible_boards.all())
            changes.points.append(
                PointChange(
                    item.number, "boards", old=", ".join(names), new=", ".join(sorted(b.name for b in draft.boards))
                )
            )
    changes.points[:0] = moved
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
        stored = list(proposal.points.select_for_update().order_by("number"))
        plan = point_plan(stored, parsed)
        for item in plan:
            if item.point is not None and item.number is None:
                with_history(item.point, user, reason).delete()
        moving = [item.point.pk for item in plan if item.point and item.number and item.number != item.point.number]
        if moving:
            # Not a change of its own: each moved point is saved below with its number and its history row.
            DecisionPoint.objects.filter(pk__in=moving).update(number=F("number") + PARKED)
        points = {}
        for item in plan:
            if item.number is None:
                continue
            point, draft = item.point, item.draft
            if point is None:
                point = DecisionPoint(proposal=proposal, number=item.number, label=item.label, text=draft.text.strip())
                with_history(point, user, reason).save()
            elif draft is None:
                # Kept, flagged in its history: the revised TU no longer has it but something refers to it.
                # Flagged once: reading the same revision again adds no row.
                why = _("Saknas i det reviderade tjänsteutlåtandet men behålls: %(what)s hänvisar till punkten.")
                why %= {"what": ", ".join(item.references)}
                last = point.history.only("history_change_reason").first()
                if (point.number, point.label) != (item.number, item.label) or (
                    last and last.history_change_reason
                ) != why:
                    point.number, point.label = item.number, item.label
                    with_history(point, user, why).save()
            else:
                text = draft.text.strip()
                if (point.number, point.label, point.text) != (item.number, item.label, text):
                    point.number, point.label, point.text = item.number, item.label, text
                    with_history(point, user, reason).save()
            if draft is not None and {b.pk for b in point.responsible_boards.all()} != {b.pk for b in draft.boards}:
                # The boards are not in the point's history rows: its reason names the ones it had.
                before = ", ".join(sorted(b.name for b in point.responsible_boards.all())) or "–"
                point.responsible_boards.set(draft.boards)
                why = _("Reviderat tjänsteutlåtande: ansvariga nämnder ändrade (tidigare: %(before)s)")
                with_history(point, user, why % {"before": before}).save()
            points[item.number] = point
    return points
