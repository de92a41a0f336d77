"""The four roles of the product, as Django groups, and the questions services and views ask of them.

sekretariat: edits everything; handläggare: edits the assignments and figures of the boards
they are officers of (Board.officers); politiker and läsare: read only.

SYSTEM is who acts when no person does: a management command or a data loader, run by whoever
operates the server. It has the secretariat's rights. A web request's user is a User or an
AnonymousUser, never SYSTEM, so passing it is the one explicit way past a check; `None` is
refused like an anonymous visitor.
"""

from django.contrib.auth.models import Group

SECRETARIAT = "sekretariat"
OFFICER = "handläggare"
POLITICIAN = "politiker"
READER = "läsare"
ALL_ROLES = (SECRETARIAT, OFFICER, POLITICIAN, READER)


class _System:
    is_authenticated = False  # nothing stores SYSTEM as a history user or an author
    is_superuser = False
    pk = None

    def __repr__(self) -> str:
        return "SYSTEM"


SYSTEM = _System()


def is_system(user) -> bool:
    return user is SYSTEM


# The apps whose records the secretariat registers and corrects, in its pages and in Django's admin.
SECRETARIAT_APPS = ("assignments", "motions", "budget", "reports")


def ensure_groups() -> dict[str, Group]:
    """The four groups; a group made now gets its permissions (grant_secretariat_permissions)."""
    groups = {}
    for name in ALL_ROLES:
        groups[name], created = Group.objects.get_or_create(name=name)
        if created and name == SECRETARIAT:
            grant_secretariat_permissions(groups[name])
    return groups


def grant_secretariat_permissions(group: Group | None = None) -> None:
    """Every model permission of SECRETARIAT_APPS to the secretariat group, so the admin works for it.

    Run after each migrate (AssignmentsConfig.ready connects it), when new models bring new permissions.
    The services ask is_secretariat themselves; these permissions are the admin's own rule.
    """
    from django.contrib.auth.models import Permission

    group = group or Group.objects.get_or_create(name=SECRETARIAT)[0]
    group.permissions.add(*Permission.objects.filter(content_type__app_label__in=SECRETARIAT_APPS))


def _is_person(user) -> bool:
    return user is not None and user is not SYSTEM and user.is_authenticated


def person_or_none(user):
    """The signed-in user to store as author or history user; None for SYSTEM, None or anonymous."""
    return user if _is_person(user) else None


def _group_names(user) -> set[str]:
    if not _is_person(user):
        return set()
    cached = getattr(user, "_role_names", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._role_names = cached
    return cached


def is_secretariat(user) -> bool:
    return is_system(user) or (_is_person(user) and (user.is_superuser or SECRETARIAT in _group_names(user)))


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
