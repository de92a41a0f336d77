"""The header block of a tjänsteutlåtande: the kind line "Tjänsteutlåtande", the office that issues
it (on the line above, beside the kind, or among the field lines; the city's name on the logo line is
no part of it), and the fields Utfärdat, Reviderat, ärendenummer or diarienummer – labelled with or
without a colon, one a line or two side by side. Case officers' names, phone numbers and e-mail
addresses are read past and never kept.
"""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from .header import TEXT_DATE_RE, date_parts
from .motion import PROPOSAL_HEADING_RE, _Lines
from .points import POINT_RE

if TYPE_CHECKING:
    from .proposal import ParsedProposal

KIND_RE = re.compile(r"^tjänst(?:e)?utlåtande$", re.IGNORECASE)  # "Tjänstutlåtande": a typo the city makes
# "Reviderat" or "Reviderad", "Utfärdat" or "Utfärdad": the label is a whole word, never cut short.
FIELD_NAMES = r"utfärda[dt]|revidera[dt]?|ärendenummer|ärendenr|diarienummer|dnr"
FIELD_RE = re.compile(rf"^(?P<name>{FIELD_NAMES})(?!\w)\s*:?\s*(?P<value>\S.*)$", re.IGNORECASE)
FIELD_SPLIT_RE = re.compile(rf"\s+(?=(?:{FIELD_NAMES})\b)", re.IGNORECASE)
PERSONAL_RE = re.compile(r"^(?:handläggare|telefon|tfn|e-post|epost|mejl)\b|@", re.IGNORECASE)
DATE_RE = re.compile(r"^(?P<year>\d{4}|\d{2})-(?P<month>\d{2})-(?P<day>\d{2})$")
CASE_NUMBER_RE = re.compile(r"^[A-ZÅÄÖ]{2,5}[- ]?\d{4}-\d{5}$")
DNR_RE = re.compile(r"^\d{3,4}/\d{2}$")

# A district office carries its area after the name ("Socialförvaltningen Hisingen"): one capitalised word.
OFFICE_RE = re.compile(
    r"(?:kontor(?:et)?|förvaltning(?:en)?|nämnd(?:en)?|styrelse(?:n)?|sekretariat(?:et)?)(?-i:\s+[A-ZÅÄÖ][a-zåäö]+)?$",
    re.I,
)


def _clean(line: str) -> str:
    return " ".join(line.split())


def _date(value: str, lines: _Lines, number: int) -> datetime.date:
    match = DATE_RE.match(value.split()[0] if value.split() else "")
    if not match and TEXT_DATE_RE.match(_clean(value)):
        # The date in words, as a letter prints it: "Utfärdat den 23 februari 2026".
        try:
            return datetime.date(*date_parts(_clean(value)))
        except ValueError as error:
            raise lines.error(number, _("Datumet %(value)s finns inte.") % {"value": value[:40]}) from error
    if not match:
        raise lines.error(number, _("”%(value)s” är inget datum (ÅÅÅÅ-MM-DD).") % {"value": value[:40]})
    year = int(match["year"]) + (2000 if len(match["year"]) == 2 else 0)
    try:
        return datetime.date(year, int(match["month"]), int(match["day"]))
    except ValueError as error:
        raise lines.error(number, _("Datumet %(value)s finns inte.") % {"value": value[:40]}) from error


def find_header(items, parsed: ParsedProposal, lines: _Lines) -> set[int]:
    """The indexes of the header block's lines (read into parsed); the block starts at the line that
    is only "Tjänsteutlåtande", takes the office line above it (or among the field lines below it,
    where some offices print it last) and the field lines below it."""
    taken: set[int] = set()
    kinds = [i for i, (_n, t) in enumerate(items) if KIND_RE.match(_clean(t)) or _office_beside(t) or _city_beside(t)]
    if not kinds:
        return taken
    if len(kinds) > 1:
        parsed.flag("header", _("Handlingen har flera sidhuvuden ”Tjänsteutlåtande”; det första lästes."))
    start = kinds[0]
    taken.add(start)
    above = next((i for i in range(start - 1, -1, -1) if items[i][1].strip()), None)
    beside = _office_beside(items[start][1])
    if beside:
        parsed.author_name = _without_city(beside)
    elif above is not None and start - above <= 6:
        text = _clean(items[above][1])
        if _office_line(text):
            parsed.author_name = _without_city(text)
            taken.add(above)
    # After "Handläggare": the officers' names, then "Telefon"/"E-post" and addresses wrapped onto
    # lines of their own — read past, never kept. A blank line or any other line ends the block.
    index, personal, after_field = start + 1, "", False
    while index < len(items):
        number, raw = items[index]
        text = _clean(raw)
        field_match = FIELD_RE.match(text) or _beside_office(parsed, text)
        if not text:
            personal, after_field = "", False
            index += 1
            continue
        if field_match:
            personal, after_field = "", True
            # Two fields side by side on one line ("Utfärdat 2025-09-29      Reviderat 2025-11-24").
            for part in FIELD_SPLIT_RE.split(text):
                if found := FIELD_RE.match(part):
                    _read_field(parsed, found["name"].lower(), found["value"].strip(), lines, number)
        elif re.match(r"^handläggare\b", text, re.IGNORECASE):
            personal = "names"
        elif PERSONAL_RE.search(text):
            personal = "contact"
        elif not parsed.author_name and (after_field or index == start + 1) and _named_office(text):
            # Right under the kind line or the field lines, with no blank between, and named as an
            # office: a title such as "Yttrande till kommunstyrelsen" after the block is never read
            # as the issuer.
            parsed.author_name = _without_city(text)
        elif personal == "names" and not POINT_RE.match(text) and not PROPOSAL_HEADING_RE.match(text):
            pass
        else:
            break
        taken.add(index)
        index += 1
    return taken


OFFICE_NAME_RE = re.compile(r"(?i)^\w*(?:kontor|förvaltning|nämnd|styrelse|sekretariat)\w*(?:\s+\w+)?$")
# An office named by its task after "för": "Förvaltningen för funktionsstöd", "Förvaltningen för inköp
# och upphandling", "Nämnden för demokrati och medborgarservice" – a name, not a sentence: no verb's
# punctuation, a few words.
OFFICE_FOR_RE = re.compile(r"^(?:förvaltningen|kontoret|nämnden)\s+för\s+[\w-]+(?:\s+[\w-]+){0,4}$", re.I)
# The header line that prints the office beside the kind, in two columns or (from a PDF, which
# loses the gap) one space apart: "Stadsmiljöförvaltningen            Tjänsteutlåtande".
BESIDE_KIND_RE = re.compile(r"^(?P<office>[A-ZÅÄÖ][\w ,-]{2,80}?)\s+Tjänst(?:e)?utlåtande$")


# A two-column header line: the office on the left, a field in the right column ("Inköps- och
# upphandlingsförvaltningen      Utfärdat 2025-08-20").
OFFICE_AND_FIELD_RE = re.compile(
    rf"^(?P<office>\S.*?)\s+(?P<field>(?:{FIELD_NAMES})(?!\w)\s*:?\s*(?:den\s+)?\d.*)$",
    re.IGNORECASE,
)


# The city's name printed before the office on the logo line ("Göteborgs Stad Kulturförvaltningen",
# "Göteborgs stad, Stadsledningskontoret"): the city is no part of the issuer's name.
CITY_RE = re.compile(r"^göteborgs\s+stad\b[\s,:–-]*", re.IGNORECASE)


def _without_city(office: str) -> str:
    rest = CITY_RE.sub("", office)
    return rest if rest else office


def _beside_office(parsed: ParsedProposal, text: str):
    """The field of a header line that prints the office beside it (the office read as the issuer
    when none is yet); None for any other line."""
    found = OFFICE_AND_FIELD_RE.match(text)
    if not found or not _office_line(found["office"]):
        return None
    parsed.author_name = parsed.author_name or _without_city(found["office"])
    return FIELD_RE.match(found["field"])


def _office_beside(raw: str) -> str:
    """The office of a header line that prints it beside "Tjänsteutlåtande", else ""."""
    found = BESIDE_KIND_RE.match(_clean(raw))
    if found and len(found["office"].split()) <= 6 and _office_line(found["office"]):
        return found["office"]
    return ""


def _city_beside(raw: str) -> bool:
    """The logo line "Göteborgs Stad      Tjänsteutlåtande": the kind line, the office printed elsewhere."""
    found = BESIDE_KIND_RE.match(_clean(raw))
    return bool(found) and not CITY_RE.sub("", found["office"]).strip()


def _named_office(text: str) -> bool:
    return bool(OFFICE_NAME_RE.match(text) or OFFICE_FOR_RE.match(text)) and _office_line(text)


def _office_line(text: str) -> bool:
    named = OFFICE_RE.search(text) or OFFICE_FOR_RE.match(text)
    return bool(named) and len(text) <= 80 and not POINT_RE.match(text)


def _read_field(parsed: ParsedProposal, name: str, value: str, lines: _Lines, number: int) -> None:
    if name.startswith("utfärda"):
        parsed.issued = _date(value, lines, number)
    elif name.startswith("revidera"):
        parsed.revised = _date(value, lines, number)
    else:
        value = value.replace(" ", "") if re.fullmatch(r"[A-ZÅÄÖ]{2,5}-?\s?\d{4}-\d{5}", value) else value
        if CASE_NUMBER_RE.match(value):
            parsed.case_number = value.replace(" ", "-")
        elif DNR_RE.match(value):
            parsed.dnr = value.zfill(7)
        else:
            parsed.flag("case", _("%(where)s: ”%(value)s” är varken ärendenummer eller diarienummer.")
                        % {"where": lines.where(number), "value": value[:40]})  # fmt: skip
