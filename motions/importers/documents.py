"""A document as the secretariat has it — the city's PDF or a UTF-8 text file — turned into the text
the parsers read, within the size limits of each."""

from .pdf import MAX_PDF_BYTES, is_pdf, pdf_to_text
from .text import MAX_UPLOAD_BYTES, check_text, decode_upload

# The largest upload a form takes: a PDF (a text file is refused above MAX_UPLOAD_BYTES by decode_upload).
MAX_DOCUMENT_BYTES = max(MAX_PDF_BYTES, MAX_UPLOAD_BYTES)


def read_document(data: bytes) -> tuple[str, int]:
    """The text of an uploaded file, PDF or UTF-8 text, and its number of pages (1 for text)."""
    if is_pdf(data):
        pdf = pdf_to_text(data)
        return check_text(pdf.text), pdf.pages
    return decode_upload(data), 1


def read_file_bytes(path) -> bytes:
    """A file named on the command line, read as an upload is: no further than the size limit."""
    with open(path, "rb") as handle:
        start = handle.read(1024)
        # A text file is read no further than its own limit; only a PDF may be larger.
        limit = MAX_PDF_BYTES if is_pdf(start) else MAX_UPLOAD_BYTES
        return start + handle.read(limit + 1 - len(start))


def read_document_file(path) -> str:
    return read_document(read_file_bytes(path))[0]
