"""The one name a motion goes by on every page, export and feed.

Most motions are named by what the document says: kind, parties and date ("Återremissyrkande
S, V, MP 2024-04-19"). Some documents state no party or no date (SLK-2022-00921's yrkanden A–C
have neither header nor signature), and three "Yrkande angående …" side by side cannot be told
apart. Such a motion gets a letter: its place among all motions of its case in the order the
case page lists them (Motion.Meta.ordering). Imports append at the end (services.motion_import),
so the letters of motions already shown do not move. The letter appears whenever the party or
the date is missing, and also when two motions would otherwise share a name.

motion_names() works on one case's prefetched motions (no queries); names_for() names motions
of any cases (search hits, feeds) with two queries for their siblings.
"""

from __future__ import annotations

import string
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class MotionName:
    """What a motion is called and what its document leaves out."""

    letter: str
    kind: str  # "Tilläggsyrkande"
    parties: tuple[str, ...]  # abbreviations, in the party order
    date: str  # ISO date, or "" when the document states none
    uses_letter: bool

    @property
    def missing_party(self) -> bool:
        return not self.parties

    @property
    def missing_date(self) -> bool:
        return not self.date

    @property
    def label(self) -> str:
        """The name in one line: "Yrkande A, utan partibeteckning", "Tilläggsyrkande SD 2024-03-15"."""
        parties = ", ".join(self.parties)
        if not self.uses_letter:
            return f"{self.kind} {parties} {self.date}"
        label = f"{self.kind} {self.letter}"
        if parties:
            label += f" ({parties})"
        if self.date:
            label += f" {self.date}"
        if self.missing_party and self.missing_date:
            return label + ", " + _("utan partibeteckning och datum")
        if self.missing_party:
            return label + ", " + _("utan partibeteckning")
        if self.missing_date:
            return label + ", " + _("utan datum")
        return label

    @property
    def short(self) -> str:
        """A short handle for narrow places (chips, a select): "Yrkande A", "SD 2024-03-15"."""
        if self.uses_letter or not self.parties:
            return f"{self.kind} {self.letter}"
        return f"{', '.join(self.parties)} {self.date}".strip()

    @property
    def explanation(self) -> str:
        """One line saying why the name has a letter, or "" when the document states party and date."""
        if self.missing_party and self.missing_date:
            return _("Dokumentet anger varken parti eller datum; bokstaven är yrkandets plats i ärendets lista.")
        if self.missing_party:
            return _("Dokumentet anger inte vilket parti som lämnat yrkandet; bokstaven är dess plats i ärendet.")
        if self.missing_date:
            return _("Dokumentet anger inget datum; bokstaven är yrkandets plats i ärendets lista.")
        if self.uses_letter:
            return _("Flera yrkanden har samma typ, partier och datum; bokstaven är yrkandets plats i ärendets lista.")
        return ""

    def __str__(self) -> str:
        return self.label


def letter_for(index: int) -> str:
    """A, B, …, Z, AA, AB, … for the 0-based position."""
    letters = string.ascii_uppercase
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = letters[rest] + name
    return name


def _parties_of(motion) -> tuple[str, ...]:
    return tuple(p.abbreviation for p in motion.ordered_parties)  # as printed: "V, S, MP"


def _order_key(motion):
    # Motion.Meta.ordering (sort_order, date, id) with a missing date first whatever the database
    # does with NULL, so the letters are the same on SQLite and PostgreSQL.
    return (motion.sort_order, motion.date is not None, motion.date or 0, motion.pk)


def _name_all(ordered: list) -> dict[int, MotionName]:
    """Names for the motions of one case, given in the case's order."""
    bases = []
    for index, motion in enumerate(ordered):
        parties = _parties_of(motion)
        date = motion.date.isoformat() if motion.date else ""
        bases.append((motion, letter_for(index), str(motion.get_kind_display()), parties, date))
    clashes = Counter((kind, parties, date) for _motion, _letter, kind, parties, date in bases)
    names = {}
    for motion, letter, kind, parties, date in bases:
        uses_letter = not parties or not date or clashes[(kind, parties, date)] > 1
        names[motion.pk] = MotionName(letter, kind, parties, date, uses_letter)
    return names


def in_case_order(motions) -> list:
    """One case's motions in the order the letters count, which the case page lists them in too."""
    return sorted(motions, key=_order_key)


def motion_names(motions) -> dict[int, MotionName]:
    """The names of all motions of one case, by motion id (the case's motions, prefetched with parties)."""
    return _name_all(in_case_order(motions))


def names_for(motions) -> dict[int, MotionName]:
    """The names of some motions of any cases, by id: two queries (their cases' motions and parties).

    The motions carry their parties (prefetch "parties"); their siblings are read as ids only, since a
    letter depends on a motion's place and on whether another motion shares its name.
    """
    from .models import Motion

    motions = list(motions)
    if not motions:
        return {}
    names, _siblings = _names_in_cases(Motion.objects.filter(case_id__in={m.case_id for m in motions}))
    return {m.pk: names[m.pk] for m in motions if m.pk in names}


def names_by_id(pks) -> tuple[dict[int, MotionName], dict]:
    """Names and motions (with parties) for motion ids, in two queries: the motions of their cases."""
    from .models import Motion

    pks = list(pks)
    if not pks:
        return {}, {}
    cases = Motion.objects.filter(pk__in=pks).values("case_id")
    names, siblings = _names_in_cases(Motion.objects.filter(case_id__in=cases))
    return {pk: names[pk] for pk in pks if pk in names}, {pk: siblings[pk] for pk in pks if pk in siblings}


def _names_in_cases(queryset) -> tuple[dict[int, MotionName], dict]:
    by_case = defaultdict(list)
    by_pk = {}
    # What a name and a search hit read of a sibling: never its texts or its search vector.
    queryset = queryset.only("id", "case_id", "kind", "sort_order", "date", "title", "party_order")
    for motion in queryset.prefetch_related("parties"):
        by_case[motion.case_id].append(motion)
        by_pk[motion.pk] = motion
    names = {}
    for case_motions in by_case.values():
        names.update(motion_names(case_motions))
    return names, by_pk
