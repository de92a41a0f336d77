"""The forms of the TU import: the document in (motions' text/PDF form), then the preview to correct —
the proposal's fields, one row per point (number, text, boards) and one per suggested cost (accept,
point, board, amount, kind, years, financing). The board choices are read once per page."""

from __future__ import annotations

from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from core.form_errors import PrintableErrors, PrintableErrorsFormSet
from core.widgets import BoardPicker
from motions.forms import TextImportForm
from motions.importers.points import label_fits
from motions.importers.proposal import ParsedProposal, ParsedProposalPoint
from motions.registration import MAX_POINTS
from motions.secretariat_forms import BoardsField

from .forms import AmountField, amount_text
from .models import CostEstimate
from .proposal_import import CostDraft, FinancingDraft
from .revision_keep import quote_note

MAX_COSTS = 60


class ProposalUploadForm(TextImportForm):
    pasted_filename = "tjansteutlatande.txt"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = _("Tjänsteutlåtandets text")


class ProposalReviewForm(PrintableErrors, forms.Form):
    reviewed = forms.CharField(widget=forms.HiddenInput, initial="1")
    title = forms.CharField(label=_("Rubrik"), max_length=400)
    issued = forms.DateField(label=_("Utfärdat"), widget=forms.DateInput(attrs={"type": "date"}))
    revised = forms.DateField(label=_("Reviderat"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    author_body = forms.TypedChoiceField(label=_("Avsändare"), coerce=int, required=False, empty_value=None)
    addressed_to = forms.CharField(label=_("Riktat till"), max_length=200, required=False)
    flags = forms.CharField(widget=forms.HiddenInput, required=False, max_length=50_000)
    # The uploaded document, kept for this review (motions.attachments.document_stage).
    document = forms.CharField(widget=forms.HiddenInput, required=False, max_length=2_000)

    def __init__(self, *args, boards=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["author_body"].choices = [("", "–")] + list(boards)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("issued") and cleaned.get("revised") and cleaned["revised"] < cleaned["issued"]:
            self.add_error("revised", _("Reviderat kan inte vara före Utfärdat."))
        return cleaned


class PointReviewForm(PrintableErrors, forms.Form):
    number = forms.IntegerField(label=_("Punkt"), min_value=1, max_value=MAX_POINTS)
    label = forms.CharField(
        label=_("Beteckning"),
        max_length=8,
        required=False,
        help_text=_("Bokstaven som handlingen skriver (”a)”, ”B.”); tom när punkten heter sitt nummer."),
    )
    text = forms.CharField(label=_("Text"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))
    boards = BoardsField(label=_("Ansvariga nämnder"), required=False, widget=BoardPicker)
    financing = forms.ChoiceField(
        label=_("Finansiering enligt tjänsteutlåtandet"),
        choices=[("", _("anges inte"))] + CostEstimate.Financing.choices,
        required=False,
    )
    budget_process_first_year = forms.IntegerField(widget=forms.HiddenInput, required=False)
    budget_process_last_year = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean(self):
        cleaned = super().clean()
        label, number = cleaned.get("label") or "", cleaned.get("number")
        if label and number and not label_fits(number, label):
            self.add_error(
                "label", _("Punkt %(number)d kan inte heta ”%(label)s”.") % {"number": number, "label": label}
            )
        return cleaned

    def __init__(self, *args, boards=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["boards"].choices = list(boards)
        # The list scrolls: the chosen boards are also named under it.
        key = self.add_prefix("boards")
        values = (
            self.data.getlist(key) if self.is_bound and hasattr(self.data, "getlist") else self.initial.get("boards")
        )
        chosen = {str(value) for value in (values or [])}
        names = [name for pk, name in boards if str(pk) in chosen]
        self.fields["boards"].help_text = (
            _("Valda: %(names)s") % {"names": ", ".join(names)} if names else _("Ingen vald")
        )


class CostReviewForm(PrintableErrors, forms.Form):
    accept = forms.BooleanField(label=_("Spara som kostnadsberäkning"), required=False)
    point = forms.IntegerField(label=_("Punkt"), min_value=1, max_value=MAX_POINTS, required=False)
    board = forms.TypedChoiceField(label=_("Bärs av"), coerce=int, required=False, empty_value=None)
    amount = AmountField(label=_("Belopp"), required=False, allow_negative=False)
    recurrence = forms.ChoiceField(
        label=_("Typ av kostnad"), choices=[("", _("okänd"))] + CostEstimate.Recurrence.choices, required=False
    )
    first_year = forms.IntegerField(label=_("Från år"), min_value=1900, max_value=2200, required=False)
    last_year = forms.IntegerField(label=_("Till och med år"), min_value=1900, max_value=2200, required=False)
    financing = forms.ChoiceField(label=_("Finansiering"), choices=CostEstimate.Financing.choices)
    budget_process_first_year = forms.IntegerField(widget=forms.HiddenInput, required=False)
    budget_process_last_year = forms.IntegerField(widget=forms.HiddenInput, required=False)
    note = forms.CharField(widget=forms.HiddenInput, required=False, max_length=2000)
    # Whether the TU states the financing (the reading defaults it otherwise); a row added by hand does.
    financing_stated = forms.BooleanField(widget=forms.HiddenInput, required=False, initial=True)
    reasons = forms.CharField(widget=forms.HiddenInput, required=False, max_length=2000)

    def __init__(self, *args, boards=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["board"].choices = [("", "–")] + list(boards)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("accept"):
            if not cleaned.get("point"):
                self.add_error("point", _("Välj den punkt kostnaden hör till."))
            if not cleaned.get("board"):
                self.add_error("board", _("Välj den nämnd som bär kostnaden."))
        first, last = cleaned.get("first_year"), cleaned.get("last_year")
        if first and last and last < first:
            self.add_error("last_year", _("Till och med år kan inte vara före från år."))
        return cleaned


class _BoardsFormSet(PrintableErrorsFormSet):
    def __init__(self, *args, boards=(), **kwargs):
        self.boards = list(boards)
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "boards": self.boards}

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Ta bort punkten")


# One empty row to add a point the parse missed; a point can be dropped (then renumber the others).
PointFormSet = formset_factory(
    PointReviewForm, formset=_BoardsFormSet, extra=1, min_num=1, validate_min=True, max_num=MAX_POINTS,
    validate_max=True, can_delete=True,
)  # fmt: skip
CostFormSet = formset_factory(
    CostReviewForm, formset=_BoardsFormSet, extra=1, max_num=MAX_COSTS, validate_max=True, absolute_max=MAX_COSTS
)


def _amount_initial(amount: int) -> str:
    unit = "mnkr" if amount % 10_000 == 0 else "tkr" if amount % 1_000 == 0 else "kr"
    return f"{amount_text(amount, unit)} {unit}"


def initial_from(parsed: ParsedProposal) -> tuple[dict, list[dict], list[dict]]:
    proposal = {
        "reviewed": "1",
        "title": parsed.title,
        "issued": parsed.issued,
        "revised": parsed.revised,
        "author_body": parsed.author_body.pk if parsed.author_body else None,
        "addressed_to": parsed.addressed_to[:200],
        "flags": "\n".join(parsed.flags),
    }
    points = []
    for point in parsed.points:
        stated = parsed.financing.get(point.number) or {}
        years = stated.get("years") or (None, None)
        points.append(
            {"number": point.number, "label": point.label, "text": point.text, "boards": [b.pk for b in point.boards],
             "financing": stated.get("financing", ""), "budget_process_first_year": years[0],
             "budget_process_last_year": years[-1]}
        )  # fmt: skip
    costs = []
    for cost in parsed.costs:
        process = cost.budget_process or (None, None)
        costs.append(
            {
                "accept": cost.accepted,
                "point": cost.point,
                "board": cost.board.pk if cost.board else None,
                "amount": _amount_initial(cost.amount_kr),
                "recurrence": cost.recurrence,
                "first_year": cost.first_year,
                "last_year": cost.last_year,
                "financing": cost.financing,
                "budget_process_first_year": process[0],
                "budget_process_last_year": process[1],
                "note": cost.quote,
                "financing_stated": _financing_stated(parsed, cost),
                "reasons": "; ".join(cost.reasons),
            }
        )  # fmt: skip
    return proposal, points, costs


def _financing_stated(parsed: ParsedProposal, cost) -> bool:
    return bool(cost.point and parsed.financing.get(cost.point))


def cost_drafts_from(parsed: ParsedProposal) -> list[CostDraft]:
    """The costs the preview offers ticked, as the save would take them if the preview is kept as it is:
    what a revised TU's first preview lists as the estimates it changes."""
    drafts = []
    for cost in parsed.costs:
        if cost.accepted and cost.point and cost.board is not None and cost.financing:
            process = cost.budget_process or (None, None)
            drafts.append(
                CostDraft(
                    point=cost.point, amount_kr=cost.amount_kr, recurrence=cost.recurrence, board=cost.board,
                    financing=cost.financing, first_year=cost.first_year, last_year=cost.last_year,
                    budget_process_first_year=process[0], budget_process_last_year=process[1],
                    note=quote_note(cost.quote[:2000]), financing_stated=_financing_stated(parsed, cost),
                )
            )  # fmt: skip
    return drafts


def reviewed(review: ProposalReviewForm, points: PointFormSet, costs: CostFormSet, boards: dict):
    """The confirmed preview as the save service takes it: the proposal and the accepted costs."""
    data = review.cleaned_data
    parsed = ParsedProposal(title=data["title"], issued=data["issued"], revised=data["revised"])
    parsed.author_body = boards.get(data["author_body"])
    parsed.addressed_to = data["addressed_to"]
    rows = sorted(
        (f.cleaned_data for f in points.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")),
        key=lambda row: row["number"],
    )
    parsed.points = [
        ParsedProposalPoint(
            number=row["number"],
            text=row["text"],
            line=0,
            label=row.get("label", ""),
            boards=[boards[pk] for pk in row["boards"]],
        )
        for row in rows
    ]
    drafts = [
        CostDraft(
            point=row["point"], amount_kr=row["amount"], recurrence=row["recurrence"], board=boards[row["board"]],
            financing=row["financing"], first_year=row["first_year"], last_year=row["last_year"],
            budget_process_first_year=row["budget_process_first_year"],
            budget_process_last_year=row["budget_process_last_year"],
            note=quote_note(row["note"]),
            # A financing the secretariat chose in the preview is stated, even where the TU is silent.
            financing_stated=row["financing_stated"] or row["financing"] != CostEstimate.Financing.EXTRA_RESOURCES,
        )
        for row in (f.cleaned_data for f in costs.forms if f.cleaned_data)
        if row.get("accept")
    ]  # fmt: skip
    financing = {
        row["number"]: FinancingDraft(
            row["financing"], row["budget_process_first_year"], row["budget_process_last_year"]
        )
        for row in rows
        if row.get("financing")
    }
    return parsed, drafts, financing


def financing_drafts_from(parsed: ParsedProposal) -> dict[int, FinancingDraft]:
    """The financing classes the TU states, as the save would take them from the first preview."""
    drafts = {}
    for number, stated in parsed.financing.items():
        years = stated.get("years") or (None, None)
        drafts[number] = FinancingDraft(stated["financing"], years[0], years[-1])
    return drafts


# The preview names each stored value a revised TU does not mention (revision_keep.Silence) in KEEP_SHOWN
# and ticks it in KEEP: one shown but not ticked is dropped. One not shown yet (a new preview) is kept.
KEEP_SHOWN, KEEP = "behall_visad", "behall"


def dropped(data) -> frozenset[str]:
    """The keys of the values the secretariat unticked in the revision's preview."""
    return frozenset(data.getlist(KEEP_SHOWN)) - frozenset(data.getlist(KEEP))
