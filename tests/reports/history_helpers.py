"""Shared by the history import tests: the seed's section 4.1, boards only, and a save of a parse."""

import json
from pathlib import Path

from django.conf import settings

from assignments import roles
from assignments.history_import import report_history_import
from assignments.loading import load_boards
from reports.importers import history_row, parse_report_history
from tests.motions.conftest import SEED_002, seed_lines

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
# Section 4.1 Grunduppdrag of the delårsrapport augusti 2023 (Bilaga 1 of 002), up to 4.2.
SECTION_41 = (1501, 1995)


def section_41() -> str:
    return seed_lines(SEED_002, *SECTION_41)


def fixture(name: str):
    return json.loads((FIXTURES / name).read_text("utf-8"))


def load_boards_only():
    return load_boards(fixture("boards.json"))


def import_text(text: str, user=roles.SYSTEM):
    parsed = parse_report_history(text)
    return parsed, report_history_import(
        year=parsed.year, kind=parsed.kind, board=parsed.body, rows=[history_row(i) for i in parsed.items],
        user=user, document=parsed.title,
    )  # fmt: skip
