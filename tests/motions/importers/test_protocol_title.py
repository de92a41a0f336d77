"""The ärendemening of a protocol extract wherever the layout puts it against the § and the header
block (motions/importers/protocol_title.py), and the flag when the reading is uncertain."""

import pytest

from motions.importers.protocol import parse_protocol
from motions.importers.protocol_title import without_prefix

TITLE = "Förvaltningens förslag till riktlinjer för ekonomiskt bistånd"
BODY = "Beslut\nEnligt förvaltningens förslag:\n\n1. Riktlinjerna antas.\n"


def _title(text: str) -> tuple[str, list[str]]:
    parsed = parse_protocol(text)
    return parsed.title, parsed.field_flags.get("title", [])


@pytest.mark.parametrize(
    "head",
    [
        # the § first, the body and the fields under it, then the title
        f"§ 152\nSocialnämnden Hisingen\nSammanträdesdatum 2025-11-18\nDiarienummer SNH-2025-00764\n\n{TITLE}\n\n",
        # the title right under the § line
        "Socialnämnden Hisingen\nUtdrag ur protokoll\nSammanträdesdatum: 2025-11-18\n\n"
        "§ 152 Diarienummer SNH-2025-00764\nFörvaltningens förslag till riktlinjer för\nekonomiskt bistånd\n\n",
        # the KF form: the title above the §
        f"Kommunfullmäktige\nUtdrag ur protokoll\nSammanträdesdatum: 2025-11-18\n\n{TITLE}\n§ 18, 1236/22\n\n",
        # labelled fields under the §
        f"Socialnämnden Hisingen\nProtokoll\nUtdrag\nDatum för sammanträde: 2025-11-18\nParagraf: § 152\n"
        f"Diarienummer: SNH-2025-00764\n\n{TITLE}\n\n",
        # the title first; the header block stands apart, after another section
        f"{TITLE}\n\nÄrende 6, Dnr SNH-2025-00764\n\nHandlingar\nFörvaltningens tjänsteutlåtande.\n\n"
        "Socialnämnden Hisingen\nProtokoll från sammanträde\nDatum: 2025-11-18\nParagraf: 152\n\n",
    ],
)
def test_the_title_is_the_case_line_not_a_header_line(head):
    title, flags = _title(head + BODY)
    assert (title, flags) == (TITLE, [])


def test_the_body_under_a_bare_paragraph_line_is_the_body():
    parsed = parse_protocol(
        f"§ 152\nSocialnämnden Hisingen\nSammanträdesdatum 2025-11-18\nDiarienummer SNH-2025-00764\n\n{TITLE}\n\n"
        + BODY
    )
    assert parsed.body_name == "Socialnämnden Hisingen"
    assert "body" not in parsed.field_flags


def test_a_title_ending_in_a_body_name_is_a_title():
    title, flags = _title("§ 102 UBF-2025-00392\nRevidering av delegationsordning för utbildningsnämnden\n\n" + BODY)
    assert (title, flags) == ("Revidering av delegationsordning för utbildningsnämnden", [])


def test_a_title_word_broken_at_the_line_end_is_joined():
    head = "§ 215 Diarienummer SMF-2025-01144\nParkeringsavgifter i Majorna och Linné-\nstaden\n\n"
    title, _flags = _title(head + BODY)
    assert title == "Parkeringsavgifter i Majorna och Linnéstaden"


def test_a_title_read_without_a_paragraph_is_flagged():
    title, flags = _title(f"Socialnämnden Hisingen\nSammanträdesdatum: 2025-11-18\n\n{TITLE}\n\n" + BODY)
    assert title == TITLE
    assert len(flags) == 1 and "står inte vid paragrafen" in flags[0]


def test_a_title_among_other_paragraphs_at_the_top_is_flagged():
    head = (
        f"{TITLE}\n\nÄrendet gäller stadens riktlinjer.\n\nHandlingar\nTjänsteutlåtande.\n\n"
        "Socialnämnden Hisingen\nProtokoll från sammanträde\nDatum: 2025-11-18\nParagraf: 152\n\n"
    )
    title, flags = _title(head + BODY)
    assert title == TITLE
    assert len(flags) == 1 and "kontrollera" in flags[0]


def test_a_paragraph_of_prose_after_the_header_is_flagged_as_a_title():
    head = "§ 152\nSocialnämnden Hisingen\nSammanträdesdatum 2025-11-18\n\nNämnden behandlar riktlinjerna.\n\n"
    title, flags = _title(head + BODY)
    assert title == "Nämnden behandlar riktlinjerna."
    assert len(flags) == 1 and "löpande text" in flags[0]


def test_no_title_at_all_is_flagged():
    title, flags = _title("Socialnämnden Hisingen\nSammanträdesdatum: 2025-11-18\n§ 152\n\n" + BODY)
    assert title == ""
    assert flags and "kunde inte läsas" in flags[0]


@pytest.mark.parametrize(
    "head",
    [
        # the § in the header's column, then printed again before the title
        "Socialnämnden Hisingen                        Sammanträde 2025-11-18\n"
        "                                              § 152\n"
        "                                              Dnr SNH-2025-00764\n\n"
        f"§ 152 {TITLE}\n\n",
        # the title labelled under the §
        f"Socialnämnden Hisingen\nSammanträde 2025-11-18\n\n§ 152\nDnr: SNH-2025-00764\nÄrende: {TITLE}\n\n",
        f"Socialnämnden Hisingen\nSammanträde 2025-11-18\n\n§ 152\nDnr: SNH-2025-00764\nRubrik: {TITLE}\n\n",
    ],
)
def test_the_protocols_own_paragraph_or_a_label_before_the_title_is_no_part_of_it(head):
    assert _title(head + BODY) == (TITLE, [])


def test_another_paragraph_before_the_title_is_kept_and_flagged():
    title, doubt = without_prefix(f"§ 97 {TITLE}", 152)
    assert title == f"§ 97 {TITLE}" and doubt
