from django.apps import AppConfig


class BudgetConfig(AppConfig):
    name = "budget"
    verbose_name = "Ekonomi"

    def ready(self):
        from motions.costs import register_cost_provider

        from .costs import cost_provider

        register_cost_provider(cost_provider)
