"""A board's assignment feed (RSS/Atom) and deadline calendar (assignments/feeds.py), read back as a reader would."""

import datetime
from email.utils import parsedate_to_datetime

from django.utils import timezone

from assignments import services
from assignments.feeds import status_changes
from assignments.models import Assignment, Board, Responsibility, StatusChange
from tests.core.readback import ATOM, atom_entries, rss_items


def _board_with_assignments():
    return Responsibility.objects.select_related("board").order_by("id").first().board


def _other_status(assignment):
    return (
        Assignment.Status.IN_PROGRESS
        if assignment.status != Assignment.Status.IN_PROGRESS
        else Assignment.Status.PARTIALLY_REPORTED
    )


def test_board_feed_shows_status_changes_with_their_reason(client, real_data, secretariat):
    board = _board_with_assignments()
    assignment = Assignment.objects.filter(responsibilities__board=board).order_by("id").first()
    # The state machine has no step back to pågående from every status; the admin path records any.
    services.status_change_record(
        assignment=assignment,
        from_status=assignment.status,
        to_status=_other_status(assignment),
        user=secretariat,
        reason="Nämnden & förvaltningen <behöver> mer tid",
    )
    old, new = assignment.get_status_display(), Assignment.Status(_other_status(assignment)).label
    # A save that does not record a status change is not one.
    assignment.deadline_note = "Ändrad tidplan"
    assignment.save()
    channel, items = rss_items(client.get(f"/floden/namnder/{board.slug}/uppdrag/"))
    assert board.name in channel.findtext("title")
    assert items[0].findtext("title") == f"{assignment.dnr}: {old} → {new}"
    assert (
        items[0]
        .findtext("description")
        .startswith("<p>Motivering: Nämnden &amp; förvaltningen &lt;behöver&gt; mer tid</p>")
    )
    change = StatusChange.objects.get(assignment=assignment)
    assert items[0].findtext("link") == f"http://testserver/uppdrag/{assignment.pk}/#statusandring-{change.pk}"
    assert sum(1 for item in items if "→" in item.findtext("title")) == 1
    # Nothing about who made the change.
    assert "sekretariatet" not in client.get(f"/floden/namnder/{board.slug}/uppdrag/").content.decode()
    _, entries = atom_entries(client.get(f"/floden/namnder/{board.slug}/uppdrag/atom/"))
    assert entries[0].findtext(f"{ATOM}title") == items[0].findtext("title")
    # The link leads to the change on the assignment's timeline.
    page = client.get(f"/uppdrag/{assignment.pk}/").content.decode()
    assert f'id="statusandring-{change.pk}"' in page


def test_board_feed_shows_changes_made_by_the_workflow_newest_first(client, real_data, secretariat):
    board = _board_with_assignments()
    waiting = Assignment.objects.filter(responsibilities__board=board, status=Assignment.Status.REPORTED_COMPLETE)
    first, second = waiting.order_by("id")[:2]
    services.assignment_status_change(
        assignment=first, target=Assignment.Status.COMPLETED, user=secretariat, reason="", expected_version=1
    )
    services.assignment_status_change(
        assignment=second,
        target=Assignment.Status.IN_PROGRESS,
        user=secretariat,
        reason="Redovisningen saknar kostnader",
        expected_version=1,
    )
    _, items = rss_items(client.get(f"/floden/namnder/{board.slug}/uppdrag/"))
    assert [item.findtext("title") for item in items[:2]] == [
        f"{second.dnr}: Föreslås förklarat fullgjort → Pågående",
        f"{first.dnr}: Föreslås förklarat fullgjort → Förklarat fullgjort",
    ]
    assert "Motivering: Redovisningen saknar kostnader" in items[0].findtext("description")
    assert "Motivering: Förklara uppdraget fullgjort" in items[1].findtext("description")
    dates = [parsedate_to_datetime(item.findtext("pubDate")) for item in items]
    assert dates == sorted(dates, reverse=True)


def test_a_new_assignment_shows_the_status_it_was_given(real_data, secretariat):
    board = _board_with_assignments()
    assignment = Assignment.objects.create(dnr="0001/24", text="Ett nytt uppdrag", source=Assignment.Source.KS)
    Responsibility.objects.create(assignment=assignment, board=board, is_lead=True)
    events = status_changes(board)
    assert (events[0].kind, events[0].assignment_id, events[0].new_status) == (
        "given",
        assignment.pk,
        Assignment.Status.NOT_STARTED,
    )
    services.assignment_status_change(
        assignment=assignment, target=Assignment.Status.IN_PROGRESS, user=secretariat, reason="", expected_version=1
    )
    events = status_changes(board)
    assert events[0].kind == "status" and events[0].old_status == Assignment.Status.NOT_STARTED
    given = next(event for event in events if event.kind == "given" and event.assignment_id == assignment.pk)
    assert given.new_status == Assignment.Status.NOT_STARTED


def test_an_older_assignment_given_to_the_board_later_shows_then(client, real_data, secretariat):
    board = _board_with_assignments()
    other = Board.objects.exclude(responsibilities__board=board).exclude(pk=board.pk).order_by("id").first()
    assignment = Assignment.objects.create(dnr="0002/24", text="Ett äldre uppdrag", source=Assignment.Source.KS)
    Responsibility.objects.create(assignment=assignment, board=other, is_lead=True)
    services.assignment_status_change(
        assignment=assignment, target=Assignment.Status.IN_PROGRESS, user=secretariat, reason="", expected_version=1
    )
    month_ago = timezone.now() - datetime.timedelta(days=30)
    Assignment.objects.filter(pk=assignment.pk).update(created_at=month_ago)
    StatusChange.objects.filter(assignment=assignment).update(changed_at=month_ago)
    Responsibility.objects.create(assignment=assignment, board=board)
    _, items = rss_items(client.get(f"/floden/namnder/{board.slug}/uppdrag/"))
    assert items[0].findtext("title") == f"{assignment.dnr}: nytt uppdrag (Pågående)"
    assert parsedate_to_datetime(items[0].findtext("pubDate")) > month_ago


def test_status_changes_of_another_board_are_not_shown(real_data):
    board = _board_with_assignments()
    other = Board.objects.exclude(responsibilities__assignment__responsibilities__board=board).order_by("id").first()
    ids = set(Assignment.objects.filter(responsibilities__board=board).values_list("id", flat=True))
    assert all(change.assignment_id in ids for change in status_changes(board))
    assert not {change.assignment_id for change in status_changes(other)} & ids


def test_board_feed_query_count_is_constant(client, real_data, secretariat, django_assert_max_num_queries):
    board = _board_with_assignments()
    with django_assert_max_num_queries(2):
        response = client.get(f"/floden/namnder/{board.slug}/uppdrag/")
    # An error page costs few queries too: the count only means something for the real feed.
    _, items = rss_items(response)
    assert items
    assignments = list(Assignment.objects.filter(responsibilities__board=board))
    for number in range(60):
        assignment = assignments[number % len(assignments)]
        StatusChange.objects.create(
            assignment=assignment,
            from_status=Assignment.Status.NOT_STARTED,
            to_status=Assignment.Status.IN_PROGRESS,
            reason=f"Skäl {number}",
            changed_by=secretariat,
        )
    with django_assert_max_num_queries(2):
        response = client.get(f"/floden/namnder/{board.slug}/uppdrag/")
    _, items = rss_items(response)
    assert len(items) == 50 and "Skäl 59" in items[0].findtext("description")


def _unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_deadlines_calendar_is_valid_icalendar(client, real_data):
    board = _board_with_assignments()
    assignment = Assignment.objects.filter(responsibilities__board=board).order_by("id").first()
    assignment.deadline = datetime.date(2025, 12, 31)
    assignment.text = "Ta fram en plan; med komma, och backslash \\ samt radbrytning\nhär " + "lång text " * 20
    assignment.save()
    response = client.get(f"/floden/namnder/{board.slug}/slutdatum.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    raw = response.content.decode("utf-8")
    assert raw.startswith("BEGIN:VCALENDAR\r\n") and raw.endswith("END:VCALENDAR\r\n")
    assert "\n" not in raw.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in raw.split("\r\n"))
    lines = _unfold(raw)
    assert "VERSION:2.0" in lines
    events = raw.count("BEGIN:VEVENT")
    expected = Assignment.objects.filter(responsibilities__board=board, deadline__isnull=False).distinct().count()
    assert events == expected == raw.count("END:VEVENT")
    assert f"UID:uppdrag-{assignment.pk}-slutdatum@uppdrag.goteborg.se" in lines
    assert "DTSTART;VALUE=DATE:20251231" in lines and "DTEND;VALUE=DATE:20260101" in lines
    description = next(line for line in lines if line.startswith("DESCRIPTION:Ta fram en plan"))
    assert "plan\\; med komma\\, och backslash \\\\ samt radbrytning här" in description
    assert len({line for line in lines if line.startswith("UID:")}) == events
    # Another host name (an internal one, say) gives the same UIDs: no deadline shows twice.
    other = client.get(f"/floden/namnder/{board.slug}/slutdatum.ics", HTTP_HOST="localhost").content.decode()
    assert {line for line in _unfold(other) if line.startswith("UID:")} == {
        line for line in lines if line.startswith("UID:")
    }
