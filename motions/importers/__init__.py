"""Read motions and roll calls from the plain text the city publishes.

parse_motion_text() and parse_rollcall() only read; motions.services saves what they return.
Bad input is refused whole with an ImportError_ whose message (Swedish) names the failing line.
A parse reads the boards and parties it needs once, whatever the length of the document.

`text` holds the limits and what both parsers skip, `motion` and `rollcall` the two parsers; the
names the forms, views, services and commands use are importable from here.
"""

from .motion import KIND_WORDS, ParsedMotion, ParsedPoint, parse_motion_text, strip_footnotes
from .rollcall import MAX_NAME, MAX_ROLE, MAX_SEAT, ParsedRollCall, RollCallRow, parse_rollcall
from .text import (
    MAX_TEXT_CHARS,
    MAX_UPLOAD_BYTES,
    ImportError_,
    check_text,
    decode_upload,
    is_furniture,
    read_text_file,
)

__all__ = [
    "KIND_WORDS",
    "MAX_NAME",
    "MAX_ROLE",
    "MAX_SEAT",
    "MAX_TEXT_CHARS",
    "MAX_UPLOAD_BYTES",
    "ImportError_",
    "ParsedMotion",
    "ParsedPoint",
    "ParsedRollCall",
    "RollCallRow",
    "check_text",
    "decode_upload",
    "is_furniture",
    "parse_motion_text",
    "parse_rollcall",
    "read_text_file",
    "strip_footnotes",
]
