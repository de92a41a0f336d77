import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from assignments import roles
from motions.importers import ImportError_, parse_motion_text, read_document_file
from motions.models import Case
from motions.services import motion_import


class Command(BaseCommand):
    help = "Läser in ett yrkande ur stadens textformat till ett ärende (--dry-run: skriver ut det tolkade som JSON)."

    def add_arguments(self, parser):
        parser.add_argument("--case", required=True, help="ärendenummer (SLK-2022-00921) eller dnr (0064/23)")
        parser.add_argument("file", help="PDF eller textfil i UTF-8")
        parser.add_argument("--dry-run", action="store_true", help="spara ingenting, skriv ut JSON")

    def handle(self, *args, **options):
        case = Case.objects.by_url_key(options["case"].replace("/", "-")).first()
        if case is None:
            raise CommandError(f"Ärendet {options['case']} finns inte.")
        try:
            parsed = parse_motion_text(read_document_file(Path(options["file"])))
            if not options["dry_run"]:
                motion = motion_import(case=case, parsed=parsed, user=roles.SYSTEM)
        except FileNotFoundError as error:
            raise CommandError(f"Filen {options['file']} finns inte.") from error
        except OSError as error:  # a folder, no permission: said in Swedish, without a traceback
            raise CommandError(f"Filen {options['file']} kunde inte läsas ({error.strerror}).") from error
        except ImportError_ as error:
            raise CommandError(str(error)) from error
        self.stdout.write(json.dumps(parsed.as_json(), ensure_ascii=False, indent=2))
        if not options["dry_run"]:
            self.stderr.write(f"Sparat: yrkande {motion.pk} med {len(parsed.points)} punkter på {case.reference}.")
