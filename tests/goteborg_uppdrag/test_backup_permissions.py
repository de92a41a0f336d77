"""A backup holds password hashes and sessions: its folder is 0700 and every file in it 0600."""

import os
import stat

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.mark.django_db(transaction=True)
def test_backup_folder_and_files_are_readable_by_the_owner_only(tmp_path, settings, secretariat):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    default_storage.save("rapporter/test.pdf", ContentFile(b"%PDF-1.7 publicerad"))
    old_umask = os.umask(0o022)  # the usual umask, which would leave files 0644
    try:
        call_command("backup", "--output", str(tmp_path / "kopia"))
    finally:
        os.umask(old_umask)

    target = tmp_path / "kopia"
    assert _mode(target) == 0o700
    paths = list(target.rglob("*"))
    assert any(p.name.startswith("database") for p in paths)
    assert any(p.suffix == ".pdf" for p in paths)
    for path in paths:
        assert _mode(path) == (0o700 if path.is_dir() else 0o600), path
