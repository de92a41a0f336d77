"""City-sized synthetic data on top of the real fixtures, for the benchmark and for load tests.

At factor 1: about 2,000 assignments, 10,000 status reports, 500 cases with 2,500 motions and
25,000 decision points, cost estimates, financing classes and a financial statement for every
board and period, and a history row for every created object. Everything is generated from one
random.Random(seed), so the same factor and seed give the same data.

Everything synthetic is marked so it cannot be taken for, or collide with, real records:
- texts and titles begin with "[Syntetisk]";
- boards are named "[Syntetisk] …" and have slugs beginning with "syntetisk-";
- case numbers use the series SYNT-ÅÅÅÅ-NNNNN, which the city does not use;
- assignment diarienummer use the years 90–99 (NNNN/90 … NNNN/99), long before the product's
  and the real documents' years.

The package, in the order seed_scale() uses it: marks.py (the markers and the proportions),
words.py (names and phrases), writer.py (fast inserts with their history rows), then one module
per app whose data it makes: assignments.py (boards, periods, assignments, status reports),
motions.py (meetings, cases, motions, decision points, decisions), budget.py (financing, cost
estimates, financial statements). `from benchmarks import scale; scale.seed_scale(...)` is the
way in; the markers are exported here too.
"""

import random
from collections.abc import Callable

from django.apps import apps
from django.db import connection, transaction

from assignments.models import Board
from goteborg_uppdrag import seed_loader
from motions.models import Party

from .assignments import create_assignments, create_boards, create_periods
from .budget import create_budget
from .marks import (
    ASSIGNMENTS_PER_FACTOR,
    BOARD_SLUG_PREFIX,
    CASE_SERIES,
    CASES_PER_FACTOR,
    DNR_FIRST_YEAR,
    HISTORY_REASON,
    MARK,
    MOTIONS_PER_CASE,
    POINTS_PER_MOTION,
    POINTS_PER_PROPOSAL,
    SYNTHETIC_BOARDS,
    YEARS,
)
from .motions import create_cases
from .writer import Writer, bulk_load

__all__ = [
    "ASSIGNMENTS_PER_FACTOR",
    "BOARD_SLUG_PREFIX",
    "CASE_SERIES",
    "CASES_PER_FACTOR",
    "DNR_FIRST_YEAR",
    "HISTORY_REASON",
    "MARK",
    "MOTIONS_PER_CASE",
    "POINTS_PER_MOTION",
    "POINTS_PER_PROPOSAL",
    "SYNTHETIC_BOARDS",
    "YEARS",
    "AlreadySeeded",
    "is_seeded",
    "seed_scale",
]


class AlreadySeeded(Exception):
    """The database already holds synthetic data; seed a fresh database instead."""


def is_seeded() -> bool:
    return Board.objects.filter(slug__startswith=BOARD_SLUG_PREFIX).exists()


SEEDED_APPS = ("assignments", "motions", "budget")


def _written_tables() -> list[str]:
    """Every table of the apps the seeder writes (history and many-to-many tables included)."""
    return [
        model._meta.db_table
        for label in SEEDED_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]


def seed_scale(
    factor: float,
    *,
    seed: int = 2023,
    batch_size: int = 2000,
    log: Callable[[str], None] | None = None,
) -> dict[str, int]:
    """Generate the synthetic data set; returns the number of rows created per model."""
    if factor <= 0:
        raise ValueError("factor must be positive")
    log = log or (lambda message: None)
    if not seed_loader.is_loaded():
        log("Läser in de verkliga uppgifterna först.")
        seed_loader.load_all()
    if is_seeded():
        raise AlreadySeeded
    rng = random.Random(seed)
    writer = Writer(batch_size, log)
    with transaction.atomic(), bulk_load(_written_tables()):
        kf = Board.objects.get(slug="kommunfullmaktige")
        ks = Board.objects.get(slug="kommunstyrelsen")
        slk = Board.objects.filter(slug="stadsledningskontoret").first() or ks
        synthetic = create_boards(writer, rng)
        real = list(
            Board.objects.filter(kind__in=[Board.Kind.COMMITTEE, Board.Kind.COMPANY])
            .exclude(slug__startswith=BOARD_SLUG_PREFIX)
            .order_by("slug")
        )
        boards = real + [ks] + synthetic
        periods = create_periods(writer)
        parties = list(Party.objects.order_by("sort_order", "abbreviation"))
        assignments = create_assignments(writer, rng, factor, boards, periods, kf, ks)
        proposal_points, point_boards = create_cases(writer, rng, factor, boards, ks, slk, parties, assignments)
        # Every board has a statement for every period; below factor 0.1 (tests) only for the latest ones.
        statement_periods = periods[-max(1, round(len(periods) * min(1.0, factor * 10))) :]
        create_budget(writer, rng, boards, statement_periods, proposal_points, point_boards, assignments)
        writer.finish()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return writer.counts
