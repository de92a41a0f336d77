"""Load the shipped data of the motions app: parties, members, cases with everything filed on them."""

import datetime
import re

from django.db import transaction

from assignments.loading import period_for
from assignments.models import Assignment, Board

from .models import (
    Case,
    Decision,
    DecisionNote,
    DecisionPoint,
    Meeting,
    Member,
    Motion,
    OfficialProposal,
    Party,
    Vote,
    VoteRecord,
)

NOT_IN_FULL = "Yrkandet finns endast omnämnt i protokollet; den fullständiga texten saknas i underlaget."


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


@transaction.atomic
def load_parties(rows) -> dict[str, Party]:
    parties = {}
    for position, row in enumerate(rows):
        party, _ = Party.objects.update_or_create(
            abbreviation=row["abbreviation"],
            defaults={"name": row["name"], "colour": row["colour"], "sort_order": position},
        )
        parties[party.abbreviation] = party
    return parties


@transaction.atomic
def load_members(groups, boards, parties):
    for group in groups:
        body = boards[group["body"]]
        for row in group["members"]:
            Member.objects.update_or_create(
                body=body,
                name=row["name"],
                defaults={
                    "party": parties.get(row.get("party")),
                    "seat": row.get("seat"),
                    "role": row.get("role") or "",
                },
            )


def _meeting(boards, body_slug, date) -> Meeting:
    meeting, _ = Meeting.objects.get_or_create(body=boards[body_slug], date=_date(date))
    return meeting


def _points(owner_field, owner, rows, boards, assignments_by_dnr):
    for row in rows:
        point = DecisionPoint.objects.create(
            **{owner_field: owner},
            number=row["number"],
            label=row.get("label", ""),
            text=row["text"],
            concerns_assignment=_followed_up(row, assignments_by_dnr),
        )
        point.responsible_boards.set([boards[slug] for slug in row.get("responsible", [])])


def _followed_up(row, assignments_by_dnr) -> Assignment | None:
    """The assignment whose redovisning the point decides on (fixtures: "assignment_dnr")."""
    dnr = row.get("assignment_dnr")
    if not dnr:
        return None
    if dnr not in assignments_by_dnr:
        # A link to an assignment that was not loaded is a broken fixture, not something to skip.
        raise ValueError(f"decision point {row['number']} follows up assignment {dnr}, which is not loaded")
    return assignments_by_dnr[dnr]


def _member(body: Board, name: str, party: Party | None) -> Member:
    member = Member.objects.filter(body=body, name=name).first()
    if member is None:
        member = Member.objects.create(body=body, name=name, party=party)
    return member


@transaction.atomic
def load_cases(rows, boards, parties) -> list[Case]:
    cases = []
    assignments_by_dnr = {}
    for assignment in Assignment.objects.order_by("id"):
        assignments_by_dnr.setdefault(assignment.dnr, assignment)
    for row in rows:
        report = row.get("report")
        case = Case.objects.create(
            case_number=row.get("case_number"),
            dnr=row.get("dnr"),
            title=row["title"],
            reports_on_board=boards[report["board"]] if report else None,
            reports_on_period=period_for(report["year"], report["period"]) if report else None,
        )
        cases.append(case)
        proposal_row = row.get("proposal")
        if proposal_row and proposal_row.get("issued"):
            proposal = OfficialProposal.objects.create(
                case=case,
                title=proposal_row.get("title") or case.title,
                author_body=boards.get("stadsledningskontoret"),
                issued=_date(proposal_row["issued"]),
                revised=_date(proposal_row.get("revised")),
                addressed_to=proposal_row.get("addressed_to") or "",
            )
            _points("proposal", proposal, proposal_row.get("points", []), boards, assignments_by_dnr)
        for position, motion_row in enumerate(row.get("motions", [])):
            motion = Motion.objects.create(
                case=case,
                kind=motion_row["kind"],
                title=motion_row.get("title") or "",
                date=_date(motion_row.get("date")),
                body=boards.get(motion_row.get("body")) if motion_row.get("body") else None,
                is_revised=motion_row.get("revision", False),
                approves_rest=motion_row.get("approves_rest", False),
                lead_in=motion_row.get("lead_in") or "",
                justification=motion_row.get("justification") or "",
                import_notes="\n".join(motion_row.get("flags", [])),
                sort_order=position,
                party_order=[parties[abbr].pk for abbr in motion_row.get("parties", [])],
            )
            motion.set_parties([parties[abbr] for abbr in motion_row.get("parties", [])])
            _points("motion", motion, motion_row.get("points", []), boards, assignments_by_dnr)
        decided = set()
        for decision_row in row.get("decisions", []):
            _load_decision(case, decision_row, boards, parties)
            decided.add((decision_row["body"], decision_row["date"], str(decision_row.get("paragraph") or "")))
        for meeting_row in row.get("meetings", []):
            key = (meeting_row["body"], meeting_row["date"], str(meeting_row.get("paragraph") or ""))
            if key in decided or meeting_row.get("kind") not in {"tabled", "referred_back", "decided"}:
                continue
            outcome = {"tabled": Decision.Outcome.TABLED, "referred_back": Decision.Outcome.REFERRED_BACK}.get(
                meeting_row["kind"], Decision.Outcome.ADOPTED
            )
            Decision.objects.create(
                meeting=_meeting(boards, meeting_row["body"], meeting_row["date"]),
                paragraph=int(meeting_row["paragraph"]) if meeting_row.get("paragraph") else None,
                case=case,
                outcome=outcome,
                text=meeting_row.get("note") or "",
            )
    _link_assignments()
    return cases


def _load_decision(case, row, boards, parties):
    meeting = _meeting(boards, row["body"], row["date"])
    decision = Decision.objects.create(
        meeting=meeting,
        paragraph=int(row["paragraph"]) if row.get("paragraph") else None,
        case=case,
        outcome=row["outcome"],
        text=row.get("text") or "",
    )
    # The numbered points of the decision as the minutes print them ("1. … antas.").
    for number, text in re.findall(r"(?m)^(\d+)\.\s+(.+?)(?=\n\s*\n|\Z)", decision.text, flags=re.S):
        DecisionPoint.objects.create(decision=decision, number=int(number), text=" ".join(text.split()))
    motions_by_key = {}
    for position, motion_row in enumerate(row.get("referred_motions", []), start=100):
        motion = Motion.objects.create(
            case=case,
            kind=motion_row["kind"],
            title=motion_row.get("title") or "",
            date=_date(motion_row.get("date")),
            body=meeting.body,
            meeting=meeting,
            justification=motion_row.get("description") or "",
            full_text_available=False,
            import_notes=NOT_IN_FULL,
            sort_order=position,
            party_order=[parties[abbr].pk for abbr in motion_row.get("parties", []) if abbr in parties],
        )
        motion.set_parties([parties[abbr] for abbr in motion_row.get("parties", []) if abbr in parties])
        if motion_row.get("key"):
            motions_by_key[motion_row["key"]] = motion
        if motion_row.get("adopted"):
            decision.adopted_motions.add(motion)
    keys = row.get("adopted_motion_keys", [])
    if keys:
        by_title = {m.title: m for m in case.motions.all()}
        for key in keys:
            motion = motions_by_key.get(key) or by_title.get(key)
            if motion is not None:
                decision.adopted_motions.add(motion)
    for vote_row in row.get("votes", []):
        vote = Vote.objects.create(
            decision=decision,
            proposition=vote_row["proposition"],
            yes=vote_row["ja"],
            no=vote_row["nej"],
            abstain=vote_row["avstar"],
            absent=vote_row["franvarande"],
        )
        VoteRecord.objects.bulk_create(
            VoteRecord(
                vote=vote,
                member=_member(meeting.body, record["name"], parties.get(record.get("party"))),
                result=record["result"],
            )
            for record in vote_row.get("records", [])
        )
    for note_row in row.get("notes", []):
        note = DecisionNote.objects.create(
            decision=decision,
            kind=note_row["kind"],
            members=", ".join(note_row.get("members", [])),
            text=note_row["text"],
        )
        note.parties.set([parties[abbr] for abbr in note_row.get("parties", []) if abbr in parties])
    return decision


def _link_assignments():
    """Point an adopted decision point at the assignment it created (origin body, date, §, punkt)."""
    for assignment in (
        Assignment.objects.exclude(origin_point="").exclude(origin_paragraph="").select_related("origin_body")
    ):
        point = DecisionPoint.objects.filter(
            number=int(assignment.origin_point),
            decision__meeting__body=assignment.origin_body,
            decision__meeting__date=assignment.origin_date,
            decision__paragraph=int(assignment.origin_paragraph),
        ).first()
        if point is not None and point.assignment_id is None:
            point.assignment = assignment
            point.save(update_fields=["assignment"])
