"""Attachments (bilagor): the service keeps a document with its case once, checked as the importers
check it, and a failure anywhere keeps neither the row nor the file."""

import hashlib
import io
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from pypdf import PdfWriter

from assignments import roles
from core.formatting import format_file_size
from motions import attachments, services
from motions.attachments import AttachmentRefused, Document, attachment_add, attachment_remove, clean_filename
from motions.models import Attachment, Case, Motion
from tests.motions.conftest import SEED_002, seed_lines
from tests.motions.corpus.render import render

TEXT = "Yrkande angående bilagor\n\nFörslag till beslut\n\n1. Nämnden får i uppdrag att spara handlingen.\n"


@pytest.fixture(scope="module")
def pdf_bytes():
    return render(TEXT, running_header="Kommunstyrelsen")


@pytest.fixture
def case(real_data):
    return Case.objects.by_url_key("0064-23").get()


def _files(media: Path) -> list[Path]:
    folder = Path(media) / "bilagor"
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def _add(case, data, user, **kwargs):
    kwargs.setdefault("filename", "Yrkande från S.pdf")
    kwargs.setdefault("kind", Attachment.Kind.YRKANDE)
    return attachment_add(case=case, data=data, user=user, **kwargs)


@pytest.mark.django_db
def test_a_pdf_is_kept_with_its_checksums_size_and_type(case, secretariat, pdf_bytes, settings):
    attachment = _add(case, pdf_bytes, secretariat)
    assert attachment.content_type == "application/pdf" and attachment.is_pdf
    assert attachment.size == len(pdf_bytes)
    assert attachment.sha256 == hashlib.sha256(pdf_bytes).hexdigest()
    assert attachment.sha512 == hashlib.sha512(pdf_bytes).hexdigest()
    assert attachment.filename == "Yrkande från S.pdf" and attachment.uploaded_by == secretariat
    with attachment.file.open("rb") as handle:
        assert handle.read() == pdf_bytes
    assert attachment.history.get().history_change_reason == "Bilaga sparad"
    assert _files(settings.MEDIA_ROOT) == [Path(settings.MEDIA_ROOT) / attachment.file.name]


@pytest.mark.django_db
def test_utf8_text_is_kept_as_text_whatever_its_name_says(case, secretariat):
    attachment = _add(case, "Omröstning – åäö\n".encode(), secretariat, filename="lista.pdf")
    assert attachment.content_type == "text/plain; charset=utf-8"
    assert attachment.filename == "lista.txt"


@pytest.mark.django_db
def test_the_same_bytes_again_give_the_attachment_already_kept_and_link_what_it_came_with(case, secretariat, pdf_bytes):
    first = _add(case, pdf_bytes, secretariat, kind=Attachment.Kind.OVRIGT)
    motion = Motion.objects.filter(case=case).first()
    again = _add(case, pdf_bytes, secretariat, filename="annat namn.pdf", motion=motion)
    assert again.pk == first.pk and Attachment.objects.filter(case=case).count() == 1
    assert again.motion == motion and again.filename == "Yrkande från S.pdf"
    # Another case keeps its own copy.
    other = Case.objects.exclude(pk=case.pk).first()
    assert _add(other, pdf_bytes, secretariat).pk != first.pk


@pytest.mark.django_db
@pytest.mark.parametrize("role", [None, roles.OFFICER, roles.POLITICIAN, roles.READER])
def test_only_the_secretariat_adds_attachments(case, make_user, role, pdf_bytes, settings):
    user = make_user(f"u{role}", role) if role else make_user("utan-roll")
    with pytest.raises(PermissionDenied):
        _add(case, pdf_bytes, user)
    assert not Attachment.objects.exists() and _files(settings.MEDIA_ROOT) == []


@pytest.mark.django_db
def test_the_system_adds_attachments_in_the_import_commands(case, pdf_bytes):
    attachment = _add(case, pdf_bytes, roles.SYSTEM)
    assert attachment.uploaded_by is None


def _encrypted(pdf: bytes) -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(pdf))
    writer.encrypt("hemligt", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


HOSTILE = {
    "empty": (lambda pdf: b"", "tom"),
    "truncated-pdf": (lambda pdf: pdf[: len(pdf) // 3], "PDF-filen"),
    "encrypted-pdf": (_encrypted, "krypterad"),
    "too-large-pdf": (lambda pdf: b"%PDF-1.7\n" + b"0" * (20 * 1024 * 1024), "för stor"),
    "latin-1": (lambda pdf: "Yrkande angående".encode("latin-1"), "UTF-8"),
    "binary": (lambda pdf: b"text\x00\x01\x02", "binära"),
    "png": (lambda pdf: b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "PDF-filer och textfiler"),
    "too-large-text": (lambda pdf: b"a" * (800_001), "storleksgränsen"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_or_unknown_input_is_refused_and_nothing_is_kept(case, secretariat, pdf_bytes, settings, name):
    make, message = HOSTILE[name]
    with pytest.raises(AttachmentRefused, match=message):
        _add(case, make(pdf_bytes), secretariat)
    assert not Attachment.objects.exists()
    assert _files(settings.MEDIA_ROOT) == []


@pytest.mark.django_db
def test_a_link_to_another_case_is_refused(case, secretariat, pdf_bytes):
    other = Motion.objects.exclude(case=case).first()
    with pytest.raises(ValidationError, match="hör inte till ärendet"):
        _add(case, pdf_bytes, secretariat, motion=other)


@pytest.mark.django_db
def test_an_unknown_kind_is_refused(case, secretariat, pdf_bytes):
    with pytest.raises(ValidationError, match="Okänd typ"):
        _add(case, pdf_bytes, secretariat, kind="hemligt")


@pytest.mark.django_db
def test_a_failing_row_save_removes_the_file_written(case, secretariat, pdf_bytes, settings, monkeypatch):
    """Injected failure: the row cannot be saved after the file was stored."""

    def broken(self, *args, **kwargs):
        raise RuntimeError("disken svarar inte")

    monkeypatch.setattr(Attachment, "save", broken)
    with pytest.raises(RuntimeError):
        _add(case, pdf_bytes, secretariat)
    monkeypatch.undo()
    assert not Attachment.objects.exists() and _files(settings.MEDIA_ROOT) == []


@pytest.mark.django_db
def test_a_failure_after_the_attachment_in_the_same_transaction_removes_row_and_file(
    case, secretariat, pdf_bytes, settings
):
    with pytest.raises(RuntimeError), attachments.atomic_with_files():
        attachment = _add(case, pdf_bytes, secretariat)
        assert Path(settings.MEDIA_ROOT, attachment.file.name).exists()
        raise RuntimeError("något annat i samma sparande gick fel")
    assert not Attachment.objects.exists() and _files(settings.MEDIA_ROOT) == []


@pytest.mark.django_db
def test_a_motion_import_that_fails_after_its_document_keeps_nothing(case, secretariat, settings, monkeypatch):
    """The motion, its points and its attachment are one transaction: a failure after the attachment
    was stored (injected into the last step) removes the file too."""
    from motions.importers import parse_motion_text

    parsed = parse_motion_text(seed_lines(SEED_002, 1, 57))
    motions_before = Motion.objects.count()
    original = attachments.attachment_add

    def add_then_fail(**kwargs):
        original(**kwargs)
        raise RuntimeError("avbrutet efter bilagan")

    monkeypatch.setattr(services, "attachment_add", add_then_fail)
    document = Document.from_text(seed_lines(SEED_002, 1, 57), "yrkande.txt")
    with pytest.raises(RuntimeError):
        services.motion_import(case=case, parsed=parsed, user=secretariat, document=document)
    assert Motion.objects.count() == motions_before
    assert not Attachment.objects.exists() and _files(settings.MEDIA_ROOT) == []


@pytest.mark.django_db
def test_a_motion_import_keeps_its_document_with_the_motion(case, secretariat):
    from motions.importers import parse_motion_text

    text = seed_lines(SEED_002, 1, 57)
    motion = services.motion_import(
        case=case, parsed=parse_motion_text(text), user=secretariat, document=Document.from_text(text, "yrkande.txt")
    )
    attachment = Attachment.objects.get(case=case)
    assert attachment.motion == motion and attachment.kind == "yrkande"
    with attachment.file.open("rb") as handle:
        assert handle.read().decode() == text


@pytest.mark.django_db
def test_remove_needs_reason_and_confirmation_then_the_file_goes(case, secretariat, pdf_bytes, settings):
    attachment = _add(case, pdf_bytes, secretariat)
    path = Path(settings.MEDIA_ROOT, attachment.file.name)
    with pytest.raises(ValidationError, match="Bekräfta"):
        attachment_remove(attachment=attachment, user=secretariat, reason="fel fil", confirmed=False)
    with pytest.raises(ValidationError, match="varför"):
        attachment_remove(attachment=attachment, user=secretariat, reason="  ", confirmed=True)
    assert Attachment.objects.filter(pk=attachment.pk).exists() and path.exists()
    with transaction.atomic():  # the file goes when the removal commits: the next test
        attachment_remove(attachment=attachment, user=secretariat, reason="Fel fil", confirmed=True)
    assert not Attachment.objects.filter(pk=attachment.pk).exists()
    removed = Attachment.history.filter(id=attachment.pk, history_type="-").get()
    assert removed.history_change_reason == "Bilaga borttagen: Fel fil" and removed.history_user == secretariat


@pytest.mark.django_db(transaction=True)
def test_a_removal_deletes_the_file_on_commit(secretariat, pdf_bytes, settings, build_case):
    case = build_case(motions=1)
    attachment = _add(case, pdf_bytes, secretariat)
    path = Path(settings.MEDIA_ROOT, attachment.file.name)
    assert path.exists()
    attachment_remove(attachment=attachment, user=secretariat, reason="Fel fil", confirmed=True)
    assert not path.exists()


@pytest.mark.django_db
def test_only_the_secretariat_removes(case, secretariat, make_user, pdf_bytes):
    attachment = _add(case, pdf_bytes, secretariat)
    with pytest.raises(PermissionDenied):
        attachment_remove(attachment=attachment, user=make_user("p", roles.POLITICIAN), reason="x", confirmed=True)


@pytest.mark.django_db
def test_a_staged_document_comes_back_to_its_user_only(secretariat, make_user, pdf_bytes):
    token = attachments.document_stage(document=Document(pdf_bytes, "a.pdf"), user=secretariat)
    assert attachments.document_staged(token, user=secretariat) == Document(pdf_bytes, "a.pdf")
    other = make_user("annan", roles.SECRETARIAT)
    with pytest.raises(AttachmentRefused, match="finns inte kvar"):
        attachments.document_staged(token, user=other)
    with pytest.raises(AttachmentRefused, match="finns inte kvar"):
        attachments.document_staged(token + "x", user=secretariat)
    attachments.document_unstage(token)
    with pytest.raises(AttachmentRefused, match="finns inte kvar"):
        attachments.document_staged(token, user=secretariat)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd", "passwd.txt"),
        ("C:\\Users\\x\\Yrkande (S) 2024-06-04.PDF", "Yrkande (S) 2024-06-04.pdf"),
        ("bilaga\x00<script>.pdf", "bilaga_script.pdf"),
        ("", "bilaga.pdf"),
        ("Protokollsutdrag § 355 åäö.pdf", "Protokollsutdrag § 355 åäö.pdf"),
        ("a" * 300 + ".pdf", "a" * 116 + ".pdf"),
    ],
)
def test_file_names_are_cleaned(name, expected):
    content_type = "text/plain; charset=utf-8" if expected.endswith(".txt") else "application/pdf"
    assert clean_filename(name, content_type) == expected


@pytest.mark.parametrize(
    ("size", "text"),
    [(512, "512\u00a0byte"), (840_000, "840\u00a0kB"), (1_200_000, "1,2\u00a0MB"), (999_999, "1,0\u00a0MB")],
)
def test_sizes_are_written_the_swedish_way(size, text):
    assert format_file_size(size) == text


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_keep_the_attachments_and_their_files(tmp_path, settings, build_case):
    """Attachments live in MEDIA_ROOT beside the published reports: the backup copies both."""
    from django.core.management import call_command

    case = build_case(motions=1)
    attachment = attachment_add(
        case=case, data=b"Bilaga i kopian\n", filename="a.txt", kind="ovrigt", user=roles.SYSTEM
    )
    name = attachment.file.name
    call_command("backup", "--output", str(tmp_path / "kopia"))
    Attachment.objects.all().delete()
    attachment.file.storage.delete(name)
    call_command("restore", str(tmp_path / "kopia"))
    restored = Attachment.objects.get(pk=attachment.pk)
    with restored.file.open("rb") as handle:
        assert handle.read() == b"Bilaga i kopian\n"
