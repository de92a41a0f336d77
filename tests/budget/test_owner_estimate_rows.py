"""{% owner_estimate_rows %} writes, byte for byte, what the loop it replaced in budget/_owner_costs.html
wrote (issue 18: the cost page built afresh spent most of its time there): for every proposal and
motion of the shipped cases and of scale data, with and without the right to edit, and for each branch
with odd text, in Swedish and English."""

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.template import Context, Template
from django.test import override_settings
from django.utils import translation

from assignments.models import Board
from benchmarks import scale
from budget.models import CostEstimate
from motions.models import Case

pytestmark = pytest.mark.django_db

# The estimates table's rows in budget/_owner_costs.html before the tag replaced them.
OLD_ROWS = "{% load i18n swedish %}" + (
    "    {% for line in owner.lines %}\n"  # noqa: E501
    "      {% for estimate in line.estimates %}\n"  # noqa: E501
    "      <tr>\n"  # noqa: E501
    '        {% if forloop.first %}<th scope="row" rowspan="{{ line.estimates|length }}">{% translate "punkt" %} {{ line.point.printed_label }}{% if line.inherited_from %}<br><span class="muted">{% blocktranslate with number=line.inherited_from.printed_label %}ur tjänsteutlåtandets punkt {{ number }}{% endblocktranslate %}</span>{% endif %}{% if can_edit %}<br><a class="no-print" href="{% url \'budget:point_costs\' case.url_key line.point.pk %}">{% translate "Ändra" %}<span class="visually-hidden"> {% translate "punkt" %} {{ line.point.printed_label }}</span></a>{% endif %}</th>{% endif %}\n'  # noqa: E501
    "        <td>{{ estimate.board.name }}</td>\n"  # noqa: E501
    '        <td class="num">{% if estimate.amount_kr is None %}<span class="flag">{% translate "belopp saknas" %}</span>{% else %}{{ estimate.amount_kr|kronor:"mnkr" }}{% endif %}</td>\n'  # noqa: E501
    '        <td>{{ estimate.get_recurrence_display|default:"–" }}</td>\n'  # noqa: E501
    '        <td class="identifier">{% if estimate.first_year %}{{ estimate.first_year }}{% if estimate.last_year and estimate.last_year != estimate.first_year %}–{{ estimate.last_year }}{% endif %}{% else %}–{% endif %}</td>\n'  # noqa: E501
    '        <td class="note">{{ estimate.note }}</td>\n'  # noqa: E501
    "      </tr>\n"  # noqa: E501
    "      {% empty %}\n"  # noqa: E501
    "      <tr>\n"  # noqa: E501
    '        <th scope="row">{% translate "punkt" %} {{ line.point.printed_label }}{% if can_edit %}<br><a class="no-print" href="{% url \'budget:point_costs\' case.url_key line.point.pk %}">{% translate "Lägg till" %}<span class="visually-hidden"> {% translate "kostnad för punkt" %} {{ line.point.printed_label }}</span></a>{% endif %}</th>\n'  # noqa: E501
    '        <td colspan="5" class="muted">{% translate "Ingen kostnadsberäkning" %}</td>\n'  # noqa: E501
    "      </tr>\n"  # noqa: E501
    "      {% endfor %}\n"  # noqa: E501
    "    {% endfor %}\n"  # noqa: E501
)
NEW_ROWS = "{% load budget_tags %}    {% owner_estimate_rows owner case can_edit %}\n"


def _check(owner, case, can_edit):
    context = {"owner": owner, "case": case, "can_edit": can_edit}
    new = Template(NEW_ROWS).render(Context(context))
    assert new == Template(OLD_ROWS).render(Context(context))
    return new


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_owner_of_the_shipped_cases_and_of_scale_data(real_data, client, language):
    scale.seed_scale(0.01, seed=11)
    client.force_login(get_user_model().objects.create_superuser("kostnad", "k@example.invalid", "x"))
    rows = 0
    with override_settings(FRAGMENT_CACHE=False):
        for case in Case.objects.all():
            response = client.get(f"/budget/arenden/{case.url_key}/", HTTP_ACCEPT_LANGUAGE=language)
            assert response.status_code == 200
            with translation.override(language):
                for owner in response.context["owners"]:
                    for can_edit in (True, False, ""):
                        _check(owner, case, can_edit)
                    rows += sum(len(line.estimates) or 1 for line in owner.lines)
    assert rows >= 50


def _estimate(**fields):
    values = {
        "amount_kr": 1_250_000,
        "first_year": 2031,
        "last_year": 2033,
        "note": "Not <b>&\"'",
        "board": Board(name="Nämnd <&>"),
        "recurrence": "yearly",
    }
    return CostEstimate(**(values | fields))


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("label", ["12", "a) <i>"])
def test_each_branch_with_odd_text(language, label):
    point = SimpleNamespace(pk=7, printed_label=label)
    source = SimpleNamespace(pk=3, printed_label="2 <&>")
    estimates = [
        _estimate(),
        _estimate(amount_kr=None, recurrence=""),
        _estimate(recurrence="one_off"),
        _estimate(recurrence="okänd <typ>"),  # a value outside the choices is shown as it is
        _estimate(first_year=None),
        _estimate(last_year=None),
        _estimate(last_year=2031, amount_kr=0),
        _estimate(amount_kr=-40_000, note=""),
    ]
    lines = [
        SimpleNamespace(point=point, estimates=estimates, inherited_from=None),
        SimpleNamespace(point=point, estimates=estimates[:1], inherited_from=source),
        SimpleNamespace(point=point, estimates=[], inherited_from=source),
        SimpleNamespace(point=point, estimates=[], inherited_from=None),
    ]
    case = SimpleNamespace(url_key="SLK-2031-00001")
    with translation.override(language):
        for can_edit in (True, False):
            html = _check(SimpleNamespace(lines=lines), case, can_edit)
            assert ("/punkter/7/" in html) is can_edit
        assert _check(SimpleNamespace(lines=[]), case, True) == "    \n"
