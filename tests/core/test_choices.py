from django import forms

from assignments.models import Board
from core.choices import name_empty_choice


class Example(forms.Form):
    kind = forms.ChoiceField(choices=[("", "---------"), ("a", "A")], required=False)
    required_kind = forms.ChoiceField(choices=[("a", "A"), ("b", "B")])
    board = forms.ModelChoiceField(queryset=Board.objects.none())
    preselected_board = forms.ModelChoiceField(queryset=Board.objects.none(), empty_label=None)


def test_the_empty_choice_gets_a_label_and_nothing_else_changes():
    form = Example()
    name_empty_choice(form.fields["kind"], "Okänt")
    name_empty_choice(form.fields["required_kind"], "Välj")
    name_empty_choice(form.fields["board"], "Välj nämnd")
    name_empty_choice(form.fields["preselected_board"], "Välj nämnd")
    assert list(form.fields["kind"].choices) == [("", "Okänt"), ("a", "A")]
    assert list(form.fields["required_kind"].choices) == [("a", "A"), ("b", "B")]  # no empty choice is added
    assert form.fields["board"].empty_label == "Välj nämnd"
    assert form.fields["preselected_board"].empty_label is None
    assert "---------" not in str(form)
