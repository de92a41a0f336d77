"""Line up the decision points of motions against the points of the official proposal.

A motion rarely keeps the proposal's numbering: it renumbers, merges two points into one, drops
some and adds its own. Points are therefore matched by the similarity of their words, in order
(a motion keeps the order of the points it takes over), with a small preference for the same
number when two candidates are equally close.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from core.worddiff import word_diff

__all__ = ["align", "similarities_for", "word_diff", "words"]

# Below this similarity two points are different points (a new point, a dropped one).
MATCH_THRESHOLD = 0.6
# A dropped proposal point at least this close to the motion point next to it was merged into it.
MERGE_THRESHOLD = 0.5
# ...provided it reads about as much like that motion point as the point the motion point sits on.
MERGE_TOLERANCE = 0.15

_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text or "")]


class _Similarities:
    """Similarities of many motion points against the same proposal points, each pair computed at most once.

    The share of common words (a bound the ordered ratio never exceeds) is cheap; the ordered
    ratio is computed only for pairs whose bound reaches the threshold the caller asks about.
    """

    def __init__(self, proposal_words: list[list[str]]):
        self.proposal_words = proposal_words
        self.proposal_counts = [Counter(w) for w in proposal_words]
        self.matchers = [SequenceMatcher(None, [], w, autojunk=False) for w in proposal_words]
        self.bounds: dict[tuple, list[float]] = {}
        self.exact: dict[tuple, float] = {}

    def bound_row(self, motion_words: tuple) -> list[float]:
        cached = self.bounds.get(motion_words)
        if cached is None:
            counts = Counter(motion_words).items()
            cached = []
            for proposal, proposal_counts in zip(self.proposal_words, self.proposal_counts, strict=True):
                total = len(motion_words) + len(proposal)
                # The size of the multiset intersection (counts & proposal_counts), without building it.
                common = 0
                for word, count in counts:
                    other = proposal_counts.get(word)
                    if other:
                        common += count if count < other else other
                cached.append(2 * common / total if total else 0.0)
            self.bounds[motion_words] = cached
        return cached

    def get(self, motion_words: tuple, j: int, at_least: float) -> float:
        """The ordered similarity, or the (lower-than-at_least) bound when it cannot reach at_least."""
        bound = self.bound_row(motion_words)[j]
        if bound < at_least or bound == 0.0:
            return bound
        key = (motion_words, j)
        value = self.exact.get(key)
        if value is None:
            proposal = self.proposal_words[j]
            if list(motion_words) == proposal:
                value = 1.0
            else:
                matcher = self.matchers[j]
                matcher.set_seq1(list(motion_words))
                value = matcher.ratio()
            self.exact[key] = value
        return value


@dataclass
class Alignment:
    """For each motion point (by index) the index of the proposal point it keeps or changes, or None."""

    matches: list[int | None]
    # proposal index -> motion point index it was merged into (for dropped proposal points)
    merged_into: dict[int, int] = field(default_factory=dict)
    scores: list[float] = field(default_factory=list)

    def proposal_indexes(self) -> set[int]:
        return {m for m in self.matches if m is not None}


def align(
    proposal_texts: list[str],
    motion_texts: list[str],
    *,
    proposal_numbers=None,
    motion_numbers=None,
    similarities: _Similarities | None = None,
):
    """Order-preserving alignment maximising total similarity (Needleman–Wunsch without gap cost).

    Pass the same `similarities` (similarities_for(proposal_texts)) when aligning several motions
    against one proposal: each pair of texts is then compared once.
    """
    p_words = [words(t) for t in proposal_texts]
    m_words = [words(t) for t in motion_texts]
    similarities = similarities or _Similarities(p_words)
    proposal_numbers = proposal_numbers or list(range(1, len(p_words) + 1))
    motion_numbers = motion_numbers or list(range(1, len(m_words) + 1))
    n, m = len(m_words), len(p_words)
    keys = [tuple(w) for w in m_words]
    # Each motion point's bounds, looked up once here rather than by its words for every pair the DP visits.
    bounds = [similarities.bound_row(key) for key in keys]

    def sim(i, j, at_least=MERGE_THRESHOLD):
        bound = bounds[i][j]
        if bound < at_least or bound == 0.0:
            return bound  # as similarities.get() answers it, without hashing the words again
        return similarities.get(keys[i], j, at_least)

    def gain(i, j):
        s = sim(i, j, MATCH_THRESHOLD)
        if s < MATCH_THRESHOLD:
            return None
        # Strong matches outweigh several weak ones; the same number breaks ties.
        return s - MATCH_THRESHOLD + 0.05 + (0.001 if motion_numbers[i] == proposal_numbers[j] else 0.0)

    matches: list[int | None] = [None] * n
    scores = [0.0] * n

    def best_path(i0, i1, j0, j1):
        """The DP over motion[i0:i1] × proposal[j0:j1]; fills matches and scores."""
        rows, cols = i1 - i0, j1 - j0
        if rows <= 0 or cols <= 0:
            return
        best = [[0.0] * (cols + 1) for _ in range(rows + 1)]
        gains = {}
        for a in range(rows - 1, -1, -1):
            for b in range(cols - 1, -1, -1):
                options = [best[a + 1][b], best[a][b + 1]]
                g = gains[a, b] = gain(i0 + a, j0 + b)
                if g is not None:
                    options.append(g + best[a + 1][b + 1])
                best[a][b] = max(options)
        a = b = 0
        while a < rows and b < cols:
            g = gains[a, b]
            if g is not None and abs(best[a][b] - (g + best[a + 1][b + 1])) < 1e-12:
                matches[i0 + a], scores[i0 + a] = j0 + b, sim(i0 + a, j0 + b)
                a, b = a + 1, b + 1
            elif abs(best[a][b] - best[a + 1][b]) < 1e-12:
                a += 1
            else:
                b += 1

    # Points a motion copies word for word are anchors; only the stretches between them need the DP.
    by_words: dict[tuple, list[int]] = {}
    for j, w in enumerate(p_words):
        by_words.setdefault(tuple(w), []).append(j)
    anchors = []
    last = -1
    for i, key in enumerate(keys):
        candidates = [j for j in by_words.get(key, []) if j > last]
        if key and candidates:
            last = candidates[0]
            anchors.append((i, last))
    previous_i, previous_j = -1, -1
    for i, j in [*anchors, (n, m)]:
        best_path(previous_i + 1, i, previous_j + 1, j)
        if i < n:
            matches[i], scores[i] = j, 1.0
        previous_i, previous_j = i, j
    # A motion point that merges two proposal points sits on the first of them.
    for i in range(n):
        j = matches[i]
        if j is None or j == 0 or (j - 1) in matches:
            continue
        if sim(i, j - 1) >= MERGE_THRESHOLD and sim(i, j - 1) >= sim(i, j) - MERGE_TOLERANCE:
            matches[i], scores[i] = j - 1, sim(i, j - 1)
    merged = {}
    for j in range(m):
        if j in matches:
            continue
        candidates = [
            (sim(i, j), i)
            for i in range(n)
            if matches[i] is not None
            and abs(matches[i] - j) == 1
            and sim(i, j) >= MERGE_THRESHOLD
            and sim(i, j) >= scores[i] - MERGE_TOLERANCE
        ]
        if candidates:
            merged[j] = max(candidates)[1]
    return Alignment(matches=matches, merged_into=merged, scores=scores)


def similarities_for(proposal_texts: list[str]) -> _Similarities:
    return _Similarities([words(t) for t in proposal_texts])
