"""Swedish by default; English through the language switch in the header."""

import subprocess

import pytest
from django.urls import reverse
from django.utils import translation


@pytest.fixture(autouse=True)
def _swedish_afterwards():
    """LocaleMiddleware leaves the language of the last request active in the thread: English after these
    tests, which made messages English in whatever test the same worker ran next (the importers' tests)."""
    yield
    translation.activate("sv")


def test_swedish_is_the_default(client, db):
    body = client.get("/uppdrag/").content.decode()
    assert '<html lang="sv">' in body
    assert "Filtrera" in body


def test_the_language_switch_gives_english_pages(client, db):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/uppdrag/"})
    assert response.status_code == 302
    body = client.get("/uppdrag/").content.decode()
    assert '<html lang="en">' in body
    assert ">Filter<" in body
    assert "Assignments" in body
    assert "Hoppa till innehållet" not in body
    assert "Skip to content" in body or "Skip to main content" in body


def test_every_message_has_an_english_translation(settings):
    """No untranslated and no fuzzy entries (msgattrib from gettext, which `make` installs)."""
    po = settings.BASE_DIR / "locale" / "en" / "LC_MESSAGES" / "django.po"
    for flag in ("--untranslated", "--only-fuzzy"):
        result = subprocess.run(
            ["msgattrib", flag, "--no-obsolete", str(po)], capture_output=True, text=True, check=True
        )
        entries = [line for line in result.stdout.splitlines() if line.startswith("msgid ")]
        assert entries in ([], ['msgid ""']), (flag, result.stdout[:2000])
