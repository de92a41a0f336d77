"""Roll calls in every layout family the minutes use, generated (tests/motions/rollcall_layouts.py)
and read with parse_protocol: each generated extract's rows (name, party, role, vote, in the order
printed) and declared counts must come out exactly as its truth.

The variants the importers misread today are kept in the generator and listed in
KNOWN_FAILING_VARIANTS with their cause; the Hypothesis tests leave them out and each has a strict
xfail with a fixed example, so that it turns red (XPASS) the day it is read right – then move it out
of the dict. The truth follows the hand truth of the corpus batches (truth/README.md): the role in
its base form, lower-case, "ledamot" where none is printed; the counts compared on the keys the page
prints, as tests/motions/corpus/measure_other.py scores them.
"""

import pytest
from hypothesis import HealthCheck, given, settings

from motions.importers import ImportError_
from motions.importers.protocol import parse_protocol

from .rollcall_layouts import FEATURES, Generated, build, generated, matches, variant_keys
from .rollcall_layouts_base import CAST, DEPUTY, SERVING, Frame, Member

# variant → what parse_protocol does with it today. A key is "family.feature=value", or a
# combination "family.a=x+b=y|z" (every part; any value of a part).
KNOWN_FAILING_VARIANTS: dict[str, str] = {}
# A fixed example of each known failing variant: the family's baseline with the variant's features.
FAILING_EXAMPLES: dict[str, tuple[str, dict]] = {}
# A deputy serving for an absent member, for the prose examples that print it.
SERVING_CAST = [*CAST[:-1], Member("Mona Öhrn", "S", DEPUTY, "ja", serves_for="Elif Yilmaz (S)")]


def read(text: str) -> tuple[list[tuple[str, str, str, str]], dict[str, int]]:
    """Every vote's rows as the truth types them, and the counts the parse says the page declares."""
    parsed = parse_protocol(text)
    rows, declared = [], {}
    for vote in parsed.votes:
        declared.update(vote.declared or {})
        if vote.rollcall:
            declared.update(vote.rollcall.declared_totals or {})
            rows += [(r.name, r.party, r.role.lower(), str(r.result)) for r in vote.rollcall.rows]
    return rows, declared


def assert_reads_exactly(doc: Generated) -> None:
    rows, declared = read(doc.text)
    assert rows == doc.rows, doc.variant
    assert {key: declared.get(key) for key in doc.declared} == doc.declared, doc.variant


def _excluded(family: str) -> frozenset[str]:
    return frozenset(key for key in KNOWN_FAILING_VARIANTS if key.startswith(f"{family}."))


def _failing(family: str, chosen: dict) -> bool:
    return any(matches(key, family, chosen) for key in KNOWN_FAILING_VARIANTS)


FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(generated("tables", _excluded("tables")))
def test_a_generated_table_reads_exactly(doc):
    assert_reads_exactly(doc)


@FAST
@given(generated("prose", _excluded("prose")))
def test_a_generated_prose_roll_call_reads_exactly(doc):
    assert_reads_exactly(doc)


@FAST
@given(generated("lists", _excluded("lists")))
def test_generated_lists_under_headings_read_exactly(doc):
    assert_reads_exactly(doc)


EXAMPLES = {
    "tables": [
        {},
        {"cells": "marks_x", "summa": True, "page_break": "furniture", "seat": "plats", "title": "Röstlista"},
        {"cells": "result_letter", "order": "party_first", "absent": True, "summa": True, "spacing": "single"},
        {"cells": "marks_lower_x", "order": "role_first", "page_break": "bare", "absent": True, "role_form": "short"},
        {"cells": "result_lower", "role": "none", "seat": "nr_first", "page_break": "furniture", "header": "rost"},
        {"cells": "result_word", "role_form": "ordinal", "spacing": "tight", "summa": True, "title": ""},
    ],
    "prose": [
        {},
        {"opening": "foljande", "counts": "parens", "last_join": "samt", "width": 62, "separator": ";"},
        {"opening": "ledamoterna", "counts": "parens", "width": 78, "vote_case": "upper", "hyphen_wrap": True},
        {"opening": "ja_rostar", "counts": "utfaller", "width": 90, "roles": "plain", "avstar_form": "list"},
        {"opening": "foljande", "counts": "med_roster", "width": 62, "hyphen_wrap": True},
        {"opening": "verb_first", "counts": "resultat", "width": 78, "last_join": "samt"},
    ],
    "lists": [
        {},
        {"heading": "count_colon", "layout": "one_a_line", "bullet": True, "page_break": True},
        {"heading": "roster_colon", "layout": "comma", "role": "none", "joiner": "och"},
        {"heading": "count_colon", "layout": "inline", "page_break": True, "empty_side": True},
        {"heading": "ledamoter", "layout": "one_a_line", "serves_for": True},
        {"heading": "colon", "layout": "inline", "role": "after_party", "joiner": "och"},
    ],
}
CASES = [(family, changes) for family, examples in EXAMPLES.items() for changes in examples]


@pytest.mark.parametrize(
    ("family", "changes"), CASES, ids=[f"{f}-{i}" for f, e in EXAMPLES.items() for i in range(len(e))]
)
def test_a_fixed_example_of_each_family_reads_exactly(family, changes):
    assert not _failing(family, {**build(family, **changes).variant}), "a known failing variant: see FAILING_EXAMPLES"
    cast = SERVING_CAST if changes.get("serves_for") else CAST
    if changes.get("empty_side"):  # nobody abstains: "Avstår (0)."
        cast = [m for m in cast if m.vote != "avstar"]
    frame = Frame(
        body=len(changes) % 6, paragraph=40 + len(changes), vote_heading="Votering", date_form=len(changes) % 3
    )
    assert_reads_exactly(build(family, cast=cast, frame=frame, **changes))


@pytest.mark.parametrize(
    "key",
    [
        pytest.param(key, marks=pytest.mark.xfail(strict=True, reason=cause, raises=(AssertionError, ImportError_)))
        for key, cause in KNOWN_FAILING_VARIANTS.items()
    ],
)
def test_a_known_failing_variant_reads_exactly(key):
    family, changes = FAILING_EXAMPLES[key]
    doc = build(family, cast=SERVING_CAST if changes.get("serves_for") else CAST, **changes)
    assert matches(key, family, doc.variant)
    assert_reads_exactly(doc)


def test_each_known_failing_variant_names_features_the_generator_has_and_has_an_example():
    assert set(FAILING_EXAMPLES) == set(KNOWN_FAILING_VARIANTS)
    keys = {key for family in FEATURES for key in variant_keys(family)}
    for key in KNOWN_FAILING_VARIANTS:
        family, _, parts = key.partition(".")
        for part in parts.split("+"):
            name, values = part.split("=")
            assert all(f"{family}.{name}={value}" in keys for value in values.split("|")), key


def test_the_generated_truth_is_the_cast_as_printed():
    """The generator's own truth: every member of the cast once, the deputy's role as printed."""
    doc = build("prose", cast=SERVING_CAST, serves_for=True)
    assert sorted(doc.rows) == sorted(m.row() for m in SERVING_CAST)
    assert "ersättaren Mona Öhrn (S) som tjänstgjorde för Elif Yilmaz (S)" in doc.text
    table = build("tables", cells="marks_x", summa=True)
    assert table.declared == {"ja": 4, "nej": 3, "avstar": 1} and [r[2] for r in table.rows].count(SERVING) == 1
