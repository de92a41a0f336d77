"""python manage.py export_report: the same report from the command line."""

import pytest
from django.core.management import CommandError, call_command

from tests.reports.pdftext import normalize, pdf_pages


def test_export_report_writes_the_pdf(real_data, tmp_path, capsys):
    output = tmp_path / "rapport.pdf"
    call_command(
        "export_report", "--board", "kommunstyrelsen", "--year", "2023", "--period", "augusti", "--output", str(output)
    )
    pdf = output.read_bytes()
    assert pdf.startswith(b"%PDF")
    text = normalize(" ".join(pdf_pages(pdf)))
    assert "Delårsrapport augusti 2023 för kommunstyrelsen" in text
    assert "4.1.4.1 Uppdrag stadsledningskontoret delrapporterar till kommunstyrelsen" in text
    assert "skriven till" in capsys.readouterr().out


def test_export_report_html_and_missing_parts_on_stderr(real_data, tmp_path, capsys):
    from budget.models import FinancialStatement

    FinancialStatement.objects.all().delete()
    output = tmp_path / "rapport.html"
    call_command(
        "export_report", "--board=kommunstyrelsen", "--year=2023", "--period=augusti", f"--output={output}", "--html"
    )
    assert 'href="/static/css/report.css"' in output.read_text(encoding="utf-8")
    assert "Resultatredovisningen för perioden är inte inlagd." in capsys.readouterr().err


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--board=finns-inte", "--year=2023", "--period=augusti"], "Nämnden ”finns-inte” finns inte"),
        (["--board=kommunstyrelsen", "--year=1999", "--period=augusti"], "Rapporttillfället augusti 1999 finns inte"),
    ],
)
def test_export_report_refuses_unknown_board_or_period_in_swedish(real_data, tmp_path, arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("export_report", *arguments, f"--output={tmp_path / 'x.pdf'}")
    assert not (tmp_path / "x.pdf").exists()
