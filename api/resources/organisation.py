"""The council and its people: the city (OParl Body), its organizations, the parties and the persons."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q

from assignments.models import Board
from motions.models import Member, Party

from .. import serializers
from .base import (
    DATETIME,
    INTEGER,
    NULLABLE_INTEGER,
    NULLABLE_STRING,
    NULLABLE_URL,
    STRING,
    URL,
    Resource,
    StaticResource,
    changed,
    enum,
    object_schema,
)


@dataclass(frozen=True)
class Body:
    """The city itself, OParl's Body: the one public body whose organisations, persons, meetings and
    papers the API lists. It lives in the code; `modified` is when its description here last changed."""

    pk: int = 1
    modified: datetime.datetime = datetime.datetime(2026, 11, 23, tzinfo=datetime.UTC)


BODIES = StaticResource(
    "bodies",
    "Kommunen",
    "Göteborgs Stad som helhet (OParl Body), med länkar till dess organisationer, personer, sammanträden och ärenden.",
    lambda: [Body()],
    serializers.body,
    object_schema(
        {
            "id": INTEGER,
            "type": enum(["body"]),
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
)


def _board_modified(since) -> Q:
    return Q(pk__in=changed(Board, since))


def _boards():
    return Board.objects.order_by("id")


ORGANIZATIONS = Resource(
    "organizations",
    "Organisationer",
    "Nämnder, styrelser, beslutande organ och förvaltningar (OParl Organization).",
    _boards,
    serializers.organization,
    object_schema(
        {
            "id": INTEGER,
            "type": enum(["organization"]),
            "url": URL,
            "name": STRING,
            "shortName": STRING,
            "classification": enum(Board.Kind.values),
            "classificationLabel": STRING,
            "subOrganizationOf": NULLABLE_URL,
        }
    ),
    _board_modified,
)


def _party_modified(since) -> Q:
    return Q(pk__in=changed(Party, since))


def _parties():
    return Party.objects.order_by("id")


PARTIES = Resource(
    "parties",
    "Partier",
    "Politiska partier med förkortning och färg.",
    _parties,
    serializers.party,
    object_schema(
        {
            "id": INTEGER,
            "type": enum(["party"]),
            "url": URL,
            "abbreviation": STRING,
            "name": STRING,
            "color": {"type": "string", "pattern": "^#[0-9A-Fa-f]{6}$"},
        }
    ),
    _party_modified,
)


def _person_modified(since) -> Q:
    # The party's abbreviation is shown with the person.
    return Q(pk__in=changed(Member, since)) | Q(party_id__in=changed(Party, since))


def _persons():
    return Member.objects.select_related("party").order_by("id")


PERSONS = Resource(
    "persons",
    "Personer",
    "Ledamöter och ersättare i beslutande organ (OParl Person).",
    _persons,
    serializers.person,
    object_schema(
        {
            "id": INTEGER,
            "type": enum(["person"]),
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
)


RESOURCES: list[Resource] = [BODIES, ORGANIZATIONS, PARTIES, PERSONS]
