"""The daily CSV's header, written out once for the tests of `diary export` and of csv.py."""

from __future__ import annotations

from collections.abc import Iterable

BUILTIN_KEYS = [
    *["dizziness", "nausea", "vomiting", "dissociation", "blurred_vision"],
    *["high_blood_pressure", "anxiety", "confusion", "floating_sensation"],
    *["hallucinations", "grogginess"],
]


def daily_header(symptom_keys: Iterable[str] = BUILTIN_KEYS) -> list[str]:
    """The header of a daily CSV for a diary with these symptoms, in this order."""
    return [
        *["date", "mood", "anxiety", "sleep_hours"],
        *["sessions", "route", "phase", "dose_mg", "dose_mg_per_kg"],
        *["bp_pre_sys", "bp_pre_dia", "hr_pre", "spo2_pre"],
        *["bp_40_sys", "bp_40_dia", "hr_40", "spo2_40"],
        *["bp_discharge_sys", "bp_discharge_dia", "hr_discharge", "spo2_discharge"],
        *["phq9", "phq9_item9", "gad7"],
        *[f"se_{key}" for key in symptom_keys],
        "medicines",  # schema 2: what was taken that day
        "note",
    ]
