from django import forms
from django.utils.translation import gettext_lazy as _

from core.form_errors import PrintableErrors

from .importers import MAX_TEXT_CHARS, MAX_UPLOAD_BYTES, ImportError_, check_text, decode_upload


class _TextImportForm(PrintableErrors, forms.Form):
    """Pasted text or an uploaded UTF-8 file; the parsed result is previewed before it is saved."""

    text = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 16, "spellcheck": "false"}),
        required=False,
        strip=False,
        max_length=MAX_TEXT_CHARS,
        error_messages={"max_length": _("Texten är för lång (högst %(limit_value)d tecken).")},
    )
    file = forms.FileField(label=_("eller en textfil (UTF-8)"), required=False)

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        try:
            if upload:
                if upload.size > MAX_UPLOAD_BYTES:
                    raise ImportError_(_("Filen är för stor (högst %(max)d tecken).") % {"max": MAX_TEXT_CHARS})
                cleaned["text"] = decode_upload(upload.read())
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
