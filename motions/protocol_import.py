"""A protocol extract into the meeting's decision: what the parse read matched against the rows
(protocol_match), then saved in one transaction through the decision services (protocol_import).

protocol_match reads a fixed number of queries whatever the document: the boards' resolver, the
parties, the case's motions, the meeting and its §.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from assignments.models import Board
from core.history import with_history

from . import decisions, registration, services
from .attachments import Document, atomic_with_files, attachment_add
from .comparison import COMPARABLE_KINDS
from .importers import ImportError_, ParsedRollCall
from .importers.points import ParsedPoint
from .importers.protocol import ParsedProtocol
from .models import Attachment, Case, Decision, DecisionPoint, Meeting, Motion, Party


@dataclass
class Match:
    """The parse's names as rows: body, case, the motions the decision adopted, the note parties."""

    body: Board | None = None
    case: Case | None = None
    meeting: Meeting | None = None
    paragraph_taken: bool = False
    adopted: list[Motion] = field(default_factory=list)
    motions: list[Motion] = field(default_factory=list)  # the case's motions the decision can adopt
    unknown_parties: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def find_case(parsed: ParsedProtocol) -> Case | None:
    """The case the extract names by ärendenummer or diarienummer."""
    if parsed.case_number:
        case = Case.objects.filter(case_number=parsed.case_number).first()
        if case is not None:
            return case
    if parsed.dnr:
        return Case.objects.filter(dnr=parsed.dnr).first()
    return None


def _matches(motion: Motion, ref) -> bool:
    parties = {p.abbreviation.upper() for p in motion.parties.all()}
    if motion.kind != ref.kind or parties != {p.upper() for p in ref.parties}:
        return False
    return ref.date is None or motion.date is None or motion.date == ref.date


def protocol_match(parsed: ParsedProtocol, case: Case) -> Match:
    match = Match(case=case)
    match.body = Board.objects.filter(kind=Board.Kind.DECISION_BODY).resolver()(parsed.body_name or "")
    if parsed.body_name and match.body is None:
        match.warnings.append(
            _("Organet ”%(name)s” är inget känt beslutande organ – välj det.") % {"name": parsed.body_name}
        )
    if parsed.case_number and case.case_number and parsed.case_number != case.case_number:
        match.warnings.append(
            _("Utdraget gäller ärende %(printed)s, inte %(case)s – kontrollera att det är rätt ärende.")
            % {"printed": parsed.case_number, "case": case.case_number}
        )
    elif parsed.dnr and case.dnr and parsed.dnr != case.dnr:
        match.warnings.append(
            _("Utdraget har diarienummer %(printed)s, ärendet %(case)s – kontrollera att det är rätt ärende.")
            % {"printed": parsed.dnr, "case": case.dnr}
        )
    if match.body is not None and parsed.date is not None:
        match.meeting = Meeting.objects.filter(body=match.body, date=parsed.date).first()
        if match.meeting is not None and parsed.paragraph is not None:
            match.paragraph_taken = Decision.objects.filter(meeting=match.meeting, paragraph=parsed.paragraph).exists()
            if match.paragraph_taken:
                match.warnings.append(
                    _("§ %(paragraph)d är redan använd vid sammanträdet %(meeting)s.")
                    % {"paragraph": parsed.paragraph, "meeting": match.meeting}
                )
    match.motions = list(
        Motion.objects.filter(case=case, kind__in=COMPARABLE_KINDS).prefetch_related("parties").order_by("sort_order")
    )
    for ref in parsed.basis_refs:
        found = [m for m in match.motions if _matches(m, ref)]
        if len(found) == 1:
            match.adopted.append(found[0])
        else:
            match.warnings.append(
                (
                    _("Det bifallna %(what)s finns inte bland ärendets yrkanden – läs in det eller välj ett annat.")
                    if not found
                    else _("Flera av ärendets yrkanden passar ”%(what)s” – välj rätt.")
                )
                % {"what": ref.text}
            )
    known = {p.abbreviation.upper() for p in Party.objects.all()}
    names = [n for note in parsed.notes for n in note.parties] + [
        r.party for vote in parsed.votes if vote.rollcall for r in vote.rollcall.rows
    ]
    match.unknown_parties = sorted({n for n in names if n.upper() not in known})
    if match.unknown_parties:
        match.warnings.append(
            _("Partierna %(names)s finns inte i partitabellen.") % {"names": ", ".join(match.unknown_parties)}
        )
    return match


@dataclass
class NoteDraft:
    kind: str
    party_abbreviations: list[str]
    members: str
    text: str


@dataclass
class VoteDraft:
    proposition: str
    rollcall: ParsedRollCall | None
    declared: dict[str, int]


def _counts_only(declared: dict[str, int]) -> ParsedRollCall:
    totals = {key: declared.get(key, 0) for key in ("ja", "nej", "avstar", "franvarande")}
    return ParsedRollCall(rows=[], totals=totals, declared_totals=dict(declared))


@atomic_with_files()
def protocol_import(
    *,
    user,
    case: Case,
    body: Board | None,
    date: datetime.date | None,
    paragraph: int | None,
    basis: str,
    motion_ids: list[int],
    text: str,
    points: list[ParsedPoint],
    adjusted_on: datetime.date | None,
    votes: list[VoteDraft],
    notes: list[NoteDraft],
    document: Document | None = None,
) -> Decision:
    """The decision with its points, votes and notes; the meeting found or registered. All or nothing:
    a refusal anywhere (a § taken, a party unknown) leaves the database as it was."""
    registration.require_registrar(user)
    services.require_importer(user)
    if body is None or date is None:
        errors = {}
        if body is None:
            errors["body"] = _("Välj organet som sammanträdde.")
        if date is None:
            errors["date"] = _("Ange sammanträdesdatum.")
        raise ValidationError(errors)
    meeting = Meeting.objects.filter(body=body, date=date).first()
    if meeting is None:
        meeting = registration.meeting_register(user=user, body=body, date=date)
    decision = decisions.decision_record(
        user=user,
        meeting=meeting,
        case=case,
        paragraph=paragraph,
        basis=basis,
        motion_ids=motion_ids,
        text=text,
        adjusted_on=adjusted_on,
    )
    reason = _("Inläst ur protokollsutdrag")
    for point in points:
        with_history(
            DecisionPoint(decision=decision, number=point.number, label=point.label, text=point.text), user, reason
        ).save()
    for vote in votes:
        services.rollcall_import(
            decision=decision,
            parsed=vote.rollcall if vote.rollcall is not None else _counts_only(vote.declared),
            proposition=vote.proposition,
            user=user,
        )
    parties = {p.abbreviation.upper(): p.pk for p in Party.objects.all()}
    for note in notes:
        unknown = [a for a in note.party_abbreviations if a.upper() not in parties]
        if unknown:
            raise ValidationError(
                {"notes": _("Partiet ”%(party)s” finns inte i partitabellen.") % {"party": unknown[0]}}
            )
        decisions.decision_note_add(
            user=user,
            decision=decision,
            kind=note.kind,
            party_ids=[parties[a.upper()] for a in note.party_abbreviations],
            members=note.members,
            text=note.text,
        )
    if document is not None:
        attachment_add(
            case=case,
            data=document.data,
            filename=document.filename,
            kind=Attachment.Kind.PROTOKOLLSUTDRAG,
            user=user,
            decision=decision,
        )
    return decision


def saved_unreviewed(vote) -> bool:
    """Whether a vote is saved as read when nobody reviews it: one whose names no reader could read
    (protocol_votes.flag_unread) only with the counts the minutes state – without them it would be
    saved as 0 ja, 0 nej; it is flagged, and in the review its names can be typed."""
    return not vote.unread_reason or bool(vote.declared)


def drafts_from(parsed: ParsedProtocol) -> tuple[list[VoteDraft], list[NoteDraft]]:
    votes = [
        VoteDraft(proposition=v.proposition, rollcall=v.rollcall, declared=v.declared)
        for v in parsed.votes
        if saved_unreviewed(v)
    ]
    notes = [
        NoteDraft(kind=n.kind, party_abbreviations=n.parties, members=", ".join(n.members), text=n.text)
        for n in parsed.notes
    ]
    return votes, notes


def refusal_messages(error: ValidationError | ImportError_) -> list[str]:
    """The messages of a refusal, whichever service raised it."""
    if isinstance(error, ImportError_):
        return [str(error)]
    return list(error.messages)
