"""Read-only JSON views of the open data API (/api/v1/): thin, one generic list and detail view."""

from __future__ import annotations

import datetime
import re

from django.core.paginator import EmptyPage, Paginator
from django.http import JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from . import schema
from .resources import BY_NAME, RESOURCES, Resource
from .serializers import Links

DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 500
MAX_ID = 2**63 - 1


class BadRequest(Exception):
    pass


def _json(data, status=200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    # Open data: any site may read it from a browser.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _error(message: str, status: int) -> JsonResponse:
    return _json({"error": {"status": status, "message": message}}, status=status)


def _positive_int(request, name: str, default: int, maximum: int | None = None) -> int:
    raw = request.GET.get(name)
    if raw is None:
        return default
    if not raw.isascii() or not raw.isdigit() or int(raw) < 1:
        raise BadRequest(_("%(name)s måste vara ett positivt heltal.") % {"name": name})
    value = int(raw)
    if maximum is not None and value > maximum:
        raise BadRequest(_("%(name)s får vara högst %(max)s.") % {"name": name, "max": maximum})
    return value


# A "+" written unencoded in a query string arrives as a space: "…T12:00:00 02:00".
_DECODED_PLUS_OFFSET = re.compile(r"^(.+[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?) (\d{2}(?::?\d{2})?)$")


def parse_modified_since(raw: str) -> datetime.datetime:
    """An ISO 8601 date or date-time; without a zone it is read as Swedish local time."""
    raw = _DECODED_PLUS_OFFSET.sub(r"\1+\2", raw.strip())
    try:
        value = parse_datetime(raw)
        if value is None:
            day = parse_date(raw)
            if day is not None:
                value = datetime.datetime.combine(day, datetime.time())
    except ValueError:
        value = None
    if value is None:
        raise BadRequest(
            _("modified_since måste vara ett datum eller en tidpunkt enligt ISO 8601, t.ex. 2024-05-20T12:00:00+02:00.")
        )
    try:
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        return value.astimezone(datetime.UTC)
    except (OverflowError, ValueError) as error:
        raise BadRequest(_("modified_since ligger utanför det tillåtna tidsintervallet.")) from error


def _page_link(request, page: int | None, page_size: int) -> str | None:
    if page is None:
        return None
    params = {key: value for key, value in request.GET.items() if key not in ("page", "page_size")}
    params["page"] = page
    if page_size != DEFAULT_PAGE_SIZE:
        params["page_size"] = page_size
    return request.build_absolute_uri(request.path) + "?" + urlencode(params)


class _WithTombstones:
    """The live objects (in their order), then the tombstones of deleted ones (by id), as one list for the
    Paginator: two counts and, per page, a slice of each part that the page reaches."""

    def __init__(self, live, deleted):
        self.live = live
        self.deleted = deleted
        self._live_count = None

    def _count(self, part) -> int:
        return part.count() if hasattr(part, "count") and not isinstance(part, list) else len(part)

    def count(self) -> int:
        self._live_count = self._count(self.live)
        return self._live_count + self._count(self.deleted)

    def __getitem__(self, index: slice) -> list:
        live_count = self._live_count if self._live_count is not None else self._count(self.live)
        start, stop = index.start or 0, index.stop
        items = []
        if start < live_count:
            items += [(obj, False) for obj in self.live[start : min(stop, live_count)]]
        if stop > live_count:
            items += [(row, True) for row in self.deleted[max(start - live_count, 0) : stop - live_count]]
        return items


def _tombstone(spec: Resource, row: dict) -> dict:
    return {"id": row["id"], "type": spec.type, "modified": row["deleted_at"].isoformat(), "deleted": True}


@require_safe
def root(request):
    links = Links(request)
    return _json(
        {
            "type": "system",
            "name": _("Göteborgs Stad – uppdrag och ärenden, öppna data"),
            "version": "v1",
            "openapi": request.build_absolute_uri(reverse("api:openapi")),
            # As OParl's System: where the bodies are listed.
            "body": f"{links.api_root}bodies/",
            "resources": {resource.name: f"{links.api_root}{resource.name}/" for resource in RESOURCES},
        }
    )


@require_safe
def openapi(request):
    return _json(schema.build(request.build_absolute_uri(reverse("api:root")).rstrip("/")))


@require_safe
def resource_list(request, resource: str):
    spec: Resource = BY_NAME[resource]
    try:
        page_number = _positive_int(request, "page", 1)
        page_size = _positive_int(request, "page_size", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)
        queryset = spec.queryset()
        since = request.GET.get("modified_since")
        if since is not None:
            since = parse_modified_since(since)
            # OParl 1.1: what was deleted since then is listed too, as a tombstone.
            queryset = _WithTombstones(spec.filter_modified_since(queryset, since), spec.deleted_since(since))
        else:
            queryset = _WithTombstones(queryset, [])
    except BadRequest as error:
        return _error(str(error), 400)
    paginator = Paginator(queryset, page_size, allow_empty_first_page=True)
    try:
        page = paginator.page(page_number)
    except EmptyPage:
        return _error(_("Sidan finns inte."), 404)
    links = Links(request)
    return _json(
        {
            "data": [
                _tombstone(spec, obj) if deleted else spec.serialize(obj, links) for obj, deleted in page.object_list
            ],
            "pagination": {
                "totalElements": paginator.count,
                "elementsPerPage": page_size,
                "currentPage": page.number,
                "totalPages": paginator.num_pages,
            },
            "links": {
                "first": _page_link(request, 1, page_size),
                "last": _page_link(request, paginator.num_pages, page_size),
                "prev": _page_link(request, page.previous_page_number() if page.has_previous() else None, page_size),
                "next": _page_link(request, page.next_page_number() if page.has_next() else None, page_size),
            },
        }
    )


@require_safe
def resource_detail(request, resource: str, pk: int):
    spec: Resource = BY_NAME[resource]
    obj = spec.get(pk) if pk <= MAX_ID else None
    if obj is None:
        return _error(_("Objektet finns inte."), 404)
    return _json(spec.serialize(obj, Links(request)))
