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
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from assignments.models import Assignment, Board, ReportingPeriod, StatusReport
from budget.models import CentralItem, FinancialStatement, StatementLine
from core.formatting import UNITS, format_kronor
from motions.models import Case, OfficialProposal

# The city's fixed numbering of the parts of the report this product generates.
SOURCE_SECTIONS = [
    (Assignment.Source.KF_BUDGET, "4.1.2", _lazy("Uppdrag från kommunfullmäktiges budget")),
    (Assignment.Source.KF_OUTSIDE_BUDGET, "4.1.3", _lazy("Uppdrag från kommunfullmäktige utanför budget")),
    (Assignment.Source.KS, "4.1.4", _lazy("Uppdrag från kommunstyrelsen")),
]
CENTRAL_ITEMS_NUMBER = "3.2.4"
CENTRAL_ITEMS_UNIT = "tkr"

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


def css_string(text: str) -> str:
    """A CSS string literal that cannot end early: every character but letters and digits escaped."""
    return '"' + "".join(ch if ch.isascii() and ch.isalnum() else f"\\{ord(ch):06x}" for ch in text) + '"'


@dataclass
class ReportItem:
    number: int
    assignment: Assignment
    status_report: StatusReport

    @property
    def reference(self) -> str:
        """The reference the city prints after the text: "dnr 1407/22 - KF 2022-12-08, punkt 1"."""
        text = f"dnr {self.assignment.dnr}"
        if self.assignment.source != Assignment.Source.KF_BUDGET and self.assignment.origin_date:
            text += f" - {self.assignment.origin_reference}"
        return text

    @property
    def text(self) -> str:
        return " ".join(self.assignment.text.split()).rstrip(" .,")


@dataclass
class ReportDecisionPoint:
    number: int
    text: str
    dnr: str = ""
    section: str = ""


@dataclass
class TableRow:
    label: str
    kind: str
    cells: list[str]


@dataclass
class TableGroup:
    name: str
    rows: list[TableRow]


@dataclass
class AmountTable:
    caption: str
    unit: str
    columns: list[str]
    groups: list[TableGroup]
    slug: str

    @property
    def span(self) -> int:
        return len(self.columns) + 1


@dataclass
class Section:
    number: str
    title: str
    level: int
    anchor: str
    paragraphs: list[str] = field(default_factory=list)
    items: list[ReportItem] = field(default_factory=list)
    tables: list[AmountTable] = field(default_factory=list)
    decision_points: list[ReportDecisionPoint] = field(default_factory=list)
    decision_intro: str = ""
    children: list[Section] = field(default_factory=list)
    completed_list: bool = False

    @property
    def heading_level(self) -> int:
        """h2 for the top sections (the cover title is the h1), at most h6."""
        return min(self.level + 1, 6)

    @property
    def item_count(self) -> int:
        return len(self.items) + sum(child.item_count for child in self.children)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Report:
    board: Board
    period: ReportingPeriod
    title: str
    footer_title: str
    date: datetime.date
    case_reference: str
    sections: list[Section]
    decision_points: list[ReportDecisionPoint]
    missing_assignments: list[Assignment]
    statement_missing: bool
    status_report_count: int
    administration_name: str

    @property
    def toc(self) -> list[Section]:
        return [section for top in self.sections for section in top.walk()]

    @property
    def footer_css(self) -> str:
        # Safe to embed in <style>: css_string escapes every character but ASCII letters and digits.
        return mark_safe(css_string(self.footer_title + " "))  # noqa: S308

    @property
    def is_complete(self) -> bool:
        return not self.missing_assignments and not self.statement_missing

    @property
    def filename(self) -> str:
        return f"{slugify(self.title)}.pdf"

    def section(self, number: str) -> Section | None:
        return next((s for s in self.toc if s.number == number), None)


def _anchor(prefix: str, number: str) -> str:
    return f"{prefix}-{number.replace('.', '-')}" if number else prefix


def _level(number: str) -> int:
    return number.count(".") + 1


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


def _decimals(values, unit: str) -> int:
    """The city's decimals for a unit; one more where the data is finer (the insatsområden rows: −0,42)."""
    base = {"mnkr": 1, "tkr": 0, "kr": 0}[unit]
    step = UNITS[unit] // (10**base)
    return base + 1 if unit == "mnkr" and any(v is not None and v % step for v in values) else base


def _amount_cells(values, unit: str, decimals: int) -> list[str]:
    return [format_kronor(value, unit, decimals=decimals, suffix=False) for value in values]


def _statement_tables(statement: FinancialStatement) -> list[AmountTable]:
    lines = list(statement.lines.all())
    period_columns = [_("Utfall"), _("Budget"), _("Avvikelse"), _("Utfall fg år")]
    year_columns = [_("Prognos"), _("Fg prognos"), _("Budget"), _("Bokslut fg år")]
    tables = []
    for suffix, columns, getter in (
        (_("perioden"), period_columns, lambda ln: [ln.utfall, ln.budget, ln.avvikelse, ln.utfall_fg_ar]),
        (_("helår"), year_columns, lambda ln: [ln.prognos, ln.fg_prognos, ln.budget_helar, ln.bokslut_fg_ar]),
    ):
        groups: list[TableGroup] = []
        grouped: list[list[StatementLine]] = []
        for line in lines:
            if not grouped or grouped[-1][0].group != line.group:
                grouped.append([])
            grouped[-1].append(line)
        for group_lines in grouped:
            # One precision per group, so the figures of a block line up.
            decimals = _decimals([v for ln in group_lines for v in getter(ln)], statement.unit)
            rows = [
                TableRow(ln.label, ln.kind, _amount_cells(getter(ln), statement.unit, decimals)) for ln in group_lines
            ]
            groups.append(TableGroup(name=group_lines[0].group, rows=rows))
        tables.append(
            AmountTable(
                caption=f"{statement.title}, {suffix}",
                unit=statement.unit,
                columns=columns,
                groups=groups,
                slug=f"{slugify(statement.section or 'tabell')}-{slugify(suffix)}",
            )
        )
    return tables


def _central_items_table(items: list[CentralItem]) -> AmountTable:
    return AmountTable(
        caption=_("Kommuncentrala poster"),
        unit=CENTRAL_ITEMS_UNIT,
        columns=[_("Utfall perioden"), _("Prognos helår"), _("Budgeterat belopp helår")],
        groups=[
            TableGroup(
                name="",
                rows=[
                    TableRow(item.label, "", _amount_cells([item.utfall, item.prognos, item.budget], "tkr", 0))
                    for item in items
                ],
            )
        ],
        slug="kommuncentrala-poster",
    )


def _assignment_sections(board, reports: list[StatusReport], administration: str) -> list[Section]:
    board_text = _board_in_text(board)
    sections = []
    for source, number, source_title in SOURCE_SECTIONS:
        of_source = [r for r in reports if r.assignment.source == source]
        if not of_source:
            continue
        completed = [r for r in of_source if r.proposes == StatusReport.Proposal.COMPLETE]
        partial = [r for r in of_source if r.proposes != StatusReport.Proposal.COMPLETE]
        parent = Section(
            number=number, title=str(source_title), level=_level(number), anchor=_anchor("avsnitt", number)
        )
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
                    level=_level(list_number),
                    anchor=_anchor("avsnitt", list_number),
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


def _financial_sections(statements, central_items) -> tuple[Section | None, Section | None]:
    """3 Övrig uppföljning (3.2 Ekonomisk uppföljning) and 4.3 Ekonomisk uppföljning, when data exist."""
    follow_up = Section("3.2", _("Ekonomisk uppföljning"), 2, _anchor("avsnitt", "3.2"))
    board_follow_up = Section("4.3", _("Ekonomisk uppföljning"), 2, _anchor("avsnitt", "4.3"))
    for statement in statements:
        target = board_follow_up if statement.section.startswith("4") else follow_up
        parts = statement.section.split(".") if statement.section else []
        if len(parts) >= 3:
            target.children.append(
                Section(
                    statement.section,
                    statement.title,
                    _level(statement.section),
                    _anchor("avsnitt", statement.section),
                    tables=_statement_tables(statement),
                )
            )
        else:
            target.tables.extend(_statement_tables(statement))
    if central_items:
        follow_up.children.append(
            Section(
                CENTRAL_ITEMS_NUMBER,
                _("Uppföljning av kommuncentrala poster som hanteras genom beslut av andra nämnder"),
                _level(CENTRAL_ITEMS_NUMBER),
                _anchor("avsnitt", CENTRAL_ITEMS_NUMBER),
                tables=[_central_items_table(central_items)],
            )
        )
    has = lambda s: bool(s.tables or s.children)  # noqa: E731
    return (follow_up if has(follow_up) else None, board_follow_up if has(board_follow_up) else None)


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
    statements = list(
        FinancialStatement.objects.filter(board=board, period=period)
        .prefetch_related(Prefetch("lines", queryset=StatementLine.objects.order_by("position")))
        .order_by("section", "id")
    )
    central_items = list(CentralItem.objects.filter(board=board, period=period).order_by("position"))

    title = report_title(board, period)
    case = (
        Case.objects.filter(title__iexact=title)
        .prefetch_related(Prefetch("proposals", queryset=OfficialProposal.objects.order_by("issued")))
        .first()
    )
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
    follow_up, board_follow_up = _financial_sections(statements, central_items)
    if follow_up:
        sections.append(
            Section(
                "3",
                _("Övrig uppföljning till kommunledningen"),
                1,
                _anchor("avsnitt", "3"),
                children=[follow_up],
            )
        )
    governance_children = []
    if assignment_sections:
        governance_children.append(
            Section("4.1", _("Grunduppdrag"), 2, _anchor("avsnitt", "4.1"), children=assignment_sections)
        )
    if board_follow_up:
        governance_children.append(board_follow_up)
    if governance_children:
        sections.append(
            Section("4", _("Styrinformation till nämnden"), 1, _anchor("avsnitt", "4"), children=governance_children)
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
