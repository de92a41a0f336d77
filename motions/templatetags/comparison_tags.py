"""{% comparison_cell cell %}: one cell of the comparison (table and cards), written in Python.

It was an include (motions/_cell.html) rendered for every cell, twice (the table and the phone
cards): 292 renders on a case of five motions, most of the page's time. The tag writes the same
bytes (tests/motions/test_comparison_cell.py renders the old include and the tag side by side),
escaping every value as the template did.
"""

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.html import conditional_escape as esc
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

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
