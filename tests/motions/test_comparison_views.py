"""The comparison's choices in the URL (shareable, checked), its names, cost links and outcome line."""

import re

import pytest
from django.urls import reverse

from motions.models import Case

URL = "/arenden/SLK-2022-00921/jamfor/"


def motion_ids(key="SLK-2022-00921"):
    case = Case.objects.by_url_key(key).get()
    return {m.sort_order: m.pk for m in case.motions.all()}


def columns(html) -> list[str]:
    """The names of the shown motion columns, left to right."""
    heading = r'<th scope="col" class="motion-col[^"]*" id="kolumn-\d+">.*?<span class="column-name">([^<]+)'
    return re.findall(heading, html, re.S)


@pytest.mark.django_db
def test_all_six_motions_with_the_adopted_one_first_and_marked_in_words(client, real_data):
    html = client.get(URL).content.decode()
    assert columns(html)[0] == "Återremissyrkande V, S, MP 2024-04-19"
    assert len(columns(html)) == 6
    assert 'class="motion-col motion-col--adopted"' in html
    assert "✔ Bifallet KS 2024-04-24 § 355" in html


@pytest.mark.django_db
def test_only_differing_points_is_a_url_parameter(client, real_data):
    full = client.get(URL).content.decode()
    only = client.get(URL + "?skillnader=1").content.decode()
    point_rows = re.compile(r'<tr class="row--point">')
    assert len(point_rows.findall(only)) < len(point_rows.findall(full)) == 12
    assert "där alla visade yrkanden säger detsamma som tjänsteutlåtandet är dold" in only
    assert 'name="skillnader" value="1" checked' in only
    # The downloads carry the same choice.
    assert "/arenden/SLK-2022-00921/jamfor.pdf?skillnader=1" in only
    assert "/arenden/SLK-2022-00921/jamfor.csv?skillnader=1" in only


@pytest.mark.django_db
def test_only_differing_points_leaves_out_the_same_rows_in_the_csv(client, real_data):
    full = client.get("/arenden/SLK-2022-00921/jamfor.csv").content.decode()
    only = client.get("/arenden/SLK-2022-00921/jamfor.csv?skillnader=1").content.decode()
    assert len(only.splitlines()) < len(full.splitlines())
    assert "Yrkande A, utan partibeteckning och datum" in full.splitlines()[0]


@pytest.mark.django_db
def test_two_motions_compared_side_by_side(client, real_data):
    ids = motion_ids()
    html = client.get(f"{URL}?jamfor={ids[0]}&jamfor={ids[2]}").content.decode()
    assert columns(html) == [
        "Yrkande A, utan partibeteckning och datum",
        "Tilläggsyrkande C 2024-06-04, utan partibeteckning",
    ]
    assert f'<option value="{ids[2]}" selected>' in html
    assert f"jamfor.pdf?jamfor={ids[0]}&amp;jamfor={ids[2]}" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query, message",
    [
        ("jamfor={a}", "Välj två olika yrkanden att jämföra."),
        ("jamfor={a}&jamfor={a}", "Välj två olika yrkanden att jämföra."),
        ("jamfor={a}&jamfor=999999", "”999999” i jamfor är inget yrkande i ärendet och har hoppats över."),
        ("jamfor=x&jamfor=%C2%B2", "”x” i jamfor är inget yrkande i ärendet"),
        ("urval=1&visa={a}&visa=abc", "”abc” i visa är inget yrkande i ärendet och har hoppats över."),
        ("skillnader=ja", "”skillnader” kan bara vara 1"),
    ],
)
def test_bad_choices_are_named_in_swedish_and_ignored(client, real_data, query, message):
    ids = motion_ids()
    for path in (URL, "/arenden/SLK-2022-00921/jamfor.csv"):
        response = client.get(f"{path}?{query.format(a=ids[0])}")
        assert response.status_code == 200
    html = client.get(f"{URL}?{query.format(a=ids[0])}").content.decode()
    assert message in html.replace("&amp;", "&")
    assert 'role="status"' in html


@pytest.mark.django_db
def test_a_motion_of_another_case_is_not_shown(client, real_data):
    other = motion_ids("0064-23")[0]
    html = client.get(f"{URL}?urval=1&visa={other}").content.decode()
    assert columns(html) == []
    assert f"”{other}” i visa är inget yrkande i ärendet" in html


@pytest.mark.django_db
def test_the_name_is_the_same_on_the_case_page_comparison_csv_and_cost_page(client, real_data):
    name = "Yrkande B, utan partibeteckning och datum"
    explanation = "Dokumentet anger varken parti eller datum"
    for path in (
        "/arenden/SLK-2022-00921/",
        URL,
        "/arenden/SLK-2022-00921/jamfor.csv",
        "/budget/arenden/SLK-2022-00921/",
    ):
        body = client.get(path).content.decode()
        assert name in body, path
    for path in ("/arenden/SLK-2022-00921/", URL):
        assert explanation in client.get(path).content.decode(), path
    feed = client.get(reverse("feeds:case_motions", args=["SLK-2022-00921"])).content.decode()
    assert f"<title>{name}</title>" in feed
    found = client.get("/sok/", {"q": "Redovisningen av uppdrag", "typ": "yrkanden"}).content.decode()
    assert name in found


@pytest.mark.django_db
def test_the_cost_row_spells_out_one_off_and_links_the_cost_page(client, real_data):
    html = client.get(URL).content.decode()
    ids = motion_ids()
    assert "Engångskostnad" in html and ">Engångs<" not in html
    assert 'href="/budget/arenden/SLK-2022-00921/"' in html
    assert f'href="/budget/arenden/SLK-2022-00921/#motion-{ids[0]}"' in html
    cost_page = client.get("/budget/arenden/SLK-2022-00921/").content.decode()
    assert f'id="motion-{ids[0]}"' in cost_page


@pytest.mark.django_db
def test_an_undecided_case_says_no_decision_is_registered(client, real_data):
    html = client.get("/arenden/0064-23/jamfor/").content.decode()
    assert "Inget beslut registrerat." in html
    assert "Inget beslut registrerat." not in client.get(URL).content.decode()


@pytest.mark.django_db
def test_a_case_only_tabled_says_so_too(client, real_data):
    case = Case.objects.by_url_key("SLK-2022-00921").get()
    case.decisions.exclude(outcome="tabled").delete()
    html = client.get(URL).content.decode()
    assert "Inget beslut registrerat." in html
    assert "KS 2024-03-20 § 221" in html


@pytest.mark.django_db
def test_a_motion_without_text_says_why_once_down_its_column(client, real_data):
    html = client.get(URL).content.decode()
    # Once per motion without text (S/V/MP, SD, M/L/KD/D), not in each of its rows.
    assert html.count("Yrkandet är bara omnämnt i protokollet") == 3
    assert re.search(r'<td class="cell cell--missing" rowspan="\d+">', html)
    # The referral's text runs over the blank cells beside it.
    assert re.search(r'<td class="cell cell--missing cell--adopted" colspan="6">', html)
