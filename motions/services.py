"""Every write of the motions app: small keyword-only functions that check the user's right, validate,
save atomically and record history.

The import commands pass user=roles.SYSTEM: they run on the server, where no person signs in.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from assignments import roles
from core.history import with_history

from .attachments import Document, atomic_with_files, attachment_add
from .importers import ImportError_, ParsedMotion, ParsedRollCall
from .models import Attachment, Case, Decision, DecisionPoint, Member, Motion, Party, Vote, VoteRecord


def can_import(user) -> bool:
    """May the user read motions and roll calls into cases? Registering the documents of a case is the
    secretariat's work (and the system's, in the import commands); officers write status reports."""
    return roles.is_secretariat(user)


def require_importer(user) -> None:
    if not can_import(user):
        raise PermissionDenied(_("Du har inte behörighet att läsa in handlingar."))


def _footnotes(parsed: ParsedMotion) -> list[str]:
    """The footnote digits taken out of the points, kept with the motion as notes."""
    return [
        _("Punkt %(number)s, fotnoter: %(notes)s") % {"number": p.printed_label, "notes": ", ".join(p.notes)}
        for p in parsed.points
        if p.notes
    ]


@atomic_with_files()
def motion_import(*, case: Case, parsed: ParsedMotion, user, document: Document | None = None) -> Motion:
    """Save a parsed motion with its points on the case, and the document it was read from as its
    attachment (yrkande); all or nothing."""
    require_importer(user)
    reason = _("Inläst ur text")
    position = (case.motions.order_by("-sort_order").values_list("sort_order", flat=True).first() or 0) + 1
    motion = with_history(
        Motion(
            case=case,
            kind=parsed.kind,
            title=parsed.title[:400],
            date=parsed.date,
            body=parsed.body,
            is_revised=parsed.is_revised,
            approves_rest=parsed.approves_rest,
            approves_rest_wording=parsed.approves_rest_wording[:300],
            lead_in=parsed.lead_in,
            justification=parsed.justification,
            full_text_available=True,
            import_notes="\n".join(parsed.flags + _footnotes(parsed)),
            sort_order=position,
            party_order=[party.pk for party in dict.fromkeys(parsed.parties)],
        ),
        user,
        reason,
    )
    motion.full_clean()
    motion.save()
    motion.set_parties(parsed.parties)
    for point in parsed.points:
        decision_point = with_history(
            DecisionPoint(motion=motion, number=point.number, label=point.label, text=point.text), user, reason
        )
        decision_point.save()
    if document is not None:
        attachment_add(
            case=case, data=document.data, filename=document.filename, kind=Attachment.Kind.YRKANDE,
            user=user, motion=motion,
        )  # fmt: skip
    return motion


@atomic_with_files()
def rollcall_import(
    *, decision: Decision, parsed: ParsedRollCall, proposition: str, user, document: Document | None = None
) -> Vote:
    """Save a roll call as a vote of the decision, creating the members the body does not have yet,
    and the list it was read from as the decision's attachment (omröstningslista)."""
    require_importer(user)
    if not proposition.strip():
        raise ImportError_(_("Voteringspropositionen saknas."))
    body = decision.meeting.body
    parties = {p.abbreviation.upper(): p for p in Party.objects.all()}
    members = {m.name.lower(): m for m in Member.objects.filter(body=body)}
    taken_seats = {m.seat: m for m in members.values() if m.seat is not None}
    reason = _("Omröstning inläst ur närvaro- och omröstningslista")
    records = []
    for row in parsed.rows:
        party = parties.get(row.party.upper())
        if party is None:
            raise ImportError_(
                _("Rad %(line)d: partiet ”%(party)s” finns inte i partitabellen.")
                % {"line": row.line, "party": row.party}
            )
        member = members.get(row.name.lower())
        if member is None:
            seat = row.seat if row.seat not in taken_seats else None
            member = with_history(Member(name=row.name, party=party, body=body, seat=seat, role=row.role), user, reason)
            member.save()
            members[row.name.lower()] = member
            if seat is not None:
                taken_seats[seat] = member
        elif member.party_id is None:
            member.party = party
            with_history(member, user, reason).save(update_fields=["party"])
        records.append(VoteRecord(member=member, result=row.result))
    vote = with_history(
        Vote(
            decision=decision,
            proposition=proposition.strip(),
            yes=parsed.totals["ja"],
            no=parsed.totals["nej"],
            abstain=parsed.totals["avstar"],
            absent=parsed.totals["franvarande"],
        ),
        user,
        reason,
    )
    vote.save()
    for record in records:
        record.vote = vote
    bulk_create_with_history(records, VoteRecord, default_user=roles.person_or_none(user), default_change_reason=reason)
    if document is not None:
        attachment_add(
            case=decision.case, data=document.data, filename=document.filename,
            kind=Attachment.Kind.OMROSTNINGSLISTA, user=user, decision=decision,
        )  # fmt: skip
    return vote
