"""Footnotes (footnotes.footnote_bodies): the digits glued to a word the typesetter hyphenated at the
line end still make the footnote's own line a footnote (holdout9/m07 from its PDF)."""

import pytest

from motions.importers import read_motion
from motions.importers.footnotes import footnote_bodies

PROPOSAL = "Yrkande angående – Ett ärende\nFörslag till beslut\nI kommunstyrelsen:\n\n"


@pytest.mark.parametrize("hyphen", ["\u2010", "\u00ad", "-"])
def test_a_footnote_whose_word_the_typesetter_broke_is_found(hyphen):
    lines = ["1. Hyrorna ska understiga snitthyran i Götebor" + hyphen, "g1.", "", "1 Enligt hyresstatistiken."]
    assert footnote_bodies(list(enumerate(lines))) == {3: ("1", "Enligt hyresstatistiken.")}


def test_the_broken_word_gives_the_footnote_to_the_motion_and_its_digit_leaves_the_point():
    text = "1. Hyran ska understiga snitthyran i Götebor\u2010\ng1.\n\n1 Enligt statistiken.\n"
    parsed = read_motion(PROPOSAL + text)
    assert [(p.text, p.notes) for p in parsed.points] == [("Hyran ska understiga snitthyran i Göteborg.", ["1"])]
    assert parsed.footnotes == ["1 Enligt statistiken."]


def test_a_number_starting_the_next_line_is_no_footnote_digit():
    # "Götebor-⏎g" with no digit: "1 Enligt …" stays a line of the text.
    lines = ["1. Hyrorna i Götebor\u2010", "g ska sänkas.", "1 Enligt hyresstatistiken."]
    assert footnote_bodies(list(enumerate(lines))) == {}
