"""Schemathesis drives every operation of the OpenAPI description against the app and checks the answers.

Hypothesis generates parameters (ids, pages, page sizes, modified_since) from the schema; every
response must have a documented status, the documented content type and validate against its
schema; the server must never answer 500.
"""

import json

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi import checks as openapi_checks

from api.resources import RESOURCES

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def test_openapi_description_covers_every_resource(client, db):
    schema = json.loads(client.get("/api/v1/openapi.json").content)
    assert schema["openapi"].startswith("3.")
    assert "/" in schema["paths"]
    for resource in RESOURCES:
        assert f"/{resource.name}/" in schema["paths"]
        assert f"/{resource.name}/{{id}}/" in schema["paths"]
    for resource in RESOURCES:
        parameters = {p["name"] for p in schema["paths"][f"/{resource.name}/"]["get"]["parameters"]}
        assert parameters == {"page", "page_size", "modified_since"}, resource.name


@pytest.fixture
def api_schema(real_data):
    # As Django's test client does: the test's transaction must not be closed at the end of a request.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def test_every_operation_conforms_to_the_schema(api_schema):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    # The entry point, and a list and a detail operation per resource.
    assert len(operations) == 1 + 2 * len(RESOURCES)
    checks = [
        openapi_checks.status_code_conformance,
        openapi_checks.content_type_conformance,
        openapi_checks.response_schema_conformance,
    ]
    for operation in operations:

        @settings(
            max_examples=6,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy())
        def check(case):
            response = case.call()
            assert response.status_code < 500, (case.path, case.query, response.text[:300])
            case.validate_response(response, checks=checks)

        check()


def test_the_real_data_conforms_page_by_page(api_schema, client):
    """Every published object of the real data, not only the generated examples, matches its schema."""
    import jsonschema_rs

    schema = json.loads(client.get("/api/v1/openapi.json").content)
    components = schema["components"]["schemas"]
    for resource in RESOURCES:
        validator = jsonschema_rs.validator_for(components[resource.schema_name])
        body = json.loads(client.get(f"/api/v1/{resource.name}/", {"page_size": 500}).content)
        assert body["data"]
        for item in body["data"]:
            validator.validate(item)
