"""The report as plain objects: what reports/composition.py and financial.py build and the templates only show."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils.safestring import mark_safe
from django.utils.text import slugify

from assignments.models import Assignment, Board, ReportingPeriod, StatusReport


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
    # Some figure is computed rather than printed (an avvikelse left empty): the table says so.
    has_computed: bool = False

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
        return self.filename_for(self.title)

    @staticmethod
    def filename_for(title: str) -> str:
        return f"{slugify(title)}.pdf"

    def section(self, number: str) -> Section | None:
        return next((s for s in self.toc if s.number == number), None)


@dataclass(frozen=True)
class ReportHeading:
    """What the preview page shows of a report around its cached check and body (the title, and the
    board and period its links point to), without composing it."""

    board: Board
    period: ReportingPeriod
    title: str


def anchor(prefix: str, number: str) -> str:
    return f"{prefix}-{number.replace('.', '-')}" if number else prefix


def level(number: str) -> int:
    return number.count(".") + 1
