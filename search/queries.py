"""One search across assignments, cases, motions and decision points.

On PostgreSQL: full-text search with the `swedish` configuration (so "uppdragen" finds "uppdrag"),
ranked by ts_rank, with highlighted snippets from ts_headline. The parsed vectors are stored in a
generated column of each table (`search_sv`, see search_indexes/migrations/0002), GIN-indexed.
On SQLite: every word of the query must occur (case-insensitively) in the record; snippets are
cut and highlighted in Python.

The same filters on both: kind, board, party and year. A fixed number of queries per search,
whatever the number of hits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.db.models.expressions import Expression
from django.urls import NoReverseMatch
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from assignments.models import Assignment, Board, Responsibility
from motions.models import Case, Decision, DecisionPoint, Motion, OfficialProposal, Party

CONFIG = "swedish"
VECTOR_COLUMN = "search_sv"  # PostgreSQL only; created by search_indexes' migration 0002
MAX_QUERY_LENGTH = 200
RESULTS_PER_KIND = 50
# Above this many matches of one kind, the count stops ("more than 1 000") and only this many
# candidates are ranked (see _ranked_full_text): a very common word stays fast.
RANK_CANDIDATES = 300
SNIPPET_CHARS = 220
# Private-use characters mark highlights inside ts_headline's output, which is escaped before
# they become <mark> tags: the record's own text can never inject markup.
_START, _STOP = "\ue000", "\ue001"

KINDS = {
    "uppdrag": _("Uppdrag"),
    "arenden": _("Ärenden"),
    "yrkanden": _("Yrkanden"),
    "beslutspunkter": _("Beslutspunkter"),
}
# Kinds that have parties; an assignment has none, so a party filter leaves assignments out.
PARTY_KINDS = {"arenden", "yrkanden", "beslutspunkter"}


def uses_full_text() -> bool:
    return connection.vendor == "postgresql"


@dataclass
class SearchParams:
    q: str = ""
    kind: str = ""
    board: Board | None = None
    party: Party | None = None
    year: int | None = None

    @property
    def kinds(self) -> list[str]:
        kinds = [self.kind] if self.kind else list(KINDS)
        if self.party is not None:
            kinds = [kind for kind in kinds if kind in PARTY_KINDS]
        return kinds


@dataclass
class Hit:
    kind: str
    title: str
    reference: str
    url: str | None
    snippet: SafeString
    rank: float = 0.0
    parties: list[str] = field(default_factory=list)

    @property
    def kind_label(self):
        return KINDS[self.kind]


@dataclass
class Results:
    params: SearchParams
    hits: list[Hit]
    counts: dict[str, int]  # at most RANK_CANDIDATES; the kinds in `capped` have more
    capped: set[str] = field(default_factory=set)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def candidate_limit(self) -> int:
        return RANK_CANDIDATES

    @property
    def labelled_counts(self) -> list[tuple[str, int, bool]]:
        return [(KINDS[kind], count, kind in self.capped) for kind, count in self.counts.items()]


def _words(q: str) -> list[str]:
    return [word for word in re.split(r"\s+", q.strip()) if word]


def _highlight_headline(text: str) -> SafeString:
    """ts_headline output (with private-use markers) to safe HTML."""
    return mark_safe(escape(text).replace(_START, "<mark>").replace(_STOP, "</mark>"))  # noqa: S308 - escaped above


def python_snippet(text: str, words: list[str], length: int = SNIPPET_CHARS) -> SafeString:
    """A window of the text around the first match, escaped, with every match marked."""
    text = " ".join((text or "").split())
    if not text:
        return mark_safe("")  # noqa: S308 - empty
    lowered = text.lower()
    positions = [lowered.find(word.lower()) for word in words if word and lowered.find(word.lower()) >= 0]
    start = max(0, min(positions) - length // 3) if positions else 0
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    window = text[start : start + length]
    prefix = "… " if start else ""
    suffix = " …" if start + length < len(text) else ""
    if not words:
        return mark_safe(escape(prefix + window + suffix))  # noqa: S308 - escaped
    pattern = re.compile("|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)), re.IGNORECASE)
    parts, last = [], 0
    for match in pattern.finditer(window):
        parts.append(escape(window[last : match.start()]))
        parts.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    parts.append(escape(window[last:]))
    return mark_safe(escape(prefix) + "".join(parts) + escape(suffix))  # noqa: S308 - every part escaped


def _web(obj) -> str | None:
    try:
        return obj.get_absolute_url()
    except NoReverseMatch:
        return None


class StoredVector(Expression):
    """The `search_sv` column of the query's own table, under whatever alias the query gives it.

    Django's models do not know the column (it exists on PostgreSQL only), so neither F() nor a
    RawSQL naming the table would do: inside a subquery the table is aliased (U0) and a fixed
    name would silently correlate with the outer query.
    """

    output_field = SearchVectorField()

    def __init__(self, alias: str | None = None):
        super().__init__()
        self.alias = alias

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        return StoredVector(query.get_initial_alias())

    def relabeled_clone(self, change_map):
        return StoredVector(change_map.get(self.alias, self.alias))

    def as_sql(self, compiler, connection):
        return f"{compiler.quote_name_unless_alias(self.alias)}.{connection.ops.quote_name(VECTOR_COLUMN)}", []


class _Kind:
    """How one kind of record is searched, filtered and shown."""

    key: str
    fields: tuple[str, ...]
    snippet_field: str
    identifier_fields: tuple[str, ...] = ()

    def base(self) -> QuerySet:
        raise NotImplementedError

    def filter_board(self, queryset, board):
        raise NotImplementedError

    def filter_party(self, queryset, party):
        raise NotImplementedError

    def filter_year(self, queryset, year):
        raise NotImplementedError

    def hit(self, obj, snippet) -> Hit:
        raise NotImplementedError

    def filtered(self, params: SearchParams) -> QuerySet:
        queryset = self.base()
        if params.board is not None:
            queryset = self.filter_board(queryset, params.board)
        if params.party is not None:
            queryset = self.filter_party(queryset, params.party)
        if params.year is not None:
            queryset = self.filter_year(queryset, params.year)
        return queryset

    def identifier_match(self, q: str) -> Q:
        """An exact identifier (SLK-2022-00921, 0921/22): matched as stored, so the index serves it."""
        condition = Q(pk__in=[])
        for name in self.identifier_fields:
            condition |= Q(**{name: q.strip().upper()})
        return condition

    def vector(self) -> StoredVector:
        """The stored tsvector of `fields` (PostgreSQL only)."""
        return StoredVector()

    def matching(self, params: SearchParams) -> QuerySet:
        queryset = self.filtered(params)
        if uses_full_text():
            query = SearchQuery(params.q, config=CONFIG, search_type="websearch")
            return queryset.alias(search=self.vector()).filter(Q(search=query) | self.identifier_match(params.q))
        condition = Q()
        for word in _words(params.q):
            any_field = Q(pk__in=[])
            for name in self.fields + self.identifier_fields:
                any_field |= Q(**{f"{name}__icontains": word})
            condition &= any_field
        return queryset.filter(condition)

    def best(self, params: SearchParams, limit: int, count: int) -> list[tuple[float, int]]:
        """(rank, pk) of the best `limit` matches: by ts_rank on PostgreSQL, newest first on SQLite.

        Ranking reads each candidate's stored vector; a very common word can match tens of
        thousands of records, so above RANK_CANDIDATES matches only the first RANK_CANDIDATES the
        index yields are ranked (the page says so and asks for a more precise search).
        """
        if not uses_full_text():
            pks = self.matching(params).order_by("-pk").values_list("pk", flat=True)[:limit]
            return [(0.0, pk) for pk in pks]
        query = SearchQuery(params.q, config=CONFIG, search_type="websearch")
        queryset = self.matching(params)
        if count > RANK_CANDIDATES:
            first = self.matching(params).order_by().values("pk")[:RANK_CANDIDATES]
            queryset = self.filtered(params).alias(search=self.vector()).filter(pk__in=first)
        rows = (
            queryset.annotate(rank=SearchRank(F("search"), query))
            .order_by("-rank", "-pk")
            .values_list("rank", "pk")[:limit]
        )
        return [(float(rank), pk) for rank, pk in rows]

    def fetch(self, params: SearchParams, pks: list[int]) -> dict[int, Hit]:
        """The hits of the given records, with snippets (ts_headline only for these few)."""
        queryset = self.base().filter(pk__in=pks)
        if not uses_full_text():
            words = _words(params.q)
            return {
                pk: self.hit(obj, python_snippet(getattr(obj, self.snippet_field), words))
                for pk, obj in queryset.in_bulk().items()
            }
        headline = SearchHeadline(
            self.snippet_field,
            SearchQuery(params.q, config=CONFIG, search_type="websearch"),
            config=CONFIG,
            start_sel=_START,
            stop_sel=_STOP,
            max_words=35,
            min_words=15,
            max_fragments=2,
            fragment_delimiter=" … ",
        )
        return {
            pk: self.hit(obj, _highlight_headline(obj.headline))
            for pk, obj in queryset.annotate(headline=headline).in_bulk().items()
        }


class _Assignments(_Kind):
    key = "uppdrag"
    fields = ("text",)
    snippet_field = "text"
    identifier_fields = ("dnr",)

    def base(self):
        return Assignment.objects.select_related("origin_body")

    def filter_board(self, queryset, board):
        return queryset.filter(Exists(Responsibility.objects.filter(assignment=OuterRef("pk"), board=board)))

    def filter_party(self, queryset, party):
        return queryset.none()

    def filter_year(self, queryset, year):
        return queryset.filter(Q(origin_date__year=year) | Q(budget_year=year))

    def hit(self, obj, snippet):
        return Hit(self.key, obj.short_text, obj.dnr, _web(obj), snippet)


class _Cases(_Kind):
    key = "arenden"
    fields = ("title",)
    snippet_field = "title"
    identifier_fields = ("case_number", "dnr")

    def base(self):
        return Case.objects.all()

    def filter_board(self, queryset, board):
        return queryset.filter(
            Exists(Decision.objects.filter(case=OuterRef("pk"), meeting__body=board))
            | Exists(Motion.objects.filter(case=OuterRef("pk"), body=board))
            | Exists(OfficialProposal.objects.filter(case=OuterRef("pk"), author_body=board))
        )

    def filter_party(self, queryset, party):
        return queryset.filter(Exists(Motion.objects.filter(case=OuterRef("pk"), parties=party)))

    def filter_year(self, queryset, year):
        return queryset.filter(
            Exists(Decision.objects.filter(case=OuterRef("pk"), meeting__date__year=year))
            | Exists(Motion.objects.filter(case=OuterRef("pk"), date__year=year))
            | Exists(OfficialProposal.objects.filter(case=OuterRef("pk"), issued__year=year))
        )

    def hit(self, obj, snippet):
        return Hit(self.key, obj.title, obj.reference, _web(obj), snippet)


class _Motions(_Kind):
    key = "yrkanden"
    fields = ("title", "justification")
    snippet_field = "justification"

    def base(self):
        return Motion.objects.select_related("case").prefetch_related("parties")

    def filter_board(self, queryset, board):
        return queryset.filter(body=board)

    def filter_party(self, queryset, party):
        return queryset.filter(Exists(Motion.parties.through.objects.filter(motion=OuterRef("pk"), party=party)))

    def filter_year(self, queryset, year):
        return queryset.filter(date__year=year)

    def hit(self, obj, snippet):
        parties = [party.abbreviation for party in obj.parties.all()]
        title = obj.title or str(obj)
        if not str(snippet):
            snippet = python_snippet(obj.title, [])
        url = f"{_web(obj.case)}#yrkande-{obj.pk}" if _web(obj.case) else None
        return Hit(self.key, title, obj.case.reference, url, snippet, parties=parties)


class _Points(_Kind):
    key = "beslutspunkter"
    fields = ("text",)
    snippet_field = "text"

    def base(self):
        return DecisionPoint.objects.select_related(
            "proposal__case", "motion__case", "decision__case", "decision__meeting__body"
        ).prefetch_related("motion__parties")

    def filter_board(self, queryset, board):
        through = DecisionPoint.responsible_boards.through
        return queryset.filter(Exists(through.objects.filter(decisionpoint=OuterRef("pk"), board=board)))

    def filter_party(self, queryset, party):
        through = Motion.parties.through
        return queryset.filter(Exists(through.objects.filter(motion=OuterRef("motion_id"), party=party)))

    def filter_year(self, queryset, year):
        return queryset.filter(
            Q(proposal__issued__year=year) | Q(motion__date__year=year) | Q(decision__meeting__date__year=year)
        )

    def hit(self, obj, snippet):
        owner = obj.proposal or obj.motion or obj.decision
        case = owner.case
        if obj.proposal_id:
            where = _("tjänsteutlåtandet")
        elif obj.motion_id:
            where = str(obj.motion)
        else:
            where = str(obj.decision)
        parties = [party.abbreviation for party in obj.motion.parties.all()] if obj.motion_id else []
        title = f"{_('Punkt')} {obj.number} – {where}"
        return Hit(self.key, title, case.reference, _web(case), snippet, parties=parties)


SEARCHERS = {searcher.key: searcher for searcher in (_Assignments(), _Cases(), _Motions(), _Points())}


def search(params: SearchParams, limit: int = RESULTS_PER_KIND) -> Results:
    """The best `limit` hits over the chosen kinds: by rank on PostgreSQL; on SQLite the newest
    of each kind in turn. At most three queries per kind, whatever the number of hits."""
    counts: dict[str, int] = {}
    capped: set[str] = set()
    best: dict[str, list[tuple[float, int]]] = {}
    for kind in params.kinds:
        searcher = SEARCHERS[kind]
        count = searcher.matching(params).order_by().values("pk")[: RANK_CANDIDATES + 1].count()
        if count > RANK_CANDIDATES:
            capped.add(kind)
        counts[kind] = min(count, RANK_CANDIDATES)
        best[kind] = searcher.best(params, limit, count) if count else []
    if uses_full_text():
        chosen = sorted(
            ((rank, kind, pk) for kind, rows in best.items() for rank, pk in rows), key=lambda row: row[0], reverse=True
        )[:limit]
    else:
        # Take turns between the kinds so that every kind with hits is represented.
        chosen = []
        for index in range(limit):
            chosen += [(rows[index][0], kind, rows[index][1]) for kind, rows in best.items() if index < len(rows)]
        chosen = chosen[:limit]
    hits = []
    fetched = {
        kind: SEARCHERS[kind].fetch(params, [pk for _rank, k, pk in chosen if k == kind])
        for kind in best
        if any(k == kind for _rank, k, _pk in chosen)
    }
    for rank, kind, pk in chosen:
        hit = fetched[kind][pk]
        hit.rank = rank
        hits.append(hit)
    return Results(params=params, hits=hits, counts=counts, capped=capped)
