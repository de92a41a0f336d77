from django.apps import AppConfig


class GoteborgUppdragConfig(AppConfig):
    name = "goteborg_uppdrag"
    verbose_name = "Göteborgs uppdrag"
