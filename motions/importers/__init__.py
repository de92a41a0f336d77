"""Read motions and roll calls from the PDFs and plain text the city publishes.

pdf_to_text() turns a PDF into text without its page furniture; read_motion() and parse_rollcall()
only read (no database query); resolve_motion() then looks up the body and parties, and
parse_motion_text() does both. motions.services saves what they return.
Bad input is refused whole with an ImportError_ whose message (Swedish) names the failing line.
A parse reads the boards and parties it needs once, whatever the length of the document.

`text` holds the limits and what both parsers skip, `motion` and `rollcall` the two parsers; the
names the forms, views, services and commands use are importable from here.
"""

from .documents import MAX_DOCUMENT_BYTES, read_document, read_document_file
from .motion import KIND_WORDS, ParsedMotion, ParsedPoint, read_motion, strip_footnotes
from .pdf import MAX_PDF_BYTES, PdfText, is_pdf, pdf_to_text
from .resolve import parse_motion_text, resolve_motion
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
    "MAX_DOCUMENT_BYTES",
    "MAX_PDF_BYTES",
    "MAX_NAME",
    "MAX_ROLE",
    "MAX_SEAT",
    "MAX_TEXT_CHARS",
    "MAX_UPLOAD_BYTES",
    "ImportError_",
    "ParsedMotion",
    "ParsedPoint",
    "ParsedRollCall",
    "PdfText",
    "RollCallRow",
    "check_text",
    "decode_upload",
    "is_furniture",
    "is_pdf",
    "pdf_to_text",
    "read_document",
    "read_document_file",
    "read_motion",
    "resolve_motion",
    "parse_motion_text",
    "parse_rollcall",
    "read_text_file",
    "strip_footnotes",
]
