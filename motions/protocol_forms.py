"""The protocol import's two forms: the document in (text or PDF), then the review of what was read,
every field editable, carrying the document itself so the votes are read again, not trusted from the
browser."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from assignments.models import Board

from .decisions import Basis
from .forms import TextImportForm, reviewed_points
from .importers import MAX_TEXT_CHARS
from .importers.protocol import ParsedProtocol
from .models import DecisionNote
from .protocol_import import Match, NoteDraft, VoteDraft, saved_unreviewed
from .protocol_vote_rows import rows_read, rows_text
from .secretariat_forms import _date_field, _Form


class ProtocolUploadForm(TextImportForm):
    pasted_filename = "protokollsutdrag.txt"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = _("Protokollsutdragets text")


class ProtocolReviewForm(_Form):
    reviewed = forms.CharField(widget=forms.HiddenInput, initial="1")
    source = forms.CharField(widget=forms.HiddenInput, strip=False, max_length=MAX_TEXT_CHARS)
    # The uploaded document, kept for this review (motions.attachments.document_stage).
    document = forms.CharField(widget=forms.HiddenInput, required=False, max_length=2_000)
    body = forms.ModelChoiceField(
        label=_("Organ"),
        queryset=Board.objects.filter(kind=Board.Kind.DECISION_BODY).order_by("name"),
        required=False,
    )
    date = _date_field(_("Sammanträdesdatum"), required=False)
    paragraph = forms.IntegerField(
        label=_("Paragraf (§)"),
        min_value=1,
        max_value=99_999,
        required=False,
        error_messages={"invalid": _("Paragrafen är ett heltal.")},
    )
    basis = forms.ChoiceField(label=_("Beslut"), choices=Basis.choices, widget=forms.RadioSelect, required=False)
    motions = forms.MultipleChoiceField(
        label=_("Bifallna yrkanden"), required=False, widget=forms.CheckboxSelectMultiple
    )
    text = forms.CharField(
        label=_("Beslutet som det står i protokollet"),
        required=False,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    points = forms.CharField(
        label=_("Beslutets punkter (en per rad: ”1. text”, eller ”a) text” som protokollet skriver dem)"),
        required=False,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    adjusted_on = _date_field(_("Justerat"), required=False)

    def __init__(self, *args, parsed: ParsedProtocol, match: Match, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["motions"].choices = [(str(m.pk), _motion_label(m)) for m in match.motions]
        self.vote_count, self.note_count = len(parsed.votes), len(parsed.notes)
        for index, vote in enumerate(parsed.votes):
            self.fields[f"vote_{index}_include"] = forms.BooleanField(
                label=_("Spara omröstning %(n)d") % {"n": index + 1},
                required=False,
                initial=saved_unreviewed(vote),
            )
            self.fields[f"vote_{index}_proposition"] = forms.CharField(
                label=_("Voteringsproposition"),
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=vote.proposition,
            )
            self.fields[f"vote_{index}_names"] = forms.CharField(
                label=_("Namnlista (en per rad: ”Namn; Parti; Ja”, Nej, Avstår eller Frånvarande)"),
                required=False,
                max_length=40_000,
                strip=False,
                widget=forms.Textarea(attrs={"rows": 8}),
                initial=rows_text(vote.rollcall),
            )
        self._parsed_votes = parsed.votes
        self.rollcalls: dict[int, object] = {}
        for index, note in enumerate(parsed.notes):
            self.fields[f"note_{index}_include"] = forms.BooleanField(
                label=_("Spara anteckning %(n)d") % {"n": index + 1}, required=False, initial=True
            )
            self.fields[f"note_{index}_kind"] = forms.ChoiceField(
                label=_("Typ"), choices=DecisionNote.Kind.choices, initial=note.kind
            )
            self.fields[f"note_{index}_parties"] = forms.CharField(
                label=_("Partier (förkortningar)"), required=False, max_length=200, initial=", ".join(note.parties)
            )
            self.fields[f"note_{index}_members"] = forms.CharField(
                label=_("Ledamöter"), required=False, max_length=400, initial=", ".join(note.members)
            )
            self.fields[f"note_{index}_text"] = forms.CharField(
                label=_("Text"), required=False, max_length=20_000, widget=forms.Textarea(attrs={"rows": 3}),
                initial=note.text,
            )  # fmt: skip

    @staticmethod
    def initial_from(parsed: ParsedProtocol, match: Match, source: str) -> dict:
        return {
            "reviewed": "1",
            "source": source,
            "body": match.body,
            "date": parsed.date,
            "paragraph": parsed.paragraph,
            "basis": parsed.basis,
            "motions": [str(m.pk) for m in match.adopted],
            "text": parsed.decision_text,
            "points": "\n".join(f"{p.list_marker} {p.text}" for p in parsed.points),
            "adjusted_on": parsed.adjusted_on,
        }

    def clean_points(self):
        return reviewed_points(self.cleaned_data["points"])

    def clean(self):
        data = super().clean()
        for index, vote in enumerate(self._parsed_votes):
            name = f"vote_{index}_names"
            if vote.unread_reason and data.get(name, "").strip() and not data.get(f"vote_{index}_include"):
                # The names typed for a roll call that could not be read are not dropped unasked.
                self.add_error(
                    name, _("Du har fört in en namnlista – markera ”Spara omröstning %(n)d” för att spara den.")
                    % {"n": index + 1},
                )  # fmt: skip
                continue
            if name not in data or not data.get(f"vote_{index}_include"):
                continue
            try:
                declared = {**(vote.rollcall.declared_totals if vote.rollcall else {}), **vote.declared}
                self.rollcalls[index] = rows_read(data[name], declared=declared, original=vote.rollcall)
            except forms.ValidationError as error:
                self.add_error(name, error)
        return data

    def header_rows(self, parsed: ParsedProtocol):
        """(bound field, the parse's flags for it) in the order the preview shows them."""
        flag_names = {
            "body": ["body"], "date": ["date"], "paragraph": ["paragraph", "case", "title"], "basis": ["basis"],
            "motions": ["motions"], "text": ["decision"], "points": [], "adjusted_on": ["adjusted_on"],
        }  # fmt: skip
        return [
            (self[name], [m for flag in flags for m in parsed.field_flags.get(flag, [])])
            for name, flags in flag_names.items()
        ]

    def vote_rows(self):
        """(include, proposition, names) bound fields per vote, for the template."""
        names = ("include", "proposition", "names")
        return [tuple(self[f"vote_{i}_{name}"] for name in names) for i in range(self.vote_count)]

    def note_rows(self):
        names = ("include", "kind", "parties", "members", "text")
        return [[self[f"note_{i}_{name}"] for name in names] for i in range(self.note_count)]

    def drafts(self, parsed: ParsedProtocol) -> tuple[list[VoteDraft], list[NoteDraft]]:
        data = self.cleaned_data
        votes = [
            VoteDraft(proposition=data[f"vote_{i}_proposition"], rollcall=self.rollcalls.get(i), declared=vote.declared)
            for i, vote in enumerate(parsed.votes)
            if data.get(f"vote_{i}_include")
        ]
        notes = [
            NoteDraft(
                kind=data[f"note_{i}_kind"],
                party_abbreviations=[p for p in re.split(r"[\s,]+", data[f"note_{i}_parties"]) if p],
                members=data[f"note_{i}_members"],
                text=data[f"note_{i}_text"],
            )
            for i in range(self.note_count)
            if data.get(f"note_{i}_include")
        ]
        return votes, notes


def _motion_label(motion) -> str:
    parties = ", ".join(p.abbreviation for p in motion.parties.all())
    date = motion.date.isoformat() if motion.date else ""
    return " – ".join(part for part in (motion.get_kind_display(), parties, date, motion.title) if part)
