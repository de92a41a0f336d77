"""The four roles of the product, as Django groups, and the questions views ask of them.

sekretariat: edits everything; handläggare: edits the assignments and figures of the boards
they are officers of (Board.officers); politiker and läsare: read only.
"""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

SECRETARIAT = "sekretariat"
OFFICER = "handläggare"
POLITICIAN = "politiker"
READER = "läsare"
ALL_ROLES = (SECRETARIAT, OFFICER, POLITICIAN, READER)


def ensure_groups() -> dict[str, Group]:
    return {name: Group.objects.get_or_create(name=name)[0] for name in ALL_ROLES}


def _group_names(user) -> set[str]:
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_role_names", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._role_names = cached
    return cached


def is_secretariat(user) -> bool:
    return user.is_authenticated and (user.is_superuser or SECRETARIAT in _group_names(user))


def is_officer(user) -> bool:
    return OFFICER in _group_names(user)


def officer_board_ids(user) -> set[int]:
    if not is_officer(user):
        return set()
    cached = getattr(user, "_officer_board_ids", None)
    if cached is None:
        cached = set(user.officer_boards.values_list("id", flat=True))
        user._officer_board_ids = cached
    return cached


def can_edit_board(user, board_id: int) -> bool:
    """May this user write data (status reports, figures) that belongs to the board?"""
    return is_secretariat(user) or board_id in officer_board_ids(user)


def can_edit_any_of(user, board_ids) -> bool:
    return is_secretariat(user) or bool(officer_board_ids(user) & set(board_ids))


def role_label(user) -> str:
    names = _group_names(user)
    for role in ALL_ROLES:
        if role in names:
            return role
    return ""


def require_secretariat(user, message: str | None = None) -> None:
    """Refuse (PermissionDenied) anyone but the secretariat, with the message the user sees."""
    if not is_secretariat(user):
        raise PermissionDenied(message or _("Bara sekretariatet får göra det."))
