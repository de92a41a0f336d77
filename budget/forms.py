"""Forms of the budget app: amounts in Swedish format ("1,1 mnkr", "13 400", "−7,1") to exact kronor."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from assignments import roles
from assignments.models import Board
from core.form_errors import PrintableErrors, PrintableErrorsFormSet
from core.formatting import UNITS, format_kronor

from .amounts import parse_amount
from .models import CostEstimate, FinancialStatement, PointFinancing, StatementLine
from .statements import CENTRAL_COLUMNS, CENTRAL_KEYS, CENTRAL_UNIT, STATEMENT_COLUMNS


def amount_text(value, unit: str) -> str:
    """An amount in kronor as the user would type it in the unit, without losing a krona."""
    if value is None:
        return ""
    exact = (Decimal(value) / UNITS[unit]).normalize()
    decimals = max(0, -exact.as_tuple().exponent)
    return format_kronor(value, unit, decimals=decimals, suffix=False).replace("\u00a0", " ")


class AmountField(forms.CharField):
    """A text field for an amount; a number without unit is read in default_unit."""

    def __init__(self, *, default_unit="kr", allow_negative=True, **kwargs):
        self.default_unit = default_unit
        self.allow_negative = allow_negative
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("inputmode", "decimal")

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return None
        if len(text) > 40:
            raise ValidationError(_("Beloppet är för långt."), code="too_long")
        amount = parse_amount(text, self.default_unit)
        if amount < 0 and not self.allow_negative:
            raise ValidationError(_("Beloppet kan inte vara negativt."), code="negative")
        return amount


def editable_boards(user):
    boards = Board.objects.order_by("name")
    if roles.is_secretariat(user):
        return boards
    return boards.filter(pk__in=roles.officer_board_ids(user))


class CostEstimateForm(PrintableErrors, forms.ModelForm):
    amount = AmountField(
        label=_("Belopp"),
        required=False,
        allow_negative=False,
        help_text=_("T.ex. 1,1 mnkr, 800 tkr eller 250 000 kr. Tomt om underlaget inte anger ett belopp."),
    )

    class Meta:
        model = CostEstimate
        fields = [
            "board",
            "recurrence",
            "first_year",
            "last_year",
            "financing",
            "budget_process_first_year",
            "budget_process_last_year",
            "note",
        ]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["board"].queryset = editable_boards(user)
        if self.instance.pk and self.instance.amount_kr is not None:
            self.fields["amount"].initial = amount_text(self.instance.amount_kr, "kr") + " kr"
        for name in ("first_year", "last_year", "budget_process_first_year", "budget_process_last_year"):
            self.fields[name].widget.attrs.update({"min": 2000, "max": 2100})

    def clean(self):
        data = super().clean()
        first, last = data.get("first_year"), data.get("last_year")
        if first and last and last < first:
            self.add_error("last_year", _("Slutåret kan inte ligga före startåret."))
        if data.get("amount") is not None and not data.get("recurrence"):
            self.add_error("recurrence", _("Ange om beloppet är en engångskostnad eller en årlig kostnad."))
        for name in ("first_year", "last_year", "budget_process_first_year", "budget_process_last_year"):
            year = data.get(name)
            if year is not None and not 2000 <= year <= 2100:
                self.add_error(name, _("Ange ett år mellan 2000 och 2100."))
        return data

    def save(self, commit=True):
        self.instance.amount_kr = self.cleaned_data.get("amount")
        return super().save(commit=commit)


class PointFinancingForm(PrintableErrors, forms.ModelForm):
    """How the proposal classes a point, also when it carries no estimate (e.g. within the frame)."""

    class Meta:
        model = PointFinancing
        fields = ["financing", "budget_process_first_year", "budget_process_last_year", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}

    def clean(self):
        data = super().clean()
        first, last = data.get("budget_process_first_year"), data.get("budget_process_last_year")
        for name in ("budget_process_first_year", "budget_process_last_year"):
            year = data.get(name)
            if year is not None and not 2000 <= year <= 2100:
                self.add_error(name, _("Ange ett år mellan 2000 och 2100."))
        if first and last and last < first:
            self.add_error("budget_process_last_year", _("Slutåret kan inte ligga före startåret."))
        if data.get("financing") != CostEstimate.Financing.EXTRA_RESOURCES and (first or last):
            self.add_error("financing", _("Budgetprocessens år anges bara när punkten kräver extra resurser."))
        return data


class StatementForm(PrintableErrors, forms.ModelForm):
    class Meta:
        model = FinancialStatement
        fields = ["section", "title", "unit"]

    def clean_section(self):
        # The model's unique (board, period, section) is not checked by the form, whose fields do not
        # include board and period; without this a second statement with the same section got a 500.
        section = self.cleaned_data["section"]
        statement = self.instance
        if (
            statement.board_id
            and statement.period_id
            and FinancialStatement.objects.filter(board_id=statement.board_id, period_id=statement.period_id)
            .filter(section=section)
            .exclude(pk=statement.pk)
            .exists()
        ):
            raise ValidationError(
                _("Nämnden har redan en resultatredovisning med avsnitt ”%(section)s” för perioden."),
                code="unique",
                params={"section": section},
            )
        return section


# The hidden id of a saved row: a user cannot correct it, only reload the page.
HIDDEN_ID_ERRORS = {
    "invalid": _("Raden kunde inte kopplas till en sparad rad. Ladda om sidan och försök igen."),
    "max_value": _("Raden kunde inte kopplas till en sparad rad. Ladda om sidan och försök igen."),
    "min_value": _("Raden kunde inte kopplas till en sparad rad. Ladda om sidan och försök igen."),
}


class StatementLineForm(PrintableErrors, forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput, error_messages=HIDDEN_ID_ERRORS)
    group = forms.CharField(label=_("Grupp"), required=False, max_length=200)
    label = forms.CharField(label=_("Rad"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Radtyp"), choices=[("", "—")] + list(StatementLine.Kind.choices), required=False)

    def __init__(self, *args, unit="mnkr", **kwargs):
        super().__init__(*args, **kwargs)
        self.unit = unit
        for column in STATEMENT_COLUMNS:
            if column.stored:
                self.fields[column.key] = AmountField(label=column.text_label, required=False, default_unit=unit)

    def clean(self):
        data = super().clean()
        has_amounts = any(data.get(c.key) is not None for c in STATEMENT_COLUMNS if c.stored)
        if not data.get("label") and (has_amounts or data.get("kind")):
            self.add_error("label", _("Ange radens namn."))
        if data.get("label") and not data.get("kind"):
            self.add_error("kind", _("Välj radtyp."))
        return data

    @property
    def is_blank(self) -> bool:
        return not self.cleaned_data.get("label")


# A statement or a board's list of posts has tens of rows. The bound is what a forged row count can
# make the server build, validate and show again: Django's default would be 2,000 forms (seconds of work).
MAX_ROWS = 200

StatementLineFormSet = formset_factory(
    StatementLineForm,
    formset=PrintableErrorsFormSet,
    extra=3,
    can_delete=True,
    max_num=MAX_ROWS,
    absolute_max=MAX_ROWS,
)


class CentralItemForm(PrintableErrors, forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput, error_messages=HIDDEN_ID_ERRORS)
    label = forms.CharField(label=_("Kommuncentral post"), required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for column in CENTRAL_COLUMNS:
            self.fields[column.key] = AmountField(label=column.label, required=False, default_unit=CENTRAL_UNIT)

    def clean(self):
        data = super().clean()
        if not data.get("label") and any(data.get(c) is not None for c in CENTRAL_KEYS):
            self.add_error("label", _("Ange postens namn."))
        return data


class BaseCentralItemFormSet(PrintableErrorsFormSet):
    def clean(self):
        seen = set()
        for form in self.forms:
            label = (getattr(form, "cleaned_data", None) or {}).get("label")
            if not label or form.cleaned_data.get("DELETE"):
                continue
            if label in seen:
                form.add_error("label", _("Posten finns redan i listan."))
            seen.add(label)


CentralItemFormSet = formset_factory(
    CentralItemForm, formset=BaseCentralItemFormSet, extra=3, can_delete=True, max_num=MAX_ROWS, absolute_max=MAX_ROWS
)
