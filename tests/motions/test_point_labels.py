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

from .test_protocol_import import case as protocol_case  # noqa: F401 - the fixture, by another name

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


# --- Lettered TU points: the TU import page, its save and a revised TU ------------------------------


def _lettered_tu():
    from .test_proposal_import import MINIMAL

    return MINIMAL.replace("\n1. Kultur", "\na) Kultur").replace("\n2. Kommun", "\nb) Kommun")


def _tu_url(case):
    return reverse("proposal_import", args=[case.url_key])


@pytest.fixture
def tu_case(real_data):
    return Case.objects.create(case_number="SLK-2025-00077", title="Synpunktshantering")


def _tu_save(client, case, text, **changes):
    from .test_proposal_import import _review_data

    preview = client.post(_tu_url(case), {"text": text, "forhandsgranska": ""})
    assert preview.status_code == 200
    response = client.post(_tu_url(case), {**_review_data(preview), **changes, "bekrafta": ""})
    return preview, response


@pytest.mark.django_db
def test_a_saved_lettered_tu_keeps_its_labels_by_the_marks_rule(client, secretariat, tu_case):
    from motions.importers.points import label_fits, read_mark

    client.force_login(secretariat)
    preview, response = _tu_save(client, tu_case, _lettered_tu())
    assert response.status_code == 302, response.content.decode()[:2000]
    points = list(tu_case.proposals.get().points.order_by("number"))
    assert [(p.number, p.label, p.printed_label, str(p)) for p in points] == [
        (1, "a)", "a)", "punkt a)"),
        (2, "b)", "b)", "punkt b)"),
    ]
    for point in points:
        assert label_fits(point.number, point.label)
        mark = read_mark(f"{point.list_marker} {point.text}")
        assert (mark.number, mark.label, mark.text) == (point.number, point.label, point.text)


@pytest.mark.django_db
def test_the_tu_preview_shows_the_beteckning_field_and_saves_an_edited_one(client, secretariat, tu_case):
    client.force_login(secretariat)
    page = client.post(_tu_url(tu_case), {"text": _lettered_tu(), "forhandsgranska": ""}).content.decode()
    assert '<label for="id_punkt-0-label">Beteckning</label>' in page
    assert 'name="punkt-0-label" value="a)"' in page and 'name="punkt-1-label" value="b)"' in page
    assert "Punkt a)" in page  # the fieldset's legend names the point by its letter
    _, response = _tu_save(client, tu_case, _lettered_tu(), **{"punkt-0-label": "A.", "punkt-1-label": "B."})
    assert response.status_code == 302
    assert list(tu_case.proposals.get().points.values_list("label", flat=True)) == ["A.", "B."]


@pytest.mark.django_db
def test_the_tu_preview_refuses_a_wrong_letter_in_swedish_and_saves_nothing(client, secretariat, tu_case):
    client.force_login(secretariat)
    _, response = _tu_save(client, tu_case, _lettered_tu(), **{"punkt-1-label": "c)"})
    assert response.status_code == 400
    assert "Punkt 2 kan inte heta ”c)”." in response.content.decode()
    assert not tu_case.proposals.exists()


@pytest.mark.django_db
def test_a_protocol_preview_refuses_a_wrong_letter_in_swedish_and_saves_nothing(client, secretariat, protocol_case):  # noqa: F811
    from motions.models import Decision

    from .test_protocol_import import P02, URL, _review_data

    client.force_login(secretariat)
    data = _review_data(client, P02.read_text("utf-8"))
    response = client.post(
        URL, {**data, "points": "a) Reglerna gäller.\nc) Idrottsnämnden får i uppdrag.", "bekrafta": "1"}
    )
    assert response.status_code == 400
    assert "Rad 2: skriv punkterna i ordning som ”b) text”." in response.content.decode()
    assert not Decision.objects.filter(case__case_number="SLK-2023-00456").exists()
    response = client.post(
        URL, {**data, "points": "a) Reglerna gäller.\nb) Idrottsnämnden får i uppdrag.", "bekrafta": "1"}
    )
    assert response.status_code == 302
    decision = Decision.objects.get(case__case_number="SLK-2023-00456")
    assert list(decision.points.values_list("label", flat=True)) == ["a)", "b)"]


@pytest.mark.django_db
def test_a_revised_tu_keeps_the_labels_and_updates_them_when_the_revision_changes_them(client, secretariat, tu_case):
    client.force_login(secretariat)
    lettered = _lettered_tu()
    assert _tu_save(client, tu_case, lettered)[1].status_code == 302
    proposal = tu_case.proposals.get()
    ids = list(proposal.points.values_list("pk", flat=True))
    revised = lettered.replace("Utfärdat 2025-03-03", "Utfärdat 2025-03-03\nReviderat 2025-04-01")
    revised = revised.replace("följa upp rutinen.", "följa upp rutinen årligen.")
    preview, response = _tu_save(client, tu_case, revised)
    assert response.status_code == 302
    assert not any(c.kind == "label" for c in preview.context["revision"].changes.points)
    assert list(proposal.points.values_list("pk", "label")) == [(ids[0], "a)"), (ids[1], "b)")]
    # The city prints the revision with numbers: the labels go, the points stay.
    numbered = revised.replace("\na) Kultur", "\n1. Kultur").replace("\nb) Kommun", "\n2. Kommun")
    preview, response = _tu_save(client, tu_case, numbered.replace("2025-04-01", "2025-04-08"))
    assert response.status_code == 302
    page = " ".join(preview.content.decode().split())
    assert "Punkt 1, ändrad beteckning:" in page and "a)</del> → <ins>" in page
    assert list(proposal.points.values_list("pk", "label")) == [(ids[0], ""), (ids[1], "")]


@pytest.mark.django_db
def test_a_lettered_revision_that_drops_the_first_point_gives_the_next_its_letter(client, secretariat, tu_case):
    client.force_login(secretariat)
    assert _tu_save(client, tu_case, _lettered_tu())[1].status_code == 302
    proposal = tu_case.proposals.get()
    second = proposal.points.get(label="b)")
    revised = _lettered_tu().replace("Utfärdat 2025-03-03", "Utfärdat 2025-03-03\nReviderat 2025-04-01")
    revised = revised.replace("\na) Kulturnämnden får i uppdrag att införa en ny rutin för synpunkter.\n", "")
    revised = revised.replace("\nb) Kommun", "\na) Kommun")
    preview, response = _tu_save(client, tu_case, revised)
    assert response.status_code == 302, response.content.decode()[:3000]
    kinds = {(c.number, c.kind) for c in preview.context["revision"].changes.points}
    assert {(2, "renumbered"), (1, "label")} <= kinds
    second.refresh_from_db()
    assert (second.number, second.label, second.printed_label) == (1, "a)", "a)")
    # The dropped point has a cost estimate, so it is kept: after the others, lettered in their style.
    assert list(proposal.points.values_list("number", "label")) == [(1, "a)"), (2, "b)")]
    assert (1, "kept") in kinds  # named by its stored number; the page says "behålls som punkt 2"


def test_the_review_box_keeps_new_points_numbered_on_from_the_proposals():
    read = review_points(["7. Sju", "8. Åtta"])
    assert [(p.number, p.label) for p in read] == [(1, "7."), (2, "8.")]
    assert review_points(["7. Sju", "9. Nio"]) == (2, "8.")


@pytest.mark.django_db
def test_points_going_on_from_the_proposals_numbering_survive_the_review(real_data):
    text = (
        "Tilläggsyrkande (V)\nIdrotts- och föreningsnämnden\n2027-10-02\n\n"
        "Tilläggsyrkande angående – förvaltningens förslag om spontanidrott\n\nFörslag till beslut\n"
        "I idrotts- och föreningsnämnden:\n\n5. Fler spontanidrottsplatser öppnas.\n\n6. Utfallet redovisas.\n"
    )
    initial = MotionReviewForm.initial_from(parse_motion_text(text))
    assert initial["points"].splitlines()[0].startswith("5. Fler")
    data = {"reviewed": "1", "kind": "tillaggsyrkande", "title": "Tilläggsyrkande angående x"}
    form = MotionReviewForm({**data, "points": initial["points"]})
    assert form.is_valid(), form.errors
