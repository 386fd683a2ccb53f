"""The doctor's report: build.py gathers the figures, markdown/html/pdf lay them out."""

from __future__ import annotations

from diary.domain import ValidationError
from diary.files.report.model import Report

FORMATS = ("md", "html", "pdf")


def render(report: Report, fmt: str, password: str | None = None) -> bytes:
    """The report in one of FORMATS, as the bytes of the file (a PDF may have a password)."""
    if fmt == "md":
        from diary.files.report.markdown import render_markdown

        return render_markdown(report).encode("utf-8")
    if fmt == "html":
        from diary.files.report.html import render_html

        return render_html(report).encode("utf-8")
    if fmt == "pdf":
        from diary.files.report.pdf import render_pdf

        return render_pdf(report, report.paper, password)
    raise ValidationError("report format", fmt, "md, html or pdf", key="format")
