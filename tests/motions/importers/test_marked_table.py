"""X-marked vote tables (marked_table.py): read whole where the layout places every mark, else left
for the reader to refuse by name (a roll-call attachment) or flagged on the vote (a protocol)."""

from pathlib import Path

import pytest

from motions.importers import ImportError_, parse_rollcall, pdf_to_text
from motions.importers.marked_table import unmark_tables
from motions.importers.protocol import parse_protocol

from ..corpus.render import render

P02 = Path(__file__).parents[1] / "corpus" / "holdout9" / "p02_sfn_table_nofunktion.txt"
HEADER = "Ledamot              Parti   Ja   Nej   Avstår"
ROWS = ["Anna Berg            S       X", "Bo af Ek             M             X", "Cia Dahl             V       X"]


def test_a_table_is_rewritten_whole_or_not_at_all():
    lines = [HEADER, ROWS[0], "Bo af Ek             M       X     X", ROWS[2]]
    # The second row's two marks cannot be read: no row is read, not the first alone.
    assert unmark_tables(lines) == lines
    with pytest.raises(ImportError_, match=r"^Rad 1: Tabellen .* markerar rösterna med kryss"):
        parse_rollcall("\n".join(lines))


def test_the_table_ends_at_the_text_under_it_not_at_a_page_break():
    lines = [HEADER, ROWS[0], "", "\f", "", "Sida 2", ROWS[1], "", "Nämnden har således beslutat."]
    out = unmark_tables(lines)
    assert out[0] == "Ledamot  Parti  Resultat" and out[1] == "Anna Berg  S  Ja" and out[6] == "Bo af Ek  M  Nej"
    assert out[8] == "Nämnden har således beslutat."


def _collapsed(text: str) -> str:
    """The text with one space between all words, as a PDF without its columns gives."""
    return "\n".join(" ".join(line.split()) for line in text.split("\n"))


@pytest.mark.parametrize("source", ["text", "pdf"])
def test_a_protocol_whose_x_marks_cannot_be_placed_is_read_with_the_vote_flagged(source):
    text = _collapsed(P02.read_text("utf-8"))
    if source == "pdf":
        text = pdf_to_text(render(text, footer="sida")).text
    parsed = parse_protocol(text)
    (vote,) = parsed.votes
    assert vote.rollcall is None
    (flag, *_rest) = parsed.field_flags["votes"]
    assert "omröstningens namnlista kunde inte läsas: tabellen markerar rösterna med kryss" in flag
    # The rest of the § reads as from the laid-out text.
    full = parse_protocol(P02.read_text("utf-8"))
    assert (parsed.paragraph, parsed.title, parsed.case_number) == (full.paragraph, full.title, full.case_number)
    assert [p.text for p in parsed.points] == [p.text for p in full.points]
    assert [n.text for n in parsed.notes] == [n.text for n in full.notes]
    assert len(full.votes[0].rollcall.rows) == 11


def test_the_p02_table_reads_from_its_pdf_as_from_its_text():
    text = P02.read_text("utf-8")
    from_pdf = parse_protocol(pdf_to_text(render(text, footer="paren")).text)
    from_text = parse_protocol(text)
    assert from_pdf.votes[0].rollcall.as_json() == from_text.votes[0].rollcall.as_json()
    assert from_text.votes[0].rollcall.totals == {"ja": 6, "nej": 5, "avstar": 0, "franvarande": 0}


def test_a_column_per_side_marked_with_the_side_s_own_word():
    lines = [
        "Ledamot       Parti   Ja    Nej   Avstår",
        "Sara Lind     L       Ja",
        "Omar Nilsson  C                   Avstår",
    ]
    out = unmark_tables(lines)
    assert out[1] == "Sara Lind  L  Ja" and out[2] == "Omar Nilsson  C  Avstår"
    # A side's word under another side's column is no mark: the table is left as it is.
    assert unmark_tables([lines[0], "Sara Lind     L       Nej"]) == [lines[0], "Sara Lind     L       Nej"]


def test_a_form_feed_before_the_repeated_header_does_not_shift_its_columns():
    header = "Ledamot       Parti  Ja  Nej  Avstår"
    lines = [header, "Sara Lind     L      X", f"\f{header}", "Omar Nilsson  C          X"]
    out = unmark_tables(lines)
    assert out[1] == "Sara Lind  L  Ja" and out[3] == "Omar Nilsson  C  Nej"
