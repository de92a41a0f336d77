"""What the import commands share: the file named on the command line read (as an upload is), its
refusals said in Swedish as CommandError, the parsed result printed as JSON, and the file kept as the
case's attachment (bilaga) by the service that saves, exactly as the browser import keeps it."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from django.core.management.base import CommandError

from motions.attachments import Document
from motions.importers import ImportError_, read_document
from motions.importers.documents import read_file_bytes
from motions.models import Attachment, Case


def read_file(path: str) -> tuple[str, Document]:
    """The text of the file and the document itself (its bytes and name), or CommandError."""
    try:
        data = read_file_bytes(Path(path))
        text = read_document(data)[0]
    except FileNotFoundError as error:
        raise CommandError(f"Filen {path} finns inte.") from error
    except OSError as error:  # a folder, no permission: said in Swedish, without a traceback
        raise CommandError(f"Filen {path} kunde inte läsas ({error.strerror}).") from error
    except ImportError_ as error:
        raise CommandError(str(error)) from error
    return text, Document(data=data, filename=Path(path).name)


def write_json(command, parsed) -> None:
    command.stdout.write(json.dumps(parsed.as_json(), ensure_ascii=False, indent=2))


def report_attachment(command, case: Case, document: Document) -> None:
    """Say which attachment now keeps the file: its name, size and SHA-256."""
    attachment = Attachment.objects.filter(case=case, sha256=hashlib.sha256(document.data).hexdigest()).first()
    if attachment is not None:
        command.stderr.write(f"Bilaga: {attachment.filename} ({attachment.size} byte, SHA-256 {attachment.sha256}).")
