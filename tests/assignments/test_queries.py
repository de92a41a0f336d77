"""The list and detail pages issue a fixed number of queries, however much they show."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assignments.models import ReportingPeriod, StatusChange

from .conftest import add_report, build_assignment


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("count", [10, 200])
def test_list_queries_do_not_grow_with_the_page(client, boards, count, django_assert_max_num_queries):
    for i in range(count):
        build_assignment(boards["idrott"], others=[boards["miljo"]], deadline=datetime.date(2024, 1, 1 + i % 28))
    with django_assert_max_num_queries(8):  # 7 for the page, 1 for the page cache's content version
        response = client.get("/uppdrag/?namnd=idrott&per_sida=200&sortera=status")
    assert len(response.context["page"].object_list) == count


def test_list_query_count_is_the_same_for_10_and_200(client, boards, settings):
    # Built afresh both times: with the fragment cache on, the filter panel (boards, periods) stays a
    # hit after the assignments are added, which would hide a query that grows with the page.
    settings.FRAGMENT_CACHE = False
    for _ in range(10):
        build_assignment(boards["idrott"])
    small = _queries(client, "/uppdrag/?per_sida=200")
    for _ in range(190):
        build_assignment(boards["idrott"], others=[boards["ks"]])
    assert _queries(client, "/uppdrag/?per_sida=200") == small


def _with_reports(boards, count):
    assignment = build_assignment(boards["idrott"], others=[boards["miljo"]])
    for i in range(count):
        period, _created = ReportingPeriod.objects.get_or_create(year=2000 + i // 3, kind=i % 3 + 1)
        report = add_report(assignment, period, boards["idrott"], decision="approved", decided_on=period.closing_date)
        StatusChange.objects.create(
            assignment=assignment, from_status="not_started", to_status="in_progress", status_report=report
        )
    return assignment


def test_detail_query_count_is_the_same_for_1_and_30_reports(client, boards, secretariat):
    client.force_login(secretariat)
    one = _with_reports(boards, 1)
    few = _queries(client, one.get_absolute_url())
    thirty = _with_reports(boards, 30)
    assert _queries(client, thirty.get_absolute_url()) == few
    assert few <= 20
