"""Turning the session form's texts into a checked Session, every bad field reported at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from diary.domain import (
    Session,
    Severity,
    SideEffectRating,
    Symptom,
    ValidationError,
    VitalLabel,
    VitalReading,
)
from diary.domain import validation as check
from diary.domain.edits import keep_what_the_form_omits
from diary.domain.model import reading_time

T = TypeVar("T")


@dataclass(slots=True)
class VitalTexts:
    label: VitalLabel
    systolic: str
    diastolic: str
    heart_rate: str


@dataclass(slots=True)
class SymptomTexts:
    key: str
    severity: Severity
    onset: str
    duration: str


@dataclass(slots=True)
class SessionTexts:
    """What the form holds, as typed."""

    at: str
    route: str
    dose_mg: str
    dose_mg_per_kg: str
    weight_kg: str
    duration_min: str
    phase: str | None
    clinic: str
    note: str
    vitals: list[VitalTexts]
    symptoms: list[SymptomTexts]


def session_from_form(
    texts: SessionTexts,
    now: dt.datetime,
    catalogue: list[Symptom],
    session_id: int | None,
    saved: Session | None = None,
) -> tuple[Session | None, dict[str, str]]:
    """The checked session, or None and a message per field id (the CLI's messages).

    Editing (saved given): what the form does not show of the saved session is kept."""
    errors: dict[str, str] = {}

    def attempt(field: str, parse: Callable[[], T]) -> T | None:
        try:
            return parse()
        except ValidationError as error:
            errors.setdefault(field, str(error))
            return None

    def optional(field: str, text: str, parse: Callable[[str], T]) -> T | None:
        return attempt(field, lambda: parse(text)) if text.strip() else None

    started = attempt("at", lambda: check.moment("date and time", texts.at, now))
    route = attempt("route", lambda: check.route(texts.route))
    dose_mg = optional(
        "dose_mg",
        texts.dose_mg,
        lambda t: check.decimal("dose-mg", t, 0, check.MAX_DOSE_MG, low_open=True),
    )
    per_kg = optional(
        "dose_mg_per_kg",
        texts.dose_mg_per_kg,
        lambda t: check.decimal("dose-mg-per-kg", t, 0, check.MAX_DOSE_MG_PER_KG, low_open=True),
    )
    weight = optional(
        "weight_kg", texts.weight_kg, lambda t: check.decimal("weight-kg", t, *check.WEIGHT_KG)
    )
    duration = optional(
        "duration_min",
        texts.duration_min,
        lambda t: check.whole_number("duration-min", t, 1, check.MINUTES[1]),
    )
    phase = check.phase(texts.phase) if texts.phase else None
    clinic = attempt("clinic", lambda: check.text("clinic", texts.clinic, check.MAX_SHORT_TEXT))
    note = attempt("note", lambda: check.text("note", texts.note))

    vitals = []
    for vital in texts.vitals:
        field = f"vital-{vital.label.value}"
        typed = [vital.systolic.strip(), vital.diastolic.strip(), vital.heart_rate.strip()]
        if not any(typed):
            continue
        name = f"bp {vital.label.label}"
        reading = attempt(
            field,
            lambda v=vital, name=name: check.check_vital(
                VitalReading(
                    v.label,
                    check.whole_number(f"{name} systolic", v.systolic, *check.SYSTOLIC),
                    check.whole_number(f"{name} diastolic", v.diastolic, *check.DIASTOLIC),
                    None
                    if not v.heart_rate.strip()
                    else check.whole_number(f"{name} heart rate", v.heart_rate, *check.HEART_RATE),
                ),
                name,
            ),
        )
        if reading is not None:
            vitals.append(reading)

    ratings = []
    for symptom in texts.symptoms:
        if symptom.severity == Severity.NONE and not (symptom.onset or symptom.duration):
            continue
        field = f"symptom-{symptom.key}"
        onset = optional(
            field,
            symptom.onset,
            lambda t, k=symptom.key: check.whole_number(
                f"onset of {k} (minutes)", t, *check.MINUTES
            ),
        )
        lasted = optional(
            field,
            symptom.duration,
            lambda t, k=symptom.key: check.whole_number(
                f"duration of {k} (minutes)", t, *check.MINUTES
            ),
        )
        ratings.append(SideEffectRating(symptom.key, symptom.severity, onset, lasted))

    if errors or started is None or route is None:
        return None, errors
    session = Session(
        started_at=started,
        route=route,
        dose_mg=dose_mg,
        dose_mg_per_kg=per_kg,
        weight_kg=weight,
        duration_min=duration,
        phase=phase,
        clinic=clinic or "",
        note=note or "",
        vitals=tuple(
            VitalReading(
                v.label,
                v.systolic,
                v.diastolic,
                v.heart_rate,
                taken_at=reading_time(started, v.label),
            )
            for v in vitals
        ),
        side_effects=tuple(ratings),
        id=session_id,
    )
    if saved is not None:
        session = keep_what_the_form_omits(
            session, saved, [v.label for v in texts.vitals], [s.key for s in texts.symptoms]
        )
    try:
        return check.check_session(session, now, catalogue), {}
    except ValidationError as error:
        return None, {"form": str(error)}
