"""The decisions feed and each case's motions feed, RSS and Atom (motions/feeds.py), read back as a reader would."""

from motions.models import Case, Decision, Motion
from tests.core.readback import ATOM, atom_entries, rss_items


def test_decisions_feed_lists_the_decisions_newest_meeting_first(client, real_data, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        response = client.get("/floden/beslut/")
    channel, items = rss_items(response)
    assert channel.findtext("language") == "sv"
    assert len(items) == min(Decision.objects.count(), 50)
    latest = Decision.objects.select_related("case", "meeting").order_by("-meeting__date", "-paragraph", "-id").first()
    assert latest.case.title in items[0].findtext("title")
    assert items[0].findtext("link").endswith(f"{latest.case.get_absolute_url()}#beslut-{latest.pk}")
    assert items[0].findtext("guid") == items[0].findtext("link")


def test_decisions_atom_feed(client, real_data):
    feed, entries = atom_entries(client.get("/floden/beslut/atom/"))
    assert feed.findtext(f"{ATOM}title") == "Nya beslut – Göteborgs Stad"
    assert len(entries) == min(Decision.objects.count(), 50)
    assert all(entry.find(f"{ATOM}updated") is not None for entry in entries)


def test_case_motions_feed(client, real_data):
    case = Case.objects.get(case_number="SLK-2022-00921")
    channel, items = rss_items(client.get("/floden/arenden/SLK-2022-00921/yrkanden/"))
    assert "SLK-2022-00921" in channel.findtext("title")
    assert len(items) == Motion.objects.filter(case=case).count()
    guids = {item.findtext("guid") for item in items}
    assert guids == {
        f"http://testserver/arenden/SLK-2022-00921/#yrkande-{pk}"
        for pk in Motion.objects.filter(case=case).values_list("pk", flat=True)
    }
    # The dnr form of the key works too.
    _, by_dnr = rss_items(client.get("/floden/arenden/0921-22/yrkanden/atom/".replace("/atom/", "/")))
    assert len(by_dnr) == len(items)
    _, entries = atom_entries(client.get("/floden/arenden/SLK-2022-00921/yrkanden/atom/"))
    assert len(entries) == len(items)


def test_a_new_motion_appears_first_in_its_case_feed(client, real_data):
    case = Case.objects.get(case_number="SLK-2022-00921")
    motion = Motion.objects.create(case=case, kind=Motion.Kind.YRKANDE, title="Nytt yrkande", justification="Ny text")
    _, items = rss_items(client.get("/floden/arenden/SLK-2022-00921/yrkanden/"))
    assert items[0].findtext("guid").endswith(f"#yrkande-{motion.pk}")


def test_feed_descriptions_are_escaped_html(client, real_data):
    """Readers render a description as HTML: text that looks like markup must arrive as text."""
    case = Case.objects.get(case_number="SLK-2022-00921")
    Motion.objects.create(case=case, kind=Motion.Kind.YRKANDE, title="Nytt", justification="<b>Fet</b> & mer\nNy rad")
    _, items = rss_items(client.get("/floden/arenden/SLK-2022-00921/yrkanden/"))
    assert items[0].findtext("description") == "<p>&lt;b&gt;Fet&lt;/b&gt; &amp; mer Ny rad</p>"
    decision = Decision.objects.exclude(text="").order_by("-meeting__date", "-paragraph", "-id").first()
    decision.text = "Första stycket\n\nAndra < tredje"
    decision.save()
    _, items = rss_items(client.get("/floden/beslut/"))
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
