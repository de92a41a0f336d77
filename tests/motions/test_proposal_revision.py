"""A revised TU imported into a case that already has the proposal: the preview shows what changes and
the save applies exactly that to the stored proposal, keeping its points' identities."""

import re

import pytest

from budget.models import CostEstimate, PointFinancing

from .test_proposal_import import MINIMAL, _review_data, _url, new_case  # noqa: F401

REVISED = MINIMAL.replace("Utfärdat 2025-03-03", "Utfärdat 2025-03-03\nReviderat 2025-04-01").replace(
    "att följa upp rutinen.", "att följa upp rutinen årligen."
)


def _import(client, case, text):
    preview = client.post(_url(case), {"text": text, "forhandsgranska": ""})
    assert preview.status_code == 200
    response = client.post(_url(case), {**_review_data(preview), "bekrafta": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    return preview


@pytest.mark.django_db
def test_a_revised_tu_updates_the_proposal_and_a_second_import_changes_nothing(client, secretariat, new_case):  # noqa: F811
    client.force_login(secretariat)
    _import(client, new_case, MINIMAL)
    (proposal,) = new_case.proposals.all()
    ids = list(proposal.points.order_by("number").values_list("pk", flat=True))
    preview = _import(client, new_case, REVISED)
    page = preview.content.decode()
    assert "ändrad text" in page and "årligen." in page and "2025-04-01" in page
    (proposal,) = new_case.proposals.all()
    assert proposal.revised.isoformat() == "2025-04-01"
    assert list(proposal.points.order_by("number").values_list("pk", flat=True)) == ids
    assert proposal.points.get(number=2).text.endswith("årligen.")
    assert CostEstimate.objects.filter(decision_point__proposal=proposal).count() == 1
    assert proposal.points.get(number=2).history.first().history_change_reason == "Reviderat tjänsteutlåtande inläst"
    history = proposal.history.count() + sum(p.history.count() for p in proposal.points.all())
    again = _import(client, new_case, REVISED)
    assert again.context["revision"].empty
    assert proposal.history.count() + sum(p.history.count() for p in proposal.points.all()) == history
    assert CostEstimate.objects.filter(decision_point__proposal=proposal).count() == 1


@pytest.mark.django_db
def test_a_referenced_point_the_revision_drops_is_kept_and_an_unreferenced_one_removed(client, secretariat, new_case):  # noqa: F811
    client.force_login(secretariat)
    _import(client, new_case, MINIMAL.replace("rutinen.\n", "rutinen.\n\n3. Punkt tre.\n", 1))
    proposal = new_case.proposals.get()
    assert proposal.points.count() == 3
    two = proposal.points.get(number=2)
    PointFinancing.objects.create(decision_point=two, financing="within_frame")
    revised = REVISED.replace("\n2. Kommunstyrelsen får i uppdrag att följa upp rutinen årligen.\n", "")
    preview = _import(client, new_case, revised)
    kinds = {c.number: c.kind for c in preview.context["revision"].changes.points}
    assert kinds == {2: "kept", 3: "removed"}
    assert "behålls" in preview.content.decode()
    assert set(proposal.points.values_list("number", flat=True)) == {1, 2}
    assert "behålls" in two.history.first().history_change_reason
    rows = two.history.count()
    assert _import(client, new_case, revised).context["revision"].empty is False  # still listed as kept
    assert two.history.count() == rows  # but flagged only once


@pytest.mark.django_db
def test_a_revision_without_an_addressee_keeps_the_stored_one(client, secretariat, new_case):  # noqa: F811
    client.force_login(secretariat)
    _import(client, new_case, MINIMAL)
    stored = new_case.proposals.get().addressed_to
    assert stored
    _import(client, new_case, REVISED.replace("I kommunstyrelsen:\n", "", 1))
    assert new_case.proposals.get().addressed_to == stored


# --- Points paired by content, not by number --------------------------------------------------------

A = "Kulturnämnden får i uppdrag att införa en ny rutin för synpunkter."
B = "Kommunstyrelsen får i uppdrag att följa upp rutinen."
C = "Idrotts- och föreningsnämnden får i uppdrag att samordna föreningarnas arbete med nya mötesplatser."
D = "Stadsledningskontoret får i uppdrag att redovisa rutinens kostnader till kommunstyrelsen."


def test_a_point_removed_in_the_middle_is_removed_and_the_next_keeps_its_identity():
    from motions.proposal_merge import pair_points

    assert pair_points([A, B, C], [A, C]) == [(0, 0), (1, None), (2, 1)]
    # The point after the removed one may be edited too: it is still the same point.
    assert pair_points([A, B, C], [A, C.replace("samordna", "samla")]) == [(0, 0), (1, None), (2, 1)]


def test_a_point_inserted_in_the_middle_is_new_and_the_ones_after_are_renumbered():
    from motions.proposal_merge import pair_points

    assert pair_points([A, B, C], [A, D, B, C]) == [(0, 0), (None, 1), (1, 2), (2, 3)]
    assert pair_points([A, B], [A, B.replace("följa upp", "följa upp och utvärdera")]) == [(0, 0), (1, 1)]


def test_an_unrelated_point_in_the_same_place_is_a_removal_and_a_new_point():
    from motions.proposal_merge import pair_points, similarity

    assert similarity(B, D) < 0.5 <= similarity(B, B + " Senast 2026.")
    assert sorted(pair_points([A, B], [A, D]), key=str) == sorted([(0, 0), (1, None), (None, 1)], key=str)
    assert pair_points([], [A]) == [(None, 0)] and pair_points([A], []) == [(0, None)]


def test_the_word_diff_of_a_point_marks_only_the_changed_words_and_escapes_the_text():
    from core.worddiff import word_diff

    html = str(word_diff("att följa upp rutinen.", "att följa upp rutinen <b>årligen</b>."))
    assert "<ins>" in html and "&lt;b&gt;årligen&lt;/b&gt;." in html and "<b>" not in html
    assert html.startswith("att följa upp ")  # unchanged words stay plain
    assert 'class="visually-hidden">infogat: </span>' in html  # said in words, not by colour alone
    html = str(word_diff("en <script>x</script> punkt", "en punkt"))
    assert "<del>" in html and "&lt;script&gt;" in html and "<script>" not in html
    assert 'class="visually-hidden">borttaget: </span>' in html


def _three(text):
    """The TU with a third point C after point 2 (as first issued or as revised)."""
    for end in ("rutinen.\n", "rutinen årligen.\n"):
        if end in text:
            return text.replace(end, f"{end}\n3. {C}\n", 1)
    raise AssertionError("no point 2")


@pytest.mark.django_db
def test_the_preview_shows_a_changed_point_as_a_word_diff_with_user_text_escaped(client, secretariat, new_case):  # noqa: F811
    client.force_login(secretariat)
    _import(client, new_case, MINIMAL)
    revised = REVISED.replace("rutinen årligen.", "rutinen årligen <em>och</em> i tid.")
    page = _import(client, new_case, revised).content.decode()
    section = page.split('class="revision-changes"')[1].split("</section>")[0]
    assert "Punkt 2, ändrad text:" in section
    assert '<span class="diff">Kommunstyrelsen får i uppdrag att följa upp ' in section
    assert "<del>" in section and "<ins>" in section and "&lt;em&gt;och&lt;/em&gt;" in section
    assert "<em>" not in section
    assert "borttaget:" in section and "infogat:" in section
    # The heading's date is one unbreakable unit: a phone otherwise breaks it at a hyphen.
    heading = section.split('id="changes-heading">')[1].split("</h3>")[0]
    assert re.search(r'<time class="identifier" datetime="(\d{4}-\d\d-\d\d)">\(\1\)</time>$', heading)


@pytest.mark.django_db
def test_a_point_removed_in_the_middle_is_shown_removed_and_the_following_keep_identity_and_references(
    client,
    secretariat,
    new_case,  # noqa: F811
):
    from assignments.models import Assignment, Board
    from motions.models import Decision, Meeting

    client.force_login(secretariat)
    _import(client, new_case, _three(MINIMAL))
    proposal = new_case.proposals.get()
    one, two, three = proposal.points.order_by("number")
    kf = Board.objects.get(slug="kommunfullmaktige")
    assignment = Assignment.objects.create(
        dnr="0077/25", text=C, source=Assignment.Source.KF_OUTSIDE_BUDGET, origin_body=kf,
        origin_date="2025-05-20", origin_paragraph="9", origin_point="3",
    )  # fmt: skip
    three.assignment = assignment
    three.save()
    decision = Decision.objects.create(
        meeting=Meeting.objects.create(body=kf, date="2025-05-20"), paragraph=9, case=new_case, outcome="adopted"
    )
    decision.adopted_points.add(three)
    revised = _three(REVISED).replace(f"\n2. {B[:-1]} årligen.\n", "").replace("\n3. Idrotts", "\n2. Idrotts")
    preview = _import(client, new_case, revised)
    kinds = [(c.number, c.kind, c.new_number) for c in preview.context["revision"].changes.points]
    assert kinds == [(3, "renumbered", 2), (2, "removed", None)]
    assert "Punkt 3 blir punkt 2" in preview.content.decode()
    assert list(proposal.points.order_by("number").values_list("pk", "number", "text")) == [
        (one.pk, 1, A),
        (three.pk, 2, C),
    ]
    three.refresh_from_db()
    assert three.assignment == assignment and list(decision.adopted_points.all()) == [three]


@pytest.mark.django_db
def test_a_point_inserted_in_the_middle_is_new_and_a_referenced_dropped_one_is_kept_after_the_others(
    client,
    secretariat,
    new_case,  # noqa: F811
):
    client.force_login(secretariat)
    _import(client, new_case, _three(MINIMAL))
    proposal = new_case.proposals.get()
    ids = dict(proposal.points.values_list("text", "pk"))
    PointFinancing.objects.create(decision_point_id=ids[B], financing="within_frame")
    # B is dropped (but referenced), D comes in its place, C stays: D new, C renumbered, B kept as punkt 4.
    revised = _three(REVISED).replace(f"{B[:-1]} årligen.", f"{D}\n\n3. Punkt som läggs till i mitten.")
    revised = revised.replace(f"\n3. {C}\n", f"\n4. {C}\n")
    preview = _import(client, new_case, revised)
    kinds = {(c.number, c.kind) for c in preview.context["revision"].changes.points}
    assert {(2, "new"), (3, "new"), (3, "renumbered"), (2, "kept")} <= kinds
    assert "behålls som punkt 5" in preview.content.decode()
    saved = list(proposal.points.order_by("number").values_list("number", "text", "pk"))
    assert [(n, t) for n, t, _ in saved] == [
        (1, A), (2, D), (3, "Punkt som läggs till i mitten."), (4, C), (5, B),
    ]  # fmt: skip
    assert {t: pk for _, t, pk in saved if t in ids} == ids


# --- Cost changes: the preview lists what the save does ---------------------------------------------


def _estimates(proposal):
    return {
        (e.decision_point.text, e.board.slug, e.recurrence): e.amount_kr
        for e in CostEstimate.objects.filter(decision_point__proposal=proposal).select_related(
            "decision_point", "board"
        )
    }


def _listed(revision):
    return {(c.point.text, c.draft.board.slug, c.draft.recurrence): c.values["amount_kr"] for c in revision.costs}


@pytest.mark.django_db
def test_the_preview_lists_exactly_the_cost_changes_the_save_makes(client, secretariat, new_case):  # noqa: F811
    from assignments.models import Board

    client.force_login(secretariat)
    _import(client, new_case, _three(MINIMAL))
    proposal = new_case.proposals.get()
    before = _estimates(proposal)
    assert before == {(A, "kulturnamnden", "yearly"): 300_000}
    # Point 2 goes, so C is now point 2; point 1's cost rises.
    revised = _three(REVISED).replace(f"\n2. {B[:-1]} årligen.\n", "").replace("\n3. Idrotts", "\n2. Idrotts")
    revised = revised.replace("kostar 0,3 mnkr per år.", "kostar 0,45 mnkr per år.")
    preview = client.post(_url(new_case), {"text": revised, "forhandsgranska": ""})
    assert _listed(preview.context["revision"]) == {(A, "kulturnamnden", "yearly"): 450_000}
    section = preview.content.decode().split('class="revision-changes"')[1].split("</section>")[0]
    assert "Kostnadsberäkning punkt 1 (Kulturnämnden, årlig kostnad) ändras:" in " ".join(section.split())
    assert "Belopp: " in section and "300\u00a0tkr</del>" in section and "450\u00a0tkr</ins>" in section
    # The secretariat adds a one-off cost for C (now point 2) and reviews again: the list follows.
    data = _review_data(preview)
    board = Board.objects.get(slug="idrott-och-foreningsnamnden")
    data.update({"kostnad-1-accept": "on", "kostnad-1-point": "2", "kostnad-1-board": str(board.pk),
                 "kostnad-1-amount": "1,2 mnkr", "kostnad-1-recurrence": "one_off",
                 "kostnad-1-financing": "extra_resources"})  # fmt: skip
    again = client.post(_url(new_case), {**data, "forhandsgranska": ""})
    listed = _listed(again.context["revision"])
    assert [c.kind for c in again.context["revision"].costs] == ["changed", "new"]
    assert "Ny kostnadsberäkning, punkt 2 (Idrott- och föreningsnämnden):" in again.content.decode()
    response = client.post(_url(new_case), {**data, "bekrafta": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    after = _estimates(proposal)
    assert {key: amount for key, amount in after.items() if before.get(key) != amount} == listed
    assert listed == {(A, "kulturnamnden", "yearly"): 450_000, (C, board.slug, "one_off"): 1_200_000}
    assert _import(client, new_case, revised).context["revision"].costs == []


@pytest.mark.django_db
def test_a_run_of_points_moved_alike_is_one_line(client, secretariat, new_case):  # noqa: F811
    client.force_login(secretariat)
    four = _three(MINIMAL).replace(f"3. {C}\n", f"3. {C}\n\n4. {D}\n")
    _import(client, new_case, four)
    revised = _three(REVISED).replace(f"3. {C}\n", f"3. {C}\n\n4. {D}\n")
    revised = revised.replace(f"\n2. {B[:-1]} årligen.\n", "").replace("\n3. Idrotts", "\n2. Idrotts")
    revised = revised.replace("\n4. Stads", "\n3. Stads")
    preview = _import(client, new_case, revised)
    moved = [c for c in preview.context["revision"].changes.points if c.kind == "renumbered"]
    assert [(c.number, c.through, c.new_number, c.new_through) for c in moved] == [(3, 4, 2, 3)]
    assert "Punkterna 3–4 blir punkterna 2–3" in preview.content.decode()
    assert list(new_case.proposals.get().points.values_list("number", "text")) == [(1, A), (2, C), (3, D)]


@pytest.mark.django_db
def test_the_preview_matches_each_number_to_the_point_the_save_returns_for_it(client, secretariat, new_case):  # noqa: F811
    from motions.importers.proposal_resolve import parse_proposal_text
    from motions.proposal_merge import proposal_changes, proposal_merge

    client.force_login(secretariat)
    _import(client, new_case, _three(MINIMAL))
    proposal = new_case.proposals.get()
    PointFinancing.objects.create(decision_point=proposal.points.get(number=2), financing="within_frame")
    revised = _three(REVISED).replace(f"\n2. {B[:-1]} årligen.\n", "").replace("\n3. Idrotts", "\n2. Idrotts")
    parsed = parse_proposal_text(revised)
    matched = {n: p.pk for n, p in proposal_changes(proposal, parsed).matched.items()}
    saved = {n: p.pk for n, p in proposal_merge(user=secretariat, proposal=proposal, parsed=parsed).items()}
    assert matched == saved and len(saved) == 3  # 1, C as 2, and B kept as 3
