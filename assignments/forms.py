"""Forms of the officer's workflow. They parse and show errors; the rules live in services.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.form_errors import PrintableErrors

from .models import Assignment, Board, ReportingPeriod, StatusReport

# The largest version the column holds (PositiveIntegerField, 32-bit on PostgreSQL). A bigger one
# cannot be a version the user was shown, so it is refused on the field, not taken for a conflict.
MAX_VERSION = 2_147_483_647


class StatusChangeForm(PrintableErrors, forms.Form):
    target = forms.ChoiceField(
        label=_("Ny status"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Välj vilken status uppdraget ska få."),
            "invalid_choice": _("Statusen ”%(value)s” går inte att välja för uppdraget nu."),
        },
    )
    reason = forms.CharField(
        label=_("Motivering"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sparas i historiken. Krävs när ett uppdrag skickas tillbaka eller återöppnas."),
    )
    version = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        max_value=MAX_VERSION,
        error_messages={
            "required": _("Formuläret saknar sin versionsuppgift. Ladda om sidan och försök igen."),
            "invalid": _("Formulärets versionsuppgift är ogiltig. Ladda om sidan och försök igen."),
            "min_value": _("Formulärets versionsuppgift är ogiltig. Ladda om sidan och försök igen."),
            "max_value": _("Formulärets versionsuppgift är ogiltig. Ladda om sidan och försök igen."),
        },
    )

    def __init__(self, *args, transitions=(), **kwargs):
        super().__init__(*args, **kwargs)
        # Every status parses, so a stale choice reaches the service and gets the conflict page;
        # only the transitions allowed now are offered.
        self.fields["target"].choices = Assignment.Status.choices
        self.transitions = [
            {
                "value": t.target,
                "label": f"{Assignment.Status(t.target).label} – {t.label}",
                "reason_required": t.reason_required,
            }
            for t in transitions
        ]


class StatusReportForm(PrintableErrors, forms.Form):
    period = forms.ModelChoiceField(
        label=_("Rapporteringsperiod"),
        queryset=ReportingPeriod.objects.order_by("-year", "-kind"),
        # No "---------" choice: the view preselects a period and a board, and there is nothing to leave empty.
        empty_label=None,
        error_messages={
            "required": _("Välj rapporteringsperiod."),
            "invalid_choice": _("Perioden finns inte. Välj en av perioderna i listan."),
        },
    )
    board = forms.ModelChoiceField(
        label=_("Rapporterande nämnd"),
        queryset=Board.objects.none(),
        empty_label=None,
        error_messages={
            "required": _("Välj vilken nämnd som rapporterar."),
            "invalid_choice": _("Du kan inte rapportera för den nämnden på det här uppdraget."),
        },
    )
    proposes = forms.ChoiceField(
        label=_("Rapporten är en"),
        choices=StatusReport.Proposal.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Välj delredovisning eller slutredovisning."),
            "invalid_choice": _("Okänt val: %(value)s."),
        },
    )
    text = forms.CharField(
        label=_("Redovisning"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=20000,
        strip=True,
        error_messages={"required": _("Skriv själva redovisningen – den får inte vara tom.")},
        help_text=_("Vad har gjorts, vad återstår och när uppdraget väntas bli klart."),
    )
    decision = forms.ChoiceField(
        label=_("Nämndens beslut om redovisningen"),
        required=False,
        choices=StatusReport.Decision.choices,
        error_messages={"invalid_choice": _("Okänt beslut: %(value)s.")},
    )
    decided_on = forms.DateField(
        label=_("Beslutsdatum"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2023-09-27.")},
    )
    version = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=0,
        max_value=MAX_VERSION,
        initial=0,
        error_messages={
            "required": _("Formuläret saknar sin versionsuppgift. Ladda om sidan och försök igen."),
            "invalid": _("Formulärets versionsuppgift är ogiltig. Ladda om sidan och försök igen."),
            "min_value": _("Formulärets versionsuppgift är ogiltig. Ladda om sidan och försök igen."),
            "max_value": _("Formulärets versionsuppgift är ogiltig. Ladda om sidan och försök igen."),
        },
    )

    def __init__(self, *args, boards=None, decisions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["board"].queryset = boards if boards is not None else Board.objects.none()
        # Every decision parses, so one the user may not record reaches the service and is refused
        # there with its reason; only the decisions this user may record are offered.
        if decisions is not None:
            self.fields["decision"].widget.choices = decisions
            if StatusReport.Decision.NOT_APPROVED not in dict(decisions):
                self.fields["decision"].help_text = _(
                    "Att slutredovisningen inte godkändes registrerar sekretariatet, "
                    "eftersom uppdraget då skickas tillbaka till pågående."
                )

    def clean(self):
        data = super().clean()
        if data.get("decision") and not data.get("decided_on"):
            self.add_error("decided_on", _("Ange datum för nämndens beslut."))
        return data
