"""The report composed from data: the city's numbering, the decision proposal, tables, what is missing."""

import re

import pytest

from assignments.models import Assignment, Board, ReportingPeriod, Responsibility, StatusReport
from budget.models import FinancialStatement
from motions.models import Case
from reports.composition import assignment_clause, compose_report
from reports.document import css_string
from tests.seeds import SEEDS

SEED_002 = SEEDS / "002_311ee6a2e4b188ff.txt"
TU_POINT_DNRS = {
    2: "1446/22",
    3: "1447/22",
    4: "1443/22",
    5: "0198/23",
    6: "0200/23",
    7: "0197/23",
    8: "1407/22",
    9: "0630/23",
}


@pytest.fixture
def ks(real_data):
    return Board.objects.get(slug="kommunstyrelsen")


@pytest.fixture
def august(real_data):
    return ReportingPeriod.objects.get(year=2023, kind=ReportingPeriod.Kind.AUGUSTI)


def _normal(text):
    return " ".join(text.split()).rstrip(" .,")


def seed_tu_points():
    """Points 1–9 of the TU's 'Förslag till beslut' exactly as the seed document prints them."""
    lines = SEED_002.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "Förslag till beslut")
    end = next(i for i in range(start, len(lines)) if lines[i].strip() == "Stadsledningskontoret")
    block = "\n".join(lines[start + 2 : end])
    parts = re.split(r"(?m)^(\d+)\.\s", block)
    return {int(parts[i]): _normal(parts[i + 1]) for i in range(1, len(parts), 2)}


def test_sections_follow_the_citys_order_and_numbering(ks, august):
    report = compose_report(ks, august)
    assert [s.number for s in report.toc] == [
        "", "3", "3.2", "3.2.1", "3.2.4",
        "4", "4.1", "4.1.2", "4.1.2.1", "4.1.2.2", "4.1.3", "4.1.3.1", "4.1.3.2", "4.1.4", "4.1.4.1", "4.3",
    ]  # fmt: skip
    counts = {s.number: len(s.items) for s in report.toc if s.items}
    assert counts == {"4.1.2.1": 6, "4.1.2.2": 2, "4.1.3.1": 2, "4.1.3.2": 3, "4.1.4.1": 1}
    # 4.1.4 has only a partial report: its first (and only) list is 4.1.4.1, "delrapporterar".
    assert report.section("4.1.4.1").title == "Uppdrag stadsledningskontoret delrapporterar till kommunstyrelsen"
    assert report.section("4.1.2.1").title.endswith(
        "föreslår kommunstyrelsen som nämnd att för egen del förklara genomförda"
    )
    first = report.section("4.1.2.1").items
    assert [(i.number, i.assignment.dnr) for i in first][:3] == [(1, "1446/22"), (2, "1447/22"), (3, "1443/22")]
    textning = report.section("4.1.3.1").items[0]
    assert textning.reference == "dnr 1407/22 - KF 2022-12-08, punkt 1"
    assert first[0].reference == "dnr 1446/22"  # budget items carry no decision reference
    assert report.case_reference == "0064/23"
    assert report.date.isoformat() == "2023-08-28"
    assert report.footer_title == "Delårsrapport aug 2023 – Kommunstyrelsen"


def test_generated_decision_points_are_those_of_the_tjansteutlatande(ks, august):
    report = compose_report(ks, august)
    generated = {p.number: p for p in report.decision_points}
    assert {n: p.dnr for n, p in generated.items() if p.dnr} == TU_POINT_DNRS
    seed = seed_tu_points()
    stored = {p.number: _normal(p.text) for p in Case.objects.get(dnr="0064/23").proposals.get().points.all()}
    assert sorted(seed) == sorted(stored) == list(range(1, 10))
    for number in range(1, 10):
        assert _normal(generated[number].text) == seed[number] == stored[number], number
    assert generated[9].text.endswith("diarienummer 0630/23.")


def test_completed_ks_assignment_opens_4_1_4_1_and_gets_a_point_without_budget_year(ks, august):
    assignment = Assignment.objects.create(
        dnr="0101/23",
        text="Kommunstyrelsen får i uppdrag att utreda en ny arkivfunktion.",
        source=Assignment.Source.KS,
        status=Assignment.Status.REPORTED_COMPLETE,
        sort_order=550,
    )
    Responsibility.objects.create(assignment=assignment, board=ks, is_lead=True)
    StatusReport.objects.create(
        assignment=assignment, period=august, board=ks, text="Klart.", proposes=StatusReport.Proposal.COMPLETE
    )
    report = compose_report(ks, august)
    assert report.section("4.1.4.1").completed_list
    assert [i.assignment.dnr for i in report.section("4.1.4.1").items] == ["0101/23"]
    assert [i.assignment.dnr for i in report.section("4.1.4.2").items] == ["1432/22"]
    assert report.decision_points[-1].text == (
        "Kommunstyrelsen godkänner för egen del redovisningen av uppdraget att utreda en ny arkivfunktion, "
        "enligt beskrivning i avsnitt 4.1.4.1, diarienummer 0101/23."
    )


def test_missing_status_reports_and_statement_are_listed(ks, august):
    assert compose_report(ks, august).is_complete
    waiting = Assignment.objects.create(
        dnr="0202/23", text="Kommunstyrelsen får i uppdrag att göra något.", source=Assignment.Source.KS
    )
    Responsibility.objects.create(assignment=waiting, board=ks, is_lead=True)
    done = Assignment.objects.create(
        dnr="0203/23", text="Kommunstyrelsen får i uppdrag att göra annat.", source=Assignment.Source.KS,
        status=Assignment.Status.COMPLETED,
    )  # fmt: skip
    Responsibility.objects.create(assignment=done, board=ks, is_lead=True)
    FinancialStatement.objects.filter(board=ks, period=august).delete()
    report = compose_report(ks, august)
    assert [a.dnr for a in report.missing_assignments] == ["0202/23"]
    assert report.statement_missing
    assert not report.is_complete
    assert report.section("3.2.1") is None and report.section("4.3") is None
    assert report.section("3.2.4") is not None  # the central items are still there


def test_tables_show_swedish_figures(ks, august):
    report = compose_report(ks, august)
    period_table, year_table = report.section("3.2.1").tables
    rows = {row.label: row.cells for group in period_table.groups for row in group.rows}
    assert rows["Resultat"] == ["26,3", "5,9", "20,5", "32,5"]
    assert rows["Kostnader"][0] == "\u2212343,2"
    # avvikelse as printed (computed from unrounded figures): not −343,2 − (−370,7) = 27,5
    assert rows["Kostnader"][2] == "27,4"
    assert rows["Kommuninterna bidrag"][2] == "\u22127,1"
    assert not period_table.has_computed
    year_rows = {row.label: row.cells for group in year_table.groups for row in group.rows}
    assert year_rows["Kostnader"] == ["\u2212577,1", "\u2212590,4", "\u2212594,3", "\u2212543,0"]
    central = report.section("3.2.4").tables[0].groups[0].rows
    assert central[1].label == "Personal-/kompetensförsörjning"
    assert central[1].cells == ["13\u00a0400", "43\u00a0300", "45\u00a0000"]
    combined = {g.name: g for g in report.section("4.3").tables[0].groups}
    assert "Hela kommunledningen" in combined
    insats = combined["Personal- och kompetensförsörjning – Insatsområden"]
    assert insats.rows[0].cells[0] == "\u22120,42"  # the finer rows keep their two decimals
    assert insats.rows[5].cells[0] == "0,00"  # one precision per block


def test_an_avvikelse_the_document_does_not_print_is_computed_and_marked(ks, august):
    from budget.models import StatementLine

    StatementLine.objects.filter(statement__section="3.2.1", kind="kostnader").update(avvikelse=None)
    period_table, year_table = compose_report(ks, august).section("3.2.1").tables
    rows = {row.label: row.cells for group in period_table.groups for row in group.rows}
    assert rows["Kostnader"][2] == "27,5*" and rows["Resultat"][2] == "20,5"
    assert period_table.has_computed and not year_table.has_computed


def test_composition_reads_a_fixed_number_of_queries(ks, august, django_assert_max_num_queries):
    with django_assert_max_num_queries(9):
        compose_report(ks, august)
    for n in range(20):
        a = Assignment.objects.create(dnr=f"{n + 300:04d}/23", text="Kommunstyrelsen får i uppdrag att x.", source="ks")
        Responsibility.objects.create(assignment=a, board=ks, is_lead=True)
        StatusReport.objects.create(assignment=a, period=august, board=ks, text="Text.", proposes="partial")
    with django_assert_max_num_queries(9):
        report = compose_report(ks, august)
    assert len(report.section("4.1.4.1").items) == 21


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("Kommunstyrelsen får i uppdrag att säkerställa textning.", "att säkerställa textning"),
        ("Alla nämnder och styrelser får i uppdrag att stärka chefer", "att stärka chefer"),
        ("Nämnder och styrelser i uppdrag att andelen timmar minskar", "att andelen timmar minskar"),
        (
            "Samtliga nämnder och styrelser får i uppdrag att möjliggöra för anställningar, "
            "uppdraget återrapporteras i respektive nämnd och styrelse",
            "att möjliggöra för anställningar",
        ),
        ("Utreda en arkivfunktion", "att utreda en arkivfunktion"),
    ],
)  # fmt: skip
def test_assignment_clause_drops_the_subject_and_the_reporting_clause(text, clause):
    assert assignment_clause(text) == clause


def test_css_string_cannot_break_out_of_the_footer_rule():
    escaped = css_string('Nämnd"; } body { display: none } <x>')
    assert escaped.count('"') == 2 and escaped.startswith('"') and escaped.endswith('"')
    assert not set("{};<>") & set(escaped)


def test_the_report_is_swedish_whatever_language_the_user_browses_in(ks, august):
    from django.utils import translation

    from reports.rendering import report_document_html

    with translation.override("sv"):
        swedish = report_document_html(compose_report(ks, august))
    with translation.override("en"):
        report = compose_report(ks, august)
        assert report_document_html(report) == swedish
    assert report.section("4.1.2").title == "Uppdrag från kommunfullmäktiges budget"


def test_a_board_without_data_gets_a_report_that_says_what_is_missing(real_data, august):
    board = Board.objects.get(slug="grundskolenamnden")
    report = compose_report(board, august)
    assert report.title == "Delårsrapport augusti 2023 för grundskolenämnden"
    assert [s.title for s in report.toc] == ["Förslag till beslut"]
    assert [p.text for p in report.decision_points] == [
        "Delårsrapport augusti 2023 för grundskolenämnden, i enlighet med bilaga 1 till förvaltningens "
        "tjänsteutlåtande godkänns."
    ]
    assert report.statement_missing and report.case_reference == ""
    assert report.footer_title == "Delårsrapport aug 2023 – Grundskolenämnden"


def test_the_report_finds_its_case_by_the_stored_link_not_by_its_title(ks, august):
    """The report's date is its tjänsteutlåtande's; the case is found through Case.reports_on_*."""
    import datetime

    case = Case.objects.get(dnr="0064/23")
    assert (case.reports_on_board, case.reports_on_period) == (ks, august)
    assert compose_report(ks, august).date == datetime.date(2023, 8, 28)

    # A renamed case is still found; a case that only carries the generated title is not.
    Case.objects.filter(pk=case.pk).update(title="Delårsrapport för kommunstyrelsen, reviderad")
    assert compose_report(ks, august).date == datetime.date(2023, 8, 28)
    Case.objects.filter(pk=case.pk).update(reports_on_board=None, reports_on_period=None)
    Case.objects.create(dnr="0999/23", title="Delårsrapport augusti 2023 för kommunstyrelsen")
    assert compose_report(ks, august).date != datetime.date(2023, 8, 28)


def test_a_report_link_needs_both_board_and_period(ks, august):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Case.objects.create(dnr="0998/23", title="Halv länk", reports_on_board=ks)
    with pytest.raises(IntegrityError), transaction.atomic():
        Case.objects.create(dnr="0997/23", title="Dubblett", reports_on_board=ks, reports_on_period=august)
