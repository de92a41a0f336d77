"""Lettered decision points ("a)", "B.") keep their printed mark from the parse through the review
and the save to every page, export and API answer that names a point; a särskilt yttrande in a
protocol extract is stored as a note of its own kind and shown with the other notes."""

import json
from pathlib import Path

import pytest
from django.urls import reverse

from motions.comparison import COMPARABLE_KINDS
from motions.forms import MotionReviewForm
from motions.importers import parse_motion_text
from motions.importers.points import review_points
from motions.importers.protocol import parse_protocol
from motions.models import Case, DecisionNote, DecisionPoint, Motion, point_label, point_marker
from motions.protocol_import import drafts_from, protocol_import
from tests.core.readback import read_csv

CORPUS = Path(__file__).parent / "corpus"
LETTERED = CORPUS / "motions" / "04_lettered_points.txt"
CAPITALS = CORPUS / "motions" / "30_capital_letter_points.txt"
STATEMENT = CORPUS / "protocols" / "p07_ks_special_statement.txt"


def test_a_point_is_called_by_its_printed_mark_or_else_its_number():
    assert point_label(2, "") == "2" and point_marker(2, "") == "2."
    assert point_label(1, "a)") == "a)" and point_marker(1, "a)") == "a)"
    assert str(DecisionPoint(number=3, label="C.")) == "punkt C."


@pytest.mark.django_db
def test_the_parse_keeps_small_and_capital_letters_as_labels(real_data):
    assert [(p.number, p.label) for p in parse_motion_text(LETTERED.read_text("utf-8")).points] == [
        (1, "a)"),
        (2, "b)"),
    ]
    assert [p.label for p in parse_motion_text(CAPITALS.read_text("utf-8")).points] == ["A.", "B.", "C."]


@pytest.mark.django_db
def test_a_capital_letter_inside_a_numbered_list_is_text_and_numbers_have_no_label(real_data):
    text = CAPITALS.read_text("utf-8").replace("A. ", "1. ").replace("B. ", "2. ").replace("C. ", "3. ")
    text = text.replace("plantering och skötsel.", "plantering och skötsel enligt\nB. Andersson i rapporten.")
    points = parse_motion_text(text).points
    assert [(p.number, p.label) for p in points] == [(1, ""), (2, ""), (3, "")]
    assert points[1].text.endswith("enligt B. Andersson i rapporten.")


def test_the_review_box_reads_marks_in_order_and_names_the_one_expected():
    read = review_points(["a) Ett", "", "b) Två"])
    assert [(p.number, p.label, p.text) for p in read] == [(1, "a)", "Ett"), (2, "b)", "Två")]
    assert [(p.number, p.label) for p in review_points(["1. Ett", "2) Två"])] == [(1, ""), (2, "")]
    assert review_points(["a) Ett", "c) Tre"]) == (2, "b)")
    assert review_points(["A. Ett", "b. Två"]) == (2, "B.")
    assert review_points(["1. Ett", "b) Två"]) == (2, "2.")


@pytest.mark.django_db
def test_the_review_shows_the_letters_and_a_wrong_letter_is_refused(real_data):
    initial = MotionReviewForm.initial_from(parse_motion_text(LETTERED.read_text("utf-8")))
    assert initial["points"].splitlines()[0].startswith("a) Ärendet återremitteras")
    data = {"reviewed": "1", "kind": "yrkande", "title": "Yrkande angående x", "points": "a) Ett\nc) Tre"}
    form = MotionReviewForm(data)
    assert not form.is_valid()
    assert form.errors["points"] == ["Rad 2: skriv punkterna i ordning som ”b) text”."]


@pytest.mark.django_db
def test_the_import_preview_shows_and_the_save_keeps_the_letters(client, real_data, secretariat):
    client.force_login(secretariat)
    case = Case.objects.by_url_key("0064/23").get()
    url = reverse("motions:motion_import", args=[case.url_key])
    preview = client.post(url, {"text": LETTERED.read_text("utf-8"), "forhandsgranska": "1"})
    assert "a) Ärendet återremitteras" in preview.content.decode()
    assert client.post(url, {"text": LETTERED.read_text("utf-8"), "bekrafta": "1"}).status_code == 302
    motion = Motion.objects.latest("pk")
    assert [(p.number, p.label, p.printed_label) for p in motion.points.all()] == [(1, "a)", "a)"), (2, "b)", "b)")]


@pytest.mark.django_db
def test_import_motion_dry_run_prints_the_labels(real_data, capsys):
    from django.core.management import call_command

    call_command("import_motion", "--case", "0064/23", str(CAPITALS), "--dry-run")
    printed = json.loads(capsys.readouterr().out)
    assert [(p["number"], p["label"]) for p in printed["points"]] == [(1, "A."), (2, "B."), (3, "C.")]


@pytest.fixture
def lettered_motion(real_data):
    """A comparable motion of the comparison case whose points the document letters."""
    case = Case.objects.by_url_key("SLK-2022-00921").get()
    motion = next(m for m in case.motions.filter(kind__in=COMPARABLE_KINDS).order_by("pk") if m.points.exists())
    for point in motion.points.all():
        point.label = "abcdefghijklmnopqrstuvwxyz"[point.number - 1] + ")"
        point.save()
    return motion


def _shown(client, motion) -> str:
    return client.get(f"/arenden/SLK-2022-00921/jamfor/?urval=1&visa={motion.pk}").content.decode()


def test_the_comparison_names_a_lettered_point_by_its_letter(client, lettered_motion):
    page = _shown(client, lettered_motion)
    assert "punkt a)" in page
    numbers = [p.number for p in lettered_motion.points.all()]
    assert not any(f'<span class="point-number">punkt {n}</span>' in page for n in numbers)


def test_the_comparison_csv_names_a_lettered_point_by_its_letter(client, lettered_motion):
    rows = read_csv(client.get(f"/arenden/SLK-2022-00921/jamfor.csv?urval=1&visa={lettered_motion.pk}"))
    cells = [cell for row in rows[1:] for cell in row[2:]]
    assert any("punkt a): " in cell for cell in cells)
    assert not any("punkt 1: " in cell for cell in cells)


def test_the_api_gives_a_point_its_label(client, lettered_motion):
    point = lettered_motion.points.get(number=1)
    item = json.loads(client.get(f"/api/v1/decision-points/{point.pk}/").content)
    assert item["number"] == 1 and item["label"] == "a)"
    other = DecisionPoint.objects.filter(label="").first()
    assert json.loads(client.get(f"/api/v1/decision-points/{other.pk}/").content)["label"] == str(other.number)


def test_a_search_hit_names_the_point_by_its_letter(client, lettered_motion):
    point = lettered_motion.points.get(number=1)
    words = " ".join(point.text.split()[:4])
    page = client.get("/sok/", {"q": words}).content.decode()
    assert "Punkt a) –" in page


@pytest.mark.django_db
def test_a_special_statement_is_saved_as_a_note_and_shown_with_the_other_notes(client, real_data, secretariat):
    from assignments.models import Board

    parsed = parse_protocol(STATEMENT.read_text("utf-8"))
    assert [n.kind for n in parsed.notes] == ["reservation", "sarskilt_yttrande", "sarskilt_yttrande"]
    case = Case.objects.create(case_number="SLK-2025-00231", title="Handlingsplan för fler gröna skolgårdar")
    votes, notes = drafts_from(parsed)
    decision = protocol_import(
        user=secretariat,
        case=case,
        body=Board.objects.get(short_name="KS"),
        date=parsed.date,
        paragraph=parsed.paragraph,
        basis=parsed.basis,
        motion_ids=[],
        text=parsed.decision_text,
        points=parsed.points,
        adjusted_on=parsed.adjusted_on,
        votes=votes,
        notes=notes,
    )
    statements = decision.notes.filter(kind=DecisionNote.Kind.SARSKILT_YTTRANDE).order_by("pk")
    assert [sorted(p.abbreviation for p in n.parties.all()) for n in statements] == [["MP", "V"], ["MP"]]
    assert statements[1].members == "Karin Pleijel" and statements[1].text.endswith("tydligare tidplan.")
    page = client.get(f"{case.get_absolute_url()}jamfor/").content.decode()
    assert page.count("Särskilt yttrande") == 2 and "Reservation" in page
    # The case page's timeline and the open data API list them too, in the minutes' order.
    page = client.get(case.get_absolute_url()).content.decode()
    assert page.count("<h4>Särskilt yttrande – ") == 2 and "<h4>Reservation – " in page
    api = client.get(f"/api/v1/decisions/{decision.pk}/").json()
    assert [n["kind"] for n in api["notes"]] == ["reservation", "sarskilt_yttrande", "sarskilt_yttrande"]
    assert api["notes"][2]["members"] == "Karin Pleijel" and api["notes"][2]["kindLabel"] == "Särskilt yttrande"


def test_a_protocol_extracts_lettered_decision_keeps_its_labels_by_the_motions_rule():
    text = STATEMENT.read_text("utf-8").replace("\n1. Handlingsplanen", "\na) Handlingsplanen")
    text = text.replace("\n2. Utbildningsnämnden", "\nb) Utbildningsnämnden")
    parsed = parse_protocol(text)
    assert [(p.number, p.label) for p in parsed.points] == [(1, "a)"), (2, "b)")]
    assert "a) Handlingsplanen" in parsed.decision_text
    assert parsed.as_json()["points"][0] == {"number": 1, "label": "a)", "text": parsed.points[0].text}


def test_a_tu_points_typed_label_must_be_the_letter_of_its_number():
    from motions.importers.points import label_fits

    assert label_fits(2, "b)") and label_fits(1, "A.") and not label_fits(2, "c)") and not label_fits(1, "1.")
