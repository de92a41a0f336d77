"""The general roll-call readers (vote_grid.py, vote_lists.py) run on a vote's own text where the
tuned readers (rollcall.py, prose_rollcall.py, marked_table.py) read nothing or refuse: the first
that reads gives the roll call, with the counts the vote's text states (in digits, in words or both)
checked against its rows; whatever is unsure is flagged on the vote, never guessed."""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from .vote_counts import declared_counts
from .vote_grid import read_grid
from .vote_lists import read_lists, read_numbered
from .vote_sides import read_sides

if TYPE_CHECKING:
    from .protocol import ParsedProtocol
    from .protocol_votes import ProtocolVote

LINE_RE = re.compile(r"^Rad (?P<line>\d+):")
LABELS = {"ja": "Ja", "nej": "Nej", "avstar": "Avstår", "franvarande": "Frånvarande"}


def general_rollcall(parsed: ParsedProtocol, vote: ProtocolVote, body: list[tuple[int, str]], first: int, last: int):
    """Read the vote's lines first..last (the document's line numbers) with the general readers;
    True when one of them gave the roll call."""
    lines = [""] * last
    for number, raw in body:
        if first <= number <= last:
            lines[number - 1] = raw
    for reader in (read_grid, read_numbered, read_lists, read_sides):
        rollcall, flags = reader(lines)
        for message in flags:
            parsed.flag("votes", message)
        if rollcall is not None or flags:
            break
    if rollcall is None:
        return False
    used = {row.line for row in rollcall.rows}
    text = "\n".join(x for n, x in enumerate(lines, start=1) if n not in used)
    counts, flags = declared_counts(text)
    for message in flags:
        parsed.flag("votes", message)
    for key, count in counts.items():
        rollcall.declared_totals.setdefault(key, count)
    for key, count in rollcall.declared_totals.items():
        if rollcall.totals[key] != count:
            parsed.flag(
                "votes",
                _("Rad %(line)d: protokollet säger %(count)d %(what)s men namnlistan har %(listed)d – kontrollera.")
                % {"line": vote.line, "count": count, "what": _(LABELS[key]), "listed": rollcall.totals[key]},
            )
        elif vote.declared.get(key, count) == count:
            vote.declared[key] = count
    _withdraw_unread(parsed, first, last)
    vote.rollcall = rollcall
    return True


class _Sandbox:
    """Collects a trial reading's flags, so that a reading which is not kept leaves no trace."""

    def __init__(self) -> None:
        self.flags: list[tuple[str, str]] = []
        self.field_flags: dict[str, list[str]] = {}

    def flag(self, field: str, message: str) -> None:
        self.flags.append((field, message))


def agrees(rollcall, vote: ProtocolVote) -> bool:
    """Whether a roll call fits what the vote's text states: its named counts, and the two sides
    of "med 7 röster mot 6" in either order; and a vote has someone voting Ja or Nej."""
    totals = rollcall.totals
    if not totals.get("ja") and not totals.get("nej"):
        return False
    if vote.split and (totals.get("ja"), totals.get("nej")) not in (vote.split, vote.split[::-1]):
        return False
    return all(totals.get(key) == count for key, count in vote.declared.items() if key in totals)


def second_opinion(parsed: ParsedProtocol, vote: ProtocolVote, body: list[tuple[int, str]], first: int, last: int):
    """A tuned reader's roll call that contradicts the vote's stated counts (or has no Ja and no
    Nej) is set against the general readers: their reading is kept when it fits the counts, with
    its flags; otherwise the tuned one stands and the later count check reports the disagreement."""
    if vote.rollcall is None or agrees(vote.rollcall, vote):
        return
    sandbox = _Sandbox()
    trial = dataclasses.replace(vote, declared=dict(vote.declared), rollcall=None)
    if not general_rollcall(sandbox, trial, body, first, last) or not agrees(trial.rollcall, trial):  # type: ignore[arg-type]
        return
    for field, message in sandbox.flags:
        parsed.flag(field, message)
    vote.rollcall, vote.declared = trial.rollcall, trial.declared


def _withdraw_unread(parsed: ParsedProtocol, first: int, last: int) -> None:
    """The tuned readers' flag that this vote's names could not be read (rollcall.rollcall_or_flag)
    no longer holds once a general reader has read them: it is taken back, not left to contradict."""
    stale = {
        message
        for message in parsed.field_flags.get("votes", [])
        if "namnlista" in message and (at := LINE_RE.match(message)) and first <= int(at["line"]) <= last
    }
    parsed.flags = [m for m in parsed.flags if m not in stale]
    parsed.field_flags["votes"] = [m for m in parsed.field_flags.get("votes", []) if m not in stale]
    if not parsed.field_flags["votes"]:
        del parsed.field_flags["votes"]
