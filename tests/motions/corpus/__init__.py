"""The importers' test corpora; `expected_parse` is the one way each corpus test reads its expectation."""

import json
import os
from pathlib import Path


def expected_parse(path: Path, parsed: dict) -> dict:
    """The expected parse beside the document; `CORPUS_WRITE=1` writes a missing one from `parsed`
    (to be read through by a person before it is committed)."""
    expected_path = path.with_suffix(".json")
    if not expected_path.exists() and os.environ.get("CORPUS_WRITE"):
        expected_path.write_text(json.dumps(parsed, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return json.loads(expected_path.read_text("utf-8"))


def set_up_alone() -> None:
    """For a corpus's scoring script run on its own (measure_other.py): Django on an
    in-memory database holding the shipped boards and parties, as benchmarks/import_accuracy.py has.
    Inside the suite the scripts' score() runs under pytest-django instead."""
    os.environ["DATABASE_URL"] = "sqlite://:memory:"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goteborg_uppdrag.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from goteborg_uppdrag.seed_loader import load_all

    call_command("migrate", verbosity=0, interactive=False)
    load_all()
