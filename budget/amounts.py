"""Amounts as the city writes them ("1,1 mnkr", "13 400", "−7,1") to exact kronor, and back."""

import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.formatting import UNITS

_MINUS_SIGNS = "\u2212\u2013\u2012-"
_SPACES = " \u00a0\u202f\u2009"
_PATTERN = re.compile(r"^(?P<sign>-)?(?P<int>[0-9]+)(?:,(?P<frac>[0-9]+))?\s*(?P<unit>kr|tkr|mnkr|mkr)?$", re.I)


def parse_amount(text: str, default_unit: str = "kr") -> int:
    """'1,1 mnkr' -> 1100000; '13 400' (tkr) -> 13400000. Refuses what is not a whole number of kronor."""
    if text is None:
        raise ValidationError(_("Ange ett belopp."), code="required")
    cleaned = text.strip()
    for sign in _MINUS_SIGNS:
        cleaned = cleaned.replace(sign, "-")
    # Thousands are separated by spaces; a unit follows a space too, so only remove spaces between digits.
    cleaned = re.sub(rf"(?<=[0-9])[{_SPACES}]+(?=[0-9])", "", cleaned)
    cleaned = re.sub(rf"[{_SPACES}]+", " ", cleaned).strip()
    if cleaned.startswith("- "):
        cleaned = "-" + cleaned[2:]
    match = _PATTERN.match(cleaned)
    if not match:
        raise ValidationError(
            _("”%(value)s” är inte ett belopp. Skriv till exempel 1,1 mnkr, 13 400 tkr eller 250 000 kr."),
            code="invalid",
            params={"value": text.strip()[:40]},
        )
    unit = (match["unit"] or default_unit).lower()
    unit = "mnkr" if unit == "mkr" else unit
    try:
        value = Decimal(f"{match['int']}.{match['frac'] or '0'}") * UNITS[unit]
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only digits
        raise ValidationError(_("Beloppet kunde inte läsas."), code="invalid") from exc
    if value != value.to_integral_value():
        raise ValidationError(
            _("Beloppet blir inte ett helt antal kronor (%(value)s kr); ange färre decimaler."),
            code="fraction",
            params={"value": str(value.normalize())},
        )
    if len(str(int(value))) > 15:
        raise ValidationError(_("Beloppet är orimligt stort."), code="too_large")
    return int(value) * (-1 if match["sign"] else 1)


def parse_optional(text, default_unit: str):
    if text is None or not str(text).strip():
        return None
    return parse_amount(str(text), default_unit)
