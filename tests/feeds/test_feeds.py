"""RSS/Atom feeds and the iCalendar feed, parsed back as a reader or calendar would."""

import datetime
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from django.utils import timezone

from assignments import services
from assignments.feeds import status_changes
from assignments.models import Assignment, Board, Responsibility, StatusChange
from core.feeds import ical_escape, ical_fold
from motions.models import Case, Decision, Motion

ATOM = "{http://www.w3.org/2005/Atom}"


def _rss_items(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314 - our own output
    return channel, channel.findall("item")


def _atom_entries(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 - our own output
    return feed, feed.findall(f"{ATOM}entry")


def _board_with_assignments():
    return Responsibility.objects.select_related("board").order_by("id").first().board


def test_decisions_feed_lists_the_decisions_newest_meeting_first(client, real_data):
    channel, items = _rss_items(client.get("/floden/beslut/"))
    assert channel.findtext("language") == "sv"
    assert len(items) == min(Decision.objects.count(), 50)
    latest = Decision.objects.select_related("case", "meeting").order_by("-meeting__date", "-paragraph", "-id").first()
    assert latest.case.title in items[0].findtext("title")
    assert items[0].findtext("link").endswith(f"{latest.case.get_absolute_url()}#beslut-{latest.pk}")
    assert items[0].findtext("guid") == items[0].findtext("link")


def test_decisions_atom_feed(client, real_data):
    feed, entries = _atom_entries(client.get("/floden/beslut/atom/"))
    assert feed.findtext(f"{ATOM}title") == "Nya beslut – Göteborgs Stad"
    assert len(entries) == min(Decision.objects.count(), 50)
    assert all(entry.find(f"{ATOM}updated") is not None for entry in entries)


def test_case_motions_feed(client, real_data):
    case = Case.objects.get(case_number="SLK-2022-00921")
    channel, items = _rss_items(client.get("/floden/arenden/SLK-2022-00921/yrkanden/"))
    assert "SLK-2022-00921" in channel.findtext("title")
    assert len(items) == Motion.objects.filter(case=case).count()
    guids = {item.findtext("guid") for item in items}
    assert guids == {
        f"http://testserver/arenden/SLK-2022-00921/#yrkande-{pk}"
        for pk in Motion.objects.filter(case=case).values_list("pk", flat=True)
    }
    # The dnr form of the key works too.
    _, by_dnr = _rss_items(client.get("/floden/arenden/0921-22/yrkanden/atom/".replace("/atom/", "/")))
    assert len(by_dnr) == len(items)
    _, entries = _atom_entries(client.get("/floden/arenden/SLK-2022-00921/yrkanden/atom/"))
    assert len(entries) == len(items)


def test_a_new_motion_appears_first_in_its_case_feed(client, real_data):
    case = Case.objects.get(case_number="SLK-2022-00921")
    motion = Motion.objects.create(case=case, kind=Motion.Kind.YRKANDE, title="Nytt yrkande", justification="Ny text")
    _, items = _rss_items(client.get("/floden/arenden/SLK-2022-00921/yrkanden/"))
    assert items[0].findtext("guid").endswith(f"#yrkande-{motion.pk}")


def test_unknown_case_or_board_is_404(client, real_data):
    assert client.get("/floden/arenden/SLK-1999-00001/yrkanden/").status_code == 404
    assert client.get("/floden/namnder/finns-inte/uppdrag/").status_code == 404
    assert client.get("/floden/namnder/finns-inte/slutdatum.ics").status_code == 404


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
    channel, items = _rss_items(client.get(f"/floden/namnder/{board.slug}/uppdrag/"))
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
    _, entries = _atom_entries(client.get(f"/floden/namnder/{board.slug}/uppdrag/atom/"))
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
    _, items = _rss_items(client.get(f"/floden/namnder/{board.slug}/uppdrag/"))
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
    _, items = _rss_items(client.get(f"/floden/namnder/{board.slug}/uppdrag/"))
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
        client.get(f"/floden/namnder/{board.slug}/uppdrag/")
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
    _, items = _rss_items(response)
    assert len(items) == 50 and "Skäl 59" in items[0].findtext("description")
    with django_assert_max_num_queries(3):
        client.get("/floden/beslut/")


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


def test_ical_helpers():
    assert ical_escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    # Control characters are not allowed in iCalendar text; tab is.
    assert ical_escape("a\x0bb\x00c\td\x7f") == "abc\td"
    folded = ical_fold("SUMMARY:" + "å" * 80)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == "SUMMARY:" + "å" * 80


def test_feeds_index_lists_the_feeds(client, real_data):
    response = client.get("/floden/")
    assert response.status_code == 200
    html = response.content.decode()
    board = _board_with_assignments()
    assert f"/floden/namnder/{board.slug}/slutdatum.ics" in html
    assert "/floden/arenden/SLK-2022-00921/yrkanden/" in html
    assert 'type="application/rss+xml"' in html


def _absolute(url: str | None) -> bool:
    parts = urlsplit(url or "")
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _feed_urls():
    board = _board_with_assignments()
    return [
        "/floden/beslut/",
        "/floden/arenden/SLK-2022-00921/yrkanden/",
        f"/floden/namnder/{board.slug}/uppdrag/",
    ]


def test_rss_feeds_are_valid_with_absolute_links_newest_first(client, real_data):
    for url in _feed_urls():
        channel, items = _rss_items(client.get(url))
        assert items, url
        assert _absolute(channel.findtext("link")), url
        for item in items:
            assert item.findtext("title") and _absolute(item.findtext("link")), url
            guid = item.find("guid")
            # A guid is a permalink unless it says otherwise; ours are the items' own links.
            assert guid is not None and guid.get("isPermaLink", "true") == "true", url
            assert guid.text == item.findtext("link"), url
        assert len({item.findtext("guid") for item in items}) == len(items), url
        dates = [parsedate_to_datetime(item.findtext("pubDate")) for item in items]
        assert dates == sorted(dates, reverse=True), url


def test_atom_feeds_are_valid(client, real_data):
    """RFC 4287: the feed and every entry have an IRI id, a title and one updated; the feed an author."""
    feed_ids = set()
    for url in _feed_urls():
        feed, entries = _atom_entries(client.get(url + "atom/"))
        assert _absolute(feed.findtext(f"{ATOM}id")), url
        feed_ids.add(feed.findtext(f"{ATOM}id"))
        assert feed.findtext(f"{ATOM}author/{ATOM}name") == "Göteborgs Stad", url
        assert len(feed.findall(f"{ATOM}updated")) == 1, url
        for entry in entries:
            assert _absolute(entry.findtext(f"{ATOM}id")), (url, entry.findtext(f"{ATOM}id"))
            assert entry.findtext(f"{ATOM}title"), url
            assert len(entry.findall(f"{ATOM}updated")) == 1, (url, entry.findtext(f"{ATOM}title"))
            assert all(_absolute(link.get("href")) for link in entry.findall(f"{ATOM}link")), url
    # Each feed has its own id, or readers take them for one feed.
    assert len(feed_ids) == len(_feed_urls())


def test_feed_descriptions_are_escaped_html(client, real_data):
    """Readers render a description as HTML: text that looks like markup must arrive as text."""
    case = Case.objects.get(case_number="SLK-2022-00921")
    Motion.objects.create(case=case, kind=Motion.Kind.YRKANDE, title="Nytt", justification="<b>Fet</b> & mer\nNy rad")
    _, items = _rss_items(client.get("/floden/arenden/SLK-2022-00921/yrkanden/"))
    assert items[0].findtext("description") == "<p>&lt;b&gt;Fet&lt;/b&gt; &amp; mer Ny rad</p>"
    decision = Decision.objects.exclude(text="").order_by("-meeting__date", "-paragraph", "-id").first()
    decision.text = "Första stycket\n\nAndra < tredje"
    decision.save()
    _, items = _rss_items(client.get("/floden/beslut/"))
    assert items[0].findtext("description") == "<p>Första stycket</p>\n\n<p>Andra &lt; tredje</p>"


def test_control_characters_in_the_records_do_not_break_the_feeds(client, real_data):
    decision = Decision.objects.select_related("case").order_by("-meeting__date", "-paragraph", "-id").first()
    decision.text = "Sidbrytning\x0chär"
    decision.save()
    decision.case.title = "Ärende\x0bmed vertikal tab"
    decision.case.save()
    for url in ("/floden/beslut/", "/floden/beslut/atom/"):
        response = client.get(url)
        assert response.status_code == 200
        assert "Sidbrytninghär" in response.content.decode()


def test_the_feeds_can_be_found_from_the_pages(client, real_data):
    footer = client.get("/").content.decode()
    assert 'href="/floden/"' in footer and 'href="/api/v1/"' in footer
    board = _board_with_assignments()
    page = client.get(f"/uppdrag/namnder/{board.slug}/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in page
    assert f'href="/floden/namnder/{board.slug}/uppdrag/"' in page
    assert f'href="/floden/namnder/{board.slug}/slutdatum.ics"' in page
    case = client.get("/arenden/SLK-2022-00921/").content.decode()
    assert 'type="application/atom+xml"' in case and 'href="/floden/arenden/SLK-2022-00921/yrkanden/"' in case
