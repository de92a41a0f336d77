"""Attachments in the open data API: each as an OParl File of its own, and embedded in its paper."""

import datetime
import hashlib
import json

import pytest
from django.utils import timezone

from motions.attachments import attachment_add, attachment_remove
from motions.models import Attachment, Case

TEXT = "Omröstningslista\n\nAnna Andersson S 1 Ja\n".encode()


def _get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return json.loads(response.content)


@pytest.fixture
def added(real_data, secretariat):
    case = Case.objects.by_url_key("0355-20").get()
    decision = case.decisions.order_by("id").first()
    return attachment_add(
        case=case,
        data=TEXT,
        filename="Omröstning § 4.txt",
        kind="omrostningslista",
        user=secretariat,
        decision=decision,
    )


@pytest.mark.django_db
def test_an_attachment_is_an_oparl_file_with_its_checksums_and_download_address(client, added):
    item = _get(client, f"/api/v1/files/{added.pk}/")
    assert item["type"] == "file" and item["fileName"] == "Omröstning § 4.txt"
    assert item["mimeType"] == "text/plain" and item["size"] == len(TEXT)
    assert item["sha256Checksum"] == hashlib.sha256(TEXT).hexdigest()
    assert item["sha512Checksum"] == hashlib.sha512(TEXT).hexdigest()
    assert item["fileType"] == "omrostningslista" and item["fileTypeLabel"] == "Omröstningslista"
    assert item["paper"] == f"http://testserver/api/v1/papers/{added.case_id}/"
    assert item["decision"] == f"http://testserver/api/v1/decisions/{added.decision_id}/"
    assert item["motion"] is None
    assert item["downloadUrl"] == item["accessUrl"]
    download = client.get(item["downloadUrl"].removeprefix("http://testserver"))
    assert download.status_code == 200 and b"".join(download.streaming_content) == TEXT


@pytest.mark.django_db
def test_a_paper_embeds_its_files(client, added):
    paper = _get(client, f"/api/v1/papers/{added.case_id}/")
    assert [f["id"] for f in paper["auxiliaryFile"]] == [added.pk]
    assert paper["auxiliaryFile"][0] == _get(client, f"/api/v1/files/{added.pk}/")


@pytest.mark.django_db
def test_an_attachment_added_or_removed_marks_its_paper_modified(client, real_data, secretariat):
    case = Case.objects.by_url_key("0355-20").get()
    Case.objects.update(updated_at=timezone.now() - datetime.timedelta(days=2))
    cutoff = timezone.now()
    assert _get(client, "/api/v1/papers/", modified_since=cutoff.isoformat())["data"] == []
    attachment = attachment_add(case=case, data=TEXT, filename="a.txt", kind="ovrigt", user=secretariat)
    papers = _get(client, "/api/v1/papers/", modified_since=cutoff.isoformat())["data"]
    assert [p["id"] for p in papers] == [case.pk]
    files = _get(client, "/api/v1/files/", modified_since=cutoff.isoformat())["data"]
    assert [f["id"] for f in files] == [attachment.pk]

    removed_at = timezone.now()
    attachment_remove(attachment=attachment, user=secretariat, reason="Fel fil", confirmed=True)
    files = _get(client, "/api/v1/files/", modified_since=removed_at.isoformat())["data"]
    assert files == [{"id": attachment.pk, "type": "file", "modified": files[0]["modified"], "deleted": True}]
    papers = _get(client, "/api/v1/papers/", modified_since=removed_at.isoformat())["data"]
    assert [p["id"] for p in papers] == [case.pk] and papers[0]["auxiliaryFile"] == []


@pytest.mark.django_db
def test_papers_with_many_files_keep_their_query_count(client, real_data, secretariat, django_assert_max_num_queries):
    before = Attachment.objects.count()  # the one tests/api/conftest.py adds
    for case in Case.objects.all():
        for n in range(3):
            attachment_add(
                case=case, data=f"Bilaga {n}\n".encode(), filename=f"{n}.txt", kind="ovrigt", user=secretariat
            )
    assert Attachment.objects.count() == before + 3 * Case.objects.count()
    with django_assert_max_num_queries(8):
        body = _get(client, "/api/v1/papers/", page_size=500)
    assert sum(len(p["auxiliaryFile"]) for p in body["data"]) == Attachment.objects.count()
    with django_assert_max_num_queries(8):
        assert len(_get(client, "/api/v1/files/", page_size=500)["data"]) == Attachment.objects.count()
