"""PDFs are cheap to ask for twice (issue 17): unchanged content comes from storage, a change renders
anew, and storage that fails costs a render, never the answer. Through the three PDF views."""

import hashlib

import pytest
from django.core.files.storage import default_storage

from assignments.models import Assignment, StatusReport
from assignments.selectors import board_and_period_or_404
from budget.models import CostEstimate
from core import pdf_cache, render_pool
from core.pdf import render_pdf
from motions import comparison_views
from reports import register_views
from reports import views as report_views
from reports.composition import compose_report, report_filename

REPORT_PDF = "/rapporter/kommunstyrelsen/2023/augusti.pdf"
COMPARISON_PDF = "/arenden/0064-23/jamfor.pdf"
REGISTER_PDF = "/rapporter/verkstallighetsregister.pdf?ar=2022"


@pytest.fixture
def renders(monkeypatch):
    """The renderer of both views replaced by a quick one that counts its calls."""
    calls = []

    def counting(html):
        calls.append(html)
        return b"%PDF-1.7\n" + hashlib.sha256(html.encode()).hexdigest().encode()

    monkeypatch.setattr(report_views, "render_pdf", counting)
    monkeypatch.setattr(comparison_views, "render_pdf", counting)
    monkeypatch.setattr(register_views, "render_pdf", counting)
    return calls


@pytest.mark.parametrize("url", [REPORT_PDF, COMPARISON_PDF, REGISTER_PDF])
def test_unchanged_content_is_rendered_once_and_served_alike(client, real_data, renders, url):
    first = client.get(url)
    second = client.get(url)
    assert first.status_code == second.status_code == 200
    assert len(renders) == 1
    assert second.content == first.content
    assert second["Content-Disposition"] == first["Content-Disposition"]


def test_the_report_keeps_its_file_name_and_download_cookie_when_served_from_storage(client, real_data, renders):
    client.get(REPORT_PDF)
    response = client.get(REPORT_PDF, {"token": "abc123"})
    assert len(renders) == 1
    report = compose_report(*board_and_period_or_404("kommunstyrelsen", 2023, "augusti"))
    assert report_filename(report.board, report.period) == report.filename
    assert response["Content-Disposition"] == f'attachment; filename="{report.filename}"'
    assert response.cookies[report_views.DOWNLOAD_COOKIE].value == "abc123"


def test_the_comparison_keeps_its_file_name_and_each_choice_of_motions_is_its_own_pdf(client, real_data, renders):
    response = client.get(COMPARISON_PDF)
    assert response["Content-Disposition"] == 'inline; filename="jamforelse-0064-23.pdf"'
    client.get(COMPARISON_PDF, {"urval": "1"})
    client.get(COMPARISON_PDF, {"urval": "1"})
    assert len(renders) == 2
    assert renders[0] != renders[1]


def test_editing_an_assignment_renders_the_report_anew(client, real_data, renders):
    client.get(REPORT_PDF)
    board, period = board_and_period_or_404("kommunstyrelsen", 2023, "augusti")
    status_report = StatusReport.objects.filter(board=board, period=period).first()
    assignment = Assignment.objects.get(pk=status_report.assignment_id)
    assignment.text = assignment.text + " Ändrad."
    assignment.save()
    client.get(REPORT_PDF)
    assert len(renders) == 2
    client.get(REPORT_PDF)
    assert len(renders) == 2


def test_the_register_pdf_renders_in_the_render_pool_and_anew_after_a_change(client, real_data, renders, monkeypatch):
    # In the render pool, not in the request's process: a render of some hundred rows grows the
    # process that makes it by tens of MB (issue 18, the worker's memory).
    pooled = []
    run_render = render_pool.run_render
    monkeypatch.setattr(
        render_pool,
        "run_render",
        lambda render, html, deadline: (pooled.append(html), run_render(render, html, deadline))[1],
    )
    first = client.get(REGISTER_PDF)
    assert first.status_code == 200
    assert first["Content-Disposition"] == 'attachment; filename="verkstallighetsregister-2022.pdf"'
    assert pooled == renders and len(renders) == 1
    assert client.get(REGISTER_PDF, {"organ": "kommunfullmaktige"}).status_code == 200  # another choice, its own PDF
    assert len(renders) == 2
    Assignment.objects.filter(pk=Assignment.objects.order_by("pk").first().pk).update(text="Ändrad text")
    assert client.get(REGISTER_PDF).status_code == 200
    assert len(renders) == 3
    assert client.get(REGISTER_PDF, HTTP_ACCEPT_LANGUAGE="en").content == client.get(REGISTER_PDF).content
    assert len(renders) == 3  # the register is the city's record in Swedish, in every language


def test_a_changed_cost_renders_the_comparison_anew(client, real_data, renders):
    client.get(COMPARISON_PDF)
    cost = CostEstimate.objects.order_by("pk").first()
    assert cost is not None
    cost.save()  # any write to what public pages show moves the content version
    client.get(COMPARISON_PDF)
    assert len(renders) == 2


def test_anonymous_and_logged_in_readers_get_the_same_pdf(client, real_data, renders, politician):
    client.force_login(politician)  # first: logging in writes last_login, which moves the content version
    logged_in = client.get(COMPARISON_PDF)
    client.logout()
    anonymous = client.get(COMPARISON_PDF)
    assert logged_in.status_code == anonymous.status_code == 200
    assert logged_in.content == anonymous.content
    assert len(renders) == 1


def test_another_language_is_its_own_pdf(client, real_data, renders):
    client.get(COMPARISON_PDF)
    client.get(COMPARISON_PDF, HTTP_ACCEPT_LANGUAGE="en")
    assert len(renders) == 2


def test_storage_that_fails_costs_a_render_not_the_answer(client, real_data, renders, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("disk on fire")

    monkeypatch.setattr(default_storage, "open", broken)
    monkeypatch.setattr(default_storage, "save", broken)
    first = client.get(REPORT_PDF)
    second = client.get(REPORT_PDF)
    assert first.status_code == second.status_code == 200
    assert first.content == second.content and first.content.startswith(b"%PDF")
    assert len(renders) == 2


def test_a_damaged_stored_pdf_is_never_served(client, real_data, renders):
    good = client.get(REPORT_PDF).content
    (stored,) = [
        f"{pdf_cache.STORE_DIR}/{folder}/{name}"
        for folder in default_storage.listdir(pdf_cache.STORE_DIR)[0]
        for name in default_storage.listdir(f"{pdf_cache.STORE_DIR}/{folder}")[1]
        if name.endswith(".pdf")
    ]
    with default_storage.open(stored, "wb") as handle:
        handle.write(good[: len(good) // 2])  # as an interrupted write would leave it
    response = client.get(REPORT_PDF)
    assert response.content == good
    assert len(renders) == 2


def test_only_the_newest_pdf_of_a_document_is_kept(client, real_data, renders):
    client.get(REPORT_PDF)
    Assignment.objects.order_by("pk").first().save()
    client.get(REPORT_PDF)
    (folder,) = default_storage.listdir(pdf_cache.STORE_DIR)[0]
    assert len(default_storage.listdir(f"{pdf_cache.STORE_DIR}/{folder}")[1]) == 2  # the PDF and its checksum


def test_a_new_renderer_renders_anew(client, real_data, renders, monkeypatch):
    client.get(REPORT_PDF)
    monkeypatch.setattr(pdf_cache, "PDF_FORMAT_VERSION", "test-next")
    pdf_cache.renderer_fingerprint.cache_clear()
    try:
        client.get(REPORT_PDF)
    finally:
        pdf_cache.renderer_fingerprint.cache_clear()
    assert len(renders) == 2


def test_without_a_content_version_the_pdf_is_rendered_every_time(client, real_data, renders, settings):
    settings.PDF_CONTENT_VERSION = ""
    assert client.get(REPORT_PDF).status_code == 200
    assert client.get(REPORT_PDF).status_code == 200
    assert len(renders) == 2


def test_a_stored_pdf_is_byte_for_byte_a_fresh_render(settings):
    settings.PDF_CONTENT_VERSION = "tests.core.test_pdf_cache.fixed_version"
    html = "<!doctype html><html lang=sv><title>Prov</title><p>Åtta små ärenden</p></html>"
    stored = [pdf_cache.cached_pdf(identity=("prov",), html=lambda: html, render=render_pdf) for _ in range(2)]
    assert stored[0] == stored[1] == render_pdf(html)


def test_published_versions_are_served_from_storage_without_rendering(
    client, real_data, quick_pdf, secretariat, monkeypatch
):
    from reports import services

    board, period = board_and_period_or_404("kommunstyrelsen", 2023, "augusti")
    published, _created = services.report_publish(board=board, period=period, user=secretariat, adopt=False)

    def must_not_render(html):
        raise AssertionError("a published version was rendered")

    monkeypatch.setattr(services, "render_pdf", must_not_render)
    monkeypatch.setattr(report_views, "render_pdf", must_not_render)
    response = client.get(f"/rapporter/kommunstyrelsen/2023/augusti/versioner/{published.version}.pdf")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == published.file.open("rb").read()


def fixed_version() -> str:
    return "prov-1"
