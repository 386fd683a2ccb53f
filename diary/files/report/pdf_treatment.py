"""The PDF's Medicines block (under the check-ins, in their column), the clinic's record
of the most recent sessions (full width, below) and the morning-after line."""

from __future__ import annotations

from diary.files.report import model as m
from diary.files.report.pdf_sections import GREY, INK, SMALL, PageWriter


def _para(writer: PageWriter, x: float, width: float, text: str, *, bold=False, colour=INK):
    writer.style(SMALL, bold, colour)
    writer.pdf.set_x(x)
    writer.pdf.multi_cell(width, SMALL * 0.47, writer.safe(text), new_x="LMARGIN", new_y="NEXT")


def medicines(writer: PageWriter, report: m.Report, x: float, width: float) -> None:
    """The list on the range's last day and the changes in range, in a column."""
    pdf = writer.pdf
    pdf.set_x(x)
    writer.heading(m.MEDICINES, width)
    taken = "; ".join(report.medicines_short or report.medicines) or "none recorded"
    _para(writer, x, width, f"{m.TAKEN_TITLE} {report.end.isoformat()}: {taken}.")
    if report.medicine_changes:
        hidden = f" {report.changes_hidden_line}" if report.changes_hidden_line else ""
        changes = "; ".join(report.medicine_changes)
        _para(writer, x, width, f"{m.CHANGES_TITLE}: {changes}.{hidden}")


def next_morning(writer: PageWriter, report: m.Report) -> None:
    """The morning-after figures on one line across the page."""
    if report.next_morning:
        text = f"{m.MORNING_TITLE}: " + "; ".join(report.next_morning) + "."
        text = text.replace(": next morning in ", " ").replace(" sessions;", ";")
        _para(writer, writer.pdf.l_margin, writer.pdf.epw, text)


def clinic(writer: PageWriter, report: m.Report) -> None:
    """What the clinic recorded at the most recent sessions, one small line each (or where
    to find it, when the page has no room)."""
    if not report.all_clinic:
        return
    if not report.clinic:
        text = f"{m.CLINIC_TITLE}: in the HTML and Markdown reports and the sessions CSV."
        _para(writer, writer.pdf.l_margin, writer.pdf.epw, text, colour=GREY)
        return
    x, width = writer.pdf.l_margin, writer.pdf.epw
    top = writer.at()
    _para(writer, x, width, f"{m.CLINIC_TITLE}: " + " | ".join(report.clinic))
    writer.spans["clinic"] = writer.at() - top
    if report.clinic_hidden_line:
        _para(writer, x, width, report.clinic_hidden_line, colour=GREY)
