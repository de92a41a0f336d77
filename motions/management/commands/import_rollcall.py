import datetime

from django.core.management.base import BaseCommand, CommandError

from assignments import roles
from assignments.models import Board
from motions.importers import ImportError_, parse_rollcall
from motions.management.import_command import read_file, report_attachment, write_json
from motions.models import Decision
from motions.services import rollcall_import


def find_decision(reference: str) -> Decision:
    """A decision by id (12) or by body:date:§ (KF:2022-06-16:4)."""
    if reference.isdigit():
        decision = Decision.objects.select_related("meeting__body").filter(pk=int(reference)).first()
    else:
        try:
            body_name, date, paragraph = reference.rsplit(":", 2)
            day = datetime.date.fromisoformat(date)
        except ValueError as error:
            raise CommandError("Ange beslutet som id eller organ:datum:§, t.ex. KF:2022-06-16:4.") from error
        body = Board.objects.resolve(body_name) or Board.objects.filter(slug=body_name).first()
        if body is None:
            raise CommandError(f"Organet {body_name} finns inte.")
        decision = (
            Decision.objects.select_related("meeting__body")
            .filter(meeting__body=body, meeting__date=day, paragraph=int(paragraph) if paragraph.isdigit() else None)
            .first()
        )
    if decision is None:
        raise CommandError(f"Beslutet {reference} finns inte.")
    return decision


class Command(BaseCommand):
    help = "Läser in en omröstningsbilaga (Namn Parti Plats Funktion Resultat) som röster i ett beslut."

    def add_arguments(self, parser):
        parser.add_argument("--decision", required=True, help="beslutets id eller organ:datum:§ (KF:2022-06-16:4)")
        parser.add_argument("file", help="PDF eller textfil i UTF-8")
        parser.add_argument("--proposition", default="", help="voteringspropositionen")
        parser.add_argument("--dry-run", action="store_true", help="spara ingenting, skriv ut JSON")

    def handle(self, *args, **options):
        decision = find_decision(options["decision"])
        text, document = read_file(options["file"])
        try:
            parsed = parse_rollcall(text)
            if not options["dry_run"]:
                proposition = options["proposition"] or f"Omröstning {decision}"
                vote = rollcall_import(
                    decision=decision, parsed=parsed, proposition=proposition, user=roles.SYSTEM, document=document
                )
        except ImportError_ as error:
            raise CommandError(str(error)) from error
        write_json(self, parsed)
        if not options["dry_run"]:
            self.stderr.write(f"Sparat: omröstning {vote.pk} med {len(parsed.rows)} röster i {decision}.")
            report_attachment(self, decision.case, document)
