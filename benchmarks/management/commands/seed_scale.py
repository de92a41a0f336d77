import time

from django.core.management.base import BaseCommand, CommandError

from benchmarks import scale


class Command(BaseCommand):
    # A data command: it needs the models, not the URLs or templates the system checks look at.
    requires_system_checks = []
    help = (
        "Skapar syntetiska data i stadsskala ovanpå de verkliga uppgifterna (för mätningar): vid --factor 1 "
        "omkring 2 000 uppdrag, 10 000 statusrapporter och 500 ärenden med 2 500 yrkanden och 25 000 "
        "beslutspunkter. Allt syntetiskt är märkt [Syntetisk]."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--factor", type=float, default=1.0, help="Storlek; 1 motsvarar en stad av Göteborgs storlek."
        )
        parser.add_argument("--seed", type=int, default=2023, help="Slumpfrö; samma frö ger samma data.")
        parser.add_argument("--batch-size", type=int, default=2000)

    def handle(self, *args, factor, seed, batch_size, **options):
        if factor <= 0:
            raise CommandError("--factor måste vara större än 0.")
        started = time.perf_counter()
        try:
            counts = scale.seed_scale(
                factor, seed=seed, batch_size=batch_size, log=self.stdout.write if options["verbosity"] > 1 else None
            )
        except scale.AlreadySeeded as error:
            raise CommandError("Databasen innehåller redan syntetiska data. Skapa dem i en ny databas.") from error
        elapsed = time.perf_counter() - started
        summary = ", ".join(f"{label}: {count}" for label, count in counts.items() if "historik" not in label)
        history = sum(count for label, count in counts.items() if "historik" in label)
        self.stdout.write(
            self.style.SUCCESS(f"Syntetiska data skapade på {elapsed:.1f} s. {summary}; historikrader: {history}.")
        )
