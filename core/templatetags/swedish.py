from django import template

from core.formatting import format_file_size, format_kronor, format_number, long_date

register = template.Library()


@register.filter
def sv_number(value, decimals=0):
    return format_number(value, int(decimals))


@register.filter
def kronor(value, unit="mnkr"):
    """{{ amount_kr|kronor:"mnkr" }} -> 26,3 mnkr"""
    return format_kronor(value, unit)


@register.filter
def kronor_bare(value, unit="mnkr"):
    """The figure without its unit, for table cells under a 'Belopp i mnkr' caption."""
    return format_kronor(value, unit, suffix=False)


@register.filter
def sv_date(value):
    return long_date(value)


@register.filter
def file_size(value):
    """{{ attachment.size|file_size }} -> 1,2 MB"""
    return format_file_size(value)
