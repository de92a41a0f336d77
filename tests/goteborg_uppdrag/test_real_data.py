"""The shipped data, loaded into the database, against the two seed documents."""

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from assignments.models import Assignment, Board, StatusReport
from budget.models import CentralItem, CostEstimate, FinancialStatement, PointFinancing, StatementLine
from motions.models import Case, Decision, DecisionPoint, Member, Motion, Party, Vote

REPO = Path(settings.BASE_DIR)
from tests.seeds import SEEDS  # noqa: E402


def test_fixture_files_hold_their_invariants_and_match_the_seed_text():
    """The JSON in fixtures/ is checked against the documents word for word where the seeds are present."""
    result = subprocess.run(
        [sys.executable, str(REPO / "tests" / "data_check" / "check_fixtures.py"), "--seeds", str(SEEDS)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "OK" in result.stdout


def test_boards_companies_and_bodies_with_spelling_variants(real_data):
    kinds = Counter(Board.objects.values_list("kind", flat=True))
    assert kinds == {"committee": 17, "company": 4, "decision_body": 2, "administration": 1}
    centrum = Board.objects.get(slug="socialnamnden-centrum")
    assert Board.objects.resolve("socialnämnd centrum") == centrum
    assert Board.objects.resolve("Socialnämnd Centrum") == centrum
    assert Board.objects.resolve("Nämnden för inköp och upphandling").slug == "inkops-och-upphandlingsnamnden"
    assert Board.objects.get(slug="stadsledningskontoret").parent.slug == "kommunstyrelsen"


def test_parties_and_members(real_data):
    assert set(Party.objects.values_list("abbreviation", flat=True)) == {
        "S", "M", "L", "C", "KD", "D", "SD", "V", "MP", "FI",
    }  # fmt: skip
    kf = Member.objects.filter(body__slug="kommunfullmaktige")
    assert kf.count() == 81
    assert sorted(kf.values_list("seat", flat=True)) == list(range(1, 82))
    assert Member.objects.filter(body__slug="kommunstyrelsen").count() == 13


def test_kf_roll_call_totals_and_per_party_tally(real_data):
    vote = Vote.objects.get(decision__meeting__date="2022-06-16", decision__paragraph=4)
    assert (vote.yes, vote.no, vote.abstain, vote.absent) == (39, 21, 19, 2)
    assert vote.records.count() == 81
    tally = Counter(vote.records.values_list("member__party__abbreviation", "result"))
    expected = {
        ("S", "ja"): 17, ("M", "ja"): 12, ("L", "ja"): 5, ("L", "franvarande"): 1, ("C", "ja"): 3,
        ("KD", "ja"): 2, ("KD", "franvarande"): 1, ("D", "nej"): 14, ("SD", "nej"): 7,
        ("V", "avstar"): 11, ("MP", "avstar"): 6, ("FI", "avstar"): 2,
    }  # fmt: skip
    assert dict(tally) == expected
    gustafsson = vote.records.get(member__name="Pär Gustafsson")
    assert (gustafsson.result, gustafsson.member.seat, gustafsson.member.role) == ("franvarande", 2, "1:e v Ordf")


def test_ks_355_referral_back_by_seven_to_six(real_data):
    decision = Decision.objects.get(meeting__body__slug="kommunstyrelsen", paragraph=355)
    assert decision.outcome == Decision.Outcome.REFERRED_BACK
    assert str(decision.meeting.date) == "2024-04-24"
    vote = decision.votes.get()
    assert (vote.yes, vote.no, vote.abstain, vote.absent) == (7, 6, 0, 0)
    assert set(vote.records.filter(result="nej").values_list("member__name", flat=True)) == {
        "Axel Josefson", "Hampus Magnusson", "Martin Wannholt", "Jörgen Fogelklou", "Axel Darvik", "Elisabet Lann",
    }  # fmt: skip
    tabled = Decision.objects.filter(case=decision.case, outcome=Decision.Outcome.TABLED)
    assert sorted(tabled.values_list("paragraph", flat=True)) == [221, 296]


def test_case_slk_2022_00921_proposal_and_motions(real_data):
    case = Case.objects.by_url_key("SLK-2022-00921").get()
    assert case.dnr == "0921/22"
    proposal = case.proposals.get()
    assert (str(proposal.issued), str(proposal.revised)) == ("2024-02-26", "2024-05-20")
    assert proposal.points.count() == 12
    counts = [m.points.count() for m in case.motions.filter(full_text_available=True)]
    assert sorted(counts) == [2, 5, 11]
    # Motions A and B have no party or date in the document: stored as unknown, not invented.
    unknown = case.motions.filter(full_text_available=True, date__isnull=True)
    assert unknown.count() == 2
    assert all(m.parties.count() == 0 for m in unknown)
    addition = case.motions.get(kind=Motion.Kind.TILLAGGSYRKANDE, full_text_available=True)
    assert str(addition.date) == "2024-06-04"
    assert addition.parties.count() == 0


def test_case_0064_23_motion_and_statement(real_data):
    case = Case.objects.by_url_key("0064-23").get()
    assert case.case_number is None
    motion = case.motions.get(kind=Motion.Kind.YRKANDE)
    assert motion.is_revised and motion.approves_rest
    assert sorted(motion.parties.values_list("abbreviation", flat=True)) == ["MP", "S", "V"]
    assert motion.points.count() == 4
    statement = case.motions.get(kind=Motion.Kind.YTTRANDE)
    assert list(statement.parties.values_list("abbreviation", flat=True)) == ["SD"]
    assert statement.points.count() == 0
    assert case.proposals.get().points.count() == 9


def test_fourteen_assignments_with_august_2023_reports(real_data):
    assert Assignment.objects.count() == 14
    assert StatusReport.objects.filter(period__year=2023, period__kind=2).count() == 14
    assert Counter(Assignment.objects.values_list("source", flat=True)) == {
        "kf_budget": 8, "kf_outside_budget": 5, "ks": 1,
    }  # fmt: skip
    completed = StatusReport.objects.filter(proposes="complete").values_list("assignment__dnr", flat=True)
    assert sorted(completed) == sorted(
        ["1446/22", "1447/22", "1443/22", "0198/23", "0200/23", "0197/23", "1407/22", "0630/23"]
    )
    assignment = Assignment.objects.get(dnr="0921/22")
    assert assignment.origin_reference == "KF 2022-06-16 § 4, punkt 3"
    # The decision point of KF § 4 that created it points at it.
    point = DecisionPoint.objects.get(assignment=assignment)
    assert point.number == 3 and point.decision.paragraph == 4


def test_cost_estimates_and_financing_classes(real_data):
    point4 = CostEstimate.objects.filter(decision_point__number=4, decision_point__proposal__case__dnr="0921/22")
    assert sorted(point4.values_list("board__slug", "amount_kr", "recurrence")) == [
        ("grundskolenamnden", 1_100_000, "one_off"),
        ("utbildningsnamnden", 600_000, "one_off"),
    ]
    yearly = CostEstimate.objects.filter(recurrence="yearly").values_list("decision_point__number", "amount_kr")
    assert sorted(yearly) == [(6, 800_000), (7, 800_000)]
    # "1,1 respektive 0,6 miljoner kronor", "0,8 miljoner kronor årligen": the TU gives the costs no
    # years; 2025–2027 is the budget process it names ("inkluderade i budgetförutsättningarna 2025-2027").
    assert set(CostEstimate.objects.values_list("first_year", "last_year")) == {(None, None)}
    assert set(CostEstimate.objects.values_list("budget_process_first_year", "budget_process_last_year")) == {
        (2025, 2027)
    }
    tu = (SEEDS / "000_3688914d5e730533.txt").read_text(encoding="utf-8")
    for sentence in ("1,1 respektive 0,6 miljoner", "0,8 miljoner kronor årligen", "budgetförutsättningarna 2025-2027"):
        assert sentence in " ".join(tu.split())
    classes = dict(PointFinancing.objects.values_list("decision_point__number", "financing"))
    assert classes[5] == classes[8] == "limited_within_frame"
    assert classes[3] == classes[10] == classes[11] == classes[12] == "within_frame"
    assert classes[4] == classes[6] == classes[7] == classes[9] == "extra_resources"


def test_financial_tables_with_exact_figures(real_data):
    summary = FinancialStatement.objects.get(section="3.2.1")
    result = summary.lines.get(kind="resultat")
    assert (result.utfall, result.budget, result.avvikelse, result.prognos) == (
        26_300_000, 5_900_000, 20_500_000, 14_000_000,
    )  # fmt: skip
    assert result.avvikelse_computed == 20_400_000  # from the rounded figures; the document says 20,5
    kostnader = summary.lines.get(kind="kostnader")
    assert (kostnader.utfall, kostnader.budget) == (-343_200_000, -370_700_000)
    combined = FinancialStatement.objects.get(section="4.3")
    bemanning = combined.lines.get(label="Bemanning")
    assert (bemanning.utfall, bemanning.bokslut_fg_ar) == (-420_000, 2_760_000)
    # The printed slip is kept as printed: the missing minus of Politisk verksamhet, Fg prognos.
    politisk = combined.lines.filter(group="Politisk verksamhet", kind="kostnader").get()
    assert politisk.fg_prognos == 106_500_000
    items = dict(CentralItem.objects.values_list("label", "utfall"))
    assert items["Personal-/kompetensförsörjning"] == 13_400_000
    assert sum(CentralItem.objects.values_list("budget", flat=True)) == 87_800_000


def test_every_printed_avvikelse_is_stored_as_printed(real_data):
    """The 10 cells where the document's Avvikelse is not utfall − budget of its rounded figures
    (seed 002, 3.2.1 and 4.3): stored and shown as printed, the computed figure only a check."""
    lines = StatementLine.objects.select_related("statement")
    printed = [line for line in lines if line.utfall is not None]
    assert all(line.avvikelse is not None for line in printed)
    differ = sorted(
        (line.statement.section, line.group, line.label, line.avvikelse, line.avvikelse_computed)
        for line in printed
        if line.avvikelse != line.avvikelse_computed
    )
    assert differ == [
        ("3.2.1", "", "Kommuninterna bidrag", -7_100_000, -7_200_000),
        ("3.2.1", "", "Kostnader", 27_400_000, 27_500_000),
        ("3.2.1", "", "Resultat", 20_500_000, 20_400_000),
        ("4.3", "Hela kommunledningen", "Kommuninterna bidrag", -7_100_000, -7_200_000),
        ("4.3", "Hela kommunledningen", "Kostnader", 27_400_000, 27_500_000),
        ("4.3", "Hela kommunledningen", "Resultat", 20_500_000, 20_400_000),
        ("4.3", "SLK", "Kostnader", 18_900_000, 18_800_000),
        ("4.3", "SLK", "Resultat", 14_100_000, 14_000_000),
        ("4.3", "Övrig verksamhet", "Intäkter", 1_800_000, -2_000_000),
        ("4.3", "Övrig verksamhet", "Kostnader", -1_800_000, 2_000_000),
    ]


def test_load_real_data_command_refuses_a_loaded_database_and_is_idempotent_with_if_empty(db):
    call_command("load_real_data")
    assert Assignment.objects.count() == 14
    call_command("load_real_data", "--if-empty")
    assert Assignment.objects.count() == 14
    with pytest.raises(CommandError):
        call_command("load_real_data")
