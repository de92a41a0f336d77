"""Issue 15: the command-line imports keep the file they read as the case's bilaga, as the browser
imports do: in the save's transaction, with its size and SHA-256 printed; a dry run or a refused save
keeps nothing."""

import hashlib
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from motions.models import Attachment, Case, Decision

from .conftest import SEED_000, seed_lines
from .test_proposal_import import MINIMAL, new_case  # noqa: F401
from .test_protocol_import import P02, case  # noqa: F401

pytestmark = pytest.mark.django_db


def _run(*args):
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return err.getvalue()


def _kept(owner, path, kind):
    (attachment,) = Attachment.objects.filter(case=owner)
    data = path.read_bytes()
    assert (attachment.kind, attachment.filename, attachment.size) == (kind, path.name, len(data))
    assert attachment.sha256 == hashlib.sha256(data).hexdigest()
    attachment.file.open("rb")
    with attachment.file:
        assert attachment.file.read() == data
    return attachment


def test_import_motion_keeps_the_file_and_says_so(real_data, tmp_path):
    path = tmp_path / "tilläggsyrkande M L C.txt"
    path.write_text(seed_lines(SEED_000, 172, 222), "utf-8")
    target = Case.objects.by_url_key("SLK-2022-00921").get()
    _run("import_motion", "--case", "SLK-2022-00921", str(path), "--dry-run")
    assert not Attachment.objects.exists()
    err = _run("import_motion", "--case", "SLK-2022-00921", str(path))
    attachment = _kept(target, path, Attachment.Kind.YRKANDE)
    assert attachment.motion == target.motions.order_by("-id").first()
    assert f"Bilaga: {path.name} ({len(path.read_bytes())} byte, SHA-256 {attachment.sha256})." in err


def test_a_refused_motion_keeps_no_file(real_data, tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text("Yrkande angående x\nFörslag till beslut\n1. Ett.\n3. Tre.\n", "utf-8")
    with pytest.raises(CommandError, match="Rad 4"):
        _run("import_motion", "--case", "SLK-2022-00921", str(path))
    assert not Attachment.objects.exists()


def test_import_rollcall_keeps_the_list_with_the_decision(real_data, tmp_path):
    path = tmp_path / "omröstning.txt"
    path.write_text(seed_lines(SEED_000, 1486, 1601), "utf-8")
    decision = Decision.objects.get(meeting__date="2022-06-16", paragraph=4)
    err = _run("import_rollcall", "--decision", str(decision.pk), str(path))
    attachment = _kept(decision.case, path, Attachment.Kind.OMROSTNINGSLISTA)
    assert attachment.decision == decision and "Bilaga: omröstning.txt" in err


def test_import_protocol_keeps_the_extract(case, tmp_path):  # noqa: F811
    path = tmp_path / P02.name
    path.write_bytes(P02.read_bytes())
    _run("import_protocol", str(path), "--dry-run")
    assert not Attachment.objects.exists()
    err = _run("import_protocol", str(path))
    attachment = _kept(case, path, Attachment.Kind.PROTOKOLLSUTDRAG)
    assert attachment.decision == Decision.objects.get(case=case) and "SHA-256" in err
    # Refused the second time (the § is taken): nothing more is kept.
    with pytest.raises(CommandError, match="§ 112 är redan använd"):
        _run("import_protocol", str(path), "--case", "SLK-2023-00456")
    assert Attachment.objects.filter(case=case).count() == 1


def test_import_proposal_keeps_the_tu(new_case, tmp_path):  # noqa: F811
    path = tmp_path / "tjänsteutlåtande.txt"
    path.write_text(MINIMAL, "utf-8")
    err = _run("import_proposal", "--case", new_case.case_number, str(path))
    attachment = _kept(new_case, path, Attachment.Kind.TJANSTEUTLATANDE)
    assert attachment.proposal == new_case.proposals.get() and "Bilaga: tjänsteutlåtande.txt" in err
