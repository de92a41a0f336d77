"""Reading PDFs: furniture by position and repetition, and hostile files refused in Swedish within
the size and time limits, nothing kept."""

import io
import time
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject, NumberObject, StreamObject

from motions.importers import ImportError_, pdf, pdf_to_text, read_motion
from motions.importers.pdf import MAX_PDF_BYTES, PDF_TIME_LIMIT_S

from .corpus.render import render

MOTION = (
    "Yrkande angående test\n\nFörslag till beslut\nI kommunstyrelsen:\n\n"
    + "\n\n".join(f"{n}. Nämnden får i uppdrag att utreda fråga {n} och återrapportera." for n in range(1, 60))
    + "\n\nKommunstyrelsen\n\nYrkande\n\n2024-06-04\n\nMiljöpartiet\n"
)


@pytest.fixture(scope="module")
def motion_pdf():
    return render(MOTION, running_header="Kommunstyrelsen – Yrkande", footer="sida")


def test_running_header_and_page_numbers_are_furniture_and_the_points_survive(motion_pdf):
    pdf = pdf_to_text(motion_pdf)
    assert pdf.pages > 1
    assert any("Sida" in line for line in pdf.furniture)
    assert "Kommunstyrelsen – Yrkande Göteborgs Stad" in pdf.furniture
    assert "Sida" not in pdf.text
    parsed = read_motion(pdf.text)
    assert len(parsed.points) == 59
    assert parsed.points[58].text == "Nämnden får i uppdrag att utreda fråga 59 och återrapportera."


def test_a_body_line_that_looks_like_a_page_number_outside_the_bands_is_kept():
    text = "Yrkande angående test\n\nFörslag till beslut\n\n1. Nämnden får i uppdrag att utreda år\n\n2024\n"
    pdf = pdf_to_text(render(text, footer="number"))
    assert "2024" in pdf.text.split("\n")


def test_a_year_alone_at_the_top_of_the_page_is_the_titles_end_not_a_page_number():
    # The title's last line stands in the top band, shaped like a bare page number but a year.
    text = "Yrkande angående handlingsplan mot barnfattigdom\n2026\n\nFörslag till beslut\n\n1. Punkten.\n"
    pdf = pdf_to_text(render(text, footer="number"))
    assert read_motion(pdf.text).title == "Yrkande angående handlingsplan mot barnfattigdom 2026"
    assert pdf.furniture == ["Göteborgs Stad", "1"]


def _writer_pdf(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_an_encrypted_pdf_is_refused(motion_pdf):
    writer = PdfWriter(clone_from=io.BytesIO(motion_pdf))
    writer.encrypt("hemligt", algorithm="RC4-128")
    with pytest.raises(ImportError_, match="krypterad eller lösenordsskyddad"):
        pdf_to_text(_writer_pdf(writer))


def test_a_scanned_pdf_without_text_layer_is_refused_not_guessed():
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    with pytest.raises(ImportError_, match="inget textlager"):
        pdf_to_text(_writer_pdf(writer))


def test_a_too_large_file_is_refused_before_it_is_read():
    with pytest.raises(ImportError_, match="för stor"):
        pdf_to_text(b"%PDF-1.7\n" + b"0" * MAX_PDF_BYTES)


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n",
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
        b"%PDF-1.4\n" + bytes(range(256)) * 40,
    ],
    ids=["header-only", "no-pages", "garbage"],
)
def test_a_malformed_pdf_is_refused_in_swedish(data):
    with pytest.raises(ImportError_, match="PDF-filen"):
        pdf_to_text(data)


def test_a_truncated_pdf_is_refused(motion_pdf):
    with pytest.raises(ImportError_, match="PDF-filen"):
        pdf_to_text(motion_pdf[: len(motion_pdf) // 3])


def test_a_flate_bomb_is_refused_within_the_time_limit():
    """A content stream of 200 MB of zeros compresses to about 200 kB."""
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    bomb = StreamObject()
    compressor = zlib.compressobj(9)
    chunk = b"0" * (1 << 20)
    data = b"".join(compressor.compress(chunk) for _ in range(200)) + compressor.flush()
    bomb.set_data(data)
    bomb[NameObject("/Filter")] = NameObject("/FlateDecode")
    page[NameObject("/Contents")] = writer._add_object(bomb)
    started = time.monotonic()
    with pytest.raises(ImportError_, match="orimligt mycket data"):
        pdf_to_text(_writer_pdf(writer))
    assert time.monotonic() - started < PDF_TIME_LIMIT_S


def test_a_pdf_of_too_much_text_is_refused_with_its_page():
    writer = PdfWriter()
    for _ in range(3):
        page = writer.add_blank_page(595, 842)
        font = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
        )
        content = DecodedStreamObject()
        line = b"(" + b"Yrkande " * 200 + b") Tj T* "
        content.set_data(b"BT /F1 10 Tf 50 800 Td 12 TL " + line * 200 + b"ET")
        page[NameObject("/Contents")] = writer._add_object(content)
    with pytest.raises(ImportError_, match="för lång"):
        pdf_to_text(_writer_pdf(writer))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0), flips=st.lists(st.tuples(st.integers(0), st.integers(0, 255)), max_size=8))
def test_fuzzed_pdfs_are_read_or_refused_never_crash(motion_pdf, cut, flips):
    data = bytearray(motion_pdf[: max(16, cut % (len(motion_pdf) + 1))])
    for position, value in flips:
        data[position % len(data)] = value
    try:
        pdf_to_text(bytes(data))
    except ImportError_ as error:
        assert str(error)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=2000))
def test_fuzzed_motion_text_is_read_or_refused_never_crash(text):
    try:
        read_motion(text)
    except ImportError_ as error:
        assert str(error)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Yrkande angående x", "Förslag till beslut", "1. Punkt ett", "2. Punkt två", "a) Bokstav",
                "Yrkandet", "Kommunstyrelsen", "Yrkande", "Yttrande", "2024-13-45", "24-01-01", "V, S och MP",
                "I övrigt bifalla tjänsteutlåtandet.", "\f", "", "Sida 1 av 2", "miljö-", "och klimat", "fram-",
                "steg", "Ärende nr: 1.1", "Yttrande (SD)", "Reviderat yrkande",
            ]
        ),
        max_size=40,
    )
)  # fmt: skip
def test_fuzzed_motion_layouts_are_read_or_refused_never_crash(lines):
    try:
        read_motion("\n".join(lines))
    except ImportError_ as error:
        assert str(error)


def _bomb(megabytes: int) -> StreamObject:
    """A stream of zeros that FlateDecode inflates to megabytes."""
    bomb = StreamObject()
    compressor = zlib.compressobj(9)
    chunk = b"0" * (1 << 20)
    bomb.set_data(b"".join(compressor.compress(chunk) for _ in range(megabytes)) + compressor.flush())
    bomb[NameObject("/Filter")] = NameObject("/FlateDecode")
    return bomb


def test_a_bomb_in_a_form_xobject_is_refused_by_the_structure_check():
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    form = _bomb(50)
    form[NameObject("/Type")] = NameObject("/XObject")
    form[NameObject("/Subtype")] = NameObject("/Form")
    form[NameObject("/BBox")] = ArrayObject([NumberObject(0), NumberObject(0), NumberObject(595), NumberObject(842)])
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/XObject"): DictionaryObject({NameObject("/X1"): writer._add_object(form)})}
    )
    content = DecodedStreamObject()
    content.set_data(b"/X1 Do")
    page[NameObject("/Contents")] = writer._add_object(content)
    with pytest.raises(ImportError_, match=r"orimligt mycket data \(sidan 1\)"):
        pdf_to_text(_writer_pdf(writer))


def test_a_bomb_past_the_structure_check_ends_the_pdfium_process_not_the_worker(monkeypatch):
    """Were pypdf and PDFium to read the file differently, PDFium's own process is bounded: its
    address-space limit ends it and the file is refused."""
    monkeypatch.setattr(pdf, "_refuse_bad_structure", lambda data, deadline: None)
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    page[NameObject("/Contents")] = writer._add_object(_bomb(pdf.WORKER_MEMORY_MB + 64))
    started = time.monotonic()
    with pytest.raises(ImportError_, match="trasig"):
        pdf_to_text(_writer_pdf(writer))
    assert time.monotonic() - started < PDF_TIME_LIMIT_S


def test_the_pdfium_process_is_killed_at_the_time_limit(monkeypatch, motion_pdf):
    monkeypatch.setattr(pdf, "_refuse_bad_structure", lambda data, deadline: None)
    monkeypatch.setattr(pdf, "PDF_TIME_LIMIT_S", 0.0)
    with pytest.raises(ImportError_, match="tog för lång tid att läsa"):
        pdf_to_text(motion_pdf)


def test_a_failed_structure_check_stops_the_pdfium_process(monkeypatch, motion_pdf):
    started = []

    class Recording(pdf._Worker):
        def __init__(self, data, deadline):
            super().__init__(data, deadline)
            started.append(self)

    monkeypatch.setattr(pdf, "_Worker", Recording)
    writer = PdfWriter(clone_from=io.BytesIO(motion_pdf))
    writer.encrypt("hemligt", algorithm="RC4-128")
    with pytest.raises(ImportError_, match="krypterad"):
        pdf_to_text(_writer_pdf(writer))
    assert started and started[0].process.poll() is not None
    assert not started[0].thread.is_alive()


def test_lines_come_with_their_position_and_printed_font_size(motion_pdf):
    pages = pdf._Worker(motion_pdf, time.monotonic() + PDF_TIME_LIMIT_S).pages()
    first = pages[0]
    header = next(line for line in first.lines if line.text.startswith("Kommunstyrelsen – Yrkande"))
    body = next(line for line in first.lines if line.text.startswith("1. Nämnden"))
    # The corpus prints the body in 10.5 pt and the running header in 8 pt, at the page's top.
    assert body.size == pytest.approx(10.5, abs=0.2)
    assert header.size == pytest.approx(8, abs=0.2)
    assert header.y > first.height * 0.88 > body.y > 0
