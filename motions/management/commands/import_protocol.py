from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from assignments import roles
from motions.importers import ImportError_
from motions.importers.protocol import parse_protocol
from motions.management.import_command import read_file, report_attachment, write_json
from motions.models import Case
from motions.protocol_import import drafts_from, find_case, protocol_import, protocol_match, refusal_messages


class Command(BaseCommand):
    help = (
        "Läser in ett protokollsutdrag (”Utdrag ur protokoll”) som sammanträdets beslut i ärendet: §, beslut, "
        "omröstningar med namnlistor, reservationer och protokollsanteckningar."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="PDF eller textfil i UTF-8")
        parser.add_argument(
            "--case", default="", help="ärendenummer eller diarienummer (annars det som står i utdraget)"
        )
        parser.add_argument("--dry-run", action="store_true", help="spara ingenting, skriv ut JSON")

    def handle(self, *args, **options):
        text, document = read_file(options["file"])
        try:
            parsed = parse_protocol(text)
        except ImportError_ as error:
            raise CommandError(str(error)) from error
        if options["dry_run"]:
            write_json(self, parsed)
            return
        key = options["case"].strip()
        case = Case.objects.by_url_key(key).first() if key else find_case(parsed)
        if case is None:
            raise CommandError(
                f"Ärendet {key} finns inte." if key else "Utdraget nämner inget registrerat ärende; ange --case."
            )
        match = protocol_match(parsed, case)
        for warning in match.warnings + parsed.flags:
            self.stderr.write(f"Obs: {warning}")
        votes, notes = drafts_from(parsed)
        try:
            decision = protocol_import(
                user=roles.SYSTEM,
                case=case,
                body=match.body,
                date=parsed.date,
                paragraph=parsed.paragraph,
                basis=parsed.basis,
                motion_ids=[m.pk for m in match.adopted],
                text=parsed.decision_text,
                points=parsed.points,
                adjusted_on=parsed.adjusted_on,
                votes=votes,
                notes=notes,
                document=document,
            )
        except (ValidationError, ImportError_) as error:
            raise CommandError(" ".join(refusal_messages(error))) from error
        write_json(self, parsed)
        self.stderr.write(
            f"Sparat: {decision} i {case.reference} med {len(votes)} omröstningar och {len(notes)} anteckningar."
        )
        report_attachment(self, case, document)
