"""Attachments (bilagor): the documents of a case kept as they came in, PDF or UTF-8 text.

attachment_add() checks the bytes as the importers do (the same size limits, a PDF read with the
same limits against bombs, text as UTF-8 without binary), stores them once per case (the same bytes
again give the attachment already kept) and writes the file and its row together: when the
transaction that holds the row rolls back, the file goes too. That needs one transaction that
knows of the files: `atomic_with_files` (a drop-in for `transaction.atomic`) is that transaction;
attachment_add opens one itself, and a service that saves more than the attachment (a motion and
its document) uses it in place of `transaction.atomic`, so a failure after the attachment was
added removes the file as well.

The motion importer's review is a second request: document_stage() keeps the uploaded document
for it under a signed token, for a day, and document_staged() hands it back to the same user.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from assignments import roles
from core.history import with_history

from .importers import MAX_PDF_BYTES, MAX_UPLOAD_BYTES, ImportError_, decode_upload, is_pdf, pdf_to_text
from .models import Attachment, Case

STAGING_FOLDER = "bilagor/vantande"
STAGING_MAX_AGE = timedelta(days=1)
_STAGING_SALT = "motions.attachments.staged"
_WRITTEN = "_attachment_files_written"  # on the database connection: the files of the open transaction
MAX_FILENAME = 120


class AttachmentRefused(ImportError_):
    """The document cannot be kept; the message (Swedish) says why. Nothing was stored."""


@dataclass(frozen=True)
class Document:
    """A document as it came in: its bytes and the name it had (or one given to pasted text)."""

    data: bytes
    filename: str

    @classmethod
    def from_text(cls, text: str, filename: str) -> Document:
        return cls(data=text.encode("utf-8"), filename=filename)


def can_manage(user) -> bool:
    return roles.is_secretariat(user)


def require_manager(user) -> None:
    if not can_manage(user):
        raise PermissionDenied(_("Bara sekretariatet får lägga till och ta bort bilagor."))


def _storage():
    return Attachment._meta.get_field("file").storage


# --- the files of a transaction ------------------------------------------------------------------


@contextmanager
def _files_of_transaction():
    connection = transaction.get_connection()
    outer = getattr(connection, _WRITTEN, None)
    if outer is not None:  # an enclosing atomic_with_files answers for the files
        yield outer
        return
    written: list[str] = []
    setattr(connection, _WRITTEN, written)
    try:
        yield written
    finally:
        delattr(connection, _WRITTEN)
        _discard_unkept(written)


def _discard_unkept(names: list[str]) -> None:
    """Delete each file written that no attachment row has (its row rolled back, or was never saved)."""
    storage = _storage()
    for name in dict.fromkeys(names):
        try:
            kept = Attachment.objects.filter(file=name).exists()
        except DatabaseError:  # the database cannot be asked: an orphaned file is the likelier harm
            kept = False
        if not kept and storage.exists(name):
            storage.delete(name)


@contextmanager
def atomic_with_files():
    """transaction.atomic that also removes the attachment files written in it when it rolls back:
    `@atomic_with_files()` or `with atomic_with_files():` in place of transaction.atomic.

    (Called inside a caller's plain transaction that is rolled back later, the file would stay:
    Django has no hook for a rollback. The importers' services therefore use this one.)
    """
    with _files_of_transaction(), transaction.atomic():
        yield


# --- checking what comes in ----------------------------------------------------------------------


def detect_content_type(data: bytes) -> str:
    """PDF or UTF-8 text, read from the bytes themselves (never from a name or a browser's word);
    anything else, and anything the importers would refuse, is refused."""
    if not data:
        raise AttachmentRefused(_("Filen är tom."))
    if is_pdf(data):
        if len(data) > MAX_PDF_BYTES:
            raise AttachmentRefused(
                _("PDF-filen är för stor (högst %(mb)d MB).") % {"mb": MAX_PDF_BYTES // (1024 * 1024)}
            )
        try:
            pdf_to_text(data)  # the importers' reader: encrypted, broken, bombs and scans are refused
        except ImportError_ as error:
            raise AttachmentRefused(str(error)) from error
        return Attachment.ContentType.PDF
    if len(data) > MAX_UPLOAD_BYTES:
        raise AttachmentRefused(_("Filen är varken en PDF eller en textfil inom storleksgränsen."))
    try:
        decode_upload(data)
    except ImportError_ as error:
        raise AttachmentRefused(
            _("Bara PDF-filer och textfiler i UTF-8 kan sparas som bilagor. %(reason)s") % {"reason": error}
        ) from error
    return Attachment.ContentType.TEXT


def clean_filename(name: str, content_type: str) -> str:
    """The name as people read it (åäö kept), without folders, control or odd characters, ending in
    the extension of what the file is."""
    name = unicodedata.normalize("NFC", str(name or "")).replace("\\", "/").rsplit("/", 1)[-1]
    name = re.sub(r"[^\w .,()&+§–\-]", "_", name, flags=re.UNICODE)
    name = re.sub(r"[\s_]+", lambda m: " " if m[0].isspace() else "_", name).strip(" ._-")
    stem = re.sub(r"\.(pdf|txt|text)$", "", name, flags=re.IGNORECASE).strip(" ._-") or _("bilaga")
    extension = ".pdf" if content_type == Attachment.ContentType.PDF else ".txt"
    return stem[: MAX_FILENAME - len(extension)].rstrip(" ._-") + extension


def _check_links(case: Case, motion, proposal, decision) -> None:
    for owner, label in ((motion, _("Yrkandet")), (proposal, _("Tjänsteutlåtandet")), (decision, _("Beslutet"))):
        if owner is not None and owner.case_id != case.pk:
            raise ValidationError(_("%(owner)s hör inte till ärendet.") % {"owner": label})


# --- the services ---------------------------------------------------------------------------------


def attachment_add(
    *, case: Case, data: bytes, filename: str, kind: str, user, motion=None, proposal=None, decision=None
) -> Attachment:
    """Keep a document with its case; the attachment already kept when the case has the same bytes.

    The document is checked first (PDF or UTF-8 text within the importers' limits); a refused one
    raises AttachmentRefused and nothing is stored.
    """
    require_manager(user)
    if kind not in Attachment.Kind.values:
        raise ValidationError(_("Okänd typ av bilaga."))
    _check_links(case, motion, proposal, decision)
    content_type = detect_content_type(data)
    sha256 = hashlib.sha256(data).hexdigest()
    links = {"motion": motion, "proposal": proposal, "decision": decision}
    with atomic_with_files(), _files_of_transaction() as written:
        existing = Attachment.objects.select_for_update().filter(case=case, sha256=sha256).first()
        if existing is not None:
            return _link(existing, links, user)
        attachment = Attachment(
            case=case,
            kind=kind,
            filename=clean_filename(filename, content_type),
            content_type=content_type,
            size=len(data),
            sha256=sha256,
            sha512=hashlib.sha512(data).hexdigest(),
            uploaded_by=roles.person_or_none(user),
            **links,
        )
        storage = _storage()
        # The name is settled before writing, so a write that breaks off can be cleaned up too.
        name = storage.get_available_name(attachment.file.field.generate_filename(attachment, attachment.filename))
        written.append(name)
        attachment.file.name = storage.save(name, ContentFile(data))
        written.append(attachment.file.name)
        with_history(attachment, user, _("Bilaga sparad"))
        try:
            with transaction.atomic():
                attachment.save()
        except IntegrityError:
            # The same bytes saved at the same moment by someone else: theirs is the attachment.
            existing = Attachment.objects.filter(case=case, sha256=sha256).first()
            if existing is None:
                raise
            return existing
    return attachment


def _link(attachment: Attachment, links: dict, user) -> Attachment:
    """Give an attachment kept before the motion, proposal or decision it now came in with."""
    changed = [
        field for field, owner in links.items() if owner is not None and getattr(attachment, f"{field}_id") is None
    ]
    for field in changed:
        setattr(attachment, field, links[field])
    if changed:
        with_history(attachment, user, _("Bilaga kopplad")).save(update_fields=[*changed, "updated_at"])
    return attachment


def attachment_remove(*, attachment: Attachment, user, reason: str, confirmed: bool) -> None:
    """Remove an attachment and its file (the secretariat, with a reason, confirmed); history keeps
    that it was there, who removed it and why."""
    require_manager(user)
    if not confirmed:
        raise ValidationError({"confirm": _("Bekräfta att bilagan ska tas bort.")})
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Skriv varför bilagan tas bort.")})
    name = attachment.file.name
    with transaction.atomic():
        attachment = Attachment.objects.select_for_update().get(pk=attachment.pk)
        with_history(attachment, user, _("Bilaga borttagen: %(reason)s") % {"reason": reason[:200]}).delete()
        # The file goes once the row is gone for good; a rollback keeps both.
        transaction.on_commit(lambda: _storage().delete(name) if name and _storage().exists(name) else None)


# --- the importer's review: the document between two requests --------------------------------------


def document_stage(*, document: Document, user) -> str:
    """Keep an uploaded document for the review that follows; a token the review form carries."""
    require_manager(user)
    storage = _storage()
    sha256 = hashlib.sha256(document.data).hexdigest()
    name = f"{STAGING_FOLDER}/{user.pk}-{sha256}"
    if not storage.exists(name):
        name = storage.save(name, ContentFile(document.data))
    _sweep_staging()
    return signing.dumps({"n": name, "s": sha256, "f": document.filename[:200], "u": user.pk}, salt=_STAGING_SALT)


def document_staged(token: str, *, user) -> Document:
    """The document a review's token stands for, or AttachmentRefused when it is no longer there."""
    gone = AttachmentRefused(_("Den uppladdade handlingen finns inte kvar. Läs in den igen."))
    try:
        value = signing.loads(token, salt=_STAGING_SALT, max_age=STAGING_MAX_AGE)
    except signing.BadSignature as error:
        raise gone from error
    if value.get("u") != user.pk or not str(value.get("n", "")).startswith(f"{STAGING_FOLDER}/"):
        raise gone
    storage = _storage()
    try:
        with storage.open(value["n"], "rb") as handle:
            data = handle.read(MAX_PDF_BYTES + 1)
    except (FileNotFoundError, OSError) as error:
        raise gone from error
    if hashlib.sha256(data).hexdigest() != value["s"]:
        raise gone
    return Document(data=data, filename=value["f"])


def _sweep_staging() -> None:
    """Staged documents older than a day are not asked for again (their tokens have expired)."""
    storage = _storage()
    cutoff = timezone.now() - STAGING_MAX_AGE
    try:
        _folders, files = storage.listdir(STAGING_FOLDER)
        for file in files:
            name = f"{STAGING_FOLDER}/{file}"
            if storage.get_modified_time(name) < cutoff:
                storage.delete(name)
    except (FileNotFoundError, NotImplementedError, OSError):
        return


def document_unstage(token: str) -> None:
    """Forget a staged document once what it was staged for is saved (the sweep takes the rest)."""
    try:
        name = signing.loads(token, salt=_STAGING_SALT, max_age=STAGING_MAX_AGE)["n"]
    except (signing.BadSignature, KeyError, TypeError):
        return
    if str(name).startswith(f"{STAGING_FOLDER}/") and _storage().exists(name):
        _storage().delete(name)
