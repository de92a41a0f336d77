"""Publishing a report version: one version per distinct content, also when many publish at once."""

import threading

import pytest
from django.db import close_old_connections, connection

from assignments.models import Board, ReportingPeriod
from reports import services
from reports.models import PublishedReport
from tests.core.pdfstructure import assert_accessible, assert_archival, assert_headings_in_order
from tests.reports.pdftext import normalize, pdf_pages


def _ks_august():
    board = Board.objects.get(slug="kommunstyrelsen")
    return board, ReportingPeriod.objects.get(year=2023, kind=ReportingPeriod.Kind.AUGUSTI)


def test_someone_who_publishes_the_same_content_while_we_render_gets_no_second_version(
    real_data, storage, secretariat, monkeypatch
):
    """The 'unchanged since the latest version' check is asked again inside the transaction: a
    colleague who stored the same content while our PDF was rendering wins, and we get theirs."""
    board, period = _ks_august()
    colleague_version = {}

    def render_while_a_colleague_publishes(html, **options):
        if not colleague_version:
            monkeypatch.setattr(services, "render_pdf", lambda html, **options: b"%PDF-1.7 kollega")
            colleague_version["v"] = services.report_publish(board=board, period=period, user=secretariat)[0]
        return b"%PDF-1.7 min"

    monkeypatch.setattr(services, "render_pdf", render_while_a_colleague_publishes)
    published, created = services.report_publish(board=board, period=period, user=secretariat)

    assert not created
    assert published.pk == colleague_version["v"].pk
    assert PublishedReport.objects.filter(board=board, period=period).count() == 1


@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="real concurrent connections")
@pytest.mark.django_db(transaction=True)
def test_ten_secretaries_publishing_at_once_store_one_version(storage, quick_pdf, django_user_model):
    from assignments import roles
    from goteborg_uppdrag.seed_loader import load_all

    load_all()
    user = django_user_model.objects.create_user("sekr-samtidigt", password="lösenord-samtidigt-1")
    user.groups.add(roles.ensure_groups()[roles.SECRETARIAT])
    board, period = _ks_august()
    barrier = threading.Barrier(10)
    results, errors = [], []

    def publish():
        try:
            barrier.wait()
            results.append(services.report_publish(board=board, period=period, user=user))
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=publish) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert not errors
    assert PublishedReport.objects.filter(board=board, period=period).count() == 1
    assert sum(created for _published, created in results) == 1


@pytest.mark.django_db
def test_a_stored_version_is_pdf_a_and_pdf_ua(real_data, storage, secretariat):
    """The version kept for the archive is PDF/A-2a (long-term archiving) and still tagged PDF/UA-1."""
    board, period = _ks_august()
    published, created = services.report_publish(board=board, period=period, user=secretariat)
    assert created
    with published.file.open("rb") as stored:
        pdf = stored.read()
    structure = assert_accessible(pdf, title="Delårsrapport augusti 2023 för kommunstyrelsen")
    assert_archival(structure, part="2", conformance="A")
    assert_headings_in_order(structure.headings())
    assert structure.root.find_all("Table") and structure.root.find_all("TH")
    text = normalize(" ".join(pdf_pages(pdf)))
    body = text[text.index("Förslag till beslut I kommunstyrelsen") :]
    sections = ["Resultatredovisning i sammandrag", "Grunduppdrag", "Uppdrag från kommunstyrelsen"]
    positions = [body.index(title) for title in sections]
    assert positions == sorted(positions)
