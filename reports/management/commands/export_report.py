import os
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from assignments.models import Board, ReportingPeriod
from assignments.selectors import period_by_slug
from core.pdf import StaticOnlyURLFetcher
from reports.composition import compose_report
from reports.rendering import render_report_pdf, report_document_html


def _write_whole(target: Path, data: bytes) -> None:
    """Write to a temporary file beside target, then rename it over target.

    An export that fails while writing (a full disk) leaves no half-written PDF, and an earlier export
    at the same path stays as it was until the new one is complete.
    """
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(handle)
    temporary = Path(name)
    try:
        temporary.write_bytes(data)
        umask = os.umask(0)
        os.umask(umask)
        temporary.chmod(0o666 & ~umask)  # mkstemp's file is private; the export gets the usual permissions
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


class Command(BaseCommand):
    help = (
        "Exporterar en nämnds delårsrapport som PDF, t.ex. "
        "--board kommunstyrelsen --year 2023 --period augusti --output rapport.pdf"
    )

    def add_arguments(self, parser):
        parser.add_argument("--board", required=True, help="Nämndens kortnamn i adresser, t.ex. kommunstyrelsen.")
        parser.add_argument("--year", required=True, type=int, help="År, t.ex. 2023.")
        parser.add_argument(
            "--period",
            required=True,
            choices=sorted(ReportingPeriod.SLUGS.values()),
            help="Rapporttillfälle: mars, augusti eller arsrapport.",
        )
        parser.add_argument("--output", required=True, help="Filen som PDF:en skrivs till.")
        parser.add_argument("--html", action="store_true", help="Skriv rapportens HTML i stället för PDF.")

    def handle(self, *args, board, year, period, output, html=False, **options):
        board_obj = Board.objects.filter(slug=board).first()
        if board_obj is None:
            raise CommandError(f"Nämnden ”{board}” finns inte. Ange kortnamnet i adresser, t.ex. kommunstyrelsen.")
        period_obj = period_by_slug(year, period)
        if period_obj is None:
            raise CommandError(f"Rapporttillfället {period} {year} finns inte.")
        target = Path(output)
        if not target.parent.is_dir():
            raise CommandError(f"Mappen {target.parent} finns inte.")
        report = compose_report(board_obj, period_obj)
        if html:
            _write_whole(target, report_document_html(report).encode("utf-8"))
        else:
            fetcher = StaticOnlyURLFetcher()
            _write_whole(target, render_report_pdf(report, fetcher=fetcher))
            if fetcher.refused:
                self.stderr.write(f"Vägrade hämta {len(fetcher.refused)} resurs(er) utanför appens statiska filer.")
        for assignment in report.missing_assignments:
            self.stderr.write(f"Saknar statusrapport för perioden: {assignment.dnr} {assignment.short_text}")
        if report.statement_missing:
            self.stderr.write("Resultatredovisningen för perioden är inte inlagd.")
        self.stdout.write(self.style.SUCCESS(f"{report.title[:1].upper()}{report.title[1:]} skriven till {target}."))
