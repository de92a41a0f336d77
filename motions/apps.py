from django.apps import AppConfig


class MotionsConfig(AppConfig):
    name = "motions"
    verbose_name = "Ärenden och yrkanden"

    def ready(self):
        from assignments.links import register_origin_provider, register_passage_provider

        from .lineage import origin_passages
        from .links import case_links

        register_origin_provider(case_links)
        register_passage_provider(origin_passages)
