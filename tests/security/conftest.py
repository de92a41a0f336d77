"""The real seed data once per module instead of once per test.

The permission matrix alone has some 500 cells; loading both seed documents for each of them
costs minutes. Here the data is loaded once per module inside an outer transaction; every test
still runs in its own savepoint (pytest-django's `db`), so what a test writes is rolled back
before the next one, and the outer transaction is rolled back when the module is done.

`real_data` keeps its name and meaning (the data of tests/conftest.py's fixture, loaded by
goteborg_uppdrag.seed_loader.load_all), only its cost changes.
"""

import pytest
from django.db import transaction


@pytest.fixture(scope="module")
def _real_data_for_module(django_db_setup, django_db_blocker):
    from goteborg_uppdrag.seed_loader import load_all

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield load_all()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def real_data(_real_data_for_module, db):
    return _real_data_for_module


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path):
    """Files written by a test (a stored report version) go to a temporary folder, not media/.

    Tests here create many users; the fast hasher keeps them from spending minutes in PBKDF2.
    """
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def as_secretariat(real_data, secretariat):
    from django.test import Client

    client = Client()  # re-raises any exception of the view: a 500 fails with its traceback
    client.force_login(secretariat)
    return client


@pytest.fixture
def statement(real_data):
    from budget.models import FinancialStatement

    return FinancialStatement.objects.get(board__slug="kommunstyrelsen", section="3.2.1")
