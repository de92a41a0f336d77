from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    label = "notifications"
    verbose_name = _("Aviseringar")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from assignments.periods import register_period_opened

        from .services import period_opened_reminders_send

        register_period_opened(period_opened_reminders_send)
