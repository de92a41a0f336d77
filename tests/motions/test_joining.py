"""Swedish line joining (motions/importers/joining.py)."""

import pytest

from motions.importers.joining import is_known, join_lines, words


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["arbetet med miljö-", "och klimatfrågor"], "arbetet med miljö- och klimatfrågor"),
        (["grundskole- och", "utbildningsnämnden"], "grundskole- och utbildningsnämnden"),
        (["inköps-", "och upphandlingsnämnden"], "inköps- och upphandlingsnämnden"),
        (["redovisa för-", "och nackdelar"], "redovisa för- och nackdelar"),
        (["byggnads- eller", "fastighetsnämnden"], "byggnads- eller fastighetsnämnden"),
        (["de stora fram-", "steg som gjorts"], "de stora framsteg som gjorts"),
        (["verksam-", "heten"], "verksamheten"),
        (["skolor i LOV3-", "områden"], "skolor i LOV3-områden"),
        (["en e-", "tjänst"], "en e-tjänst"),
        (["medel ur EU-", "fonder"], "medel ur EU-fonder"),
        (["covid-", "19"], "covid-19"),
        (["typesetterns avstav\u2010", "ning"], "typesetterns avstavning"),
        (["ett mjukt binde\u00ad", "streck"], "ett mjukt bindestreck"),
        (["osynligt av\u00adstavad"], "osynligt avstavad"),
        (["  mellanslag  ", " och  radslut "], "mellanslag och radslut"),
        (["relationer 2026–", "2028 enligt bilaga"], "relationer 2026–2028 enligt bilaga"),
        (["under åren 2026 –", "2028"], "under åren 2026 – 2028"),
        (["punkt 2–", "och 3"], "punkt 2– och 3"),
    ],
)
def test_lines_join_the_swedish_way(lines, joined):
    assert join_lines(lines) == joined


def test_the_word_list_is_installed_and_decides_what_is_known():
    assert len(words()) > 100_000, "wswedish (make system-deps) gives /usr/share/dict/swedish"
    assert is_known("framsteg") and is_known("klimatfrågor") and is_known("utbildningsnämnden")
    assert not is_known("xyzqblarg")


def test_a_joined_word_the_list_does_not_know_is_reported():
    uncertain = []
    assert join_lines(["en xyzq-", "blarg"], uncertain) == "en xyzqblarg"
    assert uncertain == ["xyzq-blarg"]
    uncertain = []
    join_lines(["fram-", "steg"], uncertain)
    assert uncertain == []
