"""The report's treatment record: other medicines (the list on the range's last day, and
every start, change and stop in the range), what the clinic recorded at each session, and
how often a side effect was still there the next morning. Record only, never advice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from diary import analysis
from diary.analysis.morning import NextMorning
from diary.domain.clinic import clinic_record
from diary.domain.medicines import (
    Medicine,
    MedicineChange,
    MedicineEvent,
    changes_between,
    medicines_on,
)

MEDICINES_NOTE = "As recorded by the patient; a record only, with no interaction checks."


def _medicine(medicine: Medicine) -> str:
    return f"{medicine.text} ({medicine.med_class.label})"


def current_medicines(
    events: Sequence[MedicineEvent], end: dt.date, *, short: bool = False
) -> tuple[str, ...]:
    """'sertraline 100 mg, 1 daily (antidepressant), since 2026-01-01' for each taken on end;
    for a dose set by a change, since that change and '(started 2025-03-26)' (short: the
    change's day alone, for the PDF's narrow column)."""
    return tuple(
        f"{_medicine(m)}, " + (f"since {m.dose_since.isoformat()}" if short else m.since_text)
        for m in medicines_on(events, end)
    )


def medicine_changes(
    events: Sequence[MedicineEvent], start: dt.date, end: dt.date
) -> tuple[str, ...]:
    """'2026-03-04: stopped lorazepam (benzodiazepine)' for every event in start..end."""
    lines = []
    for event in changes_between(events, start, end):
        what = f"{event.name} ({event.med_class.label})"
        if event.change == MedicineChange.STOP:
            lines.append(f"{event.day.isoformat()}: stopped {what}")
            continue
        dose = Medicine(
            event.name, event.med_class, event.dose, event.unit, event.schedule, event.day
        ).dose_text
        verb = "started" if event.change == MedicineChange.START else "changed"
        lines.append(f"{event.day.isoformat()}: {verb} {what}{', ' + dose if dose else ''}")
    return tuple(lines)


def clinic_line(effect: analysis.SessionEffect) -> str:
    """What the clinic recorded at a session, and its REMS-class medicines; '' when none."""
    session = effect.session
    parts = clinic_record(session)
    if session.rems_medicines:
        parts.append("taking " + ", ".join(_medicine(m) for m in session.rems_medicines))
    if not parts:
        return ""
    return f"{session.day.isoformat()} #{effect.number}: " + "; ".join(parts)


def clinic_lines(summary: analysis.Summary) -> tuple[str, ...]:
    return tuple(line for e in summary.sessions if (line := clinic_line(e)))


def next_morning_lines(found: Sequence[NextMorning]) -> tuple[str, ...]:
    return tuple(item.text for item in found)
