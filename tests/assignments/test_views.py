"""The assignment pages as a browser without JavaScript uses them: filters in the URL, edits, 403s."""

import datetime

import pytest
from django.urls import reverse

from assignments import roles
from assignments.models import Assignment, StatusReport

from .conftest import add_report

Status = Assignment.Status
TODAY = datetime.date.today()


def test_the_list_shows_every_assignment_with_counts_per_status(client, make_assignment, boards):
    make_assignment(boards["idrott"], text="Bygga fler spontanidrottsplatser")
    make_assignment(boards["miljo"], text="Ta fram en klimatplan", status=Status.IN_PROGRESS)
    response = client.get("/uppdrag/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Bygga fler spontanidrottsplatser" in body
    assert "Ta fram en klimatplan" in body
    counts = {row["value"]: row["count"] for row in response.context["status_counts"]}
    assert counts[Status.NOT_STARTED] == 1
    assert counts[Status.IN_PROGRESS] == 1


def test_filters_by_board_status_source_text_and_deadline(client, make_assignment, boards):
    a = make_assignment(boards["idrott"], text="Bygga spontanidrottsplatser", deadline=TODAY - datetime.timedelta(1))
    b = make_assignment(
        boards["miljo"], text="Klimatplan", deadline=TODAY + datetime.timedelta(10), status=Status.IN_PROGRESS
    )
    c = make_assignment(
        boards["miljo"], text="Klimatanpassning", source=Assignment.Source.KS, deadline=TODAY + datetime.timedelta(90)
    )

    def ids(query):
        response = client.get("/uppdrag/?" + query)
        assert response.status_code == 200, response.content
        return {x.pk for x in response.context["page"].object_list}

    assert ids("namnd=miljo") == {b.pk, c.pk}
    assert ids("namnd=miljo&namnd=idrott") == {a.pk, b.pk, c.pk}
    assert ids("status=in_progress") == {b.pk}
    assert ids("kalla=ks") == {c.pk}
    assert ids("q=klimat") == {b.pk, c.pk}
    assert ids("q=" + a.dnr) == {a.pk}
    assert ids("frist=passerad") == {a.pk}
    assert ids("frist=snart") == {b.pk}
    assert ids("namnd=") == {a.pk, b.pk, c.pk}


def test_period_filter_finds_reported_and_missing(client, make_assignment, boards, periods):
    a = make_assignment(boards["idrott"])
    b = make_assignment(boards["idrott"])
    add_report(a, periods["augusti"], boards["idrott"])
    has = client.get("/uppdrag/?period=2023-augusti&rapport=finns").context["page"].object_list
    missing = client.get("/uppdrag/?period=2023-augusti&rapport=saknas").context["page"].object_list
    assert [x.pk for x in has] == [a.pk]
    assert [x.pk for x in missing] == [b.pk]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("status=klart", "Okänd status"),
        ("namnd=finns-inte", "finns inte"),
        ("period=2023-juli", "Perioden"),
        ("ar=tjugo", "fyra siffror"),
        ("rapport=saknas", "Välj en rapporteringsperiod"),
    ],
)
def test_bad_filters_get_a_swedish_message(client, boards, periods, query, message):
    response = client.get("/uppdrag/?" + query)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_sorting_and_pagination_keep_the_filter_in_the_url(client, make_assignment, boards):
    for day in range(30):
        make_assignment(boards["idrott"], deadline=TODAY + datetime.timedelta(days=day))
    response = client.get("/uppdrag/?namnd=idrott&sortera=-slutdatum&per_sida=25")
    page = response.context["page"]
    deadlines = [x.deadline for x in page.object_list]
    assert deadlines == sorted(deadlines, reverse=True)
    assert len(deadlines) == 25
    assert "?namnd=idrott&amp;sortera=-slutdatum&amp;per_sida=25&amp;sida=2" in response.content.decode()
    second = client.get("/uppdrag/?namnd=idrott&sortera=-slutdatum&per_sida=25&sida=2")
    assert len(second.context["page"].object_list) == 5


def test_an_officer_lands_on_their_own_boards(client, officer):
    client.force_login(officer)
    response = client.get("/uppdrag/")
    assert response.status_code == 302
    assert response["Location"] == "/uppdrag/?namnd=idrott"
    assert client.get("/uppdrag/?namnd=").status_code == 200


def test_detail_shows_text_origin_boards_timeline_and_history(client, assignment, boards, periods, officer):
    client.force_login(officer)
    client.post(
        reverse("assignments:report", args=[assignment.pk]),
        {
            "period": periods["augusti"].pk,
            "board": boards["idrott"].pk,
            "proposes": "partial",
            "text": "Två platser är projekterade.",
            "version": 0,
        },
    )
    body = client.get(assignment.get_absolute_url()).content.decode()
    assert "0921/22" in body
    assert "Idrotts- och föreningsnämnden" in body
    assert "Delårsrapport augusti 2023: delredovisning från IFN" in body
    assert "Två platser är projekterade." in body
    assert "Status: Ej påbörjat → Delrapporterat" in body
    # The history: who changed which field, from what to what.
    history = client.get(assignment.get_absolute_url()).context["history"]
    status_entry = next(e for e in history if e.subject == "Uppdraget" and e.kind == "Ändrad")
    assert status_entry.user == "idrott_handl"
    assert [(c.label, c.old, c.new) for c in status_entry.changes] == [("status", "Ej påbörjat", "Delrapporterat")]


def test_writing_a_report_in_the_browser_flow(client, assignment, boards, periods, officer):
    client.force_login(officer)
    form = client.get(reverse("assignments:report", args=[assignment.pk]))
    assert form.status_code == 200
    assert form.context["form"].initial["period"] == periods["augusti"]
    response = client.post(
        reverse("assignments:report", args=[assignment.pk]),
        {
            "period": periods["augusti"].pk,
            "board": boards["idrott"].pk,
            "proposes": "complete",
            "text": "Uppdraget är genomfört.",
            "version": 0,
        },
        follow=True,
    )
    assert "Statusrapporten för Delårsrapport augusti 2023 är sparad." in response.content.decode()
    assignment.refresh_from_db()
    assert assignment.status == Status.REPORTED_COMPLETE


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"text": "   "}, "får inte vara tom"),
        ({"period": "99999"}, "Perioden finns inte"),
        ({"proposes": "maybe"}, "Okänt val"),
        ({"decision": "approved"}, "Ange datum"),
        ({"decided_on": "27/9 2023", "decision": "approved"}, "ÅÅÅÅ-MM-DD"),
    ],
)
def test_bad_report_input_is_refused_with_the_text_kept(client, assignment, boards, periods, officer, changes, message):
    client.force_login(officer)
    data = {
        "period": periods["augusti"].pk,
        "board": boards["idrott"].pk,
        "proposes": "partial",
        "text": "Min långa text som inte får försvinna.",
        "version": 0,
        **changes,
    }
    response = client.post(reverse("assignments:report", args=[assignment.pk]), data)
    body = response.content.decode()
    assert response.status_code == 400
    assert message in body
    if changes.get("text") is None:
        assert "Min långa text som inte får försvinna." in body
    assert not StatusReport.objects.exists()


def test_the_second_save_gets_the_conflict_page_with_both_versions(client, assignment, boards, periods, officer):
    report = add_report(assignment, periods["augusti"], boards["idrott"], text="Kollegans text, sparad först.")
    report.version = 2
    report.save()
    client.force_login(officer)
    response = client.post(
        reverse("assignments:report", args=[assignment.pk]),
        {
            "period": periods["augusti"].pk,
            "board": boards["idrott"].pk,
            "proposes": "partial",
            "text": "Min text, skriven samtidigt.",
            "version": 1,
        },
    )
    body = response.content.decode()
    assert response.status_code == 409
    assert "Kollegans text, sparad först." in body
    assert "Min text, skriven samtidigt." in body
    assert 'name="version" value="2"' in body
    assert StatusReport.objects.get().text == "Kollegans text, sparad först."


def test_status_change_and_its_conflict(client, assignment, officer):
    client.force_login(officer)
    url = reverse("assignments:status", args=[assignment.pk])
    assert client.post(url, {"target": "in_progress", "reason": "", "version": 1}).status_code == 302
    stale = client.post(url, {"target": "in_progress", "reason": "Min motivering", "version": 1})
    assert stale.status_code == 409
    assert "Min motivering" in stale.content.decode()
    unknown = client.post(url, {"target": "klart", "version": 2})
    assert unknown.status_code == 400
    assert "går inte att välja" in unknown.content.decode()


EDIT_URLS = ["assignments:status", "assignments:report"]


@pytest.mark.parametrize("name", EDIT_URLS)
@pytest.mark.parametrize(
    ("role", "boards_of_user", "expected"),
    [
        (roles.SECRETARIAT, [], 200),
        (roles.OFFICER, ["idrott"], 200),
        (roles.OFFICER, ["miljo"], 403),
        (roles.POLITICIAN, [], 403),
        (roles.READER, [], 403),
        (None, [], 403),
    ],
)
def test_edit_pages_per_role(client, make_user, assignment, boards, periods, name, role, boards_of_user, expected):
    user = make_user("anvandaren", role, boards=[boards[b] for b in boards_of_user])
    client.force_login(user)
    url = reverse(name, args=[assignment.pk])
    assert client.get(url).status_code == expected
    if name == "assignments:status":
        data = {"target": "in_progress", "version": 1}
    else:
        data = {"period": periods["augusti"].pk, "board": boards["idrott"].pk, "proposes": "partial", "text": "T"}
        data["version"] = 0
    post = client.post(url, data)
    assert post.status_code == (302 if expected == 200 else 403)
    if expected == 403:
        assert Assignment.objects.get(pk=assignment.pk).version == 1


@pytest.mark.parametrize("name", EDIT_URLS)
def test_anonymous_users_are_sent_to_log_in(client, assignment, name):
    response = client.get(reverse(name, args=[assignment.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith("/logga-in/")


def test_read_only_roles_see_no_edit_controls(client, politician, assignment):
    client.force_login(politician)
    body = client.get(assignment.get_absolute_url()).content.decode()
    assert "Skriv statusrapport" not in body
    assert "Ändra status" not in body


def test_board_overview_lists_overdue_due_soon_and_missing_reports(client, make_assignment, boards, periods):
    overdue = make_assignment(boards["idrott"], deadline=TODAY - datetime.timedelta(days=3))
    soon = make_assignment(boards["idrott"], deadline=TODAY + datetime.timedelta(days=5))
    reported = make_assignment(boards["idrott"])
    done = make_assignment(boards["idrott"], deadline=TODAY - datetime.timedelta(days=3), status=Status.COMPLETED)
    add_report(reported, periods["augusti"], boards["idrott"])
    response = client.get(reverse("assignments:board", args=["idrott"]))
    assert [a.pk for a in response.context["overdue"]] == [overdue.pk]
    assert [a.pk for a in response.context["due_soon"]] == [soon.pk]
    assert {a.pk for a in response.context["missing"]} == {overdue.pk, soon.pk}
    assert done.pk not in {a.pk for a in response.context["missing"]}
    assert "Saknar statusrapport för Delårsrapport augusti 2023" in response.content.decode()
    index = client.get(reverse("assignments:boards"))
    row = next(b for b in index.context["boards"] if b.slug == "idrott")
    assert (row.total, row.overdue, row.due_soon) == (4, 1, 1)


def test_the_real_data_list_and_every_detail_page_render(client, real_data):
    assert client.get("/uppdrag/").status_code == 200
    for assignment in Assignment.objects.all():
        assert client.get(assignment.get_absolute_url()).status_code == 200


def test_the_report_form_offers_the_rejection_that_sends_back_to_the_secretariat_only(
    client, assignment, officer, secretariat, periods, boards
):
    Assignment.objects.filter(pk=assignment.pk).update(status=Status.REPORTED_COMPLETE)
    report = add_report(assignment, periods["augusti"], boards["idrott"], proposes="complete")
    url = reverse("assignments:report", args=[assignment.pk]) + f"?period={report.period_id}&namnd={report.board_id}"
    client.force_login(secretariat)
    assert 'value="not_approved"' in client.get(url).content.decode()

    client.force_login(officer)
    assert 'value="not_approved"' not in client.get(url).content.decode()
    # Posted anyway (an old form, a hand-made request): refused on the form, the text kept, nothing moved.
    response = client.post(
        reverse("assignments:report", args=[assignment.pk]),
        {
            "period": report.period_id,
            "board": report.board_id,
            "proposes": "complete",
            "text": "Min redovisning",
            "decision": "not_approved",
            "decided_on": "2023-09-27",
            "version": report.version,
        },
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Bara sekretariatet kan registrera" in body and "Min redovisning" in body
    assert Assignment.objects.get(pk=assignment.pk).status == Status.REPORTED_COMPLETE
