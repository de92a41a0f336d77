"""The documents kept with the cases (OParl File): each attachment of a paper, with its checksums
and the address it is downloaded from."""

from __future__ import annotations

from django.db.models import Q

from motions.models import Attachment

from .. import serializers
from .base import DATE, DATETIME, INTEGER, NULLABLE_URL, STRING, URL, Resource, enum, object_schema

FILE_SCHEMA = object_schema(
    {
        "id": INTEGER,
        "type": enum(["file"]),
        "url": URL,
        "name": STRING,
        "fileName": STRING,
        "mimeType": enum(["application/pdf", "text/plain"]),
        "size": INTEGER,
        "sha256Checksum": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
        "sha512Checksum": {"type": "string", "pattern": "^[0-9a-f]{128}$"},
        "accessUrl": URL,
        "downloadUrl": URL,
        "fileType": enum(Attachment.Kind.values),
        "fileTypeLabel": STRING,
        "paper": URL,
        "motion": NULLABLE_URL,
        "decision": NULLABLE_URL,
        "date": DATE,
        "created": DATETIME,
        "modified": DATETIME,
    }
)


def _file_modified(since) -> Q:
    # An attachment's row changes only when it is linked to what it came in with (updated_at); its
    # paper's reference in the download address is the case's number, which does not change.
    return Q(updated_at__gte=since)


def _files():
    return Attachment.objects.select_related("case").order_by("id")


FILES = Resource(
    "files",
    "Bilagor",
    "Handlingar som sparats med ärendena, som de kom in (OParl File): PDF eller text, med storlek och kontrollsummor.",
    _files,
    serializers.file,
    FILE_SCHEMA,
    _file_modified,
)

RESOURCES: list[Resource] = [FILES]
