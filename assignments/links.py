"""Where an assignment came from, as links into other apps, without this app importing them.

Dependencies point from motions to assignments, never back. An app that knows where assignments
were decided (motions: the decision point that created it, on its case) registers a provider in its
AppConfig.ready(); the assignment pages ask all providers at once for a whole list of assignments,
so the number of queries does not grow with the list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class OriginLink:
    label: str
    url: str


Provider = Callable[[list[int]], dict[int, list[OriginLink]]]
_providers: list[Provider] = []


def register_origin_provider(provider: Provider) -> None:
    if provider not in _providers:
        _providers.append(provider)


def origin_links(assignment_ids: Iterable[int]) -> dict[int, list[OriginLink]]:
    ids = list(assignment_ids)
    links: dict[int, list[OriginLink]] = {i: [] for i in ids}
    if not ids:
        return links
    for provider in _providers:
        for assignment_id, found in provider(ids).items():
            links.setdefault(assignment_id, []).extend(found)
    return links


@dataclass(frozen=True)
class OriginPassage:
    """A text the assignment came from: the decision point as the minutes, the proposal or a motion word it."""

    label: str
    text: str
    url: str = ""
    votes: tuple[str, ...] = ()


PassageProvider = Callable[[list[int]], dict[int, list[OriginPassage]]]
_passage_providers: list[PassageProvider] = []


def register_passage_provider(provider: PassageProvider) -> None:
    if provider not in _passage_providers:
        _passage_providers.append(provider)


def origin_passages(assignment_ids: Iterable[int]) -> dict[int, list[OriginPassage]]:
    ids = list(assignment_ids)
    passages: dict[int, list[OriginPassage]] = {i: [] for i in ids}
    for provider in _passage_providers:
        for assignment_id, found in provider(ids).items():
            passages.setdefault(assignment_id, []).extend(found)
    return passages
