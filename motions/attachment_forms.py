"""The secretariat's forms for attachments: add one, remove one."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.form_errors import PrintableErrors

from .importers import MAX_DOCUMENT_BYTES, MAX_PDF_BYTES
from .models import Attachment


class AttachmentUploadForm(PrintableErrors, forms.Form):
    file = forms.FileField(
        label=_("Fil (PDF eller text i UTF-8)"),
        error_messages={"required": _("Välj en fil.")},
    )
    kind = forms.ChoiceField(label=_("Typ"), choices=Attachment.Kind.choices, initial=Attachment.Kind.OVRIGT)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Translated per request, not once when the module is imported.
        self.fields["file"].help_text = _("PDF högst %(mb)d MB.") % {"mb": MAX_PDF_BYTES // (1024 * 1024)}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if getattr(upload, "is_pdf", False) or upload.size > MAX_DOCUMENT_BYTES:
            raise forms.ValidationError(
                _("Filen är för stor (en PDF högst %(mb)d MB).") % {"mb": MAX_PDF_BYTES // (1024 * 1024)}
            )
        upload.data = upload.read(MAX_DOCUMENT_BYTES + 1)
        return upload


class AttachmentRemoveForm(PrintableErrors, forms.Form):
    reason = forms.CharField(
        label=_("Varför tas bilagan bort?"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Skriv varför bilagan tas bort.")},
    )
    confirm = forms.BooleanField(
        label=_("Ja, ta bort bilagan och dess fil"),
        error_messages={"required": _("Bekräfta att bilagan ska tas bort.")},
    )
