"""The one way our services tell django-simple-history who made a change and why."""


def with_history(instance, user, reason: str):
    """Mark the instance's next save or delete with the user (when signed in) and the reason."""
    instance._change_reason = reason
    if user is not None and getattr(user, "is_authenticated", False):
        instance._history_user = user
    return instance
