"""A TU's issuer line wherever the header block prints it, and the responsible boards of a point
however the names are joined, broken or introduced."""

import pytest

from motions.importers.proposal import read_proposal
from motions.importers.proposal_boards import board_names_of
from motions.importers.proposal_resolve import parse_proposal_text

ISSUER_LAST = """Tjänsteutlåtande
Diarienummer SOC-2025-01022
Utfärdat 2025-11-03
Reviderat 2025-11-17
Socialförvaltningen Hisingen

Handläggare
Ahmed Karimi
Telefon: 031-366 71 30

Samordnad uppsökande verksamhet

Förslag till beslut
I socialnämnden Hisingen:

1. Förvaltningen får i uppdrag att starta en uppsökande verksamhet.

2. Nämnden för arbetsmarknad och vuxenutbildning samt idrott- och förenings-
nämnden erbjuds att delta i verksamheten med personal.
"""


def test_the_issuer_line_last_in_the_header_is_the_author_and_forvaltningen():
    parsed = read_proposal(ISSUER_LAST)
    assert parsed.author_name == "Socialförvaltningen Hisingen"
    assert str(parsed.revised) == "2025-11-17" and parsed.case_number == "SOC-2025-01022"
    assert parsed.points[0].board_names == ["Socialförvaltningen Hisingen"]


def test_an_office_line_above_the_header_is_kept_over_one_below_it():
    text = "Kulturförvaltningen\n\n" + ISSUER_LAST
    assert read_proposal(text).author_name == "Kulturförvaltningen"


@pytest.mark.parametrize(
    "below",
    [
        "Reviderat 2025-11-17\nYttrande till kommunstyrelsen\n",
        "Reviderat 2025-11-17\n\nSocialförvaltningen Hisingen\n",
    ],
)
def test_a_title_or_a_line_after_a_blank_below_the_fields_is_not_the_issuer(below):
    text = ISSUER_LAST.replace("Reviderat 2025-11-17\nSocialförvaltningen Hisingen\n", below)
    assert read_proposal(text).author_name == ""


def test_a_handlaggare_department_is_not_the_issuer():
    text = ISSUER_LAST.replace(
        "Socialförvaltningen Hisingen\n\nHandläggare\nAhmed Karimi\n",
        "\nHandläggare\nAhmed Karimi\nSocialförvaltningen Hisingen\n",
    )
    assert read_proposal(text).author_name == ""


def test_boards_joined_by_samt_and_broken_at_a_hyphen_before_erbjuds():
    parsed = read_proposal(ISSUER_LAST)
    assert parsed.points[1].board_names == [
        "Nämnden för arbetsmarknad och vuxenutbildning",
        "idrott- och föreningsnämnden",
    ]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Kulturnämnden ges i uppdrag att utreda.", ["Kulturnämnden"]),
        ("Kulturnämnden uppdras att utreda.", ["Kulturnämnden"]),
        ("Kulturnämnden ombeds att yttra sig.", ["Kulturnämnden"]),
        (
            "Kulturnämnden, Park- och naturnämnden och Miljö- och klimatnämnden erbjuds att delta.",
            ["Kulturnämnden", "Park- och naturnämnden", "Miljö- och klimatnämnden"],
        ),
        (
            "Nämnden för funktionsstöd och Äldre samt vård- och omsorgsnämnden ombeds att yttra sig.",
            ["Nämnden för funktionsstöd", "Äldre samt vård- och omsorgsnämnden"],
        ),
        # A partner named after "i samråd med" is no responsible board, whatever the verb.
        ("Kulturnämnden erbjuds att i samråd med Socialnämnden Centrum delta.", ["Kulturnämnden"]),
        ("Kulturnämnden i samråd med Socialnämnden Centrum ombeds att yttra sig.", ["Kulturnämnden"]),
        # No verb that gives or asks: no board.
        ("Ärendet överlämnas till kulturnämnden för kännedom.", []),
        ("Kulturnämnden erbjuder sina lokaler.", []),
    ],
)
def test_the_boards_before_the_verb_are_responsible(text, names):
    assert board_names_of(text) == names


def test_the_genitive_less_board_name_resolves_to_the_register(real_data):
    parsed = parse_proposal_text(ISSUER_LAST)
    assert [b.slug for b in parsed.points[1].boards] == [
        "namnden-for-arbetsmarknad-och-vuxenutbildning",
        "idrott-och-foreningsnamnden",
    ]


TWO_COLUMNS = """                                          Tjänsteutlåtande
Inköps- och upphandlingsförvaltningen     Utfärdat 2025-08-20
                                          Reviderat 2025-09-11
                                          Diarienummer IUN-2025-00402
Handläggare: Lovisa Strand
Telefon: 031-367 00 00

Gemensam upphandlingsplan

Förslag till beslut
I inköps- och upphandlingsnämnden:

1. Förvaltningen får i uppdrag att införa ett nytt system.
"""


@pytest.mark.parametrize("gap", ["     ", " "])  # the PDF's text may keep one space of the gap
def test_the_office_beside_a_field_in_a_two_column_header_is_the_issuer(gap):
    parsed = read_proposal(TWO_COLUMNS.replace("förvaltningen     Utfärdat", f"förvaltningen{gap}Utfärdat"))
    assert parsed.author_name == "Inköps- och upphandlingsförvaltningen"
    assert (str(parsed.issued), str(parsed.revised), parsed.case_number) == (
        "2025-08-20", "2025-09-11", "IUN-2025-00402",
    )  # fmt: skip
    assert parsed.points[0].board_names == ["Inköps- och upphandlingsförvaltningen"]


def test_a_line_beside_a_field_that_names_no_office_is_not_the_issuer():
    parsed = read_proposal(TWO_COLUMNS.replace("Inköps- och upphandlingsförvaltningen", "Göteborgs Stad"))
    assert parsed.author_name == "" and parsed.issued is None


def test_the_office_line_right_under_the_kind_line_is_the_issuer_and_the_fields_below_are_read():
    text = ISSUER_LAST.replace("Tjänsteutlåtande\n", "Tjänsteutlåtande\nSocialförvaltningen Hisingen\n\n", 1).replace(
        "Reviderat 2025-11-17\nSocialförvaltningen Hisingen\n", "Reviderat 2025-11-17\n"
    )
    parsed = read_proposal(text)
    assert parsed.author_name == "Socialförvaltningen Hisingen"
    assert str(parsed.issued) == "2025-11-03" and parsed.case_number == "SOC-2025-01022"
    assert parsed.points[0].board_names == ["Socialförvaltningen Hisingen"]
    assert not {"issued", "case"} & set(parsed.field_flags)


@pytest.mark.parametrize(
    "point, names",
    [
        ("Kulturnämnden uppdrar åt förvaltningen att inventera konsten i skolorna.", ["förvaltningen"]),
        ("Nämnden uppdrar till fastighetskontoret att ta fram en lokalplan.", ["fastighetskontoret"]),
    ],
)
def test_the_board_a_board_gives_the_task_to_is_responsible_not_the_giver(point, names):
    assert board_names_of(point) == names


def test_forvaltningen_given_the_task_by_the_board_is_the_issuing_office():
    text = ISSUER_LAST.replace(
        "1. Förvaltningen får i uppdrag att starta", "1. Socialnämnden Hisingen uppdrar åt förvaltningen att starta"
    )
    assert read_proposal(text).points[0].board_names == ["Socialförvaltningen Hisingen"]
