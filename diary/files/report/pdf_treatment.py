"""The PDF's Medicines section and morning-after lines: short paragraphs, few lines."""

from __future__ import annotations

from diary.files.report import model as m
from diary.files.report.pdf_sections import BODY, GREY, SMALL, PageWriter
from diary.files.report.treatment import MEDICINES_NOTE


def medicines(writer: PageWriter, report: m.Report) -> None:
    """The list on the range's last day, the changes in range and the clinic's record."""
    writer.heading(m.MEDICINES)
    taken = "; ".join(report.medicines) or "none recorded"
    writer.para(f"{m.TAKEN_TITLE} {report.end.isoformat()}: {taken}.")
    if report.medicine_changes:
        changes = "; ".join(report.medicine_changes)
        hidden = f" ({report.changes_hidden_line})" if report.changes_hidden_line else ""
        writer.para(f"{m.CHANGES_TITLE}: {changes}.{hidden}")
    if report.clinic:
        writer.para(f"{m.CLINIC_TITLE}:", BODY, bold=True)
        for line in report.clinic:
            writer.para(line, SMALL)
        if report.clinic_hidden_line:
            writer.para(report.clinic_hidden_line, SMALL, colour=GREY)
    writer.para(MEDICINES_NOTE, SMALL, colour=GREY)


def next_morning_text(report: m.Report) -> str:
    """One line for the side-effects column: '... Grogginess: next morning in 4 of 9 ...'."""
    if not report.next_morning:
        return ""
    return f"{m.MORNING_TITLE}: " + "; ".join(report.next_morning) + "."
