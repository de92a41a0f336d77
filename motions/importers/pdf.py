"""Text out of the PDFs the city publishes, with PDFium (pypdfium2; see the README: the PDF engine of
Chromium, BSD/Apache licences, some 20 times faster than pure-Python pypdf on a 20-page motion).

PDFium is C and the file may be hostile, so it reads in a process of its own (pdfium_worker.py)
with an address-space and CPU limit, killed at the wall-clock limit; meanwhile pypdf reads the
file's structure here, cheaply and within its decompression limits: encryption, the page count and
every page's content streams and form XObjects, so a decompression bomb is refused by name before
PDFium's result is used.

Every text line is read with its position on the page and its font size. Page furniture — running headers and
footers, "Sida 1 av 2", bare page numbers — is recognised by where it stands (the top or bottom
band of the page) and by repeating, with its digits masked, on most pages; a one-page document's
bands are judged by their shape instead. What is left is returned as plain text, pages joined with
a form feed so the parsers can tell a page break (and say "punkt 3 fortsätter efter sidbrytning").
"""

import functools
import importlib.util
import io
import json
import re
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from .rollcall import is_marked_header, is_rollcall_header
from .text import MAX_TEXT_CHARS, ImportError_

MAX_PDF_BYTES = 20 * 1024 * 1024
MAX_PDF_PAGES = 300
# Wall-clock budget for reading one PDF: the PDFium process is killed at it.
PDF_TIME_LIMIT_S = 15.0
# Decompressed bytes one stream may grow to: a page of text is a few kB, a FlateDecode bomb gigabytes.
MAX_STREAM_BYTES = 8 * 1024 * 1024
# What all of one file's streams may decode to together (a long document's pages are some 10 kB each).
MAX_FILE_DECODED_BYTES = 8 * MAX_STREAM_BYTES
# The address space the PDFium process may use: the file twice over and PDFium's own reading.
WORKER_MEMORY_MB = 384
WORKER = Path(__file__).with_name("pdfium_worker.py")
PAGE_BREAK = "\f"
# Top and bottom share of the page where running headers and footers stand.
BAND = 0.12
# A gap between two words wider than this (times the font size) is a column's: a word space is some
# 0.25–0.35 em, stretched in a justified line to well under one em.
COLUMN_GAP_EM = 1.0
# One character of a laid-out line stands for this much of the page (times the font size): less than
# any font's average letter, so that a cell's characters fit in the width it is printed in.
COLUMN_UNIT_EM = 0.45

_PAGE_NUMBER_RES = [
    re.compile(r"^(?:sida\s+)?\d{1,4}\s*(?:av|/|\()\s*\d{1,4}\)?$", re.IGNORECASE),
    re.compile(r"^sida\s+\d{1,4}$", re.IGNORECASE),
    # A number alone; a year alone is the end of a wrapped line ("… mot barnfattigdom⏎2026" in a
    # title at the top of the page), not a page number.
    re.compile(r"^(?!(?:19|20)\d\d$)\d{1,4}$"),
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
    words: list[float] = field(default_factory=list)  # each word's left and right edge, flat (pdfium_worker)


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
            # A roll call's column header repeats at the top of each page the table runs over, but
            # it is the table's: its order of columns is what the rows are read by.
            if is_rollcall_header(stripped) or is_marked_header(stripped):
                continue
            smaller = body > 0 and 0 < line.size < body * 0.9
            if _key(line) in repeated or smaller or any(r.match(stripped) for r in _PAGE_NUMBER_RES):
                found.add((page.number, index))
    return found


def _decode_streams(page, budget: list[int]) -> None:
    """Decodes here, under pypdf's limits, what PDFium will decode to read the page's text: its
    content streams and the form XObjects it draws (and theirs). budget[0] is what the whole file
    may still decode to, so 300 pages of near-limit streams are refused as one bomb is."""
    from pypdf.errors import LimitReachedError
    from pypdf.generic import DictionaryObject, IndirectObject, StreamObject

    def spend(stream) -> None:
        budget[0] -= len(stream.get_data())
        if budget[0] < 0:
            raise LimitReachedError("the file decodes to too much data")

    contents = page.get_contents()
    if contents is not None:
        spend(contents)
    seen: set = set()
    todo = [page.get("/Resources")]
    while todo:
        resources = todo.pop()
        resources = resources.get_object() if resources is not None else None
        xobjects = resources.get("/XObject") if isinstance(resources, DictionaryObject) else None
        xobjects = xobjects.get_object() if xobjects is not None else None
        if not isinstance(xobjects, DictionaryObject):
            continue
        for reference in xobjects.values():
            key = reference.idnum if isinstance(reference, IndirectObject) else id(reference)
            if key in seen:
                continue
            seen.add(key)
            xobject = reference.get_object()
            if isinstance(xobject, StreamObject) and xobject.get("/Subtype") == "/Form":
                spend(xobject)
                todo.append(xobject.get("/Resources"))


def _check_structure(data: bytes, deadline: float, where: list[int]) -> None:
    """pypdf's cheap read of the file's structure, with its decompression limits: encryption, the
    number of pages, and every page's streams decoded within MAX_STREAM_BYTES (where[0] is the page
    being checked, for the message)."""
    from pypdf import PdfReader, apply_configuration

    limits = {
        "zlib_maximum_output_length": MAX_STREAM_BYTES,
        "lzw_maximum_output_length": MAX_STREAM_BYTES,
        "run_length_maximum_output_length": MAX_STREAM_BYTES,
        "array_based_stream_maximum_output_length": MAX_STREAM_BYTES,
        "image_maximum_buffer_size": MAX_STREAM_BYTES,
        "stream_decoding_work_maximum_length": 16 * MAX_STREAM_BYTES,
        "maximum_declared_stream_length": MAX_STREAM_BYTES,
    }
    with apply_configuration(**limits):
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise ImportError_(_encrypted())
        count = len(reader.pages)
        if count == 0:
            raise ImportError_(_("PDF-filen har inga sidor."))
        if count > MAX_PDF_PAGES:
            raise ImportError_(_too_many_pages(count))
        budget = [MAX_FILE_DECODED_BYTES]
        for index in range(count):
            where[0] = index + 1
            if time.monotonic() > deadline:
                raise TimeoutError
            _decode_streams(reader.pages[index], budget)


def _too_many_pages(count: int) -> str:
    return _("PDF-filen har %(count)d sidor (högst %(max)d).") % {"count": count, "max": MAX_PDF_PAGES}


def _too_much_text(page: int) -> str:
    return _("PDF-filens text är för lång (högst %(max)d tecken; gränsen nåddes på sidan %(page)d).") % {
        "max": MAX_TEXT_CHARS,
        "page": page,
    }


def _timeout(page: int) -> str:
    return _("PDF-filen tog för lång tid att läsa (över %(s)d sekunder, vid sidan %(page)d) och avvisades.") % {
        "s": PDF_TIME_LIMIT_S,
        "page": page,
    }


def _malformed(page: int) -> str:
    where = _(" (sidan %(page)d)") % {"page": page} if page else ""
    return _("PDF-filen är trasig och kan inte läsas%(where)s.") % {"where": where}


@functools.cache
def _pdfium_site() -> str:
    """The directory pypdfium2 is installed in, for the worker's sys.path (it runs isolated, -I)."""
    spec = importlib.util.find_spec("pypdfium2")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pypdfium2 is not installed")
    return str(Path(next(iter(spec.submodule_search_locations))).parent)


class _Worker:
    """PDFium reading the PDF in its own process (pdfium_worker.py), started before pypdf checks
    the structure here so the two run side by side; killed at the deadline or when the check fails."""

    def __init__(self, data: bytes, deadline: float):
        command = [sys.executable, "-I", str(WORKER), _pdfium_site()]
        command += [str(MAX_TEXT_CHARS), str(MAX_PDF_PAGES), str(WORKER_MEMORY_MB)]
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self.output = b""
        self.timed_out = False
        self.thread = threading.Thread(target=self._communicate, args=(data, deadline), daemon=True)
        self.thread.start()

    def _communicate(self, data: bytes, deadline: float) -> None:
        try:
            self.output, _ = self.process.communicate(data, timeout=max(0.001, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            self.timed_out = True
            self.process.kill()
            self.output, _ = self.process.communicate()
        except (OSError, ValueError):  # stopped while its input was still being written
            self.process.kill()
            self.process.wait()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.thread.join()

    def pages(self) -> list[PdfPage]:
        """The pages PDFium read, or ImportError_ saying why it read none."""
        self.thread.join()
        pages: list[PdfPage] = []
        for raw in self.output.splitlines():
            try:
                item = json.loads(raw)
            except ValueError:
                break  # the last line of a process killed at the deadline
            if "error" not in item:
                lines = [PdfLine(t, float(y), float(x), float(s), w) for t, y, x, s, w in item["lines"]]
                pages.append(PdfPage(number=len(pages) + 1, height=float(item["height"]), lines=lines))
                continue
            kind, page = item["error"], int(item.get("page", 0))
            if kind == "encrypted":
                raise ImportError_(_encrypted())
            if kind == "chars":
                raise ImportError_(_too_much_text(page))
            if kind == "pages":
                raise ImportError_(_too_many_pages(page))
            raise ImportError_(_malformed(page))
        if self.timed_out:
            raise ImportError_(_timeout(len(pages) + 1))
        if self.process.returncode != 0 or not pages:
            # Ended by its limits (memory, CPU) or by PDFium giving up on the file.
            raise ImportError_(_malformed(len(pages) + 1 if pages else 0))
        return pages


def _refuse_bad_structure(data: bytes, deadline: float) -> None:
    """_check_structure with what pypdf raises said in Swedish."""
    from pypdf.errors import FileNotDecryptedError, LimitReachedError, PyPdfError

    where = [0]
    try:
        _check_structure(data, deadline, where)
    except ImportError_:
        raise
    except TimeoutError as error:
        raise ImportError_(_timeout(where[0])) from error
    except FileNotDecryptedError as error:
        raise ImportError_(_encrypted()) from error
    except LimitReachedError as error:
        raise ImportError_(
            _("PDF-filen packas upp till orimligt mycket data (sidan %(page)d) och avvisades.") % {"page": where[0]}
        ) from error
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError, OSError) as error:
        # A malformed file: pypdf raises what the broken structure leads it to; none of it may be a 500.
        raise ImportError_(_malformed(where[0])) from error


def pdf_to_text(data: bytes) -> PdfText:
    """The text of a PDF without its page furniture, or ImportError_ saying in Swedish why not."""
    if len(data) > MAX_PDF_BYTES:
        raise ImportError_(_("PDF-filen är för stor (högst %(mb)d MB).") % {"mb": MAX_PDF_BYTES // (1024 * 1024)})
    if not is_pdf(data):
        raise ImportError_(_("Filen är inte en PDF."))
    deadline = time.monotonic() + PDF_TIME_LIMIT_S
    try:
        worker = _Worker(data, deadline)
    except OSError as error:
        raise ImportError_(_("PDF-filen kunde inte läsas just nu. Försök igen om en stund.")) from error
    try:
        _refuse_bad_structure(data, deadline)
    except BaseException:
        worker.stop()
        raise
    return _assemble(worker.pages())


def _line_step(pages: list[PdfPage]) -> float:
    """The usual distance from one line to the next (the median), to tell a paragraph's gap by."""
    steps = sorted(
        round(a.y - b.y, 1)
        for page in pages
        for a, b in zip(page.lines, page.lines[1:], strict=False)
        if 0 < a.y - b.y < page.height / 4
    )
    return steps[len(steps) // 2] if steps else 0.0


def laid_out(line: PdfLine, margin: float, size: float) -> str:
    """The line with its columns kept: where a gap between two words is a column's (wider than any
    word space), the next word is set, in spaces, as far from the page's margin as it is printed,
    the layout of a table typed with its columns (marked_table.unmark_tables reads the X marks of
    a vote table by it). A line without such a gap, prose, is left exactly as PDFium read it."""
    words = line.text.split()
    edges = line.words
    size = line.size or size
    if not size or len(edges) != 2 * len(words) or len(words) < 2:
        return line.text
    wide = [edges[2 * i + 2] - edges[2 * i + 1] > COLUMN_GAP_EM * size for i in range(len(words) - 1)]
    if not any(wide):
        return line.text
    unit = size * COLUMN_UNIT_EM
    column = round((edges[0] - margin) / unit)
    text = " " * column if column >= 2 else ""  # one space in front is the seeds' page-break marker
    for index, word in enumerate(words):
        if index:
            at = max(round((edges[2 * index] - margin) / unit), len(text) + 2) if wide[index - 1] else len(text) + 1
            text += " " * (at - len(text))
        text += word
    return text


def _left_margin(page: PdfPage) -> float:
    """Where most of the page's lines begin: the column a laid-out line's columns are counted from
    (the same on every page of a table, whatever else a page prints further left)."""
    starts = Counter(round(line.x) for line in page.lines if line.size)
    return float(starts.most_common(1)[0][0]) if starts else 0.0


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
        margin = _left_margin(page)
        for index, line in enumerate(page.lines):
            if (page.number, index) in furniture:
                stripped = " ".join(line.text.split())
                if _mask(stripped) not in {_mask(r) for r in removed}:
                    removed.append(stripped)
                continue
            # A gap wider than the line spacing is a paragraph break: a blank line, as in the text.
            if previous is not None and step and previous.y - line.y > step * 1.4:
                kept.append("")
            kept.append(laid_out(line, margin, body))
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
