from django.core.management.base import BaseCommand, CommandError

from goteborg_uppdrag import seed_loader


class Command(BaseCommand):
    help = "Läser in de verkliga uppgifterna ur fixtures/ (båda källdokumenten) i en tom databas."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true", help="Gör ingenting om databasen redan innehåller uppgifter."
        )

    def handle(self, *args, if_empty=False, **options):
        if seed_loader.is_loaded():
            if if_empty:
                self.stdout.write("Uppgifterna finns redan i databasen; inget läses in.")
                return
            raise CommandError("Databasen innehåller redan uppgifter. Läs in i en tom databas.")
        result = seed_loader.load_all()
        self.stdout.write(
            self.style.SUCCESS(
                f"Inläst: {len(result['boards'])} nämnder och organ, {len(result['parties'])} partier, "
                f"{len(result['assignments'])} uppdrag, {len(result['cases'])} ärenden."
            )
        )
