"""A TU's list of points goes on past a page break whose footer no repetition revealed
(proposal._read_points): the next page's point is read, and the footer line flagged, not kept."""

from motions.importers.proposal import read_proposal

TU = """Tjänsteutlåtande
Utfärdat 2025-11-06
Diarienummer KUN-2025-00388
Kulturförvaltningen

Konst i nya skolor

Förslag till beslut
I kulturnämnden:

1. Kulturnämnden antar programmet för konstnärlig gestaltning.

2. Förvaltningen får i uppdrag att ta fram rutiner för beställningen.

                                    Göteborgs Stad Kulturförvaltningen
                                                       Sida 1 av 2
\f
3. Kulturnämnden hemställer hos kommunstyrelsen om att regeln ska gälla även förskolor.

Sammanfattning
Under perioden planeras nya skolor.
"""


def test_the_point_after_a_footer_and_a_page_break_is_read_and_the_footer_flagged():
    parsed = read_proposal(TU)
    assert [p.number for p in parsed.points] == [1, 2, 3]
    assert parsed.points[2].text.startswith("Kulturnämnden hemställer")
    assert "Göteborgs Stad" not in parsed.points[1].text
    assert any("Göteborgs Stad Kulturförvaltningen" in f and "sidfot" in f for f in parsed.field_flags["points"])


def test_a_paragraph_after_the_last_point_still_ends_the_list():
    parsed = read_proposal(TU.replace("3. Kulturnämnden hemställer", "Kulturnämnden hemställer"))
    assert [p.number for p in parsed.points] == [1, 2]
    assert "points" not in parsed.field_flags
