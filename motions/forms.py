from django import forms
from django.utils.translation import gettext_lazy as _

from core.form_errors import PrintableErrors

from .importers import (
    MAX_DOCUMENT_BYTES,
    MAX_PDF_BYTES,
    MAX_TEXT_CHARS,
    MAX_UPLOAD_BYTES,
    ImportError_,
    check_text,
    is_pdf,
    read_document,
)


class _TextImportForm(PrintableErrors, forms.Form):
    """Pasted text or an uploaded file (the city's PDF or UTF-8 text); the parsed result is previewed
    before it is saved."""

    text = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 16, "spellcheck": "false"}),
        required=False,
        strip=False,
        max_length=MAX_TEXT_CHARS,
        error_messages={"max_length": _("Texten är för lång (högst %(limit_value)d tecken).")},
    )
    file = forms.FileField(label=_("eller en fil (PDF eller text i UTF-8)"), required=False)

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        try:
            if upload:
                data = upload.read(MAX_DOCUMENT_BYTES + 1)
                if getattr(upload, "is_pdf", False) or (is_pdf(data) and len(data) > MAX_PDF_BYTES):
                    raise ImportError_(
                        _("PDF-filen är för stor (högst %(mb)d MB).") % {"mb": MAX_PDF_BYTES // (1024 * 1024)}
                    )
                if not is_pdf(data) and upload.size > MAX_UPLOAD_BYTES:
                    raise ImportError_(_("Filen är för stor (högst %(max)d tecken).") % {"max": MAX_TEXT_CHARS})
                cleaned["text"], cleaned["pages"] = read_document(data)
            elif cleaned.get("text", "").strip():
                cleaned["text"] = check_text(cleaned["text"])
            elif "text" not in self.errors:
                self.add_error("text", _("Klistra in texten eller välj en fil."))
        except ImportError_ as error:
            self.add_error("file" if upload else "text", str(error))
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        # Tie each error message to its field for screen readers.
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs.update(
                    {"aria-invalid": "true", "aria-describedby": f"{self[name].id_for_label}-error"}
                )


class MotionImportForm(_TextImportForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = _("Yrkandets text")


class RollCallImportForm(_TextImportForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = _("Omröstningslistans text")

    proposition = forms.CharField(
        label=_("Voteringsproposition"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Skriv voteringspropositionen, t.ex. ”Ja för bifall och Nej för avslag”.")},
    )
