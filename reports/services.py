"""Writes of the reports app: storing a version of a report and marking it fastställd."""

import hashlib

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from assignments import roles
from assignments.models import Board, ReportingPeriod
from core.pdf import PdfVariant, render_pdf

from .adoption import adoption_apply
from .composition import compose_report
from .models import PublishedReport
from .rendering import report_document_html
from .snapshot import report_snapshot


def content_sha256(html: str) -> str:
    """The fingerprint of a report's content: the same data gives the same document HTML."""
    return hashlib.sha256(html.encode()).hexdigest()


def can_publish(user) -> bool:
    """May the user store report versions and mark one fastställd? The secretariat."""
    return roles.is_secretariat(user)


def require_publisher(user) -> None:
    """Views ask this first too, so a refusal comes before any lookup."""
    if not can_publish(user):
        raise PermissionDenied(_("Bara sekretariatet får spara och fastställa rapporter."))


def report_publish(*, board: Board, period: ReportingPeriod, user, adopt: bool = False) -> tuple[PublishedReport, bool]:
    """Store the report as it is now as a new numbered version; (version, created).

    When nothing in the report changed since the latest version, no new version is made and the
    latest is returned (and marked fastställd when adopt is asked for). If storing fails at any
    step, neither the row nor the file stays. (Called inside a caller's transaction that is rolled
    back later, the file would stay: Django has no hook for a rollback. No caller does that.)
    """
    require_publisher(user)
    person = roles.person_or_none(user)  # None when the system stores a version
    report = compose_report(board, period)
    html = report_document_html(report)
    fingerprint = content_sha256(html)
    latest = PublishedReport.objects.filter(board=board, period=period).order_by("-version").first()
    if latest is not None and latest.content_sha256 == fingerprint:
        if adopt and not latest.is_adopted:
            latest = report_adopt(published=latest, user=user)
        return latest, False

    pdf = render_pdf(html, variant=PdfVariant.ARCHIVE)  # outside the transaction: rendering takes seconds
    stored = None
    try:
        with transaction.atomic():
            # Publishing is serialised per board, and "unchanged since the latest version" is asked
            # again under that lock: ten secretaries pressing the button at once store one version.
            # An UPDATE locks the board's row on PostgreSQL and takes the write lock on SQLite.
            Board.objects.filter(pk=board.pk).update(slug=F("slug"))
            latest = PublishedReport.objects.filter(board=board, period=period).order_by("-version").first()
            if latest is not None and latest.content_sha256 == fingerprint:
                if adopt and not latest.is_adopted:
                    latest = report_adopt(published=latest, user=user)
                return latest, False
            version = (latest.version if latest is not None else 0) + 1
            now = timezone.now()
            published = PublishedReport(
                board=board,
                period=period,
                version=version,
                size=len(pdf),
                sha256=hashlib.sha256(pdf).hexdigest(),
                content_sha256=fingerprint,
                snapshot=report_snapshot(report),
                published_by=person,
                published_at=now,
                is_adopted=adopt,
                adopted_by=person if adopt else None,
                adopted_at=now if adopt else None,
            )
            # The name is settled before writing, so a write that breaks off (a full disk) can be
            # cleaned up too: the storage does not say where a failed write left its part.
            storage = published.file.storage
            stored = storage.get_available_name(published.file.field.generate_filename(published, ""))
            published.file.name = storage.save(stored, ContentFile(pdf))
            stored = published.file.name
            published._change_reason = _("Version %(version)s sparad") % {"version": version}
            published._history_user = person
            try:
                with transaction.atomic():
                    published.save()
            except IntegrityError as exc:
                raise ValidationError(
                    _("Någon annan sparade en version samtidigt. Försök igen."), code="concurrent"
                ) from exc
            if adopt:
                published.effects = adoption_apply(published=published, user=user)
    except BaseException:
        # Nothing of a failed version stays: its row is rolled back, so its file goes too.
        _discard(stored)
        raise
    return published, True


def _discard(name: str | None) -> None:
    """Delete a file this publish wrote, unless a stored version has it (a name taken in a race)."""
    storage = PublishedReport._meta.get_field("file").storage
    if not name or not storage.exists(name):
        return
    try:
        kept = PublishedReport.objects.filter(file=name).exists()
    except DatabaseError:  # the database cannot be asked: an orphaned file is the likelier harm
        kept = False
    if not kept:
        storage.delete(name)


@transaction.atomic
def report_adopt(*, published: PublishedReport, user) -> PublishedReport:
    """Mark a stored version fastställd; its file is left exactly as it is."""
    require_publisher(user)
    published = PublishedReport.objects.select_for_update().get(pk=published.pk)
    if published.is_adopted:
        raise ValidationError(_("Version %(version)s är redan fastställd.") % {"version": published.version})
    published.is_adopted = True
    published.adopted_by = roles.person_or_none(user)
    published.adopted_at = timezone.now()
    published._change_reason = _("Version %(version)s fastställd") % {"version": published.version}
    published._history_user = roles.person_or_none(user)
    published.save(update_fields=["is_adopted", "adopted_by", "adopted_at"])
    published.effects = adoption_apply(published=published, user=user)
    return published
