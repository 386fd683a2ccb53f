"""What the session form calls its fields, and the line each field's error shows."""

from __future__ import annotations

from diary.domain import Symptom, ValidationError, VitalLabel, VitalReading

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


def bp_flag(label: str, systolic: str, diastolic: str) -> str:
    """The mark beside a reading as typed: above the 140/90 reference, or nothing."""
    try:
        reading = VitalReading(VitalLabel(label), int(systolic), int(diastolic))
    except ValueError:
        return ""
    return "▲ above 140/90 reference" if reading.above_reference else ""
