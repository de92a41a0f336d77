"""Aligning motion points with proposal points by text, and the word-level difference."""

from motions.alignment import align, word_diff


def test_identical_points_align_one_to_one():
    texts = ["Nämnden får i uppdrag att bygga parker.", "Nämnden får i uppdrag att bygga skolor."]
    assert align(texts, texts).matches == [0, 1]


def test_renumbered_points_align_by_text_not_by_number():
    proposal = [
        "Kommunstyrelsen får i uppdrag att utreda parker i hela staden.",
        "Kulturnämnden får i uppdrag att öppna fler bibliotek på söndagar.",
        "Idrottsnämnden får i uppdrag att renovera badhusen i nordost.",
    ]
    motion = [proposal[0], proposal[2]]  # point 2 dropped, 3 renumbered to 2
    alignment = align(proposal, motion)
    assert alignment.matches == [0, 2]


def test_a_point_unlike_every_proposal_point_is_new():
    proposal = ["Kommunstyrelsen får i uppdrag att utreda parker i hela staden."]
    motion = ["Socialnämnden ska inrätta en jourtelefon för anhöriga dygnet runt."]
    assert align(proposal, motion).matches == [None]


def test_word_diff_marks_insertions_and_deletions_for_screen_readers():
    html = word_diff("Nämnden får i uppdrag att utreda parker.", "Nämnden får i uppdrag att anlägga parker.")
    assert '<del><span class="visually-hidden">borttaget: </span>utreda</del>' in html
    assert '<ins><span class="visually-hidden">infogat: </span>anlägga</ins>' in html
    assert html.startswith("Nämnden får i uppdrag att ")
    assert html.endswith(" parker.")


def test_word_diff_escapes_user_text():
    html = word_diff("a <b>fet</b> text", 'a <script>alert("x")</script> text')
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "&lt;b&gt;fet&lt;/b&gt;" in html


def test_word_diff_of_equal_texts_has_no_markup():
    assert word_diff("Samma text här.", "Samma text här.") == "Samma text här."


def test_the_bound_of_a_pair_is_the_share_of_common_words_counted_with_repeats():
    # The cheap bound (issue 18: computed without building Counter intersections) is exactly the
    # Dice share of the multiset intersection, which the ordered ratio never exceeds.
    import random
    from collections import Counter
    from difflib import SequenceMatcher

    from motions.alignment import similarities_for, words

    rng = random.Random(18)
    vocabulary = ["nämnden", "får", "i", "uppdrag", "att", "utreda", "parker", "skolor", "och", "staden"]
    proposal = [" ".join(rng.choices(vocabulary, k=rng.randint(0, 12))) for _ in range(8)]
    similarities = similarities_for(proposal)
    for _ in range(200):
        motion = tuple(words(" ".join(rng.choices(vocabulary, k=rng.randint(0, 12)))))
        row = similarities.bound_row(motion)
        for j, text in enumerate(proposal):
            other = words(text)
            total = len(motion) + len(other)
            expected = 2 * sum((Counter(motion) & Counter(other)).values()) / total if total else 0.0
            assert row[j] == expected
            assert SequenceMatcher(None, list(motion), other, autojunk=False).ratio() <= row[j] + 1e-12
