"""Writes of the reports app: storing a version of a report and marking it fastställd."""

import hashlib

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from assignments import roles
from assignments.models import Board, ReportingPeriod
from goteborg_uppdrag.pdf import render_pdf

from .composition import compose_report
from .models import PublishedReport
from .rendering import report_document_html


def content_sha256(html: str) -> str:
    """The fingerprint of a report's content: the same data gives the same document HTML."""
    return hashlib.sha256(html.encode()).hexdigest()


def _require_secretariat(user) -> None:
    if not roles.is_secretariat(user):
        raise PermissionDenied(_("Bara sekretariatet får spara och fastställa rapporter."))


def publish_report(*, board: Board, period: ReportingPeriod, user, adopt: bool = False) -> tuple[PublishedReport, bool]:
    """Store the report as it is now as a new numbered version; (version, created).

    When nothing in the report changed since the latest version, no new version is made and the
    latest is returned (and marked fastställd when adopt is asked for).
    """
    _require_secretariat(user)
    report = compose_report(board, period)
    html = report_document_html(report)
    fingerprint = content_sha256(html)
    latest = PublishedReport.objects.filter(board=board, period=period).order_by("-version").first()
    if latest is not None and latest.content_sha256 == fingerprint:
        if adopt and not latest.is_adopted:
            latest = adopt_report(published=latest, user=user)
        return latest, False

    pdf = render_pdf(html)  # outside the transaction: rendering takes seconds
    with transaction.atomic():
        version = (PublishedReport.objects.filter(board=board, period=period).aggregate(v=Max("version"))["v"] or 0) + 1
        now = timezone.now()
        published = PublishedReport(
            board=board,
            period=period,
            version=version,
            size=len(pdf),
            sha256=hashlib.sha256(pdf).hexdigest(),
            content_sha256=fingerprint,
            published_by=user,
            published_at=now,
            is_adopted=adopt,
            adopted_by=user if adopt else None,
            adopted_at=now if adopt else None,
        )
        published.file.save("rapport.pdf", ContentFile(pdf), save=False)
        published._change_reason = _("Version %(version)s sparad") % {"version": version}
        published._history_user = user
        try:
            with transaction.atomic():
                published.save()
        except IntegrityError as exc:
            default_storage.delete(published.file.name)
            raise ValidationError(
                _("Någon annan sparade en version samtidigt. Försök igen."), code="concurrent"
            ) from exc
    return published, True


@transaction.atomic
def adopt_report(*, published: PublishedReport, user) -> PublishedReport:
    """Mark a stored version fastställd; its file is left exactly as it is."""
    _require_secretariat(user)
    published = PublishedReport.objects.select_for_update().get(pk=published.pk)
    if published.is_adopted:
        raise ValidationError(_("Version %(version)s är redan fastställd.") % {"version": published.version})
    published.is_adopted = True
    published.adopted_by = user
    published.adopted_at = timezone.now()
    published._change_reason = _("Version %(version)s fastställd") % {"version": published.version}
    published._history_user = user
    published.save(update_fields=["is_adopted", "adopted_by", "adopted_at"])
    return published
