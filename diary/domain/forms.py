"""Text fields as typed (in the app's forms or on the command line) to a checked record.

One place for both faces: each function returns the record, or None with every bad field's
error keyed by the field (the app marks them all; the command line reports the first).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TypeVar

from diary.domain import model
from diary.domain import validation as check
from diary.domain.clinic import ClinicTexts, with_clinic_texts
from diary.domain.doses import check_dose_agreement
from diary.domain.edits import keep_what_the_form_omits
from diary.domain.errors import ValidationError
from diary.domain.field_errors import FieldErrors

T = TypeVar("T")


# --- a session ---------------------------------------------------------------------------


@dataclass(slots=True)
class VitalTexts:
    """One reading as typed: systolic, diastolic and heart rate, or SYS/DIA in one text."""

    label: model.VitalLabel
    systolic: str = ""
    diastolic: str = ""
    heart_rate: str = ""
    pair: str | None = None  # "128/82" from the command line

    @property
    def typed(self) -> bool:
        return self.pair is not None or any(
            t.strip() for t in (self.systolic, self.diastolic, self.heart_rate)
        )


@dataclass(slots=True)
class SymptomTexts:
    """One symptom's rating as typed: by key or label, severity as a digit or a Severity.

    A row of the app's grid left at none is no rating; a rating typed on the command line
    (`explicit`) is kept even at none.
    """

    name: str
    severity: model.Severity | str
    onset: str | None = None
    duration: str | None = None
    explicit: bool = False

    @classmethod
    def from_pair(cls, value: str) -> SymptomTexts:
        """'dizziness=2' as typed on the command line."""
        name, sep, severity = (value or "").partition("=")
        if not sep:
            raise ValidationError(
                "symptom", value, "NAME=SEVERITY like dizziness=2", key="symptom"
            )
        return cls(name, severity, explicit=True)


@dataclass(slots=True)
class SessionTexts:
    """What a session form (or `diary session add` and `edit`) holds, as typed."""

    at: str
    route: str
    dose_mg: str | None = None
    dose_mg_per_kg: str | None = None
    weight_kg: str | None = None
    duration_min: str | None = None
    phase: str | None = None
    clinic: str | None = None
    note: str | None = None
    vitals: list[VitalTexts] = field(default_factory=list)
    symptoms: list[SymptomTexts] = field(default_factory=list)
    record: ClinicTexts = field(default_factory=ClinicTexts)  # lot, devices, what was noted


def _number(value: float | None) -> str | None:
    return None if value is None else f"{value:g}"


def texts_of(session: model.Session) -> SessionTexts:
    """A saved session as the command line would type it (each label's first reading as its
    SYS/DIA pair and heart rate, each rating given even at none), but for the clinic's
    record, which session_from_texts keeps from the saved session field by field, as it keeps
    a second reading of a label (from a restore or an import) whole."""
    firsts: dict[model.VitalLabel, model.VitalReading] = {}
    for reading in session.vitals:
        firsts.setdefault(reading.label, reading)
    return SessionTexts(
        at=session.started_at.strftime("%Y-%m-%d %H:%M"),
        route=session.route.value,
        dose_mg=_number(session.dose_mg),
        dose_mg_per_kg=_number(session.dose_mg_per_kg),
        weight_kg=_number(session.weight_kg),
        duration_min=_number(session.duration_min),
        phase=None if session.phase is None else session.phase.value,
        clinic=session.clinic,
        note=session.note,
        vitals=[
            VitalTexts(
                r.label, pair=f"{r.systolic}/{r.diastolic}", heart_rate=_number(r.heart_rate) or ""
            )
            for r in firsts.values()
        ],
        symptoms=[
            SymptomTexts(
                r.symptom,
                str(int(r.severity)),
                _number(r.onset_min),
                _number(r.duration_min),
                explicit=True,
            )
            for r in session.side_effects
        ],
    )


def typed_over(saved: model.Session, typed: SessionTexts) -> SessionTexts:
    """What an edit reads: the saved session's texts with what was typed put over them.

    A field typed as None (the date, route and phase also blank) stays as saved; a reading
    typed for a label replaces the saved one's pressure (its heart rate stays unless one is
    typed: the command line has no flag for it), a rating typed for a symptom replaces the
    saved one; typed nasal
    devices work the dose out again unless a dose is typed with them. The clinic's record
    is as typed (session_from_texts keeps the rest from saved).
    """
    kept = texts_of(saved)

    def text(name: str) -> str | None:
        value = getattr(typed, name)
        return getattr(kept, name) if value is None else value

    pairs = {v.label: v for v in typed.vitals}
    vitals = []
    for reading in kept.vitals:
        given = pairs.pop(reading.label, None)
        if given is None or not given.pair:
            vitals.append(reading)
        else:
            vitals.append(replace(given, heart_rate=given.heart_rate or reading.heart_rate))
    ratings = {s.name: s for s in typed.symptoms}
    symptoms = [ratings.pop(rating.name, None) or rating for rating in kept.symptoms]
    new_devices = typed.record.devices is not None and typed.dose_mg is None
    return SessionTexts(
        at=typed.at or kept.at,
        route=typed.route or kept.route,
        dose_mg=None if new_devices else text("dose_mg"),
        dose_mg_per_kg=text("dose_mg_per_kg"),
        weight_kg=text("weight_kg"),
        duration_min=text("duration_min"),
        phase=typed.phase or kept.phase,
        clinic=text("clinic"),
        note=text("note"),
        vitals=[*vitals, *pairs.values()],
        symptoms=[*symptoms, *ratings.values()],
        record=typed.record,
    )


def _reading(texts: VitalTexts, started: dt.datetime) -> model.VitalReading:
    name, key = check.vital_field(texts.label)
    if texts.pair is not None:
        systolic, diastolic = check.blood_pressure(name, texts.pair, key=key)
    else:
        systolic = check.whole_number(f"{name} systolic", texts.systolic, *check.SYSTOLIC)
        diastolic = check.whole_number(f"{name} diastolic", texts.diastolic, *check.DIASTOLIC)
    heart_rate = (  # a pair kept by an edit carries its saved heart rate along
        check.whole_number(f"{name} heart rate", texts.heart_rate, *check.HEART_RATE)
        if texts.heart_rate.strip()
        else None
    )
    reading = model.VitalReading(
        texts.label,
        systolic,
        diastolic,
        heart_rate,
        taken_at=model.reading_time(started, texts.label),
    )
    return check.check_vital(reading)


def _rating(
    texts: SymptomTexts, catalogue: Sequence[model.Symptom]
) -> model.SideEffectRating | None:
    """The rating, or None for a symptom left at none with no minutes typed."""
    key = check.known_symptom(texts.name, list(catalogue))
    severity = check.severity(f"severity of {texts.name.strip()}", texts.severity)
    if (
        severity == model.Severity.NONE
        and not texts.explicit
        and texts.onset is texts.duration is None
    ):
        return None
    minutes = {}
    for name, text in (("onset", texts.onset), ("duration", texts.duration)):
        minutes[name] = (
            None
            if text is None
            else check.whole_number(f"{name} of {key} (minutes)", text, *check.MINUTES)
        )
    return model.SideEffectRating(key, severity, minutes["onset"], minutes["duration"])


def session_from_texts(
    texts: SessionTexts,
    now: dt.datetime,
    catalogue: Sequence[model.Symptom],
    *,
    session_id: int | None = None,
    saved: model.Session | None = None,
) -> tuple[model.Session | None, FieldErrors]:
    """The checked session, or None with every bad field's error.

    Editing (saved given): what the form does not show of the saved session is kept.
    """
    errors = FieldErrors()
    started = errors.attempt("at", lambda: check.moment("date and time", texts.at, now))
    vitals = []
    for vital in texts.vitals:
        if vital.typed:
            reading = errors.attempt(
                check.vital_field(vital.label)[1],
                lambda v=vital: _reading(v, started or now),
            )
            if reading is not None:
                vitals.append(reading)
    route = errors.attempt("route", lambda: check.route(texts.route))
    phase = errors.optional("phase", texts.phase, check.phase)
    ratings = []
    for symptom in texts.symptoms:
        key = "symptom" if symptom.explicit else f"symptom-{symptom.name}"
        rating = errors.attempt(key, lambda s=symptom: _rating(s, catalogue))
        if rating is not None:
            ratings.append(rating)
    dose_mg = errors.optional("dose_mg", texts.dose_mg, check.dose_in_mg)
    per_kg = errors.optional("dose_mg_per_kg", texts.dose_mg_per_kg, check.dose_per_kg)
    weight = errors.optional("weight_kg", texts.weight_kg, check.weight_in_kg)
    if "dose_mg" not in errors.by_key:
        errors.attempt("dose_mg", lambda: check_dose_agreement(dose_mg, per_kg, weight))
    minutes = errors.optional("duration_min", texts.duration_min, check.duration)
    clinic = errors.attempt(
        "clinic", lambda: check.text("clinic", texts.clinic or "", check.MAX_SHORT_TEXT)
    )
    note = errors.attempt("note", lambda: check.text("note", texts.note or ""))
    if started is None or route is None:
        return None, errors
    session = model.Session(
        started_at=started,
        route=route,
        dose_mg=dose_mg,
        dose_mg_per_kg=per_kg,
        weight_kg=weight,
        duration_min=minutes,
        phase=phase,
        clinic=clinic or "",
        note=note or "",
        vitals=tuple(vitals),
        side_effects=tuple(ratings),
        id=session_id,
    )
    session = with_clinic_texts(session, texts.record, saved, errors)
    if errors:
        return None, errors
    if saved is not None:
        session = keep_what_the_form_omits(
            session, saved, [v.label for v in texts.vitals], [s.name for s in texts.symptoms]
        )
    checked = errors.attempt("form", lambda: check.check_session(session, now, list(catalogue)))
    return checked, errors
