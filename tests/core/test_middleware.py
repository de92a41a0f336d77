"""Addresses with NUL or other control characters, or a query string that is not UTF-8, get a
Swedish 400 page (or a 404) on every URL pattern, on SQLite and on PostgreSQL alike — never a 500.

PostgreSQL refuses text containing NUL, so before this every page that looked a parameter up
(/arenden/%00/, the feeds, the budget and import pages) answered with a server error there.
"""

import re

import pytest
from django.test import Client

from core.middleware import malformed_address
from tests.urlpatterns import PARAMETER, path_routes

NASTY = ["%00", "a%00b", "SLK-2022-00921%00", "%01", "%7F"]


def _fill(route: str, value: str) -> str:
    def replace(match):
        converter = match.group("converter") or "str"
        if converter == "int":
            return "1"
        if converter == "slug":
            return "kommunstyrelsen"
        return value

    return "/" + PARAMETER.sub(replace, route)


TEXT_ROUTES = [route for route in path_routes() if re.search(r"<(str:|path:)?[a-z_]+>", route)]
PLAIN_ROUTES = [route for route in path_routes() if "<" not in route]


def _superuser_client(django_user_model) -> Client:
    user = django_user_model.objects.create_superuser("admin-nul", "admin@example.org", "lösenord-nul-123")
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def test_every_text_parameter_is_covered():
    assert "arenden/<str:key>/" in TEXT_ROUTES
    assert "floden/arenden/<str:key>/yrkanden/atom/" in TEXT_ROUTES
    assert "budget/arenden/<str:key>/" in TEXT_ROUTES
    assert len(TEXT_ROUTES) >= 10


@pytest.mark.parametrize("route", TEXT_ROUTES)
def test_control_characters_in_a_path_parameter_never_reach_the_database(route, db, django_user_model):
    for client in (Client(raise_request_exception=False), _superuser_client(django_user_model)):
        for value in NASTY:
            url = _fill(route, value)
            for response in (client.get(url), client.post(url, {})):
                assert response.status_code in (400, 403, 404, 405), (url, response.status_code)
        django_user_model.objects.filter(username="admin-nul").delete()


@pytest.mark.parametrize("route", PLAIN_ROUTES)
def test_control_characters_or_broken_utf8_in_the_query_are_a_swedish_400(route, db, django_user_model):
    client = _superuser_client(django_user_model)
    for query in ("q=%00", "sida=1%00", "%00=1", "q=%FF%FE", "nämnd=%C3"):
        response = client.get(f"/{route}?{query}")
        assert response.status_code == 400, (route, query, response.status_code)
        if route.startswith("api/"):
            assert "styrtecken" in response.json()["error"]["message"]
        else:
            assert "Adressen kan inte användas" in response.content.decode()


def test_ordinary_addresses_pass(rf):
    assert not malformed_address(rf.get("/arenden/SLK-2022-00921/jamfor/?urval=1&visa=3"))
    assert not malformed_address(rf.get("/sok/", {"q": "trygghet och säkerhet"}))
    assert not malformed_address(rf.get("/uppdrag/", {"q": "Nämnden för funktionsstöd\t"}))
    assert malformed_address(rf.get("/sok/", {"q": "a\x00b"}))
    assert malformed_address(rf.get("/arenden/a\x00b/"))


SIGNED_IN_PAGES = ["/", "/uppdrag/", "/arenden/SLK-2022-00921/jamfor/", "/konto/aviseringar/", "/api/v1/"]


@pytest.mark.parametrize("path", SIGNED_IN_PAGES)
def test_signed_in_pages_are_private_and_not_stored(path, client, real_data, secretariat):
    client.force_login(secretariat)
    response = client.get(path)
    assert response.status_code == 200
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives
    assert "public" not in directives


def test_anonymous_public_pages_are_not_marked_private(client, real_data):
    response = client.get("/uppdrag/")
    assert response.status_code == 200
    assert "private" not in response.get("Cache-Control", "")


def test_the_api_refuses_a_malformed_address_in_its_own_json_format(client, db):
    response = client.get("/api/v1/assignments/", {"modified_since": "2020\x00"})
    assert response.status_code == 400
    body = response.json()
    assert body["error"]["status"] == 400
    assert "styrtecken" in body["error"]["message"]
