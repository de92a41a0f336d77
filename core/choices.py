"""A select's empty choice says what choosing it means: Django's "---------" says nothing (issue 16)."""

from __future__ import annotations

from django import forms


def name_empty_choice(field: forms.Field, label) -> None:
    """Give a select's empty choice a label ("Välj nämnd", "Okänt"); add none where the field has none."""
    if isinstance(field, forms.ModelChoiceField):
        if field.empty_label is not None:
            field.empty_label = label
        return
    choices = list(field.choices)
    if choices and choices[0][0] in ("", None):
        field.choices = [("", label), *choices[1:]]
