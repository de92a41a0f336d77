"""A motion's header block between two points, where a page ends: read as the header whatever the
order of its lines, with the body and the date on one line or two, and every party it names kept
in printed order; none of its lines left in the point before it."""

import datetime

import pytest

from motions.importers import read_motion
from motions.importers.header import find_headers

POINTS = (
    "Ändringsyrkande angående – En plan\n\nFörslag till beslut\nI kulturnämnden:\n\n"
    "1. Förvaltningen får i uppdrag att utreda öppettiderna.\n\n"
    "2. Förvaltningen får i uppdrag att utveckla arbetet med barn.\n\n"
    "{block}\n                                                  1 (2)\n\f\n"
    "3. Förvaltningen får i uppdrag att redovisa arbetet.\n"
)


@pytest.mark.parametrize(
    ("block", "parties"),
    [
        ("Liberalerna\nCenterpartiet\nÄndringsyrkande\nKulturnämnden\n2025-10-14", ["Liberalerna", "Centerpartiet"]),
        ("L, C\nÄndringsyrkande\nKulturnämnden 2025-10-14", ["L", "C"]),
        ("Ändringsyrkande\nKulturnämnden 2025-10-14\nL och C", ["L", "C"]),
        ("Kulturnämnden\nÄndringsyrkande\n2025-10-14\nL\nC", ["L", "C"]),
        ("2025-10-14\nÄndringsyrkande\nKulturnämnden\nLiberalerna\nCenterpartiet", ["Liberalerna", "Centerpartiet"]),
        ("Kulturnämnden 2025-10-14\nÄndringsyrkande\nL\nC\nKD", ["L", "C", "KD"]),
    ],
)
def test_a_header_block_between_two_points_in_any_order(block, parties):
    parsed = read_motion(POINTS.format(block=block))
    assert [p.text for p in parsed.points] == [
        "Förvaltningen får i uppdrag att utreda öppettiderna.",
        "Förvaltningen får i uppdrag att utveckla arbetet med barn.",
        "Förvaltningen får i uppdrag att redovisa arbetet.",
    ]
    assert (parsed.header_at, parsed.body_name, parsed.date, parsed.party_names) == (
        "middle", "Kulturnämnden", datetime.date(2025, 10, 14), parties,
    )  # fmt: skip


def test_party_lines_join_the_block_only_when_they_touch_its_party_lines():
    items = list(enumerate(["Liberalerna", "", "Centerpartiet", "Yrkande", "Kulturnämnden", "2025-10-14"], 1))
    [header] = find_headers(items)
    assert header.parties == ["Centerpartiet"]
