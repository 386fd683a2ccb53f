"""The CSV columns of the treatment record: what the clinic recorded at a session, the
REMS-class medicines current on its day, the morning after, and each day's medicines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from diary.domain import Session, Symptom
from diary.domain.medicines import Medicine, MedicineEvent, medicines_on
from diary.domain.model import CLINIC_NOTED
from diary.domain.morning import MorningAfter

CLINIC_HEADER = [
    "devices",
    "lot",
    "observed_min",
    "ready_after_min",
    *[f"clinic_noted_{what}" for what in CLINIC_NOTED],
    "home_with",
    "rems_medicines",
]


def medicines_text(medicines: Sequence[Medicine]) -> str:
    """'sertraline 50 mg, 1 daily (antidepressant); ...'."""
    return "; ".join(f"{m.text} ({m.med_class.label})" for m in medicines)


def clinic_cells(session: Session) -> list[object]:
    return [
        "" if session.devices is None else session.devices,
        session.lot,
        "" if session.observed_min is None else session.observed_min,
        "" if session.ready_after_min is None else session.ready_after_min,
        *[session.noted(what).value for what in CLINIC_NOTED],
        session.home_with,
        medicines_text(session.rems_medicines),
    ]


def morning_header(symptoms: Sequence[Symptom]) -> list[str]:
    return ["morning_rated_at", *[f"morning_{s.key}" for s in symptoms], "morning_note"]


def morning_cells(morning: MorningAfter | None, symptoms: Sequence[Symptom]) -> list[object]:
    """The morning's time, each symptom's severity there (empty: not rated), its note."""
    if morning is None:
        return [""] * (len(symptoms) + 2)
    severities = [morning.severity_of(s.key) for s in symptoms]
    return [
        morning.rated_at.strftime("%Y-%m-%d %H:%M"),
        *["" if level is None else int(level) for level in severities],
        morning.note,
    ]


def day_medicines(
    events: Sequence[MedicineEvent], start: dt.date, end: dt.date
) -> Mapping[dt.date, str]:
    """Each day's medicines as text, for the days from start to end that have any."""
    if not events:
        return {}
    out = {}
    day = start
    while day <= end:
        taken = medicines_on(events, day)
        if taken:
            out[day] = medicines_text(taken)
        day += dt.timedelta(days=1)
    return out
