"""The pages of /rapporter/: choosing, checking, previewing, downloading; storing and adopting versions."""

import hashlib

import pytest
from django.urls import reverse

from assignments.models import Assignment, Board, Responsibility, StatusReport
from budget.models import StatementLine
from reports.models import PublishedReport

REPORT = ("kommunstyrelsen", 2023, "augusti")


def _url(name, *extra):
    return reverse(f"reports:{name}", args=[*REPORT, *extra])


def test_index_lets_anyone_choose_a_board_and_period(client, real_data):
    response = client.get(reverse("reports:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<label for="id_namnd">' in html and '<label for="id_period">' in html
    assert '<option value="kommunstyrelsen">Kommunstyrelsen</option>' in html
    assert '<option value="2023-augusti">Delårsrapport augusti 2023</option>' in html
    assert "Stadsledningskontoret</option>" not in html  # administrations report through their board


def test_index_shows_contents_and_nothing_missing(client, real_data, django_assert_max_num_queries):
    with django_assert_max_num_queries(16):
        response = client.get(reverse("reports:index"), {"namnd": "kommunstyrelsen", "period": "2023-augusti"})
    html = response.content.decode()
    assert "Delårsrapport augusti 2023 för kommunstyrelsen" in html
    assert "Inget saknas." in html
    assert "9 beslutspunkter" in html
    assert _url("preview") in html and _url("pdf") in html
    assert "Ingen version är sparad ännu." in html


def test_index_lists_what_is_missing(client, real_data):
    ks = Board.objects.get(slug="kommunstyrelsen")
    waiting = Assignment.objects.create(dnr="0202/23", text="Kommunstyrelsen får i uppdrag att vänta.", source="ks")
    Responsibility.objects.create(assignment=waiting, board=ks, is_lead=True)
    ks.statements.all().delete()
    html = client.get(reverse("reports:index"), {"namnd": "kommunstyrelsen", "period": "2023-augusti"}).content
    html = html.decode()
    assert "Saknas i rapporten" in html
    assert "Resultatredovisningen för perioden är inte inlagd." in html
    assert "0202/23" in html and "Ingen statusrapport för perioden" in html


def test_index_refuses_an_unknown_choice_in_swedish(client, real_data):
    response = client.get(reverse("reports:index"), {"namnd": "finns-inte", "period": "1999-mars"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nämnden finns inte. Välj en i listan." in html
    assert "Rapporttillfället finns inte. Välj ett i listan." in html
    assert 'aria-invalid="true"' in html


def test_preview_query_count_does_not_grow_with_the_assignments(client, real_data, django_assert_max_num_queries):
    ks = Board.objects.get(slug="kommunstyrelsen")
    period = StatusReport.objects.first().period
    with django_assert_max_num_queries(12):
        client.get(_url("preview"))
    for n in range(15):
        a = Assignment.objects.create(dnr=f"{n + 500:04d}/23", text="Kommunstyrelsen får i uppdrag att y.", source="ks")
        Responsibility.objects.create(assignment=a, board=ks, is_lead=True)
        StatusReport.objects.create(assignment=a, period=period, board=ks, text="Text.", proposes="complete")
    with django_assert_max_num_queries(12):
        response = client.get(_url("preview"))
    assert response.content.decode().count("diarienummer 05") == 15


def test_stored_version_whose_file_is_gone_is_a_clear_404(client, real_data, storage, secretariat):
    from django.core.files.storage import default_storage

    client.force_login(secretariat)
    client.post(_url("publish"))
    default_storage.delete(PublishedReport.objects.get().file.name)
    response = client.get(_url("version_pdf", 1))
    assert response.status_code == 404


def test_preview_shows_the_report_with_escaped_user_text(client, real_data):
    report = StatusReport.objects.get(assignment__dnr="1407/22")
    report.text = 'Textat <script>alert("x")</script> & klart'
    report.save()
    response = client.get(_url("preview"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Textat &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; klart" in html
    assert "<script>alert" not in html
    for heading in ("Förslag till beslut", "4.1.2.1", "4.1.3.2", "4.1.4.1", "Resultatredovisning i sammandrag"):
        assert heading in html
    assert 'src="/static/js/reports.js"' in html


@pytest.mark.parametrize(
    "path",
    [
        "/rapporter/finns-inte/2023/augusti/",
        "/rapporter/kommunstyrelsen/2023/juli/",
        "/rapporter/kommunstyrelsen/1999/augusti/",
        "/rapporter/kommunstyrelsen/2023/mars.pdf",
    ],
)
def test_unknown_report_is_404(client, real_data, path):
    assert client.get(path).status_code == 404


def test_pdf_download_sets_the_token_cookie_for_the_genererar_state(client, real_data):
    response = client.get(_url("pdf"), {"token": "abc123"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert (
        response["Content-Disposition"] == 'attachment; filename="delarsrapport-augusti-2023-for-kommunstyrelsen.pdf"'
    )
    assert response.content.startswith(b"%PDF")
    assert response.cookies["pdf_download"].value == "abc123"
    bad = client.get(_url("pdf"), {"token": "<script>"})
    assert "pdf_download" not in bad.cookies


def test_only_the_secretariat_may_store_and_adopt(client, real_data, storage, make_user, politician, reader):
    officer = make_user("handlaggaren", "handläggare", boards=[Board.objects.get(slug="kommunstyrelsen")])
    response = client.post(_url("publish"))
    assert response.status_code == 302 and reverse("login") in response["Location"]
    for user in (politician, reader, officer):
        client.force_login(user)
        assert client.post(_url("publish")).status_code == 403
        assert client.post(_url("adopt", 1)).status_code == 403
    assert not PublishedReport.objects.exists()
    assert client.get(_url("publish")).status_code == 405


def test_adopted_version_is_served_unchanged_after_the_data_changes(client, real_data, storage, secretariat):
    client.force_login(secretariat)
    response = client.post(_url("publish"), {"adopt": "on"})
    assert response.status_code == 302
    first = PublishedReport.objects.get()
    assert (first.version, first.is_adopted, first.published_by, first.adopted_by) == (
        1,
        True,
        secretariat,
        secretariat,
    )
    original = b"".join(client.get(_url("version_pdf", 1)).streaming_content)
    assert hashlib.sha256(original).hexdigest() == first.sha256 and len(original) == first.size

    # Nothing changed: no new version.
    client.post(_url("publish"))
    assert PublishedReport.objects.count() == 1
    index = reverse("reports:index") + "?namnd=kommunstyrelsen&period=2023-augusti"
    assert "Rapporten är densamma som version 1." in client.get(index).content.decode()

    line = StatementLine.objects.get(statement__section="3.2.1", label="Resultat")
    line.utfall = 99_900_000
    line.save()
    assert "Uppgifterna i rapporten har ändrats sedan version 1." in client.get(index).content.decode()
    client.post(_url("publish"))
    second = PublishedReport.objects.get(version=2)
    assert not second.is_adopted and second.sha256 != first.sha256

    served = client.get(_url("version_pdf", 1))
    assert served["Content-Type"] == "application/pdf"
    assert served["ETag"] == f'"{first.sha256}"'
    body = b"".join(served.streaming_content)
    assert hashlib.sha256(body).hexdigest() == first.sha256 and body == original

    html = client.get(reverse("reports:index"), {"namnd": "kommunstyrelsen", "period": "2023-augusti"}).content
    html = html.decode()
    assert "Ladda ned version 1" in html and "Ladda ned version 2" in html
    assert "Fastställ version 2" in html and "Fastställ version 1" not in html

    client.post(_url("adopt", 2))
    assert PublishedReport.objects.get(version=2).is_adopted
    again = client.post(_url("adopt", 2), follow=True)
    assert "Version 2 är redan fastställd." in again.content.decode()
    assert PublishedReport.history.filter(version=2).count() == 2
    assert "Senast sparade versioner" in client.get(reverse("reports:index")).content.decode()
