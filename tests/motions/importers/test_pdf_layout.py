"""A PDF's lines keep their columns (pdf.laid_out from the word edges pdfium_worker reads): an
X-marked vote table reads from the PDF exactly as from its text, prose lines are left as read."""

import pytest

from motions.importers import parse_rollcall, pdf_to_text
from motions.importers.pdf import PdfLine, laid_out

from ..corpus.render import render


def _table(header: list[tuple[int, str]], rows: list[list[tuple[int, str]]]) -> list[str]:
    """Lines with each cell at its character column, as a table typed with its layout."""
    lines = []
    for cells in [header, *rows]:
        line = ""
        for column, text in cells:
            line = line.ljust(column) + text
        lines.append(line)
    return lines


# The result columns before the name, Frånv. for Frånvarande, a seat number, no Funktion.
COLUMNS = [(0, "Nr"), (7, "Nej"), (13, "Ja"), (18, "Avstår"), (27, "Frånv."), (36, "Ledamöter"), (58, "Parti")]
MEMBERS = [
    (1, "Anna Berg", "S", 13), (2, "Bo af Ek", "M", 7), (3, "Cia Dahl-Lind", "V", 20), (4, "Dan Fors", "KD", 29),
    (5, "Eva Gran", "SD", 8), (6, "Filip Holm", "L", 13), (7, "Gun Isaksson", "C", 14), (8, "Hans Jern", "MP", 7),
]  # fmt: skip
EXPECTED = [
    ("Anna Berg", "S", 1, "ja"), ("Bo af Ek", "M", 2, "nej"), ("Cia Dahl-Lind", "V", 3, "avstar"),
    ("Dan Fors", "KD", 4, "franvarande"), ("Eva Gran", "SD", 5, "nej"), ("Filip Holm", "L", 6, "ja"),
    ("Gun Isaksson", "C", 7, "ja"), ("Hans Jern", "MP", 8, "nej"),
]  # fmt: skip


def _rows(members) -> list[list[tuple[int, str]]]:
    return [[(0, str(seat)), (mark, "X"), (36, name), (58, party)] for seat, name, party, mark in members]


TABLE = _table(COLUMNS, [*_rows(MEMBERS), [(0, "Summa"), (8, "3"), (13, "3"), (20, "1"), (29, "1")]])


def _read(text: str) -> list[tuple]:
    parsed = parse_rollcall(text)
    return [(r.name, r.party, r.seat, r.result) for r in parsed.rows], parsed.declared_totals


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("\n".join(TABLE) + "\n", id="one-page"),
        # The render starts a new page at the text's footer line: the rows go on without the header.
        pytest.param("\n".join([*TABLE[:5], "Sida 1 av 2", *TABLE[5:]]) + "\n", id="page-break"),
        # The header repeated at the top of the next page.
        pytest.param("\n".join([*TABLE[:4], "Sida 1 av 2", TABLE[0], *TABLE[4:]]) + "\n", id="page-break-header"),
    ],
)
def test_an_x_marked_table_reads_from_the_pdf_exactly_as_from_its_text(text):
    from_text = _read(text)
    pdf = pdf_to_text(render(text, footer="sida"))
    assert from_text == (EXPECTED, {"ja": 3, "nej": 3, "avstar": 1, "franvarande": 1})
    assert _read(pdf.text) == from_text
    assert pdf.pages == (1 if "Sida" not in text else 2)


def test_the_marks_are_read_from_where_they_are_printed_not_their_order_in_the_line():
    # The same X standing one column to the right must read as the other result.
    moved = [(seat, name, party, 13 if mark in (7, 8) else mark) for seat, name, party, mark in MEMBERS]
    text = "\n".join(_table(COLUMNS, _rows(moved))) + "\n"
    rows, _declared = _read(pdf_to_text(render(text, footer="number")).text)
    assert [r[3] for r in rows] == ["ja", "ja", "avstar", "franvarande", "ja", "ja", "ja", "ja"]


def test_prose_lines_are_left_exactly_as_read():
    text = (
        "Nämnden har således beslutat enligt förvaltningens förslag.\n"
        "Ja och Nej: X står här inte i någon tabell, och Summa 3 är ingen.\n"
    )
    pdf = pdf_to_text(render(text, footer="number"))
    assert pdf.text.split("\n")[:2] == text.split("\n")[:2]


def _line(words: list[tuple[str, float, float]], size: float = 10.0) -> PdfLine:
    edges = [edge for _w, left, right in words for edge in (left, right)]
    return PdfLine(text=" ".join(w for w, _l, _r in words), y=500, x=words[0][1], size=size, words=edges)


def test_a_gap_wider_than_a_word_space_is_kept_as_columns_from_the_margin():
    # Word spaces of 3 pt stay one space; a 20 pt gap sets the next word at its place (4.5 pt a character).
    line = _line([("Anna", 100, 120), ("Berg", 123, 143), ("S", 190, 196), ("X", 235, 241)])
    assert laid_out(line, margin=100, size=10) == "Anna Berg" + " " * 11 + "S" + " " * 9 + "X"
    # Indented from the margin: the columns count from the margin, not from the line's start.
    indented = _line([("Summa", 145, 175), ("3", 235, 240)])
    assert laid_out(indented, margin=100, size=10) == " " * 10 + "Summa" + " " * 15 + "3"


def test_a_justified_line_or_one_without_word_edges_is_left_as_read():
    justified = _line([("Nämnden", 100, 140), ("har", 147, 162), ("beslutat", 169, 210)])
    assert laid_out(justified, margin=100, size=10) == "Nämnden har beslutat"
    unplaced = PdfLine(text="Anna Berg S X", y=500, x=100, size=10, words=[])
    assert laid_out(unplaced, margin=100, size=10) == "Anna Berg S X"


def test_two_columns_too_close_for_their_characters_stay_two_spaces_apart():
    # "Tjänstgörande" printed narrower than 4.5 pt a character: the next cell follows two spaces on.
    line = _line([("Tjänstgörande", 100, 140), ("Ja", 152, 160)])
    assert laid_out(line, margin=100, size=10) == "Tjänstgörande  Ja"
