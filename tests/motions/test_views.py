"""The case page, the comparison (HTML and PDF) and the import pages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assignments import roles
from motions.models import Case, DecisionPoint, Motion

from .conftest import SEED_000, SEED_002, seed_lines


@pytest.mark.django_db
def test_case_page_shows_identifiers_proposal_motions_and_timeline(client, real_data):
    response = client.get("/arenden/SLK-2022-00921/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "SLK-2022-00921" in html and "0921/22" in html
    assert "26 februari 2024" in html and "20 maj 2024" in html  # utfärdat, reviderat
    assert html.count('id="yrkande-') == 6
    assert "parti saknas" in html and "datum saknas" in html and "text saknas" in html
    for paragraph in ("221", "296", "355"):
        assert f"§&nbsp;{paragraph}" in html
    assert "Bordlagt" in html and "Återremitterat" in html
    assert "nollvision" in html  # the återremiss assignment
    assert reverse("motions:compare", args=["SLK-2022-00921"]) in html


@pytest.mark.django_db
@pytest.mark.parametrize("key", ["0064-23", "0355-20", "SLK-2022-00921"])
def test_case_and_comparison_work_for_every_fixture_case(client, real_data, key):
    assert client.get(f"/arenden/{key}/").status_code == 200
    assert client.get(f"/arenden/{key}/jamfor/").status_code == 200


@pytest.mark.django_db
def test_unknown_case_is_404(client, real_data):
    assert client.get("/arenden/SLK-1999-00001/").status_code == 404
    assert client.get("/arenden/9999-99/jamfor/").status_code == 404


@pytest.mark.django_db
def test_comparison_page_marks_differences_status_and_costs(client, real_data):
    html = client.get("/arenden/SLK-2022-00921/jamfor/").content.decode()
    assert '<ins><span class="visually-hidden">infogat: </span>' in html
    assert '<del><span class="visually-hidden">borttaget: </span>' in html
    assert "Bifalls i övrigt" in html and "Stryks" in html and "sammanförd med yrkandets punkt 4" in html
    assert "Återremiss" in html and "text saknas" in html
    assert "background: #DDDD00; color: #000000;" in html  # SD's colour with a readable text colour
    assert "1,7\u00a0mnkr" in html and "1,6\u00a0mnkr" in html  # the proposal's one-off and yearly cost
    assert "<caption" in html and 'scope="col"' in html


@pytest.mark.django_db
def test_comparison_shows_only_the_motions_picked_in_the_url(client, real_data):
    case = Case.objects.by_url_key("SLK-2022-00921").get()
    keep = case.motions.filter(full_text_available=True).order_by("sort_order").first()
    html = client.get(f"/arenden/SLK-2022-00921/jamfor/?urval=1&visa={keep.pk}").content.decode()
    assert html.count('class="motion-col') == 1
    assert f'value="{keep.pk}" checked' in html
    assert "5 yrkanden är dolda." in html
    assert client.get("/arenden/SLK-2022-00921/jamfor/").content.decode().count('class="motion-col') == 6


@pytest.mark.django_db
def test_comparison_outcome_has_svg_chart_and_the_same_figures_as_a_table(client, real_data):
    html = client.get("/arenden/0355-20/jamfor/").content.decode()
    assert '<svg class="vote-chart" role="img"' in html
    assert "Röster per parti" in html
    assert '<abbr title="Socialdemokraterna">S</abbr></th><td class="num">17</td>' in html
    assert "Ja för avslag och Nej för bifall till tilläggsyrkandet från SD" in html
    assert "Protokollsanteckning" in html and "Reservation" in html


@pytest.mark.django_db
def test_case_page_shows_the_notes_of_each_decision_in_the_order_of_the_minutes(client, real_data):
    from motions.models import Decision

    decision = Decision.objects.filter(notes__isnull=False).distinct().order_by("id").first()
    html = client.get(decision.case.get_absolute_url()).content.decode()
    timeline = html[html.index(f'id="beslut-{decision.pk}"') :]
    timeline = timeline[: timeline.index("</li>")]
    notes = list(decision.notes.order_by("id"))
    positions = [timeline.index(note.text.splitlines()[0][:60]) for note in notes]
    assert positions == sorted(positions)
    assert "<h4>Protokollsanteckning – " in timeline and "<h4>Reservation – " in timeline
    assert '<abbr class="party" title="Sverigedemokraterna"' in timeline


@pytest.mark.django_db
def test_user_text_is_escaped(client, real_data):
    case = Case.objects.by_url_key("SLK-2022-00921").get()
    motion = case.motions.filter(full_text_available=True).order_by("sort_order").first()
    DecisionPoint.objects.filter(motion=motion, number=4).update(text='Grundskolenämnden <script>alert("x")</script>')
    DecisionPoint.objects.filter(motion=motion, number=8).update(text="<img src=x onerror=alert(1)> nytt")
    html = client.get("/arenden/SLK-2022-00921/jamfor/").content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x" in html


@pytest.mark.django_db
def test_comparison_query_count_does_not_grow_with_motions(client, build_case, django_assert_max_num_queries):
    small = build_case(motions=2, number=1)
    large = build_case(motions=8, number=2)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/arenden/{small.url_key}/jamfor/").status_code == 200
    assert len(queries) <= 15
    with django_assert_max_num_queries(len(queries)):
        response = client.get(f"/arenden/{large.url_key}/jamfor/")
    assert response.content.decode().count('class="motion-col') == 8


@pytest.mark.django_db
def test_case_page_query_count_does_not_grow_with_motions(client, build_case, django_assert_max_num_queries):
    small = build_case(motions=2, number=1)
    large = build_case(motions=8, number=2)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(small.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(len(queries)):
        assert client.get(large.get_absolute_url()).content.decode().count('id="yrkande-') == 8


@pytest.mark.django_db
def test_hiding_every_motion_leaves_the_proposal(client, real_data):
    html = client.get("/arenden/SLK-2022-00921/jamfor/?urval=1").content.decode()
    assert 'class="motion-col' not in html
    assert "6 yrkanden är dolda." in html
    assert "Grundskolenämnden och utbildningsnämnden får i uppdrag att stärka" in html


@pytest.mark.django_db
def test_comparison_of_8_motions_of_15_points_costs_what_one_motion_costs(
    rf, build_case, django_assert_max_num_queries
):
    """The comparison's speed is measured by `make bench` (Jämförelse); here its shape: the queries of
    eight motions of fifteen points are those of one motion of one point, and all eight are shown."""
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from motions.comparison_views import compare

    small, large = build_case(motions=1, points=1, number=1), build_case(motions=8, points=15, number=2)
    request = rf.get(f"/arenden/{small.url_key}/jamfor/")
    request.user = AnonymousUser()
    with CaptureQueriesContext(connection) as queries:
        compare(request, small.url_key)
    request = rf.get(f"/arenden/{large.url_key}/jamfor/")
    request.user = AnonymousUser()
    with django_assert_max_num_queries(len(queries)):
        response = compare(request, large.url_key)
    assert response.content.decode().count('class="motion-col') == 8


# --- importing in the browser ------------------------------------------------------------------


@pytest.mark.django_db
def test_import_needs_login_and_the_right_role(client, real_data, politician):
    url = reverse("motions:motion_import", args=["0064-23"])
    response = client.get(url)
    assert response.status_code == 302 and "/logga-in/" in response["Location"]
    client.force_login(politician)
    assert client.get(url).status_code == 403


@pytest.mark.django_db
def test_motion_import_previews_then_saves(client, real_data, secretariat):
    client.force_login(secretariat)
    url = reverse("motions:motion_import", args=["0064-23"])
    text = seed_lines(SEED_002, 1, 57)
    before = Motion.objects.count()
    preview = client.post(url, {"text": text, "forhandsgranska": "1"})
    html = preview.content.decode()
    assert preview.status_code == 200 and "Förhandsgranskning" in html
    review = preview.context["review"]
    assert "3. Beslutet att för egen del godkänna" in review.initial["points"]
    assert review.initial["kind"] == "yrkande" and review.initial["is_revised"]
    assert Motion.objects.count() == before
    saved = client.post(url, {"text": text, "bekrafta": "1"})
    assert saved.status_code == 302
    assert Motion.objects.count() == before + 1


@pytest.mark.django_db
def test_an_unknown_party_is_flagged_in_the_preview_and_not_saved_unreviewed(client, real_data, secretariat):
    client.force_login(secretariat)
    url = reverse("motions:motion_import", args=["0064-23"])
    text = seed_lines(SEED_002, 1, 57).replace("Vänsterpartiet, Socialdemokraterna", "Vänsterpartiet, Piratpartiet")
    before = Motion.objects.count()
    response = client.post(url, {"text": text, "bekrafta": "1"})
    html = response.content.decode()
    assert response.status_code == 200 and Motion.objects.count() == before
    assert "Partiet ”Piratpartiet” finns inte i partitabellen" in html
    review = response.context["review"]
    assert [p.abbreviation for p in review.initial["parties"]] == ["V", "MP"]
    assert "Piratpartiet" in review.initial["flags"]


@pytest.mark.django_db
def test_motion_import_from_a_pdf_flags_in_the_preview_and_saves_what_was_corrected(client, real_data, secretariat):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from assignments.models import Board
    from motions.models import Party
    from tests.motions.corpus.render import render

    client.force_login(secretariat)
    url = reverse("motions:motion_import", args=["0064-23"])
    text = seed_lines(SEED_000, 1, 82)  # no header block: party, date and body are flagged
    before = Motion.objects.count()
    upload = SimpleUploadedFile("yrkande.pdf", render(text, running_header="Kommunstyrelsen"), "application/pdf")
    preview = client.post(url, {"file": upload, "forhandsgranska": "1"})
    html = preview.content.decode()
    assert preview.status_code == 200
    assert "Partiet framgår inte av handlingen" in html and "Datum saknas" in html
    assert "Läst ur 2 sidor." in html
    assert Motion.objects.count() == before
    review = preview.context["review"]
    data = {k: v for k, v in review.initial.items() if v not in (None, False, [])}
    data |= {"date": "2024-06-04", "parties": [Party.objects.get(abbreviation="S").pk], "bekrafta": "1"}
    data["body"] = Board.objects.get(short_name="KS").pk
    data["points"] = data["points"].replace("11. Göteborg & Co AB", "11. Göteborg & Co AB (rättad)")
    saved = client.post(url, data)
    assert saved.status_code == 302
    motion = Motion.objects.latest("pk")
    assert Motion.objects.count() == before + 1
    assert motion.date.isoformat() == "2024-06-04" and [p.abbreviation for p in motion.parties.all()] == ["S"]
    assert motion.points.count() == 11
    assert motion.points.get(number=11).text.startswith("Göteborg & Co AB (rättad)")
    assert "Partiet framgår inte av handlingen" in motion.import_notes


@pytest.mark.django_db
def test_a_review_with_points_out_of_order_is_refused_and_nothing_saved(client, real_data, secretariat):
    client.force_login(secretariat)
    url = reverse("motions:motion_import", args=["0064-23"])
    before = Motion.objects.count()
    data = {
        "reviewed": "1",
        "kind": "yrkande",
        "title": "Yrkande angående x",
        "points": "1. Ett\n3. Tre",
        "bekrafta": "1",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Rad 2: skriv punkterna i ordning som ”2. text”." in response.content.decode()
    assert Motion.objects.count() == before


@pytest.mark.django_db
def test_motion_import_by_the_secretariat_with_a_file_and_not_by_an_officer(client, real_data, make_user, secretariat):
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = reverse("motions:motion_import", args=["SLK-2022-00921"])
    before = Motion.objects.count()
    client.force_login(make_user("handlaggaren", roles.OFFICER))
    upload = SimpleUploadedFile("yrkande.txt", seed_lines(SEED_000, 172, 222).encode("utf-8"))
    assert client.post(url, {"file": upload, "bekrafta": "1"}).status_code == 403
    assert Motion.objects.count() == before
    assert "Läs in ett yrkande" not in client.get(reverse("motions:case", args=["SLK-2022-00921"])).content.decode()

    client.force_login(secretariat)
    upload = SimpleUploadedFile("yrkande.txt", seed_lines(SEED_000, 172, 222).encode("utf-8"))
    assert client.post(url, {"file": upload, "bekrafta": "1"}).status_code == 302
    assert Motion.objects.count() == before + 1


@pytest.mark.django_db
def test_motion_import_refuses_bad_text_and_keeps_it(client, real_data, secretariat):
    client.force_login(secretariat)
    before = Motion.objects.count()
    text = "Yrkande angående x\nFörslag till beslut\n1. Ett.\n3. Tre.\n"
    response = client.post(reverse("motions:motion_import", args=["0064-23"]), {"text": text, "bekrafta": "1"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Rad 4: Punkt 3 kommer där punkt 2 väntades." in html
    assert "3. Tre." in html  # the text is still in the field
    assert Motion.objects.count() == before


@pytest.mark.django_db
def test_motion_import_refuses_non_utf8_files(client, real_data, secretariat):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(secretariat)
    upload = SimpleUploadedFile("yrkande.txt", "Yrkande angående".encode("latin-1"))
    response = client.post(reverse("motions:motion_import", args=["0064-23"]), {"file": upload, "bekrafta": "1"})
    assert "inte UTF-8-kodad" in response.content.decode()


@pytest.mark.django_db
def test_rollcall_import_in_the_browser(client, real_data, secretariat):
    client.force_login(secretariat)
    case = Case.objects.by_url_key("0355-20").get()
    decision = case.decisions.get(paragraph=4)
    url = reverse("motions:rollcall_import", args=["0355-20", decision.pk])
    text = seed_lines(SEED_000, 1486, 1601)
    preview = client.post(url, {"text": text, "proposition": "Ja för avslag", "forhandsgranska": "1"})
    assert "39 ja, 21 nej, 19 avstår, 2 frånvarande" in preview.content.decode()
    assert "<td>1:e v Ordf</td><td>Frånvarande</td>" in preview.content.decode()
    assert decision.votes.count() == 1
    bad = client.post(
        url, {"text": text.replace("Antal Nej: 21", "Antal Nej: 22"), "proposition": "x", "bekrafta": "1"}
    )
    assert "Antal Nej enligt sidhuvudet är 22 men listan har 21." in bad.content.decode()
    assert decision.votes.count() == 1
    saved = client.post(url, {"text": text, "proposition": "Ja för avslag", "bekrafta": "1"})
    assert saved.status_code == 302
    assert decision.votes.count() == 2


@pytest.mark.django_db
def test_motion_import_refuses_too_long_pasted_text(client, real_data, secretariat):
    client.force_login(secretariat)
    before = Motion.objects.count()
    response = client.post(
        reverse("motions:motion_import", args=["0064-23"]), {"text": "x" * 200_001, "forhandsgranska": "1"}
    )
    assert "Texten är för lång (högst 200000 tecken)." in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert Motion.objects.count() == before


@pytest.mark.django_db
def test_case_page_has_the_cost_section_of_the_budget_app(client, real_data):
    html = client.get("/arenden/SLK-2022-00921/").content.decode()
    assert 'class="case-costs"' in html
    assert "Kostnader per förslag och yrkande" in html
