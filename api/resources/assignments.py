"""The follow-up of decisions: assignments to the boards and the boards' status reports on them."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Prefetch, Q

from assignments.models import Assignment, Board, Responsibility, StatusReport

from .. import serializers
from .base import (
    BOOLEAN,
    DATETIME,
    INTEGER,
    NULLABLE_DATE,
    NULLABLE_INTEGER,
    NULLABLE_URL,
    STRING,
    URL,
    Resource,
    changed,
    enum,
    object_schema,
)


def _assignment_modified(since) -> Q:
    # The responsible boards are shown by name, the origin by the body's short name; a board may be
    # made responsible later.
    boards = Responsibility.objects.filter(assignment_id=OuterRef("pk")).filter(
        Q(board_id__in=changed(Board, since)) | Q(created_at__gte=since)
    )
    return Q(updated_at__gte=since) | Q(origin_body_id__in=changed(Board, since)) | Exists(boards)


def _assignments():
    return (
        Assignment.objects.select_related("origin_body")
        .prefetch_related(
            Prefetch(
                "responsibilities",
                queryset=Responsibility.objects.select_related("board").order_by("-is_lead", "board__name"),
            )
        )
        .order_by("id")
    )


ASSIGNMENTS = Resource(
    "assignments",
    "Uppdrag",
    "Uppdrag från kommunfullmäktige och kommunstyrelsen till nämnder och styrelser.",
    _assignments,
    serializers.assignment,
    object_schema(
        {
            "id": INTEGER,
            "type": enum(["assignment"]),
            "url": URL,
            "dnr": STRING,
            "text": STRING,
            "source": enum(Assignment.Source.values),
            "sourceLabel": STRING,
            "budgetYear": NULLABLE_INTEGER,
            "originOrganization": NULLABLE_URL,
            "originDate": NULLABLE_DATE,
            "originParagraph": STRING,
            "originPoint": STRING,
            "originReference": STRING,
            "responsibleOrganizations": {
                "type": "array",
                "items": object_schema({"organization": URL, "name": STRING, "isLead": BOOLEAN}),
            },
            "addressedToAllBoards": BOOLEAN,
            "deadline": NULLABLE_DATE,
            "deadlineNote": STRING,
            "status": enum(Assignment.Status.values),
            "statusLabel": STRING,
            "web": NULLABLE_URL,
            "created": DATETIME,
            "modified": DATETIME,
        }
    ),
    _assignment_modified,
)


def _status_report_modified(since) -> Q:
    return Q(updated_at__gte=since)


def _status_reports():
    return StatusReport.objects.select_related("period").order_by("id")


STATUS_REPORTS = Resource(
    "status-reports",
    "Statusrapporter",
    "Nämndernas redovisningar av uppdrag per rapporteringsperiod.",
    _status_reports,
    serializers.status_report,
    object_schema(
        {
            "id": INTEGER,
            "type": enum(["statusReport"]),
            "url": URL,
            "assignment": URL,
            "organization": URL,
            "periodYear": INTEGER,
            "periodKind": enum(["mars", "augusti", "arsrapport"]),
            "periodLabel": STRING,
            "text": STRING,
            "proposes": enum(StatusReport.Proposal.values),
            "proposesLabel": STRING,
            "decision": enum(StatusReport.Decision.values),
            "decisionLabel": STRING,
            "decidedOn": NULLABLE_DATE,
            "created": DATETIME,
            "modified": DATETIME,
        }
    ),
    _status_report_modified,
)


RESOURCES: list[Resource] = [ASSIGNMENTS, STATUS_REPORTS]
