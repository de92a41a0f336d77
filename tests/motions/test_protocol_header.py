"""Protocol headers printed as labelled fields ("Datum för sammanträde:", "Paragraf:", "Diarienummer:"),
the value on the same line or the next; a field that cannot be read is flagged, never left blank silently."""

import pytest

from motions.importers.protocol import parse_protocol

BODY = """
Beslut
Enligt förvaltningens förslag:

1) Förvaltningen får i uppdrag att ansöka om statsbidrag.

2) Förvaltningen får i uppdrag att redovisa fördelningen.
"""

SAME_LINE = (
    """Socialnämnden Centrum
Protokoll
Utdrag
Datum för sammanträde: 2025-09-24
Paragraf: § 119
Diarienummer: SOC-2025-00741

Ansökan om statsbidrag mot våld i nära relationer 2026
"""
    + BODY
)

NEXT_LINE = (
    """Kulturnämnden
Utdrag ur protokoll
Sammanträdesdatum:
2025-10-02
Paragraf:
§ 7
Dnr:
1234/25

Ny rutin för synpunkter
"""
    + BODY
)


def test_labelled_header_fields_on_the_same_line_are_read():
    parsed = parse_protocol(SAME_LINE)
    assert (parsed.body_name, str(parsed.date), parsed.paragraph, parsed.case_number) == (
        "Socialnämnden Centrum",
        "2025-09-24",
        119,
        "SOC-2025-00741",
    )
    assert parsed.title == "Ansökan om statsbidrag mot våld i nära relationer 2026"
    assert not {"body", "date", "paragraph", "case", "title"} & set(parsed.field_flags)
    assert len(parsed.points) == 2


def test_labelled_header_fields_with_the_value_on_the_next_line_are_read():
    parsed = parse_protocol(NEXT_LINE)
    assert (parsed.body_name, str(parsed.date), parsed.paragraph, parsed.dnr) == (
        "Kulturnämnden",
        "2025-10-02",
        7,
        "1234/25",
    )
    assert parsed.title == "Ny rutin för synpunkter"
    assert not {"body", "date", "paragraph", "case", "title"} & set(parsed.field_flags)


def test_a_labelled_header_without_a_case_number_flags_it_in_swedish():
    parsed = parse_protocol(SAME_LINE.replace("Diarienummer: SOC-2025-00741\n", ""))
    assert parsed.case_number == "" and parsed.dnr == ""
    assert "diarienummer saknas" in parsed.field_flags["case"][0]
    assert parsed.title == "Ansökan om statsbidrag mot våld i nära relationer 2026"


def test_an_extract_without_paragraph_or_case_number_flags_the_case_too():
    parsed = parse_protocol("Kulturnämnden\nUtdrag ur protokoll\n" + BODY)
    assert parsed.paragraph is None
    assert "står inte i utdraget" in parsed.field_flags["case"][0]


@pytest.mark.parametrize(
    "value",
    ["Ärende: Ansökan om statsbidrag", "Diarienummer: se bilaga"],
)
def test_a_label_without_a_case_number_is_no_case_number(value):
    parsed = parse_protocol(SAME_LINE.replace("Diarienummer: SOC-2025-00741", value))
    assert parsed.case_number == "" and parsed.dnr == ""
    assert parsed.field_flags["case"]


def test_a_dnr_line_inside_the_decision_is_not_the_case_number():
    text = SAME_LINE.replace("Diarienummer: SOC-2025-00741\n", "").replace(
        "2) Förvaltningen", "Dnr: 5678/25\n\n2) Förvaltningen"
    )
    parsed = parse_protocol(text)
    assert parsed.dnr == "" and parsed.field_flags["case"]


def test_a_board_name_with_a_lower_case_word_after_it_is_no_header_body():
    parsed = parse_protocol(SAME_LINE.replace("Socialnämnden Centrum\n", "Socialnämnden beslutar\n"))
    assert parsed.body_name == "" and parsed.field_flags["body"]


# Header forms: the § labelled "Ärende:" beside the case number, a date without a label by the
# extract's name, the case number first and the extract's name carrying the meeting's date.

COLUMNS = (
    """Kulturnämnden
Utdrag ur protokoll
2025-10-14

Ärende: § 31                          Dnr: KUN-2025-00120

Ny rutin för synpunkter
"""
    + BODY
)


def test_a_paragraph_labelled_arende_beside_the_case_number_and_a_bare_date_by_the_extract_name():
    parsed = parse_protocol(COLUMNS)
    assert (parsed.body_name, str(parsed.date), parsed.paragraph, parsed.case_number) == (
        "Kulturnämnden",
        "2025-10-14",
        31,
        "KUN-2025-00120",
    )
    assert parsed.title == "Ny rutin för synpunkter"
    assert not {"body", "date", "paragraph", "case", "title"} & set(parsed.field_flags)


def test_an_agenda_number_labelled_arende_is_no_paragraph():
    parsed = parse_protocol(COLUMNS.replace("Ärende: § 31", "Ärende: 31"))
    assert parsed.paragraph is None and parsed.field_flags["paragraph"]
    assert parsed.case_number == "KUN-2025-00120"


def test_a_bare_date_away_from_the_extract_name_is_no_meeting_date():
    text = COLUMNS.replace("Utdrag ur protokoll\n2025-10-14\n", "Utdrag ur protokoll\n").replace(
        "Ny rutin för synpunkter\n", "Ny rutin för synpunkter\n\n2025-10-14\n"
    )
    parsed = parse_protocol(text)
    assert parsed.date is None and parsed.field_flags["date"]


def test_the_case_number_first_and_the_meeting_date_in_the_extract_name():
    text = (
        """Diarienummer: SNC-2025-00318
Socialnämnden Centrum
Protokollsutdrag från sammanträde 2025-12-02

§ 142 Införande av familjecentral
"""
        + BODY
    )
    parsed = parse_protocol(text)
    assert (parsed.body_name, str(parsed.date), parsed.paragraph, parsed.case_number) == (
        "Socialnämnden Centrum",
        "2025-12-02",
        142,
        "SNC-2025-00318",
    )
    assert parsed.title == "Införande av familjecentral"
    assert not {"body", "date", "paragraph", "case", "title"} & set(parsed.field_flags)


def test_a_meeting_labelled_sammantrade_a_paragraph_without_a_colon_and_a_body_named_by_its_remit():
    text = (
        """Nämnden för konsument- och medborgarservice
Protokollsutdrag
Sammanträde: 2025-09-24
                                   Paragraf 33
Diarienummer NKM-2025-00219

Utökade öppettider
"""
        + BODY
    )
    parsed = parse_protocol(text)
    assert (parsed.body_name, str(parsed.date), parsed.paragraph, parsed.case_number) == (
        "Nämnden för konsument- och medborgarservice",
        "2025-09-24",
        33,
        "NKM-2025-00219",
    )
    assert parsed.title == "Utökade öppettider"
    assert not {"body", "date", "paragraph", "case", "title"} & set(parsed.field_flags)


def test_a_paragraph_label_followed_by_words_is_no_paragraph():
    text = SAME_LINE.replace("Paragraf: § 119", "Paragraf 119 gäller")
    parsed = parse_protocol(text)
    assert parsed.paragraph is None and parsed.field_flags["paragraph"]


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Sammanträde: 2025-11-26", True),
        ("Sammanträde:", True),  # the date on the next line
        ("Sammanträde 26 november 2025", True),
        ("Protokoll från sammanträdet den 2 december 2025", True),
        ("Protokollsutdrag från sammanträde 2025-12-02", True),
        ("Sammanträdet den 4 maj 2026 hålls i Angered.", False),  # prose, no label
        ("Sammanträde 12 flyttas", False),
        ("Protokoll från sammanträde", False),  # no date: a header line, not the date's label
    ],
)
def test_meeting_labels_that_are_also_words_of_prose_need_a_date_alone(line, label):
    from motions.importers.protocol_header import MEETING_DATE_RE

    assert bool(MEETING_DATE_RE.match(line)) is label


def test_a_labelled_paragraph_with_the_next_columns_field_after_one_space_is_read():
    # A PDF without its columns keeps one space of a two-column header's gap.
    parsed = parse_protocol(SAME_LINE.replace("Paragraf: § 119\nDiarienummer:", "Paragraf: § 119 Diarienummer:"))
    assert (parsed.paragraph, parsed.case_number) == (119, "SOC-2025-00741")
    assert parsed.title == "Ansökan om statsbidrag mot våld i nära relationer 2026"
    assert not {"paragraph", "case", "title"} & set(parsed.field_flags)


CITY_AND_EXTRACT_ON_ONE_LINE = """\
Göteborgs Stad                                        Utdrag ur protokoll
Kultur- och fritidsnämnden

Datum för sammanträdet:   2026-05-06
Paragraf:                 § 44
Diarienummer:             KFN-2026-00312

Bidrag till sommarlovsaktiviteter i Angered

Kultur- och fritidsnämndens beslut
Kultur- och fritidsnämnden beviljar föreningen Lekparken ett bidrag om 80 000 kronor för
sommarlovsaktiviteter 2026.
"""


def test_aligned_labels_take_their_value_from_their_own_row():
    """ "Paragraf:      § 44": the value stands in the label's row after the gap, not on the next line
    (which holds the next label)."""
    parsed = parse_protocol(CITY_AND_EXTRACT_ON_ONE_LINE)
    assert (parsed.body_name, str(parsed.date), parsed.paragraph, parsed.case_number) == (
        "Kultur- och fritidsnämnden",
        "2026-05-06",
        44,
        "KFN-2026-00312",
    )
    assert parsed.title == "Bidrag till sommarlovsaktiviteter i Angered"
    assert not {"body", "date", "paragraph", "case", "title"} & set(parsed.field_flags)
    # One unnumbered paragraph under the genitive heading: the decision, kept whole.
    assert parsed.decision_text.startswith("Kultur- och fritidsnämnden beviljar föreningen Lekparken")
    assert parsed.decision_text.endswith("sommarlovsaktiviteter 2026.")


def test_the_extract_name_with_the_date_after_it_and_an_upper_case_body():
    text = """\
NÄMNDEN FÖR KONSUMENT- OCH MEDBORGARSERVICE
Protokollsutdrag 2026-04-22

§ 9
Dnr NKM-2026-00077

Ny taxa för konsumentvägledning

Beslut
1. Nämnden fastställer taxan enligt bilaga 1.
"""
    parsed = parse_protocol(text)
    assert (parsed.body_name, str(parsed.date), parsed.paragraph, parsed.case_number) == (
        "Nämnden för konsument- och medborgarservice",
        "2026-04-22",
        9,
        "NKM-2026-00077",
    )
    assert parsed.title == "Ny taxa för konsumentvägledning"
    assert not {"body", "date", "paragraph", "case", "title"} & set(parsed.field_flags)


BODY_AND_MEETING_ON_ONE_LINE = """\
Protokollsutdrag
Trafiknämnden, sammanträde nr 5, 2026-06-03

§ 71   Dnr TN-2026-00145
Ny hastighetsplan för Lundby

Beslut
1) Trafiknämnden fastställer hastighetsplanen enligt förvaltningens förslag och ger förvaltningen
   i uppdrag att skylta om gatorna runt skolorna före

Justerandes sign.                                                      1 (2)
\f
Trafiknämnden                                                2026-06-03

   höstterminens start.
2) Trafiknämnden 2026-06-03 års beslut om Lindholmen upphävs.
"""


def test_the_body_with_the_meeting_number_and_date_on_one_line():
    parsed = parse_protocol(BODY_AND_MEETING_ON_ONE_LINE)
    assert (parsed.body_name, str(parsed.date), parsed.paragraph, parsed.case_number) == (
        "Trafiknämnden",
        "2026-06-03",
        71,
        "TN-2026-00145",
    )
    assert parsed.title == "Ny hastighetsplan för Lundby"
    assert not {"body", "date", "paragraph", "case", "title"} & set(parsed.field_flags)


def test_a_running_line_of_body_and_date_after_a_page_break_is_no_part_of_the_point():
    parsed = parse_protocol(BODY_AND_MEETING_ON_ONE_LINE)
    assert [p.text for p in parsed.points] == [
        "Trafiknämnden fastställer hastighetsplanen enligt förvaltningens förslag och ger förvaltningen "
        "i uppdrag att skylta om gatorna runt skolorna före höstterminens start.",
        # Body and date inside a sentence with other words: text, never furniture.
        "Trafiknämnden 2026-06-03 års beslut om Lindholmen upphävs.",
    ]


def test_the_body_under_the_citys_name_is_the_header_not_a_list_item():
    text = """\
Göteborgs Stad
Kommunstyrelsen

Utdrag ur protokoll
Sammanträde: 2026-03-18
Dnr: SLK-2026-00210

§ 61
Program för stadens arbete med barns rättigheter

Beslut
1. Programmet antas.
"""
    parsed = parse_protocol(text)
    assert (parsed.body_name, str(parsed.date), parsed.paragraph) == ("Kommunstyrelsen", "2026-03-18", 61)
    assert "body" not in parsed.field_flags


RIGHT_COLUMN_WITH_THE_TITLE_ON_THE_PARAGRAPH_LINE = """\
                                                   Grundskolenämnden
                                                   Protokollsutdrag
                                                   Sammanträdesdag: onsdag 4 mars 2026
                                                   Ärende: § 22
                                                   Dnr: GSN-2026-00090

§ 22 Skolskjutsregler från och med 2026-08-01

Grundskolenämnden beslutar
att anta reviderade regler för skolskjuts enligt bilaga 1,

att uppdra åt förvaltningen att informera vårdnadshavarna.
"""


def test_the_title_stands_on_the_paragraph_line_under_a_labelled_paragraph():
    """ "Ärende: § 22" in the header and "§ 22 Skolskjutsregler …" below it: the ärendemening is the
    § line's, not the decision under it."""
    parsed = parse_protocol(RIGHT_COLUMN_WITH_THE_TITLE_ON_THE_PARAGRAPH_LINE)
    assert (parsed.body_name, str(parsed.date), parsed.paragraph, parsed.case_number) == (
        "Grundskolenämnden",
        "2026-03-04",
        22,
        "GSN-2026-00090",
    )
    assert parsed.title == "Skolskjutsregler från och med 2026-08-01"
    assert not {"body", "date", "paragraph", "case", "title"} & set(parsed.field_flags)


def test_a_body_beslutar_line_heads_the_decision_and_leads_in_its_att_clauses():
    parsed = parse_protocol(RIGHT_COLUMN_WITH_THE_TITLE_ON_THE_PARAGRAPH_LINE)
    assert [p.text for p in parsed.points] == [
        "att anta reviderade regler för skolskjuts enligt bilaga 1,",
        "att uppdra åt förvaltningen att informera vårdnadshavarna.",
    ]
    assert "decision" not in parsed.field_flags
