from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from goteborg_uppdrag.backup import MANIFEST, restore_backup


class Command(BaseCommand):
    help = "Återställer databasen och lagrade filer från en säkerhetskopia (ersätter nuvarande innehåll)."

    def add_arguments(self, parser):
        parser.add_argument("source", help="Mappen som backup skapade")

    def handle(self, *args, source, **options):
        path = Path(source)
        if not (path / MANIFEST).exists():
            raise CommandError(f"{path} är ingen säkerhetskopia (saknar {MANIFEST}).")
        try:
            restore_backup(path)
        except RuntimeError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"Återställt från {path}"))
