"""Text out of the PDFs the city publishes, with pypdf (see the README: pure Python, BSD licence, no
native code to build, and limits on decompression we can tighten against bombs).

Every text line is read with its position on the page. Page furniture — running headers and
footers, "Sida 1 av 2", bare page numbers — is recognised by where it stands (the top or bottom
band of the page) and by repeating, with its digits masked, on most pages; a one-page document's
bands are judged by their shape instead. What is left is returned as plain text, pages joined with
a form feed so the parsers can tell a page break (and say "punkt 3 fortsätter efter sidbrytning").
"""

import io
import re
import time
from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .text import MAX_TEXT_CHARS, ImportError_

MAX_PDF_BYTES = 20 * 1024 * 1024
MAX_PDF_PAGES = 300
# Wall-clock budget for reading one PDF; checked between text operations.
PDF_TIME_LIMIT_S = 15.0
# Decompressed bytes one stream may grow to: a page of text is a few kB, a FlateDecode bomb gigabytes.
MAX_STREAM_BYTES = 8 * 1024 * 1024
PAGE_BREAK = "\f"
# Top and bottom share of the page where running headers and footers stand.
BAND = 0.12

_PAGE_NUMBER_RES = [
    re.compile(r"^(?:sida\s+)?\d{1,4}\s*(?:av|/|\()\s*\d{1,4}\)?$", re.IGNORECASE),
    re.compile(r"^(?:sida\s+)?\d{1,4}$", re.IGNORECASE),
    re.compile(r"^-\s*\d{1,4}\s*-$"),
]


def _encrypted() -> str:  # a message, translated when raised
    return _("PDF-filen är krypterad eller lösenordsskyddad. Spara den utan skydd och försök igen.")


def is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(b"%PDF-")


@dataclass
class PdfLine:
    text: str
    y: float  # distance from the page's bottom edge, in points
    x: float
    size: float = 0.0  # the font size as printed (points)


@dataclass
class PdfPage:
    number: int
    height: float
    lines: list[PdfLine] = field(default_factory=list)


@dataclass
class PdfText:
    text: str
    pages: int
    furniture: list[str]  # the distinct furniture lines removed (digits as read on the first page)


def _mask(text: str) -> str:
    """The line as compared across pages: a short line with a number or two (a page number, "Sida 2 av
    5", "Delårsrapport 3 (12)") with its digits masked, any other line exactly — a body line that
    happens to stand first on every page differs in more than its numbers."""
    text = " ".join(text.split()).lower()
    if len(text) <= 60 and len(re.findall(r"\d+", text)) <= 2:
        return re.sub(r"\d+", "#", text)
    return text


def _key(line: PdfLine) -> tuple[str, int]:
    return _mask(line.text), round(line.y / 4)


def _page_lines(page, number: int, deadline: float) -> PdfPage:
    box = page.mediabox
    height = float(box.height) or 842.0
    bottom = float(box.bottom)
    lines: list[PdfLine] = []
    current: list[str] = []
    position: list[float] = []

    def visit(text, cm, tm, _font, font_size):
        if time.monotonic() > deadline:
            raise TimeoutError
        if not text:
            return
        pieces = text.split("\n")
        for index, piece in enumerate(pieces):
            if piece and not position:
                # The text matrix times the current transformation: where the line starts on the page.
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                scale = ((tm[2] * cm[0] + tm[3] * cm[2]) ** 2 + (tm[2] * cm[1] + tm[3] * cm[3]) ** 2) ** 0.5
                position[:] = [x, y - bottom, float(font_size or 0) * scale]
            current.append(piece)
            if index < len(pieces) - 1:
                _flush()

    def _flush():
        line = "".join(current)
        if line.strip():
            x, y, size = position or (0.0, height / 2, 0.0)
            lines.append(PdfLine(text=line.rstrip(), y=y, x=x, size=size))
        current.clear()
        position.clear()

    contents = page.get_contents()
    if contents is not None:
        # Decoded here, where a decompression limit raises; text extraction would swallow it.
        contents.get_data()
    page.extract_text(visitor_text=visit)
    _flush()
    return PdfPage(number=number, height=height, lines=lines)


def _in_band(line: PdfLine, page: PdfPage) -> bool:
    return line.y > page.height * (1 - BAND) or line.y < page.height * BAND


def _body_size(pages: list[PdfPage]) -> float:
    """The font size most of the text is set in."""
    sizes = Counter()
    for page in pages:
        for line in page.lines:
            sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def find_furniture(pages: list[PdfPage]) -> set[tuple[int, int]]:
    """(page number, line index) of every line that is page furniture: in the top or bottom band of
    its page and repeated (digits masked) on at least half the pages, shaped like a page number, or
    — what a one-page document leaves to go by — set smaller than the body text."""
    body = _body_size(pages)
    counts = Counter()
    for page in pages:
        # Furniture stands where it stood on the other pages: the same text at the same height.
        counts.update({_key(line) for line in page.lines if _in_band(line, page)})
    repeated = {key for key, count in counts.items() if len(pages) > 1 and count >= max(2, (len(pages) + 1) // 2)}
    found = set()
    for page in pages:
        for index, line in enumerate(page.lines):
            if not _in_band(line, page):
                continue
            stripped = " ".join(line.text.split())
            smaller = body > 0 and 0 < line.size < body * 0.9
            if _key(line) in repeated or smaller or any(r.match(stripped) for r in _PAGE_NUMBER_RES):
                found.add((page.number, index))
    return found


def pdf_to_text(data: bytes) -> PdfText:
    """The text of a PDF without its page furniture, or ImportError_ saying in Swedish why not."""
    from pypdf import PdfReader, apply_configuration
    from pypdf.errors import FileNotDecryptedError, LimitReachedError, PyPdfError

    if len(data) > MAX_PDF_BYTES:
        raise ImportError_(_("PDF-filen är för stor (högst %(mb)d MB).") % {"mb": MAX_PDF_BYTES // (1024 * 1024)})
    if not is_pdf(data):
        raise ImportError_(_("Filen är inte en PDF."))
    deadline = time.monotonic() + PDF_TIME_LIMIT_S
    page_number = 0
    limits = {
        "zlib_maximum_output_length": MAX_STREAM_BYTES,
        "lzw_maximum_output_length": MAX_STREAM_BYTES,
        "run_length_maximum_output_length": MAX_STREAM_BYTES,
        "array_based_stream_maximum_output_length": MAX_STREAM_BYTES,
        "image_maximum_buffer_size": MAX_STREAM_BYTES,
        "stream_decoding_work_maximum_length": 16 * MAX_STREAM_BYTES,
        "maximum_declared_stream_length": MAX_STREAM_BYTES,
    }
    try:
        with apply_configuration(**limits):
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                raise ImportError_(_encrypted())
            count = len(reader.pages)
            if count == 0:
                raise ImportError_(_("PDF-filen har inga sidor."))
            if count > MAX_PDF_PAGES:
                raise ImportError_(
                    _("PDF-filen har %(count)d sidor (högst %(max)d).") % {"count": count, "max": MAX_PDF_PAGES}
                )
            pages = []
            chars = 0
            for index in range(count):
                page_number = index + 1
                page = _page_lines(reader.pages[index], page_number, deadline)
                chars += sum(len(line.text) for line in page.lines)
                if chars > MAX_TEXT_CHARS:
                    raise ImportError_(
                        _("PDF-filens text är för lång (högst %(max)d tecken; gränsen nåddes på sidan %(page)d).")
                        % {"max": MAX_TEXT_CHARS, "page": page_number}
                    )
                pages.append(page)
    except ImportError_:
        raise
    except TimeoutError as error:
        raise ImportError_(
            _("PDF-filen tog för lång tid att läsa (över %(s)d sekunder, vid sidan %(page)d) och avvisades.")
            % {"s": PDF_TIME_LIMIT_S, "page": page_number}
        ) from error
    except FileNotDecryptedError as error:
        raise ImportError_(
            _("PDF-filen är krypterad eller lösenordsskyddad. Spara den utan skydd och försök igen.")
        ) from error
    except LimitReachedError as error:
        raise ImportError_(
            _("PDF-filen packas upp till orimligt mycket data (sidan %(page)d) och avvisades.") % {"page": page_number}
        ) from error
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError, OSError) as error:
        # A malformed file: pypdf raises what the broken structure leads it to; none of it may be a 500.
        where = _(" (sidan %(page)d)") % {"page": page_number} if page_number else ""
        raise ImportError_(_("PDF-filen är trasig och kan inte läsas%(where)s.") % {"where": where}) from error
    return _assemble(pages)


def _line_step(pages: list[PdfPage]) -> float:
    """The usual distance from one line to the next (the median), to tell a paragraph's gap by."""
    steps = sorted(
        round(a.y - b.y, 1)
        for page in pages
        for a, b in zip(page.lines, page.lines[1:], strict=False)
        if 0 < a.y - b.y < page.height / 4
    )
    return steps[len(steps) // 2] if steps else 0.0


def _assemble(pages: list[PdfPage]) -> PdfText:
    furniture = find_furniture(pages)
    step = _line_step(pages)
    body = _body_size(pages)
    if body:
        # A document of one-line paragraphs has no line spacing of its own to go by: the font size does.
        step = min(step, body * 1.5) if step else body * 1.5
    removed: list[str] = []
    texts = []
    for page in pages:
        kept: list[str] = []
        previous = None
        for index, line in enumerate(page.lines):
            if (page.number, index) in furniture:
                stripped = " ".join(line.text.split())
                if _mask(stripped) not in {_mask(r) for r in removed}:
                    removed.append(stripped)
                continue
            # A gap wider than the line spacing is a paragraph break: a blank line, as in the text.
            if previous is not None and step and previous.y - line.y > step * 1.4:
                kept.append("")
            kept.append(line.text)
            previous = line
        texts.append("\n".join(kept))
    text = f"\n{PAGE_BREAK}\n".join(texts)
    if not re.search(r"[^\W\d_]{2}", text):
        raise ImportError_(
            _(
                "PDF-filen har inget textlager (den är troligen inskannad). Den läses inte gissningsvis: "
                "be om den digitala originalfilen eller klistra in texten."
            )
        )
    return PdfText(text=text, pages=len(pages), furniture=removed)
