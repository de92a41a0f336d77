"""Formats of the city's identifiers, shared by model constraints and forms."""

import re

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

DNR_PATTERN = r"^[0-9]{4}/[0-9]{2}$"
CASE_NUMBER_PATTERN = r"^[A-ZÅÄÖ]{2,5}-[0-9]{4}-[0-9]{5}$"

validate_dnr = RegexValidator(DNR_PATTERN, _("Diarienumret ska skrivas som NNNN/ÅÅ, till exempel 0921/22."))
validate_case_number = RegexValidator(
    CASE_NUMBER_PATTERN,
    _("Ärendenumret ska skrivas som SLK-ÅÅÅÅ-NNNNN, till exempel SLK-2022-00921."),
)


def dnr_to_case_number(dnr: str, prefix: str = "SLK") -> str:
    """0921/22 -> SLK-2022-00921, the mapping the city's two numbering schemes follow."""
    match = re.fullmatch(r"([0-9]{4})/([0-9]{2})", dnr)
    if not match:
        raise ValueError(dnr)
    number, year = match.groups()
    return f"{prefix}-20{year}-0{number}"
