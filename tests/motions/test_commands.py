"""python manage.py import_motion / import_rollcall, with and without --dry-run."""

import json

import pytest
from django.core.management import CommandError, call_command

from motions.models import Case, Decision, Motion, Vote

from .conftest import SEED_000, SEED_002, seed_lines


@pytest.fixture
def seed_file(tmp_path):
    def write(path, first, last, name="in.txt"):
        target = tmp_path / name
        target.write_text(seed_lines(path, first, last), encoding="utf-8")
        return str(target)

    return write


@pytest.mark.django_db
def test_import_motion_dry_run_prints_json_and_saves_nothing(real_data, seed_file, capsys):
    before = Motion.objects.count()
    call_command("import_motion", "--case", "0064/23", seed_file(SEED_002, 1, 57), "--dry-run")
    printed = json.loads(capsys.readouterr().out)
    assert printed["kind"] == "yrkande"
    assert printed["date"] == "2023-10-17"
    assert printed["body"] == "KS"
    assert printed["parties"] == ["V", "S", "MP"]
    assert [p["number"] for p in printed["points"]] == [1, 2, 3, 4]
    assert printed["points"][1]["text"].startswith("Stadsledningskontoret får i uppdrag att hålla personalutskottet")
    assert Motion.objects.count() == before


@pytest.mark.django_db
def test_import_motion_saves_on_the_case(real_data, seed_file):
    call_command("import_motion", "--case", "SLK-2022-00921", seed_file(SEED_000, 172, 222))
    case = Case.objects.by_url_key("SLK-2022-00921").get()
    motion = case.motions.order_by("-id").first()
    assert motion.kind == Motion.Kind.TILLAGGSYRKANDE and motion.points.count() == 2


@pytest.mark.django_db
def test_import_motion_refuses_bad_text_with_the_line(real_data, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("Yrkande angående x\nFörslag till beslut\n1. Ett.\n3. Tre.\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Rad 4"):
        call_command("import_motion", "--case", "SLK-2022-00921", str(bad))
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Yrkande angående".encode("latin-1"))
    with pytest.raises(CommandError, match="UTF-8"):
        call_command("import_motion", "--case", "SLK-2022-00921", str(latin))


@pytest.mark.django_db
def test_import_motion_does_not_save_a_party_it_cannot_resolve(real_data, tmp_path, capsys):
    # The command has no review to pick the party in: it refuses to save, the dry run shows the flag.
    text = seed_lines(SEED_002, 1, 57).replace("Vänsterpartiet, Socialdemokraterna", "Vänsterpartiet, Piratpartiet")
    source = tmp_path / "pirat.txt"
    source.write_text(text, encoding="utf-8")
    before = Motion.objects.count()
    with pytest.raises(CommandError, match="Piratpartiet"):
        call_command("import_motion", "--case", "0064/23", str(source))
    assert Motion.objects.count() == before
    call_command("import_motion", "--case", "0064/23", str(source), "--dry-run")
    assert any("Piratpartiet" in flag for flag in json.loads(capsys.readouterr().out)["flags"])


@pytest.mark.django_db
def test_import_rollcall_dry_run_by_body_date_paragraph(real_data, seed_file, capsys):
    votes = Vote.objects.count()
    call_command("import_rollcall", "--decision", "KF:2022-06-16:4", seed_file(SEED_000, 1486, 1601), "--dry-run")
    printed = json.loads(capsys.readouterr().out)
    assert printed["totals"] == {"ja": 39, "nej": 21, "avstar": 19, "franvarande": 2}
    assert len(printed["records"]) == 81
    assert printed["records"][0] == {
        "name": "Aslan Akbas", "party": "S", "seat": 61, "role": "Ledamot", "result": "ja"
    }  # fmt: skip
    assert Vote.objects.count() == votes


@pytest.mark.django_db
def test_import_rollcall_saves_by_id(real_data, seed_file):
    decision = Decision.objects.get(meeting__date="2022-06-16", paragraph=4)
    call_command(
        "import_rollcall",
        "--decision",
        str(decision.pk),
        seed_file(SEED_000, 1486, 1601),
        "--proposition",
        "Ja för avslag",
    )
    assert decision.votes.count() == 2
    assert decision.votes.order_by("-id").first().records.count() == 81


@pytest.mark.django_db
def test_import_rollcall_unknown_decision(real_data, seed_file):
    with pytest.raises(CommandError, match="finns inte"):
        call_command("import_rollcall", "--decision", "KF:2022-06-17:4", seed_file(SEED_000, 1486, 1601))


@pytest.mark.django_db
def test_import_motion_dry_run_reads_a_pdf_as_its_text(real_data, tmp_path, capsys):
    from tests.motions.corpus.render import render

    text = seed_lines(SEED_002, 1, 57)
    path = tmp_path / "yrkande.pdf"
    path.write_bytes(render(text, running_header="Kommunstyrelsen"))
    before = Motion.objects.count()
    call_command("import_motion", "--case", "0064/23", str(path), "--dry-run")
    printed = json.loads(capsys.readouterr().out)
    assert printed["parties"] == ["V", "S", "MP"] and len(printed["points"]) == 4 and printed["approves_rest"]
    assert Motion.objects.count() == before


@pytest.mark.django_db
def test_import_rollcall_dry_run_reads_the_ks_prose_form(real_data, tmp_path, capsys):
    path = tmp_path / "ks355.txt"
    path.write_text(seed_lines(SEED_000, 1640, 1654), encoding="utf-8")
    call_command("import_rollcall", "--decision", "KF:2022-06-16:4", str(path), "--dry-run")
    printed = json.loads(capsys.readouterr().out)
    assert printed["totals"]["ja"] == 7 and printed["totals"]["nej"] == 6
