"""The text lines of a PDF, read with PDFium (pypdfium2) in a process of its own.

motions.importers.pdf starts this file as a separate Python process (`python -I pdfium_worker.py
SITE MAX_CHARS MAX_PAGES MAX_MB`) with the PDF on stdin, so PDFium's C code reads hostile input within bounds
the web worker does not share: an address-space limit (a decompression bomb that gets past the
structure check ends this process, not the web worker), a CPU-time limit, no files written; the
parent kills it at the wall-clock limit. It imports nothing from Django or the project.

Output, one JSON object a line: per page {"height": h, "lines": [[text, y, x, size], ...]} (y from
the page's bottom edge, size the printed font size in points), or a last {"error": kind, "page": n}
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


def _limit(max_mb: int) -> None:
    memory = max_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (30, 30))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _page_lines(raw, page) -> dict:
    """Every line PDFium reads on the page with where its first character stands and that
    character's font size times the text's scale."""
    left, bottom, right, top = page.get_mediabox()
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        x, y = ctypes.c_double(), ctypes.c_double()
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
                    lines.append([line.rstrip(), y.value - bottom, x.value, size])
                else:
                    lines.append([line.rstrip(), (top - bottom) / 2, 0.0, 0.0])
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
