"""Synthetic KS meetings and cases: an official proposal, motions, decision points and a decision each."""

import datetime

from motions.models import Case, Decision, DecisionPoint, Meeting, Motion, OfficialProposal

from .marks import CASE_SERIES, CASES_PER_FACTOR, MARK, MOTIONS_PER_CASE, POINTS_PER_MOTION, POINTS_PER_PROPOSAL, YEARS
from .words import CASE_TOPICS, OBJECTS, sentence


def _meetings(writer, ks, needed):
    """KS meetings every other Wednesday, skipping dates the real data already uses."""
    taken = set(Meeting.objects.filter(body=ks).values_list("date", flat=True))
    day = datetime.date(YEARS[0], 1, 6)
    meetings = []
    while len(meetings) < needed:
        if day not in taken:
            meetings.append(Meeting(body=ks, date=day))
        day += datetime.timedelta(days=14)
    return writer.create(Meeting, meetings)


def create_cases(writer, rng, factor, boards, ks, slk, parties, assignments):
    count = max(1, round(CASES_PER_FACTOR * factor))
    meetings = _meetings(writer, ks, max(1, count // 8))
    cases, case_dates, plans = [], [], []
    for index in range(count):
        meeting = meetings[index * len(meetings) // count]
        topic = rng.choice(OBJECTS)
        cases.append(
            Case(
                case_number=f"{CASE_SERIES}-{meeting.date.year}-{index + 1:05d}",
                title=f"{MARK} {rng.choice(CASE_TOPICS)} {topic}",
            )
        )
        case_dates.append(meeting.date - datetime.timedelta(days=30))
        plans.append((meeting, topic))
    cases = writer.create(Case, cases, dates=case_dates)

    proposals = [
        OfficialProposal(
            case=case,
            title=f"{MARK} Tjänsteutlåtande: {topic}",
            author_body=slk,
            issued=meeting.date - datetime.timedelta(days=30),
            addressed_to="Kommunstyrelsen",
        )
        for case, (meeting, topic) in zip(cases, plans, strict=True)
    ]
    proposals = writer.create(OfficialProposal, proposals, dates=[p.issued for p in proposals])

    kinds = [
        Motion.Kind.YRKANDE,
        Motion.Kind.TILLAGGSYRKANDE,
        Motion.Kind.ANDRINGSYRKANDE,
        Motion.Kind.ATERREMISSYRKANDE,
    ]
    motions, motion_dates, motion_parties = [], [], []
    for case, (meeting, topic) in zip(cases, plans, strict=True):
        for position in range(MOTIONS_PER_CASE):
            motions.append(
                Motion(
                    case=case,
                    kind=rng.choices(kinds, [60, 20, 15, 5])[0],
                    title=f"{MARK} Yrkande angående {topic}",
                    date=meeting.date - datetime.timedelta(days=1),
                    body=ks,
                    meeting=meeting,
                    approves_rest=rng.random() < 0.3,
                    justification=f"{MARK} Vi vill {sentence(rng)} och därför {sentence(rng)}.",
                    sort_order=position + 1,
                )
            )
            motion_dates.append(meeting.date - datetime.timedelta(days=1))
            motion_parties.append(rng.sample(parties, rng.choices([1, 2, 3], [50, 30, 20])[0]))
    motions = writer.create(Motion, motions, dates=motion_dates)
    writer.through(
        Motion.parties,
        [(motion.pk, party.pk) for motion, chosen in zip(motions, motion_parties, strict=True) for party in chosen],
    )

    points, point_dates, point_boards = [], [], []
    assignment_iter = iter(assignments)
    for proposal in proposals:
        for number in range(1, POINTS_PER_PROPOSAL + 1):
            board = rng.choice(boards)
            points.append(
                DecisionPoint(
                    proposal=proposal,
                    number=number,
                    text=f"{MARK} {board.name.removeprefix(MARK + ' ')} får i uppdrag att {sentence(rng)}.",
                    assignment=next(assignment_iter, None) if number == 1 else None,
                )
            )
            point_dates.append(proposal.issued)
            point_boards.append(board)
    proposal_point_count = len(points)
    for motion in motions:
        for number in range(1, POINTS_PER_MOTION + 1):
            points.append(
                DecisionPoint(
                    motion=motion,
                    number=number,
                    text=f"{MARK} Att {sentence(rng)}.",
                )
            )
            point_dates.append(motion.date)
    points = writer.create(DecisionPoint, points, dates=point_dates)
    writer.through(
        DecisionPoint.responsible_boards,
        [(point.pk, board.pk) for point, board in zip(points[:proposal_point_count], point_boards, strict=True)],
    )

    outcomes = [Decision.Outcome.ADOPTED, Decision.Outcome.REFERRED_BACK, Decision.Outcome.TABLED]
    decisions = []
    paragraph = {}
    for case, (meeting, _topic) in zip(cases, plans, strict=True):
        paragraph[meeting.pk] = paragraph.get(meeting.pk, 0) + 1
        decisions.append(
            Decision(
                meeting=meeting,
                paragraph=paragraph[meeting.pk],
                case=case,
                outcome=rng.choices(outcomes, [80, 10, 10])[0],
                text=f"{MARK} Kommunstyrelsen beslutar i enlighet med förslaget.",
            )
        )
    decisions = writer.create(Decision, decisions, dates=[d.meeting.date for d in decisions])
    adopted_motions, adopted_points = [], []
    for index, decision in enumerate(decisions):
        if decision.outcome != Decision.Outcome.ADOPTED:
            continue
        adopted_motions.append((decision.pk, motions[index * MOTIONS_PER_CASE].pk))
        for point in points[index * POINTS_PER_PROPOSAL : (index + 1) * POINTS_PER_PROPOSAL]:
            adopted_points.append((decision.pk, point.pk))
    writer.through(Decision.adopted_motions, adopted_motions)
    writer.through(Decision.adopted_points, adopted_points)
    return points[:proposal_point_count], point_boards
