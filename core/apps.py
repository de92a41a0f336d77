from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app of ours shares and that knows none of them: formatting, PDF rendering, form
    errors, validators, file writers, feed helpers, the history helper and the `swedish` tags.
    It has no models and imports no app of ours (the import contract in pyproject.toml holds it)."""

    name = "core"
    verbose_name = "Gemensamt"
