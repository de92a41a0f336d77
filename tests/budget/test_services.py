"""The budget services: rows replaced in order, dropped rows deleted, every change in the history."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from assignments import roles
from assignments.models import Board, ReportingPeriod
from budget import services
from budget.models import CentralItem, CostEstimate, PointFinancing, StatementLine


@pytest.fixture
def statement(db):
    board = Board.objects.create(slug="ks", name="Kommunstyrelsen", short_name="KS", kind="decision_body")
    period = ReportingPeriod.objects.create(year=2023, kind=ReportingPeriod.Kind.AUGUSTI)
    return services.statement_create(
        board=board, period=period, section="3.2.1", title="Resultat", unit="mnkr", user=roles.SYSTEM
    )


def _row(label, kind, **values):
    return {"id": None, "group": "", "label": label, "kind": kind, **values}


def test_rows_are_replaced_in_the_given_order_and_dropped_rows_deleted(statement, secretariat):
    services.statement_lines_save(
        statement=statement,
        rows=[_row("Intäkter", "intakter", utfall=1), _row("Kostnader", "kostnader", utfall=-2)],
        user=secretariat,
    )
    intakter, kostnader = statement.lines.order_by("position")
    services.statement_lines_save(
        statement=statement,
        rows=[{**_row("Kostnader", "kostnader", utfall=-3), "id": kostnader.pk}, _row("Resultat", "resultat")],
        user=secretariat,
    )
    lines = list(statement.lines.order_by("position").values_list("pk", "label", "utfall", "position"))
    assert lines[0] == (kostnader.pk, "Kostnader", -3, 1)
    assert lines[1][1:] == ("Resultat", None, 2)
    assert not StatementLine.objects.filter(pk=intakter.pk).exists()
    deleted = StatementLine.history.filter(id=intakter.pk, history_type="-").get()
    assert deleted.history_user == secretariat
    assert deleted.history_change_reason == "Rad i resultatredovisningen borttagen"


def test_a_row_without_a_kind_is_refused_and_nothing_is_saved(statement):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.statement_lines_save(
            statement=statement, rows=[_row("Intäkter", "intakter"), _row("Okänd", "")], user=roles.SYSTEM
        )
    assert not statement.lines.exists()


def test_central_items_keep_their_names_unique_even_when_re_entered(statement, secretariat):
    board, period = statement.board, statement.period
    services.central_items_save(
        board=board, period=period, rows=[{"id": None, "label": "LOV3-områden", "utfall": 20_000_000}], user=secretariat
    )
    # Entered again as a new row (no id): the old one goes first, so the names do not collide.
    services.central_items_save(
        board=board, period=period, rows=[{"id": None, "label": "LOV3-områden", "utfall": 1}], user=secretariat
    )
    assert list(CentralItem.objects.values_list("label", "utfall")) == [("LOV3-områden", 1)]


# --- who may write: the services check it themselves ------------------------------------------------------------------


@pytest.fixture
def estimate(build_costs):
    case, boards = build_costs(points=1, boards=2)
    return CostEstimate.objects.filter(board=boards[0]).select_related("board", "decision_point").get()


def test_an_officer_writes_only_their_own_boards_figures(statement, estimate, make_user):
    officer = make_user("handl", roles.OFFICER, boards=[estimate.board])
    stranger = make_user("annan", roles.OFFICER, boards=[statement.board])
    estimate.amount_kr = 1
    services.cost_estimate_save(estimate=estimate, user=officer)
    for attempt in (
        lambda: services.cost_estimate_save(estimate=estimate, user=stranger),
        lambda: services.cost_estimate_delete(estimate=estimate, user=stranger),
        lambda: services.statement_lines_save(statement=statement, rows=[], user=officer),
        lambda: services.central_items_save(board=statement.board, period=statement.period, rows=[], user=officer),
        lambda: services.statement_create(
            board=statement.board, period=statement.period, section="9", title="T", unit="mnkr", user=officer
        ),
    ):
        with pytest.raises(PermissionDenied):
            attempt()
    assert CostEstimate.objects.filter(pk=estimate.pk).exists()


def test_moving_an_estimate_to_another_board_needs_the_right_to_both(estimate, make_user):
    other = Board.objects.exclude(pk=estimate.board_id).get(slug__startswith="namnd-")
    officer = make_user("handl", roles.OFFICER, boards=[other])
    estimate.board = other
    with pytest.raises(PermissionDenied):
        services.cost_estimate_save(estimate=estimate, user=officer)
    assert CostEstimate.objects.get(pk=estimate.pk).board_id != other.pk


@pytest.mark.parametrize("user", [None, "anonymous", "reader"])
def test_nobody_without_a_role_writes_figures_and_the_system_does(statement, estimate, make_user, user):
    user = {None: None, "anonymous": AnonymousUser()}.get(user) or make_user("lasare", roles.READER)
    financing = PointFinancing(decision_point=estimate.decision_point, financing="within_frame")
    with pytest.raises(PermissionDenied):
        services.point_financing_save(financing=financing, user=user)
    with pytest.raises(PermissionDenied):
        services.cost_estimate_delete(estimate=estimate, user=user)
    services.cost_estimate_delete(estimate=estimate, user=roles.SYSTEM)
    assert not CostEstimate.objects.filter(pk=estimate.pk).exists()


def test_the_financing_class_is_set_by_an_officer_of_a_responsible_board(estimate, make_user):
    point = estimate.decision_point
    point.responsible_boards.set([estimate.board])
    officer = make_user("handl", roles.OFFICER, boards=[estimate.board])
    other = make_user("annan", roles.OFFICER, boards=[Board.objects.exclude(pk=estimate.board_id).first()])
    financing = PointFinancing.objects.get(decision_point=point)
    financing.financing = "within_frame"
    with pytest.raises(PermissionDenied):
        services.point_financing_save(financing=financing, user=other)
    services.point_financing_save(financing=financing, user=officer)
    assert services.can_classify(officer, point) and not services.can_classify(other, point)
