"""The consistency checks: the seed's known slips are reported as warnings, consistent rows are not."""

import pytest

from assignments.models import Board, ReportingPeriod
from budget.checks import check_statement
from budget.models import FinancialStatement, StatementLine
from budget.selectors import statement_for

MN = 1_000_000


def _statement(section):
    board = Board.objects.get(slug="kommunstyrelsen")
    period = ReportingPeriod.objects.get(year=2023, kind=ReportingPeriod.Kind.AUGUSTI)
    return statement_for(board, period, section)


def _keys(warnings):
    return {(w.code, w.group, w.label, w.column) for w in warnings}


@pytest.mark.django_db
def test_known_slips_of_section_4_3_are_reported(real_data):
    keys = _keys(check_statement(_statement("4.3")))
    # Politisk verksamhet, Fg prognos Kostnader printed "106,5" without its minus.
    assert ("sign", "Politisk verksamhet", "Kostnader", "fg_prognos") in keys
    assert ("resultat", "Politisk verksamhet", "Resultat", "fg_prognos") in keys
    # SLK Fg prognos resultat computes to −0,5 but is printed 0.
    assert ("resultat", "SLK", "Resultat", "fg_prognos") in keys
    # Helår segment sums do not match "Hela kommunledningen": intäkter 121,1 vs 120,1.
    assert ("total", "Hela kommunledningen", "Intäkter", "prognos") in keys
    assert ("total", "Hela kommunledningen", "Kostnader", "prognos") in keys
    # Insatsområden: Σ Prognos 43,53 vs Summa 43,73; Σ Fg prognos 45,15 vs 45,00; signs flip.
    insats = "Personal- och kompetensförsörjning – Insatsområden"
    assert ("summa", insats, "Summa", "prognos") in keys
    assert ("summa", insats, "Summa", "fg_prognos") in keys
    assert ("sign", insats, "Bemanning", "utfall") in keys
    assert ("sign", insats, "Summa", "utfall") in keys


@pytest.mark.django_db
def test_consistent_rows_are_not_reported(real_data):
    keys = _keys(check_statement(_statement("4.3")))
    # Period "Hela" = SLK + Politisk + Övrig + PoK within 0,1 mnkr (intäkter 76,6 vs 76,7).
    assert not {k for k in keys if k[0] == "total" and k[3] == "utfall"}
    # SLK's own result adds up in the period; Övrig and PoK add up everywhere (Övrig's only slip is
    # its printed avvikelse, below).
    assert ("resultat", "SLK", "Resultat", "utfall") not in keys
    assert not {k for k in keys if k[1] == "Personal- och kompetensförsörjning"}
    assert {k for k in keys if k[1] == "Övrig verksamhet"} == {
        ("deviation", "Övrig verksamhet", "Intäkter", "avvikelse"),
        ("deviation", "Övrig verksamhet", "Kostnader", "avvikelse"),
    }
    # Σ Utfall fg år of the insatsområden equals Summa (−8,92).
    assert ("summa", "Personal- och kompetensförsörjning – Insatsområden", "Summa", "utfall_fg_ar") not in keys
    # Costs are negative in every column of SLK: no sign warning.
    assert not {k for k in keys if k[0] == "sign" and k[1] == "SLK"}


@pytest.mark.django_db
def test_section_3_2_1_reports_only_its_one_rounding_slip(real_data):
    warnings = check_statement(_statement("3.2.1"))
    # 66,1 − 319,7 + 255,6 + 30,7 = 32,7, printed 32,5.
    assert _keys(warnings) == {("resultat", "", "Resultat", "utfall_fg_ar")}
    assert "32,5" in warnings[0].message and "32,7" in warnings[0].message


def _line(kind, label, group="", **values):
    return StatementLine(kind=kind, label=label, group=group, position=0, **values)


def test_tolerance_is_a_tenth_of_a_million():
    statement = FinancialStatement(unit="mnkr")
    lines = [
        _line("intakter", "Intäkter", utfall=10 * MN),
        _line("kostnader", "Kostnader", utfall=-5 * MN),
        _line("resultat", "Resultat", utfall=5 * MN + 100_000),
    ]
    assert check_statement(statement, lines) == []
    lines[2].utfall = 5 * MN + 100_001
    assert [w.code for w in check_statement(statement, lines)] == ["resultat"]


def test_a_sign_flip_between_period_and_full_year_is_reported_once_per_row():
    statement = FinancialStatement(unit="mnkr")
    lines = [_line("subrow", "Bemanning", "Insats", utfall=-420_000, budget=-600_000, prognos=1_100_000)]
    warnings = check_statement(statement, lines)
    assert [(w.code, w.column) for w in warnings] == [("sign", "prognos")]
    lines[0].prognos = -1_100_000
    assert check_statement(statement, lines) == []


@pytest.mark.django_db
def test_figures_printed_twice_are_compared_exactly(real_data):
    from budget.checks import check_duplicates
    from budget.selectors import statements_for

    board = Board.objects.get(slug="kommunstyrelsen")
    period = ReportingPeriod.objects.get(year=2023, kind=ReportingPeriod.Kind.AUGUSTI)
    statements = statements_for(board, period)
    found = check_duplicates(statements)
    by_section = {s.section: _keys(found[s.pk]) for s in statements}
    # 3.2.1 prints Utfall fg år intäkter 66,1 and Fg prognos 119,4; 4.3 prints 66 and 119,5.
    assert by_section["3.2.1"] == {
        ("duplicate", "", "Intäkter", "utfall_fg_ar"),
        ("duplicate", "", "Intäkter", "fg_prognos"),
    }
    assert by_section["4.3"] == {
        ("duplicate", "Hela kommunledningen", "Intäkter", "utfall_fg_ar"),
        ("duplicate", "Hela kommunledningen", "Intäkter", "fg_prognos"),
    }
    message = next(w.message for w in found[statements[0].pk] if w.column == "utfall_fg_ar")
    assert "66,1" in message and "66,0" in message and "4.3" in message


@pytest.mark.django_db
def test_a_printed_avvikelse_that_is_not_utfall_minus_budget_is_flagged_and_kept(real_data):
    """The document prints 1,8 / −1,8 for Övrig verksamhet where 47,8 − 49,8 = −2,0: both are kept
    as printed and the check says so. A rounding step (27,4 printed, 27,5 from the rounded figures)
    is no disagreement."""
    statement = _statement("4.3")
    warnings = [w for w in check_statement(statement) if w.code == "deviation"]
    assert [w.message for w in warnings] == [
        "Övrig verksamhet: Intäkter avvikelse är 1,8\u00a0mnkr men utfall − budget är \u22122,0\u00a0mnkr.",
        "Övrig verksamhet: Kostnader avvikelse är \u22121,8\u00a0mnkr men utfall − budget är 2,0\u00a0mnkr.",
    ]
    ovrig = statement.lines.get(group="Övrig verksamhet", kind="intakter")
    assert (ovrig.avvikelse, ovrig.avvikelse_computed) == (1_800_000, -2_000_000)
    # The parts' printed avvikelse then do not add up to the whole's either: that is said too.
    keys = _keys(check_statement(statement))
    assert ("total", "Hela kommunledningen", "Intäkter", "avvikelse") in keys
    assert ("total", "Hela kommunledningen", "Resultat", "avvikelse") not in keys


@pytest.mark.django_db
def test_an_avvikelse_left_empty_is_not_checked_against_itself(real_data):
    statement = _statement("3.2.1")
    statement.lines.update(avvikelse=None)
    assert not [w for w in check_statement(statement) if w.code == "deviation"]
