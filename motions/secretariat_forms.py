"""Forms of the secretariat's pages; every rule is the services' (motions.registration, motions.decisions)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from assignments.models import Assignment, Board
from core.form_errors import PrintableErrors
from core.widgets import BoardPicker

from .decisions import Basis
from .models import DecisionNote

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class _Form(PrintableErrors, forms.Form):
    def _post_clean(self):
        super()._post_clean()
        # Tie each error message to its field for screen readers.
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs.update(
                    {"aria-invalid": "true", "aria-describedby": f"{self[name].id_for_label}-error"}
                )


def _date_field(label, required=True, help_text=""):
    return forms.DateField(
        label=label,
        required=required,
        widget=DATE_WIDGET,
        help_text=help_text,
        error_messages={"invalid": _("Skriv datumet som ÅÅÅÅ-MM-DD."), "required": _("Ange datumet.")},
    )


class CaseFindForm(_Form):
    q = forms.CharField(
        label=_("Ärendenummer, diarienummer eller ord i ärendemeningen"), max_length=200, required=False
    )


class CaseForm(_Form):
    case_number = forms.CharField(
        label=_("Ärendenummer"), max_length=20, required=False, help_text=_("Till exempel SLK-2024-00123.")
    )
    dnr = forms.CharField(label=_("Diarienummer"), max_length=7, required=False, help_text=_("Till exempel 0123/24."))
    title = forms.CharField(label=_("Ärendemening"), max_length=400, widget=forms.Textarea(attrs={"rows": 2}))
    responsible_office = forms.ModelChoiceField(
        label=_("Ansvarig förvaltning"),
        queryset=Board.objects.filter(kind=Board.Kind.ADMINISTRATION).order_by("name"),
        required=False,
        empty_label=_("(ingen vald)"),
    )


class ProposalForm(_Form):
    title = forms.CharField(label=_("Rubrik"), max_length=400)
    issued = _date_field(_("Utfärdat"))
    author_body = forms.ModelChoiceField(
        label=_("Avsändare"),
        queryset=Board.objects.order_by("name"),
        required=False,
        empty_label=_("(ingen vald)"),
    )
    points = forms.CharField(
        label=_("Förslag till beslut"),
        max_length=30_000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("En punkt per rad, med nummer: ”1. Kommunstyrelsen får i uppdrag att …”."),
    )


def board_choices() -> list[tuple[str, str]]:
    """Read once per page and given to every form on it, so many rows cost one query."""
    return [(str(pk), name) for pk, name in Board.objects.order_by("name").values_list("pk", "name")]


class BoardsField(forms.TypedMultipleChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            coerce=int,
            error_messages={"invalid_choice": _("Punkten är riktad till en nämnd som inte finns i nämndregistret.")},
            **kwargs,
        )


class _WithBoards(_Form):
    def __init__(self, *args, boards=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["boards"].choices = list(boards)


class PointForm(_WithBoards):
    text = forms.CharField(label=_("Punktens text"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4}))
    boards = BoardsField(label=_("Ansvariga nämnder"), required=False, widget=BoardPicker)


class MeetingForm(_Form):
    body = forms.ModelChoiceField(
        label=_("Organ"),
        queryset=Board.objects.filter(kind=Board.Kind.DECISION_BODY).order_by("name"),
        empty_label=None,
    )
    date = _date_field(_("Sammanträdesdatum"))


class DecisionCaseForm(_Form):
    arende = forms.CharField(
        label=_("Ärende (ärendenummer eller diarienummer)"), max_length=20, help_text=_("Till exempel SLK-2024-00123.")
    )


class DecisionForm(_Form):
    paragraph = forms.IntegerField(
        label=_("Paragraf (§)"),
        min_value=1,
        max_value=99_999,
        error_messages={"invalid": _("Paragrafen är ett heltal."), "required": _("Ange beslutets paragraf (§).")},
    )
    basis = forms.ChoiceField(label=_("Beslut"), choices=Basis.choices, widget=forms.RadioSelect)
    motions = forms.MultipleChoiceField(
        label=_("Bifallna yrkanden"), required=False, widget=forms.CheckboxSelectMultiple
    )
    text = forms.CharField(
        label=_("Beslutet som det står i protokollet"),
        required=False,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    adjusted_on = _date_field(_("Justerat"), required=False)

    def __init__(self, *args, motions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["motions"].choices = [(str(m.pk), label) for m, label in motions]


class AdoptedPointsForm(_Form):
    points = forms.MultipleChoiceField(label=_("Bifallna punkter"), required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, points=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["points"].choices = [(str(p.pk), label) for p, label in points]


class NoteForm(_Form):
    kind = forms.ChoiceField(label=_("Typ"), choices=DecisionNote.Kind.choices, widget=forms.RadioSelect)
    parties = forms.MultipleChoiceField(label=_("Partier"), required=False, widget=forms.CheckboxSelectMultiple)
    members = forms.CharField(label=_("Ledamöter"), required=False, max_length=400)
    text = forms.CharField(label=_("Text"), max_length=20_000, widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args, parties=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parties"].choices = [(str(p.pk), p.abbreviation) for p in parties]


class ReviewForm(_WithBoards):
    """One offered assignment on the review screen (prefix: the point's id)."""

    ACTIONS = [("confirm", _("Bekräfta")), ("skip", _("Hoppa över")), ("later", _("Vänta"))]

    action = forms.ChoiceField(label=_("Vad ska göras?"), choices=ACTIONS, widget=forms.RadioSelect, initial="later")
    text = forms.CharField(label=_("Uppdrag"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))
    boards = BoardsField(label=_("Ansvariga nämnder"), required=False, widget=BoardPicker)
    source = forms.ChoiceField(label=_("Källa"), choices=Assignment.Source.choices)
    number = forms.IntegerField(label=_("Punkt i beslutet"), min_value=1, max_value=999)
    deadline = _date_field(_("Slutdatum"), required=False)
    deadline_note = forms.CharField(label=_("Tidplan enligt beslutet"), max_length=300, required=False)


class PointAddForm(_Form):
    number = forms.IntegerField(
        label=_("Punktens nummer"),
        min_value=1,
        max_value=99,
        required=False,
        help_text=_("Tomt: nästa lediga nummer."),
        error_messages={
            "invalid": _("Punktens nummer är ett heltal från 1 till 99."),
            "min_value": _("Punktens nummer är ett heltal från 1 till 99."),
            "max_value": _("Punktens nummer är ett heltal från 1 till 99."),
        },
    )
    text = forms.CharField(
        label=_("Punktens text"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("De ansvariga nämnderna läses ur texten; du kan rätta dem efteråt."),
        error_messages={"required": _("Skriv punktens text.")},
    )
