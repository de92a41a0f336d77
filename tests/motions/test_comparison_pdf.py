"""The comparison of a case as a PDF (motions.comparison_views), read back with pypdf."""

import io

import pytest
from pypdf import PdfReader

from tests.core.pdfstructure import assert_accessible, assert_headings_in_order


@pytest.mark.django_db
def test_comparison_pdf_has_parties_points_and_swedish_characters(client, real_data):
    response = client.get("/arenden/SLK-2022-00921/jamfor.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    page = reader.pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # A4 landscape
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    for abbreviation in ("S", "V", "MP", "SD", "KD"):
        assert f" {abbreviation} " in f" {text} "
    assert "Grundskolenämnden och utbildningsnämnden får i uppdrag" in text
    assert "Göteborg & Co AB" in text and "Återremiss" in text and "Förslag och yrkanden sida vid sida" in text


@pytest.mark.django_db
def test_comparison_pdf_respects_the_chosen_motions(client, real_data):
    def pdf_text(url):
        response = client.get(url)
        return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(response.content)).pages)

    new_point = "hålla personalutskottet löpande informerat"
    assert new_point in pdf_text("/arenden/0064-23/jamfor.pdf")
    assert new_point not in pdf_text("/arenden/0064-23/jamfor.pdf?urval=1")


@pytest.mark.django_db
def test_comparison_pdf_is_tagged_with_headings_table_headers_and_the_charts_alternative_text(client, real_data):
    response = client.get("/arenden/SLK-2022-00921/jamfor.pdf")
    structure = assert_accessible(response.content, title="Jämförelse SLK-2022-00921")
    assert_headings_in_order(structure.headings())
    assert {"H1", "H2", "H3"} <= set(structure.headings())  # the page, Utfall, each decision
    comparison, *_ = structure.root.find_all("Table")
    head = comparison.find_all("THead")[0]
    # Punkt, Tjänsteutlåtandet and one column per motion (six here): every one a column header.
    assert len(head.find_all("TH")) >= 8 and {th.scope for th in head.find_all("TH")} == {"Column"}
    first_row = comparison.find_all("TBody")[0].find_all("TR")[0]
    assert first_row.children[0].tag == "TH" and first_row.children[0].scope == "Row"
    assert first_row.find_all("TD")
    # The roll-call chart is a figure a screen reader can name; its numbers are in the table after it.
    (chart,) = structure.root.find_all("Figure")
    assert chart.alt and chart.alt.startswith("Röster per parti")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(response.content)).pages)
    assert text.index("Förslag och yrkanden sida vid sida") < text.index("Utfall") < text.index("Omröstning")
