"""Attachments on the pages: the download, the case page and the workspace lists, the secretariat's
upload and removal, and the documents the motion and roll-call importers keep."""

import hashlib
import re
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assignments import roles
from motions.attachments import attachment_add
from motions.models import Attachment, Case, Motion
from tests.motions.conftest import SEED_000, SEED_002, seed_lines
from tests.motions.corpus.render import render

TEXT = "Yrkande angående bilagor\n\nFörslag till beslut\n\n1. Nämnden får i uppdrag att spara handlingen.\n"


@pytest.fixture(scope="module")
def pdf_bytes():
    return render(TEXT, running_header="Kommunstyrelsen")


@pytest.fixture
def case(real_data):
    return Case.objects.by_url_key("0064-23").get()


def _stored(settings) -> list[Path]:
    folder = Path(settings.MEDIA_ROOT) / "bilagor"
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def _download_url(attachment):
    return reverse("motions:attachment", args=[attachment.case.url_key, attachment.pk, attachment.filename])


# --- the download ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_anyone_downloads_the_document_exactly_with_its_type_name_and_checksum(client, case, pdf_bytes):
    attachment = attachment_add(
        case=case, data=pdf_bytes, filename="Yrkande från S – åäö.pdf", kind="yrkande", user=roles.SYSTEM
    )
    response = client.get(_download_url(attachment))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf_bytes
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Length"] == str(len(pdf_bytes))
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["ETag"] == f'"{hashlib.sha256(pdf_bytes).hexdigest()}"'
    disposition = response["Content-Disposition"]
    assert disposition.startswith("inline; ")
    assert f"filename*=utf-8''{quote('Yrkande från S – åäö.pdf')}" in disposition
    # Asked again with its ETag: not sent again.
    again = client.get(_download_url(attachment), HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304 and again["ETag"] == response["ETag"]


@pytest.mark.django_db
def test_a_text_attachment_is_served_as_utf8_text(client, case):
    attachment = attachment_add(
        case=case, data="Lista åäö\n".encode(), filename="lista.txt", kind="ovrigt", user=roles.SYSTEM
    )
    response = client.get(_download_url(attachment))
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == 'inline; filename="lista.txt"'


@pytest.mark.django_db
def test_a_wrong_case_or_id_is_404_and_a_wrong_name_redirects(client, case):
    attachment = attachment_add(case=case, data=b"Bilaga\n", filename="bilaga.txt", kind="ovrigt", user=roles.SYSTEM)
    other = Case.objects.exclude(pk=case.pk).first()
    assert client.get(f"/arenden/{other.url_key}/bilagor/{attachment.pk}/bilaga.txt").status_code == 404
    assert client.get(f"/arenden/{case.url_key}/bilagor/{attachment.pk + 1000}/bilaga.txt").status_code == 404
    assert client.get(f"/arenden/finns-inte/bilagor/{attachment.pk}/bilaga.txt").status_code == 404
    moved = client.get(f"/arenden/{case.url_key}/bilagor/{attachment.pk}/annat.txt")
    assert moved.status_code == 301 and moved["Location"] == _download_url(attachment)
    assert client.post(_download_url(attachment)).status_code == 405


# --- the lists -------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_case_page_lists_name_kind_size_and_checksum(client, case, pdf_bytes):
    attachment = attachment_add(case=case, data=pdf_bytes, filename="Yrkande.pdf", kind="yrkande", user=roles.SYSTEM)
    html = client.get(case.get_absolute_url()).content.decode()
    assert f'href="{_download_url(attachment)}"' in html
    assert "Yrkande · PDF · " in html
    size = f"{round(len(pdf_bytes) / 1000)}\u00a0kB"
    assert size in html
    assert f'title="{attachment.sha256}">{attachment.sha256[:12]}…</code>' in html
    assert f'<code class="checksum">{attachment.sha256}</code>' in html
    assert "Lägg till bilaga" not in html  # the secretariat's links are not on the public page


@pytest.mark.django_db
def test_the_case_page_says_when_there_are_none_and_shows_the_secretariat_its_links(client, case, secretariat):
    assert "Ärendet har inga bilagor." in client.get(case.get_absolute_url()).content.decode()
    client.force_login(secretariat)
    html = client.get(case.get_absolute_url()).content.decode()
    assert reverse("secretariat:attachment_new", args=[case.url_key]) in html


@pytest.mark.django_db
def test_the_case_page_query_count_does_not_grow_with_attachments(client, build_case, django_assert_max_num_queries):
    small = build_case(motions=2, number=1)
    large = build_case(motions=2, number=2)
    attachment_add(case=small, data=b"Bilaga 0\n", filename="0.txt", kind="ovrigt", user=roles.SYSTEM)
    for n in range(8):
        attachment_add(case=large, data=f"Bilaga {n}\n".encode(), filename=f"{n}.txt", kind="ovrigt", user=roles.SYSTEM)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(small.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(len(queries)):
        assert client.get(large.get_absolute_url()).content.decode().count('class="attachment"') == 8


@pytest.mark.django_db
def test_the_workspace_lists_them_with_a_removal_link_and_constant_queries(
    client, build_case, secretariat, django_assert_max_num_queries
):
    client.force_login(secretariat)
    small = build_case(motions=1, number=1)
    large = build_case(motions=1, number=2)
    attachment_add(case=small, data=b"Bilaga\n", filename="a.txt", kind="ovrigt", user=roles.SYSTEM)
    for n in range(6):
        attachment_add(case=large, data=f"Bilaga {n}\n".encode(), filename=f"{n}.txt", kind="ovrigt", user=roles.SYSTEM)
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("secretariat:case", args=[small.url_key]))
    with django_assert_max_num_queries(len(queries)):
        html = client.get(reverse("secretariat:case", args=[large.url_key])).content.decode()
    assert len(re.findall(r"/bilagor/\d+/ta-bort/", html)) == 6


# --- the secretariat's upload and removal -----------------------------------------------------------------


@pytest.mark.django_db
def test_the_secretariat_uploads_a_pdf_and_it_is_listed(client, case, secretariat, pdf_bytes):
    client.force_login(secretariat)
    url = reverse("secretariat:attachment_new", args=[case.url_key])
    assert client.get(url).status_code == 200
    upload = SimpleUploadedFile("Protokollsutdrag § 355.pdf", pdf_bytes, "application/octet-stream")
    response = client.post(url, {"file": upload, "kind": "protokollsutdrag"})
    assert response.status_code == 302 and response["Location"].endswith("#bilagor")
    attachment = Attachment.objects.get(case=case)
    assert attachment.filename == "Protokollsutdrag § 355.pdf" and attachment.kind == "protokollsutdrag"
    assert attachment.content_type == "application/pdf"  # from the bytes, not the browser's word
    html = client.get(response["Location"]).content.decode()
    assert "Bilagan Protokollsutdrag § 355.pdf är sparad." in html and "Protokollsutdrag · PDF" in html
    # The same file again: one attachment.
    client.post(url, {"file": SimpleUploadedFile("igen.pdf", pdf_bytes), "kind": "ovrigt"})
    assert Attachment.objects.filter(case=case).count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.4\n" + bytes(range(256)) * 40, "PDF-filen är trasig"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "Bara PDF-filer och textfiler"),
        ("Yrkande".encode("utf-16"), "Bara PDF-filer och textfiler"),
    ],
    ids=["broken-pdf", "png", "utf-16"],
)
def test_a_refused_upload_says_why_and_keeps_nothing(client, case, secretariat, settings, data, message):
    client.force_login(secretariat)
    url = reverse("secretariat:attachment_new", args=[case.url_key])
    response = client.post(url, {"file": SimpleUploadedFile("x.pdf", data), "kind": "ovrigt"})
    assert response.status_code == 400
    assert message in response.content.decode() and "Inget har sparats." in response.content.decode()
    assert not Attachment.objects.exists() and _stored(settings) == []


@pytest.mark.django_db
def test_an_oversized_upload_is_refused_before_it_is_read(client, case, secretariat, settings):
    client.force_login(secretariat)
    url = reverse("secretariat:attachment_new", args=[case.url_key])
    upload = SimpleUploadedFile("stor.pdf", b"%PDF-1.7\n" + b"0" * (21 * 1024 * 1024))
    response = client.post(url, {"file": upload, "kind": "ovrigt"})
    assert response.status_code == 400 and "för stor" in response.content.decode()
    assert not Attachment.objects.exists() and _stored(settings) == []


@pytest.mark.django_db
def test_others_may_not_upload(client, case, politician, pdf_bytes):
    client.force_login(politician)
    url = reverse("secretariat:attachment_new", args=[case.url_key])
    assert client.post(url, {"file": SimpleUploadedFile("a.pdf", pdf_bytes), "kind": "ovrigt"}).status_code == 403
    assert not Attachment.objects.exists()


@pytest.mark.django_db
def test_removal_asks_for_reason_and_confirmation(client, case, secretariat):
    attachment = attachment_add(case=case, data=b"Bilaga\n", filename="a.txt", kind="ovrigt", user=roles.SYSTEM)
    client.force_login(secretariat)
    url = reverse("secretariat:attachment_remove", args=[case.url_key, attachment.pk])
    page = client.get(url).content.decode()
    assert "a.txt" in page and "Varför tas bilagan bort?" in page
    refused = client.post(url, {"reason": "Fel ärende"})
    assert refused.status_code == 400 and "Bekräfta att bilagan ska tas bort." in refused.content.decode()
    assert Attachment.objects.filter(pk=attachment.pk).exists()
    removed = client.post(url, {"reason": "Fel ärende", "confirm": "on"})
    assert removed.status_code == 302 and not Attachment.objects.filter(pk=attachment.pk).exists()
    other = Case.objects.exclude(pk=case.pk).first()
    assert client.get(reverse("secretariat:attachment_remove", args=[other.url_key, attachment.pk])).status_code == 404


# --- the importers keep their documents ---------------------------------------------------------------------


@pytest.mark.django_db
def test_a_motion_read_from_a_pdf_keeps_the_pdf_after_the_review(client, case, secretariat, settings):
    from assignments.models import Board
    from motions.models import Party

    client.force_login(secretariat)
    url = reverse("motions:motion_import", args=[case.url_key])
    pdf = render(seed_lines(SEED_000, 1, 82), running_header="Kommunstyrelsen")
    preview = client.post(url, {"file": SimpleUploadedFile("Yrkande S.pdf", pdf), "forhandsgranska": "1"})
    review = preview.context["review"]
    assert review.initial["document"] and not Attachment.objects.exists()
    data = {k: v for k, v in review.initial.items() if v not in (None, False, [])}
    data |= {"date": "2024-06-04", "parties": [Party.objects.get(abbreviation="S").pk], "bekrafta": "1"}
    data["body"] = Board.objects.get(short_name="KS").pk
    assert client.post(url, data).status_code == 302
    motion = Motion.objects.latest("pk")
    attachment = Attachment.objects.get(case=case)
    assert attachment.motion == motion and attachment.kind == "yrkande" and attachment.filename == "Yrkande S.pdf"
    assert attachment.sha256 == hashlib.sha256(pdf).hexdigest()
    # The staged copy is gone once saved; only the attachment's file is left.
    assert _stored(settings) == [Path(settings.MEDIA_ROOT) / attachment.file.name]


@pytest.mark.django_db
def test_a_review_with_a_forged_document_token_saves_nothing(client, case, secretariat):
    client.force_login(secretariat)
    url = reverse("motions:motion_import", args=[case.url_key])
    before = Motion.objects.count()
    data = {"reviewed": "1", "kind": "yrkande", "title": "Yrkande angående x", "points": "1. Ett", "bekrafta": "1"}
    response = client.post(url, data | {"document": "förfalskad"})
    assert response.status_code == 200 and "finns inte kvar" in response.content.decode()
    assert Motion.objects.count() == before and not Attachment.objects.exists()


@pytest.mark.django_db
def test_pasted_motion_text_is_kept_as_a_text_file(client, case, secretariat):
    client.force_login(secretariat)
    text = seed_lines(SEED_002, 1, 57)
    response = client.post(reverse("motions:motion_import", args=[case.url_key]), {"text": text, "bekrafta": "1"})
    assert response.status_code == 302
    attachment = Attachment.objects.get(case=case)
    assert attachment.filename == "yrkande.txt" and attachment.content_type == "text/plain; charset=utf-8"
    assert attachment.motion == Motion.objects.latest("pk")
    with attachment.file.open("rb") as handle:
        assert handle.read().decode() == text


@pytest.mark.django_db
def test_a_refused_document_keeps_nothing_in_the_motion_import(client, case, secretariat, settings):
    client.force_login(secretariat)
    url = reverse("motions:motion_import", args=[case.url_key])
    hostile = SimpleUploadedFile("x.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 40)
    for action in ("forhandsgranska", "bekrafta"):
        hostile.seek(0)
        response = client.post(url, {"file": hostile, action: "1"})
        assert "PDF-filen är trasig" in response.content.decode()
    assert not Attachment.objects.exists() and _stored(settings) == []


@pytest.mark.django_db
def test_a_roll_call_keeps_its_list_with_the_decision(client, real_data, secretariat):
    client.force_login(secretariat)
    case = Case.objects.by_url_key("0355-20").get()
    decision = case.decisions.get(paragraph=4)
    url = reverse("motions:rollcall_import", args=[case.url_key, decision.pk])
    text = seed_lines(SEED_000, 1486, 1601)
    upload = SimpleUploadedFile("Omröstningslista § 4.txt", text.encode())
    response = client.post(url, {"file": upload, "proposition": "Ja för avslag", "bekrafta": "1"})
    assert response.status_code == 302
    attachment = Attachment.objects.get(case=case)
    assert attachment.decision == decision and attachment.kind == "omrostningslista"
    assert attachment.filename == "Omröstningslista § 4.txt"
    bad = client.post(
        url, {"text": text.replace("Antal Nej: 21", "Antal Nej: 22"), "proposition": "x", "bekrafta": "1"}
    )
    assert bad.status_code == 200 and Attachment.objects.filter(case=case).count() == 1
