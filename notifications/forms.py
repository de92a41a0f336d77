from django import forms
from django.utils.translation import gettext_lazy as _

from core.form_errors import PrintableErrors


class PreferencesForm(PrintableErrors, forms.Form):
    new_assignments = forms.BooleanField(label=_("E-post när en av mina nämnder får ett nytt uppdrag"), required=False)
    report_reminders = forms.BooleanField(
        label=_("E-post när en rapporteringsperiod är öppen och min nämnd saknar statusrapport"), required=False
    )
