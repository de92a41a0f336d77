"""manage.py import_report_history file [--dry-run]: the same import from the command line."""

import json
import re

import pytest
from django.core.management import CommandError, call_command

from assignments.models import Assignment, StatusReport
from tests.motions.corpus.render import render

from .history_helpers import load_boards_only, section_41
from .test_history_corpus import CORPUS


@pytest.mark.django_db
def test_dry_run_prints_the_parse_as_json_and_saves_nothing(tmp_path, capsys):
    load_boards_only()
    path = tmp_path / "delarsrapport.txt"
    path.write_text(section_41(), "utf-8")
    call_command("import_report_history", str(path), "--dry-run")
    printed = json.loads(capsys.readouterr().out)
    assert (printed["year"], printed["period"], printed["body"]) == (2023, "augusti", "KS")
    assert [a["dnr"] for a in printed["assignments"]][:3] == ["1446/22", "1447/22", "1443/22"]
    assert not Assignment.objects.exists()


@pytest.mark.django_db
def test_dry_run_reads_a_pdf(tmp_path, capsys):
    load_boards_only()
    path = tmp_path / "arsrapport.pdf"
    path.write_bytes(render((CORPUS / "arsrapport_2022_kulturnamnden.txt").read_text("utf-8")))
    call_command("import_report_history", str(path), "--dry-run")
    printed = json.loads(capsys.readouterr().out)
    assert printed["period"] == "arsrapport" and len(printed["assignments"]) == 3


@pytest.mark.django_db
def test_saving_twice_saves_once(tmp_path, capsys):
    load_boards_only()
    path = tmp_path / "delarsrapport.txt"
    path.write_text(section_41(), "utf-8")
    call_command("import_report_history", str(path))
    assert "Sparat: 14 nya uppdrag, 14 statusrapporter; 0 hoppades över" in capsys.readouterr().err
    call_command("import_report_history", str(path))
    err = capsys.readouterr().err
    assert "Sparat: 0 nya uppdrag, 0 statusrapporter; 14 hoppades över (fanns redan)." in err
    assert "1446/22: Statusrapporten för Delårsrapport augusti 2023 finns redan – hoppas över" in err
    assert (Assignment.objects.count(), StatusReport.objects.count()) == (14, 14)


@pytest.mark.django_db
def test_a_row_that_cannot_be_saved_saves_nothing_and_says_which(tmp_path):
    load_boards_only()
    path = CORPUS / "delarsrapport_augusti_2021_socialnamnden_centrum.txt"
    with pytest.raises(CommandError) as refused:
        call_command("import_report_history", str(path))
    assert "Inget sparades." in str(refused.value)
    assert "Uppdrag 3 (dnr saknas)" in str(refused.value) and "Uppdrag 4 (0520/21): välj status." in str(refused.value)
    assert not Assignment.objects.exists()


@pytest.mark.django_db
def test_year_period_and_body_can_be_given_when_the_text_lacks_them(tmp_path, capsys):
    load_boards_only()
    text = "\n".join(line for line in section_41().split("\n") if "Delårsrapport aug" not in line)
    path = tmp_path / "utan-sidfot.txt"
    path.write_text(text, "utf-8")
    call_command("import_report_history", str(path), "--dry-run")
    printed = json.loads(capsys.readouterr().out)
    assert printed["year"] is None and "År och rapporttillfälle framgår inte" in " ".join(printed["flags"])
    call_command("import_report_history", str(path), "--year=2022", "--period=arsrapport", "--body=Kommunstyrelsen")
    assert StatusReport.objects.filter(period__year=2022, period__kind=3).count() == 14


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Ingenting om uppdrag h\xc3\xa4r.\n", "Handlingen har inga avsnitt om uppdrag"),
        (b"\xff\xfe not utf-8", "Filen är inte UTF-8-kodad (rad 1)"),
        (b"%PDF-1.4 trasig", "PDF-filen"),
    ],
)
def test_refusals_are_said_in_swedish(tmp_path, content, message):
    path = tmp_path / "fil"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=re.escape(message)):
        call_command("import_report_history", str(path), "--dry-run")


def test_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="finns inte"):
        call_command("import_report_history", str(tmp_path / "saknas.txt"), "--dry-run")
