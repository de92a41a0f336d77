"""The lead-in above a motion's points (issue 15): "Ärendet återremitteras till stadsledningskontoret
för att" before "1. …", "2. …" is kept as the motion's lead-in, through the preview, the save, the
command's JSON, the API and the pages; other text above the points is still refused with its line."""

import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from motions.importers import ImportError_, read_motion
from motions.models import Case, Motion

PROPOSAL = "Återremissyrkande angående – Ett ärende\nFörslag till beslut\nI kommunstyrelsen:\n\n"
POINTS = "1. komplettera underlaget med en analys,\n\n2. redovisa hur facket har involverats.\n"
M04_TEXT = (
    "Återremissyrkande angående – Ny organisation för stadens kontaktcenter\n"
    "Förslag till beslut\nI kommunstyrelsen:\n\n"
    "Ärendet återremitteras till stadsledningskontoret för att\n\n" + POINTS + "\n"
    "Kommunstyrelsen\nÅterremissyrkande\n2025-05-07\nMiljöpartiet, Vänsterpartiet\n"
    "Yrkandet\nFörslaget saknar en analys.\n"
)
LEAD_IN = "Ärendet återremitteras till stadsledningskontoret för att"


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        ("Ärendet återremitteras till stadsledningskontoret för att\n\n", LEAD_IN),
        # no blank line before the first point
        ("Ärendet återremitteras till stadsledningskontoret för att\n", LEAD_IN),
        # ends in "att" without "för"
        ("Ärendet återremitteras med uppdrag att\n\n", "Ärendet återremitteras med uppdrag att"),
        # ends in a colon
        ("Stadsledningskontoret får i uppdrag att utreda:\n\n", "Stadsledningskontoret får i uppdrag att utreda:"),
        # a decision lead below the addressee
        ("Kommunstyrelsen föreslås besluta\n\n", "Kommunstyrelsen föreslås besluta"),
        ("Kommunfullmäktige beslutar följande\n\n", "Kommunfullmäktige beslutar följande"),
        # wrapped over two lines, the second starting with "att"
        (
            "Ärendet återremitteras till kontoret med uppdrag\natt komplettera underlaget med:\n\n",
            "Ärendet återremitteras till kontoret med uppdrag att komplettera underlaget med:",
        ),
    ],
)
def test_a_lead_in_above_numbered_points_is_kept_apart_from_them(lead, expected):
    parsed = read_motion(PROPOSAL + lead + POINTS)
    assert parsed.lead_in == expected
    assert parsed.addressed_to == "I kommunstyrelsen"
    assert [(p.number, p.text) for p in parsed.points] == [
        (1, "komplettera underlaget med en analys,"),
        (2, "redovisa hur facket har involverats."),
    ]
    assert parsed.as_json()["lead_in"] == expected


def test_a_lead_in_ending_in_att_colon_without_an_addressee_is_no_addressee():
    parsed = read_motion(
        "Återremissyrkande angående – x\nFörslag till beslut\n"
        "Ärendet återremitteras till kontoret för att:\n1. utreda saken.\n"
    )
    assert (parsed.addressed_to, parsed.lead_in) == ("", "Ärendet återremitteras till kontoret för att:")


def test_a_lead_in_above_att_clauses():
    parsed = read_motion(
        PROPOSAL + "Kommunstyrelsen föreslår kommunfullmäktige besluta\natt ge nämnden i uppdrag att utreda,\n"
        "att i övrigt bifalla tjänsteutlåtandet.\n"
    )
    assert parsed.lead_in == "Kommunstyrelsen föreslår kommunfullmäktige besluta"
    assert [p.text for p in parsed.points] == ["att ge nämnden i uppdrag att utreda,"]
    assert parsed.approves_rest


@pytest.mark.parametrize(
    ("text", "line", "shown"),
    [
        # text that is no lead-in
        (PROPOSAL + "lösryckt text\n1. Ett.\n", 5, "lösryckt text"),
        # a whole sentence before the lead-in fragment
        (PROPOSAL + "Vi är kritiska. Ärendet återremitteras för att\n1. Ett.\n", 5, "Vi är kritiska."),
        # an argument paragraph above a lead-in: the argument is refused, with its own line
        (PROPOSAL + "Underlaget är bristfälligt\n\nÄrendet återremitteras för att\n1. Ett.\n", 5, "Underlaget"),
    ],
)
def test_other_text_above_numbered_points_is_still_refused_with_its_line(text, line, shown):
    with pytest.raises(ImportError_, match="Texten står före första numrerade punkten") as error:
        read_motion(text)
    assert str(error.value).startswith(f"Rad {line}:")
    assert shown in str(error.value)


@pytest.mark.parametrize(
    "decision",
    [
        # one unnumbered decision whose first line ends in "att": still one point, no lead-in
        "Ärendet återremitteras till kontoret med uppdrag att\nredovisa kostnaderna.\n",
        # wrapped so that a line starts with "att": still one point
        "Ärendet återremitteras till kontoret för\natt utreda kostnaderna.\n",
        # a dash list under its lead: one point with its items, as before
        "Ärendet återremitteras för att komplettera underlaget med:\n– en värdering,\n– en analys.\n",
    ],
)
def test_one_unnumbered_decision_has_no_lead_in(decision):
    parsed = read_motion(PROPOSAL + decision)
    assert parsed.lead_in == ""
    assert len(parsed.points) == 1 and parsed.points[0].text.startswith("Ärendet återremitteras")
    assert "lead_in" not in parsed.as_json()


def test_the_first_addressee_line_is_still_the_addressee():
    parsed = read_motion("Yrkande angående x\nFörslag till beslut\nKommunfullmäktige beslutar\n1. Ett.\n")
    assert (parsed.addressed_to, parsed.lead_in) == ("Kommunfullmäktige beslutar", "")


@pytest.mark.django_db
def test_reading_a_lead_in_makes_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        parsed = read_motion(M04_TEXT)
    assert parsed.lead_in == LEAD_IN


@pytest.mark.django_db
def test_the_dry_run_json_has_the_lead_in(real_data, tmp_path, capsys):
    path = tmp_path / "m.txt"
    path.write_text(M04_TEXT, "utf-8")
    before = Motion.objects.count()
    call_command("import_motion", str(path), "--case", "0064/23", "--dry-run")
    assert json.loads(capsys.readouterr().out)["lead_in"] == LEAD_IN
    assert Motion.objects.count() == before


def _review_data(review) -> dict:
    """The preview's fields as the browser posts them back (rows as their ids)."""
    data = {k: v for k, v in review.initial.items() if v not in (None, False, [])}
    data["body"] = data["body"].pk
    data["parties"] = [party.pk for party in data["parties"]]
    return data


def _import(case):
    from assignments import roles
    from motions.importers import parse_motion_text
    from motions.services import motion_import

    return motion_import(case=case, parsed=parse_motion_text(M04_TEXT), user=roles.SYSTEM)


@pytest.mark.django_db
def test_the_preview_shows_the_lead_in_editable_and_the_save_keeps_the_corrected_one(client, real_data, secretariat):
    client.force_login(secretariat)
    url = reverse("motions:motion_import", args=["0064-23"])
    preview = client.post(url, {"text": M04_TEXT, "forhandsgranska": "1"})
    assert preview.status_code == 200
    review = preview.context["review"]
    assert review.initial["lead_in"] == LEAD_IN
    assert review.initial["points"].startswith("1. komplettera underlaget")
    html = preview.content.decode()
    assert 'name="lead_in"' in html and LEAD_IN in html
    data = _review_data(review)
    data |= {"lead_in": "Ärendet återremitteras till  kontoret\nför att", "bekrafta": "1"}
    assert client.post(url, data).status_code == 302
    motion = Motion.objects.latest("pk")
    assert motion.lead_in == "Ärendet återremitteras till kontoret för att"
    assert [p.text for p in motion.points.order_by("number")] == [
        "komplettera underlaget med en analys,",
        "redovisa hur facket har involverats.",
    ]


@pytest.mark.django_db
def test_a_yttrande_saves_no_lead_in(client, real_data, secretariat):
    client.force_login(secretariat)
    url = reverse("motions:motion_import", args=["0064-23"])
    review = client.post(url, {"text": M04_TEXT, "forhandsgranska": "1"}).context["review"]
    data = _review_data(review)
    data |= {"kind": "yttrande", "justification": "Vi anser.", "bekrafta": "1"}
    assert client.post(url, data).status_code == 302
    assert Motion.objects.latest("pk").lead_in == ""


@pytest.mark.django_db
def test_the_save_service_keeps_the_lead_in(real_data):
    case = Case.objects.by_url_key("0064-23").get()
    motion = _import(case)
    motion.refresh_from_db()
    assert motion.lead_in == LEAD_IN
    assert motion.history.latest().lead_in == LEAD_IN


@pytest.mark.django_db
def test_the_case_page_comparison_and_cards_show_the_lead_in_before_the_points(client, real_data):
    case = Case.objects.by_url_key("SLK-2022-00921").get()
    motion = _import(case)
    page = client.get(reverse("motions:case", args=[case.url_key])).content.decode()
    row = page[page.index(f'id="yrkande-{motion.pk}"') :]
    assert row.index(LEAD_IN) < row.index("</tr>")
    html = client.get(reverse("motions:compare", args=[case.url_key])).content.decode()
    table = html[html.index('<table class="comparison"') : html.index("</table>")]
    # The lead-in row comes first in the body, before the referral row with the points.
    body = table[table.index("<tbody>") :]
    assert body.index('class="row--lead-in"') < body.index("komplettera underlaget med en analys")
    assert body.count(LEAD_IN) == 1
    cards = html[html.index('class="comparison-cards"') :]
    assert cards.index('id="kort-inledning"') < cards.index("komplettera underlaget med en analys")
    assert LEAD_IN in cards[cards.index('id="kort-inledning"') : cards.index("</section>")]


@pytest.mark.django_db
def test_no_lead_in_row_or_card_without_a_lead_in(client, real_data):
    html = client.get("/arenden/SLK-2022-00921/jamfor/").content.decode()
    assert "row--lead-in" not in html and "kort-inledning" not in html


@pytest.mark.django_db
def test_the_comparison_pdf_shows_the_lead_in(client, real_data, settings):
    import io

    from pypdf import PdfReader

    # Rendered, not taken from the PDF store: a rolled-back test can leave the content version
    # where another test's stored PDF of this case was made.
    settings.PDF_CONTENT_VERSION = ""

    case = Case.objects.by_url_key("SLK-2022-00921").get()
    _import(case)
    response = client.get(f"/arenden/{case.url_key}/jamfor.pdf")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(response.content)).pages)
    # Seven columns on A4: the long word breaks in its narrow cell, so its start is what is read back.
    lead = text.index("Inledning Före punkterna")
    assert lead < text.index("Ärendet återremitteras till stadsledningskont") < text.index("1. komple")


@pytest.mark.django_db
def test_the_api_gives_the_lead_in(client, real_data):
    case = Case.objects.by_url_key("0064-23").get()
    motion = _import(case)
    item = json.loads(client.get(f"/api/v1/motions/{motion.pk}/").content)
    assert item["leadIn"] == LEAD_IN


@pytest.mark.django_db(transaction=True)
def test_the_migration_gives_existing_motions_an_empty_lead_in():
    """Found by what it does, not by its number (two branches may each add a motions 0010)."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor
    from django.db.migrations.operations import AddField

    executor = MigrationExecutor(connection)
    adding = [
        key
        for key, migration in executor.loader.graph.nodes.items()
        if key[0] == "motions"
        and any(
            isinstance(op, AddField) and op.model_name == "motion" and op.name == "lead_in"
            for op in migration.operations
        )
    ]
    assert len(adding) == 1
    before = executor.loader.graph.node_map[adding[0]].parents
    leaves = executor.loader.graph.leaf_nodes()
    executor.migrate([parent.key for parent in before if parent.key[0] == "motions"])
    try:
        old = executor.loader.project_state([p.key for p in before]).apps
        case = old.get_model("motions", "Case").objects.create(title="Ett ärende", dnr="0001/25")
        old.get_model("motions", "Motion").objects.create(case=case, kind="yrkande", title="Yrkande angående x")
        executor = MigrationExecutor(connection)
        executor.migrate(leaves)
    finally:
        MigrationExecutor(connection).migrate(leaves)
    assert Motion.objects.get(title="Yrkande angående x").lead_in == ""


@pytest.mark.django_db
def test_the_comparison_csv_has_the_lead_in_row_first_as_the_table(client, real_data):
    from tests.core.readback import read_csv

    case = Case.objects.by_url_key("SLK-2022-00921").get()
    motion = _import(case)
    rows = read_csv(client.get(f"/arenden/{case.url_key}/jamfor.csv?urval=1&visa={motion.pk}"))
    headers, first = rows[0], rows[1]
    assert first[:2] == ["Inledning", "Före punkterna"]
    assert first[2:] == [LEAD_IN]
    assert len(first) == len(headers)
    # The points follow, the lead-in is not repeated in them.
    assert any("komplettera underlaget med en analys" in cell for row in rows[2:] for cell in row)
    assert sum(cell == LEAD_IN for row in rows for cell in row) == 1


@pytest.mark.django_db
def test_the_comparison_csv_has_no_lead_in_row_without_a_lead_in(client, real_data):
    from tests.core.readback import read_csv

    rows = read_csv(client.get("/arenden/SLK-2022-00921/jamfor.csv"))
    assert all(row[0] != "Inledning" for row in rows)


@pytest.mark.django_db
def test_the_point_page_shows_the_lead_in_before_the_motion_point(client, real_data):
    case = Case.objects.by_url_key("SLK-2022-00921").get()
    motion = _import(case)
    point = motion.points.get(number=2)
    html = client.get(reverse("motions:point", args=[case.url_key, point.pk])).content.decode()
    quote = html[html.index('<blockquote class="point-text">') : html.index("</blockquote>")]
    assert quote.index(LEAD_IN) < quote.index("redovisa hur facket har involverats.")
    timeline = html[html.index('id="kedjan"') :]
    step = timeline[timeline.index("timeline__event--motion") :]
    step = step[: step.index("</li>")]
    assert step.index(LEAD_IN) < step.index("redovisa hur facket har involverats.")


@pytest.mark.django_db
def test_the_point_page_of_a_point_without_a_lead_in_shows_none(client, real_data):
    case = Case.objects.by_url_key("SLK-2022-00921").get()
    point = case.proposals.get().points.order_by("number").first()
    html = client.get(reverse("motions:point", args=[case.url_key, point.pk])).content.decode()
    assert 'class="lead-in"' not in html


@pytest.mark.django_db
def test_the_point_page_gives_a_lettered_point_its_letter_after_the_lead_in(client, real_data):
    """ "… komplettera lokalutredningen med:" reads on into "a) en trafikutredning …", as the motion prints it."""
    from pathlib import Path

    from assignments import roles
    from motions.importers import parse_motion_text
    from motions.services import motion_import

    case = Case.objects.by_url_key("SLK-2022-00921").get()
    text = (Path(__file__).parent / "corpus/motions/28_aterremiss_lead_in_wrapped_colon_letters.txt").read_text()
    motion = motion_import(case=case, parsed=parse_motion_text(text), user=roles.SYSTEM, document=None)
    point = motion.points.get(number=1)
    assert point.label == "a)"
    html = client.get(reverse("motions:point", args=[case.url_key, point.pk])).content.decode()
    quote = html[html.index('<blockquote class="point-text">') : html.index("</blockquote>")]
    assert '</p><span class="point-label">a)</span> en trafikutredning för skolvägarna' in quote
    assert quote.index(motion.lead_in) < quote.index("a)</span>")
