"""The report as HTML (preview and PDF source) and as PDF, always through the safe renderer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.template.loader import render_to_string
from django.utils import translation

from core.pdf import render_pdf

from .composition import REPORT_LANGUAGE
from .document import Report

if TYPE_CHECKING:
    from core.pdf_weasyprint import StaticOnlyURLFetcher  # WeasyPrint only where a PDF renders


def report_body_html(report: Report) -> str:
    """The report itself (cover, contents, sections), shared by the preview page and the PDF."""
    with translation.override(REPORT_LANGUAGE):
        return render_to_string("reports/_report.html", {"report": report})


def report_document_html(report: Report, body: str | None = None) -> str:
    """A complete standalone HTML document for WeasyPrint: the body, the report CSS and the page footer."""
    with translation.override(REPORT_LANGUAGE):
        return render_to_string(
            "reports/report_document.html",
            {"report": report, "body": body if body is not None else report_body_html(report)},
        )


def render_report_pdf(report: Report, *, fetcher: StaticOnlyURLFetcher | None = None) -> bytes:
    return render_pdf(report_document_html(report), fetcher=fetcher)
