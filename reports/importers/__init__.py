"""Reading the assignment sections of earlier delårsrapporter and årsrapporter (history.py, pure: no
database query), then resolving the names it read into boards, assignments and periods
(resolve.py). assignments.history_import saves what the secretariat confirms."""

from .history import ParsedHistory, ParsedHistoryItem, read_report_history
from .resolve import history_row, parse_report_history, resolve_report_history

__all__ = [
    "ParsedHistory",
    "ParsedHistoryItem",
    "history_row",
    "parse_report_history",
    "read_report_history",
    "resolve_report_history",
]
