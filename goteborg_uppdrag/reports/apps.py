from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "goteborg_uppdrag.reports"
    label = "reports"
    verbose_name = "Rapporter"
