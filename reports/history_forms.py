"""The forms of the report history import: the document (a PDF, or text pasted or uploaded), and the
review of what was read — the report's year, period and body, and one row per assignment — that the
secretariat corrects before anything is saved."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from assignments.history_import import HistoryRow
from assignments.models import Assignment, Board, ReportingPeriod
from core.form_errors import PrintableErrors, PrintableErrorsFormSet
from core.widgets import BoardPicker
from motions.forms import TextImportForm
from motions.importers import MAX_TEXT_CHARS

from .importers.history import ParsedHistory, ParsedHistoryItem
from .importers.resolve import history_row

MAX_ROWS = 300


class HistoryUploadForm(TextImportForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = _("Rapportens text (avsnitten om uppdrag räcker)")


def _boards():
    return Board.objects.order_by("name")


class HistoryDocumentForm(PrintableErrors, forms.Form):
    reviewed = forms.CharField(widget=forms.HiddenInput, initial="1")
    year = forms.IntegerField(label=_("År"), min_value=2000, max_value=2100)
    kind = forms.TypedChoiceField(label=_("Rapporttillfälle"), choices=ReportingPeriod.Kind.choices, coerce=int)
    body = forms.ModelChoiceField(label=_("Rapporterande nämnd"), queryset=_boards())
    title = forms.CharField(widget=forms.HiddenInput, required=False, max_length=300)
    flags = forms.CharField(widget=forms.HiddenInput, required=False, max_length=20_000)

    @classmethod
    def initial_from(cls, parsed: ParsedHistory) -> dict:
        return {
            "reviewed": "1",
            "year": parsed.year,
            "kind": parsed.kind,
            "body": parsed.body,
            "title": parsed.title[:300],
            "flags": parsed.flags_text(),
        }


class HistoryItemForm(PrintableErrors, forms.Form):
    include = forms.BooleanField(label=_("Spara raden"), required=False)
    dnr = forms.CharField(label=_("Dnr"), max_length=7, required=False)
    text = forms.CharField(label=_("Uppdrag"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)
    source = forms.ChoiceField(label=_("Källa"), choices=[("", "–"), *Assignment.Source.choices], required=False)
    budget_year = forms.IntegerField(label=_("Budgetår"), min_value=2000, max_value=2100, required=False)
    origin_body = forms.ModelChoiceField(label=_("Beslutande organ"), queryset=_boards(), required=False)
    origin_date = forms.DateField(
        label=_("Beslutsdatum"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    origin_paragraph = forms.CharField(label=_("Paragraf (§)"), max_length=10, required=False)
    origin_point = forms.CharField(label=_("Punkt"), max_length=10, required=False)
    responsible = forms.ModelMultipleChoiceField(
        label=_("Ansvariga"), queryset=_boards(), required=False, widget=BoardPicker
    )
    all_boards = forms.BooleanField(label=_("Riktat till alla nämnder och styrelser"), required=False)
    deadline = forms.DateField(label=_("Slutdatum"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    deadline_note = forms.CharField(label=_("Tidplan enligt beslutet"), max_length=300, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=[("", "–"), *Assignment.Status.choices], required=False)
    report_text = forms.CharField(
        label=_("Statusrapport för perioden"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=MAX_TEXT_CHARS,
        required=False,
    )
    section = forms.CharField(widget=forms.HiddenInput, required=False, max_length=200)
    position = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0, max_value=999)
    flags = forms.CharField(widget=forms.HiddenInput, required=False, max_length=20_000)

    @classmethod
    def initial_from(cls, item: ParsedHistoryItem) -> dict:
        return {
            "include": item.action != "skip",
            "dnr": item.dnr,
            "text": item.text,
            "source": item.source,
            "budget_year": item.budget_year,
            "origin_body": item.origin_body,
            "origin_date": item.origin_date,
            "origin_paragraph": item.origin_paragraph,
            "origin_point": item.origin_point,
            "responsible": item.responsible,
            "all_boards": item.all_boards,
            "deadline": item.deadline,
            "deadline_note": item.deadline_note,
            "status": item.status,
            "report_text": item.report_text,
            "section": item.section,
            "position": item.position,
            "flags": item.flags_text(),
        }

    def item(self) -> ParsedHistoryItem:
        data = self.cleaned_data
        item = ParsedHistoryItem(section=data["section"], position=data.get("position") or 0, line=0, page=0)
        for name in ("dnr", "text", "source", "origin_paragraph", "origin_point", "deadline_note", "status"):
            setattr(item, name, (data.get(name) or "").strip())
        item.report_text = (data.get("report_text") or "").strip()
        item.budget_year = data.get("budget_year")
        item.origin_body = data.get("origin_body")
        item.origin_date = data.get("origin_date")
        item.responsible = list(data.get("responsible") or [])
        item.all_boards = data.get("all_boards", False)
        item.deadline = data.get("deadline")
        item.restore_flags(data.get("flags"))
        return item

    def row(self) -> HistoryRow:
        return history_row(self.item())


HistoryItemFormSet = forms.formset_factory(
    HistoryItemForm,
    formset=PrintableErrorsFormSet,
    extra=0,
    max_num=MAX_ROWS,
    absolute_max=MAX_ROWS,
    validate_max=True,
)


def parsed_from_review(document: HistoryDocumentForm, rows) -> ParsedHistory:
    """What the secretariat has corrected, as a parse that resolve.py can plan again."""
    data = document.cleaned_data
    parsed = ParsedHistory(year=data["year"], kind=data["kind"], title=data.get("title") or "")
    parsed.body = data["body"]
    parsed.body_name = data["body"].name
    parsed.restore_flags(data.get("flags"))
    parsed.items = [form.item() for form in rows]
    return parsed
