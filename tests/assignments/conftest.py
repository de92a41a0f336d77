"""Small, explicit building blocks for the assignment tests: boards, periods and assignments."""

import datetime

import pytest

from assignments import roles
from assignments.models import Assignment, Board, ReportingPeriod, Responsibility, StatusReport


@pytest.fixture
def boards(db):
    return {
        "ks": Board.objects.create(slug="ks", name="Kommunstyrelsen", short_name="KS", kind=Board.Kind.DECISION_BODY),
        "idrott": Board.objects.create(
            slug="idrott", name="Idrotts- och föreningsnämnden", short_name="IFN", kind=Board.Kind.COMMITTEE
        ),
        "miljo": Board.objects.create(
            slug="miljo", name="Miljö- och klimatnämnden", short_name="MKN", kind=Board.Kind.COMMITTEE
        ),
    }


@pytest.fixture
def periods(db):
    return {
        "mars": ReportingPeriod.objects.create(year=2023, kind=ReportingPeriod.Kind.MARS),
        "augusti": ReportingPeriod.objects.create(year=2023, kind=ReportingPeriod.Kind.AUGUSTI, is_open=True),
    }


_counter = {"n": 0}


def build_assignment(board, *, text="Utreda förutsättningarna för fler spontanidrottsplatser", others=(), **fields):
    _counter["n"] += 1
    fields.setdefault("dnr", f"{_counter['n'] % 10000:04d}/23")
    fields.setdefault("source", Assignment.Source.KF_BUDGET)
    fields.setdefault("budget_year", 2023 if fields["source"] == Assignment.Source.KF_BUDGET else None)
    assignment = Assignment.objects.create(text=text, **fields)
    Responsibility.objects.create(assignment=assignment, board=board, is_lead=True)
    for other in others:
        Responsibility.objects.create(assignment=assignment, board=other)
    return assignment


@pytest.fixture
def make_assignment(db):
    return build_assignment


@pytest.fixture
def assignment(boards):
    return build_assignment(boards["idrott"], dnr="0921/22", deadline=datetime.date(2023, 12, 31))


@pytest.fixture
def officer(make_user, boards):
    return make_user("idrott_handl", roles.OFFICER, boards=[boards["idrott"]])


@pytest.fixture
def other_officer(make_user, boards):
    return make_user("miljo_handl", roles.OFFICER, boards=[boards["miljo"]])


def add_report(assignment, period, board, text="Arbetet pågår enligt plan.", **fields):
    fields.setdefault("proposes", StatusReport.Proposal.PARTIAL)
    return StatusReport.objects.create(assignment=assignment, period=period, board=board, text=text, **fields)
