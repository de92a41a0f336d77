"""A motion's header block printed in two columns (importers/column_header.py)."""

from motions.importers.motion import read_motion

BODY = """
Ändringsyrkande angående – Förvaltningens förslag till nya öppettider

Förslag till beslut
I kulturnämnden:

1) Biblioteken i Angered och Backa håller öppet även på lördagar.

2) Därutöver bifalla förvaltningens förslag.
"""

KIND_RIGHT = (
    """Kulturnämnden                                          Ändringsyrkande
Sammanträde 2025-12-11, ärende 6                       Socialdemokraterna
                                                       Vänsterpartiet
"""
    + BODY
)

KIND_LEFT = (
    """Ändringsyrkande                          2025-12-11
Socialdemokraterna                       Kulturnämnden
Vänsterpartiet
"""
    + BODY
)


def test_a_two_column_header_with_the_kind_on_the_right_is_read_column_by_column():
    parsed = read_motion(KIND_RIGHT).as_json()
    assert (parsed["body"], parsed["date"], parsed["parties"], parsed["header_at"]) == (
        "Kulturnämnden",
        "2025-12-11",
        ["Socialdemokraterna", "Vänsterpartiet"],
        "start",
    )
    assert parsed["title"] == "Ändringsyrkande angående – Förvaltningens förslag till nya öppettider"
    assert len(parsed["points"]) == 1 and parsed["approves_rest"]


def test_a_two_column_header_with_the_kind_on_the_left():
    parsed = read_motion(KIND_LEFT).as_json()
    assert (parsed["body"], parsed["date"], parsed["parties"]) == (
        "Kulturnämnden",
        "2025-12-11",
        ["Socialdemokraterna", "Vänsterpartiet"],
    )


def test_a_table_of_three_columns_is_no_header():
    from motions.importers.column_header import column_headers

    items = list(enumerate(["Namn      Parti      Röst", "Anna Berg      S      Ja"], start=1))
    assert column_headers(items) == []
