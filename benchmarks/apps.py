from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    """Scale data (manage.py seed_scale), drills and the figures we promise. It may import every app;
    no app imports it."""

    name = "benchmarks"
    verbose_name = "Mätningar"
