import pytest


@pytest.fixture
def build_costs(db):
    """A case with a proposal of `points` points (each with estimates on `boards` boards) and `motions` motions."""
    import datetime

    from assignments.models import Board
    from budget.models import CostEstimate, PointFinancing
    from motions.models import Case, DecisionPoint, Motion, OfficialProposal

    def build(*, points: int, motions: int = 0, boards: int = 2, number: int = 1):
        board_objs = [
            Board.objects.get_or_create(
                slug=f"namnd-{b}", defaults={"name": f"Nämnd {b}", "short_name": f"N{b}", "kind": "committee"}
            )[0]
            for b in range(boards)
        ]
        case = Case.objects.create(case_number=f"SLK-2031-{number:05d}", title=f"Kostnadsärende {number}")
        proposal = OfficialProposal.objects.create(case=case, title="TU", issued=datetime.date(2031, 1, 1))
        for index in range(points):
            point = DecisionPoint.objects.create(
                proposal=proposal, number=index + 1, text=f"Punkt {index + 1} om ämne nummer {index * 7} i staden."
            )
            PointFinancing.objects.create(
                decision_point=point, financing="within_frame" if index % 2 else "extra_resources"
            )
            for board in board_objs:
                CostEstimate.objects.create(
                    decision_point=point,
                    amount_kr=100_000 * (index + 1),
                    recurrence="yearly" if index % 2 else "one_off",
                    first_year=2032,
                    last_year=2034,
                    board=board,
                    financing="extra_resources",
                )
        for m in range(motions):
            motion = Motion.objects.create(case=case, kind=Motion.Kind.YRKANDE, approves_rest=m % 2 == 1, sort_order=m)
            for index in range(max(points - 1, 1)):
                DecisionPoint.objects.create(
                    motion=motion, number=index + 1, text=f"Punkt {index + 1} om ämne nummer {index * 7} i staden."
                )
            DecisionPoint.objects.create(motion=motion, number=points + 1, text=f"Ny punkt från yrkande {m}.")
        return case, board_objs

    return build
