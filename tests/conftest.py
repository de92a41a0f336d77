"""Shared fixtures: the real data, users in every role, and a Chromium driven by Playwright."""

import os

import pytest
from django.contrib.auth import get_user_model

from assignments import roles

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "test-lösenord-123"


@pytest.fixture(autouse=True)
def _fresh_page_cache(request):
    """Every test starts with an empty page cache, and sees the content version move at once.

    Each test's writes are rolled back at its end, so a version number reached in one test can
    be reached again by another with different data; clearing the cache keeps the tests apart.
    On PostgreSQL the version trigger normally fires at commit, which a test's transaction never
    reaches: it is switched to fire at each write, as the tests' own reads need.
    """
    from django.core.cache import caches

    caches["pages"].clear()
    caches["fragments"].clear()  # keyed by the content version too ({% fragment_cache %})
    marker = request.node.get_closest_marker("django_db")
    transactional = "transactional_db" in request.fixturenames or (
        marker is not None and (marker.kwargs.get("transaction") or (marker.args and marker.args[0]))
    )
    if not transactional and ("db" in request.fixturenames or marker is not None):
        request.getfixturevalue("db")
        from django.db import connection

        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS pagecache_bump IMMEDIATE")
                cursor.execute("SELECT set_config('pagecache.each_write', 'on', true)")
    yield
    caches["pages"].clear()
    caches["fragments"].clear()


@pytest.fixture(autouse=True)
def _own_pdf_store(settings, tmp_path):
    """Stored files and PDF locks in this test's own folder.

    A test's writes are rolled back, so the content version a stored PDF is keyed by comes
    round again in the next test with other data: each test keeps its PDFs to itself.
    """
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PDF_LOCK_DIR = tmp_path / "locks"
    settings.PDF_LOCK_URL = ""
    # On a thread of this process: the tests' stand-in renderers cannot be sent to another one.
    settings.PDF_RENDER_POOL = "thread"


@pytest.fixture
def real_data(db):
    """The shipped data of both seed documents, loaded as `make run` loads it."""
    from goteborg_uppdrag.seed_loader import load_all

    return load_all()


def _user(username, role=None, boards=(), superuser=False):
    user = get_user_model().objects.create_user(username=username, password=PASSWORD, is_superuser=superuser)
    if role:
        groups = roles.ensure_groups()
        user.groups.add(groups[role])
        if role == roles.SECRETARIAT:
            user.is_staff = True
            user.save(update_fields=["is_staff"])
    for board in boards:
        board.officers.add(user)
    return user


@pytest.fixture
def make_user(db):
    return _user


@pytest.fixture
def secretariat(db):
    return _user("sekretariatet", roles.SECRETARIAT)


@pytest.fixture
def politician(db):
    return _user("politikern", roles.POLITICIAN)


@pytest.fixture
def reader(db):
    return _user("lasaren", roles.READER)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium; Playwright's own browser download is not available here."""
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    yield page
    context.close()


def login_in_browser(page, live_server, username, password=PASSWORD):
    page.goto(f"{live_server.url}/logga-in/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("main form button[type=submit]")
    page.wait_for_url(lambda url: "/logga-in/" not in url)


def axe_violations(page):
    """Run axe-core (shipped inside axe-playwright-python) in the page; return its violations."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return results.response["violations"]


@pytest.fixture
def storage(settings, tmp_path):
    """Stored files (published report versions) in this test's own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def quick_pdf(monkeypatch, storage):
    """The report renderer replaced (tests/reports renders the real thing): publishing takes milliseconds."""
    from reports import services

    monkeypatch.setattr(services, "render_pdf", lambda html, **options: b"%PDF-1.7\n" + html.encode()[:64])
