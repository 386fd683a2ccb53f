"""The session form's fields: what it calls them, its blood-pressure rows and symptom
grid, and the line each field's error shows."""

from __future__ import annotations

from textual.containers import Horizontal
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from diary.domain import Symptom, ValidationError, VitalLabel, VitalReading
from diary.domain.pressure import reading_flags
from diary.tui.widgets.field_error import FieldError
from diary.tui.widgets.number_field import NumberField
from diary.tui.widgets.severity_picker import SeverityPicker
from diary.tui.widgets.text_field import TextField

DOSE_FIELDS = ("dose_mg", "dose_mg_per_kg", "weight_kg")
VITAL_ROWS = (VitalLabel.PRE, VitalLabel.FORTY, VitalLabel.DISCHARGE)
DETAIL_FIELDS = (
    "at",
    "route",
    "dose_mg",
    "dose_mg_per_kg",
    "weight_kg",
    "devices",
    "duration_min",
    "clinic",
)
# the clinic's record, in its own section (session_clinic.py)
CLINIC_LABELS = {
    "devices": "Nasal devices",
    "lot": "Lot number",
    "observed_min": "Observed min",
    "ready_after_min": "Ready to leave after min",
    "clinic_noted": "The clinic noted",
    "home_with": "Home with",
}
# the fields whose errors show on a line of their own (the others under the form)
OWN_LINE = (*DETAIL_FIELDS, *CLINIC_LABELS, "note")
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
    **CLINIC_LABELS,
}


def number_text(value: float | int | None) -> str:
    return "" if value is None else f"{value:g}"


def blood_pressure_rows() -> list[Widget]:
    """A row per reading (systolic / diastolic, heart rate, its marks), each with an error line."""

    def field(id: str, placeholder: str, classes: str = "tiny pressure") -> Input:
        return TextField(compact=True, id=id, classes=classes, placeholder=placeholder)

    rows: list[Widget] = []
    for label in VITAL_ROWS:
        part = label.value
        rows += [
            Horizontal(
                Label(label.label, classes="inline-label vital-label"),
                field(f"sys-{part}", "SYS"),
                Label("/", classes="slash"),
                field(f"dia-{part}", "DIA"),
                field(f"hr-{part}", "HR", "tiny"),
                Static("", id=f"flag-{part}", classes="bp-flag"),
                classes="form-row vital-row",
            ),
            FieldError(f"vital-{part}"),
        ]
    return rows


def symptom_rows(symptoms: list[Symptom]) -> list[Widget]:
    """A 0-3 picker per symptom, its onset and minutes it lasted, and its error line."""
    width = min(40, max([23, *(len(s.label) for s in symptoms)]) + 1)
    rows: list[Widget] = []
    for index, symptom in enumerate(symptoms):
        minutes = [
            NumberField(
                label=label,
                unit=" min",
                placeholder="min",
                id=f"{kind}-{index}",
                width=4,
                classes="minutes",
            )
            for kind, label in (("onset", "onset after "), ("lasted", "lasted "))
        ]
        rows += [
            SeverityPicker(symptom.key, symptom.label, id=f"sev-{index}", label_width=width),
            Horizontal(*minutes, classes="minutes-row"),
            FieldError(f"symptom-{index}"),
        ]
    return rows


def error_lines(errors: dict[str, ValidationError], symptoms: list[Symptom]) -> dict[str, str]:
    """Each bad field's line, by the field its FieldError speaks for (symptom-N by row)."""
    index_of = {s.key: i for i, s in enumerate(symptoms)}
    shown: dict[str, str] = {}
    for field, error in errors.items():
        if field.startswith("symptom-"):
            field = f"symptom-{index_of[field[8:]]}"
        if field == "form" and error.key in OWN_LINE:  # a field's own check, run on the whole
            field = error.key
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
