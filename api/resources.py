"""The resources of the open data API: what each lists, how it is read, and the JSON schema of one item.

Names follow the OParl council-information standard where it has the concept (the body, its
organizations, persons, meetings, papers); parties, motions, decision points, decisions, votes,
assignments and status reports are our own.

Incremental sync (`modified_since`): an object counts as modified when anything its JSON shows
changed at or after the given time: its own row (the modification time where the model has one,
else a change recorded in its history by django-simple-history) and the rows it shows parts of,
such as a party's abbreviation on a person or the records of a vote. Each resource lists those
sources in its `modified` function.

Deletions (as OParl 1.1): with `modified_since`, a list also holds a tombstone for each object of
the resource deleted at or after the given time, as django-simple-history recorded the deletion:
only its id, type, `modified` (the time of deletion) and `"deleted": true`, nothing else, whether or
not the object was ever public. They follow the live objects, ordered by id, and are paginated with
them. A resource without a history model (the static Body) has no tombstones.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Exists, Max, OuterRef, Prefetch, Q, QuerySet

from assignments.models import Assignment, Board, Responsibility, StatusReport
from motions.models import Case, Decision, DecisionPoint, Meeting, Member, Motion, Party, Vote, VoteRecord

from . import serializers

STRING = {"type": "string"}
NULLABLE_STRING = {"type": ["string", "null"]}
URL = {"type": "string", "format": "uri"}
NULLABLE_URL = {"type": ["string", "null"], "format": "uri"}
INTEGER = {"type": "integer"}
NULLABLE_INTEGER = {"type": ["integer", "null"]}
BOOLEAN = {"type": "boolean"}
DATE = {"type": "string", "format": "date"}
NULLABLE_DATE = {"type": ["string", "null"], "format": "date"}
DATETIME = {"type": "string", "format": "date-time"}
URL_LIST = {"type": "array", "items": URL}


def _enum(values) -> dict:
    return {"type": "string", "enum": list(values)}


def _object(properties: dict) -> dict:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


@dataclass(frozen=True)
class Resource:
    name: str  # the URL segment, e.g. "organizations"
    title: str
    description: str
    queryset: Callable[[], QuerySet]
    serialize: Callable
    schema: dict
    modified: Callable[[datetime.datetime], Q] | None  # the condition "modified at or after since"

    @property
    def schema_name(self) -> str:
        return "".join(part.capitalize() for part in self.name.split("-"))

    @property
    def type(self) -> str:
        """The `type` of its objects, as the schema names it."""
        return self.schema["properties"]["type"]["enum"][0]

    @property
    def tombstone_schema(self) -> dict:
        """The JSON schema of one deleted object (OParl 1.1: `deleted` true, `modified` the time of deletion)."""
        return _object({"id": INTEGER, "type": _enum([self.type]), "modified": DATETIME, "deleted": {"const": True}})

    def filter_modified_since(self, queryset: QuerySet, since: datetime.datetime) -> QuerySet:
        return queryset.filter(self.modified(since))

    def deleted_since(self, since: datetime.datetime) -> QuerySet | list:
        """The ids of the objects deleted at or after since, with the time of their (last) deletion, by id.

        From the deletion records of django-simple-history; an object that exists again (restored with
        its id) is live, not deleted."""
        model = self.queryset().model
        return (
            model.history.model.objects.filter(history_type="-", history_date__gte=since)
            .exclude(id__in=model._default_manager.values("pk"))
            .values("id")
            .annotate(deleted_at=Max("history_date"))
            .order_by("id")
        )

    def get(self, pk: int):
        return self.queryset().filter(pk=pk).first()


@dataclass(frozen=True)
class Body:
    """The city itself, OParl's Body: the one public body whose organisations, persons, meetings and
    papers the API lists. It lives in the code; `modified` is when its description here last changed."""

    pk: int = 1
    modified: datetime.datetime = datetime.datetime(2026, 11, 23, tzinfo=datetime.UTC)


@dataclass(frozen=True)
class StaticResource(Resource):
    """A resource whose objects live in the code, not in the database."""

    def filter_modified_since(self, queryset, since: datetime.datetime) -> list:
        return [obj for obj in queryset if obj.modified >= since]

    def deleted_since(self, since: datetime.datetime) -> list:
        return []

    def get(self, pk: int):
        return next((obj for obj in self.queryset() if obj.pk == pk), None)


# --- What counts as a modification ---------------------------------------------------------------


def _changed(model, since, field: str = "id") -> QuerySet:
    """`field` of the rows of `model` whose history records a change (creation, edit, deletion) since then."""
    return model.history.model.objects.filter(history_date__gte=since).values(field)


def _board_modified(since) -> Q:
    return Q(pk__in=_changed(Board, since))


def _party_modified(since) -> Q:
    return Q(pk__in=_changed(Party, since))


def _person_modified(since) -> Q:
    # The party's abbreviation is shown with the person.
    return Q(pk__in=_changed(Member, since)) | Q(party_id__in=_changed(Party, since))


def _meeting_modified(since) -> Q:
    # Its name is the body's short name and the date.
    return Q(pk__in=_changed(Meeting, since)) | Q(body_id__in=_changed(Board, since))


def _paper_modified(since) -> Q:
    return Q(updated_at__gte=since)


def _motion_modified(since) -> Q:
    parties = Motion.parties.through.objects.filter(motion_id=OuterRef("pk"), party_id__in=_changed(Party, since))
    return Q(updated_at__gte=since) | Exists(parties)


def _decision_point_modified(since) -> Q:
    return Q(pk__in=_changed(DecisionPoint, since))


def _decision_modified(since) -> Q:
    # A roll call imported later adds a vote to the decision without saving the decision itself;
    # the date and body come from the meeting.
    return (
        Q(updated_at__gte=since)
        | Q(pk__in=_changed(Vote, since, "decision_id"))
        | Q(meeting_id__in=_changed(Meeting, since))
    )


def _vote_modified(since) -> Q:
    # Each record shows the member's name and party abbreviation.
    shown_members = VoteRecord.objects.filter(vote_id=OuterRef("pk")).filter(
        Q(member_id__in=_changed(Member, since)) | Q(member__party_id__in=_changed(Party, since))
    )
    return Q(pk__in=_changed(Vote, since)) | Q(pk__in=_changed(VoteRecord, since, "vote_id")) | Exists(shown_members)


def _assignment_modified(since) -> Q:
    # The responsible boards are shown by name, the origin by the body's short name; a board may be
    # made responsible later.
    boards = Responsibility.objects.filter(assignment_id=OuterRef("pk")).filter(
        Q(board_id__in=_changed(Board, since)) | Q(created_at__gte=since)
    )
    return Q(updated_at__gte=since) | Q(origin_body_id__in=_changed(Board, since)) | Exists(boards)


def _status_report_modified(since) -> Q:
    return Q(updated_at__gte=since)


def _boards():
    return Board.objects.order_by("id")


def _parties():
    return Party.objects.order_by("id")


def _persons():
    return Member.objects.select_related("party").order_by("id")


def _meetings():
    return Meeting.objects.select_related("body").order_by("id")


def _papers():
    return Case.objects.order_by("id")


def _motions():
    return Motion.objects.prefetch_related(Prefetch("parties", queryset=Party.objects.order_by("sort_order"))).order_by(
        "id"
    )


def _decision_points():
    return (
        DecisionPoint.objects.select_related("proposal", "motion", "decision")
        .prefetch_related(Prefetch("responsible_boards", queryset=Board.objects.order_by("id").only("id")))
        .order_by("id")
    )


def _decisions():
    return (
        Decision.objects.select_related("meeting")
        .prefetch_related(
            Prefetch("adopted_motions", queryset=Motion.objects.order_by("id").only("id")),
            Prefetch("adopted_points", queryset=DecisionPoint.objects.order_by("id").only("id")),
            Prefetch("votes", queryset=Vote.objects.order_by("id").only("id", "decision_id")),
        )
        .order_by("id")
    )


def _votes():
    return Vote.objects.prefetch_related(
        Prefetch("records", queryset=VoteRecord.objects.select_related("member__party").order_by("id"))
    ).order_by("id")


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


def _status_reports():
    return StatusReport.objects.select_related("period").order_by("id")


RESOURCES: list[Resource] = [
    StaticResource(
        "bodies",
        "Kommunen",
        "Göteborgs Stad som helhet (OParl Body), med länkar till dess organisationer, personer, sammanträden och "
        "ärenden.",
        lambda: [Body()],
        serializers.body,
        _object(
            {
                "id": INTEGER,
                "type": _enum(["body"]),
                "url": URL,
                "name": STRING,
                "shortName": STRING,
                "website": URL,
                "organization": URL,
                "person": URL,
                "meeting": URL,
                "paper": URL,
                "modified": DATETIME,
            }
        ),
        None,
    ),
    Resource(
        "organizations",
        "Organisationer",
        "Nämnder, styrelser, beslutande organ och förvaltningar (OParl Organization).",
        _boards,
        serializers.organization,
        _object(
            {
                "id": INTEGER,
                "type": _enum(["organization"]),
                "url": URL,
                "name": STRING,
                "shortName": STRING,
                "classification": _enum(Board.Kind.values),
                "classificationLabel": STRING,
                "subOrganizationOf": NULLABLE_URL,
            }
        ),
        _board_modified,
    ),
    Resource(
        "parties",
        "Partier",
        "Politiska partier med förkortning och färg.",
        _parties,
        serializers.party,
        _object(
            {
                "id": INTEGER,
                "type": _enum(["party"]),
                "url": URL,
                "abbreviation": STRING,
                "name": STRING,
                "color": {"type": "string", "pattern": "^#[0-9A-Fa-f]{6}$"},
            }
        ),
        _party_modified,
    ),
    Resource(
        "persons",
        "Personer",
        "Ledamöter och ersättare i beslutande organ (OParl Person).",
        _persons,
        serializers.person,
        _object(
            {
                "id": INTEGER,
                "type": _enum(["person"]),
                "url": URL,
                "name": STRING,
                "party": NULLABLE_URL,
                "partyAbbreviation": NULLABLE_STRING,
                "organization": URL,
                "seat": NULLABLE_INTEGER,
                "role": STRING,
            }
        ),
        _person_modified,
    ),
    Resource(
        "meetings",
        "Sammanträden",
        "Sammanträden i beslutande organ (OParl Meeting).",
        _meetings,
        serializers.meeting,
        _object(
            {
                "id": INTEGER,
                "type": _enum(["meeting"]),
                "url": URL,
                "name": STRING,
                "organization": URL,
                "date": DATE,
            }
        ),
        _meeting_modified,
    ),
    Resource(
        "papers",
        "Ärenden",
        "Ärenden med ärendenummer och diarienummer (OParl Paper).",
        _papers,
        serializers.paper,
        _object(
            {
                "id": INTEGER,
                "type": _enum(["paper"]),
                "url": URL,
                "reference": STRING,
                "caseNumber": NULLABLE_STRING,
                "dnr": NULLABLE_STRING,
                "name": STRING,
                "web": NULLABLE_URL,
                "created": DATETIME,
                "modified": DATETIME,
            }
        ),
        _paper_modified,
    ),
    Resource(
        "motions",
        "Yrkanden",
        "Partiernas yrkanden, yttranden, protokollsanteckningar och reservationer i ett ärende.",
        _motions,
        serializers.motion,
        _object(
            {
                "id": INTEGER,
                "type": _enum(["motion"]),
                "url": URL,
                "paper": URL,
                "motionType": _enum(Motion.Kind.values),
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
                "justification": STRING,
                "fullTextAvailable": BOOLEAN,
                "created": DATETIME,
                "modified": DATETIME,
            }
        ),
        _motion_modified,
    ),
    Resource(
        "decision-points",
        "Beslutspunkter",
        "Numrerade beslutspunkter i tjänsteutlåtanden, yrkanden och beslut.",
        _decision_points,
        serializers.decision_point,
        _object(
            {
                "id": INTEGER,
                "type": _enum(["decisionPoint"]),
                "url": URL,
                "number": INTEGER,
                "text": STRING,
                "ownerType": _enum(["proposal", "motion", "decision"]),
                "motion": NULLABLE_URL,
                "decision": NULLABLE_URL,
                "paper": URL,
                "responsibleOrganizations": URL_LIST,
                "assignment": NULLABLE_URL,
            }
        ),
        _decision_point_modified,
    ),
    Resource(
        "decisions",
        "Beslut",
        "Vad ett sammanträde beslutade i ett ärende under en paragraf.",
        _decisions,
        serializers.decision,
        _object(
            {
                "id": INTEGER,
                "type": _enum(["decision"]),
                "url": URL,
                "meeting": URL,
                "date": DATE,
                "organization": URL,
                "paragraph": NULLABLE_INTEGER,
                "paper": URL,
                "result": _enum(Decision.Outcome.values),
                "resultLabel": STRING,
                "text": STRING,
                "adoptedMotions": URL_LIST,
                "adoptedPoints": URL_LIST,
                "votes": URL_LIST,
                "created": DATETIME,
                "modified": DATETIME,
            }
        ),
        _decision_modified,
    ),
    Resource(
        "votes",
        "Omröstningar",
        "Omröstningar med varje ledamots röst.",
        _votes,
        serializers.vote,
        _object(
            {
                "id": INTEGER,
                "type": _enum(["vote"]),
                "url": URL,
                "decision": URL,
                "proposition": STRING,
                "yes": INTEGER,
                "no": INTEGER,
                "abstain": INTEGER,
                "absent": INTEGER,
                "records": {
                    "type": "array",
                    "items": _object(
                        {
                            "person": URL,
                            "name": STRING,
                            "partyAbbreviation": NULLABLE_STRING,
                            "result": _enum(VoteRecord.Result.values),
                        }
                    ),
                },
            }
        ),
        _vote_modified,
    ),
    Resource(
        "assignments",
        "Uppdrag",
        "Uppdrag från kommunfullmäktige och kommunstyrelsen till nämnder och styrelser.",
        _assignments,
        serializers.assignment,
        _object(
            {
                "id": INTEGER,
                "type": _enum(["assignment"]),
                "url": URL,
                "dnr": STRING,
                "text": STRING,
                "source": _enum(Assignment.Source.values),
                "sourceLabel": STRING,
                "budgetYear": NULLABLE_INTEGER,
                "originOrganization": NULLABLE_URL,
                "originDate": NULLABLE_DATE,
                "originParagraph": STRING,
                "originPoint": STRING,
                "originReference": STRING,
                "responsibleOrganizations": {
                    "type": "array",
                    "items": _object({"organization": URL, "name": STRING, "isLead": BOOLEAN}),
                },
                "addressedToAllBoards": BOOLEAN,
                "deadline": NULLABLE_DATE,
                "deadlineNote": STRING,
                "status": _enum(Assignment.Status.values),
                "statusLabel": STRING,
                "web": NULLABLE_URL,
                "created": DATETIME,
                "modified": DATETIME,
            }
        ),
        _assignment_modified,
    ),
    Resource(
        "status-reports",
        "Statusrapporter",
        "Nämndernas redovisningar av uppdrag per rapporteringsperiod.",
        _status_reports,
        serializers.status_report,
        _object(
            {
                "id": INTEGER,
                "type": _enum(["statusReport"]),
                "url": URL,
                "assignment": URL,
                "organization": URL,
                "periodYear": INTEGER,
                "periodKind": _enum(["mars", "augusti", "arsrapport"]),
                "periodLabel": STRING,
                "text": STRING,
                "proposes": _enum(StatusReport.Proposal.values),
                "proposesLabel": STRING,
                "decision": _enum(StatusReport.Decision.values),
                "decisionLabel": STRING,
                "decidedOn": NULLABLE_DATE,
                "created": DATETIME,
                "modified": DATETIME,
            }
        ),
        _status_report_modified,
    ),
]

BY_NAME = {resource.name: resource for resource in RESOURCES}
