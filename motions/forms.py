from django import forms
from django.utils.translation import gettext_lazy as _

from assignments.models import Board
from core.form_errors import PrintableErrors

from .attachments import Document
from .importers import (
    MAX_DOCUMENT_BYTES,
    MAX_PDF_BYTES,
    MAX_TEXT_CHARS,
    MAX_UPLOAD_BYTES,
    ImportError_,
    check_text,
    is_pdf,
    read_document,
)
from .importers.motion import WHOLE_TEXT_KINDS, ParsedMotion
from .importers.points import ParsedPoint, review_points
from .models import Motion, Party


def reviewed_points(text: str) -> list[ParsedPoint]:
    """A preview's points box read back ("1. text" or "a) text", one a line): the points with their
    printed labels, or a ValidationError naming the first line out of order. One rule for the motion,
    the protocol extract and the TU previews."""
    read = review_points(text.splitlines())
    if isinstance(read, tuple):
        line, wanted = read
        if wanted[:-1].isdigit():
            raise forms.ValidationError(
                _("Rad %(line)d: skriv punkterna i ordning som ”%(number)d. text”.")
                % {"line": line, "number": int(wanted[:-1])}
            )
        raise forms.ValidationError(
            _("Rad %(line)d: skriv punkterna i ordning som ”%(label)s text”.") % {"line": line, "label": wanted}
        )
    return read


class TextImportForm(PrintableErrors, forms.Form):
    """Pasted text or an uploaded file (the city's PDF or UTF-8 text); the parsed result is previewed
    before it is saved."""

    text = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 16, "spellcheck": "false"}),
        required=False,
        strip=False,
        max_length=MAX_TEXT_CHARS,
        error_messages={"max_length": _("Texten är för lång (högst %(limit_value)d tecken).")},
    )
    file = forms.FileField(label=_("eller en fil (PDF eller text i UTF-8)"), required=False)
    # The name pasted text is kept under as the case's attachment.
    pasted_filename = "text.txt"

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        try:
            if upload:
                data = upload.read(MAX_DOCUMENT_BYTES + 1)
                if getattr(upload, "is_pdf", False) or (is_pdf(data) and len(data) > MAX_PDF_BYTES):
                    raise ImportError_(
                        _("PDF-filen är för stor (högst %(mb)d MB).") % {"mb": MAX_PDF_BYTES // (1024 * 1024)}
                    )
                if not is_pdf(data) and upload.size > MAX_UPLOAD_BYTES:
                    raise ImportError_(_("Filen är för stor (högst %(max)d tecken).") % {"max": MAX_TEXT_CHARS})
                cleaned["text"], cleaned["pages"] = read_document(data)
                cleaned["document"] = Document(data=data, filename=upload.name or "")
            elif cleaned.get("text", "").strip():
                cleaned["text"] = check_text(cleaned["text"])
                cleaned["document"] = Document.from_text(cleaned["text"], str(self.pasted_filename))
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


class MotionImportForm(TextImportForm):
    pasted_filename = _("yrkande.txt")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = _("Yrkandets text")


class RollCallImportForm(TextImportForm):
    pasted_filename = _("omröstningslista.txt")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = _("Omröstningslistans text")

    proposition = forms.CharField(
        label=_("Voteringsproposition"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Skriv voteringspropositionen, t.ex. ”Ja för bifall och Nej för avslag”.")},
    )


class MotionReviewForm(PrintableErrors, forms.Form):
    """What the parse read, field by field, for the secretariat to correct before anything is saved."""

    reviewed = forms.CharField(widget=forms.HiddenInput, initial="1")
    kind = forms.ChoiceField(label=_("Typ"), choices=Motion.Kind.choices)
    is_revised = forms.BooleanField(label=_("Reviderat"), required=False)
    title = forms.CharField(label=_("Rubrik"), max_length=400)
    body = forms.ModelChoiceField(label=_("Organ"), queryset=Board.objects.order_by("name"), required=False)
    date = forms.DateField(label=_("Datum"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    parties = forms.ModelMultipleChoiceField(
        label=_("Partier"), queryset=Party.objects.order_by("abbreviation"), required=False
    )
    # The parties' ids in the order the document prints them ("V, S, MP"): the list above is
    # alphabetical, and a party added in the review comes after the printed ones.
    party_order = forms.CharField(widget=forms.HiddenInput, required=False, max_length=2000)
    # The unnumbered text above the points, which they complete ("Ärendet återremitteras … för att").
    lead_in = forms.CharField(
        label=_("Inledning före punkterna"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2000,
    )
    points = forms.CharField(
        label=_("Beslutspunkter (en per rad: ”1. text”, eller ”a) text” när handlingen har bokstäver)"),
        widget=forms.Textarea(attrs={"rows": 10}),
        required=False,
        max_length=MAX_TEXT_CHARS,
    )
    approves_rest = forms.BooleanField(label=_("Bifaller i övrigt tjänsteutlåtandet"), required=False)
    approves_rest_wording = forms.CharField(label=_("Lydelse"), max_length=300, required=False)
    justification = forms.CharField(
        label=_("Yrkandet / yttrandets text"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        max_length=MAX_TEXT_CHARS,
    )
    flags = forms.CharField(widget=forms.HiddenInput, required=False, max_length=20_000)
    # The uploaded document, kept for this review (motions.attachments.document_stage).
    document = forms.CharField(widget=forms.HiddenInput, required=False, max_length=2_000)

    @classmethod
    def initial_from(cls, parsed) -> dict:
        return {
            "reviewed": "1",
            "kind": parsed.kind,
            "is_revised": parsed.is_revised,
            "title": parsed.title[:400],
            "body": parsed.body,
            "date": parsed.date,
            "parties": parsed.parties,
            "party_order": ",".join(str(party.pk) for party in parsed.parties),
            "lead_in": parsed.lead_in,
            "points": "\n".join(f"{p.list_marker} {p.text}" for p in parsed.points),
            "approves_rest": parsed.approves_rest,
            "approves_rest_wording": parsed.approves_rest_wording,
            "justification": parsed.justification,
            "flags": "\n".join(parsed.flags),
        }

    def clean_points(self):
        return reviewed_points(self.cleaned_data["points"])

    def clean_party_order(self) -> list[int]:
        return [int(value) for value in self.cleaned_data["party_order"].split(",") if value.strip().isdigit()]

    def clean_parties(self) -> list:
        return list(self.cleaned_data["parties"])

    def printed_parties(self) -> str:
        """The parties as they will be saved, in the printed order ("V, S, MP"), for the preview."""
        parties = getattr(self, "cleaned_data", {}).get("parties") if self.is_bound else self.initial.get("parties")
        return ", ".join(party.abbreviation for party in parties or [])

    def clean(self):
        cleaned = super().clean()
        if "parties" in cleaned:  # the printed ones in their order, one added in the review after them
            position = {pk: index for index, pk in enumerate(cleaned.get("party_order") or [])}
            cleaned["parties"].sort(key=lambda party: position.get(party.pk, len(position)))
        proposes = cleaned.get("kind") not in WHOLE_TEXT_KINDS
        if proposes and not cleaned.get("points") and not cleaned.get("approves_rest") and "points" not in self.errors:
            self.add_error("points", _("Ett yrkande behöver minst en beslutspunkt."))
        return cleaned

    def parsed(self) -> ParsedMotion:
        data = self.cleaned_data
        parsed = ParsedMotion(kind=data["kind"], title=data["title"])
        parsed.is_revised = data["is_revised"]
        parsed.body = data["body"]
        parsed.date = data["date"]
        parsed.parties = list(data["parties"])
        proposes = data["kind"] not in WHOLE_TEXT_KINDS
        parsed.points = data["points"] if proposes else []
        # A lead-in belongs to the points; a yttrande keeps its whole text and has none.
        parsed.lead_in = " ".join(data["lead_in"].split()) if proposes else ""
        parsed.approves_rest = data["approves_rest"]
        parsed.approves_rest_wording = data["approves_rest_wording"] if data["approves_rest"] else ""
        parsed.justification = data["justification"]
        parsed.flags = [f for f in data["flags"].splitlines() if f.strip()]
        return parsed
