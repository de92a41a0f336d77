from django import forms
from django.utils.translation import gettext_lazy as _

from assignments.models import Board, ReportingPeriod
from core.form_errors import PrintableErrors


class ReportChoiceForm(PrintableErrors, forms.Form):
    """Which board and which reporting period (GET, so the choice is a bookmarkable address)."""

    namnd = forms.ModelChoiceField(
        label=_("Nämnd eller styrelse"),
        queryset=Board.objects.exclude(kind=Board.Kind.ADMINISTRATION).order_by("name"),
        to_field_name="slug",
        empty_label=_("Välj nämnd"),
        error_messages={
            "required": _("Välj en nämnd eller styrelse."),
            "invalid_choice": _("Nämnden finns inte. Välj en i listan."),
        },
    )
    period = forms.ChoiceField(
        label=_("Rapporttillfälle"),
        error_messages={
            "required": _("Välj ett rapporttillfälle."),
            "invalid_choice": _("Rapporttillfället finns inte. Välj ett i listan."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        periods = ReportingPeriod.objects.order_by("-year", "-kind")
        self.periods = {f"{p.year}-{p.slug}": p for p in periods}
        self.fields["period"].choices = [("", _("Välj rapporttillfälle"))] + [
            (key, str(p)) for key, p in self.periods.items()
        ]

    def clean_period(self):
        return self.periods[self.cleaned_data["period"]]


class PublishForm(PrintableErrors, forms.Form):
    adopt = forms.BooleanField(
        label=_("Markera versionen som fastställd"),
        required=False,
        help_text=_("En fastställd version lagras och visas oförändrad även om uppgifterna ändras senare."),
    )
