"""What the history parser reads out of a report: the document and its items, with the
uncertainties flagged field by field; resolve.py fills in the rows the names refer to."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from assignments.models import ReportingPeriod


@dataclass
class ParsedHistoryItem:
    section: str  # the heading's number ("4.1.2.1") or, unnumbered, its words
    position: int  # the item's number in its section
    line: int
    page: int
    dnr: str = ""
    text: str = ""
    source: str = ""
    budget_year: int | None = None
    origin_body_name: str = ""
    origin_date: datetime.date | None = None
    origin_paragraph: str = ""
    origin_point: str = ""
    responsible_text: str = ""
    all_boards: bool = False
    deadline: datetime.date | None = None
    deadline_note: str = ""
    status: str = ""
    status_expressed: str = ""
    report_text: str = ""
    flags: list[str] = field(default_factory=list)
    field_flags: dict[str, list[str]] = field(default_factory=dict)
    # Filled in by resolve.py.
    origin_body: object = None
    responsible: list = field(default_factory=list)
    existing: object = None
    action: str = ""
    notes: list[str] = field(default_factory=list)

    def flag(self, name: str, message: str) -> None:
        """An uncertainty shown next to the field `name` and in the list of all (each once)."""
        if message not in self.field_flags.get(name, []):
            self.field_flags.setdefault(name, []).append(message)
        if message not in self.flags:
            self.flags.append(message)

    def flags_text(self) -> str:
        """The flags as a hidden field keeps them between two reviews: one "field<TAB>message" a line."""
        return "\n".join(f"{name}\t{message}" for name, messages in self.field_flags.items() for message in messages)

    def restore_flags(self, text: str) -> None:
        for line in (text or "").splitlines():
            name, _tab, message = line.partition("\t")
            if message.strip():
                self.flag(name.strip()[:40], message.strip()[:300])

    def as_json(self) -> dict:
        return {
            "section": self.section,
            "position": self.position,
            "dnr": self.dnr or None,
            "text": self.text,
            "source": self.source or None,
            "budget_year": self.budget_year,
            "origin": {
                "body": self.origin_body.short_name if self.origin_body else (self.origin_body_name or None),
                "date": self.origin_date.isoformat() if self.origin_date else None,
                "paragraph": self.origin_paragraph or None,
                "point": self.origin_point or None,
            },
            "responsible": [b.short_name for b in self.responsible] if self.responsible else self.responsible_text,
            "all_boards": self.all_boards,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "deadline_note": self.deadline_note or None,
            "status": self.status or None,
            "status_expressed": self.status_expressed,
            "report_text": self.report_text,
            "flags": list(self.flags),
        }


@dataclass
class ParsedHistory:
    year: int | None = None
    kind: int | None = None
    body_name: str = ""
    title: str = ""
    pages: int = 1
    items: list[ParsedHistoryItem] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    field_flags: dict[str, list[str]] = field(default_factory=dict)
    # Filled in by resolve.py.
    body: object = None
    period: object = None

    def flag(self, name: str, message: str) -> None:
        """An uncertainty shown next to the field `name` and in the list of all (each once)."""
        if message not in self.field_flags.get(name, []):
            self.field_flags.setdefault(name, []).append(message)
        if message not in self.flags:
            self.flags.append(message)

    def flags_text(self) -> str:
        """The flags as a hidden field keeps them between two reviews: one "field<TAB>message" a line."""
        return "\n".join(f"{name}\t{message}" for name, messages in self.field_flags.items() for message in messages)

    def restore_flags(self, text: str) -> None:
        for line in (text or "").splitlines():
            name, _tab, message = line.partition("\t")
            if message.strip():
                self.flag(name.strip()[:40], message.strip()[:300])

    @property
    def period_slug(self) -> str | None:
        return ReportingPeriod.SLUGS.get(self.kind) if self.kind else None

    def as_json(self) -> dict:
        return {
            "year": self.year,
            "period": self.period_slug,
            "body": self.body.short_name if self.body else (self.body_name or None),
            "title": self.title,
            "assignments": [item.as_json() for item in self.items],
            "flags": list(self.flags),
        }
