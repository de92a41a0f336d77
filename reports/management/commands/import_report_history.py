import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from assignments import roles
from assignments.history_import import report_history_import
from assignments.matching import BoardMatcher
from assignments.models import ReportingPeriod
from motions.importers import ImportError_, read_document_file
from reports.importers import history_row, read_report_history, resolve_report_history


class Command(BaseCommand):
    help = (
        "Läser in uppdragen med statusrapporter ur en tidigare delårsrapport eller årsrapport "
        "(--dry-run: sparar ingenting och skriver ut det tolkade som JSON)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="PDF eller textfil i UTF-8")
        parser.add_argument("--dry-run", action="store_true", help="spara ingenting, skriv ut JSON")
        parser.add_argument("--year", type=int, help="rapportens år, när handlingen inte anger det")
        parser.add_argument(
            "--period", choices=list(ReportingPeriod.SLUGS.values()), help="mars, augusti eller arsrapport"
        )
        parser.add_argument("--body", help="den rapporterande nämnden, när handlingen inte anger den")

    def handle(self, *args, **options):
        try:
            parsed = read_report_history(read_document_file(Path(options["file"])))
        except FileNotFoundError as error:
            raise CommandError(f"Filen {options['file']} finns inte.") from error
        except OSError as error:
            raise CommandError(f"Filen {options['file']} kunde inte läsas ({error.strerror}).") from error
        except ImportError_ as error:
            raise CommandError(str(error)) from error
        matcher = BoardMatcher()
        if options["year"]:
            parsed.year = options["year"]
        if options["period"]:
            parsed.kind = ReportingPeriod.kind_from_slug(options["period"])
        if options["body"]:
            parsed.body = matcher.resolve(options["body"])
            if parsed.body is None:
                raise CommandError(f"Nämnden {options['body']} finns inte.")
        resolve_report_history(parsed, matcher)
        self.stdout.write(json.dumps(parsed.as_json(), ensure_ascii=False, indent=2))
        if options["dry_run"]:
            return
        rows = [history_row(item) for item in parsed.items]
        try:
            outcomes = report_history_import(
                year=parsed.year, kind=parsed.kind, board=parsed.body, rows=rows, user=roles.SYSTEM,
                document=parsed.title,
            )  # fmt: skip
        except ValidationError as error:
            raise CommandError("Inget sparades. " + " ".join(error.messages)) from error
        counts = {"create": 0, "add": 0, "skip": 0}
        for outcome in outcomes:
            counts[outcome.action] += 1
            for note in outcome.notes:
                if outcome.action == "skip":
                    self.stderr.write(f"{outcome.row.dnr}: {note}")
        self.stderr.write(
            f"Sparat: {counts['create']} nya uppdrag, {counts['create'] + counts['add']} statusrapporter; "
            f"{counts['skip']} hoppades över (fanns redan)."
        )
