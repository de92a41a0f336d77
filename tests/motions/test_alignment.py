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
