"""/floden/ (goteborg_uppdrag/feed_urls.py): the index of the feeds, the links that lead to them,
and what every feed under it shares whichever app owns it: valid RSS and Atom, absolute links, 404
for an unknown case or board."""

from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from assignments.models import Responsibility
from tests.core.readback import ATOM, atom_entries, rss_items


def _board_with_assignments():
    return Responsibility.objects.select_related("board").order_by("id").first().board


def test_feeds_index_lists_the_feeds(client, real_data):
    response = client.get("/floden/")
    assert response.status_code == 200
    html = response.content.decode()
    board = _board_with_assignments()
    assert f"/floden/namnder/{board.slug}/slutdatum.ics" in html
    assert "/floden/arenden/SLK-2022-00921/yrkanden/" in html
    assert 'type="application/rss+xml"' in html


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


def test_unknown_case_or_board_is_404(client, real_data):
    assert client.get("/floden/arenden/SLK-1999-00001/yrkanden/").status_code == 404
    assert client.get("/floden/namnder/finns-inte/uppdrag/").status_code == 404
    assert client.get("/floden/namnder/finns-inte/slutdatum.ics").status_code == 404


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
        channel, items = rss_items(client.get(url))
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
        feed, entries = atom_entries(client.get(url + "atom/"))
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
