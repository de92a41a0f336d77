import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from assignments import roles
from notifications import services


class Command(BaseCommand):
    help = (
        "Skickar e-post till nämndernas handläggare: nya uppdrag till deras nämnder och påminnelser när en "
        "rapporteringsperiod är öppen utan deras statusrapport. Inget skickas två gånger; den som avstått "
        "från en sorts avisering får den inte. Kör den t.ex. en gång i timmen."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=7,
            help="Uppdrag som skapats de senaste så här många dagarna räknas som nya (standard 7).",
        )
        parser.add_argument(
            "--base-url",
            default=getattr(settings, "SITE_URL", "http://127.0.0.1:8000"),
            help="Webbplatsens adress i länkarna i e-posten, t.ex. https://uppdrag.goteborg.se",
        )

    def handle(self, *args, days, base_url, **options):
        if days < 0:
            raise CommandError("--days får inte vara negativt.")
        since = timezone.now() - datetime.timedelta(days=days)
        counts = services.notices_send(since=since, base_url=base_url, user=roles.SYSTEM)
        self.stdout.write(
            self.style.SUCCESS(
                f"Skickade {counts['new_assignments']} meddelanden om nya uppdrag "
                f"och {counts['report_reminders']} påminnelser om statusrapporter."
            )
        )
