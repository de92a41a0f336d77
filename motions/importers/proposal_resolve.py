"""After the TU parse: the office, the boards of each point and of each suggested cost turned into
boards, with the board register and its name variants read once (assignments.matching.BoardMatcher:
two queries) whatever the length of the document. A name no board answers to is flagged, never guessed."""

from django.utils.translation import gettext as _

from assignments.matching import BoardMatcher

from .proposal import ParsedProposal, read_proposal
from .proposal_costs import flag_costs


def _board(matcher: BoardMatcher, name: str):
    found = matcher.resolve(name)
    if found is None:
        named = matcher.named_in(name)
        found = named[0] if len(named) == 1 else None
    return found


def resolve_proposal(parsed: ParsedProposal, matcher: BoardMatcher | None = None) -> ParsedProposal:
    matcher = matcher or BoardMatcher()
    if parsed.author_name:
        parsed.author_body = _board(matcher, parsed.author_name)
        if parsed.author_body is None:
            parsed.flag(
                "author_body", _("Avsändaren ”%(name)s” finns inte i nämndregistret") % {"name": parsed.author_name}
            )
    else:
        parsed.flag("author_body", _("Avsändaren (förvaltningen) framgår inte av sidhuvudet"))
    for point in parsed.points:
        boards = []
        for name in point.board_names:
            board = _board(matcher, name)
            if board is None:
                parsed.flag(
                    "points",
                    _("Punkt %(number)d: ”%(name)s” finns inte i nämndregistret – välj nämnd")
                    % {"number": point.number, "name": name},
                )
            elif board not in boards:
                boards.append(board)
        point.boards = boards
    for cost in parsed.costs:
        if cost.board_name:
            cost.board = _board(matcher, cost.board_name)
        if cost.board is None and cost.point and cost.point <= len(parsed.points):
            point_boards = parsed.points[cost.point - 1].boards
            cost.board = point_boards[0] if len(point_boards) == 1 else None
        if cost.board is None and cost.accepted:
            cost.accepted = False
            cost.reasons.append(_("ingen nämnd i registret bär kostnaden – välj nämnd"))
    flag_costs(parsed)
    return parsed


def parse_proposal_text(text: str) -> ParsedProposal:
    """Read a tjänsteutlåtande and resolve its boards."""
    return resolve_proposal(read_proposal(text))
