"""The preview page /sekretariat/historik/las-in/: a document in, what was read field by field (each
uncertainty beside its field, what saving would do), nothing saved until "Spara"; a refused
document says which line failed; only the secretariat gets in."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from assignments.models import Assignment, ReportingPeriod, StatusReport
from reports.history_forms import HistoryDocumentForm, HistoryItemForm
from reports.importers import parse_report_history
from tests.motions.corpus.render import render

from .history_helpers import load_boards_only, section_41
from .test_history_corpus import CORPUS

URL = "/sekretariat/historik/las-in/"


def _review_post(parsed, *, confirm: bool, edit=None) -> dict:
    """The review form as the preview renders it, optionally edited, posted back."""
    data = {f"{k}": v for k, v in HistoryDocumentForm.initial_from(parsed).items()}
    data["body"] = parsed.body.pk if parsed.body else ""
    rows = [HistoryItemForm.initial_from(item) for item in parsed.items]
    for index, row in enumerate(rows):
        if edit:
            edit(index, row)
        for name, value in row.items():
            key = f"rad-{index}-{name}"
            if name == "responsible":
                data[key] = [b.pk for b in value]
            elif name == "origin_body":
                data[key] = value.pk if value else ""
            elif isinstance(value, bool):
                if value:
                    data[key] = "on"
            elif value is None:
                data[key] = ""
            else:
                data[key] = str(value)
    data.update({"rad-TOTAL_FORMS": len(rows), "rad-INITIAL_FORMS": 0, "rad-MIN_NUM_FORMS": 0,
                 "rad-MAX_NUM_FORMS": 300})  # fmt: skip
    data["kind"] = parsed.kind
    data["bekrafta" if confirm else "forhandsgranska"] = "1"
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture
def boards(db):
    return load_boards_only()


@pytest.mark.django_db
def test_the_preview_shows_every_field_and_flag_and_saves_nothing(client, secretariat, boards):
    client.force_login(secretariat)
    response = client.post(URL, {"text": section_41(), "forhandsgranska": "1"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Förhandsgranskning – kontrollera och rätta" in page
    assert page.count('class="history-row') == 14
    assert "1446/22" in page and "Nytt uppdrag" in page
    assert "Avsnittet fortsätter efter sidbrytning" in page
    assert "Rubriken säger ”Föreslås förklarat fullgjort” men texten säger ”Uppdraget är påbörjat”" in page
    assert "Delårsrapport augusti 2023 finns inte och skapas" in page
    assert not Assignment.objects.exists() and not ReportingPeriod.objects.exists()


@pytest.mark.django_db
def test_confirming_saves_the_reviewed_rows_with_the_corrections(client, secretariat, boards):
    client.force_login(secretariat)
    parsed = parse_report_history(section_41())

    def edit(index, row):
        if index == 0:
            row["include"] = False  # not this one
        if index == 1:
            row["status"] = Assignment.Status.PARTIALLY_REPORTED  # the text says "påbörjat"

    response = client.post(URL, _review_post(parsed, confirm=True, edit=edit))
    page = response.content.decode()
    assert response.status_code == 200, page
    assert "13 nya uppdrag och 13 statusrapporter sparade; 0 hoppades över." in page
    assert not Assignment.objects.filter(dnr="1446/22").exists()
    assert Assignment.objects.get(dnr="1447/22").status == Assignment.Status.PARTIALLY_REPORTED
    assert StatusReport.objects.count() == 13
    assert StatusReport.objects.filter(author=secretariat).count() == 13
    # Again: the 13 saved rows are offered unticked ("finns redan"), the one left out is new.
    again = client.post(URL, _review_post(parse_report_history(section_41()), confirm=True))
    assert "1 nya uppdrag och 1 statusrapporter sparade; 0 hoppades över." in again.content.decode()
    assert StatusReport.objects.count() == 14
    # Ticked all the same, each is skipped with the message, and nothing changes.
    forced = client.post(
        URL, _review_post(parse_report_history(section_41()), confirm=True, edit=lambda i, r: r.update(include=True))
    )
    page = forced.content.decode()
    assert "0 nya uppdrag och 0 statusrapporter sparade; 14 hoppades över." in page
    assert "Statusrapporten för Delårsrapport augusti 2023 finns redan – hoppas över" in page
    assert StatusReport.objects.count() == 14


@pytest.mark.django_db
def test_reviewing_again_replans_with_the_corrections(client, secretariat, boards):
    client.force_login(secretariat)
    parsed = parse_report_history(section_41())

    def edit(index, row):
        row["dnr"] = "" if index == 2 else row["dnr"]

    response = client.post(URL, _review_post(parsed, confirm=False, edit=edit))
    assert response.status_code == 200
    assert "Avsnittet fortsätter efter sidbrytning" in response.content.decode()  # the flags stay
    saved = client.post(URL, _review_post(parsed, confirm=True, edit=edit))
    page = saved.content.decode()
    assert saved.status_code == 400
    assert "Uppdrag 3 (dnr saknas): diarienumret ska skrivas som 0921/22." in page
    assert not Assignment.objects.exists()


@pytest.mark.django_db
def test_a_document_without_assignment_sections_is_refused_with_nothing_saved(client, secretariat, boards):
    client.force_login(secretariat)
    response = client.post(URL, {"text": "Årsrapport 2022\n\n1 Ekonomi\n\nNämnden redovisar ett överskott.\n"})
    page = response.content.decode()
    assert "Handlingen kunde inte läsas in. Inget har sparats." in page
    assert "Handlingen har inga avsnitt om uppdrag" in page


@pytest.mark.django_db
def test_an_impossible_date_is_refused_naming_the_page_and_line(client, secretariat, boards):
    client.force_login(secretariat)
    text = "Årsrapport 2022 för Kulturnämnden\n\n5.2 Uppdrag från kommunstyrelsen\n\n" \
        "1. Kulturnämnden får i uppdrag att pröva, dnr 0101/22, KS 2022-13-40.\n\nArbetet pågår.\n"  # fmt: skip
    page = client.post(URL, {"text": text}).content.decode()
    assert "Sida 1, rad 5: datumet 2022-13-40 finns inte." in page


@pytest.mark.django_db
def test_the_citys_pdf_is_read(client, secretariat, boards):
    client.force_login(secretariat)
    path = CORPUS / "arsrapport_2022_kulturnamnden.txt"
    upload = SimpleUploadedFile("arsrapport.pdf", render(path.read_text("utf-8")), "application/pdf")
    page = client.post(URL, {"file": upload, "forhandsgranska": "1"}).content.decode()
    assert "0345/21" in page and "0912/22" in page and "Kulturnämndens årsrapport 2022" in page


@pytest.mark.django_db
def test_a_broken_pdf_is_refused(client, secretariat, boards):
    client.force_login(secretariat)
    broken = b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ntrailer\n%%EOF"
    upload = SimpleUploadedFile("trasig.pdf", broken, "application/pdf")
    page = client.post(URL, {"file": upload}).content.decode()
    assert "PDF-filen" in page and "Inget har sparats" in page


@pytest.mark.django_db
def test_an_officer_confirming_is_refused_and_nothing_is_saved(client, make_user, boards):
    officer = make_user("handlaggaren", "handläggare", boards=[boards["kommunstyrelsen"]])
    client.force_login(officer)
    response = client.post(URL, _review_post(parse_report_history(section_41()), confirm=True))
    assert response.status_code == 403
    assert not Assignment.objects.exists()
