"""The delårsrapport of a board for a reporting period, composed from the data of several apps.

compose_report() reads everything in a fixed number of queries and returns plain objects the
templates only display: the cover, the sections in the city's order and numbering (3.2.1
Resultatredovisning, 3.2.4 kommuncentrala poster, 4.1.2–4.1.4 the assignment follow-up, 4.3
Ekonomisk uppföljning), the decision proposal generated from the assignments proposed as
completed, and what is still missing before the report can be exported.

The report is the city's Swedish document; its wording follows Bilaga 1 of the TU for dnr 0064/23
(see the seed inventory, sections 8.2–8.4).
"""

from __future__ import annotations

import datetime
import re

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from assignments.models import Assignment, Board, ReportingPeriod, StatusReport
from budget.selectors import central_items_for, statements_for
from motions.models import Case, OfficialProposal

from .document import Report, ReportDecisionPoint, ReportItem, Section, anchor, level
from .financial import financial_sections

# The city's fixed numbering of the parts of the report this product generates.
SOURCE_SECTIONS = [
    (Assignment.Source.KF_BUDGET, "4.1.2", _lazy("Uppdrag från kommunfullmäktiges budget")),
    (Assignment.Source.KF_OUTSIDE_BUDGET, "4.1.3", _lazy("Uppdrag från kommunfullmäktige utanför budget")),
    (Assignment.Source.KS, "4.1.4", _lazy("Uppdrag från kommunstyrelsen")),
]

FOOTER_PERIOD = {
    ReportingPeriod.Kind.MARS: "Delårsrapport mars",
    ReportingPeriod.Kind.AUGUSTI: "Delårsrapport aug",
    ReportingPeriod.Kind.ARSRAPPORT: "Årsrapport",
}

# "Kommunstyrelsen får i uppdrag att …", "Alla nämnder och styrelser får i uppdrag att …",
# and the source's "Nämnder och styrelser i uppdrag att …" (without "får").
_SUBJECT = re.compile(r"^.*?\b(?:får\s+)?i\s+uppdrag\s+(?=att\b)", re.IGNORECASE | re.DOTALL)
# "…, uppdraget återrapporteras i respektive nämnd och styrelse": not part of what is approved.
_TRAILING_CLAUSE = re.compile(r",?\s*(?:och\s+)?uppdraget\s+återrapporteras\b.*$", re.IGNORECASE | re.DOTALL)


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def genitive(text: str) -> str:
    return text if text[-1:].lower() in {"s", "x", "z"} else text + "s"


def assignment_clause(text: str) -> str:
    """What an assignment asks, without its subject: "att ta fram en plan för …"."""
    cleaned = " ".join(text.split()).rstrip(" .,;")
    match = _SUBJECT.match(cleaned)
    if match:
        cleaned = cleaned[match.end() :]
    cleaned = _TRAILING_CLAUSE.sub("", cleaned).rstrip(" .,;")
    if not cleaned.lower().startswith("att "):
        cleaned = "att " + lower_first(cleaned)
    return cleaned


def _board_in_text(board: Board) -> str:
    """The board as it stands inside a sentence: "kommunstyrelsen", "grundskolenämnden"."""
    return board.name if board.kind == Board.Kind.COMPANY else lower_first(board.name)


def reporting_boards(board: Board) -> list[Board]:
    """The board and the administrations under it: both report the board's assignments."""
    return list(Board.objects.filter(Q(pk=board.pk) | Q(parent=board, kind=Board.Kind.ADMINISTRATION)))


def report_title(board: Board, period: ReportingPeriod) -> str:
    return _("%(period)s %(year)s för %(board)s") % {
        "period": period.get_kind_display(),
        "year": period.year,
        "board": _board_in_text(board),
    }


def _assignment_sections(board, reports: list[StatusReport], administration: str) -> list[Section]:
    board_text = _board_in_text(board)
    sections = []
    for source, number, source_title in SOURCE_SECTIONS:
        of_source = [r for r in reports if r.assignment.source == source]
        if not of_source:
            continue
        completed = [r for r in of_source if r.proposes == StatusReport.Proposal.COMPLETE]
        partial = [r for r in of_source if r.proposes != StatusReport.Proposal.COMPLETE]
        parent = Section(number=number, title=str(source_title), level=level(number), anchor=anchor("avsnitt", number))
        position = 0
        for chosen, is_complete in ((completed, True), (partial, False)):
            if not chosen:
                continue
            position += 1
            list_number = f"{number}.{position}"
            if is_complete:
                title = _(
                    "Uppdrag %(administration)s föreslår %(board)s som nämnd att för egen del förklara genomförda"
                )
                subject = _("Budgetuppdragen") if source == Assignment.Source.KF_BUDGET else _("Uppdragen")
                intro = _("%(subject)s i avsnitt %(section)s överlämnas till %(board)s som nämnd för godkännande.") % {
                    "subject": subject,
                    "section": list_number,
                    "board": board_text,
                }
                if source != Assignment.Source.KS:
                    intro += " " + _(
                        "Om %(board)s beslutar att förklara uppdragen genomförda redovisas de vidare till "
                        "kommunfullmäktige inom ramen för Göteborgs Stads uppföljningsstruktur."
                    ) % {"board": board_text}
            else:
                title = _("Uppdrag %(administration)s delrapporterar till %(board)s")
                intro = _(
                    "I avsnitt %(section)s gör %(administration)s delredovisning av uppdragens status/pågående "
                    "arbete till %(board)s som nämnd för kännedom. Uppdragen kommer att redovisas till "
                    "%(board)s för godkännande vid senare tillfälle."
                ) % {"section": list_number, "administration": administration, "board": board_text}
            parent.paragraphs.append(intro)
            parent.children.append(
                Section(
                    number=list_number,
                    title=title % {"administration": administration, "board": board_text},
                    level=level(list_number),
                    anchor=anchor("avsnitt", list_number),
                    items=[ReportItem(i, r.assignment, r) for i, r in enumerate(chosen, start=1)],
                    completed_list=is_complete,
                )
            )
        sections.append(parent)
    return sections


def _decision_points(board, title, administration, assignment_sections) -> list[ReportDecisionPoint]:
    points = [
        ReportDecisionPoint(
            1,
            _("%(title)s, i enlighet med bilaga 1 till %(administration)s tjänsteutlåtande godkänns.")
            % {"title": title, "administration": genitive(administration)},
        )
    ]
    for parent in assignment_sections:
        for child in parent.children:
            if not child.completed_list:
                continue
            for item in child.items:
                assignment = item.assignment
                origin = ""
                if assignment.source == Assignment.Source.KF_BUDGET:
                    origin = (
                        _("från budget %(year)s ") % {"year": assignment.budget_year}
                        if assignment.budget_year
                        else _("från budgeten ")
                    )
                text = _(
                    "%(board)s godkänner för egen del redovisningen av uppdraget %(origin)s%(clause)s, "
                    "enligt beskrivning i avsnitt %(section)s, diarienummer %(dnr)s."
                ) % {
                    "board": board.name,
                    "origin": origin,
                    "clause": assignment_clause(assignment.text),
                    "section": child.number,
                    "dnr": assignment.dnr,
                }
                points.append(ReportDecisionPoint(len(points) + 1, text, assignment.dnr, child.number))
    return points


def _report_case(board: Board, period: ReportingPeriod) -> Case | None:
    """The case in which the board's report of the period is decided, by its explicit link
    (Case.reports_on_board/reports_on_period), with its proposals oldest first (two queries)."""
    return (
        Case.objects.filter(reports_on_board=board, reports_on_period=period)
        .prefetch_related(Prefetch("proposals", queryset=OfficialProposal.objects.order_by("issued")))
        .first()
    )


# The report is the city's Swedish document whatever language the user browses in; a stored version
# must not depend on who exported it.
REPORT_LANGUAGE = "sv"


def compose_report(board: Board, period: ReportingPeriod, *, today: datetime.date | None = None) -> Report:
    """Everything the report shows, read in a fixed number of queries whatever the amount of data."""
    with translation.override(REPORT_LANGUAGE):
        return _compose_report(board, period, today=today)


def _compose_report(board: Board, period: ReportingPeriod, *, today: datetime.date | None) -> Report:
    boards = reporting_boards(board)
    board_ids = [b.pk for b in boards]
    administration = next((b for b in boards if b.pk != board.pk), None)
    administration_name = lower_first(administration.name) if administration else _("förvaltningen")

    by_assignment: dict[int, StatusReport] = {}
    for status_report in (
        StatusReport.objects.filter(period=period, board_id__in=board_ids)
        .select_related("assignment__origin_body")
        .order_by("assignment__sort_order", "assignment__dnr", "assignment_id")
    ):
        # Reported by both the board and its administration: the board's own report counts.
        if status_report.assignment_id not in by_assignment or status_report.board_id == board.pk:
            by_assignment[status_report.assignment_id] = status_report
    reports = list(by_assignment.values())

    missing = list(
        Assignment.objects.filter(responsibilities__board_id__in=board_ids)
        .exclude(status=Assignment.Status.COMPLETED)
        .filter(~Exists(StatusReport.objects.filter(assignment=OuterRef("pk"), period=period, board_id__in=board_ids)))
        .distinct()
        .order_by("sort_order", "dnr", "id")
    )
    statements = statements_for(board, period)
    central_items = central_items_for(board, period)

    title = report_title(board, period)
    case = _report_case(board, period)
    proposals = list(case.proposals.all()) if case else []
    date = proposals[0].issued if proposals else (period.report_deadline or today or timezone.localdate())

    assignment_sections = _assignment_sections(board, reports, administration_name)
    decision_points = _decision_points(board, title, administration_name, assignment_sections)

    sections = [
        Section(
            "",
            _("Förslag till beslut"),
            1,
            "forslag-till-beslut",
            decision_points=decision_points,
            decision_intro=_("I %(board)s:") % {"board": _board_in_text(board)},
        )
    ]
    follow_up, board_follow_up = financial_sections(statements, central_items)
    if follow_up:
        sections.append(
            Section(
                "3",
                _("Övrig uppföljning till kommunledningen"),
                1,
                anchor("avsnitt", "3"),
                children=[follow_up],
            )
        )
    governance_children = []
    if assignment_sections:
        governance_children.append(
            Section("4.1", _("Grunduppdrag"), 2, anchor("avsnitt", "4.1"), children=assignment_sections)
        )
    if board_follow_up:
        governance_children.append(board_follow_up)
    if governance_children:
        sections.append(
            Section("4", _("Styrinformation till nämnden"), 1, anchor("avsnitt", "4"), children=governance_children)
        )

    return Report(
        board=board,
        period=period,
        title=title,
        footer_title=f"{FOOTER_PERIOD[period.kind]} {period.year} – {board.name}",
        date=date,
        case_reference=case.reference if case else "",
        sections=sections,
        decision_points=decision_points,
        missing_assignments=missing,
        statement_missing=not statements,
        status_report_count=len(reports),
        administration_name=administration_name,
    )
