"""Numbers and dates the Swedish way: decimal comma, space as thousands separator, real minus."""

import datetime
from decimal import ROUND_HALF_UP, Decimal

MINUS = "\u2212"
THIN_NBSP = "\u00a0"

_MONTHS = [
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
]  # fmt: skip

UNITS = {"kr": 1, "tkr": 1_000, "mnkr": 1_000_000}


def format_number(value, decimals: int = 0) -> str:
    """12345.6 -> '12 345,6' with a non-breaking space and U+2212 for minus."""
    if value is None:
        return ""
    number = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    sign = MINUS if number < 0 else ""
    number = abs(number)
    integer, _, fraction = f"{number:.{decimals}f}".partition(".")
    groups = []
    while len(integer) > 3:
        groups.insert(0, integer[-3:])
        integer = integer[:-3]
    groups.insert(0, integer)
    text = THIN_NBSP.join(groups)
    if decimals:
        text += "," + fraction
    return sign + text


def format_kronor(amount_kr, unit: str = "mnkr", decimals: int | None = None, suffix: bool = True) -> str:
    """An integer of kronor shown in the unit the city uses: 26 300 000 -> '26,3 mnkr'."""
    if amount_kr is None:
        return ""
    if decimals is None:
        decimals = {"mnkr": 1, "tkr": 0, "kr": 0}[unit]
    value = Decimal(amount_kr) / UNITS[unit]
    text = format_number(value, decimals)
    return f"{text}{THIN_NBSP}{unit}" if suffix else text


def long_date(value: datetime.date | None) -> str:
    """2024-04-24 -> '24 april 2024'."""
    if value is None:
        return ""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def format_file_size(size: int | None) -> str:
    """A file's size as Swedish sites write it (SI units): 512 byte, 840 kB, 1,2 MB."""
    if size is None:
        return ""
    if size < 1_000:
        return f"{size}{THIN_NBSP}byte"
    if size < 999_500:
        return f"{format_number(size / 1_000)}{THIN_NBSP}kB"
    return f"{format_number(size / 1_000_000, 1)}{THIN_NBSP}MB"
