"""Builders for cases of any size, and the seed documents cut into the blocks the importers read."""

import datetime
from pathlib import Path

import pytest

from tests.seeds import SEEDS  # noqa: E402

SEED_000 = SEEDS / "000_3688914d5e730533.txt"
SEED_002 = SEEDS / "002_311ee6a2e4b188ff.txt"


def seed_lines(path: Path, first: int, last: int) -> str:
    """Lines first..last (1-based, inclusive) of a seed document, as the seed inventory cites them."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return "\n".join(lines[first - 1 : last])


@pytest.fixture
def build_case(db):
    """A case with a proposal of `points` points and `motions` motions that each change, drop and add points."""
    from assignments.models import Board
    from budget.models import CostEstimate
    from motions.models import Case, DecisionPoint, Motion, OfficialProposal, Party

    def build(*, motions: int, points: int = 15, number: int = 1):
        board = Board.objects.get_or_create(
            slug="kommunstyrelsen", defaults={"name": "Kommunstyrelsen", "short_name": "KS", "kind": "decision_body"}
        )[0]
        parties = [
            Party.objects.get_or_create(abbreviation=abbr, defaults={"name": name, "colour": colour})[0]
            for abbr, name, colour in [
                ("S", "Socialdemokraterna", "#E8112D"),
                ("M", "Moderaterna", "#52BDEC"),
                ("V", "Vänsterpartiet", "#DA291C"),
            ]
        ]
        case = Case.objects.create(case_number=f"SLK-2030-{number:05d}", title=f"Testärende {number}")
        proposal = OfficialProposal.objects.create(case=case, title="TU", issued=datetime.date(2030, 1, 1))
        topics = [
            "parker", "skolor", "bibliotek", "badhus", "cykelbanor", "äldreomsorg", "hemtjänst", "brandskydd",
            "belysning", "lekplatser", "fritidsgårdar", "kollektivtrafik", "avfall", "vatten", "bostäder",
        ]  # fmt: skip
        for index in range(points):
            topic = topics[index % len(topics)]
            point = DecisionPoint.objects.create(
                proposal=proposal,
                number=index + 1,
                text=f"Nämnd {index + 1} får i uppdrag att utreda {topic} i stadsdel {index + 1} och återrapportera.",
            )
            CostEstimate.objects.create(
                decision_point=point, amount_kr=100_000 * (index + 1), recurrence="yearly", board=board,
                financing="extra_resources",
            )  # fmt: skip
        for m in range(motions):
            motion = Motion.objects.create(
                case=case, kind=Motion.Kind.YRKANDE, date=datetime.date(2030, 2, 1 + m), approves_rest=m % 2 == 1,
                sort_order=m,
            )  # fmt: skip
            motion.parties.set([parties[m % len(parties)]])
            for index in range(points):
                topic = topics[index % len(topics)]
                text = f"Nämnd {index + 1} får i uppdrag att utreda {topic} i stadsdel {index + 1} och återrapportera."
                if index % 3 == 1:
                    text = text.replace("utreda", f"genomföra förslag {m} om")
                if index % 5 == 4:
                    text = f"Yrkande {m} punkt {index}: helt nytt förslag om {topic} i hela staden."
                point = DecisionPoint.objects.create(motion=motion, number=index + 1, text=text)
                CostEstimate.objects.create(
                    decision_point=point, amount_kr=10_000, recurrence="one_off", board=board,
                    financing="extra_resources",
                )  # fmt: skip
        return case

    return build
