"""The OpenAPI 3.1 description of the open data API, built from the resource definitions."""

from __future__ import annotations

from .resources import RESOURCES, URL

_NULLABLE_URL = {"type": ["string", "null"], "format": "uri"}

_ERROR = {
    "type": "object",
    "properties": {
        "error": {
            "type": "object",
            "properties": {"status": {"type": "integer"}, "message": {"type": "string"}},
            "required": ["status", "message"],
        }
    },
    "required": ["error"],
}

_PAGINATION = {
    "type": "object",
    "properties": {
        "totalElements": {"type": "integer", "minimum": 0},
        "elementsPerPage": {"type": "integer", "minimum": 1},
        "currentPage": {"type": "integer", "minimum": 1},
        "totalPages": {"type": "integer", "minimum": 1},
    },
    "required": ["totalElements", "elementsPerPage", "currentPage", "totalPages"],
    "additionalProperties": False,
}

_LINKS = {
    "type": "object",
    "properties": {"first": URL, "last": URL, "prev": _NULLABLE_URL, "next": _NULLABLE_URL},
    "required": ["first", "last", "prev", "next"],
    "additionalProperties": False,
}

_PAGE_PARAMETERS = [
    {
        "name": "page",
        "in": "query",
        "required": False,
        "description": "Sidnummer, från 1.",
        "schema": {"type": "integer", "minimum": 1, "default": 1},
    },
    {
        "name": "page_size",
        "in": "query",
        "required": False,
        "description": "Antal objekt per sida (högst 500).",
        "schema": {"type": "integer", "minimum": 1, "maximum": 500, "default": 100},
    },
]

_MODIFIED_SINCE = {
    "name": "modified_since",
    "in": "query",
    "required": False,
    "description": (
        "Bara objekt som ändrats vid eller efter denna tidpunkt (ISO 8601; utan tidszon läses den som svensk tid). "
        "För inkrementell synkronisering. Objekt som raderats vid eller efter tidpunkten listas då också, efter de "
        "övriga, som i OParl 1.1: bara id, type, modified (när objektet raderades) och deleted: true."
    ),
    "schema": {"type": "string", "format": "date-time"},
}


def _error_response(description: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def _system() -> dict:
    """The entry point (OParl's System): where everything else is listed."""
    return {
        "type": "object",
        "properties": {
            "type": {"type": "string", "enum": ["system"]},
            "name": {"type": "string"},
            "version": {"type": "string"},
            "openapi": URL,
            "body": URL,
            "resources": {
                "type": "object",
                "properties": {resource.name: URL for resource in RESOURCES},
                "required": [resource.name for resource in RESOURCES],
                "additionalProperties": False,
            },
        },
        "required": ["type", "name", "version", "openapi", "body", "resources"],
        "additionalProperties": False,
    }


def build(server_url: str) -> dict:
    schemas: dict = {"System": _system(), "Error": _ERROR, "Pagination": _PAGINATION, "Links": _LINKS}
    paths: dict = {
        "/": {
            "get": {
                "operationId": "get_system",
                "summary": "Ingång",
                "description": "Länkar till kommunen (OParl Body), alla listor och denna beskrivning.",
                "tags": ["Ingång"],
                "responses": {
                    "200": {
                        "description": "Ingång",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/System"}}},
                    }
                },
            }
        }
    }
    for resource in RESOURCES:
        name = resource.schema_name
        schemas[name] = resource.schema
        schemas[f"{name}Deleted"] = resource.tombstone_schema
        parameters = [*_PAGE_PARAMETERS, _MODIFIED_SINCE]
        paths[f"/{resource.name}/"] = {
            "get": {
                "operationId": f"list_{resource.name.replace('-', '_')}",
                "summary": resource.title,
                "description": resource.description,
                "tags": [resource.title],
                "parameters": parameters,
                "responses": {
                    "200": {
                        "description": resource.title,
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "data": {
                                            "type": "array",
                                            # With modified_since, deleted objects too (OParl 1.1).
                                            "items": {
                                                "oneOf": [
                                                    {"$ref": f"#/components/schemas/{name}"},
                                                    {"$ref": f"#/components/schemas/{name}Deleted"},
                                                ]
                                            },
                                        },
                                        "pagination": {"$ref": "#/components/schemas/Pagination"},
                                        "links": {"$ref": "#/components/schemas/Links"},
                                    },
                                    "required": ["data", "pagination", "links"],
                                    "additionalProperties": False,
                                }
                            }
                        },
                    },
                    "400": _error_response("Ogiltig parameter."),
                    "404": _error_response("Sidan finns inte."),
                },
            }
        }
        paths[f"/{resource.name}/{{id}}/"] = {
            "get": {
                "operationId": f"get_{resource.name.replace('-', '_')}",
                "summary": resource.title,
                "tags": [resource.title],
                "parameters": [
                    {
                        "name": "id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "integer", "minimum": 1, "maximum": 2**63 - 1},
                    }
                ],
                "responses": {
                    "200": {
                        "description": resource.title,
                        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}},
                    },
                    "404": _error_response("Objektet finns inte."),
                },
            }
        }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Göteborgs Stad – uppdrag och ärenden, öppna data",
            "version": "1",
            "description": (
                "Läsbara allmänna handlingar: kommunen, nämnder, partier, ledamöter, sammanträden, ärenden, yrkanden, "
                "beslutspunkter, beslut, omröstningar, uppdrag och statusrapporter. Namnen följer OParl där standarden "
                "har begreppet (Body, Organization, Person, Meeting, Paper). Listor sidindelas med page och page_size; "
                "länkarna next och prev leder vidare. modified_since ger bara det som ändrats sedan en tidpunkt, även "
                "när ändringen gäller något objektet visar av ett annat (t.ex. en ledamots parti), och därtill det "
                "som raderats sedan dess, som i OParl 1.1 med deleted: true och bara id, type och modified "
                "(när objektet raderades). Objekten refererar varandra med absoluta URL:er."
            ),
        },
        "servers": [{"url": server_url}],
        "paths": paths,
        "components": {"schemas": schemas},
    }
