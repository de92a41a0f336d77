"""{% comparison_row_cells %} and {% comparison_card_cells %} write, byte for byte, what the loops they
replaced in motions/_comparison_table.html and _comparison_cards.html wrote (issue 18: the page built
afresh spent most of its time in those loops): for every row of every shipped case's comparison, in
every way of choosing the motions, and for each branch with odd text, in Swedish and English."""

from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.safestring import mark_safe

from motions.comparison import Cell, Row
from motions.models import Case

pytestmark = pytest.mark.django_db

# The loop of motions/_comparison_table.html before the tag replaced it.
OLD_TABLE_CELLS = (
    "{% load comparison_tags %}"
    '{% for cell in row.cells %}{% if not cell.covered %}<td class="cell cell--{{ cell.status }}{% if cell.column.adopted %} cell--adopted{% endif %}"{% if cell.rowspan > 1 %} rowspan="{{ cell.rowspan }}"{% endif %}{% if cell.colspan > 1 %} colspan="{{ cell.colspan }}"{% endif %}>{% comparison_cell cell %}</td>{% endif %}{% endfor %}'  # noqa: E501
)
# The loop of motions/_comparison_cards.html before the tag replaced it.
OLD_CARD_CELLS = (
    "{% load i18n comparison_tags %}"
    '{% for cell in row.cells %}{% if cell.status != "blank" and cell.column.has_text or cell.status == "missing" and cell.html %}\n'  # noqa: E501
    '      <li class="card-motion cell--{{ cell.status }}{% if cell.column.adopted %} cell--adopted{% endif %}">\n'
    '        <p class="card-who">{% if cell.column.parties %}{% comparison_parties cell.column.parties %} {% endif %}{{ cell.column.name.label }}{% if cell.column.adopted %} <span class="tag tag--adopted">✔ {% translate "Bifallet" %}</span>{% endif %}</p>\n'  # noqa: E501
    "        {% comparison_cell cell %}\n"
    "      </li>\n"
    "    {% endif %}{% endfor %}"
)


def _render(source, row):
    return Template(source).render(Context({"row": row}))


def _check(row):
    assert _render("{% load comparison_tags %}{% comparison_row_cells row %}", row) == _render(OLD_TABLE_CELLS, row)
    assert _render("{% load comparison_tags %}{% comparison_card_cells row %}", row) == _render(OLD_CARD_CELLS, row)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_row_of_the_shipped_cases(real_data, client, language):
    checked = statuses = 0
    seen = set()
    for case in Case.objects.all():
        for query in ("", "?skillnader=1", "?urval=1"):
            response = client.get(f"/arenden/{case.url_key}/jamfor/{query}", HTTP_ACCEPT_LANGUAGE=language)
            comparison = response.context["comparison"]
            with translation.override(language):
                for row in comparison.rows:
                    _check(row)
                    checked += 1
                    seen.update(cell.status for cell in row.cells)
    statuses = len(seen)
    assert checked >= 20
    assert statuses >= 3


def _column(*, adopted=False, has_text=True, parties=(), label="S-yrkande <1>", justification=""):
    party = SimpleNamespace(name='Parti "A" & co', colour="#e8112d", text_colour="#000000", abbreviation="S<")
    return SimpleNamespace(
        adopted=adopted,
        has_text=has_text,
        parties=[party] * parties if isinstance(parties, int) else list(parties),
        name=SimpleNamespace(label=label),
        motion=SimpleNamespace(justification=justification),
    )


@pytest.mark.parametrize("language", ["sv", "en"])
def test_each_branch_with_odd_text(language):
    odd = "Rad ett <b>&\"'\nrad två"
    point = SimpleNamespace(number=3, printed_label="a)")
    columns = [
        _column(),
        _column(adopted=True, parties=2),
        _column(has_text=False, justification=odd),
        _column(label=None, parties=1),
        _column(label=odd, adopted=True),
        None,
    ]
    statuses = ["same", "changed", "kept", "dropped", "not_addressed", "new", "missing", "blank", "", None]
    cells = []
    for index, status in enumerate(statuses):
        for column in columns:
            if column is None and status == "missing":
                continue  # a missing cell always has its column ({% comparison_cell %} reads its motion)
            for html in (odd, mark_safe("<ins>ny</ins>"), ""):
                cells.append(
                    Cell(
                        status=status,
                        point=point if index % 2 else None,
                        html=html,
                        merged_into=point,
                        note=odd,
                        rowspan=1 + index % 3,
                        colspan=1 + (index + 1) % 3,
                        covered=index % 4 == 3,
                        column=column,
                    )
                )
    with translation.override(language):
        for start in range(0, len(cells), 7):
            _check(Row(kind="point", cells=cells[start : start + 7]))
        _check(Row(kind="new", cells=[]))
