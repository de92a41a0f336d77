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
        if output:
            target = Path(output)
        else:
            # The folder of all backups is the owner's alone too: their names say when the data was taken.
            folder = Path(settings.BASE_DIR) / "backups"
            folder.mkdir(mode=0o700, exist_ok=True)
            folder.chmod(0o700)
            target = folder / stamp
        create_backup(target)
        self.stdout.write(self.style.SUCCESS(f"Säkerhetskopia sparad i {target}"))
