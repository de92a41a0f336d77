"""What every resource of the open data API is made of: the Resource itself, the pieces of its JSON
schema, and the history lookup its `modified` condition is built from."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Max, Q, QuerySet

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


def enum(values) -> dict:
    return {"type": "string", "enum": list(values)}


def object_schema(properties: dict) -> dict:
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
        return object_schema(
            {"id": INTEGER, "type": enum([self.type]), "modified": DATETIME, "deleted": {"const": True}}
        )

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
class StaticResource(Resource):
    """A resource whose objects live in the code, not in the database."""

    def filter_modified_since(self, queryset, since: datetime.datetime) -> list:
        return [obj for obj in queryset if obj.modified >= since]

    def deleted_since(self, since: datetime.datetime) -> list:
        return []

    def get(self, pk: int):
        return next((obj for obj in self.queryset() if obj.pk == pk), None)


def changed(model, since, field: str = "id") -> QuerySet:
    """`field` of the rows of `model` whose history records a change (creation, edit, deletion) since then."""
    return model.history.model.objects.filter(history_date__gte=since).values(field)
