"""Login throttling: an account is locked per user name *and* address, so a stranger cannot lock
someone else out; an address that fails across many user names (password spraying) is stopped."""

from django.conf import settings
from django.test import Client

PASSWORD = "test-lösenord-123"


def _client(address: str) -> Client:
    return Client(REMOTE_ADDR=address)


def test_a_stranger_cannot_lock_someone_elses_account(make_user):
    make_user("bertil")
    stranger = _client("198.51.100.7")
    for _ in range(settings.AXES_FAILURE_LIMIT + 2):
        assert stranger.post("/logga-in/", {"username": "bertil", "password": "fel"}).status_code in (200, 429)
    assert stranger.post("/logga-in/", {"username": "bertil", "password": PASSWORD}).status_code == 429

    owner = _client("192.0.2.10")
    response = owner.post("/logga-in/", {"username": "bertil", "password": PASSWORD})
    assert response.status_code == 302
    assert owner.session.get("_auth_user_id")


def test_password_spraying_from_one_address_is_stopped_with_a_swedish_page(make_user, settings):
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 6
    make_user("cecilia")
    sprayer = _client("203.0.113.5")
    for number in range(6):
        # One try per name: no account reaches its own limit, the address does.
        assert sprayer.post("/logga-in/", {"username": f"namn{number}", "password": "fel"}).status_code == 200
    refused = sprayer.post("/logga-in/", {"username": "cecilia", "password": PASSWORD})
    assert refused.status_code == 429
    page = refused.content.decode()
    assert "För många inloggningsförsök" in page
    assert "från din nätverksadress" in page
    assert not sprayer.session.get("_auth_user_id")

    elsewhere = _client("192.0.2.20")
    assert elsewhere.post("/logga-in/", {"username": "cecilia", "password": PASSWORD}).status_code == 302


def test_the_locked_account_page_says_what_to_do(make_user):
    make_user("david")
    client = _client("192.0.2.30")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/logga-in/", {"username": "david", "password": "fel"})
    locked = client.post("/logga-in/", {"username": "david", "password": PASSWORD})
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Kontot är tillfälligt låst" in page
    assert "Försök igen senare" in page


def test_behind_a_trusted_proxy_the_forwarded_address_counts(make_user, settings):
    from django.test import RequestFactory

    from goteborg_uppdrag.auth import client_ip

    settings.TRUSTED_PROXIES = ["10.0.0.5"]
    factory = RequestFactory()
    via_proxy = factory.get("/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.9")
    assert client_ip(via_proxy) == "198.51.100.9"
    # A client that is not the proxy cannot name its own address.
    direct = factory.get("/", REMOTE_ADDR="203.0.113.8", HTTP_X_FORWARDED_FOR="192.0.2.1")
    assert client_ip(direct) == "203.0.113.8"

    make_user("erik")
    stranger = Client(REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="198.51.100.9")
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        stranger.post("/logga-in/", {"username": "erik", "password": "fel"})
    colleague = Client(REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="192.0.2.44")
    assert colleague.post("/logga-in/", {"username": "erik", "password": PASSWORD}).status_code == 302
