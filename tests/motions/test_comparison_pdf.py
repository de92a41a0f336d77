"""The comparison of a case as a PDF (motions.comparison_views), read back with pypdf."""

import io

import pytest
from pypdf import PdfReader


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
