"""Site-wide behaviour: start page, error pages in Swedish, login throttling, security headers."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import Client
from django.urls import path

from goteborg_uppdrag import urls as site_urls


def _boom(request):
    raise RuntimeError("hemlig intern detalj")


urlpatterns = [*site_urls.urlpatterns, path("krasch/", _boom)]


def test_start_page_lists_the_loaded_cases_and_assignments(client, real_data):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "SLK-2022-00921" in html
    assert "0064/23" in html
    assert "1446/22" in html and "0921/22" in html
    assert 'lang="sv"' in html


def test_start_page_query_count_does_not_grow_with_the_data(client, real_data, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        response = client.get("/")
    # An error page costs few queries too: the count only means something for the real page.
    assert response.status_code == 200
    assert "SLK-2022-00921" in response.content.decode()


def test_404_is_swedish(client, db):
    response = client.get("/finns-inte/")
    assert response.status_code == 404
    assert "Sidan finns inte" in response.content.decode()


@pytest.mark.urls(__name__)
def test_500_is_swedish_and_leaks_nothing(db):
    client = Client(raise_request_exception=False)
    response = client.get("/krasch/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Ett fel har inträffat" in html
    assert "hemlig intern detalj" not in html and "Traceback" not in html


def test_csrf_failure_is_swedish(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/logga-in/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert "Formuläret kunde inte skickas" in response.content.decode()


def test_login_page_is_swedish_and_logs_in(client, make_user):
    make_user("anna")
    page = client.get("/logga-in/")
    assert "Användarnamn" in page.content.decode()
    response = client.post("/logga-in/", {"username": "anna", "password": "test-lösenord-123"})
    assert response.status_code == 302
    assert client.session.get("_auth_user_id")


def test_repeated_failed_logins_lock_the_account_with_a_clear_message(client, make_user):
    make_user("bertil")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post("/logga-in/", {"username": "bertil", "password": "fel"})
        assert response.status_code in (200, 429)
    locked = client.post("/logga-in/", {"username": "bertil", "password": "test-lösenord-123"})
    assert locked.status_code == 429
    assert "Kontot är tillfälligt låst" in locked.content.decode()
    assert not client.session.get("_auth_user_id")


def test_content_security_policy_forbids_inline_scripts(client, db):
    response = client.get("/logga-in/")
    policy = response.headers["Content-Security-Policy"]
    script_src = next(part for part in policy.split(";") if part.strip().startswith("script-src"))
    assert "'self'" in script_src and "unsafe-inline" not in script_src
    assert "frame-ancestors 'none'" in policy


def test_production_settings_pass_check_deploy():
    env = {
        **os.environ,
        "PRODUCTION": "1",
        "DEBUG": "0",
        "SECRET_KEY": "x" * 20 + "a-long-random-production-secret-key-0123456789",
        "ALLOWED_HOSTS": "uppdrag.goteborg.se",
    }
    # The browser tests of the same run set this for Playwright; production never has it.
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_the_development_secret_key():
    env = {**os.environ, "PRODUCTION": "1", "ALLOWED_HOSTS": "x"}
    env.pop("SECRET_KEY", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
