"""What the session form calls its fields, and the line each field's error shows."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Input

from diary.domain import Symptom, ValidationError, VitalLabel, VitalReading
from diary.domain.pressure import reading_flags

DOSE_FIELDS = ("dose_mg", "dose_mg_per_kg", "weight_kg")
VITAL_ROWS = (VitalLabel.PRE, VitalLabel.FORTY, VitalLabel.DISCHARGE)
DETAIL_FIELDS = ("at", "route", "dose_mg", "dose_mg_per_kg", "weight_kg", "duration_min", "clinic")
# what an error calls a field: its label on this screen
LABELS = {
    "at": "Date & time",
    "route": "Route",
    "dose_mg": "Dose mg",
    "dose_mg_per_kg": "Dose mg/kg",
    "weight_kg": "Weight kg",
    "duration_min": "Minutes",
    "phase": "Phase",
    "clinic": "Clinic",
    "note": "Notes",
}


def number_text(value: float | int | None) -> str:
    return "" if value is None else f"{value:g}"


def error_lines(errors: dict[str, ValidationError], symptoms: list[Symptom]) -> dict[str, str]:
    """Each bad field's line, by the id suffix of its error Static (symptom-N by row)."""
    index_of = {s.key: i for i, s in enumerate(symptoms)}
    shown: dict[str, str] = {}
    for field, error in errors.items():
        if field.startswith("symptom-"):
            field = f"symptom-{index_of[field[8:]]}"
        label = LABELS.get(error.key)
        shown[field] = error.line(label) if label else str(error)
    return shown


def typed_reading(screen: Screen, label: str) -> VitalReading | None:
    """The reading typed on screen for label, or None while either number is not whole."""
    parts = (screen.query_one(f"#{part}-{label}", Input).value for part in ("sys", "dia"))
    try:
        return VitalReading(VitalLabel(label), *(int(part) for part in parts))
    except ValueError:
        return None


def bp_flag(reading: VitalReading | None, pre: VitalReading | None) -> str:
    """The marks beside a reading as typed: each reference point it passes, or nothing."""
    flags = () if reading is None else reading_flags(reading, pre)
    return "; ".join(flag.short for flag in flags)
