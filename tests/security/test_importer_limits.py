"""The limits of the importers: size of pasted text and of uploads, UTF-8 only, no binary.

Every importer the product has is covered: the motion importer and the roll-call importer, each in
the browser (pasted text, uploaded file) and as a management command. (The budget app takes no
uploads or pasted documents: its forms are fuzzed in test_fuzz_more_forms.py.) Each refusal says
why in Swedish on the field, and nothing is saved.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from motions.importers import MAX_TEXT_CHARS, MAX_UPLOAD_BYTES
from motions.models import Case, DecisionPoint, Member, Motion, Vote, VoteRecord
from motions.uploads import LimitedUploadHandler, OversizedUpload
from tests.motions.conftest import SEED_000, SEED_002, seed_lines

MOTION_TEXT = seed_lines(SEED_002, 1, 57)
ROLLCALL_TEXT = seed_lines(SEED_000, 1486, 1601)

TOO_LONG = "Texten är för lång (högst 200000 tecken)."
TOO_BIG = "Filen är för stor (högst 200000 tecken)."
NOT_UTF8 = "Filen är inte UTF-8-kodad (rad {line}). Spara den som UTF-8 och försök igen."
BINARY = "Texten innehåller binära tecken; klistra in ren text."


@pytest.fixture
def importer(real_data, secretariat):
    client = Client()
    client.force_login(secretariat)
    return client


@pytest.fixture
def rollcall_url(real_data):
    case = Case.objects.by_url_key("0355-20").get()
    decision = case.decisions.get(paragraph=4)
    return f"/arenden/0355-20/beslut/{decision.pk}/las-in-omrostning/"


def _saved():
    return (
        Motion.objects.count(),
        DecisionPoint.objects.count(),
        Vote.objects.count(),
        VoteRecord.objects.count(),
        Member.objects.count(),
        Motion.history.count(),
        Vote.history.count(),
    )


def _upload(data: bytes, name: str = "dokument.txt"):
    file = io.BytesIO(data)
    file.name = name
    return file


IMPORTERS = ["yrkande", "omröstning"]


def _post(client, which: str, rollcall_url: str, **data):
    if which == "yrkande":
        return client.post("/arenden/0064-23/las-in-yrkande/", {**data, "bekrafta": "1"})
    return client.post(rollcall_url, {"proposition": "Ja för avslag", **data, "bekrafta": "1"})


def _refused(response, field: str, message: str, before) -> None:
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    html = response.content.decode()
    assert message in html and 'aria-invalid="true"' in html
    assert _saved() == before, "a refused import saved something"


@pytest.mark.parametrize("which", IMPORTERS)
def test_pasted_text_above_the_limit_is_refused(importer, rollcall_url, which):
    before = _saved()
    response = _post(importer, which, rollcall_url, text="x" * (MAX_TEXT_CHARS + 1))
    _refused(response, "text", TOO_LONG, before)


@pytest.mark.parametrize("which", IMPORTERS)
def test_pasted_text_at_the_limit_is_read(importer, rollcall_url, which):
    text = MOTION_TEXT if which == "yrkande" else ROLLCALL_TEXT
    padded = text + "\n" * (MAX_TEXT_CHARS - len(text))  # blank lines: ignored by both parsers
    assert len(padded) == MAX_TEXT_CHARS
    response = _post(importer, which, rollcall_url, text=padded)
    assert response.status_code == 302


@pytest.mark.parametrize("which", IMPORTERS)
@pytest.mark.parametrize("size", [MAX_UPLOAD_BYTES + 1, 5 * MAX_UPLOAD_BYTES])
def test_an_upload_above_the_limit_is_refused(importer, rollcall_url, which, size):
    before = _saved()
    response = _post(importer, which, rollcall_url, file=_upload(b"a" * size))
    _refused(response, "file", TOO_BIG, before)


@pytest.mark.parametrize("which", IMPORTERS)
def test_an_upload_of_more_characters_than_the_limit_is_refused(importer, rollcall_url, which):
    before = _saved()
    response = _post(importer, which, rollcall_url, file=_upload(b"a" * (MAX_TEXT_CHARS + 1)))
    _refused(response, "file", TOO_LONG, before)


@pytest.mark.parametrize("which", IMPORTERS)
@pytest.mark.parametrize(
    ("encode", "line"),
    [
        pytest.param(lambda text: text.encode("latin-1", errors="replace"), 1, id="latin-1"),
        pytest.param(lambda text: text.encode("cp1252", errors="replace"), 1, id="cp1252"),
        pytest.param(lambda text: text.encode("utf-16"), 1, id="utf-16"),
        pytest.param(lambda text: text.encode("utf-8")[:-1] + b"\n\xff", 2, id="bad-last-line"),
        pytest.param(lambda text: b"ok\n\xed\xa0\x80", 2, id="encoded-surrogate"),
        pytest.param(lambda text: b"\xc0\xaf", 1, id="overlong"),
    ],
)
def test_a_file_that_is_not_utf8_is_refused_with_its_line(importer, rollcall_url, which, encode, line):
    data = encode("Yrkande angående åtgärder för Göteborg")
    if line == 2 and b"\n" not in data:
        data = data + b"\n\xff"
    before = _saved()
    response = _post(importer, which, rollcall_url, file=_upload(data))
    _refused(response, "file", NOT_UTF8.format(line=line), before)


@pytest.mark.parametrize("which", IMPORTERS)
def test_a_file_with_a_nul_is_refused(importer, rollcall_url, which):
    before = _saved()
    response = _post(importer, which, rollcall_url, file=_upload("Yrkande angående\x00x\n".encode()))
    _refused(response, "file", BINARY, before)


@pytest.mark.parametrize("which", IMPORTERS)
def test_pasted_text_with_a_nul_is_refused(importer, rollcall_url, which):
    before = _saved()
    response = _post(importer, which, rollcall_url, text="Yrkande angående\x00x\n")
    assert response.status_code == 200
    assert response.context["form"].errors["text"]
    assert _saved() == before


@pytest.mark.parametrize("which", IMPORTERS)
def test_a_utf8_file_with_a_byte_order_mark_and_windows_line_ends_is_read(importer, rollcall_url, which):
    text = MOTION_TEXT if which == "yrkande" else ROLLCALL_TEXT
    data = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    response = _post(importer, which, rollcall_url, file=_upload(data))
    assert response.status_code == 302


def test_a_request_too_big_for_any_form_gets_a_swedish_page(importer):
    """Above Django's DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB of fields) no form sees the request: a 400 page."""
    before = _saved()
    response = importer.post("/arenden/0064-23/las-in-yrkande/", {"text": "å" * 1_400_000, "bekrafta": "1"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Det du skickade kunde inte tas emot" in html and "högst 200 000 tecken" in html
    assert '<html lang="sv">' in html
    assert _saved() == before


def test_too_many_fields_get_the_same_page(importer):
    data = {f"falt{i}": "x" for i in range(1_100)}  # above DATA_UPLOAD_MAX_NUMBER_FIELDS
    response = importer.post("/budget/namnder/kommunstyrelsen/2023/augusti/kommuncentrala-poster/", data)
    assert response.status_code == 400
    assert "Det du skickade kunde inte tas emot" in response.content.decode()


# --- the upload handler: an oversized file is never kept --------------------------------------------------------------


def test_the_importers_keep_nothing_of_a_file_above_the_limit(importer, monkeypatch):
    seen = []
    original = LimitedUploadHandler.file_complete

    def spy(self, file_size):
        result = original(self, file_size)
        seen.append((result, result.file.getvalue()))
        return result

    monkeypatch.setattr(LimitedUploadHandler, "file_complete", spy)
    response = importer.post(
        "/arenden/0064-23/las-in-yrkande/", {"file": _upload(b"a" * (3 * MAX_UPLOAD_BYTES)), "bekrafta": "1"}
    )
    assert response.status_code == 200
    ((stand_in, content),) = seen
    assert isinstance(stand_in, OversizedUpload)
    assert stand_in.size > MAX_UPLOAD_BYTES and content == b""
    assert response.context["form"].errors["file"] == [TOO_BIG]


def test_a_file_within_the_limit_passes_the_handler_untouched(importer, monkeypatch):
    seen = []
    original = LimitedUploadHandler.file_complete
    monkeypatch.setattr(
        LimitedUploadHandler, "file_complete", lambda self, size: seen.append(size) or original(self, size)
    )
    response = importer.post(
        "/arenden/0064-23/las-in-yrkande/", {"file": _upload(MOTION_TEXT.encode()), "bekrafta": "1"}
    )
    assert response.status_code == 302
    assert seen == [len(MOTION_TEXT.encode())]


def test_the_importers_still_check_csrf(real_data, secretariat):
    client = Client(enforce_csrf_checks=True)
    client.force_login(secretariat)
    before = _saved()
    response = client.post("/arenden/0064-23/las-in-yrkande/", {"text": MOTION_TEXT, "bekrafta": "1"})
    assert response.status_code == 403
    assert "Formuläret kunde inte skickas" in response.content.decode()
    page = client.get("/arenden/0064-23/las-in-yrkande/")
    token = page.cookies["csrftoken"].value
    response = client.post(
        "/arenden/0064-23/las-in-yrkande/", {"text": MOTION_TEXT, "bekrafta": "1", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    assert _saved()[0] == before[0] + 1


# --- the management commands ------------------------------------------------------------------------------------------


@pytest.fixture
def folder():
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def _command(which: str, path: Path):
    if which == "yrkande":
        call_command("import_motion", str(path), case="0064-23")
    else:
        call_command("import_rollcall", str(path), decision="KF:2022-06-16:4", proposition="Ja för avslag")


@pytest.mark.parametrize("which", IMPORTERS)
@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(b"a" * (MAX_UPLOAD_BYTES + 1), TOO_BIG, id="too-big"),
        pytest.param(b"a" * (MAX_TEXT_CHARS + 1), TOO_LONG, id="too-long"),
        pytest.param("Yrkande angående åäö".encode("latin-1"), NOT_UTF8.format(line=1), id="latin-1"),
        pytest.param(b"Yrkande\x00", BINARY, id="nul"),
    ],
)
def test_the_commands_refuse_the_same_files(real_data, folder, which, content, message):
    path = folder / "dokument.txt"
    path.write_bytes(content)
    before = _saved()
    with pytest.raises(CommandError) as error:
        _command(which, path)
    assert str(error.value) == message
    assert _saved() == before


def test_a_command_reads_no_more_than_the_limit(real_data, folder, monkeypatch):
    """A huge file is not read whole into memory to be refused."""
    path = folder / "stor.txt"
    path.write_bytes(b"a" * (3 * MAX_UPLOAD_BYTES))
    reads = []
    real_open = open

    def spying_open(file, mode="r", *args, **kwargs):
        handle = real_open(file, mode, *args, **kwargs)
        if str(file) == str(path):
            original_read = handle.read
            handle.read = lambda size=-1: reads.append(size) or original_read(size)
        return handle

    monkeypatch.setattr("builtins.open", spying_open)
    with pytest.raises(CommandError, match="för stor"):
        _command("yrkande", path)
    assert sum(reads) == MAX_UPLOAD_BYTES + 1


@pytest.mark.parametrize("which", IMPORTERS)
def test_a_command_given_a_folder_says_so(real_data, folder, which):
    with pytest.raises(CommandError, match="kunde inte läsas"):
        _command(which, folder)
