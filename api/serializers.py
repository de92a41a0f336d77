"""Plain functions that turn published records into the JSON of the open data API.

References between objects are absolute URLs, as in OParl. Nothing that only a logged-in role
may see is ever written here: no users, no e-mail addresses, no officers of a board, no authors
of status reports, no importer notes.
"""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils.translation import gettext as _


class Links:
    """Builds absolute URLs of API objects and web pages from one request, without queries."""

    def __init__(self, request):
        self.api_root = request.build_absolute_uri(reverse("api:root"))
        self.site_root = request.build_absolute_uri("/")

    def api(self, resource: str, pk: int | None) -> str | None:
        if pk is None:
            return None
        return f"{self.api_root}{resource}/{pk}/"

    def web(self, obj) -> str:
        return self.site_root.rstrip("/") + obj.get_absolute_url()


def _date(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def _datetime(value: datetime.datetime | None) -> str | None:
    return value.isoformat() if value else None


def body(body, links: Links) -> dict:
    return {
        "id": body.pk,
        "type": "body",
        "url": links.api("bodies", body.pk),
        "name": str(_("Göteborgs Stad")),
        "shortName": "Göteborg",
        "website": links.site_root,
        "organization": f"{links.api_root}organizations/",
        "person": f"{links.api_root}persons/",
        "meeting": f"{links.api_root}meetings/",
        "paper": f"{links.api_root}papers/",
        "modified": _datetime(body.modified),
    }


def organization(board, links: Links) -> dict:
    return {
        "id": board.pk,
        "type": "organization",
        "url": links.api("organizations", board.pk),
        "name": board.name,
        "shortName": board.short_name,
        "classification": board.kind,
        "classificationLabel": str(board.get_kind_display()),
        "subOrganizationOf": links.api("organizations", board.parent_id),
    }


def party(party, links: Links) -> dict:
    return {
        "id": party.pk,
        "type": "party",
        "url": links.api("parties", party.pk),
        "abbreviation": party.abbreviation,
        "name": party.name,
        "color": party.colour,
    }


def person(member, links: Links) -> dict:
    return {
        "id": member.pk,
        "type": "person",
        "url": links.api("persons", member.pk),
        "name": member.name,
        "party": links.api("parties", member.party_id),
        "partyAbbreviation": member.party.abbreviation if member.party_id else None,
        "organization": links.api("organizations", member.body_id),
        "seat": member.seat,
        "role": member.role,
    }


def meeting(meeting, links: Links) -> dict:
    return {
        "id": meeting.pk,
        "type": "meeting",
        "url": links.api("meetings", meeting.pk),
        "name": str(meeting),
        "organization": links.api("organizations", meeting.body_id),
        "date": _date(meeting.date),
    }


def paper(case, links: Links) -> dict:
    return {
        "id": case.pk,
        "type": "paper",
        "url": links.api("papers", case.pk),
        "reference": case.reference,
        "caseNumber": case.case_number,
        "dnr": case.dnr,
        "name": case.title,
        "web": links.web(case),
        "auxiliaryFile": [file(attachment, links) for attachment in case.attachments.all()],
        "created": _datetime(case.created_at),
        "modified": _datetime(case.updated_at),
    }


def file(attachment, links: Links) -> dict:
    """An attachment as an OParl File; its case must be at hand (select_related or prefetched)."""
    download = links.web(attachment)
    return {
        "id": attachment.pk,
        "type": "file",
        "url": links.api("files", attachment.pk),
        "name": f"{attachment.get_kind_display()}: {attachment.filename}",
        "fileName": attachment.filename,
        "mimeType": attachment.content_type.split(";")[0],
        "size": attachment.size,
        "sha256Checksum": attachment.sha256,
        "sha512Checksum": attachment.sha512,
        "accessUrl": download,
        "downloadUrl": download,
        "fileType": attachment.kind,
        "fileTypeLabel": str(attachment.get_kind_display()),
        "paper": links.api("papers", attachment.case_id),
        "motion": links.api("motions", attachment.motion_id),
        "decision": links.api("decisions", attachment.decision_id),
        "date": _date(attachment.created_at.date()),
        "created": _datetime(attachment.created_at),
        "modified": _datetime(attachment.updated_at),
    }


def motion(motion, links: Links) -> dict:
    parties = motion.ordered_parties
    return {
        "id": motion.pk,
        "type": "motion",
        "url": links.api("motions", motion.pk),
        "paper": links.api("papers", motion.case_id),
        "motionType": motion.kind,
        "motionTypeLabel": str(motion.get_kind_display()),
        "name": motion.title,
        "parties": [links.api("parties", p.pk) for p in parties],
        "partyAbbreviations": [p.abbreviation for p in parties],
        "date": _date(motion.date),
        "organization": links.api("organizations", motion.body_id),
        "meeting": links.api("meetings", motion.meeting_id),
        "revisionOf": links.api("motions", motion.revision_of_id),
        "isRevised": motion.is_revised,
        "approvesRest": motion.approves_rest,
        "leadIn": motion.lead_in,
        "justification": motion.justification,
        "fullTextAvailable": motion.full_text_available,
        "created": _datetime(motion.created_at),
        "modified": _datetime(motion.updated_at),
    }


def decision_point(point, links: Links) -> dict:
    if point.proposal_id:
        owner_type, case_id = "proposal", point.proposal.case_id
    elif point.motion_id:
        owner_type, case_id = "motion", point.motion.case_id
    else:
        owner_type, case_id = "decision", point.decision.case_id
    return {
        "id": point.pk,
        "type": "decisionPoint",
        "url": links.api("decision-points", point.pk),
        "number": point.number,
        "label": point.printed_label,
        "text": point.text,
        "ownerType": owner_type,
        "motion": links.api("motions", point.motion_id),
        "decision": links.api("decisions", point.decision_id),
        "paper": links.api("papers", case_id),
        "responsibleOrganizations": [links.api("organizations", b.pk) for b in point.responsible_boards.all()],
        "assignment": links.api("assignments", point.assignment_id),
    }


def decision(decision, links: Links) -> dict:
    return {
        "id": decision.pk,
        "type": "decision",
        "url": links.api("decisions", decision.pk),
        "meeting": links.api("meetings", decision.meeting_id),
        "date": _date(decision.meeting.date),
        "organization": links.api("organizations", decision.meeting.body_id),
        "paragraph": decision.paragraph,
        "paper": links.api("papers", decision.case_id),
        "result": decision.outcome,
        "resultLabel": str(decision.get_outcome_display()),
        "text": decision.text,
        "adoptedMotions": [links.api("motions", m.pk) for m in decision.adopted_motions.all()],
        "adoptedPoints": [links.api("decision-points", p.pk) for p in decision.adopted_points.all()],
        "votes": [links.api("votes", v.pk) for v in decision.votes.all()],
        "notes": [decision_note(note, order, links) for order, note in enumerate(decision.notes.all(), start=1)],
        "created": _datetime(decision.created_at),
        "modified": _datetime(decision.updated_at),
    }


def decision_note(note, order: int, links: Links) -> dict:
    """A reservation, protokollsanteckning or särskilt yttrande, numbered in the order of the minutes."""
    parties = note.parties.all()
    return {
        "order": order,
        "kind": note.kind,
        "kindLabel": str(note.get_kind_display()),
        "parties": [links.api("parties", p.pk) for p in parties],
        "partyAbbreviations": [p.abbreviation for p in parties],
        "members": note.members,
        "text": note.text,
    }


def vote(vote, links: Links) -> dict:
    return {
        "id": vote.pk,
        "type": "vote",
        "url": links.api("votes", vote.pk),
        "decision": links.api("decisions", vote.decision_id),
        "proposition": vote.proposition,
        "yes": vote.yes,
        "no": vote.no,
        "abstain": vote.abstain,
        "absent": vote.absent,
        "records": [
            {
                "person": links.api("persons", record.member_id),
                "name": record.member.name,
                "partyAbbreviation": record.member.party.abbreviation if record.member.party_id else None,
                "result": record.result,
            }
            for record in vote.records.all()
        ],
    }


def assignment(assignment, links: Links) -> dict:
    return {
        "id": assignment.pk,
        "type": "assignment",
        "url": links.api("assignments", assignment.pk),
        "dnr": assignment.dnr,
        "text": assignment.text,
        "source": assignment.source,
        "sourceLabel": str(assignment.get_source_display()),
        "budgetYear": assignment.budget_year,
        "originOrganization": links.api("organizations", assignment.origin_body_id),
        "originDate": _date(assignment.origin_date),
        "originParagraph": assignment.origin_paragraph,
        "originPoint": assignment.origin_point,
        "originReference": assignment.origin_reference,
        "responsibleOrganizations": [
            {
                "organization": links.api("organizations", r.board_id),
                "name": r.board.name,
                "isLead": r.is_lead,
            }
            for r in assignment.responsibilities.all()
        ],
        "addressedToAllBoards": assignment.addressed_to_all_boards,
        "deadline": _date(assignment.deadline),
        "deadlineNote": assignment.deadline_note,
        "status": assignment.status,
        "statusLabel": str(assignment.get_status_display()),
        "web": links.web(assignment),
        "created": _datetime(assignment.created_at),
        "modified": _datetime(assignment.updated_at),
    }


def status_report(report, links: Links) -> dict:
    return {
        "id": report.pk,
        "type": "statusReport",
        "url": links.api("status-reports", report.pk),
        "assignment": links.api("assignments", report.assignment_id),
        "organization": links.api("organizations", report.board_id),
        "periodYear": report.period.year,
        "periodKind": report.period.slug,
        "periodLabel": str(report.period),
        "text": report.text,
        "proposes": report.proposes,
        "proposesLabel": str(report.get_proposes_display()),
        "decision": report.decision,
        "decisionLabel": str(report.get_decision_display()),
        "decidedOn": _date(report.decided_on),
        "created": _datetime(report.created_at),
        "modified": _datetime(report.updated_at),
    }
