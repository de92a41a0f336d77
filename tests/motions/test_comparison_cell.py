"""{% comparison_cell %} writes, byte for byte, what the include it replaced (motions/_cell.html)
wrote: for every cell of every shipped case's comparison, and for each status with odd text."""

from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.utils.safestring import mark_safe

from motions.comparison import Cell
from motions.models import Case

pytestmark = pytest.mark.django_db

# motions/_cell.html before the tag replaced it, naming a point by its printed label (a lettered
# motion's "a)") as every page does since points have one.
OLD_CELL = (
    "{% load i18n %}"
    '{% if cell.status == "same" %}<span class="tag tag--same">= {% translate "Oförändrad" %}</span> <span class="point-number">{% translate "punkt" %} {{ cell.point.printed_label }}</span><p>{{ cell.html }}</p>\n'  # noqa: E501
    '{% elif cell.status == "changed" %}<span class="tag tag--changed">≠ {% translate "Ändrad" %}</span> <span class="point-number">{% translate "punkt" %} {{ cell.point.printed_label }}</span><p class="diff">{{ cell.html }}</p>\n'  # noqa: E501
    '{% elif cell.status == "kept" %}<span class="tag tag--kept">↳ {% translate "Bifalls i övrigt" %}</span><p class="kept-text"><span class="visually-hidden">{% translate "Inte utskriven i yrkandet; tjänsteutlåtandets text:" %} </span>{{ cell.html }}</p>\n'  # noqa: E501
    '{% elif cell.status == "dropped" %}<span class="tag tag--dropped">✕ {% translate "Stryks" %}</span>{% if cell.merged_into %} <span class="merged">{% blocktranslate with number=cell.merged_into.printed_label %}sammanförd med yrkandets punkt {{ number }}{% endblocktranslate %}</span>{% endif %}\n'  # noqa: E501
    '{% elif cell.status == "not_addressed" %}<span class="muted">{% translate "Tar inte ställning" %}</span>\n'
    '{% elif cell.status == "new" %}<span class="tag tag--new">+ {% translate "Nytt" %}</span>{% if cell.point %} <span class="point-number">{% translate "punkt" %} {{ cell.point.printed_label }}</span>{% endif %}<p class="new-text">{{ cell.html|linebreaksbr }}</p>\n'  # noqa: E501
    '{% elif cell.status == "missing" %}{% if cell.html %}<span class="flag">{% translate "text saknas" %}</span><p class="from-minutes">{% blocktranslate with decision=cell.note %}Enligt protokollet {{ decision }}:{% endblocktranslate %} {{ cell.html|linebreaksbr }}</p>{% else %}<p class="missing-text"><span class="flag">{% translate "Texten saknas i underlaget" %}</span> {% translate "Yrkandet är bara omnämnt i protokollet; dess punkter kan inte jämföras." %}</p>{% if cell.column.motion.justification %}<p class="from-minutes">{% translate "Protokollet:" %} {{ cell.column.motion.justification }}</p>{% endif %}{% endif %}\n'  # noqa: E501
    '{% else %}<span aria-hidden="true">–</span><span class="visually-hidden">{% translate "ingen motsvarighet" %}</span>{% endif %}\n'  # noqa: E501
)
NEW_CELL = "{% load comparison_tags %}{% comparison_cell cell %}"


def _both(cell):
    context = {"cell": cell}
    return Template(NEW_CELL).render(Context(context)), Template(OLD_CELL).render(Context(context))


def test_every_cell_of_the_shipped_cases(real_data, client):
    statuses = set()
    for case in Case.objects.all():
        response = client.get(f"/arenden/{case.url_key}/jamfor/")
        if response.status_code != 200 or not response.context.get("comparison"):
            continue
        for row in response.context["comparison"].rows:
            for cell in row.cells:
                statuses.add(cell.status)
                new, old = _both(cell)
                assert new == old, (case.url_key, cell.status)
    assert len(statuses) >= 3


@pytest.mark.parametrize(
    "status", ["same", "changed", "kept", "dropped", "not_addressed", "new", "missing", "none", "", None]
)
@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("label", ["12", "a)"])
def test_each_status_with_odd_text(status, language, label):
    from django.utils import translation

    point = SimpleNamespace(number=12, printed_label=label)
    odd = "Rad ett <b>&\"'\nrad två"
    column = SimpleNamespace(motion=SimpleNamespace(justification=odd))
    cells = [
        Cell(status=status, point=point, html=odd, merged_into=point, note=odd, column=column),
        Cell(status=status, point=None, html=mark_safe("<ins>ny</ins> text"), column=column),
        Cell(status=status, html="", column=SimpleNamespace(motion=SimpleNamespace(justification=""))),
    ]
    with translation.override(language):
        for cell in cells:
            new, old = _both(cell)
            assert new == old
