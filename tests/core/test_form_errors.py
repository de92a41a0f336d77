"""Error messages that repeat what the user sent: printable, and a long value cut."""

import pytest
from django import forms
from django.core.exceptions import ValidationError

from core.form_errors import PrintableErrorList, PrintableErrors, PrintableErrorsFormSet, echoed, printable


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a\x00b", "a\ufffdb"),
        ("\x1b[31mröd", "\ufffd[31mröd"),
        ("\x7f\x85\x9f", "\ufffd\ufffd\ufffd"),
        ("höger\u202evänster\u2066", "höger\ufffdvänster\ufffd"),
        ("rad 1\r\nrad 2\tslut", "rad 1 rad 2 slut"),
        ("Göteborg ÅÄÖ Привет 中文 👩🏽‍⚖️ e\u0301", "Göteborg ÅÄÖ Привет 中文 👩🏽‍⚖️ e\u0301"),
    ],
)
def test_printable_replaces_control_characters_and_keeps_the_rest(text, shown):
    assert printable(text) == shown


def test_an_echoed_value_is_cut_to_80_characters():
    assert echoed("x" * 80) == "x" * 80
    assert echoed("x" * 81) == "x" * 79 + "…"
    assert echoed(12) == 12


def test_the_error_list_cleans_messages_and_their_values():
    errors = PrintableErrorList(
        [
            ValidationError("Okänd status: %(value)s.", params={"value": "a\x00" + "b" * 100}),
            ValidationError("Högst %(limit)d tecken.", params={"limit": 20}),
            "Rad 3: ”\x1b”",
        ]
    )
    assert list(errors) == ["Okänd status: a\ufffd" + "b" * 77 + "….", "Högst 20 tecken.", "Rad 3: ”\ufffd”"]
    assert "\x00" not in errors.as_ul() and "\x1b" not in errors.as_text()
    assert [entry["message"] for entry in errors.get_json_data()] == list(errors)


class _Form(PrintableErrors, forms.Form):
    choice = forms.ChoiceField(choices=[("a", "A")])


def test_forms_and_formsets_use_it():
    form = _Form({"choice": "\x00"})
    assert not form.is_valid()
    assert "\x00" not in str(form.errors) and "\ufffd" in form.errors["choice"][0]
    formset = forms.formset_factory(_Form, formset=PrintableErrorsFormSet)({"form-TOTAL_FORMS": "x"})
    assert not formset.is_valid()
    assert list(formset.non_form_errors()) == ["Formuläret kom inte fram helt. Ladda om sidan och försök igen."]


@pytest.mark.parametrize(("total", "initial"), [("-1", "0"), ("0", "-1"), ("-5", "-5")])
def test_a_negative_row_count_is_refused_not_read_as_no_rows(total, initial):
    class Row(forms.Form):
        label = forms.CharField()

    formset_class = forms.formset_factory(Row, formset=PrintableErrorsFormSet, can_delete=True)
    formset = formset_class({"rader-TOTAL_FORMS": total, "rader-INITIAL_FORMS": initial}, prefix="rader")
    assert not formset.is_valid()
    assert "Ladda om sidan" in " ".join(formset.non_form_errors())


def test_a_forged_negative_row_count_deletes_no_line_of_a_statement(client, real_data, secretariat):
    from budget.models import FinancialStatement

    statement = FinancialStatement.objects.filter(lines__isnull=False).distinct().first()
    before = list(statement.lines.values_list("pk", flat=True))
    client.force_login(secretariat)
    response = client.post(
        f"/budget/redovisningar/{statement.pk}/andra/",
        {"rader-TOTAL_FORMS": "-1", "rader-INITIAL_FORMS": "0", "rader-MAX_NUM_FORMS": "1000"},
    )
    assert response.status_code == 200
    assert "Ladda om sidan" in response.content.decode()
    assert list(statement.lines.values_list("pk", flat=True)) == before
