"""The text lines of a PDF, read with PDFium (pypdfium2) in a process of its own.

motions.importers.pdf starts this file as a separate Python process (`python -I pdfium_worker.py
SITE MAX_CHARS MAX_PAGES MAX_MB`) with the PDF on stdin, so PDFium's C code reads hostile input within bounds
the web worker does not share: an address-space limit (a decompression bomb that gets past the
structure check ends this process, not the web worker), a CPU-time limit, no files written; the
parent kills it at the wall-clock limit. It imports nothing from Django or the project.

Output, one JSON object a line: per page {"height": h, "lines": [[text, y, x, size, words], ...]} (y
from the page's bottom edge, size the printed font size in points, words the left and right edge of
each run of non-blank characters in the text, flat: [left1, right1, left2, …], for the columns of a
table's row), or a last {"error": kind, "page": n}
with kind "encrypted", "malformed", "chars" (the text grew past MAX_CHARS on page n) or "pages"
(n pages, more than MAX_PAGES).
"""

import ctypes
import json
import re
import resource
import sys

# PDFium ends a line with CR LF, and a line that ends in a hyphen it takes for a word broken in two
# with U+FFFE instead, the lines joined: here that is the hyphen and the line break, as printed.
LINE_BREAK = re.compile("\r\n|\r|\n|\ufffe")
# A gap between two text objects of a line wider than this (times the font size) may be a column's;
# the line's words are then placed one by one (pdf.laid_out decides, at a wider gap).
SCREEN_GAP_EM = 0.5


def _limit(max_mb: int) -> None:
    memory = max_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (30, 30))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


WORD = re.compile(r"\S+")


def _units(line: str) -> list[int]:
    """The UTF-16 offset of each character of the line (PDFium's text index counts UTF-16 units)."""
    if line.isascii() or max(line) < "\U00010000":
        return list(range(len(line) + 1))
    offsets, unit = [], 0
    for char in line:
        offsets.append(unit)
        unit += 2 if ord(char) > 0xFFFF else 1
    return [*offsets, unit]


def _word_edges(raw, textpage, line: str, start: int, length: int, box) -> list[float]:
    """The left edge of each word's first character and the right edge of its last, flat; empty
    when PDFium cannot place one of them (the line is then taken as prose)."""
    left, right, bottom, top = box
    offsets = _units(line)
    edges: list[float] = []
    for word in WORD.finditer(line):
        last = min(word.end(), length) - 1  # the hyphen added for U+FFFE is no character of the text
        if last < word.start():
            break
        for position, side in ((word.start(), left), (last, right)):
            index = raw.FPDFText_GetCharIndexFromTextIndex(textpage, start + offsets[position])
            if index < 0 or not raw.FPDFText_GetCharBox(textpage, index, left, right, bottom, top):
                return []
            edges.append(round(side.value, 2))
    return edges


def _has_gap(raw, textpage, index: int, count: int, size: float, box) -> bool:
    """Whether two of the line's text objects stand apart by more than a word space: PDFium's
    rectangles of a range of characters break only where the text object does, so prose set in one
    run needs a call or two here, not one a word (a table's cells are objects of their own)."""
    left, right, bottom, top = box
    previous = None
    for rect in range(raw.FPDFText_CountRects(textpage, index, count)):
        if not raw.FPDFText_GetRect(textpage, rect, left, top, right, bottom):
            return True
        if previous is not None and left.value - previous > SCREEN_GAP_EM * (size or 10.0):
            return True
        previous = right.value
    return False


def _page_lines(raw, page) -> dict:
    """Every line PDFium reads on the page with where its first character stands, that
    character's font size times the text's scale, and the edges of its words."""
    left, bottom, right, top = page.get_mediabox()
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        x, y = ctypes.c_double(), ctypes.c_double()
        box = tuple(ctypes.c_double() for _ in range(4))
        matrix = raw.FS_MATRIX()
        lines = []
        units = 0  # PDFium counts text in UTF-16 code units
        position = 0
        for match in [*LINE_BREAK.finditer(text), None]:
            end = match.start() if match else len(text)
            line = text[position:end] + ("-" if match and match.group() == "\ufffe" else "")
            if line.strip():
                lead = len(line) - len(line.lstrip())
                first = units + len(line[:lead].encode("utf-16-le")) // 2
                index = raw.FPDFText_GetCharIndexFromTextIndex(textpage, first)
                size = 0.0
                if index >= 0 and raw.FPDFText_GetCharOrigin(textpage, index, x, y):
                    size = raw.FPDFText_GetFontSize(textpage, index)
                    if raw.FPDFText_GetMatrix(textpage, index, matrix):
                        size *= (matrix.c**2 + matrix.d**2) ** 0.5
                    count = len(line[lead:].encode("utf-16-le")) // 2
                    gap = " " in line.strip() and _has_gap(raw, textpage, index, count, size, box)
                    words = _word_edges(raw, textpage, line, units, end - position, box) if gap else []
                    lines.append([line.rstrip(), y.value - bottom, x.value, size, words])
                else:
                    lines.append([line.rstrip(), (top - bottom) / 2, 0.0, 0.0, []])
            if match:
                units += len(text[position : match.end()].encode("utf-16-le")) // 2
                position = match.end()
        return {"height": (top - bottom) or 842.0, "lines": lines}
    finally:
        textpage.close()


def main(site: str, max_chars: int, max_pages: int, max_mb: int) -> int:
    sys.path.insert(0, site)
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    data = sys.stdin.buffer.read()
    _limit(max_mb)
    out = sys.stdout

    def emit(value):
        out.write(json.dumps(value, ensure_ascii=False) + "\n")
        out.flush()

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        kind = "encrypted" if error.err_code in (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY) else "malformed"
        emit({"error": kind, "page": 0})
        return 0
    if len(document) > max_pages:
        emit({"error": "pages", "page": len(document)})
        return 0
    chars = 0
    for index in range(len(document)):
        try:
            page = document[index]
            lines = _page_lines(raw, page)
            page.close()
        except pdfium.PdfiumError:
            emit({"error": "malformed", "page": index + 1})
            return 0
        chars += sum(len(line[0]) for line in lines["lines"])
        if chars > max_chars:
            emit({"error": "chars", "page": index + 1})
            return 0
        emit(lines)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])))
