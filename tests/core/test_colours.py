"""The label colour on a data-given background (party colours): computed by contrast, at least 4.5:1."""

import json
from pathlib import Path

import pytest

from core.colours import AA_TEXT, BLACK, WHITE, contrast_ratio, relative_luminance, text_colour_on

PARTY_COLOURS = [row["colour"] for row in json.loads(Path("fixtures/parties.json").read_text())]


def test_contrast_ratio_matches_the_wcag_definition():
    assert contrast_ratio(BLACK, WHITE) == pytest.approx(21.0)
    assert contrast_ratio(WHITE, WHITE) == pytest.approx(1.0)
    assert contrast_ratio("#767676", WHITE) == pytest.approx(4.54, abs=0.01)  # the classic AA grey
    assert contrast_ratio(WHITE, "#767676") == contrast_ratio("#767676", WHITE)


def test_relative_luminance_refuses_what_is_no_hex_colour():
    with pytest.raises(ValueError):
        relative_luminance("red")
    assert relative_luminance(" #FFFFFF ") == pytest.approx(1.0)


@pytest.mark.parametrize("background", PARTY_COLOURS)
def test_every_shipped_party_colour_gets_a_readable_label(background):
    assert contrast_ratio(text_colour_on(background), background) >= AA_TEXT


@pytest.mark.parametrize(
    ("background", "expected"),
    [("#000077", WHITE), ("#DDDD00", BLACK), ("#52BDEC", BLACK), ("#E8112D", WHITE), ("#5B2C86", WHITE)],
)
def test_the_label_is_whichever_of_black_and_white_contrasts_more(background, expected):
    assert text_colour_on(background) == expected


@pytest.mark.parametrize("grey", [f"#{v:02x}{v:02x}{v:02x}" for v in range(0, 256, 5)])
def test_any_background_reaches_aa_with_one_of_the_two(grey):
    assert contrast_ratio(text_colour_on(grey), grey) >= AA_TEXT
