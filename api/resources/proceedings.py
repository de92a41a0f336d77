"""What the council handles and decides: meetings, papers (cases), motions, decision points,
decisions and votes."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Prefetch, Q

from assignments.models import Board
from motions.models import (
    Attachment,
    Case,
    Decision,
    DecisionNote,
    DecisionPoint,
    Meeting,
    Member,
    Motion,
    Party,
    Vote,
    VoteRecord,
)

from .. import serializers
from .base import (
    BOOLEAN,
    DATE,
    DATETIME,
    INTEGER,
    NULLABLE_DATE,
    NULLABLE_INTEGER,
    NULLABLE_STRING,
    NULLABLE_URL,
    STRING,
    URL,
    URL_LIST,
    Resource,
    changed,
    enum,
    object_schema,
)
from .files import FILE_SCHEMA


def _meeting_modified(since) -> Q:
    # Its name is the body's short name and the date.
    return Q(pk__in=changed(Meeting, since)) | Q(body_id__in=changed(Board, since))


def _meetings():
    return Meeting.objects.select_related("body").order_by("id")


MEETINGS = Resource(
    "meetings",
    "Sammanträden",
    "Sammanträden i beslutande organ (OParl Meeting).",
    _meetings,
    serializers.meeting,
    object_schema(
        {
            "id": INTEGER,
            "type": enum(["meeting"]),
            "url": URL,
            "name": STRING,
            "organization": URL,
            "date": DATE,
        }
    ),
    _meeting_modified,
)


def _paper_modified(since) -> Q:
    # Its auxiliaryFile lists the attachments: one added, linked or removed changes the paper.
    return Q(updated_at__gte=since) | Q(pk__in=changed(Attachment, since, "case_id"))


def _papers():
    return Case.objects.prefetch_related(Prefetch("attachments", queryset=Attachment.objects.order_by("id"))).order_by(
        "id"
    )


PAPERS = Resource(
    "papers",
    "Ärenden",
    "Ärenden med ärendenummer och diarienummer (OParl Paper).",
    _papers,
    serializers.paper,
    object_schema(
        {
            "id": INTEGER,
            "type": enum(["paper"]),
            "url": URL,
            "reference": STRING,
            "caseNumber": NULLABLE_STRING,
            "dnr": NULLABLE_STRING,
            "name": STRING,
            "web": NULLABLE_URL,
            "auxiliaryFile": {"type": "array", "items": FILE_SCHEMA},
            "created": DATETIME,
            "modified": DATETIME,
        }
    ),
    _paper_modified,
)


def _motion_modified(since) -> Q:
    parties = Motion.parties.through.objects.filter(motion_id=OuterRef("pk"), party_id__in=changed(Party, since))
    return Q(updated_at__gte=since) | Exists(parties)


def _motions():
    return Motion.objects.prefetch_related(Prefetch("parties", queryset=Party.objects.order_by("sort_order"))).order_by(
        "id"
    )


MOTIONS = Resource(
    "motions",
    "Yrkanden",
    "Partiernas yrkanden, yttranden, protokollsanteckningar och reservationer i ett ärende.",
    _motions,
    serializers.motion,
    object_schema(
        {
            "id": INTEGER,
            "type": enum(["motion"]),
            "url": URL,
            "paper": URL,
            "motionType": enum(Motion.Kind.values),
            "motionTypeLabel": STRING,
            "name": STRING,
            "parties": URL_LIST,
            "partyAbbreviations": {"type": "array", "items": STRING},
            "date": NULLABLE_DATE,
            "organization": NULLABLE_URL,
            "meeting": NULLABLE_URL,
            "revisionOf": NULLABLE_URL,
            "isRevised": BOOLEAN,
            "approvesRest": BOOLEAN,
            "leadIn": STRING,
            "justification": STRING,
            "fullTextAvailable": BOOLEAN,
            "created": DATETIME,
            "modified": DATETIME,
        }
    ),
    _motion_modified,
)


def _decision_point_modified(since) -> Q:
    return Q(pk__in=changed(DecisionPoint, since))


def _decision_points():
    return (
        DecisionPoint.objects.select_related("proposal", "motion", "decision")
        .prefetch_related(Prefetch("responsible_boards", queryset=Board.objects.order_by("id").only("id")))
        .order_by("id")
    )


DECISION_POINTS = Resource(
    "decision-points",
    "Beslutspunkter",
    "Numrerade beslutspunkter i tjänsteutlåtanden, yrkanden och beslut.",
    _decision_points,
    serializers.decision_point,
    object_schema(
        {
            "id": INTEGER,
            "type": enum(["decisionPoint"]),
            "url": URL,
            "number": INTEGER,
            "label": STRING,
            "text": STRING,
            "ownerType": enum(["proposal", "motion", "decision"]),
            "motion": NULLABLE_URL,
            "decision": NULLABLE_URL,
            "paper": URL,
            "responsibleOrganizations": URL_LIST,
            "assignment": NULLABLE_URL,
        }
    ),
    _decision_point_modified,
)


def _decision_modified(since) -> Q:
    # A roll call imported later adds a vote to the decision without saving the decision itself, and so
    # does a note registered by the secretariat; the date and body come from the meeting, and each note
    # shows its parties' abbreviations.
    note_parties = DecisionNote.parties.through.objects.filter(
        decisionnote__decision_id=OuterRef("pk"), party_id__in=changed(Party, since)
    )
    return (
        Q(updated_at__gte=since)
        | Q(pk__in=changed(Vote, since, "decision_id"))
        | Q(pk__in=changed(DecisionNote, since, "decision_id"))
        | Q(meeting_id__in=changed(Meeting, since))
        | Exists(note_parties)
    )


def _decisions():
    return (
        Decision.objects.select_related("meeting")
        .prefetch_related(
            Prefetch("adopted_motions", queryset=Motion.objects.order_by("id").only("id")),
            Prefetch("adopted_points", queryset=DecisionPoint.objects.order_by("id").only("id")),
            Prefetch("votes", queryset=Vote.objects.order_by("id").only("id", "decision_id")),
            # By id: the importer and the secretariat's form store the notes in the order of the minutes.
            Prefetch(
                "notes",
                queryset=DecisionNote.objects.order_by("id").prefetch_related(
                    Prefetch("parties", queryset=Party.objects.order_by("sort_order", "id"))
                ),
            ),
        )
        .order_by("id")
    )


DECISIONS = Resource(
    "decisions",
    "Beslut",
    "Vad ett sammanträde beslutade i ett ärende under en paragraf.",
    _decisions,
    serializers.decision,
    object_schema(
        {
            "id": INTEGER,
            "type": enum(["decision"]),
            "url": URL,
            "meeting": URL,
            "date": DATE,
            "organization": URL,
            "paragraph": NULLABLE_INTEGER,
            "paper": URL,
            "result": enum(Decision.Outcome.values),
            "resultLabel": STRING,
            "text": STRING,
            "adoptedMotions": URL_LIST,
            "adoptedPoints": URL_LIST,
            "votes": URL_LIST,
            "notes": {
                "type": "array",
                "description": (
                    "Reservationer, protokollsanteckningar och särskilda yttranden i protokollet, i protokollets "
                    "ordning (order från 1)."
                ),
                "items": object_schema(
                    {
                        "order": INTEGER,
                        "kind": enum(DecisionNote.Kind.values),
                        "kindLabel": STRING,
                        "parties": URL_LIST,
                        "partyAbbreviations": {"type": "array", "items": STRING},
                        "members": STRING,
                        "text": STRING,
                    }
                ),
            },
            "created": DATETIME,
            "modified": DATETIME,
        }
    ),
    _decision_modified,
)


def _vote_modified(since) -> Q:
    # Each record shows the member's name and party abbreviation.
    shown_members = VoteRecord.objects.filter(vote_id=OuterRef("pk")).filter(
        Q(member_id__in=changed(Member, since)) | Q(member__party_id__in=changed(Party, since))
    )
    return Q(pk__in=changed(Vote, since)) | Q(pk__in=changed(VoteRecord, since, "vote_id")) | Exists(shown_members)


def _votes():
    return Vote.objects.prefetch_related(
        Prefetch("records", queryset=VoteRecord.objects.select_related("member__party").order_by("id"))
    ).order_by("id")


VOTES = Resource(
    "votes",
    "Omröstningar",
    "Omröstningar med varje ledamots röst.",
    _votes,
    serializers.vote,
    object_schema(
        {
            "id": INTEGER,
            "type": enum(["vote"]),
            "url": URL,
            "decision": URL,
            "proposition": STRING,
            "yes": INTEGER,
            "no": INTEGER,
            "abstain": INTEGER,
            "absent": INTEGER,
            "records": {
                "type": "array",
                "items": object_schema(
                    {
                        "person": URL,
                        "name": STRING,
                        "partyAbbreviation": NULLABLE_STRING,
                        "result": enum(VoteRecord.Result.values),
                    }
                ),
            },
        }
    ),
    _vote_modified,
)


RESOURCES: list[Resource] = [MEETINGS, PAPERS, MOTIONS, DECISION_POINTS, DECISIONS, VOTES]
