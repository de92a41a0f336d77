"""Reading a PDF back as text with poppler's pdftotext."""

import subprocess
import tempfile
from pathlib import Path


def normalize(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def pdf_pages(pdf: bytes, *options: str) -> list[str]:
    """The text of each page as poppler's pdftotext reads it (-layout keeps table rows on one line)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.pdf"
        path.write_bytes(pdf)
        command = ["pdftotext", *options, str(path), "-"]
        text = subprocess.run(command, capture_output=True, check=True, text=True).stdout
    return text.split("\f")[:-1]
