"""{% cost_sections case %}: the cost blocks of the case page, drawn by the apps that know costs."""

from django import template
from django.template.loader import render_to_string
from django.utils.html import format_html_join

from ..costs import case_costs

register = template.Library()


@register.simple_tag(takes_context=True)
def cost_sections(context, case):
    """Each provider's section for the case (motions.costs); a fixed number of queries on a prefetched case."""
    sections = case_costs([case])[case.pk].sections
    request = context.get("request")
    return format_html_join("", "{}", ((render_to_string(s.template, s.context, request=request),) for s in sections))
