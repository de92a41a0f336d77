from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from assignments import roles
from budget.proposal_import import CostDraft, FinancingDraft, proposal_import_with_costs
from motions.importers import ImportError_
from motions.importers.proposal_resolve import parse_proposal_text
from motions.management.import_command import read_file, report_attachment, write_json
from motions.models import Case


class Command(BaseCommand):
    help = (
        "Läser in ett tjänsteutlåtande (PDF eller text) till ett ärende: punkterna med ansvariga nämnder och de "
        "föreslagna kostnadsberäkningarna (--dry-run: sparar inget, skriver ut tolkningen som JSON)."
    )

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
            parsed = parse_proposal_text(text)
        except ImportError_ as error:
            raise CommandError(str(error)) from error
        write_json(self, parsed)
        if options["dry_run"]:
            return
        costs = [
            CostDraft(
                point=cost.point, amount_kr=cost.amount_kr, recurrence=cost.recurrence, board=cost.board,
                financing=cost.financing, first_year=cost.first_year, last_year=cost.last_year,
                budget_process_first_year=cost.budget_process[0] if cost.budget_process else None,
                budget_process_last_year=cost.budget_process[1] if cost.budget_process else None,
                note=f"Ur tjänsteutlåtandet: ”{cost.quote}”",
            )
            for cost in parsed.costs
            if cost.accepted and cost.board is not None
        ]  # fmt: skip
        try:
            financing = {
                number: FinancingDraft(row["financing"], *(row["years"] or (None, None)))
                for number, row in parsed.financing.items()
            }
            proposal = proposal_import_with_costs(
                user=roles.SYSTEM, case=case, parsed=parsed, costs=costs, financing=financing, document=document
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stderr.write(
            f"Sparat: tjänsteutlåtande {proposal.pk} med {len(parsed.points)} punkter och "
            f"{len(costs)} kostnadsberäkningar på {case.reference}."
        )
        report_attachment(self, case, document)
