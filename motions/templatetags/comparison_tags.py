"""The comparison's repeated parts, written in Python: {% comparison_cell cell %} (one cell of the
table and the cards), {% comparison_parties parties %}, {% comparison_column_heading column %} and
{% comparison_cost cost cost_url cost_label %}.

Each was an include rendered for every cell or column, several times over (the table, the phone
cards, the picker): on a case of five motions most of the page's time. The tags write the same bytes
as the includes they replace (tests/motions/test_comparison_cell.py and test_comparison_tags.py render
the old includes and the tags side by side), escaping every value as the template did and
translating the same messages. motions/_parties.html stays for the case page.
"""

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.formats import localize
from django.utils.html import conditional_escape as esc
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

from core.formatting import format_kronor

register = template.Library()


def _t(text: str) -> str:
    # As {% translate %} does: a translation is the project's own text and is not escaped.
    return gettext(text)


def _number(cell) -> str:
    return f'<span class="point-number">{_t("punkt")} {esc(getattr(cell.point, "printed_label", ""))}</span>'


def _cell(cell) -> str:
    status = cell.status
    if status == "same":
        return f'<span class="tag tag--same">= {_t("Oförändrad")}</span> {_number(cell)}<p>{esc(cell.html)}</p>\n'
    if status == "changed":
        tag = f'<span class="tag tag--changed">≠ {_t("Ändrad")}</span>'
        return f'{tag} {_number(cell)}<p class="diff">{esc(cell.html)}</p>\n'
    if status == "kept":
        hidden = _t("Inte utskriven i yrkandet; tjänsteutlåtandets text:")
        return (
            f'<span class="tag tag--kept">↳ {_t("Bifalls i övrigt")}</span><p class="kept-text">'
            f'<span class="visually-hidden">{hidden} </span>{esc(cell.html)}</p>\n'
        )
    if status == "dropped":
        html = f'<span class="tag tag--dropped">✕ {_t("Stryks")}</span>'
        if cell.merged_into:
            merged = gettext("sammanförd med yrkandets punkt %(number)s") % {
                "number": esc(cell.merged_into.printed_label)
            }
            html += f' <span class="merged">{merged}</span>'
        return html + "\n"
    if status == "not_addressed":
        return f'<span class="muted">{_t("Tar inte ställning")}</span>\n'
    if status == "new":
        html = f'<span class="tag tag--new">+ {_t("Nytt")}</span>'
        if cell.point:
            html += f" {_number(cell)}"
        return html + f'<p class="new-text">{linebreaksbr(cell.html, autoescape=True)}</p>\n'
    if status == "missing":
        if cell.html:
            according = gettext("Enligt protokollet %(decision)s:") % {"decision": esc(cell.note)}
            return (
                f'<span class="flag">{_t("text saknas")}</span><p class="from-minutes">{according} '
                f"{linebreaksbr(cell.html, autoescape=True)}</p>\n"
            )
        html = (
            f'<p class="missing-text"><span class="flag">{_t("Texten saknas i underlaget")}</span> '
            f"{_t('Yrkandet är bara omnämnt i protokollet; dess punkter kan inte jämföras.')}</p>"
        )
        justification = cell.column.motion.justification
        if justification:
            html += f'<p class="from-minutes">{_t("Protokollet:")} {esc(justification)}</p>'
        return html + "\n"
    return f'<span aria-hidden="true">–</span><span class="visually-hidden">{_t("ingen motsvarighet")}</span>'


@register.simple_tag
def comparison_cell(cell):
    return mark_safe(_cell(cell) + "\n")  # noqa: S308 - every value is escaped above


@register.simple_tag
def comparison_row_cells(row):
    """The table's cells of one row, as the loop in motions/_comparison_table.html wrote them."""
    html = []
    for cell in row.cells:
        if cell.covered:
            continue
        adopted = " cell--adopted" if cell.column is not None and cell.column.adopted else ""
        rowspan = f' rowspan="{_value(cell.rowspan)}"' if cell.rowspan > 1 else ""
        colspan = f' colspan="{_value(cell.colspan)}"' if cell.colspan > 1 else ""
        html.append(f'<td class="cell cell--{esc(cell.status)}{adopted}"{rowspan}{colspan}>{_cell(cell)}\n</td>')
    return mark_safe("".join(html))  # noqa: S308 - every value is escaped above


def _on_card(cell) -> bool:
    # As the cards' {% if cell.status != "blank" and cell.column.has_text or cell.status == "missing" and cell.html %}
    column = cell.column
    has_text = column is not None and column.has_text
    return (cell.status != "blank" and has_text) or (cell.status == "missing" and bool(cell.html))


@register.simple_tag
def comparison_card_cells(row):
    """The phone cards' motions of one row, as the loop in motions/_comparison_cards.html wrote them."""
    html = []
    for cell in row.cells:
        if not _on_card(cell):
            continue
        column = cell.column
        adopted = column is not None and column.adopted
        parties = getattr(column, "parties", None)
        who = f"{_parties(parties)} " if parties else ""
        who += esc(_label(column))
        if adopted:
            who += f' <span class="tag tag--adopted">✔ {_t("Bifallet")}</span>'
        html.append(
            f'\n      <li class="card-motion cell--{esc(cell.status)}{" cell--adopted" if adopted else ""}">\n'
            f'        <p class="card-who">{who}</p>\n'
            f"        {_cell(cell)}\n\n      </li>\n    "
        )
    return mark_safe("".join(html))  # noqa: S308 - every value is escaped above


def _label(column):
    # As {{ cell.column.name.label }}: nothing when there is no column, a label as printed otherwise.
    try:
        label = column.name.label
    except AttributeError:
        return ""
    return localize(label)


def _value(value) -> str:
    # As {{ value }} in a template: localised, then escaped.
    return esc(localize(value))


def _count(singular: str, plural: str, count: int) -> str:
    # As {% blocktranslate count counter=… %}: the message is the project's own, the number is a value.
    return ngettext(singular, plural, count) % {"counter": _value(count)}


def _parties(parties) -> str:
    """As motions/_parties.html writes it."""
    html = " ".join(
        f'<abbr class="party" title="{esc(party.name)}" style="background: {esc(party.colour)}; '
        f'color: {esc(party.text_colour)};">{esc(party.abbreviation)}</abbr>'
        for party in parties
    )
    return (html or f'<span class="flag">{_t("parti saknas")}</span>') + "\n"


@register.simple_tag
def comparison_parties(parties):
    return mark_safe(_parties(parties))  # noqa: S308 - every value is escaped above


@register.simple_tag
def comparison_column_heading(column):
    """As motions/_column_heading.html wrote it."""
    html = f'<span class="column-parties">{_parties(column.parties)}</span>' if column.parties else ""
    revised = f" ({_t('reviderat')})" if column.motion.is_revised else ""
    html += f'\n<span class="column-name">{esc(column.name.label)}{revised}</span>\n'
    for decision in column.adopted_in:
        adopted = gettext("Bifallet %(decision)s") % {"decision": _value(decision)}
        html += f'<span class="tag tag--adopted">✔ {adopted}</span>'
    if column.has_text:
        note = _count("%(counter)s punkt", "%(counter)s punkter", column.point_count)
        if column.motion.approves_rest:
            note += f", {_t('i övrigt bifall till tjänsteutlåtandet')}"
    else:
        note = _t("Texten saknas i underlaget")
    return mark_safe(f'{html}\n<span class="column-note">{note}</span>\n')  # noqa: S308 - escaped above


@register.simple_tag
def comparison_cost(cost, cost_url, cost_label):
    """As motions/_cost.html wrote it."""
    if cost is None:
        return mark_safe(f'<span class="flag">{_t("okänd (text saknas)")}</span>\n')  # noqa: S308 - constant
    if not cost.count:
        return mark_safe(f'<span class="muted">{_t("Ingen kostnadsberäkning")}</span>\n')  # noqa: S308 - constant
    html = (
        f'\n<dl class="cost">\n  <dt>{_t("Engångskostnad")}</dt><dd>{esc(format_kronor(cost.one_off, "mnkr"))}</dd>\n'
        f"  <dt>{_t('Per år')}</dt><dd>{esc(format_kronor(cost.yearly, 'mnkr'))}</dd>\n</dl>\n"
    )
    if cost.unknown:
        unknown = _count("+ %(counter)s beräkning utan belopp", "+ %(counter)s beräkningar utan belopp", cost.unknown)
        html += f'<p class="cost-note">{unknown}</p>'
    html += "\n"
    if cost.from_proposal:
        inherited = _count(
            "varav %(counter)s beräkning ur tjänsteutlåtandet (oförändrade och i övrigt bifallna punkter)",
            "varav %(counter)s beräkningar ur tjänsteutlåtandet (oförändrade och i övrigt bifallna punkter)",
            cost.from_proposal,
        )
        html += f'<p class="cost-note">{inherited}</p>'
    html += "\n"
    if cost_url:
        html += (
            f'<p class="cost-note no-print"><a href="{esc(cost_url)}">{_t("Beräkningarna")}'
            f'<span class="visually-hidden"> – {esc(cost_label)}</span></a></p>'
        )
    return mark_safe(html + "\n\n")  # noqa: S308 - every value is escaped above
