"""The documents of a case as the secretariat received them: attachments (bilagor)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


def attachment_path(instance, filename):
    """Where the file lives in the default storage: by case and checksum, never by the uploaded name."""
    extension = ".pdf" if instance.content_type == "application/pdf" else ".txt"
    return f"bilagor/{instance.case_id}/{instance.sha256}{extension}"


class Attachment(models.Model):
    """A document kept with its case exactly as it came in (a PDF or a UTF-8 text), with its checksum."""

    class Kind(models.TextChoices):
        TJANSTEUTLATANDE = "tjansteutlatande", _("Tjänsteutlåtande")
        YRKANDE = "yrkande", _("Yrkande")
        PROTOKOLLSUTDRAG = "protokollsutdrag", _("Protokollsutdrag")
        OMROSTNINGSLISTA = "omrostningslista", _("Omröstningslista")
        OVRIGT = "ovrigt", _("Övrigt")

    class ContentType(models.TextChoices):
        PDF = "application/pdf", "PDF"
        TEXT = "text/plain; charset=utf-8", _("Text")

    case = models.ForeignKey(
        "motions.Case", verbose_name=_("ärende"), on_delete=models.CASCADE, related_name="attachments"
    )
    motion = models.ForeignKey(
        "motions.Motion",
        verbose_name=_("yrkande"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="attachments",
    )
    proposal = models.ForeignKey(
        "motions.OfficialProposal",
        verbose_name=_("tjänsteutlåtande"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="attachments",
    )
    decision = models.ForeignKey(
        "motions.Decision",
        verbose_name=_("beslut"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="attachments",
    )
    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices)
    filename = models.CharField(_("filnamn"), max_length=200)
    file = models.FileField(_("fil"), upload_to=attachment_path, max_length=300)
    content_type = models.CharField(_("filtyp"), max_length=40, choices=ContentType.choices)
    size = models.PositiveIntegerField(_("storlek (byte)"))
    sha256 = models.CharField(_("kontrollsumma (SHA-256)"), max_length=64)
    # The checksum OParl's File names (sha512Checksum), for the open data API.
    sha512 = models.CharField(_("kontrollsumma (SHA-512)"), max_length=128)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uppladdad av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uppladdad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True, db_index=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("bilaga")
        verbose_name_plural = _("bilagor")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["case", "sha256"], name="attachment_unique_content_per_case"),
            models.CheckConstraint(condition=Q(sha256__regex=r"^[0-9a-f]{64}$"), name="attachment_sha256_hex"),
            models.CheckConstraint(condition=Q(sha512__regex=r"^[0-9a-f]{128}$"), name="attachment_sha512_hex"),
            models.CheckConstraint(condition=Q(size__gte=1), name="attachment_not_empty"),
            models.CheckConstraint(
                condition=Q(content_type__in=["application/pdf", "text/plain; charset=utf-8"]),
                name="attachment_pdf_or_text",
            ),
            models.CheckConstraint(condition=~Q(filename=""), name="attachment_has_filename"),
        ]

    def __str__(self):
        return self.filename

    @property
    def is_pdf(self) -> bool:
        return self.content_type == self.ContentType.PDF

    @property
    def short_sha256(self) -> str:
        return self.sha256[:12]

    def get_absolute_url(self):
        # The case is the caller's (select_related or the page's own): no query here when it is.
        return reverse("motions:attachment", args=[self.case.url_key, self.pk, self.filename])
