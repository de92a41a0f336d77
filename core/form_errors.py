"""Error messages that echo what the user sent, made safe to show.

Many messages repeat the refused value ("Okänd status: …", "”…” är inte ett belopp", an importer's
"Rad 3: … ”…”"). HTML escaping makes that safe for the browser, but a NUL, an escape sequence or a
right-to-left override still reaches the page (and screen readers, copy-paste, logs) as it was sent.
Every form of the product therefore renders its errors through PrintableErrorList: control and
bidirectional-override characters become U+FFFD, and an echoed value is cut to a readable length.

The forms live in several apps; this module is in the lowest one (assignments) so each can use it.
"""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

# An echoed value longer than this is cut; the field still holds all of it for the user to correct.
MAX_ECHO = 80
REPLACEMENT = "\ufffd"
# C0 and C1 controls other than the plain whitespace a message may carry, and the invisible
# bidirectional controls that can reorder the words around them (U+202A-U+202E, U+2066-U+2069).
_WHITESPACE_CONTROLS = re.compile(r"[\t\n\r\x0b\x0c]+")
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """text with line breaks and tabs as spaces and every other control character as U+FFFD."""
    return _UNPRINTABLE.sub(REPLACEMENT, _WHITESPACE_CONTROLS.sub(" ", text))


def echoed(value):
    """A value the user sent, as a message may repeat it: printable and at most MAX_ECHO characters."""
    if not isinstance(value, str):
        return value
    if len(value) > MAX_ECHO:
        value = value[: MAX_ECHO - 1] + "…"
    return printable(value)


class PrintableErrorList(ErrorList):
    """An ErrorList whose messages (as templates, iteration and JSON see them) are printable."""

    @staticmethod
    def _message(error) -> str:
        if isinstance(error, ValidationError) and hasattr(error, "message"):
            message = error.message
            if isinstance(error.params, dict):
                message = message % {key: echoed(value) for key, value in error.params.items()}
            elif error.params:
                message = message % error.params
            return printable(str(message))
        if isinstance(error, ValidationError):
            return printable(next(iter(error)))
        return printable(str(error))

    def __getitem__(self, i):
        return self._message(self.data[i])

    def get_json_data(self, escape_html=False):
        messages = [(self._message(error), error.code or "") for error in self.as_data()]
        return [{"message": escape(message) if escape_html else message, "code": code} for message, code in messages]


class PrintableErrors:
    """Form mixin: errors through PrintableErrorList, whatever error_class the caller (a formset) passed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_class = PrintableErrorList


class PrintableErrorsFormSet(forms.BaseFormSet):
    """A formset whose own errors (a tampered management form, too many rows) and forms' errors are printable.

    Its own errors say in plain Swedish what to do; Django's speak of a "ManagementForm".
    """

    default_error_messages = {
        "missing_management_form": _("Formuläret kom inte fram helt. Ladda om sidan och försök igen."),
        "too_many_forms": ngettext_lazy("Skicka högst %(num)d rad.", "Skicka högst %(num)d rader.", "num"),
        "too_few_forms": ngettext_lazy("Skicka minst %(num)d rad.", "Skicka minst %(num)d rader.", "num"),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_class = PrintableErrorList

    def clean(self):
        """Refuse negative row counts: Django reads TOTAL_FORMS=-1 as "no rows", and an editor that
        replaces a table's rows with the posted ones would then delete them all without a word."""
        super().clean()
        counts = self.management_form.cleaned_data if self.is_bound else {}
        if any((counts.get(name) or 0) < 0 for name in ("TOTAL_FORMS", "INITIAL_FORMS")):
            raise forms.ValidationError(self.error_messages["missing_management_form"], code="negative_count")


def apply_errors(form, error) -> None:
    """A service's refusal (ValidationError) shown on the form: on its field where the form has one,
    else above the form."""
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)
