"""The roll-call rows of the protocol review as editable text, one member a line ("Namn; Parti; Ja"),
read back into a ParsedRollCall with the declared counts checked again on what was typed."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _

from .importers import ParsedRollCall
from .importers.rollcall import MAX_NAME, RollCallRow
from .models import VoteRecord

KEYS = ("ja", "nej", "avstar", "franvarande")
RESULTS = {str(label).lower(): value for value, label in VoteRecord.Result.choices} | {value: value for value in KEYS}


def rows_text(rollcall: ParsedRollCall | None) -> str:
    if rollcall is None:
        return ""
    labels = dict(VoteRecord.Result.choices)
    return "\n".join(f"{r.name}; {r.party}; {labels[r.result]}" for r in rollcall.rows)


def rows_read(text: str, *, declared: dict[str, int], original: ParsedRollCall | None) -> ParsedRollCall | None:
    """The typed rows as a roll call (seat and role kept from the parse for a name it read), or None when
    no name is given; a ValidationError in Swedish naming the line otherwise."""
    known = {r.name.lower(): r for r in (original.rows if original else [])}
    rows: list[RollCallRow] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        parts = [" ".join(p.split()) for p in raw.split(";")]
        if len(parts) != 3 or not all(parts):
            raise forms.ValidationError(
                _("Rad %(line)d: skriv ”Namn; Parti; Ja” (Ja, Nej, Avstår eller Frånvarande).") % {"line": number}
            )
        name, party, result_text = parts
        result = RESULTS.get(result_text.lower())
        if result is None:
            raise forms.ValidationError(
                _("Rad %(line)d: okänt resultat ”%(value)s” (Ja, Nej, Avstår eller Frånvarande).")
                % {"line": number, "value": result_text[:40]}
            )
        if len(name) > MAX_NAME or len(party) > 20:
            raise forms.ValidationError(
                _("Rad %(line)d: namnet får vara högst %(max)d tecken.") % {"line": number, "max": MAX_NAME}
            )
        if name.lower() in seen:
            raise forms.ValidationError(
                _("Rad %(line)d: %(name)s står redan på rad %(other)d.")
                % {"line": number, "name": name, "other": seen[name.lower()]}
            )
        seen[name.lower()] = number
        before = known.get(name.lower())
        rows.append(
            RollCallRow(
                name=name,
                party=party,
                seat=before.seat if before else None,
                role=before.role if before else "",
                result=result,
                line=number,
            )
        )
    if not rows:
        return None
    totals = {key: sum(1 for r in rows if r.result == key) for key in KEYS}
    labels = dict(VoteRecord.Result.choices)
    for key, count in declared.items():
        if totals[key] != count:
            raise forms.ValidationError(
                _("Protokollet anger %(declared)d %(what)s men namnlistan har %(counted)d.")
                % {"declared": count, "what": str(labels[key]).lower(), "counted": totals[key]}
            )
    return ParsedRollCall(rows=rows, totals=totals, declared_totals=dict(declared))
