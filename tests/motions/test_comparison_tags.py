"""{% comparison_parties %}, {% comparison_column_heading %} and {% comparison_cost %} write, byte
for byte, what the includes they replaced wrote (motions/_parties.html, _column_heading.html and
_cost.html as they were): for every column of every shipped case's comparison, and for each branch
with odd text, in Swedish and English."""

from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.utils import translation

from motions.costs import Cost
from motions.models import Case

pytestmark = pytest.mark.django_db

# motions/_parties.html (the case page still includes it).
OLD_PARTIES = '{% load i18n %}{% for party in parties %}<abbr class="party" title="{{ party.name }}" style="background: {{ party.colour }}; color: {{ party.text_colour }};">{{ party.abbreviation }}</abbr>{% if not forloop.last %} {% endif %}{% empty %}<span class="flag">{% translate "parti saknas" %}</span>{% endfor %}\n'  # noqa: E501

# motions/_column_heading.html before the tag replaced it (including OLD_PARTIES as it included _parties.html).
OLD_COLUMN_HEADING = (
    '{% load i18n %}{% if column.parties %}<span class="column-parties">{% include old_parties with parties=column.parties %}</span>{% endif %}\n'  # noqa: E501
    '<span class="column-name">{{ column.name.label }}{% if column.motion.is_revised %} ({% translate "reviderat" %}){% endif %}</span>\n'  # noqa: E501
    '{% for decision in column.adopted_in %}<span class="tag tag--adopted">✔ {% blocktranslate with decision=decision %}Bifallet {{ decision }}{% endblocktranslate %}</span>{% endfor %}\n'  # noqa: E501
    '<span class="column-note">{% if column.has_text %}{% blocktranslate count counter=column.point_count %}{{ counter }} punkt{% plural %}{{ counter }} punkter{% endblocktranslate %}{% if column.motion.approves_rest %}, {% translate "i övrigt bifall till tjänsteutlåtandet" %}{% endif %}{% else %}{% translate "Texten saknas i underlaget" %}{% endif %}</span>\n'  # noqa: E501
)

# motions/_cost.html before the tag replaced it.
OLD_COST = (
    '{% load i18n swedish %}{% if cost is None %}<span class="flag">{% translate "okänd (text saknas)" %}</span>{% elif not cost.count %}<span class="muted">{% translate "Ingen kostnadsberäkning" %}</span>{% else %}\n'  # noqa: E501
    '<dl class="cost">\n'  # noqa: E501
    '  <dt>{% translate "Engångskostnad" %}</dt><dd>{{ cost.one_off|kronor:"mnkr" }}</dd>\n'  # noqa: E501
    '  <dt>{% translate "Per år" %}</dt><dd>{{ cost.yearly|kronor:"mnkr" }}</dd>\n'  # noqa: E501
    "</dl>\n"  # noqa: E501
    '{% if cost.unknown %}<p class="cost-note">{% blocktranslate count counter=cost.unknown %}+ {{ counter }} beräkning utan belopp{% plural %}+ {{ counter }} beräkningar utan belopp{% endblocktranslate %}</p>{% endif %}\n'  # noqa: E501
    '{% if cost.from_proposal %}<p class="cost-note">{% blocktranslate count counter=cost.from_proposal %}varav {{ counter }} beräkning ur tjänsteutlåtandet (oförändrade och i övrigt bifallna punkter){% plural %}varav {{ counter }} beräkningar ur tjänsteutlåtandet (oförändrade och i övrigt bifallna punkter){% endblocktranslate %}</p>{% endif %}\n'  # noqa: E501
    '{% if cost_url %}<p class="cost-note no-print"><a href="{{ cost_url }}">{% translate "Beräkningarna" %}<span class="visually-hidden"> – {{ cost_label }}</span></a></p>{% endif %}\n'  # noqa: E501
    "{% endif %}\n"  # noqa: E501
)


def _render(source, **context):
    return Template(source).render(Context({"old_parties": Template(OLD_PARTIES), **context}))


def _check_column(column):
    old = _render(OLD_COLUMN_HEADING, column=column)
    assert _render("{% load comparison_tags %}{% comparison_column_heading column %}", column=column) == old
    old = _render(OLD_PARTIES, parties=column.parties)
    assert _render("{% load comparison_tags %}{% comparison_parties column.parties %}", column=column) == old
    _check_cost(column.cost, column.cost_url, column.name.label)


def _check_cost(cost, cost_url, cost_label):
    context = {"cost": cost, "cost_url": cost_url, "cost_label": cost_label}
    new = _render("{% load comparison_tags %}{% comparison_cost cost cost_url cost_label %}", **context)
    assert new == _render(OLD_COST, **context)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_column_of_the_shipped_cases(real_data, client, language):
    checked = 0
    for case in Case.objects.all():
        response = client.get(f"/arenden/{case.url_key}/jamfor/", HTTP_ACCEPT_LANGUAGE=language)
        comparison = response.context["comparison"]
        with translation.override(language):
            for column in comparison.columns:
                _check_column(column)
                checked += 1
            _check_cost(comparison.proposal_cost, comparison.proposal_cost_url, "Tjänsteutlåtandet")
            for outcome in comparison.outcomes:
                for note in outcome.decision.notes.all():
                    old = _render(OLD_PARTIES, parties=note.parties.all())
                    new = _render(
                        "{% load comparison_tags %}{% comparison_parties parties %}", parties=note.parties.all()
                    )
                    assert new == old
    assert checked >= 6


ODD = "Rad <b>&\"' ett"


def _party(abbreviation, colour="#E8112D"):
    return SimpleNamespace(name=ODD, colour=colour, text_colour=f"{colour}<", abbreviation=abbreviation)


class _Decision:
    def __str__(self):
        return ODD


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("parties", [[], [_party("S")], [_party("V"), _party("<S&>", "#fff")]])
@pytest.mark.parametrize(
    "has_text, revised, approves_rest, points",
    [(True, True, True, 1), (True, False, False, 7), (False, True, False, 0)],
)
@pytest.mark.parametrize("adopted_in", [[], [_Decision(), _Decision()]])
def test_each_branch_of_a_column_with_odd_text(language, parties, has_text, revised, approves_rest, points, adopted_in):
    column = SimpleNamespace(
        parties=parties,
        name=SimpleNamespace(label=ODD),
        motion=SimpleNamespace(is_revised=revised, approves_rest=approves_rest),
        adopted_in=adopted_in,
        has_text=has_text,
        point_count=points,
        cost=None,
        cost_url="",
    )
    with translation.override(language):
        _check_column(column)


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize(
    "cost",
    [
        None,
        Cost(),
        Cost(one_off=26_300_000, yearly=0, count=1),
        Cost(one_off=-1_250_000, yearly=13_400_000, unknown=1, count=3, from_proposal=1),
        Cost(one_off=0, yearly=1_000_000_000, unknown=2, count=5, from_proposal=3),
    ],
)
@pytest.mark.parametrize("cost_url", ["", "/ekonomi/arenden/x/?a=1&b=<2>#motion-3"])
def test_each_branch_of_a_cost_with_odd_text(language, cost, cost_url):
    with translation.override(language):
        _check_cost(cost, cost_url, ODD)
