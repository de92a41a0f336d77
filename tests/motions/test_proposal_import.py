"""The TU importer: the parse (pure, refusals naming the line), the fuzz, the preview page (nothing saved
before "Spara", the proposal, its points and the accepted estimates saved together or not at all) and the
import_proposal command."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from budget.models import CostEstimate, PointFinancing
from motions.importers import ImportError_
from motions.importers.proposal import read_proposal
from motions.models import Case, OfficialProposal

from .conftest import SEED_000, seed_lines
from .corpus.render import render

MINIMAL = """Ny rutin för synpunktshantering
Förslag till beslut
I kommunstyrelsen:

1. Kulturnämnden får i uppdrag att införa en ny rutin för synpunkter.

2. Kommunstyrelsen får i uppdrag att följa upp rutinen.

Stadsledningskontoret

Tjänsteutlåtande
Utfärdat 2025-03-03
Ärendenummer SLK-2025-00077

Bedömning ur ekonomisk dimension
Rutinen för synpunkter hos kulturnämnden kostar 0,3 mnkr per år.
"""


def test_the_parse_makes_no_database_query(django_assert_num_queries, db):
    with django_assert_num_queries(0):
        parsed = read_proposal(seed_lines(SEED_000, 223, 1360))
    assert len(parsed.points) == 12 and parsed.points[7].board_names[-1] == "nämnden för funktionsstöd"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Rubrik\nFörslag till beslut\n1. En punkt.\n3. En punkt till.\n",
            "Rad 4: Punkt 3 kommer där punkt 2 väntades",
        ),
        ("Rubrik\nInget förslag här\n", "”Förslag till beslut” saknas"),
        ("Förslag till beslut\n1. En punkt.\n", "Rad 1: Rubriken saknas"),
        ("Rubrik\nFörslag till beslut\n\nMer text utan punkt\n", "Inga numrerade beslutspunkter"),
        ("Tjänsteutlåtande\nUtfärdat 2024-02-30\nRubrik\nFörslag till beslut\n1. Punkt.\n", "Rad 2: Datumet"),
        ("", "Texten är tom"),
    ],
)
def test_a_refused_document_says_which_line_failed(text, message):
    with pytest.raises(ImportError_, match=message):
        read_proposal(text)


def test_a_page_number_says_the_page(db):
    text = "Rubrik\nFörslag till beslut\n1. En punkt.\n\f\n4. Fel nummer.\n"
    with pytest.raises(ImportError_, match="Sida 2, rad 5"):
        read_proposal(text)


def test_a_cost_year_is_printed_with_the_amount_never_the_budget_process():
    parsed = read_proposal(MINIMAL.replace("0,3 mnkr per år.", "0,3 mnkr per år 2026–2027. Det ingår i budget 2025."))
    (cost,) = parsed.costs
    assert (cost.first_year, cost.last_year, cost.recurrence) == (2026, 2027, "yearly")
    parsed = read_proposal(MINIMAL.replace("0,3 mnkr per år.", "0,3 mnkr årligen i budgetförutsättningarna 2025-2027."))
    assert parsed.costs[0].first_year is None


def test_a_year_before_a_second_amount_is_a_time_not_an_amount():
    # holdout4/t02: "kostar 3,6 mnkr under hösten 2025 och 8,6 mnkr per helår" gave a cost "2025 mnkr".
    printed = "0,3 mnkr per år."
    parsed = read_proposal(MINIMAL.replace(printed, "3,6 mnkr under hösten 2025 och 8,6 mnkr per helår."))
    assert [c.amount_kr for c in parsed.costs] == [3_600_000, 8_600_000]
    # Two amounts in one list stay two, also when the first looks like a year.
    parsed = read_proposal(MINIMAL.replace(printed, "2000 och 3000 kr."))
    assert [c.amount_kr for c in parsed.costs] == [2000, 3000]


@pytest.mark.parametrize(
    "sentence",
    [
        "Förslaget i punkt 1 finansieras inom respektive nämnds budgetram.",
        "Förslaget i punkt 1 ryms inom nämndernas budgetram.",
        "Förslaget i punkt 1 ryms inom kulturnämndens ram.",
        "Förslaget i punkt 1 ryms inom befintlig ram.",
    ],
)
def test_within_the_frame_is_read_with_the_frames_owner_named(sentence):
    parsed = read_proposal(MINIMAL.replace("Rutinen för synpunkter", sentence + " Rutinen för synpunkter"))
    assert parsed.financing[1]["financing"] == "within_frame"


def test_a_point_that_states_its_own_financing_is_classed_by_it():
    original = "1. Kulturnämnden får i uppdrag att införa en ny rutin för synpunkter."
    point = original[:-1] + ". Kostnaden ryms inom nämndens ram."
    parsed = read_proposal(MINIMAL.replace(original, point))
    assert parsed.financing[1]["financing"] == "within_frame"
    assert [(c.point, c.financing, c.accepted) for c in parsed.costs] == [(1, "within_frame", True)]
    assert not any("finansieringen" in reason for reason in parsed.costs[0].reasons)
    # The task itself is no statement about the money.
    task = "1. Kulturnämnden får i uppdrag att utreda behovet av resurstilldelning."
    parsed = read_proposal(MINIMAL.replace(original, task))
    assert 1 not in parsed.financing


POINT_ONE = "1. Kulturnämnden får i uppdrag att införa en ny rutin för synpunkter."
SPLIT_POINT = "1. Kulturnämnden får i uppdrag att införa en ny rutin för\n\n{footer}\n{turn}\nsynpunkter."


@pytest.mark.parametrize(
    ("footer", "turn"),
    [
        ("Göteborgs Stad Stadsledningskontoret, tjänsteutlåtande                    Sida 1 av 3", "\f\n"),
        ("Stadsledningskontoret, tjänsteutlåtande 1 (3)", "\f\n"),
        ("Sida 1 (3)", "\f\n"),
        # A PDF re-flowed by the reader loses the page turn: alone between blank lines in a sentence.
        ("Göteborgs Stad Stadsledningskontoret, tjänsteutlåtande Sida 1 av 3", "\n"),
    ],
)
def test_a_page_footer_inside_a_point_where_the_page_turns_is_dropped(footer, turn):
    parsed = read_proposal(MINIMAL.replace(POINT_ONE, SPLIT_POINT.format(footer=footer, turn=turn)))
    assert parsed.points[0].text == POINT_ONE[3:]


@pytest.mark.parametrize(
    "sentence",
    [
        # No page turn and not alone: the words are the point's.
        "1. Kulturnämnden får i uppdrag att införa en rutin enligt bilagan Sida 1 av 3\nför synpunkter.",
        # Lower-case "sida" is a reference in a sentence, not a footer.
        "1. Kulturnämnden får i uppdrag att införa en rutin enligt\n\nbilagan på sida 1 av 3\n\nför synpunkter.",
        # A page number larger than the count is no footer.
        "1. Kulturnämnden får i uppdrag att införa en rutin för\n\nkontoret, utlåtande Sida 4 av 3\n\nsynpunkter.",
    ],
)
def test_words_like_a_page_number_inside_a_sentence_stay_in_the_point(sentence):
    parsed = read_proposal(MINIMAL.replace(POINT_ONE, sentence))
    assert "ida" in parsed.points[0].text


def test_förvaltningen_in_a_point_is_the_office_that_wrote_the_tu():
    text = MINIMAL.replace("2. Kommunstyrelsen får", "2. Förvaltningen får").replace(
        "Stadsledningskontoret\n\nTjänsteutlåtande", "Kulturförvaltningen\n\nTjänsteutlåtande"
    )
    parsed = read_proposal(text)
    assert parsed.author_name == "Kulturförvaltningen"
    assert [p.board_names for p in parsed.points] == [["Kulturnämnden"], ["Kulturförvaltningen"]]
    # Without a header naming the office the word stays as printed (and resolving it flags it).
    headless = text.split("Kulturförvaltningen\n")[0]
    assert read_proposal(headless).points[1].board_names == ["Förvaltningen"]


LINES = st.sampled_from(
    ["Förslag till beslut", "Tjänsteutlåtande", "Utfärdat 2024-01-01", "Reviderat 2023-13-01", "Dnr 0064/23",
     "1. Kulturnämnden får i uppdrag att x.", "2. y", "a) z", "Handläggare", "E-post: a@b", "\f", "", " 10. Q",
     "Bedömning ur ekonomisk dimension", "1,1 respektive 0,6 miljoner kronor årligen för förslag 1.",
     "4–5 mnkr per år 2025–2027", "Sida 1 av 2", "I kommunstyrelsen:", "Ärendenr:SLK-2024-00058"]
)  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(LINES, st.text(max_size=60)), max_size=40))
def test_the_parser_accepts_or_refuses_any_text_and_never_raises_anything_else(lines):
    try:
        parsed = read_proposal("\n".join(lines))
    except ImportError_:
        return
    assert parsed.points and [p.number for p in parsed.points] == list(range(1, len(parsed.points) + 1))
    json.dumps(parsed.as_json())


def _url(case):
    return reverse("proposal_import", args=[case.url_key])


def _management(prefix, total):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": "0", f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000"}  # fmt: skip


@pytest.fixture
def new_case(real_data):
    return Case.objects.create(case_number="SLK-2025-00077", title="Synpunktshantering")


def _preview(client, case, **data):
    return client.post(_url(case), {"text": MINIMAL, "forhandsgranska": "", **data})


def _review_data(response):
    """The preview's form as the browser would send it back."""
    context = response.context
    data = {"reviewed": "1", **_management("punkt", len(context["points"].forms)),
            **_management("kostnad", len(context["costs"].forms))}  # fmt: skip
    for form in [context["review"], *context["points"].forms, *context["costs"].forms]:
        for name in form.fields:
            value = form[name].value()
            key = form.add_prefix(name)
            if isinstance(value, list):
                data[key] = [str(v) for v in value]
            elif isinstance(value, bool):
                if value:
                    data[key] = "on"
            elif value is not None:
                data[key] = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return data


@pytest.mark.django_db
def test_the_preview_saves_nothing_and_shows_every_field(client, secretariat, new_case):
    client.force_login(secretariat)
    response = _preview(client, new_case)
    assert response.status_code == 200
    assert not OfficialProposal.objects.filter(case=new_case).exists()
    page = response.content.decode()
    for shown in ("Ny rutin för synpunktshantering", "2025-03-03", "Kulturnämnden får i uppdrag", "0,3 mnkr"):
        assert shown in page
    costs = response.context["costs"].forms
    assert costs[0]["accept"].value() is True and costs[0]["recurrence"].value() == "yearly"


@pytest.mark.django_db
def test_spara_saves_the_proposal_points_boards_and_accepted_costs_together(client, secretariat, new_case):
    client.force_login(secretariat)
    data = _review_data(_preview(client, new_case))
    data["punkt-1-text"] = "Kommunstyrelsen får i uppdrag att följa upp rutinen årligen."
    response = client.post(_url(new_case), {**data, "bekrafta": ""})
    assert response.status_code == 302
    proposal = OfficialProposal.objects.get(case=new_case)
    assert proposal.issued.isoformat() == "2025-03-03" and proposal.author_body.slug == "stadsledningskontoret"
    points = list(proposal.points.order_by("number"))
    assert points[1].text.endswith("årligen.")
    assert [b.slug for b in points[0].responsible_boards.all()] == ["kulturnamnden"]
    (estimate,) = CostEstimate.objects.filter(decision_point__proposal=proposal)
    assert (estimate.amount_kr, estimate.recurrence, estimate.board.slug) == (300_000, "yearly", "kulturnamnden")
    assert estimate.history.first().history_user == secretariat


@pytest.mark.django_db
def test_an_unticked_cost_is_not_saved_and_a_refusal_saves_nothing(client, secretariat, new_case):
    client.force_login(secretariat)
    data = _review_data(_preview(client, new_case))
    data.pop("kostnad-0-accept")
    data["kostnad-0-amount"] = "tre kronor"  # not an amount, but not accepted either: refused all the same
    response = client.post(_url(new_case), {**data, "bekrafta": ""})
    assert response.status_code == 400 and not OfficialProposal.objects.filter(case=new_case).exists()
    data["kostnad-0-amount"] = "0,3 mnkr"
    data["issued"] = "2025-03-03"
    OfficialProposal.objects.create(case=new_case, title="Redan", issued="2025-03-03")
    response = client.post(_url(new_case), {**data, "bekrafta": ""})
    assert response.status_code == 400
    assert "redan ett tjänsteutlåtande" in response.content.decode()
    assert (
        OfficialProposal.objects.filter(case=new_case).count() == 1
        and not CostEstimate.objects.filter(decision_point__proposal__case=new_case).exists()
    )


@pytest.mark.django_db
def test_an_uploaded_pdf_is_read_and_a_broken_one_refused(client, secretariat, new_case):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(secretariat)
    pdf = SimpleUploadedFile("tu.pdf", render(MINIMAL), content_type="application/pdf")
    response = client.post(_url(new_case), {"file": pdf, "forhandsgranska": ""})
    assert response.status_code == 200 and len(response.context["points"].initial) == 2
    broken = SimpleUploadedFile("tu.pdf", b"%PDF-1.4\n garbage", content_type="application/pdf")
    response = client.post(_url(new_case), {"file": broken, "forhandsgranska": ""})
    assert response.status_code == 400 and "PDF-filen" in response.content.decode()


@pytest.mark.django_db
def test_the_case_workspace_links_the_import(client, secretariat, new_case):
    client.force_login(secretariat)
    page = client.get(reverse("secretariat:case", args=[new_case.url_key])).content.decode()
    assert _url(new_case) in page


@pytest.mark.django_db
def test_the_command_prints_json_on_dry_run_and_saves_otherwise(real_data, tmp_path):
    case = Case.objects.create(case_number="SLK-2025-00077", title="Synpunktshantering")
    path = tmp_path / "tu.txt"
    path.write_text(MINIMAL, "utf-8")
    out = StringIO()
    call_command("import_proposal", "--case", case.case_number, str(path), "--dry-run", stdout=out)
    parsed = json.loads(out.getvalue())
    assert parsed["case_number"] == "SLK-2025-00077" and parsed["points"][0]["boards"] == ["kulturnamnden"]
    assert not OfficialProposal.objects.filter(case=case).exists()
    call_command("import_proposal", "--case", case.case_number, str(path), stdout=StringIO(), stderr=StringIO())
    assert CostEstimate.objects.filter(decision_point__proposal__case=case).count() == 1
    path.write_text("Rubrik\nFörslag till beslut\n2. Fel.\n", "utf-8")
    with pytest.raises(CommandError, match="Rad 3"):
        call_command("import_proposal", "--case", case.case_number, str(path), "--dry-run", stdout=StringIO())


@pytest.mark.django_db
def test_resolving_the_boards_costs_the_same_few_queries_for_any_length(real_data, django_assert_max_num_queries):
    from motions.importers.proposal_resolve import resolve_proposal

    parsed = read_proposal(seed_lines(SEED_000, 223, 1360))
    with django_assert_max_num_queries(2):
        resolve_proposal(parsed)
    assert [b.slug for b in parsed.points[9].boards] == ["goteborg-co-ab"]


@pytest.mark.django_db
def test_the_seed_tu_through_the_page_saves_its_twelve_points_and_four_estimates(client, secretariat, real_data):
    """The shipped case without its proposal: read the city's text, keep the preview as it is, save."""
    case = Case.objects.get(case_number="SLK-2022-00921")
    case.proposals.all().delete()
    client.force_login(secretariat)
    response = client.post(_url(case), {"text": seed_lines(SEED_000, 223, 1360), "forhandsgranska": ""})
    assert response.status_code == 200
    response = client.post(_url(case), {**_review_data(response), "bekrafta": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    proposal = OfficialProposal.objects.get(case=case)
    assert (proposal.issued.isoformat(), proposal.revised.isoformat()) == ("2024-02-26", "2024-05-20")
    assert proposal.points.count() == 12
    saved = sorted(
        (e.decision_point.number, e.amount_kr, e.recurrence, e.board.slug, e.first_year, e.budget_process_first_year)
        for e in CostEstimate.objects.filter(decision_point__proposal=proposal).select_related(
            "board", "decision_point"
        )
    )
    assert saved == [
        (4, 600_000, "one_off", "utbildningsnamnden", None, 2025),
        (4, 1_100_000, "one_off", "grundskolenamnden", None, 2025),
        (6, 800_000, "yearly", "socialnamnden-centrum", None, 2025),
        (7, 800_000, "yearly", "socialnamnden-centrum", None, 2025),
    ]
    classes = {
        f.decision_point.number: (f.financing, f.budget_process_first_year, f.budget_process_last_year)
        for f in PointFinancing.objects.filter(decision_point__proposal=proposal).select_related("decision_point")
    }
    assert classes == {
        **dict.fromkeys((2, 3, 10, 11, 12), ("within_frame", None, None)),
        **dict.fromkeys((5, 8), ("limited_within_frame", None, None)),
        **dict.fromkeys((4, 6, 7, 9), ("extra_resources", 2025, 2027)),
    }


@pytest.mark.django_db
def test_a_point_can_be_added_and_one_dropped_in_the_preview(client, secretariat, new_case):
    client.force_login(secretariat)
    data = _review_data(_preview(client, new_case))
    data["punkt-1-DELETE"] = "on"
    data.update({"punkt-2-number": "2", "punkt-2-text": "Kulturnämnden får i uppdrag att redovisa rutinen."})
    data["punkt-2-boards"] = data["punkt-0-boards"]
    response = client.post(_url(new_case), {**data, "bekrafta": ""})
    assert response.status_code == 302
    texts = list(OfficialProposal.objects.get(case=new_case).points.order_by("number").values_list("text", flat=True))
    assert texts == [
        "Kulturnämnden får i uppdrag att införa en ny rutin för synpunkter.",
        "Kulturnämnden får i uppdrag att redovisa rutinen.",
    ]


@pytest.mark.django_db
def test_the_uploaded_tu_is_kept_with_the_proposal_as_the_cases_bilaga(client, secretariat, new_case):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from motions.models import Attachment

    client.force_login(secretariat)
    data_pdf = render(MINIMAL)
    pdf = SimpleUploadedFile("TU synpunkter.pdf", data_pdf, content_type="application/pdf")
    preview = client.post(_url(new_case), {"file": pdf, "forhandsgranska": ""})
    assert preview.status_code == 200 and not Attachment.objects.exists()  # staged only, not kept
    response = client.post(_url(new_case), {**_review_data(preview), "bekrafta": ""})
    assert response.status_code == 302
    (attachment,) = Attachment.objects.filter(case=new_case)
    proposal = OfficialProposal.objects.get(case=new_case)
    assert (attachment.kind, attachment.proposal_id, attachment.content_type) == (
        Attachment.Kind.TJANSTEUTLATANDE, proposal.pk, "application/pdf",
    )  # fmt: skip
    assert attachment.size == len(data_pdf) and attachment.filename.endswith(".pdf")
    with attachment.file.open("rb") as handle:
        assert handle.read() == data_pdf


@pytest.mark.django_db
def test_a_refused_tu_save_keeps_no_bilaga(client, secretariat, new_case):
    from motions.models import Attachment

    client.force_login(secretariat)
    data = _review_data(_preview(client, new_case))
    OfficialProposal.objects.create(case=new_case, title="Redan", issued="2025-03-03")
    response = client.post(_url(new_case), {**data, "bekrafta": ""})
    assert response.status_code == 400 and not Attachment.objects.exists()
    # Saved once the proposal is gone: the pasted text is the bilaga.
    OfficialProposal.objects.filter(case=new_case).delete()
    response = client.post(_url(new_case), {**data, "bekrafta": ""})
    assert response.status_code == 302
    (attachment,) = Attachment.objects.filter(case=new_case)
    assert attachment.content_type.startswith("text/plain") and attachment.filename == "tjansteutlatande.txt"
