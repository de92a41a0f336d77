"""A hyphen at a line end after a short prefix or an abbreviation is the word's own; after a
syllable of a word the list knows joined, the typesetter's (motions/importers/joining.py)."""

import pytest

from motions.importers.joining import join_lines


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["stadens upphandlade it-", "system kan samordnas"], "stadens upphandlade it-system kan samordnas"),
        (["ett nytt ip-", "nummer"], "ett nytt ip-nummer"),
        (["en gemensam e-", "tjänst"], "en gemensam e-tjänst"),
        (["fler IT-", "stöd"], "fler IT-stöd"),
        (["beviljade LSS-", "insatser"], "beviljade LSS-insatser"),
        (["en ny sms-", "tjänst för påminnelser"], "en ny sms-tjänst för påminnelser"),
        (["bättre tv-", "sändningar"], "bättre tv-sändningar"),
        (["de stora fram-", "steg som gjorts"], "de stora framsteg som gjorts"),
        (["en ut-", "redning om saken"], "en utredning om saken"),
        (["ökad på-", "verkan"], "ökad påverkan"),
        (["nya av-", "gifter"], "nya avgifter"),
    ],
)
def test_a_short_prefix_or_an_abbreviation_keeps_its_hyphen(lines, joined):
    uncertain: list[str] = []
    assert join_lines(lines, uncertain) == joined
    assert uncertain == []


def test_a_longer_unknown_syllable_is_still_joined_and_reported():
    uncertain: list[str] = []
    assert join_lines(["en xyzq-", "blarg"], uncertain) == "en xyzqblarg"
    assert uncertain == ["xyzq-blarg"]
