"""How each kind of record (assignments, cases, motions, decision points) is matched, filtered,
ranked and turned into hits: one `_Kind` subclass per kind, all of them in SEARCHERS by key.

Full-text on PostgreSQL reads the stored `search_sv` column (search_indexes migration 0002);
SQLite matches every word with icontains.
"""

from __future__ import annotations

from dataclasses import replace

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.db.models.expressions import Expression
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from assignments.models import Assignment, Responsibility
from motions.models import Case, Decision, DecisionPoint, Motion, OfficialProposal
from motions.naming import names_by_id

from .results import Hit, SearchParams
from .snippets import headline_marks, highlight_headline, python_snippet, query_words

CONFIG = "swedish"
VECTOR_COLUMN = "search_sv"  # PostgreSQL only; created by search_indexes' migration 0002


def uses_full_text() -> bool:
    return connection.vendor == "postgresql"


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
        for word in query_words(params.q):
            any_field = Q(pk__in=[])
            for name in self.fields + self.identifier_fields:
                any_field |= Q(**{f"{name}__icontains": word})
            condition &= any_field
        return queryset.filter(condition)

    def count_and_best(self, params: SearchParams, limit: int, candidates: int) -> tuple[int, list[tuple[float, int]]]:
        """The number of matches, counted up to `candidates` + 1 (more is not told apart), and the
        (rank, pk) of the best `limit` of them.

        On SQLite the best are the newest, so one query of the matching ids, newest first, as
        many as either needs, gives both (it scans the table once, not twice).
        """
        if not uses_full_text():
            ids = self.matching(params).order_by("-pk").values_list("pk", flat=True)[: max(limit, candidates + 1)]
            ids = list(ids)
            return min(len(ids), candidates + 1), [(0.0, pk) for pk in ids[:limit]]
        count = self.matching(params).order_by().values("pk")[: candidates + 1].count()
        return count, self.best(params, limit, count, candidates) if count else []

    def best(self, params: SearchParams, limit: int, count: int, candidates: int) -> list[tuple[float, int]]:
        """(rank, pk) of the best `limit` of `count` matches by ts_rank (PostgreSQL).

        Ranking reads each candidate's stored vector; a very common word can match tens of
        thousands of records, so above `candidates` matches only the first `candidates` the
        index yields are ranked (the page says so and asks for a more precise search).
        """
        query = SearchQuery(params.q, config=CONFIG, search_type="websearch")
        queryset = self.matching(params)
        if count > candidates:
            first = self.matching(params).order_by().values("pk")[:candidates]
            queryset = self.filtered(params).alias(search=self.vector()).filter(pk__in=first)
        rows = (
            queryset.annotate(rank=SearchRank(F("search"), query))
            .order_by("-rank", "-pk")
            .values_list("rank", "pk")[:limit]
        )
        return [(float(rank), pk) for rank, pk in rows]

    def fetch(self, params: SearchParams, pks: list[int]) -> dict[int, Hit]:
        """The hits of the given records, with snippets (ts_headline only for these few)."""
        return {
            pk: self.hit(obj, snippet)
            for pk, (obj, snippet) in self.with_snippets(params, self.base().filter(pk__in=pks)).items()
        }

    def with_snippets(self, params: SearchParams, queryset: QuerySet) -> dict[int, tuple[object, SafeString]]:
        """The records of `queryset` by pk, each with its snippet."""
        if not uses_full_text():
            words = query_words(params.q)
            return {
                pk: (obj, python_snippet(getattr(obj, self.snippet_field), words))
                for pk, obj in queryset.in_bulk().items()
            }
        marks = headline_marks()
        headline = SearchHeadline(
            self.snippet_field,
            SearchQuery(params.q, config=CONFIG, search_type="websearch"),
            config=CONFIG,
            start_sel=marks[0],
            stop_sel=marks[1],
            max_words=35,
            min_words=15,
            max_fragments=2,
            fragment_delimiter=" … ",
        )
        return {
            pk: (obj, highlight_headline(obj.headline, marks))
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
        return Hit(self.key, obj.short_text, obj.dnr, obj.get_absolute_url(), snippet)


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
        return Hit(self.key, obj.title, obj.reference, obj.get_absolute_url(), snippet)


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

    def hit(self, obj, snippet, parties_of=None):
        """`parties_of`: the same motion with its parties prefetched, when `obj` has not got them."""
        parties = [party.abbreviation for party in (parties_of or obj).ordered_parties]
        title = obj.title or str(obj)
        if not str(snippet):
            snippet = python_snippet(obj.title, [])
        url = f"{obj.case.get_absolute_url()}#yrkande-{obj.pk}"
        return Hit(self.key, title, obj.case.reference, url, snippet, parties=parties)

    def fetch(self, params: SearchParams, pks: list[int]) -> dict[int, Hit]:
        """The hits named as on the case page (motions.naming): three "Yrkande angående …" are told apart.

        The naming reads the motions of the hits' cases with their parties, the hits among them,
        so the hits themselves are read without parties: three queries, not four.
        """
        names, motions = names_by_id(pks)
        rows = self.with_snippets(params, Motion.objects.select_related("case").filter(pk__in=pks))
        named = {}
        for pk, (obj, snippet) in rows.items():
            # A motion missing from the naming's read (deleted in between) reads its own parties.
            hit = self.hit(obj, snippet, parties_of=motions.get(pk))
            label = names[pk].label if pk in names else hit.title
            title = motions[pk].title if pk in motions else ""
            named[pk] = replace(hit, title=f"{label}: {title}" if title else label)
        return named


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
        parties = [party.abbreviation for party in obj.motion.ordered_parties] if obj.motion_id else []
        title = f"{_('Punkt')} {obj.printed_label} – {where}"
        return Hit(self.key, title, case.reference, case.get_absolute_url(), snippet, parties=parties)


SEARCHERS = {searcher.key: searcher for searcher in (_Assignments(), _Cases(), _Motions(), _Points())}
