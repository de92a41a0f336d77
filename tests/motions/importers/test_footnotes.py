"""The rule the typesetter draws above a page's footnotes (motions/importers/footnotes.py) goes with
the footnote: it is no text of the point above it."""

import pytest

from motions.importers import read_motion
from motions.importers.footnotes import footnote_bodies

PAGE_ONE = """Yrkande angående – Skolskjutsar på landsbygden

Förslag till beslut
I grundskolenämnden:

1. Förvaltningen får i uppdrag att se över reglerna för skolskjuts enligt skollagen2 och
att redovisa kostnaden.

RULE
2 Skollagen (2010:800), 10 kap. 32 §.

Sida 1 av 2
\f
2. Nämnden godkänner i övrigt förvaltningens förslag.
"""


@pytest.mark.parametrize("rule", ["________________", "– – – – – –", "──────────", "-----"])
def test_the_rule_above_a_footnote_at_the_foot_of_the_page_is_dropped(rule):
    parsed = read_motion(PAGE_ONE.replace("RULE", rule))
    assert [p.text for p in parsed.points] == [
        "Förvaltningen får i uppdrag att se över reglerna för skolskjuts enligt skollagen och att redovisa kostnaden.",
        "Nämnden godkänner i övrigt förvaltningens förslag.",
    ]
    assert parsed.footnotes == ["2 Skollagen (2010:800), 10 kap. 32 §."]


def test_a_rule_with_no_footnote_under_it_is_left_to_the_text():
    lines = ["1. Ett stycke text.", "________________", "", "Nästa stycke."]
    assert footnote_bodies(list(enumerate(lines))) == {}


def test_the_rule_is_kept_with_an_empty_text():
    lines = ["1. Enligt lagen3 gäller detta.", "", "__________", "3 Lag (2001:453)."]
    assert footnote_bodies(list(enumerate(lines))) == {3: ("3", "Lag (2001:453)."), 2: ("3", "")}


def test_superscript_footnote_marks_are_taken_out_and_kept_as_plain_digits():
    from motions.importers.footnotes import strip_footnotes

    assert strip_footnotes("enligt miljöbalken³ och plan- och bygglagen.¹²") == (
        "enligt miljöbalken och plan- och bygglagen.",
        ["3", "12"],
    )
    # A unit's power is no footnote.
    assert strip_footnotes("en yta om 400 m² och 2 km²") == ("en yta om 400 m² och 2 km²", [])


def test_a_footnote_line_set_with_a_superscript_digit_is_the_footnote():
    items = list(enumerate(["Parkerna ska skötas enligt skötselplanen⁴.", "", "⁴ Antagen av nämnden 2024."], start=1))
    assert footnote_bodies(items) == {2: ("4", "Antagen av nämnden 2024.")}
