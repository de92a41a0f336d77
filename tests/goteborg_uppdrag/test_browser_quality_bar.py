"""The quality bar for every page, in Chromium at 1366×768 and 390×844: each page of the permission matrix
(tests/security/test_permission_matrix.py) that answers 200 with HTML for some role is opened as that role
and must

- not scroll sideways (WCAG 1.4.10 reflow): document.documentElement.scrollWidth <= innerWidth,
  a wide table scrolls inside its own box instead;
- be clean for axe-core's WCAG 2.1 A and AA rules;
- give every SVG <text> and every badge at least 4.5:1 against what is behind it (1.4.3), computed in the page,
  since axe does not look inside SVG and cannot see text drawn on a data-given colour;
- show a focus indicator on every control a keyboard reaches (2.4.7);
- offer no "---------" choice in a select.

A new page, or a page that breaks one of these, fails here. One test walks everything so the real data is
loaded once; the session's browser is shared, with one context per role and size (log in by session cookie).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from assignments import roles
from tests.security import test_permission_matrix as matrix
from tests.security.test_permission_matrix import ROLES, TABLE, _path, _user_for

world = matrix.world  # the matrix's fixture: the objects its path templates point at

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {"1366x768": (1366, 768), "390x844": (390, 844)}
WCAG_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
# A page is seen as the role with the most rights that may open it (the most controls on it) ...
PREFERENCE = ("sekretariat", "handlaggare", "annan_handlaggare", "politiker", "lasare", "anonym")
# ... and the pages a visitor who has not logged in starts from also as that visitor.
ALSO_ANONYMOUS = {"start", "login"}

# Addresses that answer with a file or data, not a page (rendering a PDF takes seconds): not asked for here.
NOT_PAGES = (".pdf", ".csv", ".xlsx", ".ics", ".json", "/atom/")
NOT_PAGE_PREFIXES = ("/api/",)

BUTTONS = ".button"  # links and buttons styled as buttons: their label must stay readable on hover
BADGES = ".status, .party, .tag, .flag, .outcome"

# Runs in the page: contrast of SVG text, badges and hovered buttons, selects, focus.
CHECKS_JS = (Path(__file__).parent / "page_checks.js").read_text()


def _axe_script() -> str:
    """axe-core as shipped inside axe-playwright-python, added to every page a context opens."""
    import axe_playwright_python

    return str(Path(axe_playwright_python.__file__).parent / "axe.min.js")


def _axe_wcag_aa(page) -> list[dict]:
    return page.evaluate("(options) => axe.run(document, options).then((result) => result.violations)", WCAG_AA)


def _html_pages(world, make_user):
    """(row, role, path, context key, session) for every GET row answering 200 with HTML, as its most
    privileged role. One user per role (an officer per owning board), logged in once."""
    sessions = {}

    def client_for(role, row):
        key = (role, row.owner if role == "handlaggare" else None)
        if key not in sessions:
            client = Client()
            if role == "handlaggare":
                client.force_login(
                    make_user(f"handlaggare_{row.owner}", roles.OFFICER, boards=[world["boards"][row.owner]])
                )
            elif role != "anonym":
                client.force_login(_user_for(role, row, make_user, world))
            sessions[key] = client
        return key, sessions[key]

    pages = []
    for row in TABLE:
        if row.method != "GET":
            continue
        path = _path(row.path, world["values"])
        if path.endswith(NOT_PAGES) or path.startswith(NOT_PAGE_PREFIXES):
            continue
        allowed = [role for role, expected in zip(ROLES, row.expected, strict=True) if expected == 200]
        chosen = [role for role in PREFERENCE if role in allowed][:1]
        if row.name in ALSO_ANONYMOUS and "anonym" in allowed and "anonym" not in chosen:
            chosen.append("anonym")
        for role in chosen:
            key, client = client_for(role, row)
            response = client.get(path)
            assert response.status_code == 200, (path, role, response.status_code)
            if response["Content-Type"].startswith("text/html"):
                cookie = client.cookies.get(settings.SESSION_COOKIE_NAME)
                pages.append((row, role, path, key, cookie.value if cookie else None))
    return pages


@pytest.mark.parametrize("size", SIZES)  # one test per size, so two test workers share the walk
def test_every_page_reflows_passes_axe_has_contrast_and_visible_focus(
    size, storage, live_server, browser, world, make_user
):
    pages = _html_pages(world, make_user)
    assert len({row.name for row, *_ in pages}) >= 25, "the walk found the site's pages"
    problems = []
    width, height = SIZES[size]
    axe_script = _axe_script()
    contexts = {}
    try:
        for row, role, path, key, cookie in pages:
            if key not in contexts:
                context = browser.new_context(viewport={"width": width, "height": height}, locale="sv-SE")
                context.add_init_script(path=axe_script)
                if cookie is not None:
                    context.add_cookies(
                        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
                    )
                contexts[key] = (context, context.new_page())
            page = contexts[key][1]
            where = f"{size} {role} {row.name} {path}"
            response = page.goto(f"{live_server.url}{path}")
            assert response.status == 200, where
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                problems.append(f"{where}: scrolls sideways, {scroll_width} px wide")
            problems += [
                f"{where}: axe {v['id']} ({v['impact']}): {v['help']} – {v['nodes'][0]['target']}"
                for v in _axe_wcag_aa(page)
            ]
            page.keyboard.press("Tab")  # keyboard modality: a script's focus() now matches :focus-visible
            problems += [f"{where}: {problem}" for problem in page.evaluate(CHECKS_JS, {"badges": BADGES})]
            for button in page.locator(BUTTONS).all():
                if button.is_visible():
                    button.hover(timeout=5000)
                    hovered = page.evaluate(CHECKS_JS, {"badges": BUTTONS, "hovered": True})
                    problems += [f"{where}: {problem}" for problem in hovered]
    finally:
        for context, _page in contexts.values():
            context.close()
    assert problems == [], "\n".join(problems)
