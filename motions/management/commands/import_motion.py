from django.core.management.base import BaseCommand, CommandError

from assignments import roles
from motions.importers import ImportError_, parse_motion_text
from motions.management.import_command import read_file, report_attachment, write_json
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
        text, document = read_file(options["file"])
        try:
            parsed = parse_motion_text(text)
            if parsed.unknown_parties and not options["dry_run"]:
                # No review here to pick the party in: saving would lose it.
                raise CommandError(
                    f"Partiet ”{parsed.unknown_parties[0]}” finns inte i partitabellen; lägg till det eller "
                    "läs in yrkandet i webben och välj partiet där."
                )
            if not options["dry_run"]:
                motion = motion_import(case=case, parsed=parsed, user=roles.SYSTEM, document=document)
        except ImportError_ as error:
            raise CommandError(str(error)) from error
        write_json(self, parsed)
        if not options["dry_run"]:
            self.stderr.write(f"Sparat: yrkande {motion.pk} med {len(parsed.points)} punkter på {case.reference}.")
            report_attachment(self, case, document)
