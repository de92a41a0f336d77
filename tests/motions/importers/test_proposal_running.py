"""A TU's header in two columns, its office named by its task ("Förvaltningen för …"), and its
running lines at a page turn (motions/importers/proposal.py, running.py, proposal_costs.py)."""

import pytest

from motions.importers.proposal import read_proposal
from motions.importers.proposal_costs import AMOUNT_RE

TWO_COLUMNS = """Kulturförvaltningen                              Tjänsteutlåtande
                                                 Utfärdat 2025-04-07
                                                 Diarienummer KUN-2025-00412

Handläggare: Eva Ek

Nya läsfrämjande insatser

Förslag till beslut
I kulturnämnden:

1. Kulturnämnden godkänner förvaltningens plan för läsfrämjande insatser.

2. Förvaltningen får i uppdrag att starta läsombud i förskolorna. Kostnaden beräknas till
                                                                     Sida 1 av 2
\f
Kulturförvaltningen
Tjänsteutlåtande 2025-04-07
640 tkr under 2026.

3. Förvaltningen får i uppdrag att redovisa insatserna till nämnden.

Sammanfattning
Biblioteken når i dag färre barn än tidigare.
"""


def test_the_office_beside_tjansteutlatande_is_the_issuer():
    parsed = read_proposal(TWO_COLUMNS)
    assert parsed.author_name == "Kulturförvaltningen"
    assert str(parsed.issued) == "2025-04-07" and parsed.case_number == "KUN-2025-00412"
    assert parsed.header_at == "start"
    assert parsed.points[2].board_names == ["Kulturförvaltningen"]


@pytest.mark.parametrize(
    ("line", "office"),
    [
        ("Kulturförvaltningen Tjänsteutlåtande", "Kulturförvaltningen"),  # a PDF's text loses the gap
        ("Miljö- och klimatförvaltningen    Tjänsteutlåtande", "Miljö- och klimatförvaltningen"),
        ("Socialförvaltningen Hisingen  Tjänstutlåtande", "Socialförvaltningen Hisingen"),
    ],
)
def test_the_office_and_the_kind_on_one_line_in_any_spacing(line, office):
    text = TWO_COLUMNS.replace("Kulturförvaltningen                              Tjänsteutlåtande", line)
    assert read_proposal(text).author_name == office


def test_words_before_the_kind_that_name_no_office_make_no_header():
    lines = TWO_COLUMNS.split("\n")
    text = "\n".join(["Enligt förvaltningens Tjänsteutlåtande", *lines[1:]])
    parsed = read_proposal(text)
    assert parsed.author_name == "" and parsed.issued is None


def test_the_running_lines_at_the_page_turn_are_dropped_and_flagged():
    parsed = read_proposal(TWO_COLUMNS)
    assert parsed.points[1].text.endswith("Kostnaden beräknas till 640 tkr under 2026.")
    assert [c.amount_kr for c in parsed.costs if c.point == 2] == [640_000]
    assert any("Tjänsteutlåtande 2025-04-07" in flag and "avbröt en mening" in flag for flag in parsed.flags)


def test_a_line_naming_more_than_the_header_at_the_page_turn_stays():
    text = TWO_COLUMNS.replace("Kulturförvaltningen\nTjänsteutlåtande 2025-04-07\n", "Kulturförvaltningens budget om\n")
    assert "beräknas till Kulturförvaltningens budget om 640 tkr" in read_proposal(text).points[1].text


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("bedöms till Tjänsteutlåtande 2025-08-28 350 tkr under 2026", ["350 tkr"]),
        ("från 25-08-28 1 200 000 kronor", ["1 200 000 kronor"]),
        ("kostar 2 500 tkr", ["2 500 tkr"]),
    ],
)
def test_an_amount_never_takes_the_digits_of_a_date(text, printed):
    assert [m.group(0) for m in AMOUNT_RE.finditer(text)] == printed


HEADER_AT_THE_END = """Boendeplan 2026

Förslag till beslut
I nämnden för funktionsstöd:

1. Förvaltningen får i uppdrag att ta fram en boendeplan.

Sammanfattning
Behovet av bostäder ökar.

Förvaltningen för {remit}

Tjänsteutlåtande
Utfärdat: 2025-05-12
Diarienummer: NFS-2025-00102
"""


@pytest.mark.parametrize("remit", ["funktionsstöd", "inköp och upphandling", "konsument- och medborgarservice"])
def test_an_office_named_by_its_task_is_the_issuer(remit):
    parsed = read_proposal(HEADER_AT_THE_END.format(remit=remit))
    assert parsed.author_name == f"Förvaltningen för {remit}"
    assert parsed.points[0].board_names == [f"Förvaltningen för {remit}"]
    assert parsed.header_at == "end"


def test_an_office_named_by_its_task_last_among_the_field_lines_is_the_issuer():
    text = HEADER_AT_THE_END.replace("Förvaltningen för {remit}\n\n", "").replace(
        "NFS-2025-00102\n", "NFS-2025-00102\nFörvaltningen för funktionsstöd\n"
    )
    assert read_proposal(text).author_name == "Förvaltningen för funktionsstöd"


BLOCK_ON_EVERY_PAGE = """Äldreförvaltningen                                  Tjänsteutlåtande
                                                    Utfärdat 2025-10-06
                                                    Reviderat 2025-10-20
                                                    Diarienummer ÄLN-2025-00317
                                                    Sida 1 (2)

Trygghetsboende i Bergsjön

Förslag till beslut
I äldrenämnden:

1. Förvaltningen får i uppdrag att öppna ett trygghetsboende. Driften beräknas till

Äldreförvaltningen                                  Tjänsteutlåtande
                                                    Utfärdat 2025-10-06
                                                    Reviderat 2025-10-20
                                                    Diarienummer ÄLN-2025-00317
                                                    Sida 2 (2)

    1 300 tkr per år från 2026.

2. Tjänsteutlåtandet skickas till pensionärsrådet.

Sammanfattning
Behovet av trygghetsboenden växer.
"""


def test_the_header_block_printed_again_on_the_next_page_is_furniture():
    parsed = read_proposal(BLOCK_ON_EVERY_PAGE.replace("\n\nÄldreförvaltningen  ", "\n\f\nÄldreförvaltningen  "))
    assert parsed.points[0].text == (
        "Förvaltningen får i uppdrag att öppna ett trygghetsboende. Driften beräknas till 1 300 tkr per år från 2026."
    )
    assert any("Utfärdat 2025-10-06" in flag for flag in parsed.flags)


def test_a_field_line_with_another_value_than_the_header_stays_text():
    text = BLOCK_ON_EVERY_PAGE.replace("\n\nÄldreförvaltningen  ", "\n\f\nÄldreförvaltningen  ")
    first, second = text.split("\f")
    text = first + "\f" + second.replace("Reviderat 2025-10-20", "Reviderat 2025-11-03", 1)
    assert "2025-11-03" in read_proposal(text).points[0].text
