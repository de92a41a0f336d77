import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from goteborg_uppdrag.backup import create_backup


class Command(BaseCommand):
    help = "Gör en konsistent säkerhetskopia av databasen och lagrade filer (publicerade rapporter)."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="Mapp för säkerhetskopian (standard: backups/<tidpunkt>/)")

    def handle(self, *args, output=None, **options):
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = Path(output) if output else Path(settings.BASE_DIR) / "backups" / stamp
        create_backup(target)
        self.stdout.write(self.style.SUCCESS(f"Säkerhetskopia sparad i {target}"))
