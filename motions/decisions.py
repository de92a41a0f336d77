"""The secretariat's writes for a meeting's decision on a case, and the assignments it gives.

decision_record: § number, how the meeting decided (bifall to the proposal, to motions, with
tillägg; avslag, återremiss, bordläggning), which motions it adopted, the justering date. The
adopted points are computed by the comparison's rule (comparison.adopted_points), stored as the
decision's adopted points, and can be corrected (decision_points_correct).

assignment_candidates: each adopted point that gives an assignment, as the review screen offers it;
assignment_review_confirm / assignment_review_skip answer one. The review row is written first
under a unique constraint, so a point gives one assignment however often and by how many it is
confirmed.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import TextChoices
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from assignments import services as assignment_services
from assignments.deadlines import parse_deadline
from assignments.matching import BoardMatcher, gives_assignment
from assignments.models import Assignment, Board
from core.history import with_history

from .comparison import COMPARABLE_KINDS, adopted_points, align_case
from .models import AssignmentReview, Case, Decision, DecisionNote, DecisionPoint, Meeting, Motion, Party
from .registration import require_registrar


class Basis(TextChoices):
    """How the meeting decided, as the secretariat records it; stored as Decision.outcome plus the
    adopted motions, from which decision_basis() reads it back."""

    PROPOSAL = "bifall_forslag", gettext_lazy("Bifall till förslaget")
    MOTION = "bifall_yrkande", gettext_lazy("Bifall till yrkande")
    ADDITION = "bifall_tillagg", gettext_lazy("Bifall till förslaget med tillägg")
    REJECTED = "avslag", gettext_lazy("Avslag")
    REFERRED = "aterremiss", gettext_lazy("Återremiss")
    TABLED = "bordlaggning", gettext_lazy("Bordläggning")


OUTCOME_OF = {
    Basis.PROPOSAL: Decision.Outcome.ADOPTED,
    Basis.MOTION: Decision.Outcome.ADOPTED,
    Basis.ADDITION: Decision.Outcome.ADOPTED,
    Basis.REJECTED: Decision.Outcome.REJECTED,
    Basis.REFERRED: Decision.Outcome.REFERRED_BACK,
    Basis.TABLED: Decision.Outcome.TABLED,
}
REPLACING = (Motion.Kind.YRKANDE, Motion.Kind.ANDRINGSYRKANDE)


def decision_basis(decision: Decision) -> str:
    """The Basis a stored decision has (uses prefetched adopted_motions)."""
    kinds = {m.kind for m in decision.adopted_motions.all()}
    if decision.outcome == Decision.Outcome.ADOPTED:
        if kinds & set(REPLACING):
            return Basis.MOTION
        if Motion.Kind.TILLAGGSYRKANDE in kinds:
            return Basis.ADDITION
        return Basis.PROPOSAL
    return {
        Decision.Outcome.REJECTED: Basis.REJECTED,
        Decision.Outcome.REFERRED_BACK: Basis.REFERRED,
        Decision.Outcome.TABLED: Basis.TABLED,
    }.get(decision.outcome, "")


def _check_motions(basis: str, motions: list[Motion]) -> str | None:
    kinds = {m.kind for m in motions}
    if basis in (Basis.PROPOSAL, Basis.REJECTED, Basis.TABLED) and motions:
        return _("Välj inga yrkanden när beslutet är ”%(basis)s”.") % {"basis": Basis(basis).label}
    if basis == Basis.MOTION and not kinds & set(REPLACING):
        return _("Välj yrkandet som bifölls.")
    if basis == Basis.ADDITION and (Motion.Kind.TILLAGGSYRKANDE not in kinds or kinds & set(REPLACING)):
        return _("Välj tilläggsyrkandet som bifölls (och inget yrkande som ersätter förslaget).")
    if basis == Basis.REFERRED and kinds != {Motion.Kind.ATERREMISSYRKANDE}:
        return _("Välj återremissyrkandet som bifölls.")
    if basis == Basis.MOTION and Motion.Kind.ATERREMISSYRKANDE in kinds:
        return _("Ett återremissyrkande bifalls med beslutet ”Återremiss”.")
    return None


def _comparison_case(case: Case) -> Case:
    return Case.objects.for_comparison().get(pk=case.pk)


def computed_points(case: Case, motion_ids) -> list[DecisionPoint]:
    """The points that stand when these motions are adopted on the case (comparison.adopted_points)."""
    return adopted_points(align_case(_comparison_case(case)), motion_ids)


def decision_record(
    *,
    user,
    meeting: Meeting,
    case: Case,
    paragraph: int | None,
    basis: str,
    motion_ids: list[int],
    text: str = "",
    adjusted_on: datetime.date | None = None,
) -> Decision:
    """Record what the meeting decided on the case under its §, with the adopted points computed."""
    require_registrar(user)
    errors = {}
    if basis not in Basis.values:
        errors["basis"] = _("Välj hur mötet beslutade.")
    if paragraph is None or paragraph < 1:
        errors["paragraph"] = _("Ange beslutets paragraf (§), ett heltal från 1.")
    elif Decision.objects.filter(meeting=meeting, paragraph=paragraph).exists():
        errors["paragraph"] = _("§ %(paragraph)d är redan använd vid sammanträdet %(meeting)s.") % {
            "paragraph": paragraph,
            "meeting": meeting,
        }
    if adjusted_on is not None and adjusted_on < meeting.date:
        errors["adjusted_on"] = _("Protokollet kan inte justeras före sammanträdet %(date)s.") % {
            "date": meeting.date.isoformat()
        }
    motions = list(Motion.objects.filter(pk__in=set(motion_ids), case=case, kind__in=COMPARABLE_KINDS))
    if len(motions) != len(set(motion_ids)):
        errors["motions"] = _("Ett valt yrkande hör inte till ärendet.")
    elif basis in Basis.values:
        problem = _check_motions(basis, motions)
        if problem:
            errors["motions"] = problem
    if errors:
        raise ValidationError(errors)
    outcome = OUTCOME_OF[Basis(basis)]
    points = (
        computed_points(case, [m.pk for m in motions])
        if outcome
        in (
            Decision.Outcome.ADOPTED,
            Decision.Outcome.REFERRED_BACK,
        )
        else []
    )
    try:
        with transaction.atomic():
            decision = with_history(
                Decision(
                    meeting=meeting,
                    case=case,
                    paragraph=paragraph,
                    outcome=outcome,
                    text=(text or "").strip(),
                    adjusted_on=adjusted_on,
                ),
                user,
                _("Registrerat av sekretariatet"),
            )
            decision.save()
            decision.adopted_motions.set(motions)
            decision.adopted_points.set(points)
    except IntegrityError as error:
        # Another secretary took the § between the check and the insert.
        raise ValidationError(
            {
                "paragraph": _("§ %(paragraph)d är redan använd vid sammanträdet %(meeting)s.")
                % {"paragraph": paragraph, "meeting": meeting}
            }
        ) from error
    return decision


def case_points(case: Case) -> list[DecisionPoint]:
    """Every point a decision on the case can adopt: the proposals' and the motions' (two queries)."""
    return list(
        DecisionPoint.objects.filter(proposal__case=case)
        .select_related("proposal")
        .order_by("proposal__issued", "number")
    ) + list(
        DecisionPoint.objects.filter(motion__case=case)
        .select_related("motion")
        .order_by("motion__sort_order", "motion_id", "number")
    )


def decision_points_correct(*, user, decision: Decision, point_ids: list[int]) -> Decision:
    """The secretariat's correction of the computed adopted points (the minutes are what counts)."""
    require_registrar(user)
    allowed = {p.pk: p for p in case_points(decision.case)}
    if any(i not in allowed for i in point_ids):
        raise ValidationError({"points": _("En vald punkt hör inte till ärendet.")})
    with transaction.atomic():
        decision.adopted_points.set([allowed[i] for i in point_ids])
        with_history(decision, user, _("Bifallna punkter rättade")).save(update_fields=["updated_at"])
    return decision


def decision_note_add(
    *, user, decision: Decision, kind: str, party_ids: list[int], members: str, text: str
) -> DecisionNote:
    """A reservation, protokollsanteckning or särskilt yttrande in the minutes of the decision."""
    require_registrar(user)
    text = (text or "").strip()
    errors = {}
    if kind not in DecisionNote.Kind.values:
        errors["kind"] = _("Välj reservation, protokollsanteckning eller särskilt yttrande.")
    if not text:
        errors["text"] = _("Skriv anteckningens eller reservationens text.")
    parties = list(Party.objects.filter(pk__in=set(party_ids)))
    if len(parties) != len(set(party_ids)):
        errors["parties"] = _("Ett valt parti finns inte.")
    if not parties and not (members or "").strip():
        errors["parties"] = _("Ange partierna eller ledamöterna bakom.")
    if len(members or "") > 400:
        errors["members"] = _("Högst 400 tecken.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        note = with_history(
            DecisionNote(decision=decision, kind=kind, members=(members or "").strip(), text=text),
            user,
            _("Registrerat av sekretariatet"),
        )
        note.save()
        note.parties.set(parties)
    return note


# --- assignments from the decision ------------------------------------------------------------------------------------


@dataclass
class Candidate:
    """One adopted point offered as an assignment, with what the review screen fills in."""

    point: DecisionPoint
    number: int  # the point's number in the decision
    text: str
    boards: list
    source: str
    deadline: datetime.date | None
    deadline_note: str
    review: AssignmentReview | None = None
    warnings: list = field(default_factory=list)

    @property
    def board_ids(self) -> list[int]:
        return [b.pk for b in self.boards]


def default_source(body: Board) -> str:
    return Assignment.Source.KS if body.slug == "kommunstyrelsen" else Assignment.Source.KF_OUTSIDE_BUDGET


def assignment_candidates(decision: Decision) -> list[Candidate]:
    """The adopted points that give an assignment, in the decision's order (a fixed number of queries).

    A point gives one when its text says so ("får i uppdrag att", "uppdras att"); after an
    återremiss every adopted point is a task for the office that prepares the case.
    """
    points = list(decision.adopted_points.select_related("proposal", "motion").prefetch_related("responsible_boards"))
    order = {p.pk: i for i, p in enumerate(computed_order(decision, points))}
    points.sort(key=lambda p: order.get(p.pk, len(order)))
    reviews = {
        r.point_id: r
        for r in AssignmentReview.objects.filter(decision=decision).select_related("assignment", "reviewed_by")
    }
    referral = decision.outcome == Decision.Outcome.REFERRED_BACK
    office = decision.case.responsible_office
    matcher = BoardMatcher()
    candidates = []
    for number, point in enumerate(points, start=1):
        if not referral and not gives_assignment(point.text):
            continue
        office_boards = [office] if office is not None else []
        boards = office_boards if referral else _boards_in_text_order(point, matcher)
        stated = parse_deadline(point.text)
        candidate = Candidate(
            point=point,
            number=number,
            text=point.text,
            boards=boards,
            source=Assignment.Source.KS if referral else default_source(decision.meeting.body),
            deadline=stated.date,
            deadline_note=stated.note,
            review=reviews.get(point.pk),
        )
        if not boards:
            candidate.warnings.append(_("Ingen ansvarig nämnd kunde läsas ur texten – välj en."))
        if stated.date is not None and stated.date < decision.meeting.date:
            candidate.warnings.append(_("Slutdatumet i texten är före beslutet – rätta det."))
        candidates.append(candidate)
    return candidates


def _boards_in_text_order(point: DecisionPoint, matcher: BoardMatcher) -> list[Board]:
    """The point's responsible boards with the one its text names first as the lead; a motion's
    point, which has none stored, gets those its text names."""
    named = matcher.responsible_for(point.text)
    stored = list(point.responsible_boards.all())
    if not stored:
        return named
    position = {b.pk: i for i, b in enumerate(named)}
    return sorted(stored, key=lambda b: (position.get(b.pk, len(position)), b.name))


def computed_order(decision: Decision, points: list[DecisionPoint]) -> list[DecisionPoint]:
    """Proposal points by number first, then each motion's in its order: the order of the minutes."""
    return sorted(
        points,
        key=lambda p: (0, p.number, 0) if p.proposal_id else (1, p.motion.sort_order if p.motion else 0, p.number),
    )


class AlreadyReviewed(ValidationError):
    """The point was confirmed or skipped already (perhaps a moment ago, by someone else)."""


def _claim_review(*, decision: Decision, point: DecisionPoint, user, skipped: bool) -> AssignmentReview:
    if not decision.adopted_points.filter(pk=point.pk).exists():
        raise ValidationError({"__all__": _("Punkten är inte bifallen i beslutet.")})
    # The point's row first: on PostgreSQL the second secretary waits here until the first commits.
    DecisionPoint.objects.select_for_update().filter(pk=point.pk).first()
    if AssignmentReview.objects.filter(decision=decision, point=point).exists():
        raise AlreadyReviewed({"__all__": _("Punkten är redan granskad.")})
    try:
        with transaction.atomic():
            review = AssignmentReview(decision=decision, point=point, skipped=skipped)
            review.reviewed_by = user if getattr(user, "is_authenticated", False) else None
            with_history(review, user, _("Uppdrag ur beslut granskat")).save()
    except IntegrityError as error:
        raise AlreadyReviewed({"__all__": _("Punkten är redan granskad.")}) from error
    return review


def assignment_review_confirm(
    *,
    user,
    decision: Decision,
    point: DecisionPoint,
    text: str,
    board_ids: list[int],
    source: str,
    deadline: datetime.date | None,
    deadline_note: str = "",
    number: int | None = None,
    dnr: str | None = None,
) -> Assignment:
    """Create the assignment the point gives, linked to the point; refused when it already has one."""
    require_registrar(user)
    dnr = dnr or decision.case.dnr or ""
    meeting = decision.meeting
    with transaction.atomic():
        review = _claim_review(decision=decision, point=point, user=user, skipped=False)
        assignment = assignment_services.assignment_create(
            user=user,
            dnr=dnr,
            text=text,
            source=source,
            board_ids=board_ids,
            origin_body=meeting.body,
            origin_date=meeting.date,
            origin_paragraph=str(decision.paragraph or ""),
            origin_point=str(number or point.number),
            deadline=deadline,
            deadline_note=deadline_note,
            reason=_("Uppdrag ur %(decision)s") % {"decision": decision},
        )
        review.assignment = assignment
        review.save(update_fields=["assignment"])
        if point.assignment_id is None:
            point.assignment = assignment
            with_history(point, user, _("Uppdrag registrerat ur beslutet")).save(update_fields=["assignment"])
    return assignment


def assignment_review_skip(*, user, decision: Decision, point: DecisionPoint) -> AssignmentReview:
    """The point gives no assignment after all: it is not offered again."""
    require_registrar(user)
    with transaction.atomic():
        return _claim_review(decision=decision, point=point, user=user, skipped=True)
