"""The TU's header block (motions/importers/proposal_header.py): labels with or without a colon in
any order, "Reviderad"/"Utfärdad" as well as "Reviderat"/"Utfärdat", the city's name on the logo line
left out of the issuer; and the addressee as a "Till …" line above the title (proposal.py)."""

import datetime

import pytest

from motions.importers.proposal import read_proposal
from motions.importers.text import ImportError_

POINTS = """Förslag till beslut
1) Nämnden godkänner planen för vinterväghållning.

2) Förvaltningen får i uppdrag att följa upp planen.
"""

LABELS_ONE_A_LINE = (
    """Kretsloppsförvaltningen

Tjänsteutlåtande
Diarienummer: KRN-2027-00412
LABEL_ISSUED: 2027-03-01
LABEL_REVISED: 2027-03-22
Handläggare: Vera Lindqvist, Avdelningen för insamling

Plan för vinterväghållning

"""
    + POINTS
)


@pytest.mark.parametrize(("issued", "revised"), [("Utfärdat", "Reviderat"), ("Utfärdad", "Reviderad")])
def test_the_labels_of_either_gender_are_read_whole_with_their_dates(issued, revised):
    text = LABELS_ONE_A_LINE.replace("LABEL_ISSUED", issued).replace("LABEL_REVISED", revised)
    parsed = read_proposal(text)
    assert (parsed.issued, parsed.revised) == (datetime.date(2027, 3, 1), datetime.date(2027, 3, 22))
    assert (parsed.case_number, parsed.author_name) == ("KRN-2027-00412", "Kretsloppsförvaltningen")
    assert parsed.title == "Plan för vinterväghållning"
    assert "Avdelningen" not in " ".join(parsed.flags)


def test_a_label_with_a_letter_more_is_no_field():
    # "Revideradx: …" is no label: the header ends there and the date is not taken as the revision.
    text = LABELS_ONE_A_LINE.replace("LABEL_ISSUED", "Utfärdat").replace("LABEL_REVISED", "Revideringar")
    assert read_proposal(text).revised is None


@pytest.mark.parametrize(
    "logo",
    ["Göteborgs Stad Kretsloppsförvaltningen", "Göteborgs stad, Kretsloppsförvaltningen", "Kretsloppsförvaltningen"],
)
def test_the_city_on_the_logo_line_is_no_part_of_the_issuer(logo):
    text = LABELS_ONE_A_LINE.replace("Kretsloppsförvaltningen\n\nTjänsteutlåtande", f"{logo}\nTjänsteutlåtande")
    parsed = read_proposal(text.replace("LABEL_ISSUED", "Utfärdat").replace("LABEL_REVISED", "Reviderat"))
    assert parsed.author_name == "Kretsloppsförvaltningen"


def test_the_city_beside_the_kind_is_left_out_too():
    text = "Göteborgs Stad Trafikkontoret      Tjänsteutlåtande\nUtfärdat 2027-01-10\nDnr 0412/27\n\nEn plan\n\n"
    assert read_proposal(text + POINTS).author_name == "Trafikkontoret"


def test_the_addressee_above_the_title_is_the_body_when_no_i_line_names_it():
    text = LABELS_ONE_A_LINE.replace(
        "Plan för vinterväghållning", "Till kretsloppsnämnden\n\nPlan för vinterväghållning"
    )
    parsed = read_proposal(text.replace("LABEL_ISSUED", "Utfärdat").replace("LABEL_REVISED", "Reviderat"))
    assert parsed.addressed_to == "kretsloppsnämnden"
    assert parsed.title == "Plan för vinterväghållning"


def test_an_i_line_under_the_heading_wins_over_a_till_line():
    text = LABELS_ONE_A_LINE.replace(
        "Plan för vinterväghållning", "Till kretsloppsnämnden\n\nPlan för vinterväghållning"
    )
    text = text.replace("Förslag till beslut\n", "Förslag till beslut\nI kommunstyrelsen:\n")
    parsed = read_proposal(text.replace("LABEL_ISSUED", "Utfärdat").replace("LABEL_REVISED", "Reviderat"))
    assert parsed.addressed_to == "I kommunstyrelsen:"


def test_a_title_starting_with_till_is_no_addressee():
    text = LABELS_ONE_A_LINE.replace("Plan för vinterväghållning", "Till stöd för föreningar som sköter spåren")
    parsed = read_proposal(text.replace("LABEL_ISSUED", "Utfärdat").replace("LABEL_REVISED", "Reviderat"))
    assert parsed.addressed_to == ""


CITY_BESIDE_THE_KIND = """Göteborgs Stad                                   Tjänsteutlåtande
Trafikkontoret                                   Utfärdat den 4 november 2025
                                                 Reviderat den 18 november 2025
                                                 Diarienummer TN-2025-00871

Handläggare: Pia Norén

Säkrare skolvägar i Angered

Förslag till beslut
I trafiknämnden:

1. Kontoret får i uppdrag att bygga om fyra övergångsställen vid skolorna.
"""


def test_the_city_beside_the_kind_and_the_office_beside_a_date_in_words():
    parsed = read_proposal(CITY_BESIDE_THE_KIND)
    assert parsed.author_name == "Trafikkontoret"
    assert (str(parsed.issued), str(parsed.revised)) == ("2025-11-04", "2025-11-18")
    assert parsed.case_number == "TN-2025-00871"
    assert parsed.points[0].board_names == ["Trafikkontoret"]


def test_a_date_in_words_that_does_not_exist_is_refused():
    with pytest.raises(ImportError_):
        read_proposal(CITY_BESIDE_THE_KIND.replace("den 18 november", "den 31 november"))
