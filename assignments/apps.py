from django.apps import AppConfig


class AssignmentsConfig(AppConfig):
    name = "assignments"
    verbose_name = "Uppdrag"

    def ready(self):
        from django.db.models.signals import post_migrate

        post_migrate.connect(_grant_after_migrate, dispatch_uid="assignments-secretariat-permissions")


def _grant_after_migrate(sender, **kwargs):
    # After each of the apps' permissions are made (django.contrib.auth's receiver runs first): the
    # grant adds what is missing, so new models' permissions reach the group on the next migrate.
    from . import roles

    if sender.label in roles.SECRETARIAT_APPS:
        roles.grant_secretariat_permissions()
