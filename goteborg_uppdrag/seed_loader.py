"""Load the real data of the seed documents from fixtures/ into an empty database."""

import json
from pathlib import Path

from django.conf import settings
from django.db import transaction

from assignments.loading import load_assignments, load_boards
from assignments.models import Assignment, Board
from budget.loading import load_budget
from motions.loading import load_cases, load_members, load_parties

FIXTURES = Path(settings.BASE_DIR) / "fixtures"


def _read(name):
    with open(FIXTURES / name, encoding="utf-8") as handle:
        return json.load(handle)


def is_loaded() -> bool:
    return Board.objects.exists() or Assignment.objects.exists()


@transaction.atomic
def load_all() -> dict:
    """Everything or nothing: a failure anywhere leaves the database as it was."""
    boards = load_boards(_read("boards.json"))
    parties = load_parties(_read("parties.json"))
    load_members(_read("members.json"), boards, parties)
    assignments = load_assignments(_read("assignments.json"), boards)
    cases = load_cases(_read("cases.json"), boards, parties)
    load_budget(_read("budget.json"), boards)
    return {"boards": boards, "parties": parties, "assignments": assignments, "cases": cases}
