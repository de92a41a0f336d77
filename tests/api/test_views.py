"""The open data API: published records as JSON, paginated, incrementally syncable, nothing private."""

import datetime
import json

import pytest
from django.db.models import Q
from django.utils import timezone

from api.resources import RESOURCES
from assignments.models import Assignment, Board, Responsibility, StatusReport
from motions.models import Case, Decision, DecisionNote, Meeting, Member, Motion, Party, Vote


def _get(client, url, **params):
    response = client.get(url, params)
    assert response["Content-Type"].startswith("application/json")
    return response, json.loads(response.content)


def test_root_lists_every_resource_and_the_openapi_description(client, db):
    response, body = _get(client, "/api/v1/")
    assert response.status_code == 200
    assert set(body["resources"]) == {r.name for r in RESOURCES}
    assert body["resources"]["organizations"] == "http://testserver/api/v1/organizations/"
    assert body["openapi"] == "http://testserver/api/v1/openapi.json"


@pytest.mark.parametrize("resource", [r.name for r in RESOURCES])
def test_every_list_endpoint_answers_with_the_real_data(client, real_data, resource):
    response, body = _get(client, f"/api/v1/{resource}/")
    assert response.status_code == 200
    assert body["pagination"]["totalElements"] == len(body["data"]) or body["links"]["next"]
    assert body["data"], f"{resource} is empty"
    first = body["data"][0]
    detail, item = _get(client, first["url"].removeprefix("http://testserver"))
    assert detail.status_code == 200
    assert item == first


@pytest.mark.parametrize("resource", [r.name for r in RESOURCES])
def test_list_query_count_does_not_grow_with_the_page(client, real_data, resource, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        response, body = _get(client, f"/api/v1/{resource}/", page_size=500)
    # An error answer costs few queries too: the count only means something for a real page of data.
    assert response.status_code == 200
    assert body["data"], f"{resource} is empty"


def test_assignment_carries_its_boards_status_and_reference(client, real_data):
    assignment = Assignment.objects.filter(responsibilities__isnull=False).order_by("id").first()
    _, item = _get(client, f"/api/v1/assignments/{assignment.pk}/")
    assert item["dnr"] == assignment.dnr
    assert item["status"] == assignment.status
    assert item["statusLabel"] == assignment.get_status_display()
    lead = assignment.responsibilities.order_by("-is_lead", "board__name").first()
    assert (
        item["responsibleOrganizations"][0]["organization"]
        == f"http://testserver/api/v1/organizations/{lead.board_id}/"
    )


def test_case_is_a_paper_with_both_identifiers(client, real_data):
    case = Case.objects.get(case_number="SLK-2022-00921")
    _, item = _get(client, f"/api/v1/papers/{case.pk}/")
    assert item["reference"] == "SLK-2022-00921"
    assert item["dnr"] == "0921/22"
    assert item["web"] == "http://testserver/arenden/SLK-2022-00921/"


def test_votes_carry_each_members_vote(client, real_data):
    vote = Vote.objects.filter(records__isnull=False).distinct().first()
    assert vote is not None
    _, item = _get(client, f"/api/v1/votes/{vote.pk}/")
    assert len(item["records"]) == vote.records.count()
    assert {r["result"] for r in item["records"]} <= {"ja", "nej", "avstar", "franvarande"}
    assert sum(1 for r in item["records"] if r["result"] == "ja") == vote.records.filter(result="ja").count()


def test_pagination_links_walk_through_all_items(client, real_data):
    total = Board.objects.count()
    url, seen = "/api/v1/organizations/?page_size=5", []
    while url:
        _, body = _get(client, url.removeprefix("http://testserver"))
        assert body["pagination"]["elementsPerPage"] == 5
        seen += [item["id"] for item in body["data"]]
        url = body["links"]["next"]
    assert len(seen) == total == len(set(seen))
    _, last = _get(client, "/api/v1/organizations/", page=body["pagination"]["totalPages"], page_size=5)
    assert last["links"]["next"] is None and last["links"]["prev"].endswith(
        f"page={last['pagination']['currentPage'] - 1}&page_size=5"
    )


@pytest.mark.parametrize(
    "params",
    [{"page": "0"}, {"page": "x"}, {"page_size": "501"}, {"page_size": "-1"}, {"modified_since": "igår"}],
)
def test_bad_parameters_are_answered_in_swedish_with_400(client, db, params):
    response, body = _get(client, "/api/v1/assignments/", **params)
    assert response.status_code == 400
    assert body["error"]["status"] == 400 and body["error"]["message"]


def test_page_past_the_end_and_unknown_object_are_404(client, real_data):
    response, body = _get(client, "/api/v1/parties/", page=99)
    assert response.status_code == 404 and body["error"]["message"] == "Sidan finns inte."
    response, _ = _get(client, "/api/v1/parties/999999/")
    assert response.status_code == 404


def test_modified_since_returns_only_what_changed(client, real_data):
    cutoff = timezone.now()
    Assignment.objects.filter(pk__in=Assignment.objects.order_by("id").values("pk")[:2]).update(
        updated_at=cutoff + datetime.timedelta(minutes=1)
    )
    Assignment.objects.exclude(pk__in=Assignment.objects.order_by("id").values("pk")[:2]).update(
        updated_at=cutoff - datetime.timedelta(days=1)
    )
    _, body = _get(client, "/api/v1/assignments/", modified_since=cutoff.isoformat())
    assert [item["id"] for item in body["data"]] == list(
        Assignment.objects.order_by("id").values_list("id", flat=True)[:2]
    )
    # The next link keeps the filter.
    assert body["links"]["first"].count("modified_since=") == 1


def test_modified_since_on_history_resources(client, real_data):
    cutoff = timezone.now()
    _, before = _get(client, "/api/v1/organizations/", modified_since=cutoff.isoformat())
    assert before["data"] == []
    board = Board.objects.order_by("id").first()
    board.short_name = "Ny"
    board.save()
    _, after = _get(client, "/api/v1/organizations/", modified_since=cutoff.isoformat())
    assert [item["id"] for item in after["data"]] == [board.pk]


@pytest.mark.parametrize("resource", [r.name for r in RESOURCES])
def test_modified_since_works_on_every_resource(client, real_data, resource):
    _, everything = _get(client, f"/api/v1/{resource}/", page_size=500)
    _, since_2000 = _get(client, f"/api/v1/{resource}/", page_size=500, modified_since="2000-01-01")
    assert since_2000["data"] == everything["data"]
    _, after_loading = _get(client, f"/api/v1/{resource}/", modified_since=timezone.now().isoformat())
    assert after_loading["data"] == []


def _ids_modified_since(client, resource, cutoff):
    response, body = _get(client, f"/api/v1/{resource}/", page_size=500, modified_since=cutoff.isoformat())
    assert response.status_code == 200
    return {item["id"] for item in body["data"]}


def test_modified_since_follows_what_the_json_shows_of_related_rows(client, real_data):
    """A change of a related row that an object's JSON shows makes the object modified too."""
    cutoff = timezone.now()
    vote = Vote.objects.filter(records__isnull=False).distinct().order_by("id").first()
    record = vote.records.select_related("member__party").order_by("id").first()
    member, party = record.member, record.member.party
    party.abbreviation = "NY"
    party.save()
    persons_of_party = set(Member.objects.filter(party=party).values_list("id", flat=True))
    assert _ids_modified_since(client, "persons", cutoff) == persons_of_party
    assert vote.pk in _ids_modified_since(client, "votes", cutoff)
    motions_of_party = set(Motion.objects.filter(parties=party).values_list("id", flat=True))
    assert _ids_modified_since(client, "motions", cutoff) == motions_of_party

    cutoff = timezone.now()
    member.name = "Nytt Namn"
    member.save()
    assert _ids_modified_since(client, "votes", cutoff) == set(
        Vote.objects.filter(records__member=member).values_list("id", flat=True)
    )

    cutoff = timezone.now()
    board = Board.objects.filter(responsibilities__isnull=False).order_by("id").first()
    board.name = "Nytt namn på nämnden"
    board.save()
    assert _ids_modified_since(client, "assignments", cutoff) == set(
        Assignment.objects.filter(Q(responsibilities__board=board) | Q(origin_body=board)).values_list("id", flat=True)
    )
    assert _ids_modified_since(client, "meetings", cutoff) == set(
        Meeting.objects.filter(body=board).values_list("id", flat=True)
    )


def test_a_board_made_responsible_later_modifies_the_assignment(client, real_data):
    assignment = Assignment.objects.order_by("id").first()
    board = Board.objects.exclude(responsibilities__assignment=assignment).order_by("id").first()
    cutoff = timezone.now()
    Responsibility.objects.create(assignment=assignment, board=board)
    assert _ids_modified_since(client, "assignments", cutoff) == {assignment.pk}


def test_a_vote_imported_later_modifies_its_decision(client, real_data):
    decision = Decision.objects.order_by("id").first()
    cutoff = timezone.now()
    assert _ids_modified_since(client, "decisions", cutoff) == set()
    Vote.objects.create(decision=decision, proposition="Bifall mot avslag", yes=7, no=6)
    assert _ids_modified_since(client, "decisions", cutoff) == {decision.pk}


def test_meetings_take_modified_since(client, real_data):
    cutoff = timezone.now()
    assert _ids_modified_since(client, "meetings", cutoff) == set()
    meeting = Meeting.objects.create(body=Board.objects.order_by("id").first(), date=datetime.date(2030, 1, 15))
    assert _ids_modified_since(client, "meetings", cutoff) == {meeting.pk}


def test_an_unencoded_plus_in_the_offset_is_understood(client, real_data):
    """People paste 2024-05-20T12:00:00+02:00 into the address bar; the + arrives as a space."""
    encoded = client.get("/api/v1/assignments/", {"modified_since": "2024-05-20T12:00:00+02:00"})
    raw = client.get("/api/v1/assignments/?modified_since=2024-05-20T12:00:00+02:00")
    assert raw.status_code == encoded.status_code == 200
    assert json.loads(raw.content)["data"] == json.loads(encoded.content)["data"]
    response, body = _get(client, "/api/v1/assignments/", modified_since="2024-05-20 12:00")
    assert response.status_code == 200


def test_nothing_private_is_published(client, real_data, make_user):
    officer = make_user("handlaggaren", boards=[Board.objects.order_by("id").first()])
    officer.email = "hemlig@goteborg.example"
    officer.save()
    report = StatusReport.objects.order_by("id").first()
    report.author = officer
    report.save()
    text = ""
    for resource in RESOURCES:
        text += client.get(f"/api/v1/{resource.name}/", {"page_size": 500}).content.decode()
    assert "hemlig@goteborg.example" not in text
    assert "handlaggaren" not in text
    assert "officers" not in text and "author" not in text and "importNotes" not in text


def test_writes_are_refused(client, db):
    assert client.post("/api/v1/assignments/", {}).status_code == 405
    assert client.delete("/api/v1/assignments/1/").status_code == 405


def test_decision_lists_its_votes(client, real_data):
    decision = Decision.objects.filter(votes__isnull=False).distinct().first()
    _, item = _get(client, f"/api/v1/decisions/{decision.pk}/")
    assert item["votes"] == [f"http://testserver/api/v1/votes/{v.pk}/" for v in decision.votes.order_by("id")]


def test_the_body_links_to_its_lists_as_in_oparl(client, db):
    _, root = _get(client, "/api/v1/")
    assert root["body"] == "http://testserver/api/v1/bodies/"
    _, bodies = _get(client, "/api/v1/bodies/")
    assert [body["name"] for body in bodies["data"]] == ["Göteborgs Stad"]
    body = bodies["data"][0]
    for name, resource in (("organization", "organizations"), ("person", "persons"), ("meeting", "meetings")):
        assert body[name] == f"http://testserver/api/v1/{resource}/"
        assert client.get(body[name]).status_code == 200
    assert client.get("/api/v1/bodies/2/").status_code == 404


# --- Deletions (OParl 1.1 tombstones) -------------------------------------------------------------


def _delete_some(model, how_many=3):
    """Deletes up to how_many of the model's last objects that nothing protects; their ids."""
    from django.db import transaction
    from django.db.models import ProtectedError, RestrictedError

    deleted = []
    for obj in model.objects.order_by("-id")[: how_many * 4]:
        if len(deleted) == how_many:
            break
        pk = obj.pk
        try:
            with transaction.atomic():
                obj.delete()
        except (ProtectedError, RestrictedError):
            continue
        deleted.append(pk)
    return sorted(deleted)


def test_a_deleted_object_is_listed_as_a_tombstone_only_with_modified_since(client, real_data):
    before = timezone.now()
    vote = Vote.objects.order_by("id").first()
    pk = vote.pk
    vote.delete()
    after = timezone.now()

    _, body = _get(client, "/api/v1/votes/", page_size=500, modified_since=before.isoformat())
    assert [item for item in body["data"] if item.get("deleted")] == body["data"][-1:]
    tombstone = body["data"][-1]
    # Its id, type and the time of deletion, nothing else.
    assert set(tombstone) == {"id", "type", "modified", "deleted"}
    assert tombstone["id"] == pk and tombstone["type"] == "vote" and tombstone["deleted"] is True
    assert before <= datetime.datetime.fromisoformat(tombstone["modified"]) <= after
    assert client.get(f"/api/v1/votes/{pk}/").status_code == 404

    # Without modified_since it is simply gone.
    _, everything = _get(client, "/api/v1/votes/", page_size=500)
    assert pk not in {item["id"] for item in everything["data"]}
    assert not any("deleted" in item for item in everything["data"])

    # A deletion before modified_since is not listed.
    _, later = _get(client, "/api/v1/votes/", page_size=500, modified_since=after.isoformat())
    assert later["data"] == [] and later["pagination"]["totalElements"] == 0


def test_a_restored_object_is_live_not_deleted(client, real_data):
    before = timezone.now()
    party = Party.objects.create(abbreviation="TP", name="Testpartiet", colour="#123456")
    pk = party.pk
    party.delete()
    assert [item["id"] for item in _get(client, "/api/v1/parties/", modified_since=before.isoformat())[1]["data"]] == [
        pk
    ]
    Party.objects.create(pk=pk, abbreviation="TP", name="Testpartiet", colour="#123456")
    _, body = _get(client, "/api/v1/parties/", modified_since=before.isoformat())
    assert len(body["data"]) == 1 and "deleted" not in body["data"][0]


def test_tombstones_are_paginated_after_the_live_objects(client, real_data):
    deleted = _delete_some(StatusReport, 5)
    assert len(deleted) == 5
    live = list(StatusReport.objects.order_by("id").values_list("id", flat=True))
    seen = []
    url = "/api/v1/status-reports/"
    params = {"page_size": 7, "modified_since": "2000-01-01"}
    while url:
        response, body = _get(client, url, **params)
        assert response.status_code == 200
        assert body["pagination"]["totalElements"] == len(live) + 5
        seen += [(item["id"], item.get("deleted", False)) for item in body["data"]]
        url, params = (body["links"]["next"] or "").removeprefix("http://testserver"), {}
    assert seen == [(pk, False) for pk in live] + [(pk, True) for pk in deleted]


@pytest.mark.parametrize("resource", [r for r in RESOURCES if r.name != "bodies"], ids=lambda r: r.name)
def test_tombstones_keep_the_query_count_constant(client, real_data, resource, django_assert_max_num_queries):
    # Deletion records of objects that never existed, as simple-history writes them: many objects are
    # protected by others from being deleted for real.
    model = resource.queryset().model
    record = model.history.order_by("history_id").first()
    top = model.objects.order_by("-id").values_list("id", flat=True).first()
    deleted = [top + 1000 + i for i in range(3)]
    for pk in deleted:
        record.pk, record.id, record.history_type = None, pk, "-"
        record.history_date = timezone.now()
        record.save()
    with django_assert_max_num_queries(9):
        response, body = _get(client, f"/api/v1/{resource.name}/", page_size=500, modified_since="2000-01-01")
    assert response.status_code == 200
    assert [item["id"] for item in body["data"] if item.get("deleted")] == deleted
    # A page that holds only tombstones.
    with django_assert_max_num_queries(9):
        response, body = _get(
            client,
            f"/api/v1/{resource.name}/",
            page_size=1,
            page=body["pagination"]["totalElements"],
            modified_since="2000-01-01",
        )
    assert response.status_code == 200 and body["data"][0]["deleted"] is True


def _decision_with_notes():
    return Decision.objects.filter(notes__isnull=False).distinct().order_by("id").first()


def test_decision_lists_its_notes_in_the_order_of_the_minutes(client, real_data):
    """The reservations and protokollsanteckningar of the minutes, with kind, parties and text, as the
    case's comparison shows them; readable without logging in, as the case itself is."""
    decision = _decision_with_notes()
    assert client.get(decision.case.get_absolute_url()).status_code == 200
    response, item = _get(client, f"/api/v1/decisions/{decision.pk}/")
    assert response.status_code == 200
    notes = list(decision.notes.order_by("id"))
    assert len(notes) >= 2
    assert [note["order"] for note in item["notes"]] == list(range(1, len(notes) + 1))
    assert [note["text"] for note in item["notes"]] == [n.text for n in notes]
    first = item["notes"][0]
    assert first["kind"] == "protokollsanteckning" and first["kindLabel"] == "Protokollsanteckning"
    assert first["partyAbbreviations"] == ["V", "MP", "FI"]
    assert first["parties"] == [
        f"http://testserver/api/v1/parties/{Party.objects.get(abbreviation=a).pk}/" for a in ["V", "MP", "FI"]
    ]
    assert first["text"].startswith("Representanterna från V, MP och FI antecknar följande till protokollet")
    assert item["notes"][1]["kind"] == "reservation" and item["notes"][1]["partyAbbreviations"] == ["SD"]
    # A decision without notes says so with an empty list, not a missing key.
    plain = Decision.objects.filter(notes__isnull=True).order_by("id").first()
    assert _get(client, f"/api/v1/decisions/{plain.pk}/")[1]["notes"] == []


def test_decision_notes_keep_the_query_count_constant(client, real_data, secretariat, django_assert_max_num_queries):
    from motions.decisions import decision_note_add

    parties = list(Party.objects.order_by("id").values_list("id", flat=True))
    for index, decision in enumerate(Decision.objects.order_by("id")):
        for kind in ("reservation", "sarskilt_yttrande", "protokollsanteckning"):
            decision_note_add(
                user=secretariat,
                decision=decision,
                kind=kind,
                party_ids=parties[index % 3 : index % 3 + 3],
                members="",
                text=f"Anteckning {index} {kind}",
            )
    with django_assert_max_num_queries(8):
        response, body = _get(client, "/api/v1/decisions/", page_size=500)
    assert response.status_code == 200
    assert sum(len(item["notes"]) for item in body["data"]) == DecisionNote.objects.count()
    assert all(len(item["notes"]) >= 3 and item["notes"][-1]["kind"] == "protokollsanteckning" for item in body["data"])


def test_a_note_registered_later_modifies_its_decision(client, real_data, secretariat):
    from motions.decisions import decision_note_add

    decision = Decision.objects.order_by("id").first()
    cutoff = timezone.now()
    decision_note_add(
        user=secretariat,
        decision=decision,
        kind="reservation",
        party_ids=[Party.objects.get(abbreviation="SD").pk],
        members="",
        text="Vi reserverar oss.",
    )
    assert _ids_modified_since(client, "decisions", cutoff) == {decision.pk}
    # The note shows its parties' abbreviations: a renamed party changes every decision it noted.
    cutoff = timezone.now()
    party = Party.objects.get(abbreviation="SD")
    party.abbreviation = "SDX"
    party.save()
    noted = set(Decision.objects.filter(notes__parties=party).values_list("id", flat=True))
    assert decision.pk in noted
    assert _ids_modified_since(client, "decisions", cutoff) == noted
