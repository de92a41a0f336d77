"""Reading the text the importers are given: the size limits, UTF-8 only, no binary, and the page
furniture (page numbers, running headers) that both parsers skip."""

import re

from django.utils.translation import gettext as _

MAX_TEXT_CHARS = 200_000
# UTF-8 takes at most four bytes a character: a file above this cannot be within MAX_TEXT_CHARS.
MAX_UPLOAD_BYTES = MAX_TEXT_CHARS * 4


class ImportError_(ValueError):  # noqa: N801 - not the builtin ImportError
    """The text cannot be imported; the message says why and on which line."""


def decode_upload(data: bytes) -> str:
    """Uploaded bytes as text: UTF-8 (with or without BOM) within the size limit, else refused."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise ImportError_(_("Filen är för stor (högst %(max)d tecken).") % {"max": MAX_TEXT_CHARS})
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportError_(
            _("Filen är inte UTF-8-kodad (rad %(line)d). Spara den som UTF-8 och försök igen.") % {"line": line}
        ) from error
    return check_text(text)


def read_text_file(path) -> str:
    """A file named on the command line, read as an upload is: no further than the size limit."""
    with open(path, "rb") as handle:
        return decode_upload(handle.read(MAX_UPLOAD_BYTES + 1))


def check_text(text: str) -> str:
    if len(text) > MAX_TEXT_CHARS:
        raise ImportError_(_("Texten är för lång (högst %(max)d tecken).") % {"max": MAX_TEXT_CHARS})
    if "\x00" in text:
        raise ImportError_(_("Texten innehåller binära tecken; klistra in ren text."))
    if not text.strip():
        raise ImportError_(_("Texten är tom."))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def line_error(number: int, message: str) -> ImportError_:
    return ImportError_(_("Rad %(line)d: %(message)s") % {"line": number, "message": message})


FURNITURE_RES = [
    re.compile(r"^sida \d+ av \d+$", re.IGNORECASE),
    # A footer with the body or document name before the page number ("Grundskolenämnden Sida 1 av 2").
    # Capital "Sida" and no sentence punctuation: prose such as "… på sida 2 av 5" is no footer.
    re.compile(r"^[^.,:;!?]{3,80}\sSida \d+ av \d+$"),
    re.compile(r"^.{3,80}\s\d{1,3} \(\d{1,3}\)$"),  # "Delårsrapport aug 2023-Nämnder 12 (35)"
    re.compile(r"^\d{1,3} \(\d{1,3}\)$"),  # "2 (3)": a page number alone
    re.compile(r"^.*\[publiceringsdatum\]$", re.IGNORECASE),
    # A protocol extract's running header on the pages after the first: "Kommunstyrelsen,
    # protokollsutdrag 2025-11-26, § 734". The comma-led form with a date is no sentence of the minutes.
    re.compile(
        r"^[^.,:;!?]{3,80},\s*(?:protokollsutdrag|protokoll|utdrag)\s+\d{4}-\d{2}-\d{2}(?:,\s*§\s*\d{1,4})?$", re.I
    ),
]


def is_furniture(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and any(r.match(stripped) for r in FURNITURE_RES)
