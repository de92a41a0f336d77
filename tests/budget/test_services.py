"""The budget services: rows replaced in order, dropped rows deleted, every change in the history."""

import pytest

from assignments.models import Board, ReportingPeriod
from budget import services
from budget.models import CentralItem, StatementLine


@pytest.fixture
def statement(db):
    board = Board.objects.create(slug="ks", name="Kommunstyrelsen", short_name="KS", kind="decision_body")
    period = ReportingPeriod.objects.create(year=2023, kind=ReportingPeriod.Kind.AUGUSTI)
    return services.statement_create(board=board, period=period, section="3.2.1", title="Resultat", unit="mnkr")


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
        services.statement_lines_save(statement=statement, rows=[_row("Intäkter", "intakter"), _row("Okänd", "")])
    assert not statement.lines.exists()


def test_central_items_keep_their_names_unique_even_when_re_entered(statement):
    board, period = statement.board, statement.period
    services.central_items_save(
        board=board, period=period, rows=[{"id": None, "label": "LOV3-områden", "utfall": 20_000_000}]
    )
    # Entered again as a new row (no id): the old one goes first, so the names do not collide.
    services.central_items_save(board=board, period=period, rows=[{"id": None, "label": "LOV3-områden", "utfall": 1}])
    assert list(CentralItem.objects.values_list("label", "utfall")) == [("LOV3-områden", 1)]
